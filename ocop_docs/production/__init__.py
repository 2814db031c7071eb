"""The produce pipeline: dossier | round | spreadsheet → context → .docx → .pdf → bundle.

``inputs`` (what a path is; a dossier's data) → ``rounds/`` and ``spreadsheets/`` (a round
and its results) → ``contexts/`` (one module per document kind, its template in
``templates/``, its schema in ``schemas/contexts/``) → ``rendering`` (``environment``,
``prepared`` for batches, ``lint`` for ``templates check``) → ``conversion`` / ``pool``
(LibreOffice) → ``bundling``. A batch: ``planning`` (with ``working_round`` and ``resume``)
→ ``producer`` in ``batch``'s worker processes → ``manifest``. Shared: ``printing``,
``wording`` (the fixed texts, from ``schemas/documents/``), ``schema_tree``.
"""
