"""Evaluation rounds: a round file (or spreadsheet) → the council and each product's result.

``model`` (Round, ProductResult, Member), ``loading`` (load_round, round_from_data),
``checks`` (quorum, meeting, decision, totals, card outcomes), ``council_rules`` (bands,
competence, Quy chế defaults).
"""
