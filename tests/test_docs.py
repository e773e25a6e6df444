"""The README and docs/ match the code: their runnable commands run, their links and pictures exist,
and every page under docs/ is reachable from docs/index.md.

A block fenced as ```sh runnable is run from the project folder with .venv/bin first on the path
and DATABASE_URL at a scratch SQLite file; it must exit 0. `make docs-check` runs only this file.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
PAGES = [ROOT / "README.md", *sorted(DOCS.rglob("*.md"))]
RUNNABLE = re.compile(r"^```sh runnable\n(.*?)^```", re.S | re.M)
LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)")
PNG = b"\x89PNG\r\n\x1a\n"


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


def _blocks() -> list[tuple[str, int, str]]:
    found = []
    for page in PAGES:
        text = page.read_text(encoding="utf-8")
        for m in RUNNABLE.finditer(text):
            found.append((_name(page), text.count("\n", 0, m.start()) + 1, m.group(1)))
    return found


BLOCKS = _blocks()


def test_there_are_runnable_blocks_to_check():
    """The marker is spelt the same everywhere: the README and the contract both carry one."""
    assert {"README.md", "docs/contract.md"} <= {page for page, _, _ in BLOCKS}


@pytest.mark.parametrize("page, line, script", BLOCKS, ids=[f"{p}:{n}" for p, n, _ in BLOCKS])
def test_a_runnable_command_in_the_docs_exits_0(page, line, script, tmp_path):
    env = {
        **os.environ,
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'docs.sqlite3'}",
    }
    proc = subprocess.run(["bash", "-euo", "pipefail", "-c", script], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300, check=False)
    assert proc.returncode == 0, f"{page}:{line}: exit {proc.returncode}\n{script}\n{proc.stderr[-2000:]}"


def test_every_docs_page_is_linked_from_the_index():
    """A page (Markdown, or YAML a reader opens: the hazard log, a review's cases) is linked from
    docs/index.md, itself or by its folder (docs/audit/, where each audited issue adds a page)."""
    index = DOCS / "index.md"
    linked = {(index.parent / target.split("#")[0]).resolve() for target in LINK.findall(index.read_text("utf-8"))}
    pages = [p for p in DOCS.rglob("*") if p.suffix in {".md", ".yaml"} and p != index]
    unlinked = [_name(p) for p in pages if not {p.resolve(), *p.resolve().parents} & linked]
    assert unlinked == []


TRACKED = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
TOP = {path.split("/")[0] for path in TRACKED if "/" in path}  # the project's own folders: pathway, rules, tests, ...
CODE_SPAN = re.compile(r"`([^`\n]+)`")


def _expand(word: str) -> list[str]:
    """`tests/webapp/test_practice_{summary,groups}.py` names two files."""
    m = re.search(r"\{([^{}]*)\}", word)
    if not m:
        return [word]
    return [x for alt in m.group(1).split(",") for x in _expand(word[: m.start()] + alt + word[m.end() :])]


def test_every_project_path_a_page_names_exists():
    """A file a page names in `code` under one of the project's folders (rules/..., tests/..., a
    test id's file) is there: a renamed or removed file leaves no page pointing at it."""
    missing = []
    for page in PAGES:
        for n, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            for span in CODE_SPAN.findall(line):
                for word in span.split():
                    word = word.strip("(),;:'\"").split("::")[0]
                    if word.split("/")[0] in TOP and "/" in word:
                        missing += [f"{_name(page)}:{n}: {w}" for w in _expand(word) if not list(ROOT.glob(w))]
    assert missing == []


def test_every_project_folder_has_a_row_in_the_layout():
    layout = (DOCS / "layout.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `([^`/]+)/` \|", layout, re.M))
    assert sorted(TOP - rows) == []


def test_every_make_target_a_page_names_exists():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))
    named = {
        (_name(page), m) for page in PAGES for span in CODE_SPAN.findall(page.read_text(encoding="utf-8")) for m in re.findall(r"\bmake ([a-z][\w-]*)", span)
    }
    assert sorted((page, target) for page, target in named if target not in targets) == []


def test_every_relative_link_and_picture_exists():
    missing = []
    for page in PAGES:
        for target in LINK.findall(page.read_text(encoding="utf-8")):
            if re.match(r"^[a-z]+:", target) or target.startswith("#"):
                continue  # a web address or an anchor on the same page
            if not (page.parent / target.split("#")[0]).exists():
                missing.append(f"{_name(page)}: {target}")
    assert missing == []


def test_the_readmes_pictures_are_there():
    """The pictures `make screenshots` writes (tests/webapp/browser/test_try_it.py): present and PNG."""
    shown = IMAGE.findall((ROOT / "README.md").read_text(encoding="utf-8"))
    assert len(shown) >= 4
    for target in shown:
        picture = ROOT / target
        assert picture.exists(), f"README shows {target}, which is missing: run make screenshots"
        assert picture.read_bytes()[:8] == PNG, target


def _settings_read() -> set[str]:
    """Every environment variable a settings model reads (pathway.env_settings: FSP_<FIELD> or its alias)."""
    import pathway.settings  # noqa: F401  (each module defines its models)
    import store.config  # noqa: F401
    import webapp.demo  # noqa: F401
    import webapp.serve  # noqa: F401
    import webapp.settings  # noqa: F401
    from pathway.env_settings import PREFIX, EnvSettings

    def models(cls):
        for sub in cls.__subclasses__():
            yield sub
            yield from models(sub)

    names = set()
    for model in models(EnvSettings):
        for field_name, field in model.model_fields.items():
            alias = field.validation_alias
            choices = [alias] if isinstance(alias, str) else getattr(alias, "choices", None) or [PREFIX + field_name.upper()]
            names |= {c for c in choices if isinstance(c, str)}
    return names


def test_every_fsp_variable_a_page_names_is_read():
    """An FSP_ setting the docs tell you to set is one the code reads (a settings model, or a test or
    script reading it by name): a renamed setting leaves no page naming the old one."""
    code = "\n".join((ROOT / path).read_text(encoding="utf-8") for path in TRACKED if path.endswith((".py", ".sh")) or path == "Makefile")
    literal = set(re.findall(r"\bFSP_[A-Z0-9_]+\b", code))
    named = {(_name(page), v) for page in PAGES for v in re.findall(r"\bFSP_[A-Z0-9_]+\b", page.read_text(encoding="utf-8"))}
    read = _settings_read() | literal
    assert sorted((page, v) for page, v in named if v not in read) == []
