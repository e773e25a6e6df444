"""Saved assessments (issue 6): accounts, history, overrides, audit, retention, export.

Plain functions taking a SQLAlchemy Engine, so the Flask app and the CLI share one API.
Start with `engine = store.db.connect(url)` (creates and migrates on first use), or
`store.db.open_existing(url)` for a database that must already be there (the CLI's store commands).
"""

from store.errors import AccessDenied, AuthError, Invalid, NotFound, StoreError

__all__ = ["AccessDenied", "AuthError", "Invalid", "NotFound", "StoreError"]
