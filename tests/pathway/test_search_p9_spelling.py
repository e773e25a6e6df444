"""Spell21: the p9 spelling reading respells only a word the English word list does not know.

The reading (fix20a, SearchIndex._p9_spelt) reads a word the index does not know that is one edit from a p9 word as
that word ("molestid" as "molested"). A real English word one edit from a p9 word states nothing of p9 and was read
as it all the same unless a hand-kept list named it: "rapid" as "raped", so "rapid weight loss" led with p9's
allegation row. Now a word pyspellchecker's English list knows (`p9_spelling.english_floor`) is never respelt.

Oracles, by hand and independent of the code: REAL_WORDS are English words (each a dictionary word, read by a person)
one edit from a p9 word (the distance checked by rapidfuzz here, the p9 word by the index), every one of which was
respelt as its p9 word before spell21 (measured on main at f713f47); MISSPELT are misspellings written for this test
with the word each means; SPELLINGS are English spellings of a p9 word that mean it (the American spelling). Calls
compare with their right spelling or say what the document's p9 rows (p9, "Immediate referral") do not.
"""

from __future__ import annotations

import copy
import subprocess
import sys

import pytest
from rapidfuzz.distance import OSA

from pathway.catalogue import load_catalogue
from pathway.search import SearchDataError, SearchIndex, default_index, load_synonyms, stem

# (real word, the p9 word it is one edit from); each was respelt before spell21
REAL_WORDS: list[tuple[str, str]] = [
    ("rapid", "raped"),
    ("strange", "stranger"),
    ("bright", "right"),
    ("path", "patch"),
    ("storm", "story"),
    ("metal", "mental"),
    ("honey", "money"),
    ("monkey", "money"),
    ("candy", "handy"),
    ("border", "order"),
    ("pitch", "patch"),
    ("broad", "abroad"),
    ("trunk", "drunk"),
    ("locker", "locked"),
    ("wealth", "health"),
    ("blocked", "locked"),
    ("mouse", "house"),
    ("plates", "places"),
    ("lasted", "wasted"),
    ("tasted", "wasted"),
    ("lighting", "fighting"),
    ("barrel", "barred"),
    ("singer", "finger"),
    ("stall", "small"),
    ("preferred", "referred"),
    ("elder", "older"),
    ("scored", "scared"),
    ("forged", "forced"),
    ("spared", "scared"),
    ("cannon", "cannot"),
    ("bonus", "bones"),
    ("heroic", "heroin"),
    ("ginger", "finger"),
    ("melted", "belted"),
    ("drums", "drugs"),
    ("dagger", "danger"),
    ("snapped", "slapped"),
    ("amusing", "abusing"),
    ("waist", "wrist"),
    ("brunt", "burnt"),
    ("draped", "raped"),
    ("razed", "raped"),
    ("cruises", "bruises"),
    ("asexual", "sexual"),
    ("munched", "punched"),
    ("amused", "abused"),
    ("cruised", "bruised"),
    ("march", "match"),
    ("shipped", "whipped"),
    ("drawn", "drown"),
]

# (misspelling, the word meant): each is read as the word (a word of its stem)
MISSPELT: list[tuple[str, str]] = [
    ("brusing", "bruising"),
    ("bruisng", "bruising"),
    ("brused", "bruised"),
    ("bruses", "bruises"),
    ("brusies", "bruises"),
    ("sexualy", "sexually"),
    ("sexaully", "sexually"),
    ("sexully", "sexually"),
    ("molestid", "molested"),
    ("molestd", "molested"),
    ("neglectid", "neglected"),
    ("strangeld", "strangled"),
    ("strangld", "strangled"),
    ("stangled", "strangled"),
    ("abusd", "abused"),
    ("groomd", "groomed"),
    ("groomng", "grooming"),
    ("tuched", "touched"),
    ("punchd", "punched"),
    ("slaped", "slapped"),
    ("slappd", "slapped"),
    ("smakced", "smacked"),
    ("rpaed", "raped"),
    ("whiped", "whipped"),
    ("thrashd", "thrashed"),
    ("battred", "battered"),
    ("leatherd", "leathered"),
    ("beleted", "belted"),
    ("hittting", "hitting"),
    ("choaking", "choking"),
    ("drownd", "drown"),
    ("fractrue", "fracture"),
    ("injuires", "injuries"),
    ("unexplaind", "unexplained"),
    ("paedophille", "paedophile"),
    ("paedophle", "paedophile"),
    ("disclsoed", "disclosed"),
    ("disclossed", "disclosed"),
    ("dissclosure", "disclosure"),
    ("allegtion", "allegation"),
    ("explioted", "exploited"),
    ("exploted", "exploited"),
    ("pregnat", "pregnant"),
    ("newbourn", "newborn"),
    ("methadne", "methadone"),
    ("prision", "prison"),
    ("offendr", "offender"),
    ("convictd", "convicted"),
]

# English words that spell a p9 word another way (p9_spelling.spellings): respelt although the list knows them
SPELLINGS: list[tuple[str, str]] = [("pedophile", "paedophile"), ("granddad", "grandad"), ("offenses", "offences"), ("license", "licence")]


@pytest.fixture(scope="module")
def index() -> SearchIndex:
    return default_index()


@pytest.mark.parametrize(("word", "p9_word"), REAL_WORDS)
def test_a_real_word_one_edit_from_a_p9_word_is_never_respelt(index: SearchIndex, word: str, p9_word: str) -> None:
    assert OSA.distance(word, p9_word) == 1 and p9_word in index.p9_words  # the grid's own premise
    assert index._p9_spelling(word) == word
    assert index._p9_spelt(["she", "was", word]) == ["she", "was", word]


@pytest.mark.parametrize(("word", "p9_word"), REAL_WORDS)
def test_a_real_word_is_not_read_as_a_typo_of_the_p9_word_either(index: SearchIndex, word: str, p9_word: str) -> None:
    # the typo reading (SearchIndex._near) leaves it too: "drawn" gave p9's significant harm third place as "drown"
    assert index._p9_real_word(word)


@pytest.mark.parametrize(("typed", "meant"), MISSPELT)
def test_a_misspelt_p9_word_is_respelt(index: SearchIndex, typed: str, meant: str) -> None:
    assert OSA.distance(typed, meant) == 1  # one edit: the reading's own reach
    got = index._p9_spelling(typed)
    assert got != typed and stem(got) == stem(meant)


@pytest.mark.parametrize(("typed", "meant"), SPELLINGS)
def test_another_english_spelling_of_a_p9_word_is_respelt(index: SearchIndex, typed: str, meant: str) -> None:
    assert index._p9_spelling(typed) == meant


def test_every_spelling_in_the_file_spells_a_p9_word_of_the_shipped_index(index: SearchIndex) -> None:
    spellings = load_synonyms()["p9_spelling"]["spellings"]
    assert {w: index._p9_spelling(w) for w in spellings} == spellings and set(spellings.values()) <= index.p9_words


@pytest.mark.parametrize(
    ("q", "age"),
    [
        ("rapid weight loss since the summer", 150),  # led with p9's allegation row ("raped") before spell21
        ("a wanted baby, due in march, mum is healthy", None),
        ("she seems a bit strange since she started secondary school", 140),
        ("he bore the brunt of the move, he misses his old friends", 120),
        ("he was shipped off to his nan's for the summer", 100),
    ],
)
def test_a_call_with_a_real_near_word_does_not_lead_with_p9(index: SearchIndex, q: str, age: int | None) -> None:
    hits = index.search(q, age_in_months=age, unborn=age is None, limit=3, finished=True)
    assert not hits or not hits[0].indicator.immediate, hits[0].id


@pytest.mark.parametrize(
    ("wrong", "right"),
    [
        ("she has brusing on her back", "she has bruising on her back"),
        ("he was sexualy abused by his uncle", "he was sexually abused by his uncle"),
        ("her stepdad strangeld her", "her stepdad strangled her"),
        ("her uncle is a pedophile", "her uncle is a paedophile"),
    ],
)
def test_a_misspelt_call_leads_as_its_right_spelling(index: SearchIndex, wrong: str, right: str) -> None:
    spelt = [h.id for h in index.search(right, age_in_months=96, limit=3, finished=True)]
    assert index.entries[index._row_number[spelt[0]]].indicator.immediate  # the oracle leads with p9
    assert [h.id for h in index.search(wrong, age_in_months=96, limit=3, finished=True)][0] == spelt[0]


def test_the_english_list_is_loaded_with_the_shipped_index_and_not_before() -> None:
    # dict22, a fresh interpreter: importing the search and building the web app load nothing of it (the CLI and the
    # tests that never search do not pay for it); building the shipped index loads it, before any call is searched
    code = (
        "from pathway.english import english_loaded\n"
        "from pathway.search import default_index\n"
        "from webapp import create_app\n"
        "create_app({'TESTING': True, 'SECRET_KEY': 'x', 'DATABASE_URL': 'sqlite://'})\n"
        "print(english_loaded())\n"
        "default_index()\n"
        "print(english_loaded())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True"]


def test_an_index_built_by_hand_loads_the_list_on_the_first_word_that_needs_it() -> None:
    # the tests' and cross-validation's own indexes: a call with no word near a p9 word loads nothing; the first word
    # that would be respelt loads it
    code = (
        "from pathway.catalogue import load_catalogue\n"
        "from pathway.english import english_loaded\n"
        "from pathway.search import SearchIndex, load_synonyms\n"
        "idx = SearchIndex(load_catalogue(), load_synonyms())\n"
        "print(english_loaded())\n"
        "idx.search('mum is struggling with money', limit=3)\n"
        "print(english_loaded())\n"
        "print(idx._p9_spelling('molestid'), english_loaded())\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "False", "molested", "True"]


@pytest.mark.parametrize(
    "value",
    [
        {"min_length": 5, "english_floor": 0, "spellings": {}, "real_words": [], "why": "x"},
        {"min_length": 5, "english_floor": True, "spellings": {}, "real_words": [], "why": "x"},
        {"min_length": 5, "spellings": {}, "real_words": [], "why": "x"},
        {"min_length": 5, "english_floor": 50, "spellings": {"pedophile": "a paedophile"}, "real_words": [], "why": "x"},
    ],
)
def test_bad_p9_spelling_is_refused(value: dict) -> None:
    data = copy.deepcopy(load_synonyms())
    data["p9_spelling"] = value
    with pytest.raises(SearchDataError):
        SearchIndex(load_catalogue(), data)


def test_the_floor_is_the_lists_least_count() -> None:
    # the floor keeps every word the list gives: its least count is the floor, so no listed word is respelt
    from pathway.english import _counts

    assert min(_counts().values()) == load_synonyms()["p9_spelling"]["english_floor"]
