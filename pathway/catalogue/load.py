"""Reading the shipped catalogue once per process, with the decisions fingerprint recorded beside it."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Optional

from pathway import yaml_load
from pathway.catalogue.model import Catalogue
from pathway.shipped import shipped

DATA_FILE = shipped("fsp_2014.yaml")


FINGERPRINT_SUFFIX = ".fingerprint"


def recorded_fingerprint(path: Path) -> Optional[str]:
    """The fingerprint recorded beside a catalogue file (`fsp_2014.fingerprint`), if any.

    It is written by `scripts/ruleset_fingerprint.py --record` and checked by
    tests/rules/test_ruleset_fingerprint.py: the decisions of a fixed set of varied cases, hashed.
    Lines starting with '#' are comments."""
    beside = path.with_suffix(FINGERPRINT_SUFFIX)
    if not beside.exists():
        return None
    lines = [line.strip() for line in beside.read_text(encoding="utf-8").splitlines()]
    found = [line for line in lines if line and not line.startswith("#")]
    return found[0] if found else None


@cache
def load_catalogue(path: Path = DATA_FILE) -> Catalogue:
    """Read and check the catalogue once per process, with its recorded decisions fingerprint."""
    with open(path, encoding="utf-8") as fh:
        catalogue = Catalogue.model_validate(yaml_load.load(fh))
    fingerprint = recorded_fingerprint(path)
    if fingerprint:
        object.__setattr__(catalogue, "_decisions", fingerprint)
    return catalogue
