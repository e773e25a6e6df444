"""The catalogue against the document: nothing missing, nothing invented, every entry cited."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pathway.catalogue import load_catalogue
from pathway.levels import Level

DOC = Path(__file__).parents[1] / "data" / "threshold_document.txt"
SHARED = Path(__file__).parents[3] / "shared" / "seeds" / "004_29fae98105bb7fbe.txt"
TABLE_LEVELS = {"Universal Support": "universal", "Additional Support": "additional", "Extensive Support": "extensive", "Protection": "protection"}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("*", "")).strip()


def document_bullets() -> list[tuple[str, str]]:
    """(level, bullet) for every need-indicator bullet of the four Levels of need tables."""
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "Levels of need" and i > 100)
    end = next(i for i, line in enumerate(lines) if line.startswith("Resolving Inter-Agency Disagreements"))
    out, level, collecting = [], None, False
    for line in lines[start:end]:
        s = line.strip()
        if s in TABLE_LEVELS:
            level, collecting = TABLE_LEVELS[s], False
        elif s == "Examples of Need Indicators":
            collecting = True
        elif s.startswith("Examples of") or s == "ADDITIONAL NEEDS EMERGING":
            collecting = False
        elif collecting and s.startswith("- "):
            out.append((level, _norm(s[2:])))
    return out


def immediate_bullets() -> list[str]:
    lines = DOC.read_text(encoding="utf-8").splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip() == "Indicators requiring an immediate referral to Social Care")
    out = []
    for line in lines[start + 1 :]:
        if line.startswith("- "):
            out.append(_norm(line[2:]))
        elif line.strip() and out:
            break
    return out


def test_the_document_parser_finds_the_tables():
    bullets = document_bullets()
    assert len(bullets) == 165
    assert {lv for lv, _ in bullets} == {"universal", "additional", "extensive", "protection"}
    assert len(immediate_bullets()) == 11


def test_every_levels_of_need_bullet_is_in_the_catalogue_at_its_level(catalogue):
    have = {(i.level.value, _norm(i.document_text or i.text)) for i in catalogue.indicators if not i.immediate}
    missing = [b for b in document_bullets() if b not in have]
    assert missing == []


def test_every_immediate_referral_bullet_is_in_the_catalogue(catalogue):
    have = {_norm(i.document_text or i.text) for i in catalogue.indicators if i.immediate}
    assert [b for b in immediate_bullets() if b not in have] == []


def test_no_catalogue_indicator_is_absent_from_the_document(catalogue):
    doc = _norm(DOC.read_text(encoding="utf-8"))
    for ind in catalogue.indicators:
        assert _norm(ind.document_text or ind.text) in doc, ind.id


def test_immediate_indicators_are_protection_and_cite_page_9(catalogue):
    immediate = [i for i in catalogue.indicators if i.immediate]
    assert len(immediate) == 12  # 11 bullets; "home alone" split so the under-6 rule is explicit
    assert all(i.level is Level.PROTECTION and i.source.page == "9" for i in immediate)


def test_every_entry_has_a_citation_with_a_page(catalogue):
    contents_pages = {"4", "5", "6", "7", "8", "9", "11-12", "13-14", "15-16", "17", "18", "23", "24", "25", "37"}
    for ind in catalogue.indicators:
        assert ind.source.section and ind.source.page in contents_pages, ind.id
    for level in catalogue.levels:
        assert level.source.page and level.definition and level.actions


def test_phone_numbers_and_email_come_from_the_document(catalogue):
    doc = DOC.read_text(encoding="utf-8")
    for contact in catalogue.contacts:
        if contact.phone is None:  # the allocated social worker: the document gives no number
            assert contact.id == "allocated_social_worker" and "no central number" in contact.when
            continue
        assert contact.phone in doc, contact.id
        if contact.email:
            assert contact.email in doc


def test_level_definitions_are_the_documents_words(catalogue):
    doc = _norm(DOC.read_text(encoding="utf-8")).replace("crisis are", "crises are")
    for level in catalogue.levels:
        assert _norm(level.definition).rstrip(".") in doc, level.id


def test_the_disabled_childrens_team_number(catalogue):
    assert catalogue.contact("disabled_childrens_team").phone == "0115 883 8266"
    assert catalogue.contact("children_families_direct").phone == "0115 876 4800"
    assert catalogue.contact("emergency_duty_team").phone == "0115 876 1000"


@pytest.mark.parametrize("words", ["Suspected domestic violence", "Young carers", "Attachment issues"])
def test_same_words_at_two_levels_are_kept_and_linked(catalogue, words):
    entries = [i for i in catalogue.indicators if i.text == words]
    assert len({i.level for i in entries}) == 2
    for entry in entries:
        others = {o.id for o in entries if o.id != entry.id}
        assert others <= set(entry.same_words_as)


def test_every_pair_of_near_identical_words_is_a_twin(catalogue):
    """Found by text similarity, then read: every pair this close is linked, or listed here as read
    and not the same need (so a new indicator near another is looked at, not missed)."""
    from rapidfuzz import fuzz

    not_twins = {  # read: the words are close, the needs are not the same
        frozenset({"immediate.contact_with_adults_risk", "immediate.adults_who_pose_risk"}),
        frozenset({"universal.age_appropriate_self_care", "additional.slow_develop_age_appropriate"}),
        frozenset({"universal.child_disabilities_all_needs", "extensive.providing_substantial_care_child"}),
        frozenset({"universal.family_accessing_universal_services", "additional.family_not_accessing_universal"}),
        frozenset({"universal.parents_carers_provide_secure", "additional.inconsistent_parenting"}),
        frozenset({"universal.meets_developmental_milestones", "additional.not_reaching_developmental_milestones"}),
        frozenset({"additional.child_disabilities_whose_needs", "extensive.providing_substantial_care_child"}),
        frozenset({"extensive.socially_excluded_isolated", "protection.family_socially_excluded"}),
        frozenset({"protection.significant_self_neglect_due", "protection.chronic_substance_misuse"}),
        frozenset({"immediate.repeated_domestic_violence", "additional.uses_substances"}),
    }
    linked = {frozenset({a.id, b}) for a in catalogue.indicators for b in a.same_words_as}
    inds = catalogue.indicators
    missing = []
    for n, a in enumerate(inds):
        for b in inds[n + 1 :]:
            close = max(fuzz.token_set_ratio(a.text.lower(), b.text.lower()), fuzz.partial_ratio(a.text.lower(), b.text.lower()))
            pair = frozenset({a.id, b.id})
            if close >= 90 and pair not in linked and pair not in not_twins:
                missing.append(sorted(pair))
    assert not missing, missing


def test_twins_are_stated_once_in_their_own_block(catalogue):
    raw = (Path(__file__).parents[2] / "pathway" / "data" / "fsp_2014.yaml").read_text(encoding="utf-8")
    assert "same_words_as" not in raw
    for twin in catalogue.twins:
        assert twin.tells_apart and re.search(r"p\d", twin.source.cite())


def test_same_word_links_are_symmetric(catalogue):
    for ind in catalogue.indicators:
        for other in ind.same_words_as:
            assert ind.id in catalogue.indicator(other).same_words_as


@pytest.mark.parametrize(
    "indicator_id, band",
    [
        ("immediate.unexplained_bruising_under_2", "under_2"),
        ("immediate.substance_use_under_1", "under_1"),
        ("immediate.unborn_significant_harm", "unborn"),
        ("immediate.home_alone_5_and_under", "home_alone_5_and_under"),
        ("additional.pregnant_under_17", "pregnant_under_17"),
        ("extensive.pregnant_under_16", "pregnant_under_16"),
        ("protection.sexual_activity_under_13", "sexual_activity_under_13"),
        ("protection.forced_marriage_under_18", "forced_marriage_under_18"),
        ("extensive.pre_school_under_stimulated", "pre_school"),
        ("extensive.pregnant_care_leavers", "care_leaver"),
    ],
)
def test_age_bands_carried_by_the_words(catalogue, indicator_id, band):
    assert catalogue.indicator(indicator_id).age_band == band


def test_home_alone_at_any_age_is_not_age_limited(catalogue):
    """Splitting the bullet keeps 'age and vulnerability places them at risk' open to every age."""
    assert catalogue.indicator("immediate.home_alone_at_risk").age_band is None


def test_interpretations_say_so_and_keep_parameters_in_data(catalogue):
    combo = catalogue.interpretations.combination
    assert combo.interpretation is True and combo.why
    assert isinstance(combo.min_indicators, int) and isinstance(combo.min_domains, int)
    for band in catalogue.age_bands:
        if band.interpretation:
            assert band.why


def test_every_indicator_has_search_keywords(catalogue):
    assert [i.id for i in catalogue.indicators if not i.keywords] == []


@pytest.mark.skipif(not SHARED.exists(), reason="shared/ is not beside this checkout")
def test_vendored_document_matches_the_shared_seed():
    seed = SHARED.read_text(encoding="utf-8").splitlines()
    assert DOC.read_text(encoding="utf-8").splitlines() == seed[1072:2272]


def test_indicator_ids_never_change(catalogue):
    """Saved assessments and scenarios hold indicator ids: they are part of the contract. A new
    indicator is added to tests/data/indicator_ids.txt; none is ever renamed or removed."""
    pinned = (Path(__file__).parents[1] / "data" / "indicator_ids.txt").read_text(encoding="utf-8").split()
    assert [i.id for i in catalogue.indicators] == pinned


def test_a_twin_group_cites_the_pages_its_indicators_are_on():
    """A group's citation names each page range its members cite, in the same form (review 6,
    F15: the disability twins cited 'p11' where the Universal table and its indicator say 11-12)."""
    cat = load_catalogue()
    for group in cat.twins:
        cited = set(group.source.page.split(", "))
        assert cited == {cat.indicator(i).source.page for i in group.ids}, group.id


def test_a_rule_citing_a_levels_of_need_table_cites_its_whole_page_range():
    """The four tables each span a page range (Universal 11-12, Additional 13-14, Extensive 15-16;
    Protection 17): a rule citing one cites all of it, as its indicators do (F15: the combination
    rule cited 'p4, 15')."""
    cat = load_catalogue()
    ranges = {"11": "11-12", "13": "13-14", "15": "15-16"}
    for key, entry in cat.interpretations.__dict__.items():
        source = getattr(entry, "source", None)
        if source is None or "Levels of need" not in source.section:
            continue
        for page in source.page.split(", "):
            assert page not in ranges, (key, source.page, f"{page} should be {ranges.get(page)}")
