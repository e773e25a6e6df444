"""How fast an adviser gets from an empty call screen to a decided route (run on demand:
`python -m benchmarks.call_speed`). Not a test: it drives Debian's chromium with Playwright
against the app served in a thread, and its timings depend on the machine.

Thirteen scripted calls (the last three from issue 14: everyday words and a typo). For each: the clicks and key presses from an empty screen until the route
for the chosen concerns is shown, counted two ways:
  - concern: only what finding and adding the concern takes (click into the search box, the
    characters typed, arrow keys, Enter; or one click on an immediate question);
  - whole call: the same plus entering the age (click + digits per field) and the caller type (a click).
The adviser types the scripted text one character at a time and stops as soon as the wanted
concern is first in the list (then Enter); if it is not first once the whole text is typed, the
arrow keys move to it. A call fails if the wanted concern is not in the list at all.

Timings (milliseconds, from the browser's own clock): keystroke in the search box -> results
shown; Enter (or click) -> decision shown; each taken from `performance.mark`s the screen sets.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta, timezone
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"


def tuesday_morning(today: datetime) -> datetime:
    """The next Tuesday at 10:30 UTC that the default office hours count as open (the daytime routes).

    Near the real date, not a fixed one: the browser keeps the app's session cookie by the real
    clock, and a cookie whose expiry the app's fixed clock put in the past is dropped (every
    answer then failed its CSRF check and no decision came)."""
    from pathway.settings import OfficeHours

    day = today.date() + timedelta(days=(1 - today.weekday()) % 7 or 7)
    moment = datetime.combine(day, time(10, 30), tzinfo=timezone.utc)
    for _ in range(53):  # a bank holiday or local closure: the week after, for at most a year
        if OfficeHours().is_open(moment):
            return moment
        moment += timedelta(days=7)
    raise SystemExit("no open Tuesday morning within a year: check FSP_OFFICE_* and FSP_CLOSED_DATES")


@dataclass
class Call:
    name: str
    caller: str  # the radio's label
    age: tuple[int, int] | None  # (years, months); None: the caller did not say
    concerns: list[tuple[str, list[str]]] = field(default_factory=list)  # (text typed, ids any of which is right)
    immediate: list[str] = field(default_factory=list)  # ticked straight away
    team: str = ""  # the route expected


CALLS = [
    Call("burn a teacher cannot explain", "Professional", (8, 0), [("burn", ["immediate.unexplained_injuries"])], team="Screening and Duty Team"),
    Call("baby with bruises", "Member of the public", (0, 9), [("bruis", ["immediate.unexplained_bruising_under_2"])], team="Screening and Duty Team"),
    Call(
        "4-year-old left at home alone", "Member of the public", (4, 0), [("left alone", ["immediate.home_alone_5_and_under"])], team="Screening and Duty Team"
    ),
    # the caller says "not at school" / "not gaining weight"; the adviser types the word that names the
    # concern, as the screen's hint asks (typing "not ..." first costs keys: "not " tells nothing yet)
    Call(
        "not at school (typed 'school')",
        "Professional",
        (10, 0),
        [
            (
                "school",
                ["additional.poor_school_attendance_exclusion", "additional.disengagement_school_education", "extensive.persistent_absenteeism_school_without"],
            )
        ],
        team="",
    ),
    Call("bullied", "Parent or carer", (11, 0), [("bullied", ["additional.experiencing_bullying"])], team="Family Support Services"),
    Call("self-harm", "Parent or carer", (14, 0), [("self harm", ["extensive.behaviour_puts_life_risk", "protection.endangers_life_through_self"])], team=""),
    Call("rotten teeth, no dentist", "Professional", (7, 0), [("teeth", ["additional.dental_decay_not_accessing"])], team="Family Support Services"),
    Call("disclosure (ticked)", "Professional", (6, 0), immediate=["immediate.allegation_or_disclosure"], team="Screening and Duty Team"),
    Call(
        "shouting next door, age unknown",
        "Member of the public",
        None,
        [("shouting", ["additional.suspected_domestic_violence", "extensive.suspected_domestic_violence"])],
        team="",
    ),
    Call(
        "two concerns: dirty clothes, no routine",
        "Professional",
        (6, 0),
        [
            ("dirty clothes", ["additional.not_always_adequate_self", "extensive.presents_being_neglected_persistent"]),
            ("no routine", ["additional.lack_routine"]),
        ],
        team="",
    ),
    # issue 14: callers' everyday words and a typo
    Call(
        "angry 10-year-old excluded from school",
        "Professional",
        (10, 0),
        [
            (
                "angry",
                ["additional.disruptive_anti_social_behaviour", "extensive.violent_aggressive_anti_social", "extensive.behaviour_problems_school_likely"],
            ),
            (
                "excluded",
                ["additional.poor_school_attendance_exclusion", "extensive.multiple_temporary_exclusions", "extensive.behaviour_problems_school_likely"],
            ),
        ],
        team="",
    ),
    Call(
        "baby not gaining weight (typed 'weight')",
        "Professional",
        (0, 7),
        [("weight", ["additional.concerns_about_diet_poor", "additional.not_reaching_developmental_milestones"])],
        team="Family Support Services",
    ),
    Call(
        "typo: 'brusies' on a baby", "Member of the public", (0, 9), [("brusies", ["immediate.unexplained_bruising_under_2"])], team="Screening and Duty Team"
    ),
]

INSTRUMENT = """() => {
  window.__bench = {t0: 0}
  for (const type of ['keydown', 'mousedown']) {
    document.addEventListener(type, () => { window.__bench.t0 = performance.now() }, true)
  }
}"""
# resolves with the ms from the last keydown/mousedown to the first `name` mark after it
WAIT_MARK = """(name) => new Promise((resolve, reject) => {
  const t0 = window.__bench.t0
  const check = () => {
    const mark = performance.getEntriesByName(name).find((m) => m.startTime >= t0)
    if (mark) resolve(mark.startTime - t0)
    else if (performance.now() - t0 > 10000) reject(new Error('no ' + name + ' within 10 s'))
    else setTimeout(check, 1)
  }
  check()
})"""


def serve():
    import logging

    from werkzeug.serving import make_server

    from pathway import clock
    from pathway.settings import OfficeHours
    from webapp import create_app

    moment = tuesday_morning(datetime.now(timezone.utc))
    clock.set_source(lambda: moment)
    app = create_app({"SECRET_KEY": "call-speed", "OFFICE_HOURS": OfficeHours(), "DATABASE_URL": f"sqlite:///{Path(tempfile.mkdtemp()) / 'bench.sqlite3'}"})
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no request lines in the report
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@dataclass
class Result:
    call: Call
    concern_actions: int = 0
    whole_actions: int = 0
    ok: bool = True
    note: str = ""
    route: str = ""
    key_ms: list[float] = field(default_factory=list)
    decide_ms: list[float] = field(default_factory=list)


def run_call(page, call: Call) -> Result:
    res = Result(call)
    page.goto("/adviser/")
    page.evaluate(INSTRUMENT)

    def decided():
        res.decide_ms.append(page.evaluate(WAIT_MARK, "app-decision-rendered"))

    if call.age:
        years, months = call.age
        page.click("#age_years")
        page.keyboard.type(str(years))
        res.whole_actions += 1 + len(str(years))
        decided()
        if months:
            page.click("#age_months")
            page.keyboard.type(str(months))
            res.whole_actions += 1 + len(str(months))
            decided()
    page.get_by_label(call.caller, exact=True).click()
    res.whole_actions += 1
    decided()
    for iid in call.immediate:
        page.locator(f'input[name="immediate"][value="{iid}"]').click()
        res.concern_actions += 1
        decided()
    for typed, wanted in call.concerns:
        page.click("#q")
        res.concern_actions += 1
        rank = None
        for n, char in enumerate(typed, 1):
            page.keyboard.type(char)
            res.concern_actions += 1
            res.key_ms.append(page.evaluate(WAIT_MARK, "app-search-rendered"))
            ids = page.eval_on_selector_all("#app-search-options [role=option]", "els => els.map(e => e.dataset.id)")
            rank = next((i for i, x in enumerate(ids) if x in wanted), None)
            if rank == 0:
                break
        if rank is None:
            res.ok, res.note = False, f"{typed!r}: wanted concern not offered"
            return res
        for _ in range(rank):
            page.keyboard.press("ArrowDown")
            res.concern_actions += 1
        page.keyboard.press("Enter")
        res.concern_actions += 1
        decided()
        if rank:
            res.note += f"{typed!r} at rank {rank + 1}; "
    res.whole_actions += res.concern_actions
    res.route = page.inner_text("#app-route").split("\n")[0]
    if call.team and call.team not in res.route:
        res.ok, res.note = False, f"route {res.route!r}, expected {call.team!r}"
    return res


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[int(q * (len(values) - 1))]


def main(repeats: int = 3) -> int:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        print(f"{CHROMIUM} is missing: run scripts/setup_test_system.sh", file=sys.stderr)
        return 2
    server = serve()
    base = f"http://127.0.0.1:{server.server_port}"
    results: list[Result] = []
    key_ms: list[float] = []
    decide_ms: list[float] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=["--no-sandbox", "--disable-gpu", "--no-first-run"])
        for rep in range(repeats + 1):  # the first round warms up caches and is not timed
            for call in CALLS:
                context = browser.new_context(base_url=base)
                res = run_call(context.new_page(), call)
                context.close()
                if rep == 0:
                    results.append(res)
                else:
                    key_ms += res.key_ms
                    decide_ms += res.decide_ms
        browser.close()
    server.shutdown()

    print(f"{'call':<42} {'concern':>7} {'whole':>5}  route")
    for r in results:
        flag = "" if r.ok else "  FAILED: "
        print(f"{r.call.name:<42} {r.concern_actions:>7} {r.whole_actions:>5}  {r.route}{flag}  {r.note}".rstrip("; "))
    single = [r.concern_actions for r in results if len(r.call.concerns) + len(r.call.immediate) == 1]
    print(
        f"\nkeys+clicks, median of {len(results)} calls: concern {statistics.median(r.concern_actions for r in results)}, "
        f"whole call {statistics.median(r.whole_actions for r in results)}; "
        f"single-concern calls ({len(single)}): concern median {statistics.median(single)}, max {max(single)}"
    )
    print(f"failed calls: {sum(not r.ok for r in results)}")
    print(f"keystroke -> results shown: n={len(key_ms)} median {statistics.median(key_ms):.1f} ms, p95 {pct(key_ms, 0.95):.1f} ms, max {max(key_ms):.1f} ms")
    print(
        f"Enter/click -> decision shown: n={len(decide_ms)} median {statistics.median(decide_ms):.1f} ms, "
        f"p95 {pct(decide_ms, 0.95):.1f} ms, max {max(decide_ms):.1f} ms"
    )
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=3, help="timed rounds of the calls (default 3)")
    sys.exit(main(parser.parse_args().repeats))
