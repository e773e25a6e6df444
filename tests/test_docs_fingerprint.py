"""The docs never hard-code the ruleset's fingerprint (review 12 surfaces, W5): it changes whenever
any decision does, so `docs/contract.md`'s `fsp-2014 (1.1.0, decisions 798881c48e80)` went stale
within a day. A page a reader uses to learn the contract (the README, docs/ but for the reviews and
audits, which record what they saw on their day) says "for example" with the digits left out, and
points to where today's string is printed."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FINGERPRINT = re.compile(r"decisions [0-9a-f]{12}\b")


def _living_pages() -> list[Path]:
    pages = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
    return [p for p in pages if not p.name.startswith("review") and "audit" not in p.relative_to(ROOT).parts]


def test_no_living_docs_page_hard_codes_a_ruleset_fingerprint():
    found = [(str(p.relative_to(ROOT)), m.group(0)) for p in _living_pages() for m in FINGERPRINT.finditer(p.read_text(encoding="utf-8"))]
    assert found == []


def test_the_pages_still_say_what_the_ruleset_string_looks_like():
    contract = (ROOT / "docs" / "contract.md").read_text(encoding="utf-8")
    assert "fsp-2014 (1.1.0, decisions …)" in contract and "GET /api/v1/openapi.json" in contract
