"""Turn a checked case into durable-rules facts (plain JSON values only, no personal data).

What the facts carry is computed here from the catalogue's data (twins, cross-walks, age bands),
so the rulesets stay small: they match on these attributes, never one rule per indicator.
"""

from __future__ import annotations

from itertools import combinations
from operator import attrgetter
from typing import Callable, Optional

from pathway.catalogue import Catalogue, Crosswalk, Indicator, YoungPerson
from pathway.choices import NOT_PROFESSIONAL
from pathway.levels import Level
from pathway.models import Case


class Prepared:
    """What building the facts reads of a catalogue, worked out once per catalogue instead of on
    every case (issue 17): each indicator's cross-walks and twin groups, every twin note the
    groups can give, and the Child in Need disability lists as sets. Catalogue data only."""

    def __init__(self, catalogue: Catalogue):
        cin_dis = catalogue.interpretations.cin_disability
        self.with_disability = frozenset(cin_dis.with_substantial_lifelong_disability)
        self.specialist = frozenset(cin_dis.indicators)
        self.states_disability = frozenset(cin_dis.states_substantial_lifelong_disability)
        # the needs whose words state that the child is disabled, of any degree (review 17, N6)
        self.states_any_disability = frozenset(catalogue.guidance.disabled_below_child_in_need.states_disability)
        self.crosswalks: dict[str, tuple[Crosswalk, ...]] = {i.id: tuple(catalogue.crosswalks_for(i)) for i in catalogue.indicators}
        self.words = {i.id: i.text.strip().lower() for i in catalogue.indicators}
        self.level_values = {i.id: i.level.value for i in catalogue.indicators}  # Enum.value is a Python-level property
        # the Additional table's needs (`counted_additional`), and the Extensive ones (the needs fact's `extensive_ids`)
        self.additional_table = frozenset(i.id for i in catalogue.indicators if i.level is Level.ADDITIONAL and not i.immediate)
        self.extensive = frozenset(i.id for i in catalogue.indicators if i.level is Level.EXTENSIVE)
        # every need an age entailment reads: a case choosing none of them, with no parent's age, meets none
        self.entailing = frozenset(i for e in catalogue.age_entailments for i in e.indicators)
        # the needs fact's lists as sets (`NeedFacts`): the immediate criteria, each table level's needs (in the
        # order of the levels' values, the fact's `groups`), and the needs with a cross-walk (`crosswalk_hits`)
        self.immediate = frozenset(i.id for i in catalogue.indicators if i.immediate)
        table: dict[str, set[str]] = {}
        for ind in catalogue.indicators:
            if not ind.immediate:
                table.setdefault(ind.level.value, set()).add(ind.id)
        self.table_levels = tuple((level, frozenset(ids)) for level, ids in sorted(table.items()))
        self.with_crosswalk = frozenset(iid for iid, walks in self.crosswalks.items() if walks)
        # what each part of the needs fact reads of the chosen needs, beyond the case's child, parent and
        # context (`NeedFacts`, a nearby case): the age entailments, their needs and the needs they add
        # (`_entailments_met`); the combination's count, the Additional table's needs and every need one of
        # them is listed in the same words as (`counted_additional`, `same_need`, `counted_domains`)
        self.entailment_reads = self.entailing | {e.adds for e in catalogue.age_entailments}
        self.additional_reads = self.additional_table | {o for i in self.additional_table for o in catalogue.indicator(i).same_words_as}
        # the p9 criteria the tool reads one way (an indicator's `reading`, review 13 J1), and which criterion
        # each cross-walk meets: asked of every case's facts, so looked up, not rebuilt per case
        self.read_criteria = frozenset(i.id for i in catalogue.indicators if i.reading is not None)
        self.crosswalk_meets = {cw.id: cw.meets for cw in catalogue.crosswalks}
        # a need listed more than once at one level in the same words ('Young carers', p13 and p14) is one
        # need: each copy's fellow copies (itself included), and the domains the combination rule counts it
        # in, every domain the document lists it under (catalogue combination.same_words_domains: all_listed)
        copies: dict[tuple[str, str], list[Indicator]] = {}
        for ind in catalogue.indicators:
            if not ind.immediate:
                copies.setdefault((self.words[ind.id], ind.level.value), []).append(ind)
        self.same_need: dict[str, frozenset[str]] = {}
        self.counted_domains: dict[str, frozenset[str]] = {}
        for listed in copies.values():
            ids = frozenset(i.id for i in listed)
            domains = frozenset(i.domain for i in listed if i.domain)
            for ind in listed:
                self.same_need[ind.id] = ids
                self.counted_domains[ind.id] = domains
        linked: dict[tuple[str, str], set[str]] = {}  # (group, indicator) -> the indicators it is linked to there
        for ind in catalogue.indicators:
            for link in catalogue.twins_of(ind.id):
                linked.setdefault((link.group, ind.id), set()).add(link.other.id)
        groups: dict[str, list[str]] = {}
        self.groups_of: dict[str, tuple[str, ...]] = {}
        for group, iid in linked:
            groups.setdefault(group, []).append(iid)
            self.groups_of[iid] = (*self.groups_of.get(iid, ()), group)
        # every set of a group's members a case can choose -> (chosen, the others it links to); a
        # link's other end is in the same group, so the others not chosen are exactly these
        self.twin_notes: dict[tuple[str, tuple[str, ...]], tuple[tuple[str, ...], tuple[str, ...]]] = {}
        for group, members in groups.items():
            for size in range(1, len(members) + 1):
                for ours in combinations(sorted(members), size):
                    others = set().union(*(linked[group, i] for i in ours)) - set(ours)
                    if others:
                        self.twin_notes[group, ours] = (ours, tuple(sorted(others)))


def prepared(catalogue: Catalogue) -> Prepared:
    """The catalogue's Prepared, worked out once per catalogue."""
    return catalogue.derived("_rules_prepared", lambda: Prepared(catalogue))


def subject_age_in_months(case: Case) -> Optional[int]:
    """The young parent's age for a parent's band: the parent's if given, else the child's own."""
    if case.parent.age_in_months is not None:
        return case.parent.age_in_months
    return None if case.child.unborn else case.child.age_in_months


def _entailments_met(case: Case, indicators: list[Indicator], catalogue: Catalogue):
    """Each age entailment a chosen need meets, its target not chosen itself: (entry, the chosen
    needs that meet it, what is known of the young person's age). Known inside the band by one need
    is enough (the needs that know it are listed); else not known by any, or known outside by all."""
    chosen = {i.id for i in indicators}
    unborn, months, parent, given = case.child.unborn, case.child.age_in_months, case.parent.age_years, case.child.months_given
    if parent is None and chosen.isdisjoint(prepared(catalogue).entailing):
        return  # most cases: no entry has a chosen need (`ids`), and without the parent's age none yields
    for entry in catalogue.age_entailments:
        ids = sorted(chosen.intersection(entry.indicators))
        if entry.adds in chosen:
            continue
        if not ids:  # the parent's age given states a parenthood itself: under 13, now or when the pregnancy began
            if parent is not None:
                young = catalogue.young_person(entry, None, unborn, months, parent, given)
                if young.inside or young.inside is None:  # None: a child of no given age (review 12, H8)
                    yield entry, [], young
            continue
        known = {iid: catalogue.young_person(entry, catalogue.indicator(iid), unborn, months, parent, given) for iid in ids}
        inside = [iid for iid in ids if known[iid].inside]
        if inside:
            yield entry, inside, known[inside[0]]
        elif any(k.inside is None for k in known.values()):
            yield entry, ids, YoungPerson(None)


def age_entailment_hits(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> list[dict]:
    """Needs that, with the young person's age, entail a higher need (catalogue `age_entailments`):
    a pregnancy or parenthood under 13 is sexual activity under 13 (p17). One hit per entry, listing
    what reached it and how the decision says the age."""
    hits = []
    for entry, ids, young in _entailments_met(case, indicators, catalogue):
        if not young.inside:
            continue
        adds = catalogue.indicator(entry.adds)
        hits.append({"ids": ids, "adds": adds.id, "level": adds.level.value, "age": young.words, "source": entry.source.cite(), "id": entry.id})
    return hits


def age_entailments_age_unknown(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> list[str]:
    """Age entailments a chosen need would meet at a young person's age not known here (whose
    pregnancy or parenthood it is, or the young parent's age)."""
    return [entry.id for entry, _ids, young in _entailments_met(case, indicators, catalogue) if young.inside is None]


def age_entailments_possible(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> list[str]:
    """For each age entailment whose need is not chosen itself: the ages as said where the young parent's
    age given makes it possible, not certain, that the pregnancy began inside the subject band (under 13
    at the start of the longest pregnancy (past term), not at the shortest: review 10, H1 follow-up). The
    parent's age states a parenthood whatever need is chosen, as for the entailment itself. Without the
    parent's age, the child's own, for a chosen need whose words state a pregnancy now that may have begun
    before she was 13, and none of the entry's needs known inside (review 12, H8)."""
    chosen = {i.id for i in indicators}
    child = case.child
    parent = case.parent.age_years
    out = []
    for entry in catalogue.age_entailments:
        if entry.adds in chosen:
            continue
        if parent is not None or child.unborn:
            if words := catalogue.entailment_possible(entry, child.unborn, child.age_in_months, parent, child.months_given):
                out.append(words)
            continue
        ids = sorted(chosen.intersection(entry.indicators))
        if child.age_in_months is None or not ids:
            continue
        known = [catalogue.young_person(entry, catalogue.indicator(iid), False, child.age_in_months, None, child.months_given) for iid in ids]
        if not any(k.inside for k in known) and (said := next((k.possible for k in known if k.possible), "")):
            out.append(said)
    return out


def crosswalk_hits(case: Case, indicators: list[Indicator], catalogue: Catalogue, entailed: tuple[dict, ...] = ()) -> list[dict]:
    """Table indicators that, with this child's age, meet an immediate-referral criterion (p9); a need
    added by an age entailment (`entailed`, its hits) counts as chosen, by the needs that added it.

    An age band on a cross-walk needs the age to be known and inside it: an unknown age gives
    guidance instead (see `age_unknown_crosswalks`), never a silent guess either way.
    """
    hits: dict[str, dict] = {}  # one per cross-walk, listing the indicators that reach it
    crosswalks = prepared(catalogue).crosswalks
    # the chosen needs, then those the entailments add; only a need with a cross-walk can reach one
    reached = [(ind, [ind.id]) for ind in indicators if crosswalks[ind.id]]
    reached += [(catalogue.indicator(e["adds"]), e["ids"]) for e in entailed]
    for ind, by in reached:
        if ind.immediate:
            continue
        for cw in crosswalks[ind.id]:
            if cw.age_band and not _age_known_in(case, catalogue, cw.age_band):
                continue
            hit = hits.setdefault(
                cw.id,
                {
                    "id": cw.id,  # which cross-walk (rules/what_if.py says how this case reaches it)
                    "ids": [],
                    "meets": catalogue.indicator(cw.meets).text,
                    "source": cw.source.cite(),
                    "why": cw.why,
                    "interpretation": cw.interpretation,
                },
            )
            hit["ids"].extend(i for i in by if i not in hit["ids"])
    return [hits[k] for k in sorted(hits)]


def age_unknown_crosswalks(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> list[str]:
    """Cross-walks that would apply at an age not given (the child's age is unknown)."""
    if case.child.unborn or case.child.age_in_months is not None:
        return []
    crosswalks = prepared(catalogue).crosswalks
    return sorted({cw.id for ind in indicators if not ind.immediate for cw in crosswalks[ind.id] if cw.age_band and cw.age_band != "unborn"})


def _age_known_in(case: Case, catalogue: Catalogue, band_id: str) -> bool:
    band = catalogue.band(band_id)
    if band.unborn == "only":
        return case.child.unborn
    months = case.child.age_in_months
    return months is not None and band.admits(case.child.unborn, months)


def counted_additional(indicators: list[Indicator], words: dict[str, str], table: "frozenset[str] | None" = None) -> list[Indicator]:
    """Additional needs as the combination rule counts them: the same words listed twice count once
    (whichever copy is returned, its domains are `Prepared.counted_domains`, the same for every copy),
    and one whose twin at a higher level is also chosen is counted there, not again. (`words`: each
    indicator's words as compared, `Prepared.words`; `table`, if given, `Prepared.additional_table`,
    the Additional table's needs, read instead of each need's level.)"""
    chosen = {i.id: i for i in indicators}
    out: dict[str, Indicator] = {}
    # the Additional table's needs only, sorted (a stable sort: the same order as filtering the sorted whole)
    if table is None:
        picked = [i for i in indicators if i.level is Level.ADDITIONAL and not i.immediate]
    else:
        picked = [i for i in indicators if i.id in table]
    picked.sort(key=_ID)
    for ind in picked:
        if ind.same_words_as and any(chosen[o].level.rank > ind.level.rank for o in ind.same_words_as if o in chosen):
            continue
        out.setdefault(words[ind.id], ind)
    return list(out.values())


_ID = attrgetter("id")


def effective_disability(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> str:
    """The context's answer; where none is given, an indicator whose words state a substantial,
    life-long disability says it (the contradiction check refuses none or mild beside one). For a
    young person past the children's ages, 'unknown': the document's disability rules and teams are
    a child's (p4, p23 0-19, p37), and guidance says why (`disability_not_routed`, review 8 F1)."""
    if catalogue.beyond_childhood(case.child.age_in_months):
        return "unknown"
    stated = prepared(catalogue).states_disability
    given = case.context.disability
    if given is None and any(i.id in stated for i in indicators):
        return "substantial_lifelong"
    return given or "unknown"


def unborn_disability_uncertain(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> bool:
    """An unborn baby's disability read as substantial and life-long (answered, or in a chosen need's
    words) is routed as uncertain (the catalogue's assumptions.unborn_disability, this tool's reading)."""
    return case.child.unborn and effective_disability(case, indicators, catalogue) == "substantial_lifelong"


def disability_not_routed(case: Case, catalogue: Catalogue) -> bool:
    """A disability (or a large sibling group, read only with one) answered for a young person past
    the children's ages: not routed (`effective_disability`), and said (review 8, F1)."""
    ctx = case.context
    said = (ctx.disability is not None and ctx.disability != "none") or bool(ctx.large_sibling_group)
    return said and catalogue.beyond_childhood(case.child.age_in_months)


def route_disability(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> str:
    """The disability the route and its guidance read: the effective one, but 'uncertain' for an unborn
    baby (the Disabled Children's Team serves children 0-19, p23; Appendix 3's uncertainty exception, p37)."""
    if unborn_disability_uncertain(case, indicators, catalogue):
        return "uncertain"
    return effective_disability(case, indicators, catalogue)


def disabled_road(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> str:
    """The road by which the case says the child is disabled (review 17, N6), one of the catalogue's
    `guidance.disabled_below_child_in_need` roads, or 'none': the disability the route reads (a
    substantial, life-long one, a mild or moderate one, or an uncertain one, an unborn baby's included),
    else 'stated' where a chosen need's own words say the child is disabled (the catalogue's class,
    `states_disability`) with no disability answered or 'No disability'. A young person of 20 to 25 is on
    none: the disability is not routed, and guidance says why (`disability_not_routed`)."""
    if catalogue.beyond_childhood(case.child.age_in_months):
        return "none"
    routed = route_disability(case, indicators, catalogue)
    if routed in ("substantial_lifelong", "mild_moderate", "uncertain"):
        return routed
    stated = prepared(catalogue).states_any_disability
    return "stated" if any(i.id in stated for i in indicators) else "none"


def need_facts(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> list[dict]:
    """The needs ruleset's input: one fact carrying every attribute its rules read (see rules/needs.py)."""
    return NeedFacts(case, catalogue)(indicators)


class NeedFacts:
    """`need_facts` for one case's child, parent and context, with any indicators: what the fact reads of
    the case alone is worked out once (issue 17), for the case and for every nearby case that shares them
    (the what-if list's, `rules.evaluate.decide_changes`: a need added or taken away). Made per call,
    never kept: it holds the case."""

    __slots__ = ("case", "catalogue", "known", "parent_age_given", "disability", "beyond_childhood", "context")

    def __init__(self, case: Case, catalogue: Catalogue):
        ctx, child = case.context, case.child
        self.case, self.catalogue, self.known = case, catalogue, prepared(catalogue)
        self.parent_age_given = case.parent.age_years is not None  # `_entailments_met`'s early return reads it
        self.disability, self.beyond_childhood = ctx.disability, catalogue.beyond_childhood(child.age_in_months)  # `effective_disability`
        self.context = {
            "caf": ctx.caf or "unknown",
            "current_rank": ctx.current_level.rank if ctx.current_level else 0,
            "impaired_without_services": bool(ctx.health_development_impaired_without_services),
            # whom p4's judgement is read for where its words ("a child") may not name them (review 10, H3)
            "cin_test_reading": _cin_test_reading(case, catalogue),
            # a young person of 18 or 19: every Protection reason is declared (review 16, M2; rules.needs.declared_for_age)
            "young_adult": catalogue.young_adult(child.unborn, child.age_in_months),
            # whose judgement it is: a caller who is not a professional gives it as theirs (review 13, J3)
            "cin_test_not_professional": ctx.caller in NOT_PROFESSIONAL,
        }

    def __call__(self, indicators: list[Indicator], like: "tuple[list[dict], set[str]] | None" = None) -> list[dict]:
        """The fact for `indicators` as `resolve_indicators` gives them (each once, sorted by id): each list of
        ids is then the chosen ids in a catalogue set, sorted (the answers' order), taken as a set operation.

        `like`: the fact this gives for other indicators of the same case, and the ids chosen in one and not
        the other (a nearby case: a need added or taken away). A part of the fact that reads none of those
        ids (`Prepared`'s sets say what each reads) is that fact's own, not worked out again (issue 17)."""
        case, catalogue, known = self.case, self.catalogue, self.known
        chosen = {i.id for i in indicators}
        immediate = sorted(chosen & known.immediate)
        groups = [{"level": level, "ids": ids} for level, ids in ((level, sorted(chosen & table)) for level, table in known.table_levels) if ids]
        specialist_ids, with_disability_ids = sorted(chosen & known.specialist), sorted(chosen & known.with_disability)
        extensive_ids = sorted(chosen & known.extensive)
        other, differ = like if like is not None else (None, set())
        if other is not None and differ.isdisjoint(known.entailment_reads):
            entailed = other[0]["entailments"]
        elif self.parent_age_given or not chosen.isdisjoint(known.entailing):
            entailed = age_entailment_hits(case, indicators, catalogue)
        else:  # `_entailments_met` returns at once: no entailment (most cases)
            entailed = []
        if other is not None and differ.isdisjoint(known.with_crosswalk) and entailed is other[0]["entailments"]:
            crosswalks = other[0]["crosswalks"]
        elif entailed or not chosen.isdisjoint(known.with_crosswalk):
            crosswalks = crosswalk_hits(case, indicators, catalogue, tuple(entailed))  # each its own reason (rules.evaluate._reasons)
        else:  # `crosswalk_hits` reaches none: no need with a cross-walk, no entailment
            crosswalks = []
        if other is not None and differ.isdisjoint(known.additional_reads):
            additional_count, additional_domains, additional_ids = other[0]["additional_count"], other[0]["additional_domains"], other[0]["additional_ids"]
        else:
            additional = counted_additional(indicators, known.words, known.additional_table)
            additional_count = len(additional)
            additional_domains = len(frozenset().union(*(known.counted_domains[i.id] for i in additional)))
            # the reason names every copy ticked of each need counted (a need in the same words, listed twice)
            additional_ids = sorted({c for i in additional for c in known.same_need[i.id] & chosen})
        # `effective_disability`, the case's part read once
        if self.beyond_childhood:
            disability = "unknown"
        elif self.disability is None and not known.states_disability.isdisjoint(chosen):
            disability = "substantial_lifelong"
        else:
            disability = self.disability or "unknown"
        # `criterion_readings` reads the immediate criteria chosen and the cross-walks met: none, none read
        readings = criterion_readings(immediate, crosswalks, catalogue) if immediate or crosswalks else []
        context = self.context
        return [
            {
                "kind": "case",
                "groups": groups,
                "table_count": len(indicators) - len(immediate),
                "immediate_ids": immediate,
                "immediate_count": len(immediate),
                "crosswalks": crosswalks,
                "crosswalk_count": len(crosswalks),
                "criterion_readings": readings,
                "criterion_reading_count": len(readings),
                "entailments": entailed,
                "entailment_count": len(entailed),
                "specialist_disability_ids": specialist_ids,
                "specialist_disability_count": len(specialist_ids),
                "cin_with_disability_ids": with_disability_ids,
                "cin_with_disability_count": len(with_disability_ids),
                # the same answer the guidance ruleset reads: an indicator that states the disability says it
                "disability": disability,
                "caf": context["caf"],
                "current_rank": context["current_rank"],
                "additional_count": additional_count,
                "additional_domains": additional_domains,
                "additional_ids": additional_ids,
                "extensive_count": len(extensive_ids),
                "extensive_ids": extensive_ids,
                "impaired_without_services": context["impaired_without_services"],
                "cin_test_reading": context["cin_test_reading"],
                "young_adult": context["young_adult"],
                "cin_test_not_professional": context["cin_test_not_professional"],
            }
        ]


def _cin_test_reading(case: Case, catalogue: Catalogue) -> str:
    """'unborn', 'young_adult' or '' (a child: p4's own words), for p4's judgement (catalogue
    interpretations.cin_unlikely_reasonable_standard)."""
    test = catalogue.interpretations.cin_unlikely_reasonable_standard
    reading = test.reading(case.child.unborn, case.child.age_in_months)
    return "" if reading is None else "unborn" if reading is test.unborn else "young_adult"


def twin_notes(indicators: list[Indicator], catalogue: Catalogue) -> list[dict]:
    """One note per twin group touched where the document lists the need elsewhere too: what was
    chosen and the other places, as ids. The words (`twin_note_drawer`) are drawn only by the rule that
    gives them: the decision fact crosses durable-rules' JSON on every firing, so it stays small."""
    known = prepared(catalogue)
    ours: dict[str, set[str]] = {}
    for ind in indicators:
        for group in known.groups_of.get(ind.id, ()):
            ours.setdefault(group, set()).add(ind.id)
    out = []
    for group in sorted(ours):
        note = known.twin_notes.get((group, tuple(sorted(ours[group]))))
        if note:
            out.append({"group": group, "chosen": list(note[0]), "others": list(note[1])})
    return out


def twin_note_drawer(catalogue: Catalogue) -> Callable[[dict], dict]:
    """`draw(note)`: a twin note's source and words (what was chosen, where else the document lists
    the need: catalogue guidance.twins), each indicator's description and each group's link looked
    up once per catalogue."""
    words = catalogue.guidance.twins
    described = {i.id: f"'{i.text}' ({where_listed(i, words)})" for i in catalogue.indicators}
    links = {link.group: link for i in catalogue.indicators for link in catalogue.twins_of(i.id)}

    def describe(ids):
        return "; ".join(dict.fromkeys(described[i] for i in ids))  # twins in the same words and level: named once

    def draw(note: dict) -> dict:
        link = links[note["group"]]
        return {
            "group": note["group"],
            "source": link.source.cite(),
            "text": words.note.format(chosen=describe(note["chosen"]), others=describe(note["others"]), tells_apart=link.tells_apart),
        }

    return draw


def where_listed(ind: Indicator, words) -> str:
    """Where the document lists a need, as the twin notes say it (catalogue `guidance.twins`)."""
    return words.place_immediate if ind.immediate else words.place.format(level=ind.level.label, page=ind.source.page)


def age_pointers(case: Case, indicators: list[Indicator], catalogue: Catalogue, met: set[str]) -> list[str]:
    """Twins at a higher place whose own age band the known age meets (a 15-year-old choosing
    'Pregnant under 17' is pointed to 'Pregnant under 16'; a 6-month-old whose parent's substance
    misuse may affect care, to p9's 'Under 1 year old ...'), whether or not the chosen need has a
    band of its own. An immediate-referral twin is above any table level. A twin a cross-walk already
    meets for this child (`met`, `met_by_crosswalk`) is not pointed to: the decision is already that referral."""
    chosen = {i.id for i in indicators}
    out = set()
    for ind in indicators:
        for link in catalogue.twins_of(ind.id):
            other = link.other
            if other.id in chosen or other.id in met or not other.age_band or (other.level.rank, other.immediate) <= (ind.level.rank, ind.immediate):
                continue
            if _age_meets(case, catalogue, other.age_band):
                out.add(other.id)
    return sorted(out)


def met_by_crosswalk(case: Case, indicators: list[Indicator], catalogue: Catalogue) -> set[str]:
    """The p9 criteria the chosen table needs meet, with this child's age, by a cross-walk (worked out once
    per decision, for the age pointers and the criterion pointers)."""
    return {
        cw.meets
        for ind in indicators
        if not ind.immediate
        for cw in prepared(catalogue).crosswalks[ind.id]
        if not cw.age_band or _age_known_in(case, catalogue, cw.age_band)
    }


def criterion_pointers_for(case: Case, indicators: list[Indicator], catalogue: Catalogue, met: set[str]) -> list[str]:
    """The catalogue's `criterion_pointers` a chosen need names, where the criterion is neither chosen nor
    met by a cross-walk (`met`), and is one the tool admits for this child (review 13, J1)."""
    chosen = {i.id for i in indicators}
    unborn, months = case.child.unborn, case.child.age_in_months
    return [
        p.id
        for p in catalogue.criterion_pointers
        if chosen.intersection(p.indicators)
        and p.points_to not in chosen
        and p.points_to not in met
        and catalogue.admits(catalogue.indicator(p.points_to), unborn, months)
    ]


def criterion_readings(immediate: list[str], crosswalks: list[dict], catalogue: Catalogue) -> list[dict]:
    """The immediate criteria met, chosen or by a cross-walk, whose words the tool reads one way (an
    indicator's `reading`, review 13 J1): each with the chosen needs that reach it."""
    known = prepared(catalogue)
    by: dict[str, list[str]] = {i: [i] for i in immediate if i in known.read_criteria}
    for hit in crosswalks:
        meets = known.crosswalk_meets[hit["id"]]
        if meets in known.read_criteria:
            ids = by.setdefault(meets, [])
            ids.extend(i for i in hit["ids"] if i not in ids)
    return [{"id": iid, "ids": ids} for iid, ids in sorted(by.items())]


def _age_meets(case: Case, catalogue: Catalogue, band_id: str) -> bool:
    """Whether the known age is inside a band: a young parent's band by the parent's age (or the
    child's own), a child's band by the child's age; an age not given meets none."""
    band = catalogue.band(band_id)
    if band.subject != "parent":
        return _age_known_in(case, catalogue, band_id)
    months = subject_age_in_months(case)
    return months is not None and band.contains(months)


def unborn_pointers_for(indicators: list[Indicator], catalogue: Catalogue) -> list[str]:
    """The catalogue's `unborn_pointers` a chosen need names (for a child who is not unborn)."""
    chosen = {i.id for i in indicators}
    return [p.id for p in catalogue.unborn_pointers if chosen.intersection(p.indicators)]


def decision_fact(
    case: Case,
    level: Level,
    immediate: bool,
    out_of_hours: bool,
    indicators: list[Indicator],
    catalogue: Catalogue,
    additional_count: int,
) -> dict:
    """The guidance ruleset's one fact; `additional_count` is the needs fact's (`counted_additional`)."""
    ctx = case.context
    consent = {True: "yes", False: "no", None: "unknown"}[ctx.consent_to_early_help]
    notes = twin_notes(indicators, catalogue)
    met = met_by_crosswalk(case, indicators, catalogue)
    pointers = age_pointers(case, indicators, catalogue, met)
    unknown_age = age_unknown_crosswalks(case, indicators, catalogue)
    unborn_pointers = [] if case.child.unborn else unborn_pointers_for(indicators, catalogue)
    criterion_pointers = criterion_pointers_for(case, indicators, catalogue, met)
    return {
        "kind": "decision",
        "level": level.value,
        "level_rank": level.rank,
        "immediate": immediate,
        "out_of_hours": out_of_hours,
        "consent": consent,
        "disability": route_disability(case, indicators, catalogue),
        "disability_not_routed": disability_not_routed(case, catalogue),
        # how the case says the child is disabled, for the reading below Child in Need (review 17, N6): the
        # route reads `disability` alone, so no road here routes the child differently
        "disabled_road": disabled_road(case, indicators, catalogue),
        "beyond_childhood": catalogue.beyond_childhood(case.child.age_in_months),
        "unborn": case.child.unborn,
        # the section 47 words said for a young person of 18 or 19 (review 16, M2; guidance.s47_assessment_young_adult)
        "young_adult": catalogue.young_adult(case.child.unborn, case.child.age_in_months),
        "large_sibling_group": bool(ctx.large_sibling_group),
        "current_rank": ctx.current_level.rank if ctx.current_level else 0,
        "caf": ctx.caf or "unknown",
        "caller": ctx.caller or "unknown",
        "open_case": catalogue.open_from_current_level.is_open(ctx),
        # an open child whose support now is not given at a social-care level is taken as supported at
        # this level or above (catalogue open_from_current_level.taken_as, a reading; 0: not so taken)
        "open_support_rank": taken.rank if (taken := catalogue.open_from_current_level.support_taken_as(ctx)) else 0,
        "caf_single_need_not_improving": ctx.caf == "open_not_improving" and additional_count == 1 and level is Level.ADDITIONAL,
        "age_unknown_crosswalk_count": len(unknown_age),
        "age_entailment_unknown_count": len(age_entailments_age_unknown(case, indicators, catalogue)),
        "age_entailment_possible": (possible := age_entailments_possible(case, indicators, catalogue)),
        "age_entailment_possible_count": len(possible),
        "age_pointers": pointers,
        "age_pointer_count": len(pointers),
        "unborn_pointers": unborn_pointers,
        "unborn_pointer_count": len(unborn_pointers),
        "criterion_pointers": criterion_pointers,
        "criterion_pointer_count": len(criterion_pointers),
        "twin_notes": notes,
        "twin_count": len(notes),
    }
