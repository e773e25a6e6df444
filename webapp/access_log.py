"""Access and error logs without personal data: the route, never the path.

A case's address holds its reference (/cases/<case_ref>) and a guessed address is itself a
case reference someone typed, so gunicorn's access log records the matched route's pattern
(`/cases/<case_ref>`) or "(no such page)", with no query string, referrer or request headers.
The app leaves the pattern in the WSGI environ; gunicorn.conf.py makes RedactingLogger the
logger, so `gunicorn 'webapp:create_app()'` run from the project folder uses it.

gunicorn's error log quotes the request too: "Error handling request GET /cases/<ref>?x=..." when
an exception escapes the app, and "Invalid request from ip=...: Invalid HTTP request line: '...'"
for a malformed one. Those lines keep what happened and drop what was asked for.
"""

from __future__ import annotations

import sys
import traceback

from flask import Flask, request
from gunicorn.glogging import Logger

WITHHELD = "(the request line is not logged: it can hold a case reference)"

ROUTE_KEY = "fsp.route"
NO_ROUTE = "(no such page)"


def init_app(app: Flask) -> None:
    @app.teardown_request
    def leave_route_for_the_log(_exc):  # runs for every request, 404s and errors included
        rule = request.url_rule
        # refused while routing (an untrusted Host is matched on a stand-in map): no route was asked for
        routed = rule is not None and request.routing_exception is None
        request.environ[ROUTE_KEY] = rule.rule if routed else NO_ROUTE


class RedactingLogger(Logger):
    """gunicorn's logger with the path, query, referrer and headers replaced or left out."""

    def atoms(self, resp, req, environ, request_time):
        atoms = {k: v for k, v in super().atoms(resp, req, environ, request_time).items() if not k.startswith("{")}  # request headers (cookies among them)
        route = environ.get(ROUTE_KEY, NO_ROUTE)
        atoms.update(U=route, q="", f="-", r=f"{atoms.get('m')} {route} {atoms.get('H')}")
        return atoms

    def exception(self, msg, *args, **kwargs):
        """ "Error handling request <method> <uri>": the exception's class and where it was
        raised, without the request or the exception's message (which can quote a header)."""
        if isinstance(msg, str) and msg.startswith("Error handling request"):
            etype, _exc, tb = sys.exc_info()
            where = "".join(traceback.format_tb(tb)).rstrip()
            self.error_log.error("Error handling request %s: %s\n%s", WITHHELD, etype.__name__ if etype else "unknown error", where)
            return
        super().exception(msg, *args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        """ "Invalid request from ip=<ip>: <error>": the error can quote the request line."""
        if isinstance(msg, str) and msg.startswith("Invalid request from ip="):
            msg, args = f"{msg.split(': ', 1)[0]} {WITHHELD}", ()
        super().warning(msg, *args, **kwargs)
