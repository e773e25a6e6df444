"""The wheel works without the source tree (issue 12): built from the checkout's files, installed into
a fresh venv, and run from a folder outside the checkout, `pathway assess` decides a case and
`pathway scenarios run` runs the shipped scenarios, every file read from the installed package.

Costs about 30 s (marked `wheel`; deselect with -m 'not wheel'): the build copies the tracked files to a
temporary folder (an in-tree build would leave build/ behind, and a stale build/lib puts deleted modules
back into the next wheel), then `pip wheel --no-deps --no-build-isolation` with the locked setuptools.

The venv is fresh (no system site-packages, no pip of its own; the project's pip installs into it with
--python) and sees the project's locked dependencies through one .pth line naming the project venv's
site-packages: the same versions the lock installs, with their hashes checked, without downloading
them again. A .pth line only adds the folder to sys.path: the .pth files inside it, among them the
editable install's finder that maps `pathway` to this checkout, are not run, so the product's own
modules and data can come only from the wheel (the test checks where they were loaded from).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.ruleset_string import RULESET

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("cli", "pathway", "rules", "store", "training", "webapp")
CASE = {"child": {"age_years": 7}, "indicators": ["immediate.unexplained_injuries"]}

pytestmark = pytest.mark.wheel


def _checkout_files() -> list[str]:
    """The files a fresh clone would have, as they are in the working tree (tracked, or new and not ignored)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("the wheel is built from the checkout's files, listed by git")
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"], cwd=ROOT, capture_output=True, check=True).stdout.decode()
    return [name for name in listed.split("\0") if name and (ROOT / name).is_file()]


def _build_wheel(tmp: Path) -> Path:
    source = tmp / "source"
    for name in _checkout_files():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, source / name)
    out = tmp / "dist"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation", "--wheel-dir", str(out), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    [wheel] = out.glob("family_support_pathway-*.whl")
    return wheel


def _fresh_venv(tmp: Path, wheel: Path) -> Path:
    env_dir = tmp / "venv"
    venv.EnvBuilder(with_pip=False, system_site_packages=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"], capture_output=True, text=True, check=True).stdout.strip()
    )
    (site / "locked_dependencies.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    return env_dir


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("wheel")
    env_dir = _fresh_venv(tmp, _build_wheel(tmp))
    elsewhere = tmp / "elsewhere"  # the working folder: outside the checkout and the venv
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "DATABASE_URL", "FSP_DATABASE_URL", "VIRTUAL_ENV", "PYTHONHOME"}}

    def run(*argv: str, stdin: str = "") -> subprocess.CompletedProcess:
        return subprocess.run([str(env_dir / "bin" / argv[0]), *argv[1:]], cwd=elsewhere, env=env, input=stdin, capture_output=True, text=True, timeout=120)

    return env_dir, run


def test_the_product_is_loaded_from_the_installed_wheel_not_the_checkout(installed):
    env_dir, run = installed
    proc = run("python", "-c", f"import importlib, json; print(json.dumps({{p: importlib.import_module(p).__file__ for p in {list(PACKAGES)!r}}}))")
    assert proc.returncode == 0, proc.stderr
    where = json.loads(proc.stdout)
    assert all(Path(f).is_relative_to(env_dir) for f in where.values()), where


def test_pathway_assess_decides_a_case_from_the_wheel(installed):
    _, run = installed
    proc = run("pathway", "assess", "-", stdin=json.dumps(CASE))
    assert proc.returncode == 0, proc.stderr
    decision = json.loads(proc.stdout)
    assert decision["level"] == "protection" and decision["immediate"] is True  # an immediate-referral criterion
    assert decision["ruleset"] == RULESET  # the fingerprint file is shipped beside the catalogue
    refused = run("pathway", "assess", "-", stdin='{"indicators": ["no.such.indicator"]}')
    assert refused.returncode == 2 and "indicators[0]" in refused.stderr and "Traceback" not in refused.stderr


def test_pathway_scenarios_run_runs_the_shipped_scenarios_from_the_wheel(installed):
    env_dir, run = installed
    proc = run("pathway", "scenarios", "run", "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    shipped = sorted((ROOT / "pathway" / "data" / "scenarios").glob("*.yaml"))
    assert doc["summary"]["disagree"] == 0 and doc["summary"]["scenarios"] >= 80
    assert {Path(r["file"]).name for r in doc["results"]} == {f.name for f in shipped}
    assert all(Path(r["file"]).is_relative_to(env_dir) for r in doc["results"])  # the installed copies


def test_the_default_database_is_flasks_instance_folder_not_site_packages(installed):
    env_dir, run = installed
    proc = run("pathway", "users", "list", "--json")  # only users create (or the web app's start) makes it
    assert proc.returncode == 2 and "database: not found: " in proc.stderr and "webapp-instance" in proc.stderr
    proc = run("pathway", "users", "create", "ann", "--role", "admin", "--team", "it", "--password-stdin", stdin="correct horse battery staple\n")
    assert proc.returncode == 0, proc.stderr
    proc = run("pathway", "users", "list", "--json")
    assert proc.returncode == 0, proc.stderr
    assert [r["username"] for r in json.loads(proc.stdout)] == ["ann"]
    assert (env_dir / "var" / "webapp-instance" / "fsp.sqlite3").exists()  # Flask's instance folder for an install
    assert not list((env_dir / "lib").rglob("*.sqlite3"))  # nothing beside the code
