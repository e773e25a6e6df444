"""Routes of the call screen: thin; the answers live in the server-side session.

GET  /adviser/        the screen for the current call
POST /adviser/        save every field, apply the button used (add, remove, search, update);
                      a redirect back for a plain form, the changed parts as JSON for the script
POST /adviser/search  live search results as JSON for what is typed (a POST, so what the caller said
                      stays out of addresses and access logs)
POST /adviser/new     start a new call (the old one can be brought back until the new one changes)
POST /adviser/undo    bring back the call "New call" cleared
"""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import abort, current_app, jsonify, redirect, render_template, request, url_for

from pathway import surfaces, written_text
from pathway.call_summary import MAX_NOTE
from pathway.catalogue import load_catalogue
from pathway.levels import Level
from pathway.search_offers import search_note
from rules import RulesError
from webapp import session_state, too_large
from webapp.access import public
from webapp.adviser import bp, call, forms

FETCH_HEADER = "X-Requested-With"


def _context(screen: call.Screen) -> dict:
    state = screen.state
    hits = call.search(state["q"], screen.age, exclude=screen.chosen + state["aside"]) if state["q"].strip() and not forms.query_errors(state["q"]) else []
    office_hours = current_app.config["OFFICE_HOURS"]
    tz = ZoneInfo(office_hours.timezone)
    return dict(
        s=screen,
        d=screen.decision,
        state=state,
        hits=hits,
        search_note=search_note(state["q"]) if not forms.query_errors(state["q"]) else None,
        any_age=forms.ANY_AGE if screen.age.errors else None,  # the age refused: the rows are for any age, said (review 25 surfaces, R4)
        catalogue=load_catalogue(),
        Level=Level,
        callers=forms.CALLERS,
        cafs=forms.CAF,
        local_time=screen.decision.contact_time.astimezone(tz),
        hours=surfaces.hours_words(screen.decision, office_hours),  # "out of hours", a closed day named (review 17 S2)
        immediate_items=_immediate_items(state),
        caller_items=_items(forms.CALLERS, state["caller"]),
        caf_items=_items(forms.CAF, state["caf"]),
        social_care_items=_items(forms.SOCIAL_CARE, state["social_care"]),
        disability_items=_items(forms.DISABILITY, state["disability"]),
        consent_items=_items(forms.CONSENT, state["consent"]),
        siblings_items=_items(forms.SIBLINGS, state["siblings"]),
        cin_test_items=_items(forms.CIN_TEST, state["cin_test"]),
        current_level_items=[{"value": "", "text": "Not known"}]
        + [{**i, "selected": i.pop("checked")} for i in _items(forms.CURRENT_LEVEL, state["current_level"])],
        can_undo=call.can_undo(),
        search_label=forms.SEARCH_LABEL,
        note_label=forms.NOTE_LABEL,
        title="Call screen",
    )


def _screen(state: dict) -> call.Screen:
    try:
        return call.screen(state)
    except RulesError:
        current_app.logger.exception("rules failed for a call screen case")
        abort(500)


@bp.get("/")
@public
def screen():
    state = call.load()
    # a sign-in that ended unseen took the call typed under it: said once, here too (review 22 surfaces, S3)
    cleared = session_state.SIGN_IN_ENDED_CLEARED if session_state.answers_cleared.pop() else ""
    page = render_template("adviser/call.html", cleared=cleared, **_context(_screen(state)))
    call.shown(state)
    return page


@bp.post("/")
@public
def update():
    state = call.apply(forms.read(request.form))
    if request.headers.get(FETCH_HEADER) != "fetch":
        # land where the adviser was: the error summary if something is wrong, else the search after one
        searched = request.form.get("action") == "search" or request.form.get("add")
        anchor = "#app-errors" if _screen(state).errors else "#app-search" if searched else ""
        return redirect(url_for("adviser.screen") + anchor, code=303)
    context = _context(_screen(state))
    s = context["s"]
    parts = {name: render_template(f"adviser/_{name}.html", **context) for name in ("errors", "put_through", "route_bar", "chosen", "decision")}
    if not s.state["conflict"]:  # shown by this reply (with a conflict the script reloads the page, which shows it)
        call.shown(s.state)
    return jsonify(
        {
            "rev": s.state["rev"],
            "conflict": s.state["conflict"],  # the script reloads the page: its fields are out of date
            "parts": parts,
            "immediate": s.state["immediate"],  # the p9 boxes ticked (the decision may be immediate with none)
            "put_through_now": s.put_through_now,  # the decision's own: as the panel, bar and status say
            "errors": [{"field": f, "message": m} for f, m in s.errors],
            "status": _status(s),
        }
    )


@bp.post("/search")
@public
def search():
    q = written_text.or_empty(request.form.get("q"))
    refused = forms.query_errors(q)
    if refused:  # refused with the reason, never searched on its first words (review 9 V2) nor its pasted bytes (review 18 S1)
        return jsonify({"q": q, "hits": [], "error": refused[0][1]})
    age = forms.age(request.form.get("age_years", ""), request.form.get("age_months", ""), request.form.get("unborn") == "yes")
    chosen = call.load()
    exclude = chosen["immediate"] + chosen["concerns"] + chosen["aside"]
    hits = call.search(q, age, exclude=exclude) if q.strip() else []
    # an age refused: searched for any age, and said as the page says it, with the age's error (review 25 surfaces, R4)
    notes = [forms.ANY_AGE if age.errors and hits else None, search_note(q)]
    return jsonify(
        {
            "q": q,
            "hits": [h.as_dict() for h in hits],
            "note": " ".join(n for n in notes if n) or None,
            "error": age.errors[0][1] if age.errors and q.strip() else None,
        }
    )


@bp.post("/new")
@public
def new_call():
    call.clear()
    return redirect(url_for("adviser.screen"), code=303)


@bp.post("/undo")
@public
def undo_new_call():
    call.undo()
    return redirect(url_for("adviser.screen"), code=303)


def _immediate_items(state: dict) -> list[dict]:
    catalogue = load_catalogue()
    items = []
    for ind in catalogue.indicators:
        if ind.immediate:
            hint = f"Only for a child {catalogue.band(ind.age_band).label}." if ind.age_band else None
            items.append({"value": ind.id, "text": ind.text, "checked": ind.id in state["immediate"], "hint": {"text": hint} if hint else None})
    return items


def _items(choices, current: str) -> list[dict]:
    return [{"value": v, "text": label, "checked": v == current} for v, label in choices]


def _status(s: call.Screen) -> str:
    """The screen-reader status line: the same facts and words as the screen (pathway.surfaces)."""
    d = s.decision
    to = surfaces.route_words(d.route)
    # what the panel says it decided without, said with the level (review 11 surfaces, W1), and a p9 box
    # the call lost, until the adviser says the p9 questions were asked again (left12)
    without = f" {surfaces.decided_without(s.without)}." if s.without else ""
    without += f" {call.p9_again_sentence()}" if s.p9_to_ask_again else ""
    if not s.has_route:
        # said even with no route: a call whose only concern is a renamed p9 box or one set aside for
        # the age has concerns, none of which can be used (review 12 surfaces, W1, W2)
        return f"{s.no_route}{without}"
    if s.put_through_now:
        return f"Put the call through now: {to}. Level: {surfaces.decision_level(d)}.{without}"
    return f"Level: {surfaces.decision_level(d)}.{without} Put through to {to}."


# a POST over the body limit (a pasted email in the note) names the screen's free text and its limits,
# and says the call so far is kept: the post was never read, so nothing in the session changed (left13b)
too_large.register_fields(
    "adviser.update",
    [(forms.SEARCH_LABEL, forms.MAX_QUERY), (forms.NOTE_LABEL, MAX_NOTE)],
    kept=(
        "The call so far is kept as it was last saved: the concerns chosen, the child’s age and the other answers"
        " (the screen saves them at each change, or at each button without JavaScript).",
        "Return to the call",
    ),
)
