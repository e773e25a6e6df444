"""A store module's private names (a leading underscore) stay in that module (store21): what another module
needs is public (store.readers: who may read an entry; store.assessments.entries_where: entries with their
overrides and marks; store.users.user_from_row; store.export.csv_cell). Checked over store/ and over the
packages that import it (webapp, cli, training), by reading their source: `from store.x import _y`, and
`x._y` where `x` names a store module imported here."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("store", "webapp", "cli", "training")


def _private(name: str) -> bool:
    return name.startswith("_") and not (name.startswith("__") and name.endswith("__"))


def _dotted(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        inner = _dotted(node.value)
        return None if inner is None else f"{inner}.{node.attr}"
    return None


def private_store_names(source: str, *, in_store: bool = False) -> list[str]:
    """The private names of store modules that `source` imports or reaches through an imported store module
    (`in_store`: the source is a store module, so a relative import is one of store's too)."""
    tree = ast.parse(source)
    found, bound = [], set()  # bound: the local names (dotted) that are store modules or store's own names
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and (node.level and in_store or not node.level and (node.module or "").split(".")[0] == "store"):
            found += [f"{'.' * node.level}{node.module or ''}.{a.name}" for a in node.names if _private(a.name)]
            bound |= {a.asname or a.name for a in node.names}
        elif isinstance(node, ast.Import):
            bound |= {a.asname or a.name for a in node.names if a.name.split(".")[0] == "store"}
    bound |= {"store"} if any(b.startswith("store.") for b in bound) else set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and _private(node.attr):
            owner = _dotted(node.value)
            if owner is not None and (owner in bound or owner.split(".")[0] == "store" and "store" in bound):
                found.append(f"{owner}.{node.attr}")
    return found


def test_no_module_imports_a_store_modules_private_names():
    offenders = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            names = private_store_names(path.read_text(encoding="utf-8"), in_store=package == "store")
            if names:
                offenders[str(path.relative_to(ROOT))] = names
    assert offenders == {}


def test_the_check_sees_each_way_of_reaching_a_private_name():
    assert private_store_names("from store.assessments import Entry, _entries\n") == ["store.assessments._entries"]
    assert private_store_names("from store import audit\naudit._write(1)\n") == ["audit._write"]
    assert private_store_names("from store import users as u\nu._user(row)\n") == ["u._user"]
    assert private_store_names("import store.users\nstore.users._user(row)\n") == ["store.users._user"]
    assert private_store_names("import store.users as su\nsu._user(row)\n") == ["su._user"]


def test_the_check_leaves_public_names_dunders_and_other_packages_alone():
    assert private_store_names("from store.assessments import Entry, entries_where\nfrom store import audit\naudit.record(c)\n") == []
    assert private_store_names("from store import audit\nx = audit.__name__\n") == []
    assert private_store_names("from pathway.models import _field_error\nfrom store import audit\nrow._mapping['id']\n") == []
    assert private_store_names("from .users import _user\n") == []  # relative, outside store: that package's own business


def test_a_relative_import_inside_store_counts():
    assert private_store_names("from .users import _user\n", in_store=True) == [".users._user"]
    assert private_store_names("from . import users\n", in_store=True) == []
