"""Draw the pages a decision is shown on for many varied journeys and write them all to one file, the
per-request parts masked: compare the file at two commits to show a change to the rendering changed
no page's bytes (speed17t, issue 17).

    .venv/bin/python scripts/page_dump.py [--journeys 80] [--seed 17] --out FILE

Each journey is answered through the app's own forms (CSRF on, as in production): the safety answers
(sometimes a p9 criterion), the child (unborn, babies, toddlers, school age, teenagers, 18-19 with a
care-leaver need; disability, CAF, consent, social care), a random handful of needs, sometimes a note
with characters that need escaping. The clock is fixed per journey (office hours, evening, weekend, a
bank holiday), with the real office hours. For each journey the file holds, with status and body:
/result, /referral, /referral.txt, /check, the call screen given the same child and needs, and, for
one journey in four, the saved entry's page of a signed-in practitioner who saved it; first, the
start, question, accessibility, disagreements, document, sign-in and practice pages. Masked: the CSP
nonce, every hidden input's value (CSRF tokens, one-time form tokens) and the session cookie (never
written). The page bytes are otherwise written as drawn.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.webapp.conftest import hidden  # noqa: E402  (a page's hidden fields, as a browser posts them back)

MOMENTS = [
    datetime(2026, 12, 2, 10, 15, tzinfo=timezone.utc),  # Wednesday, office hours
    datetime(2026, 12, 2, 19, 40, tzinfo=timezone.utc),  # Wednesday evening
    datetime(2026, 12, 5, 11, 0, tzinfo=timezone.utc),  # Saturday
    datetime(2026, 12, 25, 11, 0, tzinfo=timezone.utc),  # Christmas Day, a Friday: a bank holiday
    datetime(2026, 8, 31, 9, 30, tzinfo=timezone.utc),  # summer bank holiday, British Summer Time
]
NOTES = ["", "", "Seen at school <b>twice</b> & \"worried\"; mum's view: it's fine", "Follow up on Monday."]
_HIDDEN = re.compile(rb'(<input[^>]*type="hidden"[^>]*value=")([^"]*)(")')
_HIDDEN_NAME_FIRST = re.compile(rb'(<input[^>]*name="[^"]*"[^>]*value=")([^"]*)("[^>]*type="hidden")')
_NONCE = re.compile(rb'nonce="[^"]*"')


def mask(body: bytes) -> bytes:
    body = _NONCE.sub(b'nonce="NONCE"', body)
    body = _HIDDEN.sub(rb"\1MASKED\3", body)
    return _HIDDEN_NAME_FIRST.sub(rb"\1MASKED\3", body)


def post(client, path: str, data: dict, form_page: str | None = None):
    """Post as a browser would: with the hidden fields of the page drawn just before."""
    page = client.get(form_page or path).get_data(as_text=True)
    return client.post(path, data={**hidden(page), **data})


def journey(rng: random.Random, catalogue, pages) -> dict:
    immediate = [i for i in catalogue.indicators if i.immediate]
    age = rng.choice(["unborn", "0:3", "0:11", "1:6", "2:0", "4:0", "7:0", "9:5", "12:0", "14:3", "16:0", "17:11", "18:6"])
    child = {
        "disability": rng.choice(["none", "none", *[d for d in _disabilities() if d != "none"]]),
        "caf": rng.choice(["none", "open_improving", "open_not_improving"]),
        "consent": rng.choice(["yes", "no", "not_known"]),
        "open_to_social_care": rng.choice(["no", "yes", "not_known"]),
        "current_level": "not_known",
        "large_sibling_group": rng.choice(["no", "yes"]),
    }
    if age == "unborn":
        child.update(born="no", age_years="", age_months="")
    else:
        years, months = age.split(":")
        child.update(born="yes", age_years=years, age_months=months)
    p9 = [rng.choice(immediate).id] if rng.random() < 0.3 else []
    p9 = [
        i for i in p9 if catalogue.admits(i, child["born"] == "no", None if child["born"] == "no" else int(child["age_years"]) * 12 + int(child["age_months"]))
    ]
    unborn = child["born"] == "no"
    months = None if unborn else int(child["age_years"]) * 12 + int(child["age_months"])
    p9 = [i for i in p9 if catalogue.admits(i, unborn, months)]
    ticks: dict[str, dict[str, list[str]]] = {}
    for page in pages:
        ids = sorted(i for i in page.indicator_ids() if catalogue.admits(i, unborn, months))
        if rng.random() < 0.85:  # mostly below Protection, so every level's result page is drawn
            ids = [i for i in ids if catalogue.indicator(i).level.value != "protection"]
        for iid in rng.sample(ids, k=min(len(ids), rng.choice([0, 0, 0, 1, 1, 2])) if ids else 0):
            ticks.setdefault(page.id, {}).setdefault(catalogue.indicator(iid).dimension, []).append(iid)
    if rng.random() < 0.1:  # no need at all: Universal
        ticks = {}
    return {"p9": p9, "child": child, "ticks": ticks, "note": rng.choice(NOTES), "moment": rng.choice(MOMENTS), "save": rng.random() < 0.25}


def _disabilities() -> list[str]:
    from webapp.journey.forms import DISABILITY

    return list(DISABILITY)


def draw(j: dict, index: int, app, out) -> None:
    from pathway import clock
    from store.users import create_user

    clock.set_source(lambda: j["moment"])
    client = app.test_client()
    pages_drawn = []

    def keep(label: str, response) -> None:
        pages_drawn.append((label, response.status_code, response.headers.get("Location", ""), mask(response.data)))

    keep("safety", post(client, "/safety", {"immediate": j["p9"] or ["none"]}))
    keep("child", post(client, "/child", j["child"]))
    from webapp.journey.pages import needs_pages

    for page in needs_pages():
        answered = post(client, f"/needs/{page.id}", j["ticks"].get(page.id, {}))
        if answered.status_code != 302:
            keep(f"needs {page.id}", answered)
    if j["note"]:
        keep("note", post(client, "/note", {"note": j["note"]}, form_page="/result"))
    for path in ("/result", "/check", "/referral", "/referral.txt"):
        keep(path, client.get(path))
    if j["save"]:
        user = f"user{index}"
        create_user(app.extensions["fsp_store"], user, "practitioner", "Training", "correct horse battery")
        post(client, "/sign-in", {"username": user, "password": "correct horse battery"})
        keep("/result signed in", client.get("/result"))
        saved = post(client, "/save", {"case_ref": f"D-{index:04d}"})
        keep("save", saved)
        if saved.status_code == 302:
            case_page = client.get(saved.headers["Location"])
            keep("case", case_page)
            entry = re.search(r'href="(/cases/[^"]+/entries/\d+)"', case_page.get_data(as_text=True))
            if entry:
                keep("entry", client.get(entry.group(1)))
    # the call screen, given the same child and needs
    adviser = app.test_client()
    ids = [i for page in j["ticks"].values() for dim in page.values() for i in dim]
    fields = {
        "immediate": j["p9"],
        "age_years": j["child"]["age_years"],
        "age_months": j["child"]["age_months"],
        "unborn": "yes" if j["child"]["born"] == "no" else "",
        "caller": "professional",
        "caf": j["child"]["caf"],
        "disability": j["child"]["disability"],
        "consent": j["child"]["consent"] if j["child"]["consent"] != "not_known" else "",
        "social_care": j["child"]["open_to_social_care"] if j["child"]["open_to_social_care"] != "not_known" else "",
        "note": j["note"],
    }
    for iid in [None, *ids]:
        state = hidden(adviser.get("/adviser/").get_data(as_text=True))
        adviser.post("/adviser/", data={**state, **fields, **({"add": iid} if iid else {})})
    keep("/adviser/", adviser.get("/adviser/"))
    clock.set_source(None)
    out.write(f"=== journey {index}: {j['moment'].isoformat()} p9={j['p9']} child={sorted(j['child'].items())} note={j['note']!r}\n".encode())
    out.write(f"    ticks={sorted((k, sorted(v.items())) for k, v in j['ticks'].items())}\n".encode())
    for label, status, location, body in pages_drawn:
        out.write(f"--- {label} {status} {location}\n".encode())
        out.write(body + b"\n")


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--journeys", type=int, default=80)
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    from pathway.catalogue import load_catalogue
    from pathway.settings import OfficeHours
    from store import passwords
    from webapp import create_app
    from webapp.journey.pages import needs_pages

    passwords.N = 2**10  # many accounts: hash cheaply (the parameters travel in each hash)
    url = f"sqlite:///{Path(tempfile.mkdtemp()) / 'dump.sqlite3'}"
    # sign-in limits out of reach: they count real seconds, so whether a late sign-in passed would depend on the run's speed
    app = create_app(
        {
            "DATABASE_URL": url,
            "SECRET_KEY": "page-dump",
            "OFFICE_HOURS": OfficeHours(),
            "SIGN_IN_LIMIT_PER_ADDRESS": "10000 per minute",
            "SIGN_IN_LIMIT_OVERALL": "10000 per minute",
        }
    )
    rng = random.Random(args.seed)
    catalogue, pages = load_catalogue(), needs_pages()
    with open(args.out, "wb") as out:
        client = app.test_client()  # the pages around the journey, before any answer and after one
        for path in ["/", "/safety", "/child", *(f"/needs/{p.id}" for p in pages), "/accessibility", "/disagreements", "/document", "/sign-in", "/practice/"]:
            response = client.get(path)
            out.write(f"--- {path} {response.status_code} {response.headers.get('Location', '')}\n".encode() + mask(response.data) + b"\n")
        for index in range(args.journeys):
            draw(journey(rng, catalogue, pages), index, app, out)


if __name__ == "__main__":
    main()
