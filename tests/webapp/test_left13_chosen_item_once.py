"""left13: the call screen's chosen concerns and the ones set aside for the age share one list item (a macro in
adviser/_chosen.html), so the two cannot drift apart: the item and its Remove button are written once. Their
rendering is checked by tests/webapp/test_review12_call_set_aside.py (each listed with its Remove button)."""

from __future__ import annotations

from pathlib import Path

TEMPLATE = Path(__file__).resolve().parents[2] / "webapp" / "templates" / "adviser" / "_chosen.html"


def test_the_chosen_item_and_its_remove_button_are_written_once():
    source = TEMPLATE.read_text()
    assert source.count('<li class="app-chosen__item">') == 1
    assert source.count("data-app-remove") == 1
