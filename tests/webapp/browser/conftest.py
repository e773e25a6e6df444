"""Browser tests: Debian's chromium driven by Playwright, against the app served in a thread.

CSRF stays on here: the browser submits the real forms with their tokens.
"""

from __future__ import annotations

import json
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from store.users import create_user
from tests.webapp.conftest import ALWAYS_OPEN, PASSWORD
from webapp import create_app

ROOT = Path(__file__).resolve().parents[3]
ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
TRAINER = "tess"
WCAG_22_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/webapp/browser/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: run scripts/setup_test_system.sh (make test does)")
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "headless": True,
        "args": [
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@contextmanager
def serving(app):
    """Serve `app` on 127.0.0.1 (a free port) in a thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(5)


def sign_in(page, username: str, password: str = PASSWORD) -> None:
    """On the sign-in page (where a signed-out visitor is sent), sign in; the app sends you back."""
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in").click()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory):
    """The app with one account, TRAINER (practice sessions and the scenario library need it). The
    search model is built first, as gunicorn's post_worker_init does in production: from a cold cache
    it trains for longer than a page assertion waits, so a call-screen test run alone would time out."""
    from pathway.search import default_index

    default_index()
    app = create_app({"SECRET_KEY": "browser-tests", "OFFICE_HOURS": ALWAYS_OPEN, "DATABASE_URL": f"sqlite:///{tmp_path_factory.mktemp('db') / 'web.sqlite3'}"})
    create_user(app.extensions["fsp_store"], TRAINER, "trainer", "Training", PASSWORD)
    with serving(app) as url:
        yield url


@pytest.fixture
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


class Axe:
    """Runs axe-core in the page (page.evaluate, so the strict CSP need not allow it)."""

    def __init__(self, artifacts: Path):
        self.source = AXE.read_text(encoding="utf-8")
        self.artifacts = artifacts
        self.checked: list[str] = []

    def check(self, page, name: str) -> None:
        if not page.evaluate("() => typeof window.axe !== 'undefined'"):
            page.evaluate(self.source)
        report = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", WCAG_22_AA)
        (self.artifacts / f"axe-{name}.json").write_text(json.dumps(report, indent=1))
        page.screenshot(path=str(self.artifacts / f"page-{name}.png"))
        violations = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]]) for v in report["violations"]]
        assert violations == [], f"{name}: {violations}"
        self.checked.append(name)


@pytest.fixture
def axe(artifacts):
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run npm ci (make test does)")
    return Axe(artifacts)


def tick_offered(page, wanted: set[str]) -> None:
    """On a needs page, tick each of `wanted` (indicator texts) offered here and forget it."""
    for words in list(wanted):
        box = page.get_by_label(words, exact=True)
        if box.count():
            box.check()
            wanted.discard(words)
