"""Free text typed into a form must be written text: the one rule (pathway.written_text) every
free-text field uses, on every surface, with the field named in the message (review 18 surfaces, S1
and S2). A NUL cannot be stored (PostgreSQL refuses it: a 500 there); a control character shows as
nothing, or as a terminal's escape, wherever it is read back; a direction override reverses it."""

from __future__ import annotations

from typing import Optional

from wtforms.validators import ValidationError

from pathway.written_text import fault, visible


def refuse_control_characters(text: str, label: str) -> None:
    """ValidationError naming `label` if `text` is not written text (pathway.written_text.fault)."""
    message = fault(text, label)
    if message:
        raise ValidationError(message)


class WrittenText:
    """The WTForms validator for a field: `validators=[WrittenText("Display name")]`. With `empty`, a
    value with no visible character (spaces, a zero-width space) is refused as an empty one is."""

    def __init__(self, label: str, empty: Optional[str] = None):
        self.label = label
        self.empty = empty

    def __call__(self, _form, field) -> None:
        text = field.data or ""
        if self.empty and not visible(text):
            raise ValidationError(self.empty)
        refuse_control_characters(text, self.label)
