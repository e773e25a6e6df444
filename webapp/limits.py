"""Rate limits (Flask-Limiter) on what an attacker can repeat: sign-in, join codes, practice pages.

Per client address (request.remote_addr; behind a proxy FSP_PROXY_HOPS makes it the real
client's) and, for sign-in, overall. A request over a limit, or a sign-in that finds every
password-hashing slot taken (store.passwords.Busy), gets 429 with Retry-After: the GOV.UK error
page, or the API's JSON error under /api/. Limits and storage come from webapp.settings.
"""

from __future__ import annotations

import math
import time

from flask import Flask, current_app, jsonify, render_template, request
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address

from store.passwords import Busy

TITLE = "Sorry, there have been too many attempts"
MESSAGE = "Wait {wait} and try again."
BUSY_RETRY = 5  # seconds: every hashing slot was taken, so try again shortly

limiter = Limiter(get_remote_address, headers_enabled=False)


def _setting(name: str):
    return lambda: current_app.config[name]


def _everyone() -> str:
    return "everyone"


sign_in_per_address = limiter.limit(_setting("SIGN_IN_LIMIT_PER_ADDRESS"), methods=["POST"])
sign_in_overall = limiter.shared_limit(_setting("SIGN_IN_LIMIT_OVERALL"), scope="sign-in-overall", key_func=_everyone, methods=["POST"])
sso_per_address = limiter.limit(_setting("SIGN_IN_LIMIT_PER_ADDRESS"))  # the provider round trip
join_per_address = limiter.limit(_setting("JOIN_LIMIT_PER_ADDRESS"), methods=["POST"])
practice_pages_per_address = limiter.shared_limit(_setting("PRACTICE_PAGE_LIMIT_PER_ADDRESS"), scope="practice-pages")


def _wait_words(seconds: int) -> str:
    if seconds < 60:
        return f"{seconds} second{'s' if seconds != 1 else ''}"
    minutes = math.ceil(seconds / 60)
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def too_many(retry_after: int):
    """The 429 answer: when to try again, in the header and in words."""
    retry_after = max(1, int(retry_after))
    headers = {"Retry-After": str(retry_after)}
    message = MESSAGE.format(wait=_wait_words(retry_after))
    if request.path.startswith("/api/"):
        return jsonify({"errors": [{"field": "(request)", "message": f"too many requests; {message}"}]}), 429, headers
    return render_template("error.html", title=TITLE, message=message), 429, headers


def init_app(app: Flask) -> None:
    limiter.init_app(app)

    @app.errorhandler(429)
    def rate_limited(_err):
        current = limiter.current_limit
        reset = current.reset_at - time.time() if current is not None else 60
        return too_many(math.ceil(reset))

    @app.errorhandler(Busy)
    def busy(_err):
        return too_many(BUSY_RETRY)
