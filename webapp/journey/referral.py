"""The written referral: the session's answers and decision arranged by the CAF triangle.

Appendix 3 (p37): a professional confirms a referral in writing within 24 hours. Where the decision
makes no referral (its route is Universal services: no threshold, p4; not an open child at Universal,
who is referred to the social worker) the same page is an assessment summary that says so and where
to find services (`pathway.surfaces.no_referral`), and names no team to send it to. Below the
social-care threshold otherwise (Additional, Extensive, an open child at Universal) the summary goes to
the route's team but is not a referral into Social Care: the page says so, with the level's own step,
and gives none of Appendix 3's timescales (`pathway.surfaces.below_threshold`). One structure
feeds the printable page, the PDF (WeasyPrint renders that page) and the plain text to copy; the
paragraphs that open it (no referral; not a referral into Social Care; or how to confirm it in writing,
with what follows: the next steps and the Children's Assessment's timescales, or an unborn baby's
pre-birth planning meeting) are one list of runs (`Referral.opening`), which the page renders and the
text joins, so the text cannot leave out what the page says (review 22, N12).
The child's name, date of birth and address are never asked or stored: each is a blank line.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Optional

from pathway.catalogue import BelowThreshold, GuidanceText, NoReferral, load_catalogue
from pathway.choices import NOT_PROFESSIONAL
from pathway.dates import UK_TIME, day_time_words
from pathway.models import Case, Decision, Guidance
from pathway.settings import OfficeHours
from pathway.surfaces import below_threshold, decided_without, hours_words, no_referral, route_words
from pathway.wording import cited, reading_mark
from webapp.journey.present import written_to

BLANKS = ("Child's name", "Date of birth", "Address", "Your name and role", "Your phone number")


@dataclass(frozen=True)
class Run:
    """A run of words in one of the referral's paragraphs: `text` as it is said (on the page its page
    mentions open the document), or, with `cite`, a citation in brackets followed by `mark` (a reading's,
    `pathway.wording.reading_mark`): words in the PDF and the text, a link to the document on the page.
    `email`: the text is an address, kept whole on the page."""

    text: str = ""
    cite: str = ""
    mark: str = ""
    email: bool = False

    @property
    def plain(self) -> str:
        return f"({self.cite}{self.mark})" if self.cite else self.text


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of runs; `id`: the page's id for it ("" for none)."""

    runs: tuple[Run, ...]
    id: str = ""

    @property
    def plain(self) -> str:
        return "".join(run.plain for run in self.runs)


@dataclass(frozen=True)
class Opening:
    """The paragraphs the referral opens with, and their heading in the plain text."""

    heading: str
    paragraphs: tuple[Paragraph, ...]


P37 = "Appendix 3, p37"  # the referral's own timescales and steps (Appendix 3 - Referrals into Social Care)


# the age pointer to a twin on the immediate-referral list (rules/guidance.py age_pointer; fix35d)
P9_POINTER = "age.pointer.immediate."


def in_writing(decision: Decision) -> Paragraph:
    """How to confirm the referral in writing (Appendix 3, p37), to the team the referral was made to,
    with an email only where the document gives one (the catalogue's `in_writing`): the referral's first
    paragraph and the ring-now page's "After the call"."""
    catalogue = load_catalogue()
    words, times, to = catalogue.in_writing, catalogue.timescales, written_to(decision)
    runs = [
        Run(
            f"Confirm the referral in writing within {times.confirm_in_writing.within}; the Common Assessment Framework (CAF) gives the structure, "
            "and a missing CAF does not stop a referral "
        ),
        Run(cite=P37),
        Run(". " + words.send_to.format(contact=to.name)),
    ]
    if to.email:
        before, after = words.email.split("{email}")
        runs += [Run(" (" + before), Run(to.email, email=True), Run(after + ") " + words.ask)]
    else:
        runs += [Run(". " + words.no_email.format(contact=to.name))]
    runs += [
        Run(
            f" Social Care should acknowledge it within {times.acknowledgement.within}; if you have no acknowledgement within "
            f"{times.chase_acknowledgement.within}, contact them again."
        )
    ]
    return Paragraph(tuple(runs))


@dataclass(frozen=True)
class Need:
    text: str
    level: str
    dimension: str
    citation: str


@dataclass(frozen=True)
class Side:
    """One side of the CAF triangle (a CAF domain) and the needs chosen in it."""

    name: str
    needs: list[Need]


@dataclass(frozen=True)
class Referral:
    written: datetime
    age: str
    decision: Decision
    immediate: list[str]
    triangle: list[Side]
    actions: list[str]
    note: str
    role: str = ""  # the signed-in practitioner's role and team; blank when signed out
    no_referral: Optional[NoReferral] = None  # the decision makes no referral (its route): what is said instead
    below_threshold: Optional[BelowThreshold] = None  # below the social-care threshold: not a referral into Social Care
    without: tuple[str, ...] = ()  # the answers the decision was made without (refused beside a ring-now), in words
    # the written moment against the office hours (pathway.surfaces.hours_words): "" in office hours, else
    # "out of hours", naming a day closed all day ("out of hours: Christmas Day (observed), a bank holiday")
    hours: str = ""
    # the answers were reopened (assess again) from an entry marked saved in error: said first, in words (`in_error_words`)
    in_error: str = ""
    # the caller is a professional (or not said): confirming the referral in writing is a professional's step
    # (p37), not a parent's, carer's or member of the public's (review 10 surfaces, W6; the journey's caller is one)
    professional: bool = True

    @property
    def written_words(self) -> str:
        """When it was written, as the page, the PDF and the text say it: "27 December 2027 at 10:00 (UK time,
        out of hours: Christmas Day (observed), a bank holiday)" (review 17 surfaces, S2; one way to write a
        moment, pathway.dates: review 19 surfaces)."""
        return f"{day_time_words(self.written)} ({UK_TIME}{', ' + self.hours if self.hours else ''})"

    @property
    def without_text(self) -> str:
        """What the decision was made without, for the referral's reader (Social Care: checked with the referrer), or ""."""
        return decided_without(self.without, record="referral")

    @property
    def one_child(self) -> GuidanceText:
        """The tool decides one child: each child in the family on their own answers (p9; review 14, K1)."""
        return load_catalogue().guidance.one_child

    @property
    def p9_pointers(self) -> list[Guidance]:
        """The decision's pointers to an immediate-referral criterion the answers do not decide (review 33 Q10, fix35d:
        p9's under-1 substance criterion beside a parent's substance misuse that 'may impact', with whom to ring now):
        the written referral says them, as the decision does, so its reader sees the p9 question left open."""
        return [g for g in self.decision.guidance if g.rule.startswith(P9_POINTER)]

    @property
    def pre_birth(self) -> Optional[GuidanceText]:
        """For an unborn baby at Protection, whose decision gives the pre-birth planning meeting: its timescales
        stand in the place of the Children's Assessment's (p37; review 14, K4); otherwise None."""
        return load_catalogue().in_writing.pre_birth if any(g.rule == "unborn.pre_birth_planning" for g in self.decision.guidance) else None

    @property
    def opening(self) -> Opening:
        """The paragraphs the page, the PDF and the plain text open with, from this one list: where the
        document makes no referral, that; below the social-care threshold, that it is not a referral into
        Social Care; else how to confirm it in writing (a professional's step, p37), then the next steps with the Children's
        Assessment's timescales, or, for an unborn baby at Protection, the pre-birth planning meeting in
        their place (Appendix 3, p37)."""
        if self.no_referral:
            nr = self.no_referral
            return Opening("NO REFERRAL", (Paragraph((Run(self.no_referral_text + " "), Run(cite=nr.source.cite(), mark=reading_mark(nr))), "no-referral"),))
        if self.below_threshold:
            bt = self.below_threshold
            words = (Run(self.below_threshold_text + " "), Run(cite=bt.source.cite(), mark=reading_mark(bt)))
            return Opening("NOT A REFERRAL TO CHILDREN'S SOCIAL CARE", (Paragraph(words, "below-threshold"),))
        times = load_catalogue().timescales
        next_steps = f"Children's Social Care decides and records next steps within {times.next_steps.within}"
        pb = self.pre_birth
        if pb is not None:
            follows = Paragraph(
                (Run(next_steps + " "), Run(cite=P37), Run(". " + pb.text + " "), Run(cite=pb.source.cite(), mark=reading_mark(pb))), "pre-birth"
            )
        else:
            assessment = (
                f". Where a Children's Assessment is needed, it is undertaken within {times.assessment_started.within} and completed within "
                f"{times.assessment_completed.within} "
            )
            follows = Paragraph((Run(next_steps + assessment), Run(cite=P37), Run(".")))
        if not self.professional:
            return Opening("WHAT FOLLOWS", (follows,))
        return Opening("IN WRITING, AND WHAT FOLLOWS", (in_writing(self.decision), follows))

    @property
    def title(self) -> str:
        """A summary of the assessment where the document makes no referral, else of the referral."""
        return "Assessment summary" if self.no_referral else "Referral summary"

    @property
    def no_referral_text(self) -> str:
        return self.no_referral.text.format(**load_catalogue().timescales.words()) if self.no_referral else ""

    @property
    def below_threshold_text(self) -> str:
        """The below-threshold words, filled with the level, its step and the team the summary goes to."""
        words = self.below_threshold
        if words is None:
            return ""
        d = self.decision
        return words.text.format(level=d.level_name, step=words.step(d.level.value), contact=written_to(d).name, **load_catalogue().timescales.words())


def build(
    case: Case,
    decision: Decision,
    age: str,
    actions: list[str],
    note: str,
    written: datetime,
    role: str = "",
    without=(),
    *,
    office_hours: Optional[OfficeHours] = None,
) -> Referral:
    """The referral's structure. `office_hours`: the ones the decision was made with (default: the
    environment's, as rules.evaluate's), for the name of a day closed all day beside the written time."""
    catalogue = load_catalogue()
    hours = hours_words(decision, office_hours or OfficeHours.from_env(), catalogue)
    dims = {d.id: d.name for d in catalogue.dimensions}
    chosen = [catalogue.indicator(i) for i in case.indicators]
    sides = [
        Side(domain.name, [Need(i.text, i.level.label, dims[i.dimension], i.source.cite()) for i in chosen if i.domain == domain.id])
        for domain in catalogue.domains
    ]
    immediate = [i.text for i in chosen if i.immediate]
    return Referral(
        written,
        age,
        decision,
        immediate,
        sides,
        actions,
        note,
        role,
        no_referral(decision, catalogue),
        below_threshold(decision, catalogue),
        tuple(without),
        hours,
        professional=case.context.caller not in NOT_PROFESSIONAL,
    )


def as_text(r: Referral) -> str:
    """Plain text for an email or a case system."""
    d = r.decision
    heading = f"{r.title.upper()} (Family Support Pathway)" + (": no referral" if r.no_referral else "")
    out = [f"SAVED IN ERROR: {r.in_error}", ""] if r.in_error else []
    out += [heading, f"Written: {r.written_words}", ""]
    out += [f"{label}: ______________________" for label in BLANKS]
    out += [f"Your role (from your account): {r.role}"] if r.role else []
    out += [f"Child's age: {r.age}", "", f"DECISION: {d.level_name}" + (" - immediate referral" if d.immediate else "")]
    out += [r.without_text] if r.without else []
    opening = r.opening  # the page's opening paragraphs, each whole (review 22, N12)
    out += ["", opening.heading] + [p.plain for p in opening.paragraphs]
    if r.immediate:
        out += ["", "Immediate concerns:"] + [f"- {t}" for t in r.immediate]
    if r.p9_pointers:
        out += ["", "An immediate referral to consider:"] + [f"- {g.text} ({g.source})" for g in r.p9_pointers]
    for side in r.triangle:
        out += ["", side.name.upper()]
        out += [f"- {n.text} ({n.level}; {n.dimension}; {n.citation})" for n in side.needs] or ["- None recorded"]
    out += ["", "REASONS"] + [f"- {x.explanation} {cited(x.source, x)}" for x in d.reasons]
    out += ["", "ROUTE", f"{route_words(d.route)}. {d.route.why} {cited(d.route.source, d.route)}"]  # as every surface says it
    out += ["", "WHAT TO DO NEXT"] + [f"{n}. {a}" for n, a in enumerate(r.actions, 1)]
    out += ["", "CONTACTS"] + [f"- {c.name}" + (f": {c.phone}" if c.phone else "") + f" ({c.when})" for c in d.contacts]  # no number invented
    out += ["", "OTHER CHILDREN IN THE FAMILY", f"{r.one_child.text} {cited(r.one_child.source.cite(), r.one_child)}"]
    out += ["", "NOTE", r.note or "(none)", "", f"Ruleset {d.ruleset}. The tool supports, and does not replace, professional judgement."]
    return "\n".join(out) + "\n"


def in_error_words(marked_on: str, reason: str) -> str:
    """What a referral of answers reopened from an entry marked saved in error says first."""
    return (
        f"These answers were reopened from an assessment marked saved in error on {marked_on} (reason: {reason}). "
        "Check they are this child's before you use this referral."
    )
