"""Routes of the journey: thin, each page a form from forms.py and a template.

Answers go into the server-side session; the decision comes only from rules.evaluate.
"""
from __future__ import annotations

from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from flask import abort, current_app, redirect, render_template, request, session, url_for

from pathway.catalogue import load_catalogue
from pathway.levels import Level
from pathway.models import CaseError
from rules import RulesError, evaluate
from webapp.journey import answers as store
from webapp.access import public
from webapp.journey import bp
from webapp.journey.forms import ChildForm, SafetyForm, SettingsForm, StartAgainForm, needs_form
from webapp.journey.pages import needs_pages, next_page_id, page, previous_page_id
from webapp.journey.summary import check_rows


def _after(default: str) -> str:
    """Where a question page goes next: back to the check page when changing an answer."""
    return url_for("journey.check") if request.args.get("change") == "1" else default


def _back(default: str) -> str:
    """The back link: to the check page when changing an answer from there."""
    return url_for("journey.check") if request.args.get("change") == "1" else default


@bp.get("/")
@public
def start():
    return render_template("journey/start.html", catalogue=load_catalogue(), form=StartAgainForm(),
                           started=bool(store.get()))


@bp.route("/safety", methods=["GET", "POST"])
@public
def safety():
    data = None if request.method == "POST" else {"immediate": store.get().get("immediate")}
    form = SafetyForm.build(store.show_levels(), data=data)
    if form.validate_on_submit():
        store.put(immediate=form.immediate.data)
        if store.immediate_chosen(store.get()):
            return redirect(url_for("journey.result"))
        return redirect(_after(url_for("journey.child")))
    return render_template("journey/safety.html", form=form, back=_back(url_for("journey.start")))


@bp.route("/child", methods=["GET", "POST"])
@public
def child():
    answers = store.get()
    if not answers.get("immediate"):
        return redirect(url_for("journey.safety"))
    saved = answers.get("child") or {}
    data = None
    if request.method == "GET" and saved:
        data = {**saved, "age_years": "" if saved["age_years"] is None else str(saved["age_years"]),
                "age_months": "" if saved["age_months"] is None else str(saved["age_months"])}
    form = ChildForm(data=data)
    if form.validate_on_submit():
        store.set_child(form.answers())
        return redirect(_after(url_for("journey.needs", page_id=needs_pages()[0].id)))
    return render_template("journey/child.html", form=form, back=_back(url_for("journey.safety")))


@bp.route("/needs/<page_id>", methods=["GET", "POST"])
@public
def needs(page_id: str):
    needs_page = page(page_id)
    if needs_page is None:
        abort(404)
    answers = store.get()
    if "child" not in answers:
        return redirect(url_for("journey.child"))
    saved = (answers.get("needs") or {}).get(page_id, [])
    data = None
    if request.method == "GET":
        data = {g.dimension: [i for i in saved if i in {x.id for x in g.indicators}] for g in needs_page.groups}
    form = needs_form(needs_page, answers["child"], store.show_levels(), data=data)
    if form.validate_on_submit():
        chosen = sorted({i for field, _ in form.groups for i in field.data or []})
        store.put(needs={**(answers.get("needs") or {}), page_id: chosen})
        following = next_page_id(page_id)
        nxt = url_for("journey.needs", page_id=following) if following else url_for("journey.check")
        return redirect(_after(nxt))
    previous = previous_page_id(page_id)
    back = _back(url_for("journey.needs", page_id=previous) if previous else url_for("journey.child"))
    position = [p.id for p in needs_pages()].index(page_id) + 1
    return render_template("journey/needs.html", form=form, page=needs_page, back=back,
                           position=position, total=len(needs_pages()), show_levels=store.show_levels())


@bp.get("/check")
@public
def check():
    answers = store.get()
    if not store.complete(answers):
        return redirect(url_for("journey.start"))
    return render_template("journey/check.html", rows=check_rows(answers),
                           back=url_for("journey.needs", page_id=needs_pages()[-1].id), form=StartAgainForm())


@bp.get("/result")
@public
def result():
    answers = store.get()
    immediate = bool(store.immediate_chosen(answers))
    if not immediate and not store.complete(answers):
        return redirect(url_for("journey.start"))
    try:
        case = store.immediate_case(answers) if immediate else store.full_case(answers)
        decision = evaluate(case, office_hours=current_app.config["OFFICE_HOURS"])
    except CaseError as exc:
        # the answers no longer fit the catalogue (e.g. changed between releases): ask again
        current_app.logger.warning("journey answers refused by the catalogue (%d errors)", len(exc.errors))
        store.clear()
        return redirect(url_for("journey.start"))
    except RulesError:
        current_app.logger.exception("rules failed for a journey case")
        abort(500)
    catalogue = load_catalogue()
    back = url_for("journey.safety") if immediate else url_for("journey.check")
    local_time = decision.contact_time.astimezone(ZoneInfo(current_app.config["OFFICE_HOURS"].timezone))
    return render_template("journey/result.html", d=decision, catalogue=catalogue, immediate=immediate,
                           local_time=local_time,
                           level_info=catalogue.level(decision.level), Level=Level, back=back,
                           form=StartAgainForm())


@bp.route("/settings", methods=["GET", "POST"])
@public
def settings():
    nxt = request.values.get("next", "")
    if not _local_journey_path(nxt):
        nxt = url_for("journey.start")
    data = None if request.method == "POST" else {"show_levels": "yes" if store.show_levels() else "no"}
    form = SettingsForm(data=data)
    if form.validate_on_submit():
        session["show_levels"] = form.show_levels.data == "yes"
        return redirect(nxt)
    return render_template("journey/settings.html", form=form, next=nxt, back=nxt)


@bp.post("/start-again")
@public
def start_again():
    form = StartAgainForm()
    if not form.validate_on_submit():
        abort(400)
    store.clear()
    return redirect(url_for("journey.safety"))


@bp.get("/disagreements")
@public
def disagreements():
    return render_template("journey/disagreements.html", d=load_catalogue().disagreements)


@bp.get("/accessibility")
@public
def accessibility():
    return render_template("journey/accessibility.html")


def _local_journey_path(target: str) -> bool:
    """Only redirect to our own pages (no open redirect through ?next=)."""
    if not target or any(ord(c) < 32 or ord(c) == 127 for c in target):
        return False    # CR/LF would split the Location header (a 500, or a header injected)
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and target.startswith("/") \
        and not target.startswith("//") and "\\" not in target
