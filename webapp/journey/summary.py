"""Rows of the check-your-answers page, each with the page that changes it."""
from __future__ import annotations

from flask import url_for

from pathway.catalogue import load_catalogue
from webapp.journey.answers import immediate_chosen
from webapp.journey.forms import ChildForm, choice_label, choice_value
from webapp.journey.pages import needs_pages


def _choice(field, value) -> str:
    """The label the person chose, from the form class's (unbound) field."""
    return next((choice_label(c) for c in field.kwargs["choices"] if choice_value(c) == value), value)


def check_rows(answers: dict) -> list[dict]:
    catalogue = load_catalogue()
    child = answers["child"]
    rows = []
    imm = immediate_chosen(answers)
    rows.append(_row("Immediate referral indicators",
                     [catalogue.indicator(i).text for i in imm] or ["None of these"],
                     url_for("journey.safety", change=1), "immediate referral indicators"))
    if child["born"] == "no":
        age = "Unborn"
    else:
        age = f"{child['age_years']} years {child['age_months'] or 0} months"
    change_child = url_for("journey.child", change=1)
    rows.append(_row("Age", [age], change_child, "the child's age"))
    for name, label in [("disability", "Disability"), ("caf", "CAF"), ("consent", "Consent to early help"),
                        ("current_level", "Level supported at now")]:
        rows.append(_row(label, [_choice(getattr(ChildForm, name), child[name])], change_child, label.lower()))
    for p in needs_pages():
        ids = (answers.get("needs") or {}).get(p.id, [])
        rows.append(_row(p.title, [catalogue.indicator(i).text for i in ids] or ["None selected"],
                         url_for("journey.needs", page_id=p.id, change=1), f"needs: {p.title.lower()}"))
    return rows


def _row(key: str, values: list[str], href: str, hidden: str) -> dict:
    return {"key": key, "values": values, "href": href, "hidden": hidden}
