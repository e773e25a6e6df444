"""Review 9 (surfaces), V1: correcting the child's age (or born/unborn, or a care leaver's age of 20 to
25) never takes a ticked concern away without a word. The child page refuses an age that rules out a
need ticked on a needs page (or a p9 concern ticked on the safety page), naming each one and its
page; the concern stays ticked and the result is unchanged.

Every indicator the child's age can rule out is enumerated from the catalogue (`Catalogue.admits`:
the document's age bands, the pathway's ages past 19 and this tool's `meaningful_ages`), at each edge
where one child state admits it and the next does not: the typo a correction fixes.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import CHILD, text, walk_needs
from webapp.journey.pages import needs_pages

UNBORN = None  # a child state: None for unborn, else the age in months


def _states() -> list[int | None]:
    """Unborn, then the first and last month of every year from birth to the care leaver's last."""
    top = load_catalogue().age.care_leaver_max_years
    return [UNBORN, *sorted({m for y in range(top + 1) for m in (y * 12, y * 12 + 11)})]


def _admits(iid: str, state: int | None) -> bool:
    return load_catalogue().admits(iid, state is UNBORN, state)


def _edges() -> dict[tuple[int | None, int | None], list[str]]:
    """(admitted state, next state outside) -> the indicators with that edge, either way along the ages."""
    states = _states()
    edges: dict[tuple[int | None, int | None], list[str]] = defaultdict(list)
    for ind in load_catalogue().indicators:
        for a, b in zip(states, states[1:]):
            if _admits(ind.id, a) and not _admits(ind.id, b):
                edges[(a, b)].append(ind.id)
            if _admits(ind.id, b) and not _admits(ind.id, a):
                edges[(b, a)].append(ind.id)
    return dict(edges)


EDGES = _edges()


def _child(state: int | None) -> dict:
    # disability 'Not sure': an edge ticks needs whose words state a substantial, life-long disability,
    # which the answer 'No' contradicts (refused since review 10 surfaces, W2)
    if state is UNBORN:
        return {**CHILD, "disability": "uncertain", "born": "no", "age_years": "", "age_months": ""}
    return {**CHILD, "disability": "uncertain", "age_years": str(state // 12), "age_months": str(state % 12)}


def _label(state: int | None) -> str:
    return "unborn" if state is UNBORN else f"{state // 12}y{state % 12}m"


def _page_of(iid: str):
    dim = load_catalogue().indicator(iid).dimension
    return next(p for p in needs_pages() if dim in [g.dimension for g in p.groups])


def _level(result: str) -> str:
    found = re.search(r"Level: (Universal|Additional|Extensive|Child in Need|Protection)", result)
    return found.group(1) if found else ("Protection (ring now)" if "Ring now" in result or "ring now" in result.lower() else result[:200])


def test_the_enumeration_reaches_every_kind_of_age_rule():
    """The catalogue's own: every indicator with an age band or a `meaningful_ages` entry that some
    child state rules out is at an edge (a young parent's band, which admits the young parent's baby,
    rules no child out: "Pregnant care-leavers"), and so are the end of childhood (19 to 20) and
    born/unborn both ways."""
    catalogue = load_catalogue()
    at_an_edge = {i for ids in EDGES.values() for i in ids}
    ruled_out = {i.id for i in catalogue.indicators if not all(_admits(i.id, s) for s in _states())}
    assert at_an_edge == ruled_out
    banded_or_floored = {i.id for i in catalogue.indicators if i.age_band or catalogue.floor(i) is not None}
    assert banded_or_floored - at_an_edge == {"extensive.pregnant_care_leavers"}
    assert {catalogue.indicator(i).age_band for i in at_an_edge} >= {b.id for b in catalogue.age_bands} - {"care_leaver"}
    assert {catalogue.floor(i).id for i in at_an_edge if catalogue.floor(i)} >= {f.id for f in catalogue.meaningful_ages if f.min_months or not f.unborn}
    assert (19 * 12 + 11, 20 * 12) in EDGES and (0, UNBORN) in EDGES and (UNBORN, 0) in EDGES


def _order(e):
    return (e[0] is not UNBORN, e[0] or 0, e[1] is not UNBORN, e[1] or 0)


# the p9 concerns (ticked on the safety page) and the needs (on the needs pages) of an edge in two
# journeys: the child page names the p9 concerns first, then the needs once the concerns fit
CASES = [
    (edge, immediate)
    for edge in sorted(EDGES, key=_order)
    for immediate in (True, False)
    if any(load_catalogue().indicator(i).immediate is immediate for i in EDGES[edge])
]


def _id(v) -> str:
    return f"{_label(v[0])}->{_label(v[1])}" if isinstance(v, tuple) else ("p9" if v else "needs")


@pytest.mark.parametrize("edge, on_the_safety_page", CASES, ids=_id)
def test_an_age_that_rules_out_a_ticked_concern_is_refused_naming_it_and_it_stays_ticked(client, edge, on_the_safety_page):
    admitted, outside = edge
    catalogue = load_catalogue()
    ids = [i for i in EDGES[edge] if catalogue.indicator(i).immediate is on_the_safety_page]
    immediate = ids if on_the_safety_page else []
    needs = [] if on_the_safety_page else ids
    client.post("/safety", data={"immediate": immediate or ["none"]})
    assert client.post("/child", data=_child(admitted)).status_code == 302, _label(admitted)
    ticks: dict[str, list[str]] = defaultdict(list)
    for iid in needs:
        ticks[_page_of(iid).id].append(iid)
    walk_needs(client, ticks)
    before_check, before_level = text(client.get("/check")), _level(text(client.get("/result")))

    r = client.post("/child?change=1", data=_child(outside))
    assert r.status_code == 200, f"{_label(admitted)} -> {_label(outside)} accepted, {ids}"
    page = text(r)
    assert "There is a problem" in page
    for iid in immediate:
        assert f"‘{catalogue.indicator(iid).text}’" in page and "chosen on the safety page" in page, iid
    if needs:
        for iid in needs:
            ind = catalogue.indicator(iid)
            assert f"‘{ind.text}’ is ticked on the ‘{_page_of(iid).title}’ page (threshold document, p{ind.source.page}" in page, iid
        assert "Check the age, or untick each on its page" in page if len(needs) > 1 else "check the age, or untick it on that page" in page

    after_check = text(client.get("/check"))
    assert after_check == before_check  # the same age, the same needs ticked
    for iid in needs:
        assert catalogue.indicator(iid).text in after_check, iid
    assert _level(text(client.get("/result"))) == before_level


def test_a_need_the_recorded_age_does_not_admit_is_shown_on_its_page_refused_until_unticked(client, monkeypatch):
    """Answers where a ticked need does not fit the recorded age (saved under another catalogue, or
    before the child page asked): the result sends the person to the child page, which names it; the
    need's page offers it ticked, with the reason, refuses it while it stays ticked, and accepts it
    unticked. Nothing is cleared or dropped by not being shown."""
    from webapp.journey.forms import ChildForm

    iid = "protection.sexual_activity_under_13"
    page = _page_of(iid)
    dim = load_catalogue().indicator(iid).dimension
    client.post("/safety", data={"immediate": ["none"]})
    client.post("/child", data={**CHILD, "age_years": "12", "age_months": "0"})
    walk_needs(client, {page.id: [iid]})
    with monkeypatch.context() as before:
        before.setattr(ChildForm, "_fits_needs", lambda self: True)
        assert client.post("/child?change=1", data={**CHILD, "age_years": "13", "age_months": "0"}).status_code == 302

    r = client.get("/result")
    assert r.status_code == 302 and r.location.startswith("/child")
    assert "Sexual activity under 13" in text(client.get(r.location))

    shown = client.get(f"/needs/{page.id}")
    words = text(shown)
    assert "Sexual activity under 13" in words and "does not fit 13 years" in words
    assert re.search(rf'value="{re.escape(iid)}"[^>]*checked', shown.get_data(as_text=True))
    refused = client.post(f"/needs/{page.id}?change=1", data={dim: [iid]})
    assert refused.status_code == 200 and "does not fit 13 years" in text(refused)
    assert "Sexual activity under 13" in text(client.get("/check"))
    assert client.post(f"/needs/{page.id}?change=1", data={dim: []}).status_code == 302
    assert "Sexual activity under 13" not in text(client.get("/check"))
