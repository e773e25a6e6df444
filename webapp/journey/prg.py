"""Post/redirect/get for forms that fail validation.

A refused POST keeps what was typed in the server-side session and redirects to the same page,
which shows the answers and their errors again. So Back, Forward and Reload never offer to
resubmit a form, and nothing typed ever goes into a URL or a log.
"""

from __future__ import annotations

from flask import redirect, request
from flask_wtf.csrf import generate_csrf
from werkzeug.datastructures import MultiDict

from webapp import session_state as state


def _here() -> str:
    query = request.query_string.decode("ascii", "replace")
    return request.path + (f"?{query}" if query else "")


def refused():
    """After a failed validation: keep the posted answers for the next GET of this page."""
    return refused_to(_here())


def refused_to(path: str):
    """The same, for a form posted to one address and shown on another (the note on the result)."""
    state.form_retry.set(state.FormRetry(path=path, data=[(k, v) for k, v in request.form.items(multi=True) if k != "csrf_token"]))
    return redirect(path, code=303)


def replayed() -> MultiDict | None:
    """On GET: the answers refused on this page (once), with a fresh CSRF token, or None."""
    pending = state.form_retry.get()
    if pending is None or pending.path != _here():
        return None
    state.form_retry.pop()
    data = MultiDict(pending.data)
    data["csrf_token"] = generate_csrf()
    return data
