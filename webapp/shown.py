"""What a recording form's page showed, so a stale page never records something else (review 14
surfaces, Y1: tab A's save page said Protection, tab B removed the p9 answer, tab A's Save stored
Additional, with no word of it).

A form that records a decision its page showed (Save: the answers and their result; Record a
different level: the level recorded now) carries, in a hidden field, a digest of what the page drew.
On post the view works the digest out again from what it would record now; when the two differ, the
page was drawn from something that has changed since (another tab, the Back button, a colleague), and
nothing is recorded: the user is shown what stands now and records again. A post with no digest cannot be
checked, and is refused the same way (store15).

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


def missing(posted: object) -> bool:
    """True when the form posted no digest of what its page showed."""
    return not isinstance(posted, str) or not posted


def changed(posted: object, now: str) -> bool:
    """True when the post cannot be taken as recording what its page showed: its digest is not the one
    for what would be recorded now, or it carries none (store15, review 14 Y1's rest). A post without a
    digest (a page drawn before digests, a hand-made post) is refused like a stale one, not taken as
    before: it could record a decision the user never saw. The app's own pages always carry one; no
    other client (the JSON API, the CLI) records through these forms."""
    # bytes: a digest posted with other than ASCII is a mismatch, not compare_digest's TypeError (a 500)
    return missing(posted) or not hmac.compare_digest(str(posted).encode(), now.encode())
