"""Saved assessments (issue 6): accounts, history, overrides, audit, retention, export.

Plain functions taking a SQLAlchemy Engine, so the Flask app and the CLI share one API.
Start with `engine = store.db.connect(url)` (migrates on first use).
"""

from store.errors import AccessDenied, AuthError, Invalid, NotFound, StoreError

__all__ = ["AccessDenied", "AuthError", "Invalid", "NotFound", "StoreError"]
