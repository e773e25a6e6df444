"""Dict22: the production server's worker has the English word list before its first request.

The adviser search's p9 spelling reading asks pyspellchecker's English list of any word one edit from a p9 word
(pathway/english.py). Before dict22 it was loaded on the first such word, so after a restart an adviser's first such
keystroke waited for it. gunicorn's master builds the search index before it forks the workers (gunicorn.conf.py
on_starting), and the list now comes with the index: a worker, once its app is built, holds both. No timing: the
oracle is whether the list is loaded in the worker, asked of the worker itself (tests/webapp/loaded_app.py)."""

from __future__ import annotations

import json
import os
import urllib.request

from benchmarks._gunicorn import gunicorn


def test_a_gunicorn_worker_holds_the_index_and_the_english_list_once_its_app_is_built(tmp_path):
    env = {**os.environ, "SECRET_KEY": "dict22", "DATABASE_URL": f"sqlite:///{tmp_path / 'web.sqlite3'}"}
    probe = lambda base: urllib.request.Request(base + "/_held")  # noqa: E731
    with gunicorn("tests.webapp.loaded_app:app", env, 1, probe) as served:
        held = json.loads(urllib.request.urlopen(probe(served.base), timeout=30).read())
    assert held == {"index": True, "english": True}
