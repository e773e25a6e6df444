"""Who may use each route, declared on its view function.

The declaration is there so that a test can hold every rule of the URL map to one
(tests/webapp/test_route_sweep.py): a new route without a declaration fails the sweep, so its
author has to decide who may use it. Signed-in routes are declared by the decorator that
enforces them (webapp.accounts.auth.signed_in), so declaration and check cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import Flask

from webapp.security import STATIC_ENDPOINTS

ANYONE = "anyone"  # no saved data: the journey, the call screen, the API, sign-in
SIGNED_IN = "signed in"  # saved data: signed out goes to sign-in, a wrong role gets 403
SESSION_TRAINER = "session trainer"  # a practice session's pages for the trainer who started it, signed in (else 404)
SESSION_TRAINEE = "session trainee"  # a practice session's pages for trainees who joined it (else to the join page)


@dataclass(frozen=True)
class Access:
    who: str
    roles: frozenset[str] = frozenset()  # SIGNED_IN only: the roles let in

    def admits(self, role: str) -> bool:
        return self.who == SIGNED_IN and role in self.roles


PUBLIC = Access(ANYONE)


def declare(access: Access):
    """Route decorator (under @bp.route): records who may use the view; checks nothing itself."""

    def mark(view):
        view.access = access
        return view

    return mark


public = declare(PUBLIC)
session_trainer = declare(Access(SESSION_TRAINER))
session_trainee = declare(Access(SESSION_TRAINEE))


def of(app: Flask, endpoint: str) -> Access | None:
    """The endpoint's declaration; Flask's static routes serve shipped files to anyone."""
    if endpoint in STATIC_ENDPOINTS:
        return PUBLIC
    return getattr(app.view_functions[endpoint], "access", None)


def undeclared(app: Flask) -> list[str]:
    """The URL rules whose view says nothing about who may use it."""
    return sorted(f"{r.rule} ({r.endpoint})" for r in app.url_map.iter_rules() if of(app, r.endpoint) is None)
