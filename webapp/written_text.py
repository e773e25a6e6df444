"""Free text typed into a form and kept in the database must be written text: a NUL or other
control character pasted into it cannot be stored (PostgreSQL refuses NUL: a 500 there), and
shows as nothing, or as a terminal's escape, wherever it is read back."""

from __future__ import annotations

from wtforms.validators import ValidationError


def refuse_control_characters(text: str, label: str) -> None:
    """ValidationError naming `label` if `text` holds a control character other than tab and line breaks."""
    if any(ord(c) < 32 and c not in "\t\n\r" or ord(c) == 127 for c in text):
        raise ValidationError(f"{label} must be written text: remove the control characters pasted into it")


class WrittenText:
    """The WTForms validator for a field: `validators=[WrittenText("Display name")]`."""

    def __init__(self, label: str):
        self.label = label

    def __call__(self, _form, field) -> None:
        refuse_control_characters(field.data or "", self.label)
