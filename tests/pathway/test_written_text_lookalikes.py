"""conf22 (review 21 surfaces, S2, left): names that draw alike through letters of another script are
alike, by their Unicode TR39 skeletons; a name in another script that draws as no Latin name is not.
Oracles: the code points written out by hand, each named, and what a reader sees in a sans-serif face."""

from __future__ import annotations

import pytest

from pathway.written_text import alike, alike_groups, folded, keys

CYRILLIC_TE, CYRILLIC_A = "\u0422", "\u0430"  # Т, а: draw as Latin T, a
GREEK_OMICRON, GREEK_ETA = "\u039f", "\u0397"  # Ο, Η: draw as Latin O, H
CYRILLIC_I, CYRILLIC_JE, CYRILLIC_O = "\u0406", "\u0408", "\u043e"  # І, Ј, о: draw as Latin I, J, o


@pytest.mark.parametrize(
    ("typed", "latin"),
    [
        (f"{CYRILLIC_TE}{CYRILLIC_A}ra", "Tara"),  # the brief's own example
        (f"T{CYRILLIC_A}ra", "Tara"),
        (f"{GREEK_OMICRON}mar", "Omar"),
        (f"{GREEK_ETA}elen", "Helen"),  # a capital whose small letter (η) draws as an n: folded before case
        (f"{CYRILLIC_I}an", "Ian"),
        (f"{CYRILLIC_JE}{CYRILLIC_O}hn", "John"),
        (f"{CYRILLIC_TE}{CYRILLIC_A}ra", "tara"),  # and case, as before
        ("\uff34ara", "Tara"),  # full-width T (review 21)
        ("Tara\u200b", "Tara"),  # a zero-width space (review 21)
    ],
)
def test_a_name_spelt_with_look_alike_letters_is_alike(typed, latin):
    assert typed != latin
    assert alike(typed, latin) and alike(latin, typed)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("\u041e\u043b\u044c\u0433\u0430", "Olga"),  # Ольга: Cyrillic, and draws as no Latin name
        ("Tara", "Tara B"),
        ("Tara", "Zara"),
        ("ian", "lan"),  # a small i has its dot: only the capital I draws as an l
        ("Zoe", "Zo\u00eb"),  # the diaeresis draws
        ("Jose", "Jos\u00e9"),
    ],
)
def test_names_that_draw_differently_are_not(one, other):
    assert not alike(one, other) and not alike(other, one)


def test_the_capital_i_is_alike_both_ways_and_groups_join_through_it():
    """'Ian' draws as 'lan' (sans-serif) and is 'ian' in another case; 'ian' and 'lan' can be told apart,
    but a list holding all three is one group (the trainer cannot tell 'Ian' from either)."""
    assert alike("Ian", "lan") and alike("Ian", "ian") and not alike("ian", "lan")
    assert alike_groups(["Ian", "Sam", "ian", "lan", "\u041e\u043b\u044c\u0433\u0430", "Olga"]) == [0, 1, 0, 0, 4, 5]


def test_the_name_kept_is_as_typed_only_the_keys_fold():
    typed = f"{CYRILLIC_TE}{CYRILLIC_A}ra"
    assert folded(typed) == typed  # shown as typed
    assert keys(typed).drawn == keys("Tara").drawn == "tara"


def test_the_stored_digests_are_fixed_length_and_differ_with_the_key():
    a, b = keys("Tara").digests()
    assert len(a) == len(b) == 64 and keys("Zara").digests() != (a, b)
    assert keys(f"{CYRILLIC_TE}{CYRILLIC_A}ra").digests() == (a, b)
