"""scripts/copy_assets.sh, which `make run` and `make demo` run on every start, perhaps while
another instance serves the files it writes: a copy that is current is left alone, and two
set-ups at once both succeed. Run in a scratch copy of the project's layout (the real
node_modules, read only), so the served webapp/static/govuk is not touched."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPT = ROOT / "scripts" / "copy_assets.sh"


@pytest.fixture
def project(tmp_path) -> Path:
    if not (ROOT / "node_modules" / "govuk-frontend").is_dir():
        pytest.fail("node_modules/govuk-frontend is missing: run npm ci (make test does)")
    (tmp_path / "scripts").mkdir()
    shutil.copy2(SCRIPT, tmp_path / "scripts" / SCRIPT.name)
    (tmp_path / "node_modules").symlink_to(ROOT / "node_modules")
    return tmp_path


def _copy(project: Path) -> subprocess.Popen:
    return subprocess.Popen([str(project / "scripts" / SCRIPT.name)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def _served(project: Path) -> list[str]:
    dest = project / "webapp" / "static" / "govuk"
    return sorted(str(p.relative_to(dest)) for p in dest.rglob("*") if p.is_file())


def test_a_current_copy_is_left_alone(project):
    """A second `make run` beside a running one does not pull the served files from under it."""
    assert _copy(project).wait(timeout=120) == 0
    css = project / "webapp" / "static" / "govuk" / "govuk-frontend.min.css"
    before = css.stat()
    assert _copy(project).wait(timeout=120) == 0
    after = css.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)


def test_two_set_ups_at_once_both_succeed_with_every_file(project):
    """`make run` and `make demo` started together on a fresh copy (once: the second set-up failed
    with "webapp/static/govuk/govuk-frontend.min.css: No such file or directory")."""
    runs = [_copy(project) for _ in range(4)]
    results = [(run.wait(timeout=120), run.stderr.read()) for run in runs]
    assert results == [(0, "")] * 4
    files = _served(project)
    assert {"govuk-frontend.min.css", "govuk-frontend.min.js", "assets/manifest.json", ".copied-from"} <= set(files)
    assert [p.name for p in (project / "webapp" / "static").iterdir()] == ["govuk"]  # nothing left beside it
