"""Accounts on the web (issue 6): signing in and out (a local account or the partnership's
identity provider) and who is signed in. Saved assessments are webapp.cases; every rule about
who sees what lives in `store`."""

from __future__ import annotations

from flask import Blueprint, Flask

bp = Blueprint("accounts", __name__)


def init_app(app: Flask) -> None:
    """The store's tables in the web app's database (webapp.db's engine; no table collides),
    the signed-in user for templates, and the sign-in routes."""
    from store.db import migrate
    from webapp.accounts import auth, oidc

    app.extensions["fsp_store"] = migrate(app.extensions["fsp_db"])
    oidc.init_app(app)
    app.add_template_global(auth.shown_user)
    app.add_template_global(views.header_sign_in)
    app.before_request(auth.end_an_ended_sign_in)
    app.register_blueprint(bp)


from webapp.accounts import views  # noqa: E402,F401  (registers the routes)
