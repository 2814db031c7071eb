"""The province's OCOP registry ("sổ theo dõi", issue 14): every certified product with its
certificate and expiry, re-evaluation reminders in the legal window, statistics.

Core package: it imports neither Click nor the web framework. The book is stored with
SQLAlchemy in the service's database (:mod:`.tables`, Alembic migration ``0004``); the
command line uses a local SQLite file (:func:`.store.open_registry`). Verbs: :mod:`.verbs`.
"""
