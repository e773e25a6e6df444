"""Practice mode's forms. The indicator checkboxes reuse the journey's widgets and grouping
(webapp.journey): one checkbox group per dimension under its CAF domain, immediate ones first."""

from __future__ import annotations

from dataclasses import dataclass

from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import GovFileInput, GovSubmitInput, GovTextArea, GovTextInput
from wtforms import HiddenField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, InputRequired, Length, Regexp

from pathway import written_text
from pathway.catalogue import Indicator, load_catalogue
from pathway.levels import Level
from pathway.scenarios.model import ID_PATTERN, NARRATIVE_MAX, PAGES_MAX, TEACHING_MAX, TITLE_MAX
from store import form_tokens
from webapp.choice_fields import RadioField
from webapp.journey.forms import NOT_KNOWN, ChildForm, _Multi, choice_value, choices
from webapp.journey.pages import admitted, immediate_indicators
from webapp.journey.widgets import Checkboxes, Radios
from webapp.written_text import WrittenText

IMMEDIATE = "immediate"
PREFIX = "ind_"


@dataclass
class Section:
    """A heading (the CAF domain, or immediate referral) and its checkbox groups."""

    heading: str
    fields: list


def _hint(ind: Indicator) -> str | None:
    parts = []
    if ind.age_band:
        parts.append(f"Only for a child {load_catalogue().band(ind.age_band).label}.")
    if ind.hint:
        parts.append(ind.hint)
    return " ".join(parts) or None


def _groups(unborn: bool | None, months: int | None):
    """(section heading, field name, legend, indicators) for every group with something to offer.

    unborn=None offers every indicator (the editor: the age is entered on the same page, and an
    indicator outside the child's age band is refused when the scenario is checked)."""
    catalogue = load_catalogue()

    def offer(inds):
        return [i for i in inds if unborn is None or admitted(i, unborn, months)]

    out = [("Immediate referral", PREFIX + IMMEDIATE, "Do any of these need an immediate referral?", offer(immediate_indicators()))]
    for domain in catalogue.domains:
        for dim in (d for d in catalogue.dimensions if d.domain == domain.id):
            inds = offer([i for i in catalogue.indicators if i.dimension == dim.id and not i.immediate])
            out.append((domain.name, PREFIX + dim.id, dim.name, inds))
    return [g for g in out if g[3]]


def _add_indicator_fields(cls, groups) -> None:
    for _heading, name, legend, inds in groups:
        setattr(cls, name, _Multi(legend, choices=choices((i.id, i.text) for i in inds), widget=Checkboxes({i.id: _hint(i) for i in inds})))


def _sections(form, groups) -> list[Section]:
    sections: list[Section] = []
    for heading, name, _legend, _inds in groups:
        if not sections or sections[-1].heading != heading:
            sections.append(Section(heading, []))
        sections[-1].fields.append(getattr(form, name))
    return sections


def chosen_indicators(form) -> list[str]:
    return sorted({i for name, field in form._fields.items() if name.startswith(PREFIX) for i in field.data or []})


def indicator_data(indicators: list[str]) -> dict:
    """Form data that ticks these indicators (field name -> ids)."""
    catalogue = load_catalogue()
    data: dict[str, list[str]] = {}
    for iid in indicators:
        ind = catalogue.indicator(iid)
        data.setdefault(PREFIX + (IMMEDIATE if ind.immediate else ind.dimension), []).append(iid)
    return data


def level_field(label: str, message: str) -> RadioField:
    return RadioField(label, choices=choices([(lv.value, lv.label) for lv in Level]), validators=[InputRequired(message)], widget=Radios())


# --- trainer: start a session; trainee: join ----------------------------------------------


class StartForm(FlaskForm):
    scenarios = _Multi("Which scenarios will you practise?", validators=[InputRequired("Select at least one scenario")])
    cohort = StringField(
        "Cohort label (optional)",
        widget=GovTextInput(),
        description="Sessions with the same label are shown together, so you can follow agreement over "
        "a programme of training, e.g. ‘DSL course spring 2027’. Not a person's name.",
        validators=[Length(max=80, message="Cohort label must be 80 characters or fewer"), WrittenText("Cohort label")],
    )
    # made when the page is drawn and kept by a refused post: the same form posted twice starts one session (left14)
    form_token = HiddenField(default=form_tokens.new_token)
    submit = SubmitField("Start the session", widget=GovSubmitInput())

    @classmethod
    def build(cls, entries, **kwargs) -> "StartForm":
        form = cls(**kwargs)
        form.scenarios.choices = choices((e.scenario.id, e.scenario.title) for e in entries)
        form.scenarios.widget = Checkboxes({e.scenario.id: ("Shipped" if e.shipped else "Saved in the library") + f" – {e.scenario.id}" for e in entries})
        return form


class JoinForm(FlaskForm):
    code = StringField("Join code", widget=GovTextInput(), validators=[InputRequired("Enter the join code your trainer gave you")])
    name = StringField(
        "Your display name",
        widget=GovTextInput(),
        # folded (invisible characters out, spaces one) before it is checked: it tells trainees apart (review 21 surfaces, S2)
        filters=[lambda v: written_text.folded(v) if isinstance(v, str) else v],
        validators=[
            InputRequired("Enter a display name"),
            Length(max=40, message="Display name must be 40 characters or fewer"),
            WrittenText("Display name", empty="Enter a display name"),
        ],
    )
    submit = SubmitField("Join", widget=GovSubmitInput())


class EndForm(FlaskForm):
    """Only a CSRF token: ending a session is a POST."""


# --- trainee: answer a scenario ----------------------------------------------------------


def answer_form(scenario, **kwargs):
    child = scenario.child
    unborn = bool(child.unborn)
    months = None if unborn else child.age_years * 12 + (child.age_months or 0)
    groups = _groups(unborn, months)

    class AnswerForm(FlaskForm):
        level = level_field("Which level of need does this child's situation meet?", "Select the level of need you think this situation meets")
        # drawn by the page itself beside its Find button; a field so a refusal is named and linked (find_errors)
        find = StringField(FIND_LABEL)
        submit = SubmitField("Check my answer", widget=GovSubmitInput())

    _add_indicator_fields(AnswerForm, groups)
    form = AnswerForm(**kwargs)
    form.sections = _sections(form, groups)
    return form


FIND_LABEL = "Find indicators"


def find_errors(query: str) -> list[str]:
    """The Find box's words must be written text, the one rule for free text (pathway.written_text;
    review 18 surfaces, S1): pasted control characters are refused naming the box, never searched on."""
    message = written_text.fault(query, FIND_LABEL)
    return [message] if message else []


def narrow(form, query: str, scenario) -> list[str]:
    """Show only the indicators the adviser's search finds for `query` (at the scenario's age);
    returns the ticked ones now hidden, which the page keeps as hidden inputs."""
    from pathway.search import search

    child = scenario.child
    unborn = bool(child.unborn)
    months = None if unborn else child.age_years * 12 + (child.age_months or 0)
    found = {h.id for h in search(query, age_in_months=months, unborn=unborn, limit=40, finished=True)}  # sent whole (review 25 R2)
    hidden = []
    for section in form.sections:
        for field in section.fields:
            hidden += [i for i in field.data or [] if i not in found]
            field.choices = [c for c in field.choices if choice_value(c) in found]
        section.fields = [f for f in section.fields if f.choices]
    form.sections = [s for s in form.sections if s.fields]
    return sorted(hidden)


# --- trainer: write a scenario -----------------------------------------------------------


def _stripped(value):
    return value.strip() if isinstance(value, str) else value


def _required(message: str, label: str, limit: int, *also) -> dict:
    """A text the scenario needs: spaces (or a zero-width space) alone are no answer, refused in the
    form's words before the loader sees it (review 13 surfaces, X4: the loader's "String should have at
    least 1 character"); written text, the one rule for free text (review 18 surfaces, S1); and its limit,
    the scenario format's own, named (review 20 surfaces, S3)."""
    too_long = Length(max=limit, message=f"{label} must be {limit:,} characters or fewer")
    return {"filters": [_stripped], "validators": [DataRequired(message), too_long, *also, WrittenText(label, empty=message)]}


class _ScenarioFields(ChildForm):
    # made when the page is drawn, kept by a preview and a refused post: the same save posted twice
    # saves one version (left14)
    form_token = HiddenField(default=form_tokens.new_token)
    scenario_id = StringField(
        "Scenario id (optional)",
        widget=GovTextInput(),
        description="Lower case letters, digits and - _ . only, like neglect-toddler-1. Leave blank to make one from the title.",
        validators=[
            Regexp(f"{ID_PATTERN}|^$", message="Scenario id must use lower case letters, digits and - _ . only, starting with a letter or digit"),
            Length(max=80, message="Scenario id must be 80 characters or fewer"),
        ],
    )
    title = StringField("Title", widget=GovTextInput(), **_required("Enter a title", "Title", TITLE_MAX))
    narrative = TextAreaField(
        "Narrative",
        widget=GovTextArea(),
        description="What trainees read. Invent the people: never use a real child's details.",
        **_required("Enter the narrative", "Narrative", NARRATIVE_MAX),
    )
    large_sibling_group = RadioField(
        "Is the child part of a large sibling group?",
        choices=choices([("yes", "Yes"), ("no", "No"), (NOT_KNOWN, "Not known or not relevant")]),
        validators=[InputRequired("Select whether the child is part of a large sibling group")],
        widget=Radios(),
    )
    caller = RadioField(
        "Who is asking?",
        choices=choices(
            [("professional", "A professional"), ("parent_carer", "A parent or carer"), ("public", "A member of the public"), (NOT_KNOWN, "Not known")]
        ),
        validators=[InputRequired("Select who is asking")],
        widget=Radios(),
    )
    why = TextAreaField("Why (teaching point)", widget=GovTextArea(), **_required("Enter why the model answer is right", "Why", TEACHING_MAX))
    pages = StringField(
        "Pages of the threshold document",
        widget=GovTextInput(),
        description="For example, 13-14, 15",
        **_required("Enter the pages of the threshold document", "Pages of the threshold document", PAGES_MAX),
    )
    common_mistake = TextAreaField("Common mistake", widget=GovTextArea(), **_required("Enter the common mistake", "Common mistake", TEACHING_MAX))
    submit = None  # ChildForm's "Continue": this page has preview and save instead
    preview = SubmitField("Preview the decision", widget=GovSubmitInput())
    save = SubmitField("Save to the library", widget=GovSubmitInput())


def scenario_text_fields() -> type:
    """The scenario form's class with its text fields (the indicator boxes are added per request)."""
    return _ScenarioFields


def scenario_form(**kwargs):
    groups = _groups(None, None)

    class ScenarioForm(_ScenarioFields):
        pass

    _add_indicator_fields(ScenarioForm, groups)
    form = ScenarioForm(**kwargs)
    form.sections = _sections(form, groups)
    return form


class ImportForm(FlaskForm):
    file = FileField("Upload a scenario file", widget=GovFileInput(), description="A .yaml file in the scenario format, as exported from this library.")
    submit = SubmitField("Import", widget=GovSubmitInput())

    def validate_file(self, field):
        from wtforms.validators import ValidationError

        if not field.data or not getattr(field.data, "filename", ""):
            raise ValidationError("Select a scenario file")
