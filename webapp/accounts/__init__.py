"""Accounts and saved assessments (issue 6, the web side): sign in and out, save an assessment
under a case reference, a case's history (chart and table), professional-judgement overrides,
exports and the managers' overrides page. Every rule about who sees what lives in `store`.
"""
from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("accounts", __name__)


def init_app(app: Flask) -> None:
    """The store's tables in the web app's database (webapp.db's engine; no table collides),
    the signed-in user for templates, and the routes."""
    from store.db import migrate
    from webapp.accounts import auth, oidc

    app.extensions["fsp_store"] = migrate(app.extensions["fsp_db"])
    oidc.init_app(app)
    app.add_template_global(auth.shown_user)
    app.register_blueprint(bp)


from webapp.accounts import views  # noqa: E402,F401  (registers the routes)
