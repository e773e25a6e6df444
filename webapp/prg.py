"""Post/redirect/get for every form that can be refused.

A refused POST keeps what was typed (never a password, never an uploaded file: files are not in
`request.form`), the errors the view found and the page's own problems in the server-side session,
and answers 303 to the same page, whose next GET shows them once. So Back, Forward and Reload never
offer to resubmit a form, and nothing typed ever goes into a URL or a log.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import redirect, request
from flask_wtf.csrf import generate_csrf
from werkzeug.datastructures import MultiDict

from webapp import session_state as state


def _here() -> str:
    query = request.query_string.decode("ascii", "replace")
    return request.path + (f"?{query}" if query else "")


def _errors(form) -> dict[str, list[str]]:
    """The form's errors by field ('' for the form's own), as the session can keep them."""
    if form is None:
        return {}
    return {name or "": [str(e) for e in errors] for name, errors in form.errors.items() if isinstance(errors, list | tuple) and name != "csrf_token"}


def refused(form=None, *, keep_out: tuple[str, ...] = (), problems: list[str] | tuple = (), flags: tuple[str, ...] = (), data=None, to: str | None = None):
    """After a refused POST: keep the posted fields (less `keep_out`, or `data` as given), the
    form's errors, the page's `problems` and `flags`, for the next GET of `to` (this page)."""
    path = to or _here()
    if data is None:
        data = [(k, v) for k, v in request.form.items(multi=True) if k != "csrf_token" and k not in keep_out]
    kept = state.FormRetry(path=path, data=list(data), errors=_errors(form), problems=list(problems), flags=list(flags))
    state.form_retry.set(kept)
    return redirect(path, code=303)


def again(**kwargs):
    """For a POST that changed nothing stored but asks for the page again (a filter, Find, a preview,
    a report): the same 303 to a GET that shows it, so Reload never posts again."""
    return refused(**kwargs)


def refused_to(path: str):
    """The same, for a form posted to one address and shown on another (the note on the result)."""
    return refused(to=path)


@dataclass
class Retry:
    """A refused form, shown again once: its fields (with a fresh CSRF token), errors, problems."""

    data: MultiDict
    errors: dict[str, list[str]]
    problems: list[str]
    flags: list[str]

    def show(self, form) -> None:
        """Put the kept errors back on a form built from `data` (without validating it again:
        some errors came from the store or the sign-in check, not from the form)."""
        for name, messages in self.errors.items():
            if not name:
                form.form_errors[:] = messages
            elif name in form:
                form[name].errors = list(messages)


def retry() -> Retry | None:
    """On GET: the form refused on this page (once), or None."""
    if request.method != "GET":
        return None
    pending = state.form_retry.get()
    if pending is None or pending.path != _here():
        return None
    state.form_retry.pop()
    data = MultiDict(pending.data)
    data["csrf_token"] = generate_csrf()
    return Retry(data=data, errors=pending.errors, problems=pending.problems, flags=pending.flags)


def form_for(make, *args, **kwargs):
    """The page's form and its Retry: built by `make(*args, **kwargs)` from the form refused on this
    page when there is one (its errors put back), else from the request as usual. A Retry is only
    ever found on a GET, so the view's `validate_on_submit()` and `is_submitted()` are then false."""
    found = retry()
    form = make(*args, **kwargs, **({"formdata": found.data} if found else {}))
    if found:
        found.show(form)
    return form, found


def replayed() -> MultiDict | None:
    """On GET: the answers refused on this page (once), with a fresh CSRF token, or None."""
    found = retry()
    return found.data if found else None
