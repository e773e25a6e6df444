"""Practice mode's routes: thin; sessions and answers in store.py, judgement in feedback.py and
the rules, the summary's numbers in summary.py and pathway.scenarios.agreement."""
from __future__ import annotations

from flask import Response, abort, current_app, flash, redirect, render_template, request, session, url_for

from pathway.levels import LEVELS, Level
from pathway.scenarios import ScenarioErrors, dump_scenarios, loads
from rules import RulesError
from webapp import limits
from webapp.access import public, session_trainee, session_trainer
from webapp.accounts import auth
from webapp.practice import bp, store
from webapp.practice import library
from webapp.practice.editor import scenario_from_form, place_errors
from webapp.practice.feedback import decide, feedback
from webapp.practice.forms import (EndForm, ImportForm, JoinForm, StartForm, answer_form, chosen_indicators,
                                   indicator_data, scenario_form)
from webapp.practice.summary import CHART_BAR_WIDTH, CHART_LABEL_WIDTH, CHART_ROW, bar_width, summarise

TRAINER = "practice_trainer"  # session key: {code: trainer token}
TRAINEE = "practice_trainee"  # session key: {code: trainee id}
NO_SESSION = "That join code is not for a practice session that is running: check it with your trainer"
FULL = "That practice session is full: ask your trainer"


@bp.record_once
def _tables(state):
    """Practice tables live on the app's engine; create them if this database predates them."""
    from webapp import db
    db.metadata.create_all(state.app.extensions["fsp_db"])


def _scenarios(ps: store.PracticeSession):
    """The session's scenarios as they were when it started, in the trainer's order."""
    by_id = {s.id: s for s in loads(ps.scenarios_yaml, name=f"session:{ps.code}")}
    return [by_id[i] for i in ps.scenario_ids]


def _require_trainer(code: str) -> store.PracticeSession:
    """The session, for the account that started it, signed in now (the account is checked on
    every request: signed out, disabled or another account is refused). Anyone else gets the
    answer an unused code gets: 404."""
    found = store.get_session(code)
    user = auth.current_user()
    token = (session.get(TRAINER) or {}).get(found.code) if found else None
    if found is None or user is None or user.role not in auth.TRAINERS or not store.is_trainer(found.code, token, user.id):
        abort(404)
    return found


def _trainee_id(code: str) -> int | None:
    tid = (session.get(TRAINEE) or {}).get(code)
    return tid if store.trainee_in(code, tid) else None


def _joined(code: str) -> tuple[store.PracticeSession, int] | None:
    """The session and this browser's trainee id, or None: a real code not joined here and an
    unused code get the same answer (back to the join page)."""
    ps = store.get_session(code)
    tid = _trainee_id(ps.code) if ps else None
    return (ps, tid) if tid is not None else None


@bp.get("/")
@public
def index():
    return render_template("practice/index.html")


# --- trainer: starting a session needs a trainer's account; its pages then need the token --------

@bp.route("/new", methods=["GET", "POST"])
@auth.signed_in("practice.new_session", auth.TRAINERS)
def new_session(user):
    entries = library.entries()
    form = StartForm.build(entries)
    if form.validate_on_submit():
        by_id = {e.scenario.id: e.scenario for e in entries}
        chosen = [by_id[i] for i in form.scenarios.data]
        code, token = store.start_session([s.id for s in chosen], dump_scenarios(chosen), user.id)
        session[TRAINER] = {**(session.get(TRAINER) or {}), code: token}
        return redirect(url_for("practice.trainer", code=code))
    return render_template("practice/new.html", form=form, back=url_for("practice.index"))


@bp.get("/session/<code>")
@session_trainer
@limits.practice_pages_per_address
def trainer(code: str):
    ps = _require_trainer(code)
    people = store.trainees(ps.code)
    answered = {}
    for a in store.answers(ps.code):
        answered[a.trainee_id] = answered.get(a.trainee_id, 0) + 1
    return render_template("practice/trainer.html", ps=ps, scenarios=_scenarios(ps), people=people,
                           answered=answered, form=EndForm())


@bp.post("/session/<code>/trainees/<int:trainee_id>/remove")
@session_trainer
@limits.practice_pages_per_address
def remove_trainee(code: str, trainee_id: int):
    """The trainer takes someone (a stranger, a bot, a duplicate) out of the session, answers too."""
    ps = _require_trainer(code)
    if not EndForm().validate_on_submit():
        abort(400)
    if not store.remove_trainee(ps.code, trainee_id):
        abort(404)
    return redirect(url_for("practice.trainer", code=ps.code))


@bp.post("/session/<code>/end")
@session_trainer
@limits.practice_pages_per_address
def end(code: str):
    ps = _require_trainer(code)
    if not EndForm().validate_on_submit():
        abort(400)
    store.end_session(ps.code)
    return redirect(url_for("practice.summary", code=ps.code))


@bp.get("/session/<code>/summary")
@session_trainer
@limits.practice_pages_per_address
def summary(code: str):
    ps = _require_trainer(code)
    result = summarise(_scenarios(ps), store.answers(ps.code))
    return render_template("practice/summary.html", ps=ps, s=result, levels=LEVELS, bar_width=bar_width,
                           label_width=CHART_LABEL_WIDTH, bar_max=CHART_BAR_WIDTH, row_h=CHART_ROW,
                           back=url_for("practice.trainer", code=ps.code))


# --- trainee ------------------------------------------------------------------------------

@bp.route("/join", methods=["GET", "POST"])
@public
@limits.join_per_address
def join():
    """Unused and ended codes read the same; a browser that has joined goes back to its place
    rather than adding another trainee; a session takes PRACTICE_MAX_TRAINEES at most."""
    form = JoinForm()
    if form.validate_on_submit():
        ps = store.get_session(form.code.data)
        if ps is None or ps.ended:
            form.code.errors.append(NO_SESSION)
        elif _trainee_id(ps.code) is not None:
            return redirect(url_for("practice.trainee", code=ps.code))
        else:
            tid = store.add_trainee(ps.code, form.name.data.strip(), current_app.config["PRACTICE_MAX_TRAINEES"])
            if tid is None:
                form.code.errors.append(FULL)
            else:
                session[TRAINEE] = {**(session.get(TRAINEE) or {}), ps.code: tid}
                return redirect(url_for("practice.trainee", code=ps.code))
    return render_template("practice/join.html", form=form, back=url_for("practice.index"))


@bp.get("/s/<code>")
@session_trainee
@limits.practice_pages_per_address
def trainee(code: str):
    joined = _joined(code)
    if joined is None:
        return redirect(url_for("practice.join"))
    ps, tid = joined
    done = {a.scenario_id for a in store.answers(ps.code, tid)}
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
        return redirect(url_for("practice.trainee", code=ps.code))
    form = answer_form(scenario)
    if form.validate_on_submit():
        store.save_answer(tid, scenario.id, form.level.data, chosen_indicators(form))
        return redirect(url_for("practice.answer_feedback", code=ps.code, scenario_id=scenario.id))
    return render_template("practice/answer.html", ps=ps, scenario=scenario, form=form,
                           back=url_for("practice.trainee", code=ps.code))


@bp.get("/s/<code>/<scenario_id>/feedback")
@session_trainee
@limits.practice_pages_per_address
def answer_feedback(code: str, scenario_id: str):
    found = _trainee_scenario(code, scenario_id)
    if found is None:
        return redirect(url_for("practice.join"))
    ps, tid, scenario = found
    mine = next((a for a in store.answers(ps.code, tid) if a.scenario_id == scenario.id), None)
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
    return render_template("practice/feedback.html", ps=ps, scenario=scenario, fb=fb, following=following,
                           back=url_for("practice.trainee", code=ps.code))


# --- scenario library: write, import, export (trainers only: it holds the model answers) -----

@bp.get("/scenarios")
@auth.signed_in("practice.scenarios", auth.TRAINERS)
def scenarios(_user):
    return render_template("practice/scenarios.html", entries=library.entries(), back=url_for("practice.index"))


@bp.route("/scenarios/new", methods=["GET", "POST"])
@auth.signed_in("practice.scenarios", auth.TRAINERS)
def write(_user):
    form = scenario_form()
    preview = None
    if form.validate_on_submit():
        try:
            scenario, decision = scenario_from_form(form, chosen_indicators(form))
        except ScenarioErrors as exc:
            place_errors(form, exc.errors)
        else:
            if form.save.data:
                library.save(scenario)
                flash(f"Saved ‘{scenario.title}’ to the library as {scenario.id}.")
                return redirect(url_for("practice.scenarios"))
            preview = decision
    return render_template("practice/write.html", form=form, preview=preview, back=url_for("practice.scenarios"))


@bp.route("/scenarios/import", methods=["GET", "POST"])
@auth.signed_in("practice.scenarios", auth.TRAINERS)
def import_scenarios(_user):
    form = ImportForm()
    problems: list[str] = []
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
            if not problems:
                for s in found:
                    library.save(s)
                flash(f"Imported {len(found)} scenario{'s' if len(found) != 1 else ''}: "
                      + ", ".join(s.id for s in found) + ".")
                return redirect(url_for("practice.scenarios"))
    return render_template("practice/import.html", form=form, problems=problems, back=url_for("practice.scenarios"))


def _yaml_download(text: str, filename: str) -> Response:
    return Response(text, mimetype="application/yaml",
                    headers={"Content-Disposition": f'attachment; filename="{filename}"'})


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
