"""The document's owners (admins): try a catalogue change before it is made (issue 15).

Upload a draft catalogue; every shipped and saved scenario (and, if asked, every saved
assessment's answers) is decided under the current catalogue and the draft; the page shows
the transition table and each changed case, and the report downloads as text or JSON.
"""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("owners", __name__, url_prefix="/admin")

from webapp.owners import views  # noqa: E402,F401  (registers the routes)
