"""Practice mode: trainers run sessions of training scenarios; trainees answer and get feedback."""

from flask import Blueprint

bp = Blueprint("practice", __name__, url_prefix="/practice")

from webapp.practice import views  # noqa: E402,F401  (registers the routes)
