"""Saved assessments (issue 6, the web side): save an assessment under a case reference, a
case's history (chart and table), professional-judgement overrides, exports, the managers'
overrides page, reviews and the team dashboard (filtered by each team the manager oversees). Every rule about who sees what lives in `store`."""

from __future__ import annotations

import json
from zoneinfo import ZoneInfo

from flask import abort, current_app, redirect, render_template, request, url_for

from pathway.catalogue import load_catalogue
from pathway.dates import day_time_words, day_words
from pathway.levels import LEVELS, Level
from pathway.surfaces import as_recorded, level_words, ring_now
from store import assessments, audit_trail, export, marks, oversight
from store.dashboard import team_dashboard
from store.errors import AccessDenied, Invalid, NotFound
from webapp import MAX_ROW_ID, charts, downloads, paging, prg, shown, too_large
from webapp import session_state as state
from webapp.accounts import auth
from webapp.accounts.forms import SignOutForm
from webapp.cases import bp, reopen
from webapp.cases.current import assessment_in_session
from webapp.cases.forms import CaseRefForm, MarkForm, OverrideForm, ReviewForm, WithdrawMarkForm
from webapp.cases.gone import gone
from webapp.cases.history import chart, label, rows
from webapp.journey import answers as journey_answers
from webapp.journey import present


def _tz() -> ZoneInfo:
    return ZoneInfo(current_app.config["OFFICE_HOURS"].timezone)


@bp.route("/save", methods=["GET", "POST"])
@auth.signed_in("cases.save", auth.READERS)
def save(user):
    current = assessment_in_session()
    if current is None:
        # answers the rules refuse (review 10 surfaces, W2): the result page names what to correct and
        # where, every answer kept; no answers with a result: the start page
        return redirect(url_for("journey.result" if journey_answers.has_result(journey_answers.get()) else "journey.start"))
    case, decision = current
    form, _ = prg.form_for(CaseRefForm)  # a refused reference shown again by GET: Back never resubmits
    if form.is_submitted() and shown.changed(form.shown.data, shown.of_assessment(case, decision)):
        # drawn from other answers (another tab, the Back button): nothing saved; the result page shows
        # the answers' result now, and says why, before the reference is even looked at (review 14 Y1)
        # a post with no digest cannot be checked: refused the same way, saying so (store15)
        unchecked = shown.missing(form.shown.data)
        current_app.logger.info(
            "assessment not saved: %s", "the post carried no digest of its page" if unchecked else "the answers changed since the save page was drawn"
        )
        state.answers_changed.set("unchecked" if unchecked else "changed")
        return redirect(url_for("journey.result"), code=303)
    if form.validate_on_submit():
        try:
            entry, repeated = assessments.save_assessment_once(auth.engine(), user, form.case_ref.normalised, case, decision, token=form.form_token.data)
        except Invalid as exc:  # the store's last word (the form already ran the same check)
            form.case_ref.errors = [f"Case reference {exc.message}"]
            return prg.refused(form)
        # the same form posted twice (a double click, the browser sending it again): its first entry, once
        current_app.logger.info("assessment %s (id %d)", "already saved: the same form posted again" if repeated else "saved", entry.id)
        _remember_save(entry)
        return redirect(url_for("cases.case", case_ref=entry.case_ref, saved=entry.id, again=1 if repeated else None))
    elif form.is_submitted():
        return prg.refused(form)
    form.shown.data = shown.of_assessment(case, decision)  # what this page states, drawn now
    return render_template("cases/save.html", form=form, decision=decision, back=url_for("journey.result"), in_error=state.reopened_in_error.get())


def _answers_digest(entry) -> str:
    """Keyed with the app's secret (webapp.shown.digest): the answers are a small space, so a bare hash of them
    could be reversed by trying them by whoever reads the sessions table."""
    return shown.digest("saved", json.dumps(entry.case, sort_keys=True))


def _remember_save(entry) -> None:
    """Keep this session's last saves (ids, references and a digest of the answers), for `_also_saved`."""
    kept = [s for s in state.saved_in_session.get() or [] if s.id != entry.id]
    kept.append(state.Saved(id=entry.id, case_ref=entry.case_ref, answers=_answers_digest(entry)))
    state.saved_in_session.set(kept[-state.SAVED_KEPT :])


def _also_saved(user, saved_id: int | None, entries) -> list:
    """The entries this session saved, before entry `saved_id`, with the same answers under another reference,
    oldest first (a corrected typo saves them twice, and the first may be another child's case: review 19,
    noted): the confirmation names each, to mark it saved in error. Each is read again (it may be marked
    by now, or gone)."""
    this = next((e for e in entries if e.id == saved_id), None)
    if this is None:
        return []
    digest = _answers_digest(this)
    out = []
    for s in state.saved_in_session.get() or []:
        if s.id == this.id:  # only the saves before it: the confirmation of the first names none
            break
        if s.case_ref != this.case_ref and s.answers == digest:
            try:
                out.append(assessments.get_assessment(auth.engine(), user, s.id, _audit=False))
            except NotFound:  # removed since (retention), or no longer the user's to read
                continue
    return out


@bp.get("/cases")
@auth.signed_in("cases.cases", auth.READERS)
def cases(user):
    page = paging.asked(assessments.count_case_refs(auth.engine(), user))  # one page read, not every case (review 15 Z3)
    found = assessments.list_case_refs(auth.engine(), user, limit=page.size, offset=page.start)
    links = page.links(lambda n: url_for("cases.cases", page=n if n > 1 else None))
    return render_template("cases/cases.html", cases=found, page=page, pagination=links, label=label, tz=_tz())


def _history(user, case_ref: str):
    try:
        return assessments.history(auth.engine(), user, case_ref)
    except (NotFound, Invalid):  # someone else's, removed, no such reference, or not a reference at all
        gone()


@bp.get("/cases/<case_ref>")
@auth.signed_in("cases.cases", auth.READERS)
def case(user, case_ref: str):
    entries = _history(user, case_ref)
    if entries[0].case_ref != case_ref:  # one address per case: upper case
        return redirect(url_for("cases.case", case_ref=entries[0].case_ref))
    table = rows(entries, _tz().key)
    saved = request.args.get("saved", type=int)
    again = next((e for e in entries if e.id == saved), None) if request.args.get("again") == "1" else None
    level_again = request.args.get("again") == "level"
    # the override an old form recorded before, when a later one is the recorded level now (Y6)
    replaced = _replaced(entries, request.args.get("level", type=int)) if level_again else None
    hours = current_app.config["OFFICE_HOURS"]
    later = {e.id: reopen.later_decision(e, hours) for e in entries}
    also = _also_saved(user, saved, entries) if saved and not again else []
    return render_template(
        "cases/case.html",
        also=also,
        marked=request.args.get("marked"),
        case_ref=entries[0].case_ref,
        table=table[::-1],
        chart=chart(table),
        label=label,
        saved=saved,
        again=again,
        level_again=level_again,
        replaced=replaced,
        tz=_tz(),
        back=url_for("cases.cases"),
        later=later,
        audit_link=_audit_link(user, entries[0].case_ref),
    )


def _replaced(entries, override_id: int | None):
    """(the entry, the override `override_id`) when a later override on the entry replaced it as the
    recorded level, else None: an old form sent again (review 14 surfaces, Y6)."""
    for e in entries:
        for o in e.overrides:
            if o.id == override_id and e.overrides[-1].id != o.id:
                return e, o
    return None


def _today():
    """How today's ruleset decides each exported entry (the exports' todays_* fields, review 12 surfaces W3)."""
    hours = current_app.config["OFFICE_HOURS"]
    return lambda e: reopen.later_decision(e, hours)


@bp.get("/cases/<case_ref>/export.json")
@auth.signed_in("cases.cases", auth.READERS)
def export_json(user, case_ref: str):
    try:
        body = export.export_json(auth.engine(), user, case_ref, today=_today())
    except (NotFound, Invalid):
        gone()
    return downloads.attachment(body, "application/json", f"case-{case_ref.upper()}.json")


@bp.get("/cases/<case_ref>/export.csv")
@auth.signed_in("cases.cases", auth.READERS)
def export_csv(user, case_ref: str):
    try:
        body = export.export_csv(auth.engine(), user, case_ref, today=_today())
    except (NotFound, Invalid):
        gone()
    return downloads.csv_attachment(body, f"case-{case_ref.upper()}.csv")  # a byte order mark first (review 15 surfaces, Z4)


def _entry(user, case_ref: str, entry_id: int):
    """The saved entry, or the page that says no saved assessment the user can see has it (webapp.cases.gone)."""
    try:
        entry = assessments.get_assessment(auth.engine(), user, entry_id)
    except NotFound:
        gone()
    if entry.case_ref != case_ref.upper():
        gone()
    return entry


@bp.route("/cases/<case_ref>/entries/<int:entry_id>/level", methods=["GET", "POST"])
@auth.signed_in("cases.cases", auth.READERS)
def override(user, case_ref: str, entry_id: int):
    entry = _entry(user, case_ref, entry_id)
    present.cite_into(_document_of(entry))
    form, _ = prg.form_for(OverrideForm.build, entry.recorded_level)
    # the same form posted twice (a double click): its first level stands, shown as recorded, before the
    # form's check that the level is not already the recorded one (which the first post made it)
    first = form.is_submitted() and assessments.override_posted_before(auth.engine(), user, entry, form.level.data, form.reason.data, form.form_token.data)
    if first:
        # the case page says which level is recorded now when a later one replaced it (review 14 surfaces, Y6)
        return redirect(url_for("cases.case", case_ref=entry.case_ref, again="level", level=first.id))
    if form.is_submitted() and shown.changed(form.shown.data, shown.of_recorded(entry)):
        # drawn when another level was recorded (another tab, a colleague): nothing recorded (review 14, Y1);
        # a post with no digest cannot be checked: refused the same way, saying so (store15)
        now_words = f"it is now {label(entry.recorded_level)}"
        if shown.missing(form.shown.data):
            why = f"This page could not be checked against the level recorded now: {now_words}."
        else:
            why = f"The recorded level changed since this page was shown (for example in another tab): {now_words}."
        form.form_errors.append(f"{why} Nothing was recorded: check it, then choose the level you record again.")
        return prg.refused(form)
    if form.validate_on_submit():
        try:
            _, repeated = assessments.record_override_once(auth.engine(), user, entry.id, form.level.data, form.reason.data, token=form.form_token.data)
        except NotFound:  # removed since the page was read (retention): nothing recorded, and the page says so
            gone()
        except Invalid as exc:
            field = getattr(form, exc.field, form.reason)  # the store names the field it refused
            field.errors = [f"{exc.field.capitalize()} {exc.message}"]
            return prg.refused(form)
        else:
            return redirect(url_for("cases.case", case_ref=entry.case_ref, again="level" if repeated else None))
    elif form.is_submitted():
        return prg.refused(form)
    back = url_for("cases.case", case_ref=entry.case_ref)
    today = reopen.today_words(reopen.later_decision(entry, current_app.config["OFFICE_HOURS"]), entry, entry.recorded_level if entry.overrides else None)
    form.shown.data = shown.of_recorded(entry)  # the level this page states as recorded, drawn now
    return render_template("cases/override.html", form=form, entry=entry, label=label, back=back, saved=entry.created_at.astimezone(_tz()), today=today)


@bp.route("/cases/<case_ref>/entries/<int:entry_id>/in-error", methods=["GET", "POST"])
@auth.signed_in("cases.cases", auth.READERS)
def mark(user, case_ref: str, entry_id: int):
    return _mark(user, case_ref, entry_id, "in_error")


@bp.route("/cases/<case_ref>/entries/<int:entry_id>/in-error/withdraw", methods=["GET", "POST"])
@auth.signed_in("cases.cases", auth.READERS)
def withdraw_mark(user, case_ref: str, entry_id: int):
    return _mark(user, case_ref, entry_id, "withdrawn")


def _mark(user, case_ref: str, entry_id: int, kind: str):
    """Mark a saved entry "saved in error", with a reason, or withdraw that mark (store.marks): who may
    read the entry may mark it (its author, a manager of its team); anyone else finds no such entry."""
    entry = _entry(user, case_ref, entry_id)
    form_class = MarkForm if kind == "in_error" else WithdrawMarkForm
    form, retried = prg.form_for(form_class)
    here = "cases.mark" if kind == "in_error" else "cases.withdraw_mark"
    # already so (another tab, a colleague): the page says where the entry stands and offers no form
    done_already = retried is None and (entry.in_error is not None) == (kind == "in_error")
    if form.validate_on_submit():
        try:
            _, repeated = marks.add_mark_once(auth.engine(), user, entry.id, kind, form.reason.data, token=form.form_token.data)
        except NotFound:  # removed since the page was read (retention)
            gone()
        except Invalid as exc:
            if exc.field == "reason":
                form.reason.errors = [f"Reason {exc.message}"]
            else:  # marked (or withdrawn) since this page was drawn: nothing added
                form.form_errors.append(f"Nothing was recorded: this assessment {exc.message} now.")
            return prg.refused(form)
        current_app.logger.info("entry %d: %s%s", entry.id, kind, " (the same form posted again)" if repeated else "")
        return redirect(url_for("cases.case", case_ref=entry.case_ref, marked=kind, _anchor=f"entry-{entry.id}"), code=303)
    elif form.is_submitted():
        return prg.refused(form)
    return render_template(
        "cases/mark.html",
        form=form,
        done_already=done_already,
        entry=entry,
        kind=kind,
        action=url_for(here, case_ref=entry.case_ref, entry_id=entry.id),
        label=label,
        saved=entry.created_at.astimezone(_tz()),
        tz=_tz(),
        back=url_for("cases.entry", case_ref=entry.case_ref, entry_id=entry.id),
    )


@bp.get("/cases/<case_ref>/entries/<int:entry_id>")
@auth.signed_in("cases.cases", auth.READERS)
def entry(user, case_ref: str, entry_id: int):
    found = _entry(user, case_ref, entry_id)
    present.cite_into(_document_of(found))
    d = reopen.stored_decision(found)
    hours = current_app.config["OFFICE_HOURS"]
    # a saved ring-now: whom to ring at this moment, decided now as the result page decides it (review 16 N1)
    live = reopen.decision_now(found, hours) if ring_now(d) else None
    return render_template(
        "cases/entry.html",
        entry=found,
        d=as_recorded(d),
        live=live if live is not None and ring_now(live) else None,
        label=label,
        tz=_tz(),
        Level=Level,
        catalogue=reopen.StoredCatalogue(load_catalogue()),
        later=reopen.later_decision(found, hours),
        unknown=reopen.unknown_indicators(found.case),
        unknown_answers=reopen.unknown_answers(found.case),
        saved=found.created_at.astimezone(_tz()),
        back=url_for("cases.case", case_ref=found.case_ref),
        audit_link=_audit_link(user, found.case_ref),
    )


def _audit_link(user, case_ref: str) -> str | None:
    """The address of who opened the case, for a manager (the only role its page admits), else None."""
    return url_for("cases.case_audit", case_ref=case_ref) if user.role in auth.MANAGERS else None


# what each audited action says on the managers' page of who opened a case (store.audit_trail); an action not
# named here is shown by its code
AUDIT_WORDS = {
    "history.read": "Opened the case's history",
    "assessment.read": "Opened a saved assessment",
    "assessment.save": "Saved an assessment",
    "export": "Downloaded the history",
    "override.create": "Recorded a level",
    "override.read": "Opened a recorded level to review it",
    "override.review": "Reviewed a recorded level",
    "entry.marked_in_error": "Marked an assessment saved in error",
    "entry.mark_withdrawn": "Withdrew a saved-in-error mark",
    "audit.read": "Opened this list of who opened the case",
}
AUDIT_OUTCOMES = {"ok": "", "repeat": "the same form sent again: nothing new kept", "not_found": "refused: not theirs to read"}


def _audit_what(row) -> str:
    words = AUDIT_WORDS.get(row.action, row.action)
    fmt = dict(part.split("=", 1) for part in (row.detail or "").split() if "=" in part).get("format")
    if row.action == "export" and fmt:
        words += f" as {fmt.upper()}"
    if row.record_id is not None:
        words += f" (entry {row.record_id})"
    said = AUDIT_OUTCOMES.get(row.outcome, row.outcome)
    return f"{words}: {said}" if said else words


# `path`: a reference with a "/" in it still reaches the role check, so a role this page does not admit gets 403
# for any reference, exactly as for an unused one (the route sweep)
@bp.get("/cases/<path:case_ref>/audit")
@auth.signed_in("cases.cases", auth.MANAGERS)
def case_audit(user, case_ref: str):
    """Who read, downloaded or changed the case's entries, and when (review 22 surfaces, S2), for a manager who
    may read an entry under it; newest first, in pages. Reading it is audited (store.audit_trail)."""
    number = request.args.get("page", default=1, type=int) or 1
    size = current_app.config["LIST_PAGE_SIZE"]
    try:
        ref, found, total = audit_trail.case_reads(auth.engine(), user, case_ref, size=size, page=number)
    except (NotFound, Invalid):
        gone()
    if ref != case_ref:  # one address per case: upper case
        return redirect(url_for("cases.case_audit", case_ref=ref))
    whole = paging.Page(1, size, total)
    page = paging.Page(min(max(number, 1), whole.pages), size, total)  # the page the store read: the nearest there is
    return render_template(
        "cases/audit.html",
        case_ref=ref,
        rows=[(r, _audit_what(r)) for r in found],
        page=page,
        pagination=page.links(lambda n: url_for("cases.case_audit", case_ref=ref, page=n if n > 1 else None)),
        tz=_tz(),
        back=url_for("cases.case", case_ref=ref),
    )


def _document_of(entry) -> str:
    return url_for("cases.entry_document", case_ref=entry.case_ref, entry_id=entry.id)


@bp.get("/cases/<case_ref>/entries/<int:entry_id>/document")
@auth.signed_in("cases.cases", auth.READERS)
def entry_document(user, case_ref: str, entry_id: int):
    """The threshold document with the saved entry's needs marked, where its citations lead: the
    session's document page marks the session's answers, which may be another child's by now. The
    address names the entry only (review 7 surfaces F9); who may open it is who may open the entry."""
    found = _entry(user, case_ref, entry_id)
    saved = day_time_words(found.created_at.astimezone(_tz()))
    highlighted = f"Highlighted: the needs chosen in the assessment saved for case {found.case_ref} on {saved}."
    return present.document_page(found.case.get("indicators", []), highlighted, back=url_for("cases.entry", case_ref=found.case_ref, entry_id=found.id))


@bp.post("/cases/<case_ref>/entries/<int:entry_id>/assess-again")
@auth.signed_in("cases.cases", auth.READERS)
def assess_again(user, case_ref: str, entry_id: int):
    if not SignOutForm().validate_on_submit():  # a CSRF token and nothing else
        abort(400)
    found = _entry(user, case_ref, entry_id)
    if reopen.unknown_indicators(found.case):  # the entry page says why it is not offered
        return redirect(url_for("cases.entry", case_ref=found.case_ref, entry_id=found.id), code=303)
    answers = reopen.journey_answers(found.case)
    journey_answers.clear()
    journey_answers.put(**answers)
    if found.in_error is not None:  # still offered, and said: on the save page and at the top of the referral
        when = day_words(found.in_error.created_at.astimezone(_tz()))
        state.reopened_in_error.set(state.ReopenedInError(marked_on=when, reason=found.in_error.reason))
    return redirect(url_for("journey.check" if "child" in answers else "journey.result"))


FILTER_WORDS = {"direction": {d: d for d in assessments.DIRECTIONS}, "reviewed": {"yes": True, "no": False}}
TEAM_ERROR = "Team: choose one of the teams you oversee. Showing all of them"


def _team_filter(user) -> tuple[list[str], str | None, str | None]:
    """The teams the manager may filter by (their own and those an admin gave them oversight of),
    the one asked for in the query string, and the error when it is not one of them (ignored, so
    another team's existence is never confirmed)."""
    teams = oversight.teams_of(auth.engine(), user)
    asked = request.args.get("team", "")
    if not asked or asked in teams:
        return teams, asked or None, None
    return teams, None, TEAM_ERROR


def _list_args(user, asked) -> dict[str, str]:
    """The managers' list's filters and page in `asked` (a query string, or the session's copy), each
    kept only if it is one the list offers this manager: words and a number, nothing personal."""
    kept = {k: asked[k] for k, words in FILTER_WORDS.items() if asked.get(k) in words}
    if asked.get("team") in oversight.teams_of(auth.engine(), user):
        kept["team"] = asked["team"]
    if str(asked.get("page", "")).isdigit() and int(asked["page"]) > 1:
        kept["page"] = str(int(asked["page"]))
    return kept


def _list_url(user, **extra) -> str:
    """The managers' list as the review was reached from it: the filters and page its link carried,
    else those the list was last shown with (review 15 surfaces, Z3: a review dropped them)."""
    asked = request.args if any(k in request.args for k in ("team", "page", *FILTER_WORDS)) else (state.overrides_list.get() or {})
    return url_for("cases.overrides", **_list_args(user, asked), **extra)


@bp.get("/overrides")
@auth.signed_in("cases.overrides", auth.MANAGERS)
def overrides(user):
    try:
        pairs = assessments.list_overrides(auth.engine(), user)
    except AccessDenied:
        abort(403)
    teams, team, team_error = _team_filter(user)
    chosen = {"team": team, **{k: words.get(request.args.get(k, "")) for k, words in FILTER_WORDS.items()}}
    immediate, others = assessments.immediate_first(assessments.filter_overrides(pairs, **chosen))
    page = paging.asked(len(immediate) + len(others))  # immediate referrals first, then the others, in pages (Z3)
    on_page = page.of(immediate + others)
    hours = current_app.config["OFFICE_HOURS"]
    later: dict[int, reopen.Later | None] = {}
    for e, _ in on_page:  # only the rows shown are decided again by today's ruleset, each entry once
        if e.id not in later:
            later[e.id] = reopen.later_decision(e, hours)
    today = {o.id: reopen.today_words(later[e.id], e, o.level) for e, o in on_page}
    args = _list_args(user, {**request.args, "page": str(page.number)})
    state.overrides_list.set(args)
    filters = {k: v for k, v in args.items() if k != "page"}
    return render_template(
        "cases/overrides.html",
        immediate=[p for p in on_page if p[0].immediate],
        others=[p for p in on_page if not p[0].immediate],
        immediate_total=len(immediate),
        immediate_pages=paging.Page(1, page.size, len(immediate)).pages,
        others_total=len(others),
        others_first_page=len(immediate) // page.size + 1,
        others_page=url_for("cases.overrides", **filters, page=len(immediate) // page.size + 1),
        shown=len(immediate) + len(others),
        total=len(pairs),
        page=page,
        pagination=page.links(lambda n: url_for("cases.overrides", **filters, page=n if n > 1 else None)),
        first_page=url_for("cases.overrides", **filters),
        list_args=args,
        teams=teams,
        team=team,
        team_error=team_error,
        args=request.args,
        label=label,
        tz=_tz(),
        today=today,
        review_again=request.args.get("again") == "review",
    )


def _row_id(said: str) -> int | None:
    """The row id an address names, as `<int:...>` reads one (digits, leading zeros too, at most `MAX_ROW_ID`,
    past which PostgreSQL refuses the query); None for any other text."""
    row = int(said) if said.isascii() and said.isdigit() else None
    return row if row is not None and row <= MAX_ROW_ID else None


# any text as the id, so every id that is not an override the manager can see (huge, zero, negative, not a
# number) is answered by `gone` after the manager check, never the generic "Page not found" (tidy18)
@bp.route("/overrides/<override_id>/review", methods=["GET", "POST"])
@auth.signed_in("cases.overrides", auth.MANAGERS)
def review(user, override_id: str):
    oid = _row_id(override_id)
    if oid is None:
        gone()
    try:
        entry, found = assessments.override_to_review(auth.engine(), user, oid)
    except NotFound:
        gone()
    form, _ = prg.form_for(ReviewForm)
    if form.validate_on_submit():
        try:
            _, repeated = assessments.record_review_once(auth.engine(), user, found.id, form.note.data or "", token=form.form_token.data)
        except Invalid as exc:
            form.note.errors = [f"Note {exc.message}"]
            return prg.refused(form)
        except NotFound:
            gone()
        else:
            return redirect(_list_url(user, again="review" if repeated else None))
    elif form.is_submitted():
        return prg.refused(form)
    today = reopen.today_words(reopen.later_decision(entry, current_app.config["OFFICE_HOURS"]), entry, found.level)
    return render_template("cases/review.html", form=form, entry=entry, o=found, label=label, tz=_tz(), back=_list_url(user), today=today)


@bp.get("/dashboard")
@auth.signed_in("cases.dashboard", auth.MANAGERS)
def dashboard(user):
    teams, team, team_error = _team_filter(user)
    d = team_dashboard(auth.engine(), user, team=team)
    catalogue = load_catalogue()

    def words(iid: str) -> str:
        return catalogue.indicator(iid).text if catalogue.has_indicator(iid) else iid

    rate = [("Recorded a different level", d.override_rate or 0)]
    direction = [("Lower than the tool's", d.down), ("Higher than the tool's", d.up), ("Back to the tool's level", d.same)]
    return render_template(
        "cases/dashboard.html",
        d=d,
        teams=teams,
        team=team,
        team_error=team_error,
        label=label,
        words=words,
        legend=charts.legend(),
        month_label=charts.month_label,
        levels=LEVELS,
        level_words=level_words,
        immediate_href=url_for("cases.overrides", team=team, _anchor="immediate"),
        by_month=charts.level_bars(d.months),
        rate=charts.bars(rate, unit="%", what="Share of saved assessments where a level different from the tool's was recorded"),
        direction=charts.bars(direction, what="Recorded levels by direction"),
        top=charts.bars([(words(i), n) for i, n in d.indicators], what="Indicators chosen most"),
    )


# a POST over the body limit names these forms' free-text fields and limits (review 12 surfaces, W7)
too_large.register("cases.save", CaseRefForm)
too_large.register("cases.override", OverrideForm)
too_large.register("cases.review", ReviewForm)
too_large.register("cases.mark", MarkForm)
too_large.register("cases.withdraw_mark", WithdrawMarkForm)
