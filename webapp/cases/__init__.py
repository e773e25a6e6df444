"""Saved assessments on the web: cases, their history, overrides and managers' reviews, the team
dashboard. Signing in is webapp.accounts; who may see what is decided in `store`."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("cases", __name__)

from webapp.cases import history, views  # noqa: E402,F401  (registers the routes)

bp.add_app_template_global(history.tool_label, "tool_label")
