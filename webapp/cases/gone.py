"""A saved case, entry or override that is not there for the person asking (store.NotFound): removed at the end
of the retention period, someone else's, or never saved. Each is answered in the same words, so the page never
tells whether the reference exists (the store's NotFound does the same), and never as the generic "Page not
found ... if you typed the web address", which a reader of a saved page or a bookmark did not do (review 16
surfaces, N3).

A recording form sent for one (a level recorded, a review, assess again) says that nothing was recorded and
that what was typed on it was not kept: the form's words are never kept elsewhere (review 8 surfaces, V1).
"""

from __future__ import annotations

from typing import NoReturn

from flask import abort, make_response, render_template, request

# the same words for "not yours", "removed" and "no such reference": none says which
NOT_SEEN = "No saved assessment you can see has this reference. It may have been removed at the end of the retention period."
NOT_RECORDED = "Nothing was recorded"
NOT_KEPT = "Anything typed on the form was not kept."
NOT_FOUND = "Saved assessment not found"


def page():
    """The 404 response for a saved case, entry or override the person cannot see. A POST (a recording form) says
    that nothing was recorded and that anything typed on it was not kept: the same words on every form, so an
    address no route matches reads as an unused reference does."""
    if request.method == "POST":
        title, message = NOT_RECORDED, f"{NOT_SEEN} {NOT_KEPT}"
    else:
        title, message = NOT_FOUND, NOT_SEEN
    return make_response(render_template("error.html", title=title, message=message), 404)


def gone() -> NoReturn:
    """Stop the request with `page`."""
    abort(page())


def under_cases(path: str) -> bool:
    """Whether an address no route matches is one under a case (`/cases/<anything>/...`, a reference with a '/'
    in it): answered with `page`, as an unused reference is, so its shape tells nothing (the route sweep)."""
    return path.startswith("/cases/")
