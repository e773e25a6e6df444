"""Routes: thin. The diff is training.ruleset_diff; who may read saved answers is the store's.

The draft is kept in the admin's server-side session (never in a URL or a log) so the report
can be downloaded without uploading it again; a new upload or signing out replaces it.
"""

from __future__ import annotations

import json

from flask import Response, redirect, render_template, url_for
from flask_wtf import FlaskForm
from flask_wtf.file import FileField
from govuk_frontend_wtf.wtforms_widgets import GovCheckboxInput, GovFileInput, GovSubmitInput
from wtforms import BooleanField, SubmitField
from wtforms.validators import ValidationError

from pathway.catalogue import load_catalogue
from store.assessments import answers_for_ruleset_review
from training.ruleset_diff import DraftError, Report, assessment_items, diff, load_draft, render_text, scenario_items
from webapp import prg, security, session_state
from webapp.accounts import auth
from webapp.cases.history import label
from webapp.owners import bp
from webapp.practice import library

DRAFT = session_state.ruleset_draft  # the draft YAML and whether saved scenarios were asked for
DRAFT_LIMIT = 512 * 1024  # the shipped catalogue is about 100 KB; everything else may send 64 KB
security.BODY_LIMITS[bp.url_prefix + "/ruleset"] = DRAFT_LIMIT


class DraftForm(FlaskForm):
    file = FileField(
        "Upload the draft catalogue",
        widget=GovFileInput(),
        description="A .yaml file in the shape of pathway/data/fsp_2014.yaml, with the changes you propose.",
    )
    saved = BooleanField(
        "Also decide every saved assessment's answers",
        widget=GovCheckboxInput(),
        description="Each is named by its case reference and entry number. The review is audited.",
    )
    submit = SubmitField("Try the draft", widget=GovSubmitInput())

    def validate_file(self, field):
        if not field.data or not getattr(field.data, "filename", ""):
            raise ValidationError("Select a draft catalogue file")


def _report(user, text: str, saved: bool) -> Report:
    draft = load_draft(text)
    items = scenario_items(library.shipped(), "shipped scenario")
    items += scenario_items([s for s in library.saved() if s.id not in library.shipped_ids()], "saved scenario")
    if saved:
        items += assessment_items(answers_for_ruleset_review(auth.engine(), user))
    return diff(items, load_catalogue(), draft)


@bp.route("/ruleset", methods=["GET", "POST"])
@auth.signed_in("owners.ruleset", auth.ADMINS)
def ruleset(user):
    form, retry = prg.form_for(DraftForm)  # the file is never kept: the page asks for it again
    problems: list[str] = retry.problems if retry else []
    report = None
    if retry:
        kept = DRAFT.get() if "report" in retry.flags else None
        if kept:  # the report of the draft just uploaded, worked out on this GET
            try:
                report = _report(user, kept.text, kept.saved)
            except DraftError as exc:
                problems = [f"{e.field}: {e.message}" for e in exc.errors]
    elif form.validate_on_submit():
        try:
            text = form.file.data.read().decode("utf-8")
        except UnicodeDecodeError:
            problems.append("(file): the file is not UTF-8 text")
        else:
            try:
                load_draft(text)  # refused here if it does not validate; the report is the GET's
            except DraftError as exc:
                problems += [f"{e.field}: {e.message}" for e in exc.errors]
            else:
                DRAFT.set(session_state.Draft(text=text, saved=bool(form.saved.data)))
                return prg.again(flags=("report",))
        if problems:
            return prg.refused(form, problems=problems)
    elif form.is_submitted():
        return prg.refused(form)
    return render_template("owners/ruleset.html", form=form, problems=problems, report=report, label=label)


@bp.get("/ruleset/report.<any(txt, json):kind>")
@auth.signed_in("owners.ruleset", auth.ADMINS)
def ruleset_report(user, kind: str):
    kept = DRAFT.get()
    if not kept:
        return redirect(url_for("owners.ruleset"))
    try:
        report = _report(user, kept.text, kept.saved)
    except DraftError:  # the shipped catalogue changed under it: upload again
        DRAFT.pop()
        return redirect(url_for("owners.ruleset"))
    if kind == "json":
        body, mimetype = json.dumps(report.as_dict(), indent=1, ensure_ascii=False, default=str), "application/json"
    else:
        body, mimetype = render_text(report), "text/plain"
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="ruleset-diff.{kind}"'})
