"""A form POST over the body limit (MAX_CONTENT_LENGTH), named (review 12 surfaces, W7).

Werkzeug refuses such a body before reading any of it, so nothing typed can be kept or saved, and
the generic 413 page named no field. Each page whose form has free text registers its form classes
here; the 413 page then names the form's free-text fields with their limits and says the browser's
Back button keeps what was typed. A form's limit comes from its Length validator, or from its
`TEXT_LIMITS` (where the form's own check or the store's holds it).
"""

from __future__ import annotations

from flask import request
from wtforms import HiddenField, PasswordField, StringField
from wtforms.fields.core import UnboundField
from wtforms.validators import Length

FORMS: dict[str, tuple[type, ...]] = {}  # endpoint -> the form classes its page posts
FIELDS: dict[str, tuple[tuple[str, int | None], ...]] = {}  # endpoint -> (label, limit) of a page drawn without form classes
KEPT: dict[str, tuple[str, str]] = {}  # endpoint -> (what is kept all the same, the words of the link back to it)


def register(endpoint: str, *forms: type) -> None:
    FORMS[endpoint] = FORMS.get(endpoint, ()) + forms


def register_fields(endpoint: str, fields: list[tuple[str, int | None]], *, kept: tuple[str, str] | None = None) -> None:
    """For a page whose form is not a WTForms class (the call screen): its free-text fields as the
    page labels them, with their limits, and what is kept all the same with the link back to it."""
    FIELDS[endpoint] = FIELDS.get(endpoint, ()) + tuple((f"‘{label}’", limit) for label, limit in fields)
    if kept:
        KEPT[endpoint] = kept


def _limit(form: type, name: str, unbound: UnboundField) -> int | None:
    for v in unbound.kwargs.get("validators") or ():
        if isinstance(v, Length) and v.max and v.max > 0:
            return v.max
    return getattr(form, "TEXT_LIMITS", {}).get(name)


def _named(name: str, label: str) -> str:
    """The label as the page shows it, after the field's own name when the label does not say it
    ("Reason: ‘Why do you record a different level?’", as the form's errors name it)."""
    words = name.replace("_", " ")
    return f"‘{label}’" if words.lower() in label.lower() else f"{words.capitalize()}: ‘{label}’"


def _free_text(field_class: type) -> bool:
    return issubclass(field_class, StringField) and not issubclass(field_class, PasswordField | HiddenField)


def text_fields(form: type) -> list[tuple[str, int | None]]:
    """The form's free-text fields (text inputs and areas, never a password or a hidden field), in page order, each
    as (how the page names it, most characters or None)."""
    found = []
    for klass in reversed(form.__mro__):
        for name, unbound in vars(klass).items():
            if (
                isinstance(unbound, UnboundField)
                and issubclass(unbound.field_class, StringField)
                and not issubclass(unbound.field_class, PasswordField | HiddenField)
            ):
                label = unbound.args[0] if unbound.args else unbound.kwargs.get("label", name)
                found.append((unbound.creation_counter, name, _named(name, str(label)), _limit(form, name, unbound)))
    seen: dict[str, tuple[int, str, int | None]] = {}
    for counter, name, label, limit in found:  # a subclass's field replaces its base's
        seen[name] = (counter, label, limit)
    return [(label, limit) for _, label, limit in sorted(seen.values())]


def fields_words() -> str | None:
    """ "‘Label’ (at most N characters); ‘Other’" for the page being posted to, or None when its
    form is not known (the generic page then)."""
    endpoint = _endpoint()
    fields = [f for form in FORMS.get(endpoint, ()) for f in text_fields(form)] + list(FIELDS.get(endpoint, ()))
    if not fields:
        return None
    return "; ".join(label + (f" (at most {limit:,} characters)" if limit else "") for label, limit in dict.fromkeys(fields))


def kept_words() -> tuple[str, str] | None:
    """What the page being posted to keeps all the same and the link's words (its own), or None."""
    return KEPT.get(_endpoint())


def _endpoint() -> str:
    return (request.url_rule.endpoint if request.url_rule is not None else None) or ""
