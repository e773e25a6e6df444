"""webapp.rendering draws fixed HTML once per process (components, links) and form fields once with
their value filled in: the HTML must be what WTForms, GOV.UK's macros and url_for give on each
request, and the cache must keep no one's value."""

from __future__ import annotations

import pytest
from flask import url_for
from markupsafe import Markup
from werkzeug.datastructures import MultiDict

from webapp import create_app
from webapp.journey.forms import NoteForm, StartAgainForm
from webapp.journey.present import document_href
from webapp.rendering import component, component_around, form_field, hidden_tag

NOTES = [
    "",
    "Seen at the surgery.",
    "</textarea><script>alert(\"x\")</script> & 'quoted' &amp;",
    "\nleading newline",
    "fspSlotForTheValueQx7 twice fspSlotForTheValueQx7",
]
LABELS = [{"text": "Add a note (kept with these answers only)"}, {"text": "Add or change your note"}]


@pytest.fixture(params=[True, False], ids=["csrf", "no-csrf"])
def app(request, tmp_path):
    return create_app({"TESTING": True, "SECRET_KEY": "t", "WTF_CSRF_ENABLED": request.param, "DATABASE_URL": f"sqlite:///{tmp_path / 'r.sqlite3'}"})


def test_a_field_drawn_once_and_filled_is_the_field_drawn_whole(app):
    for _ in range(2):  # the second time from the cache
        for note in NOTES:
            for label in LABELS:
                with app.test_request_context("/result"):
                    form = NoteForm(data={"note": note})
                    assert str(form_field(form.note, rows=4, label=label)) == str(form.note(params={"rows": 4, "label": label}))
                    assert str(form_field(form.submit, classes="govuk-button--secondary")) == str(form.submit(params={"classes": "govuk-button--secondary"}))
                    assert str(hidden_tag(form)) == str(form.hidden_tag())
                    assert str(hidden_tag(StartAgainForm())) == str(StartAgainForm().hidden_tag())


def test_a_field_with_errors_is_drawn_whole(app):
    with app.test_request_context("/note", method="POST"):
        form = NoteForm(formdata=MultiDict({"note": "x" * 5000}))
        assert not form.validate()
        assert form.note.errors
        assert str(form_field(form.note, rows=4)) == str(form.note(params={"rows": 4}))


def test_the_cache_keeps_no_value(app):
    with app.test_request_context("/result"):
        form = NoteForm(data={"note": "Seen at the surgery."})
        assert "Seen at the surgery." in form_field(form.note, rows=4)
        token = hidden_tag(form)
    kept = " ".join(map(str, app.extensions["fsp_layout"].values()))
    assert "Seen at the surgery." not in kept
    if app.config["WTF_CSRF_ENABLED"]:
        assert 'value="' in token and token.split('value="')[1].split('"')[0] not in kept


@pytest.mark.parametrize(
    "name, params",
    [
        ("govukButton", {"text": "Save this assessment", "href": "/save"}),
        ("govukButton", {"text": "Start again (deletes these answers)", "classes": "govuk-button--secondary"}),
        ("govukPanel", {"titleText": "Child in Need & <more>", "text": "The level of support this child needs"}),
        ("govukBackLink", {"href": "/check", "text": "Back"}),
    ],
)
def test_a_component_drawn_once_is_the_macro_drawn_whole(app, name, params):
    folder = {"govukButton": "button", "govukPanel": "panel", "govukBackLink": "back-link"}[name]
    with app.test_request_context("/result"):
        macro = getattr(app.jinja_env.get_template(f"govuk_frontend_jinja/components/{folder}/macro.html").module, name)
        for _ in range(2):
            assert str(component(name, params)) == str(macro(params))


@pytest.mark.parametrize(
    "html",
    [
        Markup('<p class="govuk-body">Left out for this child:</p><ul><li>Pre-Birth Assessment &amp; more</li></ul>'),
        Markup("<p>fspSlotForTheValueQx7 and it again fspSlotForTheValueQx7</p>"),
        "</div><script>'x' & \"y\"</script>",  # a plain string: the macro's `| safe` shows it as it is
        Markup(""),
        "",
    ],
)
def test_a_component_drawn_around_html_is_the_macro_drawn_whole(app, html):
    params = {"summaryText": "Show all at this level", "classes": "app-no-print"}
    with app.test_request_context("/result"):
        macro = app.jinja_env.get_template("govuk_frontend_jinja/components/details/macro.html").module.govukDetails
        for _ in range(2):
            assert str(component_around("govukDetails", params, html)) == str(macro({**params, "html": html}))
    if html:  # the html is filled in per request, never kept
        assert str(html) not in " ".join(map(str, app.extensions["fsp_layout"].values()))


def test_document_links_are_the_routes_own(app):
    for root in ("", "/fsp"):  # the app mounted under a path: its own links
        with app.test_request_context("/result", base_url=f"http://localhost{root}/"):
            for _ in range(2):
                assert document_href() == url_for("journey.document") == f"{root}/document"


def test_two_forms_alike_but_for_a_validator_are_not_drawn_alike(app):
    """The cache key holds what the drawing can show of a field's validators (its flags: required)
    and its render_kw, so a required field never borrows an optional twin's drawing, or back."""
    from flask_wtf import FlaskForm
    from govuk_frontend_wtf.wtforms_widgets import GovTextArea
    from wtforms import TextAreaField
    from wtforms.validators import DataRequired, Optional

    class Loose(FlaskForm):
        note = TextAreaField("Note", widget=GovTextArea(), validators=[Optional()])

    class Strict(FlaskForm):
        note = TextAreaField("Note", widget=GovTextArea(), validators=[DataRequired()])

    with app.test_request_context("/result"):
        for form in (Loose(data={"note": "a"}), Strict(data={"note": "a"}), Loose(data={"note": "b"})):
            assert str(form_field(form.note, rows=2)) == str(form.note(params={"rows": 2}))
