"""Evaluation rounds: a round file (or spreadsheet) → the council and each product's result.

``model`` (Round, ProductResult, Member), ``loading`` (load_round, round_from_data),
``checks`` (quorum, meeting, decision, totals, card outcomes). The bands, who recognises
what and the Quy chế defaults are the regime's data (:mod:`ocop_docs.rules.regimes`).
"""
