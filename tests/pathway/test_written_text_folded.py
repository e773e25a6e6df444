"""Review 21 surfaces, S1 and S2: a key or a name is folded (what draws nothing removed, spaces one,
NFC), and two names a reader cannot tell apart share a `same_key`. Oracles: the code points written
out by hand, and Unicode's own list of default-ignorable code points (DerivedCoreProperties.txt)."""

from __future__ import annotations

import pytest

from pathway.written_text import fault, folded, same_key, visible

ENGLAND = "\U0001f3f4\U000e0067\U000e0062\U000e0065\U000e006e\U000e0067\U000e007f"  # black flag + tags g b e n g + cancel


@pytest.mark.parametrize(
    "typed",
    [
        "Spring\u200b R21",  # zero-width space (pasted from Teams or Word)
        "Spring R21\u2060",  # word joiner
        "\ufeffSpring R21",  # byte order mark
        "Spring\u00ad R21",  # soft hyphen
        "Spring R21\u200e",  # left-to-right mark
        "Spring R21\u200f",  # right-to-left mark
        "Spring R21\u061c",  # Arabic letter mark
        "Spring R21\U000e0041",  # a tag letter
        "Spring R21\U000e0001",  # the language tag
        "Spring\u3164 R21",  # a Hangul filler (drawn blank, a letter by category)
        "Spring \u200d R21",  # a joiner with nothing to join
        "Spring  R21",  # two spaces
        "Spring\u00a0R21",  # a no-break space
        " Spring R21\u2028",  # a line separator at the end
        "Spring\u2063 R21",  # invisible separator
    ],
)
def test_what_draws_nothing_is_folded_away(typed):
    assert folded(typed) == "Spring R21"
    assert same_key(typed) == "spring r2l"  # a TR39 skeleton: the digit 1 draws as the letter l (conf22)


@pytest.mark.parametrize(
    "typed",
    [
        "\U0001f469\u200d\U0001f4bb Sam",  # a ZWJ emoji sequence (woman technologist)
        "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645",  # Persian: a ZWNJ between two letters
        "\u2764\ufe0f Jo",  # a heart drawn as an emoji
        f"{ENGLAND} Tara",  # the flag of England is a tag sequence
        "Zo\u00eb",
    ],
)
def test_what_draws_is_kept(typed):
    assert folded(typed) == typed


def test_nfc_after_removal():
    assert folded("Zoe\u200b\u0308") == "Zo\u00eb" and folded("Zoe\u0308") == "Zo\u00eb"


def test_controls_and_direction_overrides_are_left_for_the_refusal():
    """Folding never hides what `fault` refuses: an override changes what is drawn."""
    for typed in ("Tara\u202e", "\u2066Tara\u2069", "Ta\x07ra", "Ta\x0bra", "Ta\x0cra", "Tara\x85", "\x1fTara"):
        assert fault(folded(typed), "Display name")


@pytest.mark.parametrize("typed", ["Tara", "tara", "TARA", "Tara\u200b", "Ta\u200dra", "T\u200bara\u200f", "\uff34ara", " Tara "])
def test_names_a_reader_cannot_tell_apart_share_a_key(typed):
    assert same_key(typed) == same_key("Tara")


@pytest.mark.parametrize("other", ["Tara B", "Tarb", "Zara", "Tar a"])
def test_names_that_differ_do_not(other):
    assert same_key(other) != same_key("Tara")


def test_a_hangul_filler_alone_is_nothing_visible():
    assert not visible("\u3164") and not visible("\u115f\u1160\uffa0") and folded("\u3164 \u200b") == ""
