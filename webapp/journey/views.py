"""Routes of the journey: thin, each page a form from forms.py and a template.

Answers go into the server-side session; the decision comes only from rules.evaluate.
"""

from __future__ import annotations

import dataclasses
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from flask import abort, current_app, redirect, render_template, request, url_for

from pathway import written_text
from pathway.catalogue import load_catalogue
from pathway.levels import Level
from pathway.models import CaseError
from rules import RulesError
from rules.what_if import nearby
from webapp import prg, too_large
from webapp import session_state as state
from webapp.access import public
from webapp.accounts.auth import ANSWERS_CLEARED, shown_user
from webapp.journey import answers as store
from webapp.journey import bp, present
from webapp.journey import referral as written
from webapp.journey.decide import decide, holds_back_ring_now, without_words
from webapp.journey.forms import ChildForm, NoteForm, SafetyForm, SettingsForm, StartAgainForm, age_text, needs_form
from webapp.journey.pages import needs_pages, next_page_id, page, previous_page_id
from webapp.journey.summary import answer_rows, check_rows


def _after(default: str) -> str:
    """Where a question page goes next: back to the check page when changing an answer."""
    return url_for("journey.check") if request.args.get("change") == "1" else default


def _back(default: str) -> str:
    """The back link: to the check page when changing an answer from there."""
    return url_for("journey.check") if request.args.get("change") == "1" else default


@bp.get("/")
@public
def start():
    # an earlier sign-in ended unseen and took the answers (Save after it leads here): said once (Y2)
    cleared = ANSWERS_CLEARED if state.answers_cleared.pop() else ""
    return render_template("journey/start.html", catalogue=load_catalogue(), form=StartAgainForm(), started=bool(store.get()), cleared=cleared)


def _page(make_form, initial, on_valid, template: str, **context):
    """A question page with post/redirect/get: a refused POST comes back as a GET showing the
    answers and their errors, so the browser never offers to resubmit the form."""
    if request.method == "POST":
        form = make_form()
        if form.validate_on_submit():
            return on_valid(form)
        return prg.refused()
    retry = prg.replayed()
    form = make_form(formdata=retry) if retry is not None else make_form(data=initial())
    if retry is not None:
        form.validate()
    return render_template(template, form=form, **context)


@bp.route("/safety", methods=["GET", "POST"])
@public
def safety():
    answers = store.get()

    def make(**kwargs):
        form = SafetyForm.build(store.show_levels(), **kwargs)
        form.child = answers.get("child")
        form.holds_back = lambda ticked: holds_back_ring_now({**answers, "immediate": ticked}, answers)
        return form

    def valid(form):
        store.put(immediate=form.immediate.data)
        if store.immediate_chosen(store.get()):
            return redirect(url_for("journey.result"))  # the call comes first, whatever else is answered
        return redirect(_after(url_for("journey.child")))

    return _page(make, lambda: {"immediate": answers.get("immediate")}, valid, "journey/safety.html", back=_back(url_for("journey.start")))


@bp.route("/child", methods=["GET", "POST"])
@public
def child():
    answers = store.get()
    if not answers:  # ended (8 hours) or never given: said, never a silent start again (review 18 S4)
        return _no_answers()
    if not answers.get("immediate"):
        return redirect(url_for("journey.safety"))
    saved = answers.get("child") or {}

    def make(**kwargs):
        form = ChildForm(**kwargs)
        form.immediate = store.immediate_chosen(answers)
        form.needs = answers.get("needs") or {}  # refused if the new age rules one out, never dropped
        form.age_refused = lambda child: store.age_refused({**answers, "child": child})
        form.holds_back = lambda child: holds_back_ring_now({**answers, "child": child}, answers)
        if kwargs.get("data"):  # the saved answers shown again: say what the rules refuse in them
            form.show_saved_contradictions()
            if not form.errors and (refused := store.refusals(answers)):
                # a refusal no question above names (the result page sends every refusal here): said
                # in the rules' words rather than a page that loops back to the result without one
                form.form_errors = [*form.form_errors, *(f"{e.field}: {e.message}" for e in refused)]
        return form

    def initial():
        if not saved:
            return None
        return {
            **saved,
            "age_years": "" if saved["age_years"] is None else str(saved["age_years"]),
            "age_months": "" if saved["age_months"] is None else str(saved["age_months"]),
        }

    def valid(form):
        store.set_child(form.answers())
        if getattr(form, "despite", False):  # refused in part, a ring-now all the same: the call comes first
            return redirect(url_for("journey.result"))
        return redirect(_after(url_for("journey.needs", page_id=needs_pages()[0].id)))

    return _page(
        make,
        initial,
        valid,
        "journey/child.html",
        back=_back(url_for("journey.safety")),
        ring_now=bool(store.immediate_chosen(answers)),
        without=_without(answers),
    )


def _without(answers: dict) -> list[str]:
    """What the session's decision was made without (the rules refused it beside a ring-now), in words."""
    if not store.has_result(answers):
        return []
    try:
        return without_words(decide(answers), answers)
    except CaseError:
        return []


@bp.route("/needs/<page_id>", methods=["GET", "POST"])
@public
def needs(page_id: str):
    needs_page = page(page_id)
    if needs_page is None:
        abort(404)
    answers = store.get()
    if not answers:  # as the child page: what this page sent is not taken as new answers (review 18 S4)
        return _no_answers()
    if "child" not in answers:
        return redirect(url_for("journey.child"))
    saved = (answers.get("needs") or {}).get(page_id, [])

    def make(**kwargs):
        def age_refused(ticked: list[str]) -> bool:
            return store.age_refused({**answers, "needs": {**(answers.get("needs") or {}), page_id: ticked}})

        def holds_back(ticked: list[str]) -> bool:
            return holds_back_ring_now({**answers, "needs": {**(answers.get("needs") or {}), page_id: ticked}}, answers)

        form = needs_form(needs_page, answers["child"], store.show_levels(), saved=saved, age_refused=age_refused, holds_back=holds_back, **kwargs)
        if kwargs.get("data"):  # the saved answers shown again: a need the age does not admit says so
            form.show_misfits()
        return form

    def initial():
        return {g.dimension: [i for i in saved if i in {x.id for x in g.indicators}] for g in needs_page.groups}

    def valid(form):
        store.put(needs={**(answers.get("needs") or {}), page_id: form.chosen()})
        if getattr(form, "despite", False) and store.complete(store.get()):  # refused in part, a ring-now all the same
            return redirect(url_for("journey.result"))  # the call comes first
        if form.toggle_levels.data:  # "Show levels" keeps the boxes ticked so far, then shows the page again
            store.set_show_levels(not store.show_levels())
            return redirect(request.full_path if request.query_string else request.path, code=303)
        following = next_page_id(page_id)
        nxt = url_for("journey.needs", page_id=following) if following else url_for("journey.check")
        return redirect(_after(nxt))

    previous = previous_page_id(page_id)
    back = _back(url_for("journey.needs", page_id=previous) if previous else url_for("journey.child"))
    position = [p.id for p in needs_pages()].index(page_id) + 1
    return _page(
        make, initial, valid, "journey/needs.html", page=needs_page, back=back, position=position, total=len(needs_pages()), show_levels=store.show_levels()
    )


def _no_answers():
    """The one place a journey page that finds no answers at all (ended after 8 hours, cleared, cleared by a
    sign-in that ended, or never given) says so, in journey/no_answers.html's words (review 18 surfaces, S4): the child, needs, check,
    result and note pages. A POST is answered by its own page's GET (post/redirect/get), which says it:
    what the POST carried is not taken as new answers to pages the person no longer has."""
    if request.method == "POST":
        return redirect(request.full_path if request.query_string else request.path, code=303)
    # an earlier sign-in that ended unseen took them: said here, in the start page's words, once, not the
    # 8-hour words, none of whose causes happened (review 22 surfaces, S3)
    cleared = ANSWERS_CLEARED if state.answers_cleared.pop() else ""
    return render_template("journey/no_answers.html", cleared=cleared)


def _missing(answers: dict):
    """No answers (expired or never given) get a page that says so; part-answered goes to the next question."""
    where = store.first_unanswered(answers)
    if where == "safety" and not answers:
        return _no_answers()
    if where in ("safety", "child"):
        return redirect(url_for(f"journey.{where}"))
    return redirect(url_for("journey.needs", page_id=where))


@bp.get("/check")
@public
def check():
    answers = store.get()
    if not store.complete(answers):
        return _missing(answers)
    return render_template("journey/check.html", rows=check_rows(answers), back=url_for("journey.needs", page_id=needs_pages()[-1].id), form=StartAgainForm())


@bp.get("/result")
@public
def result():
    answers = store.get()
    immediate = bool(store.immediate_chosen(answers))
    if not store.has_result(answers):
        return _missing(answers)
    try:
        decided = decide(answers)  # a ring-now despite a refused answer is decided without it (X1)
        case, decision = decided.case, decided.decision
        what_if = nearby(case, decision)
    except CaseError as exc:
        if not store.unknown_indicators(answers) and "child" in answers:
            # answers today's catalogue produced, which the rules refuse (answers that contradict each
            # other, a concern the age does not admit, an age past 19 without a care-leaver need):
            # kept, and shown on the child page, which refuses each by name. Never deleted (review 10
            # surfaces, W3: "the tool may have been updated" was false for them)
            return redirect(url_for("journey.child", change="1"))
        # ids today's catalogue does not have (answers given under an earlier release): ask again
        current_app.logger.warning("journey answers refused by the catalogue (%d errors)", len(exc.errors))
        store.clear()
        return render_template("journey/no_answers.html", refused=True)
    except RulesError:
        current_app.logger.exception("rules failed for a journey case")
        abort(500)
    catalogue = load_catalogue()
    back = url_for("journey.check") if store.complete(answers) else url_for("journey.safety")
    retry = prg.replayed()
    note_form = NoteForm(formdata=retry) if retry is not None else NoteForm(data={"note": store.note()})
    if retry is not None:
        note_form.validate()
    local_time = decision.contact_time.astimezone(ZoneInfo(current_app.config["OFFICE_HOURS"].timezone))
    return render_template(
        "journey/result.html",
        d=decision,
        catalogue=catalogue,
        immediate=immediate,
        complete=store.complete(answers),
        rows=answer_rows(answers),
        note=store.note(),
        local_time=local_time,
        level_info=catalogue.level(decision.level),
        Level=Level,
        back=back,
        form=note_form,  # the page's form with answers to check: a refused note is summarised at the top
        start_form=StartAgainForm(),
        note_form=note_form,
        what_if=what_if,
        actions=present.actions(decision, case),
        offer=present.offer(decision, case),
        without=without_words(decided, answers),
        answers_changed=state.answers_changed.pop(),  # Save saved nothing, and why: said once (webapp.shown)
    )


@bp.post("/note")
@public
def note():
    form = NoteForm()
    if not form.validate_on_submit():
        return prg.refused_to(url_for("journey.result"))
    store.set_note(written_text.or_empty(form.note.data).strip())  # nothing visible is no note (review 19 surfaces, S4)
    return redirect(url_for("journey.result") + "#your-note", code=303)


@bp.route("/settings", methods=["GET", "POST"])
@public
def settings():
    nxt = request.values.get("next", "")
    if not _local_journey_path(nxt):
        nxt = url_for("journey.start")

    def valid(form):
        store.set_show_levels(form.show_levels.data == "yes")
        return redirect(nxt)

    return _page(SettingsForm, lambda: {"show_levels": "yes" if store.show_levels() else "no"}, valid, "journey/settings.html", next=nxt, back=nxt)


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
        return False  # CR/LF would split the Location header (a 500, or a header injected)
    parts = urlsplit(target)
    return not parts.scheme and not parts.netloc and target.startswith("/") and not target.startswith("//") and "\\" not in target


@bp.get("/document")
@public
def document():
    """The threshold document's own words by section and page, the lines of the needs chosen in this
    session's answers marked. The address never names a need (review 7 surfaces F9): a citation opens
    the page's anchor, and the highlight comes from the session."""
    answers = store.get()
    chosen = [*store.immediate_chosen(answers), *store.needs_chosen(answers)] if answers else []
    return present.document_page(chosen, "Highlighted: the needs chosen in your answers on this device.")


class _Refused(Exception):
    """The rules refuse the session's answers: the result page says why, naming the field."""


def _referral():
    """The referral for the session's answers, or None when there are none to refer. Raises _Refused
    when the rules refuse them (review 10 surfaces, W2: a 500 once)."""
    answers = store.get()
    if not store.immediate_chosen(answers) and not store.complete(answers):
        return None
    try:
        decided = decide(answers)
    except CaseError as exc:
        raise _Refused() from exc
    decision = decided.decision
    office_hours = current_app.config["OFFICE_HOURS"]
    local = decision.contact_time.astimezone(ZoneInfo(office_hours.timezone))
    age = age_text(answers["child"]) if answers.get("child") else "Not recorded"
    user = shown_user()
    role = f"{user.role}, {user.team}" if user else ""
    actions = present.actions(decision, decided.case)
    r = written.build(decided.given, decision, age, actions, store.note(), local, role, without_words(decided, answers), office_hours=office_hours)
    reopened = state.reopened_in_error.get()
    return dataclasses.replace(r, in_error=written.in_error_words(reopened.marked_on, reopened.reason)) if reopened else r


@bp.errorhandler(_Refused)
def _refused(_exc):
    """A referral of answers the rules refuse: the result page, which names what to correct and where,
    keeping every answer (never the 500 page)."""
    return redirect(url_for("journey.result"))


@bp.get("/referral")
@public
def referral():
    r = _referral()
    if r is None:
        return _missing(store.get())
    return render_template("journey/referral.html", r=r, text=written.as_text(r), blanks=written.BLANKS, back=url_for("journey.result"))


@bp.get("/referral.pdf")
@public
def referral_pdf():
    r = _referral()
    if r is None:
        return _missing(store.get())
    html = render_template("journey/referral_pdf.html", r=r, blanks=written.BLANKS, plain=True)
    try:
        from weasyprint import HTML  # needs pango (scripts/setup_pdf_system.sh)
    except OSError:
        current_app.logger.error("referral PDF unavailable: WeasyPrint cannot load pango")
        return render_template("journey/pdf_unavailable.html", back=url_for("journey.referral")), 503
    pdf = HTML(string=html, base_url=request.host_url).write_pdf()
    return current_app.response_class(pdf, mimetype="application/pdf", headers={"Content-Disposition": 'attachment; filename="referral.pdf"'})


@bp.get("/referral.txt")
@public
def referral_text():
    r = _referral()
    if r is None:
        return _missing(store.get())
    return current_app.response_class(written.as_text(r), mimetype="text/plain", headers={"Content-Disposition": 'attachment; filename="referral.txt"'})


# a POST over the body limit names the note's field and limit (review 12 surfaces, W7)
too_large.register("journey.note", NoteForm)
