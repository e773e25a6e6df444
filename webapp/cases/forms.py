"""The saved-assessment pages' forms. Messages follow the GOV.UK style and name the field."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput, GovTextArea, GovTextInput
from wtforms import HiddenField, StringField, SubmitField, TextAreaField
from wtforms.validators import InputRequired, ValidationError

from pathway.levels import Level
from pathway.written_text import visible
from store import form_tokens
from store.assessments import MAX_NOTE, MAX_REASON
from store.case_ref import validate_case_ref
from store.errors import Invalid
from webapp.choice_fields import RadioField
from webapp.journey.forms import choices
from webapp.journey.widgets import Radios
from webapp.written_text import refuse_control_characters


def _written_reason(field, missing: str) -> None:
    """The store's checks of a required written reason (an override's, a mark's), with the page's words."""
    if not visible(field.data or ""):  # spaces or a zero-width space alone are no reason
        raise ValidationError(missing)
    if len(field.data) > MAX_REASON:
        raise ValidationError(f"Reason must be {MAX_REASON} characters or fewer")
    refuse_control_characters(field.data, "Reason")


class CaseRefForm(FlaskForm):
    case_ref = StringField("Case reference", widget=GovTextInput())
    # made when the page is drawn and kept by a refused post: the same form posted twice saves once
    form_token = HiddenField(default=form_tokens.new_token)
    # what the page showed (webapp.shown): a stale page never saves other answers or another result
    shown = HiddenField()
    submit = SubmitField("Save this assessment", widget=GovSubmitInput())

    def validate_case_ref(self, field):
        """The store's own check, so the page and the store never disagree."""
        try:
            field.normalised = validate_case_ref((field.data or "").strip())
        except Invalid as exc:
            if not (field.data or "").strip():
                raise ValidationError("Enter a case reference") from None
            raise ValidationError(f"Case reference {exc.message}") from None


class OverrideForm(FlaskForm):
    TEXT_LIMITS = {"reason": MAX_REASON}  # validate_reason's (the store's) limit, for webapp.too_large
    level = RadioField("What level do you record?", validate_choice=True, widget=Radios(), validators=[InputRequired("Select the level you record")])
    reason = TextAreaField("Why do you record a different level?", widget=GovTextArea())
    form_token = HiddenField(default=form_tokens.new_token)  # as CaseRefForm's
    shown = HiddenField()  # the level recorded when the page was drawn (webapp.shown), as CaseRefForm's
    submit = SubmitField("Record this level", widget=GovSubmitInput())

    @classmethod
    def build(cls, recorded: str, **kwargs) -> "OverrideForm":
        form = cls(**kwargs)
        form.level.choices = choices([(lv.value, lv.label) for lv in Level if lv.value != recorded])
        # a form left open in another tab offers the level recorded since (review 7 surfaces, F10)
        form.level.refused = lambda value: f"{Level(value).label} is already the recorded level: select another level" if value == recorded else None
        return form

    def validate_reason(self, field):
        _written_reason(field, "Enter the reason for recording a different level")


class ReviewForm(FlaskForm):
    TEXT_LIMITS = {"note": MAX_NOTE}  # validate_note's (the store's) limit, for webapp.too_large
    note = TextAreaField(
        "Note (optional)",
        widget=GovTextArea(),
        description=(
            "For example, what you discussed with the practitioner. The practitioner sees this note on the saved assessment, "
            "and it is in the case's exports. Do not name the child or family."
        ),
    )
    form_token = HiddenField(default=form_tokens.new_token)  # as CaseRefForm's
    submit = SubmitField("Record that I reviewed this", widget=GovSubmitInput())

    def validate_note(self, field):
        if len(field.data or "") > MAX_NOTE:
            raise ValidationError(f"Note must be {MAX_NOTE} characters or fewer")
        refuse_control_characters(field.data or "", "Note")


class MarkForm(FlaskForm):
    """Mark a saved entry "saved in error" (store.marks), or withdraw that mark: a written reason either way."""

    TEXT_LIMITS = {"reason": MAX_REASON}  # validate_reason's (the store's) limit, for webapp.too_large
    reason = TextAreaField(
        "Why was this assessment saved in error?",
        widget=GovTextArea(),
        description="For example, the case reference was mistyped. Do not name the child or family.",
    )
    form_token = HiddenField(default=form_tokens.new_token)  # as CaseRefForm's
    submit = SubmitField("Mark as saved in error", widget=GovSubmitInput())

    def validate_reason(self, field):
        _written_reason(field, "Enter the reason")


class WithdrawMarkForm(MarkForm):
    reason = TextAreaField(
        "Why was this assessment not saved in error after all?",
        widget=GovTextArea(),
        description="Both the mark and this withdrawal are kept and shown. Do not name the child or family.",
    )
    submit = SubmitField("Withdraw the mark", widget=GovSubmitInput())
