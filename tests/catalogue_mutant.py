"""A pytest plugin for scripts/mutate_catalogue.py: with FSP_TEST_CATALOGUE_MUTANT set, every
load_catalogue() in the test process reads that (mutated) file instead of the shipped one."""

from __future__ import annotations

import os
from pathlib import Path

import pathway.catalogue as _catalogue

_MUTANT = os.environ.get("FSP_TEST_CATALOGUE_MUTANT")
if _MUTANT:
    _catalogue.load_catalogue.cache_clear()
    _catalogue.load_catalogue.__wrapped__.__defaults__ = (Path(_MUTANT),)
    _catalogue.DATA_FILE = Path(_MUTANT)
