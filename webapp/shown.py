"""What a recording form's page showed, so a stale page never records something else (review 14
surfaces, Y1: tab A's save page said Protection, tab B removed the p9 answer, tab A's Save stored
Additional, with no word of it).

A form that records a decision its page showed (Save: the answers and their result; Record a
different level: the level recorded now) carries, in a hidden field, a digest of what the page drew.
On post the view works the digest out again from what it would record now; when the two differ, the
page was drawn from something that has changed since (another tab, the Back button, a colleague), and
nothing is recorded: the user is shown what stands now and records again.

The digest is an HMAC keyed with the app's secret, not a bare hash: the answers about a child cannot be
guessed back from it by trying likely answers. It is a hidden form field: never in a URL or a log.
"""

from __future__ import annotations

import hashlib
import hmac

from flask import current_app

from pathway.models import Case, Decision


def digest(kind: str, *parts: str) -> str:
    """The keyed digest of `parts` for a form of `kind` (a digest for one form never fits another)."""
    key = current_app.secret_key
    key_bytes = key if isinstance(key, bytes) else str(key).encode()
    message = "\x1f".join(("fsp-shown", kind, *parts)).encode()
    return hmac.new(key_bytes, message, hashlib.sha256).hexdigest()


def of_assessment(case: Case, decision: Decision) -> str:
    """The save page's: the answers, and the decision's level, ring-now and ruleset that it states."""
    return digest("assessment", case.model_dump_json(), decision.level.value, str(decision.immediate), decision.ruleset)


def of_recorded(entry) -> str:
    """The override page's: the saved entry and the level recorded on it now (the latest override's)."""
    latest = entry.overrides[-1].id if entry.overrides else 0
    return digest("recorded", str(entry.id), str(entry.recorded_level), str(latest))


def changed(posted: object, now: str) -> bool:
    """True when the form posted a digest and it is not the one for what would be recorded now. A form
    without one (a page drawn before digests, a client that is not a browser) is taken as before, as a
    missing one-time token is (store.form_tokens.posted)."""
    if not isinstance(posted, str) or not posted:
        return False
    return not hmac.compare_digest(posted, now)
