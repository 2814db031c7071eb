"""The dossier-check service (``ocop-docs serve``): the page for cooperatives and the API.

Only this package imports the web framework (architecture §5.1). Start with
:func:`ocop_docs.service.app.create_app`; settings come from ``OCOP_*`` variables and the
command line (:mod:`ocop_docs.service.settings`).
"""
