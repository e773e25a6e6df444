"""The scenario editor: a form's answers become a Scenario, checked by the loader like any file,
with the model level taken from the rules' decision (what the preview shows)."""

from __future__ import annotations

import json
import re

from pathway import written_text
from pathway.models import Decision
from pathway.scenarios import Scenario, ScenarioError, ScenarioErrors, loads
from webapp.journey.forms import NOT_KNOWN, child_age, concern_misfit
from webapp.practice.feedback import decide
from webapp.practice.forms import IMMEDIATE, PREFIX
from webapp.practice.library import shipped_ids

FIELDS = {
    "id": "scenario_id",
    "title": "title",
    "narrative": "narrative",
    "teaching.why": "why",
    "teaching.pages": "pages",
    "teaching.common_mistake": "common_mistake",
    "answers.context.caf": "caf",
    "answers.context.disability": "disability",
    "answers.context.current_level": "current_level",
    "answers.context.consent_to_early_help": "consent",
    "answers.context.large_sibling_group": "large_sibling_group",
    "answers.context.caller": "caller",
}


def slug(title: str) -> str:
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", title.lower())).strip("-")[:60] or "scenario"


def scenario_data(form, indicators: list[str], level: str) -> dict:
    c = form.answers()
    child = {"unborn": True} if c["born"] == "no" else {"age_years": c["age_years"]}
    if c["born"] == "yes" and c["age_months"] is not None:  # "0 months" given is kept; blank is not given
        child["age_months"] = c["age_months"]
    context = {"disability": c["disability"], "caf": c["caf"]}
    if c["consent"] != NOT_KNOWN:
        context["consent_to_early_help"] = c["consent"] == "yes"
    if c["current_level"] != NOT_KNOWN:
        context["current_level"] = c["current_level"]
    if form.large_sibling_group.data != NOT_KNOWN:
        context["large_sibling_group"] = form.large_sibling_group.data == "yes"
    if form.caller.data != NOT_KNOWN:
        context["caller"] = form.caller.data
    return {
        "id": written_text.or_empty(form.scenario_id.data).strip() or slug(form.title.data),
        "title": form.title.data.strip(),
        "narrative": form.narrative.data.strip(),
        "child": child,
        "answers": {"indicators": indicators, "context": context},
        "model": {"level": level},
        "teaching": {"why": form.why.data.strip(), "pages": form.pages.data.strip(), "common_mistake": form.common_mistake.data.strip()},
    }


def scenario_from_form(form, indicators: list[str]) -> tuple[Scenario, Decision]:
    """The scenario (checked by the loader) and the rules' decision, whose level is the model level.

    Raises ScenarioErrors naming the fields, exactly as an imported file would."""
    data = scenario_data(form, indicators, "universal")
    if data["id"] in shipped_ids():
        raise ScenarioErrors([ScenarioError("editor", data["id"], "id", "a shipped scenario already has this id: choose another")])
    draft = loads(json.dumps(data), name="editor")[0]
    decision = decide(draft)
    data["model"]["level"] = decision.level.value
    return loads(json.dumps(data), name="editor")[0], decision


def place_errors(form, errors: list[ScenarioError]) -> None:
    """Put each loader problem on the form field it is about (form-level when none fits)."""
    from pathway.catalogue import load_catalogue

    catalogue = load_catalogue()
    chosen = []
    for name, field in form._fields.items():
        if name.startswith(PREFIX):
            chosen += [(i, name) for i in field.data or []]
    for e in errors:
        name, message = FIELDS.get(e.field), e.message
        if name is None and e.field.startswith("child."):
            name = "age_years"
        m = re.fullmatch(r"answers\.indicators\[(\d+)\]", e.field)
        if m:
            iid = sorted(i for i, _ in chosen)[int(m.group(1))] if int(m.group(1)) < len(chosen) else None
            if iid and catalogue.has_indicator(iid):
                ind = catalogue.indicator(iid)
                name = PREFIX + (IMMEDIATE if ind.immediate else ind.dimension)
                child = form.answers()
                if not catalogue.admits(ind, *child_age(child)):  # in the journey's words, never the loader's ids and bands
                    message = concern_misfit(ind, child)
        if name and name in form._fields:
            form._fields[name].errors.append(message)
        else:
            form.form_errors.append(f"{e.field}: {message}")
