"""Practice mode's routes: thin; sessions and answers in records.py, judgement in feedback.py and
the rules, the summary's numbers in summary.py and training.agreement."""

from __future__ import annotations

import hashlib
import hmac

from flask import Response, abort, current_app, flash, redirect, render_template, request, url_for

from pathway import written_text
from pathway.catalogue import load_catalogue
from pathway.dates import short_day_words
from pathway.levels import LEVELS
from pathway.scenarios import ScenarioErrors, dump_scenarios, loads, loads_partly
from pathway.search_offers import search_note
from rules import RulesError
from store import form_tokens
from webapp import downloads, limits, prg, session_state, shown, too_large
from webapp.access import public, session_trainee, session_trainer
from webapp.accounts import auth
from webapp.charts import bars
from webapp.practice import bp, groups, library, records
from webapp.practice.editor import place_errors, scenario_from_form
from webapp.practice.feedback import feedback
from webapp.practice.forms import (
    EndForm,
    ImportForm,
    JoinForm,
    StartForm,
    answer_form,
    chosen_indicators,
    find_errors,
    indicator_data,
    narrow,
    scenario_form,
    scenario_text_fields,
)
from webapp.practice.summary import CHART_BAR_WIDTH, CHART_LABEL_WIDTH, CHART_ROW, bar_width, summarise
from webapp.practice.summary import summary_csv as summary_table

TRAINER = session_state.practice_trainer  # {code: trainer token, or OPENED_HERE}
# A session its account opened in this browser without having started it here (signed in again, or in
# another browser): no token is needed to open it (records.is_trainer: its account decides), but the entry
# says this browser is its trainer's, so a sign-in that ends unseen asks to sign in, not 404 (as the token does)
OPENED_HERE = ""
TRAINEE = session_state.practice_trainee  # {code: trainee id}
NO_SESSION = "That join code is not for a practice session that is running: check it with your trainer"
FULL = "That practice session is full: ask your trainer"
# two trainees a trainer cannot tell apart on the session's page (review 21 surfaces, S2)
NAME_IN_USE = "Someone in this session already has the display name ‘{name}’: add an initial or your surname, for example ‘{name} B’"
# an answer sent after the trainer ended the session (the trainee was reading the narrative meanwhile)
ENDED_BEFORE_THE_ANSWER = "The session ended before your answer to ‘{title}’ was sent, so it was not recorded. Ask your trainer about it."


class _StaleSession(Exception):
    """A running session's scenarios, kept as they were when it started, that today's catalogue no
    longer reads (a release renamed a need, or narrowed an age): its pages say so, never the 500 page."""

    def __init__(self, ps: records.PracticeSession, errors: ScenarioErrors):
        super().__init__(ps.code)
        self.ps, self.errors = ps, errors


def _scenarios(ps: records.PracticeSession):
    """The session's scenarios as they were when it started, in the trainer's order."""
    try:
        loaded = loads(ps.scenarios_yaml, name=f"session:{ps.code}")
    except ScenarioErrors as exc:
        raise _StaleSession(ps, exc) from exc
    by_id = {s.id: library.as_the_rules_decide(s) for s in loaded}
    return [by_id[i] for i in ps.scenario_ids]


def _kept(ps: records.PracticeSession) -> tuple[list, list[str]]:
    """For the trainer's pages: (the session's scenarios, the ids of those that no longer load). A
    running session whose scenarios no longer load cannot go on (409, `_stale`); once it has ended, its
    kept answers are read (review 11 surfaces, W3: they could not be): the scenarios that still load
    are summarised, and the others named with their answers as given."""
    try:
        return _scenarios(ps), []
    except _StaleSession:
        if not ps.ended:
            raise
    readable, _errors = loads_partly(ps.scenarios_yaml, name=f"session:{ps.code}")
    by_id = {s.id: library.as_the_rules_decide(s) for s in readable}
    return [by_id[i] for i in ps.scenario_ids if i in by_id], [i for i in ps.scenario_ids if i not in by_id]


@bp.errorhandler(_StaleSession)
def _stale(exc: _StaleSession):
    """Every page of the session names what no longer fits and keeps the answers; the trainer can still
    end it (409: the session's state conflicts with the tool's questions)."""
    user = auth.current_user()
    token = (TRAINER.get() or {}).get(exc.ps.code)
    is_trainer = user is not None and user.role in auth.TRAINERS and records.is_trainer(exc.ps.code, token, user.id)
    return render_template("practice/stale.html", ps=exc.ps, errors=exc.errors.errors, is_trainer=is_trainer, form=EndForm()), 409


def _require_trainer(code: str, after: str = "practice.trainer") -> records.PracticeSession:
    """The session, for the account that started it, signed in now, in any browser (the account is
    checked on every request: signed out, disabled or another account is refused; review 19 surfaces,
    S3: it once needed the token of the browser that started it, dropped on signing out). A session
    started before revision 0009 still needs that token (records.is_trainer). Anyone else gets the
    answer an unused code gets: 404. This browser holding the session's entry with no one signed in
    (the sign-in ended unseen: auth.DROPPED_ON_SIGNING_OUT) is asked to sign in, and comes back to
    `after`; a form sent does nothing and says so (auth.NOT_DONE)."""
    found = records.get_session(code)
    user = auth.current_user()
    token = (TRAINER.get() or {}).get(found.code) if found else None
    if found is not None and user is None and token is not None:
        abort(auth.ask_to_sign_in(after, code=found.code))
    if found is None or user is None or user.role not in auth.TRAINERS or not records.is_trainer(found.code, token, user.id):
        abort(404)
    if token is None:
        TRAINER.put_entry(found.code, OPENED_HERE)
    return found


def _trainer_id() -> int | None:
    """The signed-in trainer's account id, for the audit (after _require_trainer let them in)."""
    user = auth.current_user()
    return user.id if user else None


def _trainee_id(code: str) -> int | None:
    tid = (TRAINEE.get() or {}).get(code)
    return tid if records.trainee_in(code, tid) else None


def _joined(code: str) -> tuple[records.PracticeSession, int] | None:
    """The session and this browser's trainee id, or None: a real code not joined here and an
    unused code get the same answer (back to the join page)."""
    ps = records.get_session(code)
    tid = _trainee_id(ps.code) if ps else None
    return (ps, tid) if tid is not None else None


@bp.get("/")
@public
def index():
    return render_template("practice/index.html")


# --- trainer: starting a session needs a trainer's account; its pages then need the token --------


def _filtered(entries, given=None):
    """The library filters (level, age, family, topic) in the address, or in `given` (the form
    of ticks when its Show button was pressed), and the entries they keep."""
    filters = {f: (given or request.args).get(f, "") for f in groups.FACETS}
    return filters, groups.matching(entries, filters)


@bp.route("/new", methods=["GET", "POST"])
@auth.signed_in("practice.new_session", auth.TRAINERS)
def new_session(user):
    entries = library.entries()
    form, retry = prg.form_for(StartForm.build, entries)
    showing = request.form.get("show") is not None  # Show: the filters came with the ticks
    given = request.form if showing else request.args
    filters, shown = _filtered(entries, given)
    group_by = given.get("group_by") if given.get("group_by") in groups.FACETS else "level"
    here = url_for("practice.new_session", **{k: v for k, v in filters.items() if v}, group_by=group_by)  # with its filters
    ticked = set((retry.data if retry else request.form).getlist("scenarios"))
    wanted = request.form.get("select_group")
    if showing or wanted is not None:  # Show, or "Select all in this group": the page again, by GET
        if not form.validate_on_submit() and "csrf_token" in form.errors:
            abort(400)
        if wanted is not None:
            ticked |= {e.scenario.id for g in groups.grouped(shown, group_by) if g.key == wanted for e in g.entries}
        keep = [("scenarios", t) for t in sorted(ticked)] + [("cohort", request.form.get("cohort", ""))]
        return prg.again(data=keep, to=here)  # none ticked yet is not an error: no errors kept
    elif form.validate_on_submit():
        wanted_ids = set(form.scenarios.data)  # a scenario in two groups may be ticked twice
        chosen = [e.scenario for e in entries if e.scenario.id in wanted_ids]
        refused = library.contradicted(chosen)
        if refused:  # flagged in the library: fixed and imported again before it is practised
            form.scenarios.errors = list(form.scenarios.errors) + [f"{e.scenario} cannot be practised: {e.field}: {e.message}" for e in refused]
            return prg.refused(form)
        posted = form.form_token.data
        code, token, repeated = records.start_session_once(
            [s.id for s in chosen], dump_scenarios(chosen), user.id, cohort=form.cohort.data, form_token=posted, trainer_token=_trainer_token(posted)
        )
        TRAINER.put_entry(code, token)
        if repeated:  # the same form posted twice (a double click, the browser sending it again): one session
            flash("This session was already started by the same form: this is it, with its join code.")
        return redirect(url_for("practice.trainer", code=code))
    elif form.is_submitted():
        return prg.refused(form)
    hidden = [e for e in entries if e.scenario.id in ticked and e not in shown]
    return render_template(
        "practice/new.html",
        form=form,
        back=url_for("practice.index"),
        groups=groups,
        grouped=groups.grouped(shown, group_by),
        filters=filters,
        group_by=group_by,
        options={f: groups.options(entries, f) for f in groups.FACETS},
        ticked=ticked,
        hidden=hidden,
        shown=len(shown),
        total=len(entries),
        action=here,
    )


@bp.get("/session/<code>")
@session_trainer
@limits.practice_pages_per_address
def trainer(code: str):
    ps = _require_trainer(code)
    people = records.told_apart(records.trainees(ps.code))
    answered = {}
    for a in records.answers(ps.code):
        answered[a.trainee_id] = answered.get(a.trainee_id, 0) + 1
    scenarios, not_loaded = _kept(ps)
    return render_template(
        "practice/trainer.html",
        ps=ps,
        scenarios=scenarios,
        not_loaded=not_loaded,
        people=people,
        answered=answered,
        form=EndForm(),
        days=records.SESSION_DAYS,
    )


@bp.post("/session/<code>/trainees/<int:trainee_id>/remove")
@session_trainer
@limits.practice_pages_per_address
def remove_trainee(code: str, trainee_id: int):
    """The trainer takes someone (a stranger, a bot, a duplicate) out of the session, answers too."""
    ps = _require_trainer(code)
    if not EndForm().validate_on_submit():
        abort(400)
    if not records.remove_trainee(ps.code, trainee_id, user_id=_trainer_id()):
        abort(404)
    return redirect(url_for("practice.trainer", code=ps.code))


@bp.post("/session/<code>/end")
@session_trainer
@limits.practice_pages_per_address
def end(code: str):
    ps = _require_trainer(code)
    if not EndForm().validate_on_submit():
        abort(400)
    answers = records.answers(ps.code)
    try:
        result = summarise(_scenarios(ps), answers)
    except _StaleSession:  # ended all the same: the answers are kept, agreement cannot be worked out
        # recorded as not worked out (None), never 0: the cohort once showed "0% (1)" for an answer that
        # chose the model's level (review 11 surfaces, W3)
        records.end_session(ps.code, trainees=len(records.trainees(ps.code)), answers=len(answers), agree=None, kappa=None, user_id=_trainer_id())
        return redirect(url_for("practice.summary", code=ps.code))
    records.end_session(ps.code, trainees=len(records.trainees(ps.code)), answers=result.answers, agree=result.agree, kappa=result.kappa, user_id=_trainer_id())
    return redirect(url_for("practice.summary", code=ps.code))


@bp.get("/session/<code>/summary")
@session_trainer
@limits.practice_pages_per_address
def summary(code: str):
    ps = _require_trainer(code, after="practice.summary")
    scenarios, not_loaded = _kept(ps)
    result = summarise(scenarios, records.answers(ps.code), records.told_apart(records.trainees(ps.code)), not_loaded)
    return render_template(
        "practice/summary.html",
        ps=ps,
        s=result,
        levels=LEVELS,
        bar_width=bar_width,
        label_width=CHART_LABEL_WIDTH,
        bar_max=CHART_BAR_WIDTH,
        row_h=CHART_ROW,
        words=_words,
        days=records.SESSION_DAYS,
        back=url_for("practice.trainer", code=ps.code),
    )


def _words(iid: str) -> str:
    catalogue = load_catalogue()
    return catalogue.indicator(iid).text if catalogue.has_indicator(iid) else iid


@bp.get("/session/<code>/summary.csv")
@session_trainer
def summary_csv(code: str):
    ps = _require_trainer(code, after="practice.summary")
    scenarios, not_loaded = _kept(ps)
    body = summary_table(summarise(scenarios, records.answers(ps.code), records.told_apart(records.trainees(ps.code)), not_loaded), _words)
    return downloads.csv_attachment(body, f"practice-{ps.code}.csv")  # a byte order mark first (review 15 surfaces, Z4)


@bp.get("/sessions")
@auth.signed_in("practice.sessions", auth.TRAINERS)
def sessions(user):
    """The sessions this account started, open and ended, each with its links (review 19 surfaces, S3)."""
    mine = records.trainer_sessions(user.id, TRAINER.get())
    return render_template(
        "practice/sessions.html", sessions=mine, days=records.SESSION_DAYS, before_accounts=records.any_without_account(), back=url_for("practice.index")
    )


def cohort_id(label: str) -> str:
    """A cohort's address (`/practice/cohorts?cohort=<id>`): the app's keyed digest of its label, not the label.
    A trainer's label is typed text ("Jane's DSL group") and an address goes into access logs and browser
    history; cohorts have no table of their own to give an id from, so the digest is the id: the same for the
    same label under the same secret, so a bookmark keeps working (review 19 surfaces)."""
    return shown.digest("cohort", label)[:COHORT_ID_LENGTH]


COHORT_ID_LENGTH = 16  # hex digits: 64 bits, for tens of labels


@bp.get("/cohorts")
@auth.signed_in("practice.scenarios", auth.TRAINERS)
def cohorts(_user):
    asked = request.args.get("cohort", "")
    known = records.cohorts()
    label = next((c for c, _n in known if hmac.compare_digest(cohort_id(c), asked)), None) if asked else None
    if label is None:  # none asked, an id no cohort has, or a label sent the old way: the list
        return render_template("practice/cohorts.html", cohorts=[(c, n, cohort_id(c)) for c, n in known], back=url_for("practice.index"))
    results = records.cohort_results(label)
    # a session with no answers, or whose agreement was not worked out, is left off the chart (and said
    # so under it), never plotted as 0% (review 11 surfaces, W3)
    chart = bars(
        [(f"{short_day_words(r.started_at)} ({r.code})", round(r.agree_percent)) for r in results if r.agree_percent is not None],
        unit="%",
        what=f"Agreement with the model answer in each session of {label}, oldest first",
    )
    left_off = [r for r in results if r.agree_percent is None]
    return render_template("practice/cohort.html", label=label, results=results, chart=chart, left_off=left_off, back=url_for("practice.cohorts"))


# --- trainee ------------------------------------------------------------------------------


@bp.route("/join", methods=["GET", "POST"])
@public
@limits.join_per_address
def join():
    """Unused and ended codes read the same; a browser that has joined goes back to its place
    rather than adding another trainee; a session takes PRACTICE_MAX_TRAINEES at most."""
    form, _ = prg.form_for(JoinForm)
    if form.validate_on_submit():
        ps = records.get_session(form.code.data)
        if ps is None or ps.ended:
            form.code.errors.append(NO_SESSION)
            return prg.refused(form)
        elif _trainee_id(ps.code) is not None:
            return redirect(url_for("practice.trainee", code=ps.code))
        else:
            try:  # a name that draws as one in the session is refused, also when two join at one moment (conf22)
                tid = records.add_trainee(ps.code, form.name.data, current_app.config["PRACTICE_MAX_TRAINEES"])
            except records.NameInUse as taken:
                form.name.errors.append(NAME_IN_USE.format(name=taken.name))
                return prg.refused(form)
            if tid is None:
                form.code.errors.append(FULL)
                return prg.refused(form)
            TRAINEE.put_entry(ps.code, tid)
            return redirect(url_for("practice.trainee", code=ps.code))
    elif form.is_submitted():
        return prg.refused(form)
    return render_template("practice/join.html", form=form, back=url_for("practice.index"))


@bp.get("/s/<code>")
@session_trainee
@limits.practice_pages_per_address
def trainee(code: str):
    joined = _joined(code)
    if joined is None:
        return redirect(url_for("practice.join"))
    ps, tid = joined
    done = {a.scenario_id for a in records.answers(ps.code, tid)}
    return render_template("practice/trainee.html", ps=ps, scenarios=_scenarios(ps), done=done)


def _trainee_scenario(code: str, scenario_id: str):
    """(session, trainee id, scenario), or None for a browser that has not joined this code."""
    joined = _joined(code)
    if joined is None:
        return None
    ps, tid = joined
    scenario = next((s for s in _scenarios(ps) if s.id == scenario_id), None)
    if scenario is None:
        abort(404)
    return ps, tid, scenario


@bp.route("/s/<code>/<scenario_id>", methods=["GET", "POST"])
@session_trainee
@limits.practice_pages_per_address
def answer(code: str, scenario_id: str):
    found = _trainee_scenario(code, scenario_id)
    if found is None:
        return redirect(url_for("practice.join"))
    ps, tid, scenario = found
    if ps.ended:
        if request.method == "POST" and not records.has_answered(ps.code, tid, scenario.id):  # never dropped unsaid (surf16)
            flash(ENDED_BEFORE_THE_ANSWER.format(title=scenario.title))
        return redirect(url_for("practice.trainee", code=ps.code))
    if records.has_answered(ps.code, tid, scenario.id):
        # the first answer stands (review 9 surfaces, V3): a second, posted after the feedback showed the
        # model answer, is refused with the reason; opening the page again shows the feedback
        again = "1" if request.method == "POST" else None
        return redirect(url_for("practice.answer_feedback", code=ps.code, scenario_id=scenario.id, again=again), code=303)
    form, retry = prg.form_for(answer_form, scenario)
    posted = retry.data if retry else request.form
    find = "" if posted.get("find_submit") == "clear" else written_text.or_empty(posted.get("find")).strip()
    hidden: dict[str, list[str]] = {}
    nudge = False
    if retry:
        nudge = "nudge" in retry.flags
        if "find_submit" in posted and find and not form.find.errors:  # refused words are never searched on
            hidden = indicator_data(narrow(form, find, scenario))
    elif "find_submit" in request.form:  # narrow the list, by GET; nothing is saved
        if not form.validate_on_submit() and "csrf_token" in form.errors:
            abort(400)
        refused = find_errors(find)
        if refused:  # named in the error summary; every tick and the typed words kept for the page again
            named = answer_form(scenario)
            named.find.errors = refused
            return prg.refused(named)
        return prg.again()
    elif form.validate_on_submit():
        chosen = chosen_indicators(form)
        if chosen or request.form.get("confirm_empty"):
            saved = records.save_answer(tid, scenario.id, form.level.data, chosen)  # False: answered at the same moment
            again = None if saved else "1"
            return redirect(url_for("practice.answer_feedback", code=ps.code, scenario_id=scenario.id, again=again))
        return prg.refused(form, flags=("nudge",))  # nothing ticked: ask once, then accept it
    elif form.is_submitted():
        return prg.refused(form)
    # what the call screen says beside its rows for these words (a child looked after now, a refusal of the CAF), said
    # to the trainee too (review 25 surfaces, R3); never for refused words
    find_note = search_note(find) if find and not form.find.errors else None
    page = dict(ps=ps, scenario=scenario, form=form, find=find, find_note=find_note, hidden=hidden, nudge=nudge)
    return render_template("practice/answer.html", **page, back=url_for("practice.trainee", code=ps.code))


@bp.get("/s/<code>/<scenario_id>/feedback")
@session_trainee
@limits.practice_pages_per_address
def answer_feedback(code: str, scenario_id: str):
    found = _trainee_scenario(code, scenario_id)
    if found is None:
        return redirect(url_for("practice.join"))
    ps, tid, scenario = found
    mine = next((a for a in records.answers(ps.code, tid) if a.scenario_id == scenario.id), None)
    if mine is None:
        return redirect(url_for("practice.answer", code=ps.code, scenario_id=scenario.id))
    try:
        fb = feedback(scenario, mine.level, mine.indicators)
    except RulesError:
        current_app.logger.exception("rules failed for a practice scenario")
        abort(500)
    ids = [s.id for s in _scenarios(ps)]
    at = ids.index(scenario.id)
    following = ids[at + 1] if at + 1 < len(ids) else None
    return render_template(
        "practice/feedback.html",
        ps=ps,
        scenario=scenario,
        fb=fb,
        following=following,
        again=request.args.get("again") == "1",  # a second answer was refused: say so
        back=url_for("practice.trainee", code=ps.code),
    )


# --- scenario library: write, import, export (trainers only: it holds the model answers) -----


@bp.get("/scenarios")
@auth.signed_in("practice.scenarios", auth.TRAINERS)
def scenarios(_user):
    entries = library.entries()
    filters, shown = _filtered(entries)
    return render_template(
        "practice/scenarios.html",
        entries=shown,
        flags=library.flags(entries),
        versions=records.latest_versions(),
        groups=groups,
        filters=filters,
        group_by=None,
        shown=len(shown),
        total=len(entries),
        options={f: groups.options(entries, f) for f in groups.FACETS},
        back=url_for("practice.index"),
    )


@bp.get("/scenarios/<scenario_id>/versions")
@auth.signed_in("practice.scenarios", auth.TRAINERS)
def scenario_versions(_user, scenario_id: str):
    found = records.versions(scenario_id)
    if not found:
        abort(404)
    return render_template("practice/versions.html", scenario_id=scenario_id, versions=found, back=url_for("practice.scenarios"))


@bp.get("/scenarios/<scenario_id>/versions/<int:version>.yaml")
@auth.signed_in("practice.scenarios", auth.TRAINERS)
def scenario_version(_user, scenario_id: str, version: int):
    found = next((v for v in records.versions(scenario_id) if v.version == version), None)
    if found is None:
        abort(404)
    return _yaml_download(found.yaml, f"{scenario_id}-v{version}.yaml")


@bp.route("/scenarios/new", methods=["GET", "POST"])
@auth.signed_in("practice.scenarios", auth.TRAINERS)
def write(user):
    form, retry = prg.form_for(scenario_form)
    preview = None
    if retry:
        if "preview" in retry.flags:  # the preview asked for, shown by GET: Reload never posts again
            preview = scenario_from_form(form, chosen_indicators(form))[1]
    elif form.validate_on_submit():
        try:
            scenario, decision = scenario_from_form(form, chosen_indicators(form))
        except ScenarioErrors as exc:
            place_errors(form, exc.errors)
            return prg.refused(form)
        else:
            if form.save.data:
                replacing = _replacing(user, [scenario.id])
                version, repeated = library.save_once(scenario, user, "written", token=form.form_token.data)
                if repeated:  # the same form posted twice: its first version, once (left14)
                    flash(
                        f"‘{scenario.title}’ was already saved to the library as {scenario.id}, version {version.version}, by the same form: it is saved once."
                    )
                else:
                    flash(
                        f"Saved ‘{scenario.title}’ to the library as {scenario.id}, version {version.version}." + "".join(f" It{r}" for r in replacing.values())
                    )
                return redirect(url_for("practice.scenarios"))
            return prg.again(keep_out=("save",), flags=("preview",))
    elif form.is_submitted():
        return prg.refused(form)
    return render_template("practice/write.html", form=form, preview=preview, back=url_for("practice.scenarios"))


@bp.route("/scenarios/import", methods=["GET", "POST"])
@auth.signed_in("practice.scenarios", auth.TRAINERS)
def import_scenarios(user):
    form, retry = prg.form_for(ImportForm)  # the file is never kept: the page asks for it again
    problems: list[str] = retry.problems if retry else []
    if form.validate_on_submit():
        upload = form.file.data
        name = upload.filename or "upload"
        try:
            text = upload.read().decode("utf-8")
            found = loads(text, name=name)
        except UnicodeDecodeError:
            problems.append(f"{name}: the file is not UTF-8 text")
        except ScenarioErrors as exc:
            problems += [f"{e.scenario or name}: {e.field}: {e.message}" for e in exc.errors]
        else:
            shipped, seen = library.shipped_ids(), set()
            for s in found:
                if s.id in shipped:
                    problems.append(f"{s.id}: id: already used by a shipped scenario; give it a new id")
                elif s.id in seen:
                    problems.append(f"{s.id}: id: used twice in this file")
                seen.add(s.id)
            problems += [f"{e.scenario}: {e.field}: {e.message}" for e in library.contradicted(found, name)]
            if not problems:
                replacing = _replacing(user, [s.id for s in found])
                for s in found:
                    library.save(s, user, "imported")
                flash(
                    f"Imported {len(found)} scenario{'s' if len(found) != 1 else ''}: "
                    + ", ".join(s.id for s in found)
                    + "."
                    + "".join(f" {sid}{r}" for sid, r in replacing.items())
                )
                return redirect(url_for("practice.scenarios"))
        return prg.refused(form, problems=problems)
    elif form.is_submitted():
        return prg.refused(form)
    return render_template("practice/import.html", form=form, problems=problems, back=url_for("practice.scenarios"))


def _trainer_token(form_token: str | None) -> str | None:
    """The trainer token a session started by this form holds: made from the form's one-time token with
    the app's secret, so the same form posted twice gives the same token and the second post's browser
    opens the session the first started (records.start_session_once). None without a form token."""
    posted = form_tokens.posted(form_token)
    if posted is None:
        return None
    key = current_app.secret_key
    key = key if isinstance(key, bytes) else str(key).encode()
    return hmac.new(key, f"practice-trainer:{posted}".encode(), hashlib.sha256).hexdigest()


def _replacing(user, ids: list[str]) -> dict[str, str]:
    """For each id whose current version another trainer saved: ' replaces version N by AUTHOR, ...',
    so replacing someone else's scenario is never silent to the one doing it."""
    latest = records.latest_versions()
    return {
        sid: f" replaces version {v.version} by {v.author}, which is kept in the scenario's versions."
        for sid in ids
        if (v := latest.get(sid)) is not None and v.author != user.username
    }


def _yaml_download(text: str, filename: str) -> Response:
    return downloads.attachment(text, "application/yaml", filename)


@bp.get("/scenarios/export.yaml")
@auth.signed_in("practice.scenarios", auth.TRAINERS)
def export_saved(_user):
    return _yaml_download(dump_scenarios(library.saved()), "practice-scenarios.yaml")


@bp.get("/scenarios/<scenario_id>.yaml")
@auth.signed_in("practice.scenarios", auth.TRAINERS)
def export_one(_user, scenario_id: str):
    entry = library.by_id().get(scenario_id)
    if entry is None:
        abort(404)
    return _yaml_download(dump_scenarios([entry.scenario]), f"{scenario_id}.yaml")


# a POST over the body limit names these forms' free-text fields and limits (review 12 surfaces, W7)
too_large.register("practice.new_session", StartForm)
too_large.register("practice.join", JoinForm)
too_large.register("practice.write", scenario_text_fields())
