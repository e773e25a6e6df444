"""Rows of the answers: on check your answers (with the page that changes each) and on the result
and its printout (without). Each need shows its level, so twins can be told apart."""

from __future__ import annotations

from flask import url_for

from pathway.catalogue import load_catalogue
from webapp.journey.answers import immediate_chosen
from webapp.journey.forms import ChildForm, age_text, choice_label, choice_value
from webapp.journey.pages import needs_pages

# each child row's key and its Change link's visually hidden text, written for the row (read aloud as
# "Change whether a CAF is open for the child"), never the key lower-cased ("Change caf": review 18
# surfaces, S3); in the order the rows are drawn
CHILD_ROWS = {
    "disability": ("Disability", "whether the child has a disability"),
    "large_sibling_group": ("Large sibling group", "whether the child is part of a large sibling group"),
    "caf": ("Common Assessment Framework (CAF)", "whether a CAF is open for the child"),
    "consent": ("Consent to early help", "whether the parents or carers consented to early help"),
    "current_level": ("Level supported at now", "the level the child is supported at now"),
    "open_to_social_care": ("Open to Children's Social Care", "whether the child is open to Children's Social Care"),
    "health_development_impaired_without_services": (
        "Unlikely to reach a reasonable standard of health or development without services",
        "whether the child is unlikely to reach a reasonable standard of health or development without services",
    ),
}

# rows drawn only when their question was asked and answered
ASKED_SOMETIMES = ("large_sibling_group", "open_to_social_care", "health_development_impaired_without_services")


def _choice(field, value) -> str:
    """The label the person chose, from the form class's (unbound) field."""
    return next((choice_label(c) for c in field.kwargs["choices"] if choice_value(c) == value), value)


def _with_level(indicator_id: str) -> str:
    ind = load_catalogue().indicator(indicator_id)
    return f"{ind.text} ({ind.level.label})"


def check_rows(answers: dict, links: bool = True) -> list[dict]:
    """Every answer given so far, with its Change link (None without `links`); a question not yet
    reached is left out."""

    def change(endpoint: str, **values) -> str | None:
        return url_for(endpoint, change=1, **values) if links else None

    catalogue = load_catalogue()
    child = answers.get("child")
    rows = []
    imm = immediate_chosen(answers)
    rows.append(
        _row(
            "Immediate referral indicators",
            [catalogue.indicator(i).text for i in imm] or ["None of these"],
            change("journey.safety"),
            "whether any immediate referral indicator applies",
        )
    )
    if not child:
        return rows
    change_child = change("journey.child")
    rows.append(_row("Age", [age_text(child)], change_child, "the child's age"))
    for name in [n for n in CHILD_ROWS if n not in ASKED_SOMETIMES or child.get(n)]:
        label, hidden = CHILD_ROWS[name]
        rows.append(_row(label, [_choice(getattr(ChildForm, name), child[name])], change_child, hidden))
    needs = answers.get("needs") or {}
    for p in needs_pages():
        if p.id not in needs:
            continue
        rows.append(
            _row(
                p.title,
                [_with_level(i) for i in needs[p.id]] or ["None selected"],
                change("journey.needs", page_id=p.id),
                f"the needs under {p.title}",
            )
        )
    return rows


def answer_rows(answers: dict) -> list[dict]:
    """The answers for the result page and its printout: no Change links, and the age always said."""
    rows = check_rows(answers, links=False)
    if not answers.get("child"):
        rows.append(_row("Age", ["Not recorded yet"], None, "the child's age"))
    return rows


def _row(key: str, values: list[str], href: str | None, hidden: str) -> dict:
    return {"key": key, "values": values, "href": href, "hidden": hidden}
