"""Readings in the catalogue's words are visible to the user, and resolving actions is stable."""

from __future__ import annotations

from pathway.catalogue import load_catalogue


def test_a_guidance_text_flagged_as_a_reading_says_so_in_its_words():
    """A decision's guidance and contacts carry no interpretation flag of their own (reasons and the
    route do), so a text the catalogue marks as this tool's reading must say so where it is read."""
    cat = load_catalogue()
    flagged = []
    for block in (cat.guidance, cat.actions, cat.contact_notes):
        for key in type(block).model_fields:
            entry = block[key]
            if entry.interpretation:
                flagged.append(key)
                assert "This tool's reading" in entry.text and entry.why, key
    assert {"cfd_case_holder_unreachable", "step_up_early_help", "step_down", "step_same", "disabled_below_child_in_need"} <= set(flagged)


def test_a_resolved_text_is_never_resolved_again():
    """rules.resolved_actions.resolve may run twice on the same actions (evaluate(), then the web page
    for a decision saved before evaluate() did it): no resolved text starts an action it would match."""
    resolved = load_catalogue().resolved_actions
    for r in resolved:
        if r.text:
            assert not any(r.text.startswith(other.action) for other in resolved), r.text
