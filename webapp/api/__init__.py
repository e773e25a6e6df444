"""JSON API, version 1: the same decision as the journey, for other systems (CSRF-exempt)."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from webapp.api import views  # noqa: E402,F401
