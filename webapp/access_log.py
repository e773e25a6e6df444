"""Access logs without personal data: the route, never the path.

A case's address holds its reference (/cases/<case_ref>) and a guessed address is itself a
case reference someone typed, so gunicorn's access log records the matched route's pattern
(`/cases/<case_ref>`) or "(no such page)", with no query string, referrer or request headers.
The app leaves the pattern in the WSGI environ; gunicorn.conf.py makes RedactingLogger the
logger, so `gunicorn 'webapp:create_app()'` run from the project folder uses it.
"""
from __future__ import annotations

from flask import Flask, request
from gunicorn.glogging import Logger

ROUTE_KEY = "fsp.route"
NO_ROUTE = "(no such page)"


def init_app(app: Flask) -> None:
    @app.teardown_request
    def leave_route_for_the_log(_exc):  # runs for every request, 404s and errors included
        rule = request.url_rule
        request.environ[ROUTE_KEY] = rule.rule if rule is not None else NO_ROUTE


class RedactingLogger(Logger):
    """gunicorn's logger with the path, query, referrer and headers replaced or left out."""

    def atoms(self, resp, req, environ, request_time):
        atoms = {k: v for k, v in super().atoms(resp, req, environ, request_time).items()
                 if not k.startswith("{")}  # request headers (cookies among them)
        route = environ.get(ROUTE_KEY, NO_ROUTE)
        atoms.update(U=route, q="", f="-", r=f"{atoms.get('m')} {route} {atoms.get('H')}")
        return atoms
