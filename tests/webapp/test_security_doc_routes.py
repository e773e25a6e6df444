"""docs/security.md's access table names every route the app registers, with the access its view declares.

Review 11 (surfaces), W2: the table left out 17 of the 61 URL rules (`/dashboard`, `/admin/ruleset`,
`/overrides/<id>/review`, the referral pages, ...). The code was right (test_route_sweep holds each route
to its declaration); the document a reviewer or an auditor reads was not. Like alphagov/notifications-admin's
test that every route declares its permissions, this holds the document to the code: each rule of the URL
map (with single sign-on configured, so its two routes are registered too) is named once in the table, in
the row whose declaration is the one `webapp.access` reads from its views, and the table names no route
the app does not have.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.webapp.conftest import ALWAYS_OPEN
from tests.webapp.oidc_provider import provider, settings
from webapp import access, create_app

DOC = Path(__file__).resolve().parents[2] / "docs" / "security.md"
HEADER = "| Declaration | Who gets in | Everyone else | Routes |"


def _path(rule: str) -> str:
    """A rule as the table writes it: its variables without their converters (`<int:entry_id>` is `<entry_id>`)."""
    return re.sub(r"<(?:[^:<>]+:)?([A-Za-z_]\w*)>", r"<\1>", re.sub(r"<any\([^)]*\):", "<", rule))


def _declaration(cell: str) -> tuple[str, frozenset[str]]:
    cell = cell.strip()
    if cell.startswith(f"{access.SIGNED_IN}:"):
        return access.SIGNED_IN, frozenset(r.strip() for r in cell.split(":", 1)[1].split(","))
    assert cell in (access.ANYONE, access.SESSION_TRAINER, access.SESSION_TRAINEE), cell
    return cell, frozenset()


def table() -> dict[str, list[tuple[str, frozenset[str]]]]:
    """route -> the declarations of the rows naming it (a route named twice shows as two)."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = lines.index(HEADER) + 2
    named: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for line in lines[start:]:
        if not line.startswith("|"):
            break
        cells = line.strip("|").split("|")
        declared = _declaration(cells[0])
        for route in re.findall(r"`(/[^`]*)`", cells[3]):
            named.setdefault(route, []).append(declared)
    return named


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    with provider() as issuer:
        db = tmp_path_factory.mktemp("doc") / "web.sqlite3"
        yield create_app({"TESTING": True, "SECRET_KEY": "doc", "OFFICE_HOURS": ALWAYS_OPEN, "DATABASE_URL": f"sqlite:///{db}", **settings(issuer)})


def code(app) -> dict[str, set[tuple[str, frozenset[str]]]]:
    found: dict[str, set[tuple[str, frozenset[str]]]] = {}
    for rule in app.url_map.iter_rules():
        declared = access.of(app, rule.endpoint)
        assert declared is not None, rule  # test_route_sweep's own check
        found.setdefault(_path(rule.rule), set()).add((declared.who, declared.roles))
    return found


def test_the_table_is_read_whole():
    # the reader reads every row (a hand-picked route of each declaration, in the row the document means)
    named = table()
    assert named["/"] == [(access.ANYONE, frozenset())]
    assert named["/save"] == [(access.SIGNED_IN, frozenset({"practitioner", "trainer", "adviser", "manager"}))]
    assert named["/overrides"] == [(access.SIGNED_IN, frozenset({"manager"}))]
    assert named["/practice/new"] == [(access.SIGNED_IN, frozenset({"trainer", "admin"}))]
    assert named["/practice/session/<code>"] == [(access.SESSION_TRAINER, frozenset())]
    assert named["/practice/s/<code>"] == [(access.SESSION_TRAINEE, frozenset())]


def test_every_route_the_app_registers_is_in_the_table_with_the_access_its_view_declares(app):
    named, registered = table(), code(app)
    assert {"/sign-in/sso", "/sign-in/sso/callback"} <= set(registered)  # single sign-on's routes are checked too
    missing = sorted(r for r in registered if r not in named)
    assert not missing, f"docs/security.md's access table does not name: {missing}"
    wrong = {r: (named[r], sorted(registered[r])) for r in registered if len(registered[r]) != 1 or named[r] != list(registered[r])}
    assert not wrong, f"named in the wrong row, twice, or with views that disagree: {wrong}"


def test_the_table_names_no_route_the_app_does_not_have(app):
    extra = sorted(set(table()) - set(code(app)))
    assert not extra, f"docs/security.md's access table names routes the app does not have: {extra}"
