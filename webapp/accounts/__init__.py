"""Accounts and saved assessments (issue 6, the web side): sign in and out, save an assessment
under a case reference, a case's history (chart and table), professional-judgement overrides,
exports and the managers' overrides page. Every rule about who sees what lives in `store`.
"""
from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("accounts", __name__)


def init_app(app: Flask) -> None:
    """The store's engine, once per app (same database as the web sessions: no table collides),
    the signed-in user for templates, and the routes."""
    from store.config import StoreConfig
    from store.db import migrate
    from webapp.accounts import auth

    app.config.setdefault("STORE_CONFIG", StoreConfig.from_env())
    app.extensions["fsp_store"] = migrate(app.config["DATABASE_URL"])
    app.add_template_global(auth.current_user)
    app.register_blueprint(bp)


from webapp.accounts import views  # noqa: E402,F401  (registers the routes)
