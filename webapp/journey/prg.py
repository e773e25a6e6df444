"""Post/redirect/get for forms that fail validation.

A refused POST keeps what was typed in the server-side session and redirects to the same page,
which shows the answers and their errors again. So Back, Forward and Reload never offer to
resubmit a form, and nothing typed ever goes into a URL or a log.
"""
from __future__ import annotations

from flask import redirect, request, session
from flask_wtf.csrf import generate_csrf
from werkzeug.datastructures import MultiDict

KEY = "form_retry"


def _here() -> str:
    query = request.query_string.decode("ascii", "replace")
    return request.path + (f"?{query}" if query else "")


def refused():
    """After a failed validation: keep the posted answers for the next GET of this page."""
    return refused_to(_here())


def refused_to(path: str):
    """The same, for a form posted to one address and shown on another (the note on the result)."""
    session[KEY] = {"path": path,
                    "data": [[k, v] for k, v in request.form.items(multi=True) if k != "csrf_token"]}
    return redirect(path, code=303)


def replayed() -> MultiDict | None:
    """On GET: the answers refused on this page (once), with a fresh CSRF token, or None."""
    pending = session.get(KEY)
    if not pending or pending.get("path") != _here():
        return None
    session.pop(KEY, None)
    data = MultiDict([tuple(pair) for pair in pending["data"]])
    data["csrf_token"] = generate_csrf()
    return data
