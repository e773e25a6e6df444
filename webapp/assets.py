"""Static files: GOV.UK Frontend's images at /assets, and how long browsers may keep them.

Templates link to static files with url_for, which adds `?v=` and a hash of the file's content; a
request carrying the current hash may be cached for a year, since a changed file gets a new URL.
Anything else (no hash or
an old one, the favicon GOV.UK's template links by name) is revalidated on every use (ETag), so a
browser never uses an out-of-date file after a release. benchmarks/page_weight.py measures it.

The /assets files are copied from the pinned npm package by scripts/copy_assets.sh (without the
GDS Transport font, which is for services on GOV.UK only: see that script).
"""

from __future__ import annotations

import hashlib
import stat
from pathlib import Path

from flask import Blueprint, Flask, request
from werkzeug.security import safe_join

bp = Blueprint("assets", __name__, static_folder="static/govuk/assets", static_url_path="/assets")

YEAR = 365 * 24 * 3600
_hashes: dict[str, tuple[tuple[int, int], str]] = {}


def fingerprint(path: str | None) -> str | None:
    """A short hash of the file's content, None for no such file; recomputed when the file changes."""
    try:
        info = Path(path).stat() if path else None
    except OSError:
        return None
    if info is None or not stat.S_ISREG(info.st_mode):
        return None
    key = (info.st_mtime_ns, info.st_size)
    if path not in _hashes or _hashes[path][0] != key:
        _hashes[path] = (key, hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12])
    return _hashes[path][1]


def init_app(app: Flask) -> None:
    app.register_blueprint(bp)
    folders = {"static": app.static_folder, "assets.static": bp.static_folder}

    @app.url_defaults
    def add_fingerprint(endpoint, values):
        if endpoint in folders and "filename" in values and "v" not in values:
            version = fingerprint(safe_join(folders[endpoint], values["filename"]))
            if version:
                values["v"] = version

    def unchanging() -> bool:
        """Whether this URL always names the same content (so the browser need not ask again)."""
        filename = (request.view_args or {}).get("filename", "")
        version = request.args.get("v")
        return bool(version) and version == fingerprint(safe_join(folders[request.endpoint], filename))

    @app.after_request
    def cache_unchanging_files(response):
        if request.endpoint in folders and response.status_code in (200, 304) and unchanging():
            response.cache_control.no_cache = None
            response.cache_control.public = True
            response.cache_control.max_age = YEAR
            response.cache_control.immutable = True
        return response
