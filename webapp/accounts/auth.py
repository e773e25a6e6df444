"""Who is signed in: a sign-in token (store.users) kept in the server-side Flask session, checked
on each request through `store.users.signed_in_user` (an expired or revoked sign-in means signed out).

Nothing typed at sign-in is logged: only the outcome and the store's reason code.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import wraps

from flask import abort, current_app, flash, g, redirect, request, session, url_for
from flask_wtf.csrf import generate_csrf

from store import users
from store.config import StoreConfig
from store.roles import ROLES
from store.users import User
from webapp import faults, sessions
from webapp import session_state as state
from webapp.access import SIGNED_IN, Access

TOKEN = state.sign_in_token
AFTER = state.after_sign_in  # where to go after signing in: an endpoint name from AFTER_ALLOWED
AFTER_CODE = state.after_sign_in_code  # with AFTER_WITH_CODE: the practice session's join code
AFTER_WITH_CODE = {"practice.trainer", "practice.summary"}  # a running session's own pages (its trainer's)
AFTER_ALLOWED = AFTER_WITH_CODE | {
    "cases.save",
    "cases.cases",
    "cases.overrides",
    "cases.dashboard",
    "practice.index",  # the header's sign-in link on the practice pages
    "practice.new_session",
    "practice.sessions",  # the trainer's own sessions, open and ended (review 19 surfaces, S3)
    "practice.scenarios",
    "practice.write",  # back to the editor, its scenario kept over the sign-in (review 15 surfaces, Z1)
    "owners.ruleset",
    "demo.practice_summary",
}

# Who may use which signed-in pages (the store checks assessments again on every read).
READERS = frozenset(ROLES) - {"admin"}  # save and read assessments; admin manages accounts only
MANAGERS = frozenset({"manager"})  # the team's overrides
TRAINERS = frozenset({"trainer", "admin"})  # practice sessions and the scenario library
ADMINS = frozenset({"admin"})  # the document's owners: trying a catalogue change


def engine():
    return current_app.extensions["fsp_store"]


def config() -> StoreConfig:
    return current_app.config["STORE_CONFIG"]


def current_user() -> User | None:
    """The signed-in user, or None (never signed in, signed out, expired, revoked or disabled).
    Raises a database fault when it cannot tell: a page for signed-in users then says so, rather
    than asking someone who is signed in to sign in."""
    if "fsp_user" not in g:
        sessions.require_readable()
        token = TOKEN.get()
        user = users.signed_in_user(engine(), token, config=config()) if token else None
        if token and user is None:
            typed = any(part.present() for part in (state.answers, state.note, state.call))
            _ended()  # expired, revoked or disabled: forget it, so the header says "Sign in"
            if typed:  # the sign-in and start pages say so, once: never that they are kept (review 14, Y2)
                state.answers_cleared.set(True)
        g.fsp_user = user
    return g.fsp_user


def end_an_ended_sign_in() -> None:
    """Before any page reads the session: a sign-in that has ended since the last request (expired,
    revoked, the account disabled) takes what was typed under it (review 8 surfaces V1), so not even
    the first page the next person opens shows it. Only for a session holding a sign-in; when the
    database cannot say, the page goes on and a signed-in page says the service is unavailable."""
    if not sessions.readable() or session.get(TOKEN.key) is None:
        return
    try:
        current_user()
    except faults.UNREADABLE as exc:
        faults.note(exc)


def shown_user() -> User | bool | None:
    """For templates (the account bar): the user, False if signed out, None if the database cannot
    say (the page is drawn all the same, without the bar)."""
    if faults.store_fault() or not sessions.readable() or g.get("fsp_user_unknown"):
        return None
    try:
        return current_user() or False
    except faults.UNREADABLE as exc:
        faults.note(exc)
        g.fsp_user_unknown = True
        return None


def _new_session_token() -> None:
    """A fresh server-side session id on sign-in and sign-out (no session fixation), and a fresh
    CSRF secret with it (a token from before no longer works); the answers in it are kept."""
    old = getattr(session, "token", None)
    if old:
        sessions.forget_row(old)
        session.token = None
    session.pop("csrf_token", None)
    g.pop("csrf_token", None)  # Flask-WTF's copy for this request
    generate_csrf()  # the new one, kept with the new session from this response on
    session.modified = True


def sign_in(username: str, password: str) -> User:
    """Raises store.errors.AuthError; on success the token is in the session."""
    user = users.authenticate(engine(), username, password, address=request.remote_addr or "", config=config())
    start_sign_in_for(user)
    return user


def start_sign_in_for(user: User) -> None:
    """`user` is signed in from now: a store session, in a new server-side session. Answers typed
    before signing in are kept (the journey's save flow), unless another account was signed in here:
    its sign-in ends now, with what was typed under it."""
    before = current_user()
    if before is not None and before.id != user.id:
        sign_out()
    token = users.start_sign_in(engine(), user, config=config())
    _new_session_token()
    TOKEN.set(token)
    g.fsp_user = user


SIGNED_IN_ONLY = (state.ruleset_draft, state.saved_in_session)  # kept for the signed-in account only
# A running practice session's trainer tokens ({code: token}) are dropped on signing out, not when a sign-in
# ends unseen (30 minutes idle while trainees answer): each opens its session only beside the account that
# started it (records.is_trainer), so another account signed in here gets nothing from one, and the trainer,
# signed in again, is back in the session to end it (a form sent meanwhile did nothing and said so).
DROPPED_ON_SIGNING_OUT = (state.practice_trainer,)
# Cleared when a sign-in ends (signed out, expired, revoked, disabled, or another account signs in
# here): what was typed about a child in this browser, unsaved, which the next person at a shared
# computer could otherwise read at /result or /referral.txt for the session's 8 hours (review 8
# surfaces V1). The signed-out page says so; where it ended unseen (idle, too old, revoked, disabled),
# the sign-in and start pages say so instead (answers_cleared; review 14 surfaces, Y2).
CLEARED_WHEN_A_SIGN_IN_ENDS = SIGNED_IN_ONLY + state.TYPED


# What the sign-in and start pages say once when an earlier sign-in ended unseen and took the answers
ANSWERS_CLEARED = f"{state.SIGN_IN_ENDED_CLEARED} Start the assessment again."


@dataclass(frozen=True)
class NotDone:
    """What a form sent after its sign-in had ended did not do (review 15 surfaces, Z1): said on the
    sign-in page and once on the page after signing in. `keep`: its fields hold nothing about a child
    (an invented scenario), so they are kept over the sign-in and shown again in the form."""

    what: str  # "Your sign-in ended before {what}."
    then: str  # what was not done or kept, and what to do now
    after: str = ""  # the same, said on the page after signing in, when it differs
    keep: bool = False

    def words(self, signed_in_again: bool = False) -> str:
        return f"Your sign-in ended before {self.what}. {(self.after or self.then) if signed_in_again else self.then}"


# Every form behind sign-in that can be sent (tests/webapp/test_sign_in_ended.py holds the list to the
# routes). A reason or note about a child is not kept: nothing personal is stored unless the user saves
# it (review 8 surfaces V1). Save (cases.save) is review 14 Y2's: the answers cleared, which the sign-in
# and start pages say (ANSWERS_CLEARED).
NOT_RECORDED = "to keep the child's information private"
NOT_DONE = {
    "cases.override": NotDone("the level was recorded", f"Nothing was recorded, and the reason you wrote was not kept {NOT_RECORDED}: record it again."),
    "cases.review": NotDone("your review was recorded", f"Nothing was recorded, and the note you wrote was not kept {NOT_RECORDED}: record the review again."),
    "cases.mark": NotDone(
        "the assessment was marked as saved in error", f"Nothing was marked, and the reason you wrote was not kept {NOT_RECORDED}: mark it again."
    ),
    "cases.withdraw_mark": NotDone(
        "the mark was withdrawn", f"Nothing was withdrawn, and the reason you wrote was not kept {NOT_RECORDED}: withdraw it again."
    ),
    "cases.assess_again": NotDone("the saved assessment was opened to assess again", "Nothing was changed: open the saved entry and assess it again."),
    "practice.new_session": NotDone("the practice session was started", "No session was started: choose the scenarios and start it again."),
    "practice.write": NotDone(
        "the scenario was sent",
        "Nothing was saved to the library. What you wrote is kept: after you sign in it is back in the editor, to save again.",
        after="Nothing was saved to the library. What you wrote is back in the editor below: check it and save it again.",
        keep=True,
    ),
    "practice.import_scenarios": NotDone("the scenarios were imported", "Nothing was imported: choose the file and import it again."),
    # a running session's trainer forms: back to the session after signing in, where they are pressed again
    "practice.end": NotDone(
        "the practice session was ended",
        "The session was not ended: it is still open to trainees. After you sign in, end it again.",
        after="The session was not ended: it is still open to trainees. End it again below.",
    ),
    "practice.remove_trainee": NotDone(
        "the trainee was removed",
        "Nobody was removed from the session. After you sign in, remove them again.",
        after="Nobody was removed from the session: remove them again below.",
    ),
    "owners.ruleset": NotDone("the draft ruleset was tried", "Nothing was tried: choose the draft file and try it again."),
}
SIGN_IN_ENDED = "sign-in-ended"  # the flash category base.html shows after signing in
KEPT_OUT = ("csrf_token", "save", "preview")  # a form's buttons are pressed again, never kept


def not_done() -> NotDone | None:
    """What a form sent after the sign-in ended did not do, while the sign-in page is shown."""
    return NOT_DONE.get(state.not_recorded.get() or "")


def _sent_after_the_sign_in_ended() -> None:
    """A form posted to a signed-in page after its sign-in ended: note which (the endpoint, no content)
    for the sign-in page and the page after; keep the fields of a form holding nothing about a child."""
    endpoint = request.endpoint or ""
    done = NOT_DONE.get(endpoint)
    if done is None:
        return
    state.not_recorded.set(endpoint)
    current_app.logger.info("form not acted on: its sign-in had ended (%s)", endpoint)
    if done.keep:
        kept = [(k, v) for k, v in request.form.items(multi=True) if k not in KEPT_OUT]
        state.kept_over_sign_in.set(state.FormRetry(path=request.path, data=kept))
        AFTER.set(endpoint)  # back to the form, not to its list


# A form refused for its CSRF token (flask_wtf checks it before the view) that is not a signed-in form
# whose sign-in has ended: its browser session (and the token in it) had gone, or changed on signing in or
# out, or it was never this site's form. Nothing ran (review 20 surfaces, S2).
FORM_TOO_OLD = (
    "The form could not be sent: it was too old (the browser session it was opened in had ended, after a time or on "
    "signing in or out). Nothing was recorded, and what you typed in it was not kept: open its page and fill it in again."
)
NOT_KEPT_HERE = "Nothing was saved, and what you wrote could not be kept: sign in and write it again."


@dataclass(frozen=True)
class Refused:
    title: str
    message: str
    link: str | None
    link_text: str


def refused_form() -> Refused:
    """The page for a form refused for its CSRF token (review 20 surfaces, S2). With nobody signed in, a
    signed-in form (NOT_DONE) says what a form sent after an idle sign-in says: the sign-in ended, what
    was not done and not kept, and a link to sign in again (through the form's page when it has one, so
    signing in leads back where the form's own sign-in would). Anything
    else says the form was too old, that nothing was recorded, and links to the form's page. The
    refusal stands either way: nothing the form sent is read or kept (not even an invented scenario: a
    form without its token may not be this site's)."""
    endpoint = request.endpoint or ""
    done = NOT_DONE.get(endpoint)
    rule = request.url_rule
    page = request.path if rule is not None and "GET" in (rule.methods or ()) else None
    if done is not None and current_user() is None:
        # nothing is written to the session for a refused form (it may not be this site's): its own page,
        # opened, asks to sign in and comes back as its sign-in would; a form with no page, the sign-in page
        message = f"Your sign-in ended before {done.what}. {NOT_KEPT_HERE}" if done.keep else done.words()  # keep: not here
        current_app.logger.info("form refused: its sign-in and session had ended (%s)", endpoint)
        return Refused("Your sign-in has ended", message, page or url_for("accounts.sign_in"), "Sign in again")
    return Refused("Sorry, there is a problem", FORM_TOO_OLD, page, "Open the form's page again")


def _ended() -> None:
    """The sign-in of this browser session has ended: forget its token and what was typed under it."""
    for part in CLEARED_WHEN_A_SIGN_IN_ENDS:
        part.pop()
    TOKEN.pop()


def sign_out() -> None:
    token = TOKEN.get()
    _ended()
    for part in DROPPED_ON_SIGNING_OUT:
        part.pop()
    state.answers_cleared.pop()  # the signed-out page says what was cleared
    state.not_recorded.pop()
    if token:
        users.sign_out(engine(), token)
    _new_session_token()
    g.fsp_user = None


def after_sign_in() -> str:
    """The address of the page asked for before signing in, taken out of the session (only an allowed
    endpoint; a practice session's with its code); when none was, the signed-in user's own first page
    (an admin reads no cases)."""
    after = AFTER.pop()
    code = AFTER_CODE.pop()
    if after != "cases.save":  # the start page, where Save leads with no answers, says they were cleared
        state.answers_cleared.pop()
    done = NOT_DONE.get(state.not_recorded.pop() or "")
    if done is not None:  # said once more on the page signing in leads to (review 15 surfaces, Z1)
        flash(done.words(signed_in_again=True), SIGN_IN_ENDED)
    kept = state.kept_over_sign_in.pop()
    if kept is not None:  # the form, shown again with what was written in it (webapp.prg)
        state.form_retry.set(kept)
    if after in AFTER_WITH_CODE and code:
        return url_for(after, code=code)
    if after in AFTER_ALLOWED - AFTER_WITH_CODE:
        return url_for(after)
    user = g.get("fsp_user")
    return url_for("cases.cases" if user is None or user.role in READERS else "owners.ruleset")


def come_back_to(after: str, code: str | None = None) -> None:
    """Signing in leads to `after` (an endpoint from AFTER_ALLOWED; a practice session's with its `code`)."""
    assert after in AFTER_ALLOWED and (code is not None) == (after in AFTER_WITH_CODE)
    AFTER.set(after)
    if code is None:
        AFTER_CODE.pop()
    else:
        AFTER_CODE.set(code)


def ask_to_sign_in(after: str, code: str | None = None):
    """To the sign-in page, and back to `after` (with a practice session's `code`) once signed in. A form
    sent (a POST) does nothing: the sign-in page and the page after say so (`NOT_DONE`)."""
    come_back_to(after, code)
    if request.method == "POST":  # a form sent after the sign-in ended: never silently dropped
        _sent_after_the_sign_in_ended()
    return redirect(url_for("accounts.sign_in"))


def signed_in(after: str, roles: frozenset[str]):
    """Route decorator: signed-out users go to the sign-in page and come back to `after`; a role
    not in `roles` gets 403 (that the page exists is no secret; what it shows is)."""
    assert after in AFTER_ALLOWED - AFTER_WITH_CODE and roles <= set(ROLES)

    def decorate(view):
        @wraps(view)
        def wrapper(*args, **kwargs):
            user = current_user()
            if user is None:
                return ask_to_sign_in(after)
            if user.role not in roles:
                abort(403)
            return view(user, *args, **kwargs)

        wrapper.access = Access(SIGNED_IN, roles)
        return wrapper

    return decorate
