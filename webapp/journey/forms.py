"""The journey's forms, generated from the catalogue so the wording is the document's own.

Each form validates to messages in the GOV.UK style ("Select...", "Enter..."), which the
templates show in the error summary and inline.
"""

from __future__ import annotations

import re

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextArea, GovTextInput
from wtforms import StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, Length, ValidationError

from pathway.catalogue import Indicator, load_catalogue
from pathway.checks import child_only_answers, disability_clashes, why_not
from pathway.levels import Level
from webapp.choice_fields import RadioField, SelectMultipleField, question_refused, refused_choice
from webapp.journey import twins
from webapp.journey.pages import NeedsPage, admitted, immediate_indicators, needs_pages, page
from webapp.journey.widgets import NONE, Checkboxes, Radios
from webapp.written_text import WrittenText

NOT_KNOWN = "not_known"

try:  # WTForms 3.3 deprecates (value, label) tuples in favour of SelectChoice
    from wtforms.fields.choices import SelectChoice
except ImportError:  # pragma: no cover - older WTForms
    SelectChoice = None


def choices(pairs) -> list:
    pairs = list(pairs)
    return [SelectChoice(v, label) for v, label in pairs] if SelectChoice else pairs


def choice_value(choice) -> str:
    return choice.value if hasattr(choice, "value") else choice[0]


def choice_label(choice) -> str:
    return choice.label if hasattr(choice, "label") else choice[1]


def _hint(ind: Indicator, show_levels: bool) -> str | None:
    parts = []
    twin = twins.hint(ind)
    if twin:  # same words elsewhere: the level and what tells them apart are always shown
        parts.append(twin if twin.endswith(".") else twin + ".")
    elif show_levels:
        parts.append(f"Level: {ind.level.label}.")
    if ind.age_band:
        parts.append(f"Only for a child {load_catalogue().band(ind.age_band).label}.")
    if ind.hint:
        parts.append(ind.hint)
    return " ".join(parts) or None


class _Multi(SelectMultipleField):
    """Checkboxes whose values must be among the choices offered on this page. `misfit`, when given,
    names a value this page has but does not offer at the child's age (a stale tab's, review 10
    surfaces W4); anything else not offered gets the generic words."""

    misfit = None

    def pre_validate(self, form):
        offered = {choice_value(c) for c in self.choices}
        stale = [v for v in self.data or [] if v not in offered]
        if not stale:
            return
        named = self.misfit(stale) if self.misfit else None
        raise ValidationError(named or refused_choice(self))


class SafetyForm(FlaskForm):
    immediate = _Multi(
        "Do any of these apply to the child?",
        description="Select all that apply.",
        validators=[InputRequired("Select if any of these apply, or select ‘None of these’")],
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())

    @classmethod
    def build(cls, show_levels: bool, **kwargs) -> "SafetyForm":
        form = cls(**kwargs)
        indicators = immediate_indicators()
        form.immediate.choices = choices([(i.id, i.text) for i in indicators] + [(NONE, "None of these")])
        form.immediate.widget = Checkboxes({i.id: _hint(i, show_levels) for i in indicators})
        return form

    def validate_immediate(self, field):
        if any(i not in {choice_value(c) for c in field.choices} for i in field.data):
            return  # the choice check has already said so; nothing unknown is looked up
        if NONE in field.data and len(field.data) > 1:
            raise ValidationError("Select ‘None of these’ only if none of the others apply")
        chosen = [load_catalogue().indicator(i) for i in field.data if i != NONE]
        clash = self._clash(chosen)
        holds_back = getattr(self, "holds_back", None)
        if clash and not (holds_back and holds_back([i.id for i in chosen])):
            raise ValidationError(clash)
        # a clash whose refusal would hold back a ring-now the rules decide all the same is recorded, never
        # refused: the result rings now and says what it was decided without (review 13 surfaces, X1)

    def _clash(self, chosen: list[Indicator]) -> str | None:
        """What refuses these concerns together or with the age recorded (a concern it does not admit is
        refused, never dropped), or None."""
        child = getattr(self, "child", None)
        if child:
            unborn, months = child_age(child)
            for ind in chosen:
                if not load_catalogue().admits(ind, unborn, months):
                    return concern_misfit(ind, child)
        bands = {i.age_band for i in chosen}
        if "unborn" in bands and bands - {"unborn", None}:
            return (
                "‘Unborn baby’ cannot be chosen with concerns about a child under 1, under 2 "
                "or 5 and under: choose the concerns for one child, then ring about each child"
            )
        return None


# the child page's disability answers, as the page words them (the needs page names them too)
DISABILITY = {"none": "No", "mild_moderate": "Yes, mild or moderate", "substantial_lifelong": "Yes, substantial and lifelong", "uncertain": "Not sure"}


def _level_choices():
    return choices([(lv.value, lv.label) for lv in Level] + [(NOT_KNOWN, "None, or not known")])


class ChildForm(FlaskForm):
    born = RadioField(
        "Has the child been born?",
        choices=choices([("yes", "Yes"), ("no", "No, the child is unborn")]),
        validators=[InputRequired("Select whether the child has been born")],
        widget=Radios(),
    )
    age_years = StringField("Years", widget=GovTextInput())
    age_months = StringField("Months", widget=GovTextInput())
    disability = RadioField(
        "Does the child have a disability?",
        choices=choices(DISABILITY.items()),
        validators=[InputRequired("Select whether the child has a disability")],
        widget=Radios(
            {"substantial_lifelong": "Permanent and substantial, likely to need specialist short breaks, support services, adaptations or equipment."}
        ),
    )
    large_sibling_group = RadioField(
        "Is the child part of a large sibling group?",
        choices=choices([("yes", "Yes"), ("no", "No")]),
        validate_choice=False,  # asked only with a substantial and lifelong disability: checked in validate()
        widget=Radios(),
    )
    caf = RadioField(
        "Is a CAF (Common Assessment Framework) open for the child?",
        choices=choices([("none", "No"), ("open_improving", "Yes, and things are improving"), ("open_not_improving", "Yes, but things are not improving")]),
        validators=[InputRequired("Select whether a CAF is open")],
        widget=Radios(),
    )
    consent = RadioField(
        "Have the parents or carers consented to early help?",
        choices=choices([("yes", "Yes"), ("no", "No"), (NOT_KNOWN, "Not asked yet")]),
        validators=[InputRequired("Select whether the parents or carers have consented to early help")],
        widget=Radios(),
    )
    open_to_social_care = RadioField(
        "Is the child already open to Children's Social Care? (optional)",
        choices=choices([("yes", "Yes, a social worker is allocated"), ("no", "No"), (NOT_KNOWN, "Not known")]),
        validate_choice=False,
        widget=Radios(),  # optional: checked in validate()
    )
    health_development_impaired_without_services = RadioField(
        "Is the child unlikely to achieve a reasonable standard of health or development without services? (optional)",
        choices=choices([("yes", "Yes"), ("no", "No"), (NOT_KNOWN, "Not sure")]),
        validate_choice=False,
        widget=Radios({"yes": "The Children Act 1989 test for a Child in Need (threshold document, p4)."}),
    )
    current_level = RadioField(
        "What level is the child supported at now?",
        choices=_level_choices(),
        validators=[InputRequired("Select the level the child is supported at now")],
        widget=Radios(),
    )
    submit = SubmitField("Continue", widget=GovSubmitInput())

    def validate(self, extra_validators=None) -> bool:
        ok = super().validate(extra_validators)
        needed = self.disability.data == "substantial_lifelong"
        offered = {choice_value(c) for c in self.large_sibling_group.choices}  # a subclass may offer more
        answer = self.large_sibling_group.data
        if (answer is not None and answer not in offered) or (needed and not answer):
            self.large_sibling_group.errors.append("Select whether the child is part of a large sibling group")
            ok = False
        for optional in (self.open_to_social_care, self.health_development_impaired_without_services):
            if optional.data not in (None, "", *(choice_value(c) for c in optional.choices)):
                optional.errors.append(question_refused(optional, optional=True))
                ok = False
        shape = ok  # every answer given and well formed: what follows asks whether the rules accept them
        ok = self._open_fits_current_level() and ok
        ok = self._fits_disability() and ok
        if self.born.data == "yes":
            if not (self.age_years.data or "").strip() and (self.age_months.data or "").strip():
                # months alone, for a baby or toddler: 14 months is kept as 1 year 2 months
                whole = _whole(
                    self.age_months,
                    "months",
                    0,
                    MONTHS_ALONE_BELOW - 1,
                    required=True,
                    too_big="For a child of 2 or over, enter the age in years and months",
                )
                shape, ok = shape and whole, whole and ok
            else:
                years = _whole(
                    self.age_years,
                    "years",
                    0,
                    load_catalogue().age.care_leaver_max_years,
                    required=True,
                    missing="Enter the child's age in years, or in months for a child under 2",
                )
                months = _whole(self.age_months, "months", 0, 11, required=False)
                shape = shape and years and months
                ok = ok and years and months  # both checked first, so both errors show at once
            if ok:
                ok = self._fits_concerns() and self._fits_needs()
            if ok:
                ok = self._fits_childhood()
            if ok:
                ok = self._fits_scope()
        elif self.born.data == "no":
            for f in (self.age_years, self.age_months):
                if (f.data or "").strip():
                    f.errors.append("Leave the age blank for an unborn child, or select ‘Yes’ if the child has been born")
                    ok = shape = False
            if ok:
                ok = self._fits_concerns() and self._fits_needs()
        else:
            shape = False
        holds_back = getattr(self, "holds_back", None)
        if not ok and shape and holds_back is not None and holds_back(self.answers()):
            # answers the rules refuse in part, whose refusal would hold back a ring-now the rules decide all
            # the same: recorded, never refused, and the result says what it was decided without (review 13 surfaces, X1)
            self.despite = True
            return True
        return ok

    def _open_fits_current_level(self) -> bool:
        """Supported at a social-care level now but 'not open' is refused by the rules (pathway.checks):
        asked here, on the page, so the answers are kept and the person corrects one."""
        entry = load_catalogue().open_from_current_level
        level = self.current_level.data if self.current_level.data in {lv.value for lv in Level} else None
        if entry.contradicts(Level(level) if level else None, False if self.open_to_social_care.data == "no" else None) is None:
            return True
        field = self.open_to_social_care
        field.errors = [*field.errors, entry.form_contradiction.format(level=Level(level).label)]  # a tuple until validated
        return False

    def show_saved_contradictions(self) -> None:
        """Saved answers the rules refuse (kept, not cleared), shown on the page that asks them."""
        self._offered()
        self._open_fits_current_level()
        self._fits_disability()
        if self.born.data == "no" or str(self.age_years.data or "").strip().isdigit():
            self._fits_concerns()
            self._fits_needs()
        if self.born.data == "yes" and str(self.age_years.data or "").strip().isdigit():
            self._fits_childhood()
            self._fits_scope()

    def _fits_scope(self) -> bool:
        """Past 19 the pathway covers a young person only as a care leaver: with every needs page
        answered and no care-leaver need ticked, the rules refuse the age (pathway.checks). The view
        gives `age_refused` (the session's answers with this page's), which asks them; refused here,
        naming the age, rather than at the result page (review 10 surfaces, W3)."""
        check = getattr(self, "age_refused", None)
        answers = self.answers()
        if check is None or not check(answers):
            return True
        self.age_years.errors = [*self.age_years.errors, age_out_of_scope(answers["age_years"])]  # a tuple until validated
        return False

    def _offered(self) -> bool:
        """A saved answer this page does not offer (an entry saved under an earlier release, brought
        back by "assess again"): named on its question, never shown as a blank radio that the result
        page then refuses without a word (review 10 surfaces, W5)."""
        ok = True
        for field in self:
            if isinstance(field, RadioField) and field.data not in (None, "") and field.data not in {choice_value(c) for c in field.choices}:
                field.errors = [
                    *field.errors,
                    f"The saved answer ‘{field.data}’ is not one of today's answers to ‘{field.label.text}’ "
                    "(the tool has been updated since it was saved): select one of the answers",
                ]
                ok = False
        return ok

    def _fits_disability(self) -> bool:
        """A need ticked on a needs page whose words state a substantial, life-long disability does not
        fit the answer 'No' or 'mild or moderate' (the rules refuse the pair: pathway.checks says which
        needs clash): the answer is refused, naming each need and its page, as an age that rules out a
        need is (review 10 surfaces, W2), never accepted into a result page that cannot be reached."""
        catalogue = load_catalogue()
        ticked = {i: found for pid, ids in (getattr(self, "needs", None) or {}).items() if (found := page(pid)) is not None for i in ids}
        clash = disability_clashes(catalogue, self.disability.data, ticked)
        if not clash:
            return True
        field = self.disability
        misfits = [(catalogue.indicator(i), ticked[i]) for i in clash]
        field.errors = [*field.errors, disability_misfit(misfits, DISABILITY[field.data])]  # a tuple until validated
        return False

    def _fits_childhood(self) -> bool:
        """For a young person past the children's ages (a care leaver of 20 to 25), the answers that
        exist only for a child are refused by the rules (pathway.checks, review 8 F1): asked here, on
        the page, each on its own question, pointing to the unborn baby."""
        answers = self.answers()
        _unborn, months = child_age(answers)
        entries = child_only_answers(load_catalogue(), months, child_context(answers))
        words = load_catalogue().age.child_only_answers.form_refusal
        for entry in entries:
            field = getattr(self, entry.field)
            field.errors = [*field.errors, words.format(what=entry.what, years=answers["age_years"])]  # a tuple until validated
        return not entries

    def _fits_concerns(self) -> bool:
        """The concerns already ticked on the safety page must fit this age: asking beats dropping one."""
        answers = self.answers()
        unborn, months = child_age(answers)
        misfits = [load_catalogue().indicator(i) for i in getattr(self, "immediate", []) if not load_catalogue().admits(i, unborn, months)]
        if misfits:  # each one named (review 9 surfaces V1), not only the first
            field = self.born if unborn or not (self.age_years.data or "").strip() else self.age_years
            age = "an unborn child" if unborn else age_text(answers)
            named = " and ".join(f"‘{ind.text}’" for ind in misfits)
            if len(misfits) == 1:
                words = f"{named} was chosen on the safety page and does not fit {age}: check the age, or change the concern on the safety page"
            else:
                words = f"{named} were chosen on the safety page and do not fit {age}: check the age, or change the concerns on the safety page"
            field.errors = [*field.errors, words]  # a tuple until validated
            return False
        return True

    def _fits_needs(self) -> bool:
        """The needs already ticked on the needs pages must fit this age too (review 9 surfaces, V1):
        each one the age (or born, or a care leaver's age) rules out is refused, naming the need and
        the page it is ticked on, never dropped. The view gives the saved needs (`needs`, by page)."""
        answers = self.answers()
        unborn, months = child_age(answers)
        catalogue = load_catalogue()
        misfits = [
            (catalogue.indicator(i), found)
            for pid, ids in (getattr(self, "needs", None) or {}).items()
            if (found := page(pid)) is not None
            for i in ids
            if catalogue.has_indicator(i) and not catalogue.admits(i, unborn, months)
        ]
        if not misfits:
            return True
        field = self.born if unborn or not (self.age_years.data or "").strip() else self.age_years
        age = "an unborn child" if unborn else age_text(answers)
        field.errors = [*field.errors, needs_misfit(misfits, unborn, months, age)]  # a tuple until validated
        return False

    def total_months(self) -> int:
        return int(self.age_years.data or 0) * 12 + int(self.age_months.data or 0)

    def answers(self) -> dict:
        born = self.born.data == "yes"
        return {
            "born": self.born.data,
            "age_years": self.total_months() // 12 if born else None,
            # months left blank after the years: not given, never 0 months (Child.months_given; review 13 surfaces, X5)
            "age_months": self.total_months() % 12 if born and (self.age_months.data or "").strip() else None,
            "disability": self.disability.data,
            "caf": self.caf.data,
            "large_sibling_group": self.large_sibling_group.data if self.disability.data == "substantial_lifelong" else None,
            "consent": self.consent.data,
            "current_level": self.current_level.data,
            "open_to_social_care": self.open_to_social_care.data or None,
            "health_development_impaired_without_services": self.health_development_impaired_without_services.data or None,
        }


def needs_misfit(misfits: list[tuple[Indicator, NeedsPage]], unborn: bool, months: int | None, age: str) -> str:
    """One message (a field shows its first error only) naming every ticked need the age recorded
    does not admit, the page it is ticked on, its page in the document and whom it is for, and what
    to do: check the age, or untick it (review 9 surfaces, V1)."""
    catalogue = load_catalogue()
    parts = [
        f"‘{ind.text}’ is ticked on the ‘{found.title}’ page (threshold document, p{ind.source.page}; {why_not(catalogue, ind, unborn, months)})"
        for ind, found in misfits
    ]
    if len(parts) == 1:
        return f"{parts[0]} and does not fit {age}: check the age, or untick it on that page"
    return f"{len(parts)} needs ticked do not fit {age}: {'; '.join(parts)}. Check the age, or untick each on its page"


def question_gone(ind: Indicator, question: str, unborn: bool, months: int | None, age: str) -> str:
    """A need posted for a question the recorded age takes off the page altogether (a tab left open from
    before the age was changed: a care leaver of 20, an unborn child), named as the journey names other
    answers it no longer offers (review 10 surfaces, W4, W5): its words, its page in the document, whom
    it is for, the age, and that it has not been recorded (left12: it was dropped without a word)."""
    why = why_not(load_catalogue(), ind, unborn, months)
    return (
        f"‘{ind.text}’ was ticked on an earlier copy of this page (threshold document, p{ind.source.page}; {why}). It does not fit {age}, "
        f"so its question, ‘{question}’, is no longer on this page and it has not been recorded: check the age, or continue without it"
    )


def age_out_of_scope(years: int) -> str:
    """Why a young person of `years` (20 to 25) without a care-leaver need is not covered, in the
    catalogue's words (`age.scope`), naming each care-leaver need and its page (review 10 surfaces, W3)."""
    catalogue = load_catalogue()
    leaver = [
        f"‘{ind.text}’ on the ‘{found.title}’ page"
        for ind in catalogue.indicators
        if ind.age_band in catalogue.age.care_leaver_bands
        for found in needs_pages()
        if ind.id in found.indicator_ids()
    ]
    return (
        f"The child's age is {years}: {catalogue.age.scope} Tick {' or '.join(leaver)} if it applies, or check the age. "
        "If the concern is the care leaver's unborn baby, select ‘No, the child is unborn’ and answer for the baby"
    )


def disability_misfit(misfits: list[tuple[Indicator, NeedsPage]], said: str, here: bool = False) -> str:
    """One message naming every ticked need whose words state a substantial, life-long disability, the
    page it is ticked on and its page in the document, against the disability answer given (`said`, the
    answer's label), in needs_misfit's words (review 10 surfaces, W2). `here`: said on the needs page
    itself, where the disability answer is the child page's."""
    one = len(misfits) == 1
    if here:
        parts = [f"‘{ind.text}’ (threshold document, p{ind.source.page})" for ind, _ in misfits]
        return (
            f"{' and '.join(parts)} describe{'s' if one else ''} a substantial and lifelong disability, but the child's details say "
            f"the disability is ‘{said}’: untick {'it' if one else 'them'}, or change the disability answer on the child's details page"
        )
    parts = [f"‘{ind.text}’ is ticked on the ‘{found.title}’ page (threshold document, p{ind.source.page})" for ind, found in misfits]
    return (
        f"{'; '.join(parts)}, and {'its' if one else 'their'} words describe a substantial and lifelong disability, but the disability "
        f"is answered ‘{said}’: change the disability answer (or choose ‘Not sure’), or untick {'it on that page' if one else 'each on its page'}"
    )


def concern_misfit(ind: Indicator, child: dict) -> str:
    """A concern the age recorded does not admit, named with whom it is for and what to do: the safety
    page's words, and the scenario editor's (review 13 surfaces, X4)."""
    unborn, months = child_age(child)
    why = why_not(load_catalogue(), ind, unborn, months)
    return f"‘{ind.text}’ does not fit the age you recorded ({age_text(child)}; {why}): change the child's age first, or choose another concern"


MONTHS_ALONE_BELOW = 24  # months alone are accepted below 2 years (GOV.UK: ask as people think of it)


def child_age(child: dict) -> tuple[bool, int | None]:
    """(unborn, age in months) from the saved answers about the child."""
    if child.get("born") == "no":
        return True, None
    return False, (child.get("age_years") or 0) * 12 + (child.get("age_months") or 0)


def child_context(child: dict) -> dict:
    """The case's context (pathway.models.Context, as JSON) that the saved answers about the child
    give: the journey's case (webapp.journey.answers) and this page's own checks read the same."""
    context = {"disability": child["disability"], "caf": child["caf"]}
    if child.get("large_sibling_group") in ("yes", "no"):
        context["large_sibling_group"] = child["large_sibling_group"] == "yes"
    if child["consent"] != NOT_KNOWN:
        context["consent_to_early_help"] = child["consent"] == "yes"
    if child["current_level"] != NOT_KNOWN:
        context["current_level"] = child["current_level"]
    for optional in ("open_to_social_care", "health_development_impaired_without_services"):
        if child.get(optional) in ("yes", "no"):  # unanswered or not known: the rules' own assumption holds
            context[optional] = child[optional] == "yes"
    return context


def age_text(child: dict) -> str:
    """The age as people say it: "9 months", "1 year 2 months", "8 years"."""
    if child.get("born") == "no":
        return "Unborn"
    years, months = child.get("age_years") or 0, child.get("age_months") or 0
    parts = []
    if years:
        parts.append(f"{years} year{'s' if years != 1 else ''}")
    if months or not years:
        parts.append(f"{months} month{'s' if months != 1 else ''}")
    return " ".join(parts)


def _whole(field, unit: str, low: int, high: int, required: bool, missing: str | None = None, too_big: str | None = None) -> bool:
    raw = (field.data or "").strip()
    if not raw:
        if required:
            field.errors.append(missing or f"Enter the child's age in {unit}")
            return False
        return True
    if not re.fullmatch(r"[0-9]{1,3}", raw):
        field.errors.append(f"Enter the child's age in {unit} as a whole number, like 4")
        return False
    if not low <= int(raw) <= high:
        field.errors.append(too_big if too_big and int(raw) > high else f"Age in {unit} must be between {low} and {high}")
        return False
    return True


def needs_form(page: NeedsPage, child: dict, show_levels: bool, saved=(), age_refused=None, holds_back=None, **kwargs) -> FlaskForm:
    """A form for one needs page: a checkbox group per dimension, for this child's age only. A need
    already ticked (`saved`) that the recorded age does not admit is offered too, so it can be
    unticked, and refused while it stays ticked: never dropped by not being shown (review 9 V1).
    `holds_back` (the view's) says whether refusing this page's needs would hold back a ring-now the rules
    decide with them all the same: then every need posted is recorded (`chosen`), never refused, and the
    result says what it was decided without (review 13 surfaces, X1)."""
    unborn, months = child_age(child)
    age = "an unborn child" if unborn else age_text(child)

    class NeedsForm(FlaskForm):
        submit = SubmitField("Continue", widget=GovSubmitInput())
        toggle_levels = SubmitField("Hide levels" if show_levels else "Show levels", widget=GovSubmitInput())

        def process(self, formdata=None, obj=None, data=None, extra_filters=None, **kwargs):
            self.posted = self.meta.wrap_formdata(self, formdata)  # posted (or replayed): read for the questions not on the page
            super().process(self.posted, obj, data, extra_filters, **kwargs)

        def validate(self, extra_validators=None) -> bool:
            ok = super().validate(extra_validators) & self.show_misfits() & self.fits_scope() & self.no_gone_questions()
            posted = self.posted_ids()
            if ok or holds_back is None or posted is None or not holds_back(posted):
                return ok
            self.despite = True
            return True

        def posted_ids(self) -> list[str] | None:
            """Every need posted on this page, a question the age takes off the page included; None if
            anything posted is not one of this page's needs."""
            ours = {i.id: group.dimension for group in page.groups for i in group.indicators}
            posted = [v for dim in {g.dimension for g in page.groups} if self.posted is not None for v in self.posted.getlist(dim)]
            if any(v not in ours for v in posted):
                return None
            return sorted(set(posted))

        def chosen(self) -> list[str]:
            """The needs to record: those ticked, and with `despite` every one posted (named on the result)."""
            if getattr(self, "despite", False):
                return self.posted_ids() or []
            return sorted({i for field, _ in self.groups for i in field.data or []})

        def no_gone_questions(self) -> bool:
            """Each need posted for a question this age takes off the page (no field reads it, so it
            was dropped without a word), refused by name (left12)."""
            gone = [
                question_gone(ind, group.name, unborn, months, age)
                for group in page.groups
                if group.dimension not in offered
                for ind in group.indicators
                if self.posted is not None and ind.id in self.posted.getlist(group.dimension)
            ]
            self.form_errors = [*self.form_errors, *gone]
            return not gone

        def fits_scope(self) -> bool:
            """The page that completes the answers of a young person past 19 with no care-leaver need
            ticked: the rules refuse the age (`age_refused`, the view's), said here by name (W3)."""
            ticked = sorted({i for field, _ in self.groups for i in field.data or []})
            if age_refused is None or unborn or not age_refused(ticked):
                return True
            self.form_errors = [*self.form_errors, age_out_of_scope(child["age_years"])]
            return False

        def show_misfits(self) -> bool:
            """Each ticked need this age does not admit, refused on its own question."""
            ok = True
            for field, inds in self.groups:
                misfits = [(ind, page) for ind in inds if ind.id in (field.data or []) and not admitted(ind, unborn, months)]
                clash = disability_clashes(load_catalogue(), child.get("disability"), [ind.id for ind in inds if ind.id in (field.data or [])])
                if misfits:
                    field.errors = [*field.errors, needs_misfit(misfits, unborn, months, age)]  # a tuple until validated
                    ok = False
                elif clash:  # review 10 surfaces, W2: refused while the child page says otherwise, never accepted into a loop
                    found = [(load_catalogue().indicator(i), page) for i in clash]
                    field.errors = [*field.errors, disability_misfit(found, DISABILITY[child["disability"]], here=True)]
                    ok = False
            return ok

    def misfit_of(group):
        def named(values: list[str]) -> str | None:
            """Each value posted for this question that the child's age rules out (a page left open
            from before the age was changed), named with whom it is for, as the child page does;
            None if any is not this question's at all."""
            found = {i.id: i for i in group.indicators}
            if any(v not in found for v in values):
                return None
            return needs_misfit([(found[v], page) for v in values], unborn, months, age)

        return named

    offered = {}
    for group in page.groups:
        inds = [i for i in group.indicators if admitted(i, unborn, months) or i.id in saved]
        if not inds:
            continue
        offered[group.dimension] = inds
        setattr(
            NeedsForm,
            group.dimension,
            _Multi(
                group.name,
                description="Select all that apply, or continue if none apply.",
                choices=choices((i.id, i.text) for i in inds),
                widget=Checkboxes({i.id: _hint(i, show_levels) for i in inds}),
            ),
        )
    form = NeedsForm(**kwargs)
    for dim in offered:
        getattr(form, dim).misfit = misfit_of(next(g for g in page.groups if g.dimension == dim))
    form.groups = [(getattr(form, dim), inds) for dim, inds in offered.items()]
    return form


class SettingsForm(FlaskForm):
    show_levels = RadioField(
        "Show the level of each indicator?",
        choices=choices([("yes", "Yes, show the level next to each indicator"), ("no", "No, hide the levels")]),
        validators=[InputRequired("Select whether to show the levels")],
        widget=Radios({"no": "Hiding levels helps you describe the child's needs before you see the level."}),
    )
    submit = SubmitField("Save", widget=GovSubmitInput())


NOTE_MAX = 2000


class NoteForm(FlaskForm):
    """The practitioner's own note, printed with the result and the referral; kept in the session."""

    note = TextAreaField(
        "Your note",
        widget=GovTextArea(),
        description="For example what you saw or heard and what you have done. Do not write the child's "
        "name, date of birth or address: write those on the printed copy.",
        validators=[Length(max=NOTE_MAX, message=f"Your note must be {NOTE_MAX} characters or fewer"), WrittenText("Your note")],
    )
    submit = SubmitField("Save note", widget=GovSubmitInput())


class StartAgainForm(FlaskForm):
    """Only a CSRF token: starting again deletes the answers, so it is a POST."""
