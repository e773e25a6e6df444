"""For tests/webapp/test_dict22_loaded_at_start.py: the app as a gunicorn worker builds it, with one extra route
that says what the worker held once the app was built, before any request: the adviser search's index and the
English word list its p9 spelling reading asks (pathway/english.py)."""

from flask import jsonify

from pathway.english import english_loaded
from pathway.search import _built
from webapp import create_app

app = create_app()
HELD_ONCE_BUILT = {"index": _built.cache_info().currsize > 0, "english": english_loaded()}


@app.get("/_held")
def held():
    return jsonify(HELD_ONCE_BUILT)
