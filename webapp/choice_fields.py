"""Choice fields whose refusal names the question (review 7 surfaces, F10).

WTForms refuses a value outside a field's choices with "Not a valid choice.", which names no field:
a tampered form, or a form left open in a second tab whose choices have changed since, showed a
summary the person could not act on. Every choice field of the app is one of these (a test sweeps the
forms), and its refusal is, in order: what the form says about that value (`field.refused`, e.g. a
level already recorded), the field's own "Select ..." message, or the question itself.
"""

from __future__ import annotations

from typing import Any, Callable, Optional

from wtforms import RadioField as _RadioField
from wtforms import SelectField as _SelectField
from wtforms import SelectMultipleField as _SelectMultipleField
from wtforms.validators import DataRequired, InputRequired, ValidationError


def refused_choice(field: Any) -> str:
    """The words for a value the field does not offer, naming its question."""
    refused: Optional[Callable[[Any], Optional[str]]] = getattr(field, "refused", None)
    if refused is not None:
        words = refused(field.data)
        if words:
            return words
    for validator in field.validators:
        if isinstance(validator, (InputRequired, DataRequired)) and validator.message:
            return str(validator.message)
    return question_refused(field)


def question_refused(field: Any, optional: bool = False) -> str:
    """Words naming the question, for a field with no "Select ..." message of its own."""
    return f"Select one of the answers to ‘{field.label.text}’" + (", or leave it unanswered" if optional else "")


class _NamesItsQuestion:
    def pre_validate(self, form: Any) -> None:
        try:
            super().pre_validate(form)  # type: ignore[misc]
        except ValidationError:
            raise ValidationError(refused_choice(self)) from None


class RadioField(_NamesItsQuestion, _RadioField):
    pass


class SelectField(_NamesItsQuestion, _SelectField):
    pass


class SelectMultipleField(_NamesItsQuestion, _SelectMultipleField):
    pass
