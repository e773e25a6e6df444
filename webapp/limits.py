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


def _check_on_views_only(app: Flask) -> None:
    """Every limit here decorates a view, and the decorator checks it when the view is called.
    Flask-Limiter's before-request hook checks only limits that apply to every route (default,
    application, meta, blueprint), and its after-request hook adds rate-limit headers and
    conditional deductions: none of which this app sets. Without them they found nothing to count
    on every other request (a quarter of an API request's cost outside the rules; issue 17), so
    they are taken out, unless the configuration sets a limit for every route
    (RATELIMIT_DEFAULT, RATELIMIT_APPLICATION, RATELIMIT_META) or asks for headers.
    tests/webapp/test_abuse.py keeps the app free of blueprint and conditional limits."""
    manager = limiter.limit_manager
    if manager.default_limits or manager.application_limits or limiter._meta_limits or limiter._headers_enabled:
        return
    before = app.before_request_funcs.get(None, [])
    if limiter._check_request_limit not in before:  # RATELIMIT_ENABLED false: Flask-Limiter added no hooks
        return
    before.remove(limiter._check_request_limit)
    app.after_request_funcs[None] = [f for f in app.after_request_funcs[None] if getattr(f, "args", None) != (limiter,)]
    app.teardown_request_funcs[None] = [f for f in app.teardown_request_funcs[None] if getattr(f, "__self__", None) is not limiter]


def init_app(app: Flask) -> None:
    limiter.init_app(app)
    _check_on_views_only(app)

    @app.errorhandler(429)
    def rate_limited(_err):
        current = limiter.current_limit
        reset = current.reset_at - time.time() if current is not None else 60
        return too_many(math.ceil(reset))

    @app.errorhandler(Busy)
    def busy(_err):
        return too_many(BUSY_RETRY)
