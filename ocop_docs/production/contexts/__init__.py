"""Contexts: a dossier, a round file or a scorecard → the data one template is filled with.

One module per document kind (``phieu_dang_ky``, ``bao_cao_tu_danh_gia``, ``bao_cao_xa``,
``bien_ban``, ``quyet_dinh``, ``giay_chung_nhan``, ``phieu_danh_gia``), each with its template
in ``templates/`` and its schema in ``schemas/contexts/``; ``registry`` lists them, ``kind``
says what a kind is, ``building`` is the entry point (``build_context``). Shared parts:
``dossier`` (what Mẫu 01–03 print from a dossier), ``council`` (what the round documents
share), ``scorecards`` (rubrics and self-assessment cards), ``dates`` (each document's date).
"""
