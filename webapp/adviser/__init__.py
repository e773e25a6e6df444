"""The call screen for Children and Families Direct advisers (issue 5): one page, speed and safety first."""

from flask import Blueprint

bp = Blueprint("adviser", __name__, url_prefix="/adviser")

from webapp.adviser import views  # noqa: E402,F401  (registers the routes)
