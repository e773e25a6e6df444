"""What the app keeps in Flask's session, typed: one pydantic model per part, and one `Part` per
session key, which is the only code that reads or writes that key.

A part whose contents do not fit its model (written by an earlier version, or damaged) reads as
empty and is dropped, so the page carries on as if it had never been there, never a 500. Flask-WTF's
`csrf_token` and Authlib's sign-on state are those libraries' own keys and are left to them.
"""

from __future__ import annotations

from typing import Annotated, Generic, Literal, TypeVar

from flask import session
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

T = TypeVar("T")


class Part(Generic[T]):
    """One key of the session and the type of what it holds."""

    def __init__(self, key: str, kind):
        self.key = key
        self._adapter: TypeAdapter[T] = TypeAdapter(kind)

    def get(self) -> T | None:
        raw = session.get(self.key)
        if raw is None:
            return None
        try:
            return self._adapter.validate_python(raw)
        except ValidationError:
            session.pop(self.key, None)  # an older version's, or damaged: as if it was never there
            return None

    def set(self, value: T) -> None:
        session[self.key] = self._adapter.dump_python(value, mode="json")

    def pop(self) -> T | None:
        value = self.get()
        session.pop(self.key, None)
        return value

    def present(self) -> bool:
        return self.get() is not None

    def put_entry(self, key: str, value) -> None:
        """For a part holding a mapping: add or replace one entry."""
        self.set({**(self.get() or {}), key: value})  # type: ignore[arg-type]


class _Model(BaseModel):
    model_config = ConfigDict(extra="ignore")  # a key an earlier version wrote is dropped, not refused


# --- the practitioner's journey (webapp.journey) ---------------------------------------------------

YesNo = Literal["yes", "no"]


class Child(_Model):
    """The answers about the child, as the child page's form gives them (journey.forms.ChildForm)."""

    born: YesNo
    age_years: Annotated[int, Field(ge=0)] | None = None
    age_months: Annotated[int, Field(ge=0)] | None = None
    disability: str
    caf: str
    large_sibling_group: YesNo | None = None
    consent: str
    current_level: str
    open_to_social_care: str | None = None
    health_development_impaired_without_services: str | None = None


class Answers(_Model):
    """What has been answered so far: a page not yet answered is None (the needs pages by id)."""

    immediate: list[str] | None = None
    child: Child | None = None
    needs: dict[str, list[str]] | None = None

    def as_dict(self) -> dict:
        """The answers as the journey reads them: only the pages answered, the child's fields all there."""
        return {k: v for k, v in self.model_dump().items() if v is not None}


class FormRetry(_Model):
    """A refused form's posted fields, shown again once on the next GET of `path` (webapp.prg)."""

    path: str
    data: list[tuple[str, str]]
    errors: dict[str, list[str]] = {}  # by field, '' for the form's own (webapp.prg)
    problems: list[str] = []  # the page's own list (a draft's or an import's problems)
    flags: list[str] = []  # what else the page showed (the practice answer's "nothing ticked?")


answers = Part[Answers]("answers", Answers)
note = Part[str]("note", str)  # the practitioner's own note
show_levels = Part[bool]("show_levels", bool)  # the levels beside each indicator
form_retry = Part[FormRetry]("form_retry", FormRetry)
# one-time notices, holding no content: the result page says once that Save saved nothing because the
# answers changed since the save page was drawn (webapp.shown; review 14 surfaces, Y1), and the sign-in
# and start pages that the answers were cleared when the earlier sign-in ended (review 14 surfaces, Y2)
answers_changed = Part[str]("answers_changed", Literal["changed", "unchecked"])  # unchecked: the post carried no digest
answers_cleared = Part[bool]("answers_cleared", bool)
# ...in these words, which any page that can be the first after it says (the start and sign-in pages, a
# journey page that finds no answers, the call screen: review 22 surfaces, S3); the journey's pages add
# ANSWERS_CLEARED's "Start the assessment again" (webapp.accounts.auth)
SIGN_IN_ENDED_CLEARED = (
    "Your earlier sign-in ended, so the answers you had typed were cleared from this browser to keep the child's information private. Nothing was saved."
)


class Saved(_Model):
    """An assessment saved in this session (webapp.cases.views.save): its entry, reference and answers' digest."""

    id: int
    case_ref: str
    answers: str  # keyed digest of the saved answers (webapp.shown.digest), never the answers


# the last saves of this session, newest last (at most SAVED_KEPT): the same answers saved again under
# another reference are named on the confirmation page, to mark the first in error (review 19, noted)
saved_in_session = Part[list[Saved]]("saved_in_session", list[Saved])
SAVED_KEPT = 10


class ReopenedInError(_Model):
    """The session's answers were reopened (assess again) from an entry marked saved in error."""

    marked_on: str  # the mark's day, in words
    reason: str


reopened_in_error = Part[ReopenedInError]("reopened_in_error", ReopenedInError)


# --- the adviser's call screen (webapp.adviser) ----------------------------------------------------


class Call(_Model):
    """The call as typed (an invalid age is shown back as typed, with its error)."""

    immediate: list[str] = []
    concerns: list[str] = []
    age_years: str = ""
    age_months: str = ""
    unborn: bool = False
    caller: str = ""
    caf: str = ""
    note: str = ""
    q: str = ""
    # the form was submitted without the script: `q` was sent whole, and the page drawn after it reads the last word
    # as said (review 25 surfaces, R2); false after the script's posts, whose live search is what is being typed
    sent_whole: bool = False
    # concerns the age given does not admit: set aside, not taken off (named in what the call was decided
    # without, and counted again once the age admits them; review 12 surfaces, W2)
    aside: list[str] = []
    rev: int = 0
    conflict: bool = False
    social_care: str = ""
    disability: str = ""
    consent: str = ""
    current_level: str = ""
    siblings: str = ""
    cin_test: str = ""
    # ids the call held that today's catalogue does not have (a release renamed them mid-call): kept
    # out of the case and in what the call was decided without until a new call (webapp/adviser/call.py load)
    gone: list[str] = []
    gone_immediate: list[str] = []
    # of those, the concerns already named as a problem once (no longer an error on every press), and
    # the p9 ones the adviser has said the p9 questions were asked again for (an error until then)
    gone_named: list[str] = []
    gone_asked: list[str] = []


call = Part[Call]("adviser_call", Call)
call_undo = Part[Call]("adviser_call_undo", Call)  # the call "New call" cleared, until the new one changes


# --- signing in (webapp.accounts) ------------------------------------------------------------------

sign_in_token = Part[str]("sign_in_token", str)  # the signed-in account's token (store.users, table sign_ins)
after_sign_in = Part[str]("after_sign_in", str)  # an endpoint from accounts.auth.AFTER_ALLOWED
# with it, a practice session's join code when the page to go back to is that session's (kept server-side)
after_sign_in_code = Part[str]("after_sign_in_code", str)
# a form sent after its sign-in had ended: the endpoint it was sent to, no content (accounts.auth.NOT_DONE
# says what was not recorded), for the sign-in page and once after signing in (review 15 surfaces, Z1)
not_recorded = Part[str]("not_recorded", str)
# that form's fields when it holds nothing about a child (the scenario editor's invented scenario), shown
# again in it once after signing in; kept apart from form_retry, which a refused sign-in uses (Z1)
kept_over_sign_in = Part[FormRetry]("kept_over_sign_in", FormRetry)


# --- the managers' list of levels recorded (webapp.cases) ------------------------------------------

# its filters and page as last shown (words and a number: nothing personal), for a review's Back and return
overrides_list = Part[dict[str, str]]("overrides_list", dict[str, str])


# --- practice sessions (webapp.practice) and the owners' draft (webapp.owners) --------------------

practice_trainer = Part[dict[str, str]]("practice_trainer", dict[str, str])  # {code: trainer token}
practice_trainee = Part[dict[str, int]]("practice_trainee", dict[str, int])  # {code: trainee id}


class Draft(_Model):
    """The catalogue draft an owner uploaded, for the report's download links."""

    text: str
    saved: bool


ruleset_draft = Part[Draft]("ruleset_draft", Draft)

# What a person typed in this browser about a child, unsaved (or a refused form's fields, which can
# hold it): cleared whenever a sign-in ends, by signing out, by expiring or by another account signing
# in (webapp.accounts.auth, review 8 surfaces V1). Start again and New call clear their own parts.
TYPED = (answers, note, form_retry, call, call_undo, kept_over_sign_in)

# What may travel in the signed cookie rather than the database: nothing about a child or a person
# (webapp.sessions). Flask-WTF's token is its own key.
COOKIE_KEYS = frozenset({"csrf_token", after_sign_in.key, show_levels.key})
