"""One sweep over every rule of the app's URL map (issue 7, hostile input).

Each view declares who may use it (webapp.access). The sweep fails for a rule without a
declaration, then holds every rule to its declaration: CSRF on every form POST, anonymous and
wrong-role users refused on every saved-data route, no existence oracle for case references,
the security headers on every response, and 413 for an oversized body on every POST route.

CSRF is on, as in production. One app and database serve the module: nothing here may change
saved data, and every check that sends a request which could change it compares the database
before and after. Each test lists every route that fails, rather than stopping at the first.
"""

from __future__ import annotations

import io
import itertools
import random
import re
from dataclasses import dataclass
from html import unescape

import pytest
from flask import url_for
from sqlalchemy import select

from pathway.catalogue import DATA_FILE
from pathway.scenarios import dump_scenarios
from rules import evaluate
from store import assessments, passwords, users
from store.models import metadata as store_metadata
from tests.conftest import make_case
from tests.webapp.conftest import ALWAYS_OPEN
from tests.webapp.test_practice_library import NEW, TICKS
from webapp import access, create_app, security
from webapp.access import ANYONE, SESSION_TRAINEE, SESSION_TRAINER, SIGNED_IN
from webapp.journey.pages import needs_pages
from webapp.practice import library
from webapp.practice import records as practice_records
from webapp.practice.forms import indicator_data

PASSWORD = "correct horse battery"
UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
JSON_API = "api."  # the blueprint exempt from CSRF by design: JSON clients, no cookies, nothing saved
CASE_REF = "FSP-0012"
REASON = "Sweep reason: the family moved out of the area"
TRAINEE_NAME = "Sweep trainee"
BRUISING = "age-under-2-bruising"
BRUISED = "immediate.unexplained_bruising_under_2"
SAVED_SCENARIO = "sweep-saved"
SECRETS = (REASON, TRAINEE_NAME)  # never in a response to someone who may not see them
# (username, role, team): pat saved the case; meg manages pat's team; tess started the practice session
PEOPLE = [
    ("pat", "practitioner", "North"),
    ("meg", "manager", "North"),
    ("tess", "trainer", "North"),
    ("ava", "adviser", "North"),
    ("ada", "admin", "Admin"),
    ("sam", "practitioner", "South"),
    ("mo", "manager", "South"),
    ("tom", "trainer", "South"),
]
ROLE_VISITOR = {"practitioner": "pat", "manager": "meg", "trainer": "tom", "adviser": "ava", "admin": "ada"}


class Visitor:
    """One browser: its own cookies; signs in and finds its CSRF token through the pages."""

    def __init__(self, app, name: str):
        self.client = app.test_client()
        self.name = name

    def token(self) -> str:
        html = self.client.get("/sign-in").get_data(as_text=True)
        return re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)

    def sign_in(self, username: str) -> None:
        r = self.client.post("/sign-in", data={"username": username, "password": PASSWORD, "csrf_token": self.token()})
        assert r.status_code == 302, r.get_data(as_text=True)

    def send(self, method: str, url: str, data=None, token: bool = False):
        data = dict(data or {})
        if token:
            data["csrf_token"] = self.token()
        return self.client.open(url, method=method, data=data)


@dataclass
class World:
    app: object
    visitors: dict[str, Visitor]
    entry_id: int
    code: str
    scenario_yaml: str = ""  # a valid scenario file, for the import route
    trainee_id: int = 1  # the trainee who joined the practice session

    @property
    def anonymous(self) -> Visitor:
        return self.visitors["anonymous"]

    def samples(self, endpoint: str) -> dict:
        """A value for every URL argument: real records, so a refusal is not just a 404."""
        values = {
            "case_ref": CASE_REF,
            "entry_id": self.entry_id,
            "code": self.code,
            "scenario_id": BRUISING,
            "trainee_id": self.trainee_id,
            "page_id": needs_pages()[0].id,
            "filename": "app/app.css",
            "kind": "txt",
            "override_id": 1,
            "version": 1,
        }  # the world's one override and scenario version (a fresh database)
        if endpoint in ("practice.scenario_versions", "practice.scenario_version"):
            values["scenario_id"] = SAVED_SCENARIO
        if endpoint == "assets.static":
            values["filename"] = "manifest.json"
        return values

    def url(self, rule, **given) -> str:
        values = {**self.samples(rule.endpoint), **given}
        missing = [a for a in rule.arguments if a not in values]
        assert not missing, f"{rule.rule}: give the sweep a sample value for {missing} (World.samples)"
        with self.app.test_request_context():
            return url_for(rule.endpoint, **{a: values[a] for a in rule.arguments})

    def body(self, endpoint: str) -> dict:
        """A form that the route would accept from someone it admits: a refusal must stop a real change."""
        return {
            "journey.safety": lambda: {"immediate": "none"},
            "journey.settings": lambda: {"show_levels": "yes"},
            "accounts.sign_in": lambda: {"username": "pat", "password": PASSWORD},
            "cases.save": lambda: {"case_ref": "FSP-0099"},
            "cases.override": lambda: {"level": "protection", "reason": "A different level, for the sweep"},
            "cases.review": lambda: {"note": "Reviewed, for the sweep"},
            "adviser.update": lambda: {"note": "a note", "age_years": "4"},
            "adviser.search": lambda: {"q": "bruise"},
            "practice.new_session": lambda: {"scenarios": [BRUISING]},
            "practice.join": lambda: {"code": self.code, "name": "Another trainee"},
            "practice.answer": lambda: {"level": "protection", **indicator_data([BRUISED])},
            "practice.write": lambda: {**NEW, **indicator_data(TICKS), "save": "1"},
            "practice.import_scenarios": lambda: {"file": (io.BytesIO(self.scenario_yaml.encode()), "sweep.yaml")},
            "owners.ruleset": lambda: {"file": (io.BytesIO(DATA_FILE.read_bytes()), "draft.yaml")},
        }.get(endpoint, dict)()

    def admitted(self, declared: access.Access) -> Visitor:
        """Someone the declaration lets in, holding the records the samples point at."""
        if declared.who == SIGNED_IN:
            for role, name in (("practitioner", "pat"), ("manager", "meg"), ("trainer", "tess"), ("admin", "ada")):
                if role in declared.roles:
                    return self.visitors[name]
        return self.visitors[{ANYONE: "anonymous", SESSION_TRAINER: "tess", SESSION_TRAINEE: "trainee"}[declared.who]]


def snapshot(app, web_sessions: bool = False) -> dict:
    """Every row of every table but the per-request bookkeeping of who is signed in, and (unless
    asked for) the server-side sessions: a refused visitor's own session may note where to return."""
    out = {}
    for metadata in (store_metadata,):  # one MetaData holds every table (store/models.py)
        with app.extensions["fsp_db"].connect() as conn:
            for table in metadata.sorted_tables:
                if table.name == "web_sessions" and not web_sessions:
                    continue
                rows = conn.execute(select(table)).all()
                if table.name == "sign_ins":  # last_seen moves on every signed-in request
                    rows = [(r.token_hash, r.user_id, r.revoked) for r in rows]
                out[table.name] = sorted(map(tuple, rows), key=repr)
    return out


@pytest.fixture(scope="module")
def world(tmp_path_factory):
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "sweep", "OFFICE_HOURS": ALWAYS_OPEN, "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('sweep') / 'web.sqlite3'}"}
    )
    assert app.config["WTF_CSRF_ENABLED"]
    engine = app.extensions["fsp_store"]
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(passwords, "N", 2**10)  # cheap hashing: the cost travels in each hash
        made = {name: users.create_user(engine, name, role, team, PASSWORD) for name, role, team in PEOPLE}
    case = make_case(["additional.dental_decay_not_accessing"])
    entry = assessments.save_assessment(engine, made["pat"], CASE_REF, case, evaluate(case, office_hours=ALWAYS_OPEN))
    assessments.record_override(engine, made["pat"], entry.id, "extensive", REASON)

    visitors = {"anonymous": Visitor(app, "anonymous")}
    for name, _role, _team in PEOPLE:
        visitors[name] = Visitor(app, name)
        visitors[name].sign_in(name)
    started = visitors["tess"].send("POST", "/practice/new", {"scenarios": [BRUISING]}, token=True)
    code = started.location.rstrip("/").rsplit("/", 1)[-1]
    visitors["trainee"] = Visitor(app, "trainee")
    joined = visitors["trainee"].send("POST", "/practice/join", {"code": code, "name": TRAINEE_NAME}, token=True)
    assert joined.status_code == 302, joined.get_data(as_text=True)
    with app.app_context():
        scenario_yaml = dump_scenarios([library.by_id()[BRUISING].scenario]).replace(BRUISING, "sweep-import")
        practice_records.save_scenario(SAVED_SCENARIO, scenario_yaml.replace("sweep-import", SAVED_SCENARIO), made["tess"])
    return World(app, visitors, entry.id, code, scenario_yaml)


def rules(world, methods=None):
    """(rule, method) for every rule of the URL map; HEAD and OPTIONS are Flask's own."""
    for rule in sorted(world.app.url_map.iter_rules(), key=lambda r: r.rule):
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            if methods is None or method in methods:
                yield rule, method


def looks_like_error_page(response) -> bool:
    html = response.get_data(as_text=True)
    return 'class="govuk-template' in html and "Traceback" not in html and "govuk-heading-l" in html


# --- every route is declared -------------------------------------------------------------------


def test_every_route_declares_who_may_use_it(world):
    assert access.undeclared(world.app) == []


def test_a_new_route_without_a_declaration_is_reported(tmp_path):
    app = create_app({"SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path / 'n.sqlite3'}"})
    app.add_url_rule("/forgotten", "forgotten", lambda: "hello")
    assert access.undeclared(app) == ["/forgotten (forgotten)"]


# --- CSRF --------------------------------------------------------------------------------------


def csrf_problems(world) -> list[str]:
    problems = []
    for rule, method in rules(world, UNSAFE):
        if rule.endpoint.startswith(JSON_API):
            continue
        declared = access.of(world.app, rule.endpoint)
        for visitor in {world.anonymous, world.admitted(declared)}:
            before = snapshot(world.app, web_sessions=True)  # the journey's answers live there
            r = visitor.send(method, world.url(rule), world.body(rule.endpoint))
            if r.status_code != 400 or not looks_like_error_page(r):
                problems.append(f"{method} {rule.rule} as {visitor.name} without a token: {r.status_code}")
            if snapshot(world.app, web_sessions=True) != before:
                problems.append(f"{method} {rule.rule} as {visitor.name} without a token changed the database")
    return problems


def test_every_form_refuses_a_post_without_its_csrf_token(world):
    problems = csrf_problems(world)
    assert problems == [], "\n".join(problems)


def test_the_csrf_sweep_would_catch_a_form_without_protection(tmp_path):
    """The same sweep over an app with CSRF switched off reports every form route."""
    app = create_app(
        {"TESTING": True, "SECRET_KEY": "x", "WTF_CSRF_ENABLED": False, "OFFICE_HOURS": ALWAYS_OPEN, "DATABASE_URL": f"sqlite:///{tmp_path / 'off.sqlite3'}"}
    )
    bare = World(app, {"anonymous": Visitor(app, "anonymous")}, entry_id=1, code="ABCDEF")
    bare.admitted = lambda declared: bare.anonymous
    problems = csrf_problems(bare)
    assert any(p.startswith("POST /safety as anonymous without a token: 302") for p in problems)
    assert any("/practice/scenarios/new" in p for p in problems)


# --- who may use saved-data routes ---------------------------------------------------------------


def refusal_problem(declared, anonymous: bool, response) -> str | None:
    """What is wrong with the answer to someone the declaration does not admit (None: refused)."""
    html = response.get_data(as_text=True)
    if any(s in html for s in SECRETS):
        return f"shows saved data ({response.status_code})"
    if declared.who == SESSION_TRAINEE:
        want = (302, "/practice/join")
    elif declared.who == SIGNED_IN and anonymous:
        want = (302, "/sign-in")
    elif declared.who == SESSION_TRAINER:
        want = (404, None)  # what an unused code gets: a session's existence is no one else's business
    else:
        want = (403, None)
    got = (response.status_code, response.location)
    if got != want:
        return f"got {got}, want {want}"
    if response.status_code in (403, 404) and not looks_like_error_page(response):
        return f"{response.status_code} without the error page"
    return None


def refused_everywhere(world, outsiders) -> list[str]:
    """Every non-public route, every method, asked by each outsider (a callable: declaration ->
    visitors it does not admit), with a valid CSRF token and a valid form."""
    problems = []
    for rule, method in rules(world):
        declared = access.of(world.app, rule.endpoint)
        if declared.who == ANYONE:
            continue
        for visitor in outsiders(declared):
            before = snapshot(world.app)
            r = visitor.send(method, world.url(rule), world.body(rule.endpoint), token=method in UNSAFE)
            wrong = refusal_problem(declared, visitor is world.anonymous, r)
            if wrong:
                problems.append(f"{method} {rule.rule} as {visitor.name}: {wrong}")
            if snapshot(world.app) != before:
                problems.append(f"{method} {rule.rule} as {visitor.name} changed the database")
    return problems


def test_saved_data_routes_refuse_anonymous_users(world):
    problems = refused_everywhere(world, lambda declared: [world.anonymous])
    assert problems == [], "\n".join(problems)


def test_saved_data_routes_refuse_signed_in_users_without_the_role(world):
    def outsiders(declared):
        if declared.who == SIGNED_IN:
            return [world.visitors[name] for role, name in ROLE_VISITOR.items() if role not in declared.roles]
        holder = world.admitted(declared)  # the session's own trainer or trainee
        return [v for n, v in world.visitors.items() if n != "anonymous" and v is not holder]

    problems = refused_everywhere(world, outsiders)
    assert problems == [], "\n".join(problems)


def test_each_kind_of_route_is_used_by_someone_it_admits(world):
    """The other side of the refusals: the samples are real, so the admitted visitor gets in (the
    page, or on to the next step: the journey's pages send you back to answer what comes first)."""
    problems = []
    for rule, method in rules(world, {"GET"}):
        declared = access.of(world.app, rule.endpoint)
        r = world.admitted(declared).send("GET", world.url(rule))
        if r.status_code != 200 and not (r.status_code == 302 and r.location not in ("/sign-in", "/practice/join")):
            problems.append(f"GET {rule.rule} as {world.admitted(declared).name}: {r.status_code} {r.location}")
    assert problems == [], "\n".join(problems)


def _words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_every_pages_title_names_its_heading(world):
    """Review 21 surfaces, S4: a screen reader hears the window's title and then the page's <h1>; they
    must name one page (GOV.UK: the title matches the h1). Every GET page a visitor the route admits
    draws: the <title> starts with the <h1>'s words (its caption left out)."""
    problems, pages = [], 0
    for rule, method in rules(world, {"GET"}):
        r = world.admitted(access.of(world.app, rule.endpoint)).send("GET", world.url(rule))
        if r.status_code != 200 or not r.content_type.startswith("text/html"):
            continue
        html = r.get_data(as_text=True)
        title, h1 = re.search(r"<title>(.*?)</title>", html, re.S), re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S)
        if not title or not h1:
            continue
        heading = _words(re.sub(r'<span class="govuk-caption[^"]*">.*?</span>', "", h1.group(1), flags=re.S))
        pages += 1
        if not _words(title.group(1)).startswith(heading):
            problems.append(f"GET {rule.rule}: title {_words(title.group(1))!r}, heading {heading!r}")
    assert problems == [], "\n".join(problems)
    assert pages > 30


# --- guessing case references ----------------------------------------------------------------------


def comparable(response) -> tuple:
    """A response without what differs on every request (the CSP nonce, the CSRF token)."""
    html = response.get_data(as_text=True)
    html = re.sub(r'nonce="[^"]+"', 'nonce=""', html)
    html = re.sub(r'(name="csrf_token"[^>]*value=")[^"]+"', r'\1"', html)
    return response.status_code, response.headers.get("Content-Type"), response.location, html


def guesses() -> list[str]:
    near = [f"FSP-{n:04d}" for n in (1, 11, 13, 120)]
    rng = random.Random(7)
    shaped = [f"{rng.choice(['FSP', 'LCS', 'NC'])}-{rng.randrange(10**6):06d}" for _ in range(4)]
    hostile = ["..", "%2e%2e%2fetc", "FSP-0012%00", "FSP-0012;", "A" * 400, "<script>alert(1)</script>", "' OR '1'='1", "FSP-0012.json"]
    return near + shaped + hostile


def test_guessing_a_case_reference_tells_nothing(world):
    """Someone who may not see pat's case gets, for its reference (in any case), exactly what an
    unused reference gets: the same status and the same page, on every case route."""
    case_rules = [(r, m) for r, m in rules(world) if "case_ref" in r.arguments]
    assert {r.endpoint for r, _ in case_rules} >= {"cases.case", "cases.export_csv", "cases.export_json", "cases.override"}
    problems = []
    for rule, method in case_rules:
        for name in ("sam", "mo", "tess", "tom", "ava", "ada"):
            v = world.visitors[name]
            post = world.body(rule.endpoint) if method in UNSAFE else None

            def ask(**given):
                return comparable(v.send(method, world.url(rule, **given), post, token=method in UNSAFE))

            unused = ask(case_ref="FSP-9998")
            tries = {CASE_REF: ask(), CASE_REF.lower(): ask(case_ref=CASE_REF.lower())}
            if "entry_id" in rule.arguments:
                tries["unused entry"] = ask(entry_id=world.entry_id + 1000)
            if name == "sam":
                tries.update({g: ask(case_ref=g) for g in guesses()})
            for ref, got in tries.items():
                if got != unused:
                    problems.append(f"{method} {rule.rule} as {name} for {ref[:20]!r}: {got[:3]} != {unused[:3]}")
                if any(s in got[3] for s in SECRETS):
                    problems.append(f"{method} {rule.rule} as {name} for {ref[:20]!r}: shows saved data")
        # the owner, pat, or for a managers' route (who opened the case: review 22 surfaces, S2) pat's team's manager
        reader = world.admitted(access.of(world.app, rule.endpoint))
        owner = reader.send("GET", world.url(rule)) if method == "GET" else None
        if owner is not None and owner.status_code != 200:
            problems.append(f"GET {rule.rule} as {reader.name} (the owner, or their team's manager): {owner.status_code}")
    assert problems == [], "\n".join(problems)


def test_guessing_does_not_record_an_override(world):
    before = snapshot(world.app)["overrides"]
    for name in ("sam", "mo", "ava"):
        r = world.visitors[name].send("POST", f"/cases/{CASE_REF}/entries/{world.entry_id}/level", world.body("cases.override"), token=True)
        assert r.status_code == 404
    assert snapshot(world.app)["overrides"] == before


# --- security headers on every response --------------------------------------------------------------

STATIC = {"static", "assets.static"}


def header_problems(label: str, response, static: bool = False) -> list[str]:
    h = response.headers
    csp = h.get("Content-Security-Policy", "")
    wrong = [
        f"CSP lacks {d}" for d in ("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'self'") if d not in csp
    ]
    wrong += [f"CSP allows {d}" for d in ("'unsafe-inline'", "'unsafe-eval'") if d in csp]
    for name, value in (("X-Content-Type-Options", "nosniff"), ("Referrer-Policy", "same-origin"), ("X-Frame-Options", "DENY")):
        if h.get(name) != value:
            wrong.append(f"{name} is {h.get(name)!r}")
    if not static and h.get("Cache-Control") != "no-store":
        wrong.append(f"Cache-Control is {h.get('Cache-Control')!r}")
    return [f"{label} ({response.status_code}): {w}" for w in wrong]


def test_security_headers_on_every_response(world):
    problems = []
    seen = set()
    for rule, method in rules(world, {"GET"}):
        declared = access.of(world.app, rule.endpoint)
        static = rule.endpoint in STATIC
        for v in {world.anonymous, world.admitted(declared), world.visitors["ada"]}:
            r = v.send("GET", world.url(rule))
            seen.add(r.status_code)
            problems += header_problems(f"GET {rule.rule} as {v.name}", r, static)
    anonymous = world.anonymous.client
    big = b"x" * (world.app.config["MAX_CONTENT_LENGTH"] + 1)
    errors = {
        "404 page": anonymous.get("/no-such-page"),
        "404 API": anonymous.get("/api/v1/no-such"),
        "405 page": anonymous.put("/safety"),
        "405 API": anonymous.get("/api/v1/assess"),
        "400 no CSRF token": anonymous.post("/safety", data={"immediate": "none"}),
        "302 form accepted": world.anonymous.send("POST", "/safety", {"immediate": "none"}, token=True),
        "200 API": anonymous.post("/api/v1/assess", json={"child": {"age_years": 3}, "indicators": []}),
        "413 page": anonymous.post("/safety", data=big, content_type="application/x-www-form-urlencoded"),
        "413 API": anonymous.post("/api/v1/assess", data=big, content_type="application/json"),
        "422 API": anonymous.post("/api/v1/assess", json={"child": "?"}),
        "HEAD": anonymous.head("/"),
    }
    for label, r in errors.items():
        seen.add(r.status_code)
        problems += header_problems(label, r)
    problems += header_problems("missing static file", anonymous.get("/static/app/nothing.css"), static=True)
    assert problems == [], "\n".join(problems)
    assert seen >= {200, 302, 400, 403, 404, 405, 413, 422}


def test_static_files_may_be_cached(world):
    r = world.anonymous.client.get("/static/app/app.css")
    assert r.status_code == 200 and "no-store" not in r.headers.get("Cache-Control", "")


# --- oversized bodies ---------------------------------------------------------------------------------


def streamed(body: bytes) -> dict:
    """A body sent chunked, as gunicorn hands it on: no Content-Length, the Transfer-Encoding
    header, and the input marked as terminated by the server."""
    return {"input_stream": io.BytesIO(body), "environ_overrides": {"wsgi.input_terminated": True, "CONTENT_LENGTH": "", "HTTP_TRANSFER_ENCODING": "chunked"}}


def test_every_post_route_refuses_an_oversized_body_with_413(world):
    problems = []
    for rule, method in rules(world, UNSAFE):
        limit = security.body_limit(rule.rule, world.app.config)  # the app's, or a larger one for its path
        api = rule.endpoint.startswith(JSON_API)
        declared = access.of(world.app, rule.endpoint)
        bodies = {
            "form": (b"note=" + b"a" * limit, "application/x-www-form-urlencoded"),
            "multipart": (b"--b\r\n" + b"a" * limit + b"\r\n--b--\r\n", "multipart/form-data; boundary=b"),
            "json": (b'{"note": "' + b"a" * limit + b'"}', "application/json"),
        }
        for visitor in {world.anonymous, world.admitted(declared)}:
            for (kind, (body, content_type)), chunked in itertools.product(bodies.items(), (False, True)):
                before = snapshot(world.app)
                r = visitor.client.open(world.url(rule), method=method, content_type=content_type, **(streamed(body) if chunked else {"data": body}))
                label = f"{method} {rule.rule} as {visitor.name}, {kind}{', chunked' if chunked else ''}"
                html = r.get_data(as_text=True)
                if api and kind != "json":  # the API refuses a body not sent as JSON before reading it (surf20a)
                    if r.status_code != 415 or r.get_json()["errors"][0]["field"] != "Content-Type":
                        problems.append(f"{label}: {r.status_code}, not the API's 415")
                elif r.status_code != 413 or "Traceback" in html:
                    problems.append(f"{label}: {r.status_code}")
                elif api and r.get_json() != {"errors": [{"field": "(request)", "message": "the body is too large"}]}:
                    problems.append(f"{label}: not the API's JSON error")
                elif not api and not (looks_like_error_page(r) and "too large" in html):
                    problems.append(f"{label}: not the error page")
                if snapshot(world.app) != before:
                    problems.append(f"{label}: changed the database")
    assert problems == [], "\n".join(problems)
