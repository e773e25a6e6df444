"""Review 25 (surfaces): the surfaces after the search and the decision changed (blind). Changes no product code.

Run from the worktree:
    PYTHONPATH=$PWD /work/main/.venv/bin/python docs/review25-surfaces-cases.py all
    # or any of: faults search_surfaces call_screen practice cli

The harness is review 22's runner (docs/review22-surfaces-cases.py, which binds reviews 21, 20, 19, 18, 17, 15 and
12's helpers: make_app, user, text): imported, not copied. Each section makes its own app on a throwaway SQLite
database (Flask test client, PROPAGATE_EXCEPTIONS off so a defect shows the page a user sees). The CLI runs as
`python -m cli.main` in a real process. Each check says what main is expected to do today: "OK" where the surface
is right, "FINDING Rn" where this review found it wrong; the last line counts the checks that came out as expected
("X of N as expected"). A fix turns its FINDING line into "FIXED Rn" (not as expected: update the runner then).
NOTE lines are not counted.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path
from traceback import format_exc

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

_spec = importlib.util.spec_from_file_location("review22_surfaces", ROOT / "docs" / "review22-surfaces-cases.py")
R22 = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(R22)  # type: ignore[union-attr]
make_app, user, text = R22.make_app, R22.user, R22.text
COUNT = {"expected": 0, "all": 0}
CONTACT = "0115 876 4800"  # Children and Families Direct (p4, p23): the number the 503 page gives


def check(ok: bool, expect: str, msg: str) -> None:
    """expect "OK": the surface is right on main; "Rn": this review's finding, wrong on main."""
    as_expected = ok if expect == "OK" else not ok
    COUNT["all"] += 1
    COUNT["expected"] += as_expected
    label = "OK      " if ok else f"FINDING {expect}: " if expect != "OK" else "REGRESSED: "
    if ok and expect != "OK":
        label = f"FIXED {expect}: "
    print(label + msg, flush=True)


def note(msg: str) -> None:
    print("NOTE    " + msg, flush=True)


def cli(*args: str) -> tuple[int, str, str]:
    p = subprocess.run([sys.executable, "-m", "cli.main", *args], capture_output=True, text=True, timeout=300, cwd=ROOT)
    return p.returncode, p.stdout, p.stderr


def add_ids(page: str) -> list[str]:
    """The no-script results: the Add buttons, in order."""
    return re.findall(r'name="add" value="([^"]+)"', page)


def error_items(page: str) -> list[tuple[str, str]]:
    m = re.search(r'(?s)class="govuk-error-summary".*?</ul>', page)
    return re.findall(r'<a href="#([^"]+)">([^<]+)</a>', m.group(0)) if m else []


# ------------------------------------------------------------------ faults: a database that cannot be read
def faults():
    """Oracle: docs/web.md ('Database faults (locked, gone, full, server down) give one 503 page with the safeguarding
    contacts, drawn without the database') and docs/faults.md. A database file the driver reads as no database (a
    sqlite file overwritten or cut short: 'file is not a database', 'database disk image is malformed') is such a
    fault: the page a signed-in adviser opens next must still give the contacts, never the server's bare error."""
    for mode in ("gone", "cut short", "overwritten"):
        app = make_app()
        adv = user(app, "adv25", "adviser")
        adv.post("/adviser/", data={"age_years": "8", "q": "mum hits"})
        app.extensions["fsp_store"].dispose()
        f = Path(app.db_dir, "web.sqlite3")
        raw = f.read_bytes()
        if mode == "gone":
            f.unlink()
        elif mode == "cut short":
            f.write_bytes(raw[: len(raw) // 2])
        else:
            f.write_bytes(b"\0" * 16 + b"x" * (len(raw) - 16))
        for url in ("/adviser/", "/"):
            try:
                r = adv.get(url)
                page = r.get_data(as_text=True)
                got = f"{r.status_code}, contacts {'given' if CONTACT in page else 'NOT given'}"
                ok = r.status_code == 503 and CONTACT in page
            except Exception as exc:  # the WSGI app itself raised: the server answers its bare 500
                got = f"the app raised {type(exc).__name__}: {str(exc)[:60]} (the server's bare 500, no contacts)"
                ok = False
            check(ok, "OK", f"database {mode}, a signed-in adviser opens {url}: {got}")
    # the anonymous call screen and the API need no database to search and decide: they go on
    app = make_app()
    app.extensions["fsp_store"].dispose()
    Path(app.db_dir, "web.sqlite3").write_bytes(b"x" * 4096)
    c = app.test_client()
    r1 = c.get("/adviser/")
    r2 = c.post("/api/v1/search", json={"words": "mum hits the baby"})
    check(
        r1.status_code == 200 and r2.status_code == 200,
        "OK",
        f"database overwritten, anonymous: the call screen {r1.status_code}, the search API {r2.status_code}",
    )


# ------------------------------------------------------------------ one search, every surface
PHRASES = ("she flinches whenever anyone moves quick near her", "dad hits mum")


def search_surfaces():
    """Oracles: pathway.search's docstring for `finished` ('the words were sent whole (the call screen's form
    submitted), so the last word is read as said'), docs/adviser.md (Search17c: 'No surface passes it yet'), the
    labelled phrasings (pathway/data/search_examples/, development sets, not held back), and the call screen's
    declared notes (catalogue surfaces.child_in_care_search, refused_early_help_search)."""
    from pathway.search import search

    app = make_app()
    adv = user(app, "adv25", "adviser")
    anon = app.test_client()
    # 1. words sent whole are read as still being typed, on every surface that sends them whole
    for q, months in ((PHRASES[0], 60), (PHRASES[1], 96)):
        whole = [h.id for h in search(q, age_in_months=months, limit=3, finished=True)]
        api = [r["id"] for r in anon.post("/api/v1/search", json={"words": q, "age_months": months, "limit": 3}).get_json()]
        rc, out, _ = cli("search", q, "--age-months", str(months), "--limit", "3", "--json")
        cl = [r["id"] for r in json.loads(out)] if rc == 0 else []
        adv.post("/adviser/new")
        adv.post("/adviser/", data={"age_years": str(months // 12), "age_months": str(months % 12), "q": q, "action": "search"})
        page = add_ids(adv.get("/adviser/").get_data(as_text=True))[:3]
        check(
            api == cl == page == whole,
            "R2",
            f"{q!r} ({months} months) sent whole: read whole {whole}; the API {api}; the CLI {cl}; the page after Search (no script) {page}",
        )
    a = [h.id for h in search("dad hits mum", limit=1)]
    b = [h.id for h in search("dad hits mum.", limit=1)]
    note(f"'dad hits mum' leads with {a}, 'dad hits mum.' with {b}: a full stop changes the first row on the API, CLI and page")
    # 2. the declared notes beside the rows: on the page only
    for q in ("she is in foster care", "mum refused the CAF"):
        adv.post("/adviser/new")
        adv.post("/adviser/", data={"q": q, "action": "search"})
        on_page = "This tool's reading" in text(adv.get("/adviser/").get_data(as_text=True))
        api = anon.post("/api/v1/search", json={"words": q}).get_json()
        rc, out, err = cli("search", q)
        said = (out.strip().splitlines() or [""])[0]
        check(
            on_page and "This tool's reading" in out + err,
            "R3",
            f"{q!r}: the page gives the declared note: {on_page}; the API answers {json.dumps(api)[:60]}...; `pathway search` says {said[:70]!r}",
        )
    # 3. a refused age: the results for no age, unsaid
    for ay in ("8 years", "8yrs"):
        adv.post("/adviser/new")
        adv.post("/adviser/", data={"age_years": ay, "q": "bruises on his arms", "action": "search"})
        page = adv.get("/adviser/").get_data(as_text=True)
        ids = add_ids(page)
        errs = [m for _f, m in error_items(page)]
        live = adv.post("/adviser/search", data={"q": "bruises on his arms", "age_years": ay}).get_json()
        under2 = "immediate.unexplained_bruising_under_2"
        check(
            under2 not in ids[:3] and under2 not in [h["id"] for h in live["hits"]][:3],
            "OK",
            f"age typed {ay!r} (refused: {errs[:1]}): the page's first three {ids[:3]}, the live search's "
            f"{[h['id'] for h in live['hits']][:3]} (error {live.get('error')!r}): p9's 'under two' row offered for a child said to be 8",
        )
    adv.post("/adviser/new")
    adv.post("/adviser/", data={"age_years": "8", "q": "bruises on his arms", "action": "search"})
    ids = add_ids(adv.get("/adviser/").get_data(as_text=True))
    check("immediate.unexplained_bruising_under_2" not in ids, "OK", f"control: age '8': the under-two row not offered ({ids[:3]})")
    # 4. the twins grouped on the page only: declared (search_offers), a p9 row keeps its place
    q = "uncle touched her"
    api = [r["id"] for r in anon.post("/api/v1/search", json={"words": q, "age_months": 96}).get_json()][:3]
    live = [h["id"] for h in adv.post("/adviser/search", data={"q": q, "age_years": "8"}).get_json()["hits"]][:3]
    check(
        [i for i in api if i.startswith("immediate.")] == [i for i in live if i.startswith("immediate.")]
        and all(api.index(i) == live.index(i) for i in api if i.startswith("immediate.")),
        "OK",
        f"{q!r}: the API {api}, the call screen {live}: the twins differ (declared), every p9 row keeps its place",
    )


# ------------------------------------------------------------------ the call screen's form and privacy
def call_screen():
    """Oracles: docs/adviser.md 'Call screen' (the answers in the server-side session, never the address; every
    button saves every field; GET /adviser/search 405), GOV.UK's error summary pattern (each item links to the field's
    id), docs/security.md (the call screen is for anyone; no-store on pages with what a caller said)."""
    app = make_app()
    adv = user(app, "adv25", "adviser")
    r = adv.post(
        "/adviser/",
        data={"age_years": "8", "caller": "professional", "note": "rang at 10\x1b[2J", "q": "mum hits", "immediate": ["immediate.significant_harm"]},
    )
    page = adv.get("/adviser/").get_data(as_text=True)
    items = error_items(page)
    linked = all(f'id="{i}"' in page for i, _m in items)
    kept = 'value="8"' in page and re.search(r'value="immediate.significant_harm"[^>]*checked', page) is not None
    check(
        r.status_code == 303 and "#app-errors" in (r.location or "") and items and linked and kept,
        "OK",
        f"a note with a terminal escape: {r.status_code} -> {r.location}; summary {items}, each links to a field: {linked}; age and p9 box kept: {kept}",
    )
    r = adv.post("/adviser/", data={"q": "uncle touched her", "action": "search"})
    adv.post("/adviser/new")
    check(
        "uncle" not in (r.location or "")
        and adv.get("/adviser/search").status_code == 405
        and "zzq25" not in adv.get("/adviser/?q=zzq25").get_data(as_text=True),
        "OK",
        f"the caller's words stay out of the address: Search -> {r.location}; GET /adviser/search 405; ?q= in the address not read",
    )
    heads = {
        u: adv.post(u, **kw).headers.get("Cache-Control", "")
        for u, kw in (("/adviser/search", {"data": {"q": "hits"}}), ("/api/v1/search", {"json": {"words": "hits"}}))
    }
    heads["/adviser/"] = adv.get("/adviser/").headers.get("Cache-Control", "")
    check(all("no-store" in h for h in heads.values()), "OK", f"Cache-Control where a caller's words are echoed: {heads}")
    # headings in order with the no-script results drawn (no level skipped)
    adv.post("/adviser/new")
    adv.post("/adviser/", data={"age_years": "8", "add": "extensive.beyond_parental_control"})
    adv.post("/adviser/", data={"age_years": "8", "q": "mum hits", "action": "search"})
    levels = [int(h) for h in re.findall(r"<h([1-6])\b", adv.get("/adviser/").get_data(as_text=True))]
    check(
        levels[:1] == [1] and all(b <= a + 1 for a, b in zip(levels, levels[1:])),
        "OK",
        f"the call screen's headings with results drawn: {levels}",
    )
    # a saved assessment with a level recorded over it: both kept, the reason with the recorded one
    app2, who, v = R22.world()
    said = text(who["practitioner"].get(f"/cases/R20-G1/entries/{v['eid']}").get_data(as_text=True))
    check(
        "Level recorded by a professional: Extensive" in said and "R20 reason seen at home" in said and "Additional The level of support" in said,
        "OK",
        "a saved entry with a level recorded over it shows both: the recorded Extensive with its reason, and the Additional shown then",
    )
    # a call typed while signed in is gone after sign-out, and not shown to the next account in that browser
    from store.users import create_user

    create_user(app.extensions["fsp_store"], "adv25b", "adviser", "Team A", R22.PW)
    adv.post("/adviser/new")
    adv.post("/adviser/", data={"age_years": "8", "note": "NOTE25 rang from 12 Acacia Avenue", "q": "uncle touched her"})
    before = "NOTE25" in adv.get("/adviser/").get_data(as_text=True)
    adv.post("/sign-out")
    after = "NOTE25" in adv.get("/adviser/").get_data(as_text=True)
    adv.post("/adviser/undo")
    undone = "NOTE25" in adv.get("/adviser/").get_data(as_text=True)
    adv.post("/sign-in", data={"username": "adv25b", "password": R22.PW})
    other = "NOTE25" in adv.get("/adviser/").get_data(as_text=True)
    check(
        before and not after and not undone and not other,
        "OK",
        f"the call's note shown {before}; after sign-out {after}; brought back by Undo after sign-out {undone}; to the next account {other}",
    )
    adv = user(app, "adv25c", "adviser")
    # the decision: API = page (fetch status line) for one case
    adv.post("/adviser/new")
    st = adv.post(
        "/adviser/", data={"age_years": "8", "caller": "professional", "add": "extensive.beyond_parental_control"}, headers={"X-Requested-With": "fetch"}
    ).get_json()["status"]
    d = (
        app.test_client()
        .post("/api/v1/assess", json={"child": {"age_years": 8}, "indicators": ["extensive.beyond_parental_control"], "context": {"caller": "professional"}})
        .get_json()
    )
    check(
        d["level"] == "extensive" and "Extensive" in st and d["route"]["team"] in st,
        "OK",
        f"one case, API and call screen: API {d['level']} -> {d['route']['team']}; the screen's status {st!r}",
    )


# ------------------------------------------------------------------ practice mode's find
def practice():
    """Oracles: the call screen's declared note for a child in care now (R3's class: every surface that searches) and
    docs/practice.md (the trainee's find narrows the list, nothing saved, the words out of the address)."""
    app, who, v = R22.world()
    t = who["trainee"]
    url = f"/practice/s/{v['code']}/{v['sid']}"
    page = t.get(url).get_data(as_text=True)
    boxes = {}
    for q in ("mum hits the baby", "she is in foster care"):
        r = t.post(url, data={**R22.hidden(page), "find": q, "find_submit": "find"})
        said = text(R22.go(t, r).get_data(as_text=True))
        boxes[q] = (r.location or "", said)
    loc, said = boxes["mum hits the baby"]
    check("hits" not in loc and "Showing the indicators that match" in said, "OK", f"a trainee's find: -> {loc} (the words not in it); the list narrowed")
    loc, said = boxes["she is in foster care"]
    i = said.find("No indicator matches")
    check(
        "This tool's reading" in said,
        "R3",
        f"a trainee finds 'she is in foster care': {said[i : i + 60]!r}, no word that the document has no such row (the call screen's note)",
    )


# ------------------------------------------------------------------ the CLI
def cli_checks():
    """Oracle: cli/main.py's exits (0 done, 2 refused with one line naming the field, never a traceback)."""
    for args, want in (
        (("search", "hits", "--limit", "0"), "limit"),
        (("search", "hits", "--age-months", "9999"), "age_months"),
        (("search", "hits", "--age-months", "abc"), "--age-months"),
        (("search", "   "), "words"),
    ):
        rc, _out, err = cli(*args)
        check(rc == 2 and want in err and "Traceback" not in err, "OK", f"pathway {' '.join(args)}: exit {rc}, {err.strip().splitlines()[-1][:90]!r}")


SECTIONS = {"faults": faults, "search_surfaces": search_surfaces, "call_screen": call_screen, "practice": practice, "cli": cli_checks}


def _section(name: str) -> None:
    print(f"== {name}", flush=True)
    try:
        SECTIONS[name]()
    except Exception:
        COUNT["all"] += 1
        print(f"HARNESS {name} raised:\n{format_exc()}", flush=True)


if __name__ == "__main__":
    wanted = sys.argv[1:] or ["all"]
    for name in SECTIONS if wanted == ["all"] else wanted:
        _section(name)
    print(f"== {COUNT['expected']} of {COUNT['all']} as expected", flush=True)
