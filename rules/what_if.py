"""What would change the level: the nearest changes to a case and the level each gives.

Every effect here is computed by calling `evaluate` on a nearby case (one more need in another
CAF domain, the CAF not improving, a need taken away...), never written by hand, so the list
cannot drift from the rules. Each change says exactly what it adds, removes or sets, so a test
can apply it on its own and check the level it names.

"Higher" and "lower" are read against the support the family has now as well as the level decided
(review 7, F4; catalogue `what_if.support_now`): a change is listed as higher only above both, and a
change that would leave the needs below that support says it does not step the family down by
itself, and how a step down is made (from Child in Need or Protection, a managed process agreed
with the allocated social worker, p5, Appendix 1). An immediate referral lists no change and says,
for this case, how it is reached (review 7, F10).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Optional

from pathway.catalogue import Catalogue, Indicator, SupportNowWords, load_catalogue
from pathway.checks import resolve_indicators
from pathway.choices import NOT_PROFESSIONAL, CafStatus
from pathway.levels import BY_VALUE, LEVELS, Level
from pathway.models import Case, CaseError, Decision
from rules.evaluate import Needs, decide_changes
from rules.facts import age_entailment_hits, crosswalk_hits, prepared, where_listed


@dataclass(frozen=True)
class Change:
    """One nearby case: what differs from the case given, and the level it would get."""

    text: str  # what changes, in words ("One more Additional need in Parents and carers")
    level: Level  # the level the changed case gets
    source: str  # the citation of the reason that sets that level
    interpretation: bool  # that reason, or the change itself (a CAF answer beside consent refused), is this tool's reading
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    context: dict = field(default_factory=dict)
    kind: str = ""  # changes of one kind with one effect are listed once
    # a change below the support the family has now: that it does not step the family down by
    # itself, and how a step down is made (catalogue `what_if.support_now`, with its citation)
    step: Optional[str] = None
    immediate: bool = False  # the changed case is an immediate referral (p9), not only Protection
    # under a Protection decision, a lower line: another reading is professional judgement, recorded
    # as such (catalogue `what_if.protection`, review 7 surfaces F4)
    judgement: Optional[str] = None

    def apply(self, case: Case) -> Case:
        """The case with this change made (what the test applies independently of `nearby`)."""
        indicators = [i for i in case.indicators if i not in self.remove] + [i for i in self.add if i not in case.indicators]
        context = case.context.model_copy(update=self.context) if self.context else case.context  # unchanged: shared (frozen)
        return case.model_copy(update={"indicators": indicators, "context": context})


@dataclass(frozen=True)
class WhatIf:
    up: list[Change]  # changes that would raise the level above the level decided and the support now
    down: list[Change]  # changes that would lower it: what holds the level where it is
    fixed: Optional[str] = None  # why nothing listed can change it (an immediate referral), for this case
    up_heading: str = ""  # what "higher" means here (above the support now where there is one)
    nothing: Optional[str] = None  # said when no change is listed either way
    down_heading: Optional[str] = None  # replaces "What holds the level where it is" (a Protection decision)


def nearby(case: Case, decision: Decision) -> WhatIf:
    """The nearest changes that move this case's level, up and down (a level never depends on the
    clock, so no office hours are needed)."""
    catalogue = load_catalogue()
    if decision.immediate:
        return WhatIf([], [], _fixed(case, catalogue))
    level = Level(decision.level)
    support = _support_now(case, catalogue)
    floor, words = support if support else (0, None)
    current = case.context.current_level

    def level_of(change: Change, d: "Needs | CaseError | None") -> Optional[Change]:
        if d is None or isinstance(d, CaseError):  # the nearby case is refused
            return None
        moved = d.level
        if moved is level:
            return None
        top = next((r for r in d.reasons if BY_VALUE[r["level"]] is moved), None)
        return Change(
            change.text,
            moved,
            top["source"] if top else catalogue.level(moved).source.cite(),
            bool(top and top["interpretation"]) or change.interpretation,  # the change's own reading (a CAF beside a refusal)
            change.add,
            change.remove,
            change.context,
            change.kind,
            immediate=d.immediate,
        )

    candidates = _additions(case, catalogue) + _context_changes(case, catalogue) + _twin_readings(case, catalogue) + _removals(case, catalogue)
    # the level and its reasons alone: exactly evaluate()'s, without the guidance; all at once, each
    # distinct nearby case once (a need ticked in two places reads as its twin from each, the same case)
    distinct: dict[tuple, Change] = {}
    for c in candidates:
        distinct.setdefault(_made(c), c)
    alone = dict(zip(distinct, decide_changes(case, list(distinct.values()), catalogue=catalogue), strict=True))
    decided = [alone[_made(c)] for c in candidates]
    found = [c for c in (level_of(c, d) for c, d in zip(candidates, decided, strict=True)) if c is not None]
    # higher: above the level decided and above the support the family has now
    up = _one_per_effect([c for c in found if c.level.rank > max(level.rank, floor)])
    down = [c for c in found if c.level.rank < level.rank]
    # a need read lower as its twin: that reading is the alternative, not the need taken away
    read_lower = {i for c in down if c.add for i in c.remove}
    down = _one_per_effect([c for c in down if c.add or not set(c.remove) & read_lower])
    label = current.label if current else ""
    taken = {lv.rank: lv.label for lv in LEVELS}.get(floor, "")  # an open child's taken level (open_from_current_level.taken_as)
    heading, nothing = catalogue.what_if.up_heading, catalogue.what_if.nothing
    if words is not None:
        down = [replace(c, step=words.text.format(current=label, taken=taken)) if c.level.rank < floor else c for c in down]
        # "higher" names the support now where it is at or above the level decided (else the level decided is the bar)
        if floor >= level.rank:
            heading, nothing = words.heading.format(current=label, taken=taken), catalogue.what_if.nothing_above_support
    down_heading = None
    if level is Level.PROTECTION:  # not immediate (returned above): "Ring ... now" all the same
        protection = catalogue.what_if.protection
        # a parent, carer or member of the public has no professional judgement or line manager (rules15)
        judgement = protection.not_professional if case.context.caller in NOT_PROFESSIONAL else protection.text
        down = [replace(c, judgement=judgement) for c in down]
        down_heading = protection.heading
    return WhatIf(up, down, None, heading, nothing if not (up or down) else None, down_heading)


def _made(change: Change) -> tuple:
    """What `Change.apply` reads of a change: two changes equal here make the same nearby case."""
    return change.add, change.remove, tuple(sorted(change.context.items()))


def _support_now(case: Case, catalogue: Catalogue) -> Optional[tuple[int, SupportNowWords]]:
    """The rank of the support the family has now, by what the answers say, and the words for a
    change below it (catalogue `what_if.support_now`); None when the answers say none."""
    ctx, words = case.context, catalogue.what_if.support_now
    current = ctx.current_level
    if current is not None and current.rank >= Level.CHILD_IN_NEED.rank:
        return current.rank, words.social_care
    # open, the support not given at a social-care level: the one reading the decision's step reads too
    taken = catalogue.open_from_current_level.support_taken_as(ctx)
    if taken is not None:
        return taken.rank, words.open_level_unknown
    if current is not None and current.rank > Level.UNIVERSAL.rank:
        return current.rank, words.early_help
    if ctx.caf in (CafStatus.OPEN_IMPROVING, CafStatus.OPEN_NOT_IMPROVING):
        return Level.ADDITIONAL.rank, words.caf_open
    return None


def _fixed(case: Case, catalogue: Catalogue) -> str:
    """How this case is an immediate referral, said as it holds for it (review 7, F10): the p9
    indicators chosen; each table need that meets a p9 criterion (at the child's age, where the
    cross-walk has an age band), flagged where that is the tool's reading; each need that, with
    the young person's age, entails one that does. The same helpers the needs ruleset's facts use."""
    words = catalogue.what_if
    indicators = resolve_indicators(case, catalogue)
    said = []
    chosen = [i for i in indicators if i.immediate]
    if chosen:
        said.append(words.immediate.format(texts=_quoted(i.text for i in chosen)))
    entailed = age_entailment_hits(case, indicators, catalogue)
    crosswalks = {cw.id: cw for cw in catalogue.crosswalks}
    by_entailment: dict[str, list[str]] = {e["id"]: [] for e in entailed}  # the criteria each entailment reaches
    for hit in crosswalk_hits(case, indicators, catalogue, tuple(entailed)):
        cw = crosswalks[hit["id"]]
        band = catalogue.band(cw.age_band) if cw.age_band else None
        for_child = "" if band is None else words.immediate_for_unborn if band.unborn == "only" else words.immediate_for_child.format(label=band.label)
        criterion = words.immediate_criterion.format(meets=hit["meets"], for_child=for_child)
        direct = [i for i in hit["ids"] if cw in catalogue.crosswalks_for(catalogue.indicator(i))]
        if direct:
            said.append(
                words.immediate_crosswalk.format(
                    texts=_subject(words, [catalogue.indicator(i).text for i in direct]),
                    criteria=criterion,
                    reading=words.immediate_reading if cw.interpretation else "",
                    rests=words.immediate_rests_on_age if band is not None and band.unborn != "only" else "",
                )
            )
        for e in entailed:
            # reached by these needs, or by the young parent's age alone (an entailment of no need)
            if cw in catalogue.crosswalks_for(catalogue.indicator(e["adds"])) and (set(e["ids"]) & set(hit["ids"]) or not e["ids"]):
                by_entailment[e["id"]].append(criterion)
    for e in entailed:
        if by_entailment[e["id"]]:
            adds = catalogue.indicator(e["adds"])
            said.append(
                words.immediate_entailment.format(
                    texts=_subject(words, [catalogue.indicator(i).text for i in e["ids"]]) if e["ids"] else words.immediate_parent_age,
                    age=e["age"],
                    adds=adds.text,
                    level=adds.level.label,
                    page=adds.source.page,
                    criteria=" and ".join(by_entailment[e["id"]]),
                )
            )
    return " ".join(said) or words.immediate_other


def _quoted(texts) -> str:
    return "; ".join(f"‘{t}’" for t in texts)


def _subject(words, texts: list[str]) -> str:
    """The needs a sentence is about: one quoted, or "Each of" several."""
    return _quoted(texts) if len(texts) == 1 else words.immediate_each.format(texts=_quoted(texts))


def _one_per_effect(changes: list[Change]) -> list[Change]:
    """Keep the first change for each (kind of change, level): the list stays short."""
    seen, out = set(), []
    for c in changes:
        kind = (c.kind or c.text, c.level)
        if kind not in seen:
            seen.add(kind)
            out.append(c)
    return sorted(out, key=lambda c: c.level.rank)


class _Prepared:
    """The what-if list's catalogue work, done once per catalogue instead of on every list (issue 17):
    which needs can stand for "one more need" in each level and domain (the catalogue half of the
    test, `plain`; whether the case has it and the child's age admits it are asked per case), the
    words of each such addition, of every twin reading and of every removal. Catalogue data only."""

    def __init__(self, catalogue: Catalogue):
        words, places = catalogue.what_if, catalogue.guidance.twins
        self.domains = {d.id: d.name for d in catalogue.domains}
        self.domain_index = {d: k for k, d in enumerate(self.domains)}  # list(domains).index(d)
        cin_disability = catalogue.interpretations.cin_disability
        special = {*cin_disability.indicators, *cin_disability.with_substantial_lifelong_disability}
        entailing = {i for e in catalogue.age_entailments for i in e.indicators}
        # A need that stands for "one more need at this level": no twins, no disability reading
        # (`special`: the catalogue's needs the Child in Need disability rules read), no cross-walk to p9
        # and no age entailment, whose effect is its own and not any need's at the level (review 7: for
        # a child of 8, 'Teenage parents with concerns' entails under 13, so "An Extensive need in Parents
        # and carers" would have read as Protection). In the catalogue's order, for each level and domain.
        self.plain: dict[tuple[Level, str], tuple[Indicator, ...]] = {
            (level, domain): tuple(
                i
                for i in catalogue.indicators
                if i.level is level
                and i.domain == domain
                and not i.immediate
                and not i.same_words_as
                and i.id not in special
                and not catalogue.crosswalks_for(i)
                and i.id not in entailing
            )
            for level in _ADDED_LEVELS
            for domain in self.domains
        }
        # (level, domain, need, which words) -> the addition's words: a new level, a further domain, the same domain
        self.added: dict[tuple[Level, str, str, str], str] = {}
        for (level, domain), picks in self.plain.items():
            for pick in picks:
                said = {
                    "level": level.label,
                    "domain": self.domains[domain],
                    "example": words.example.format(text=pick.text),
                    "article": "An" if level.label[0] in "AEIOU" else "A",
                }
                for kind, template in (("new", words.new_level), ("other domain", words.further_domain), ("same domain", words.same_domain)):
                    self.added[level, domain, pick.id, kind] = template.format(**said)
        # (the need chosen, its twin) -> "Read as ... instead of ..."
        self.twin_text = {
            (ind.id, link.other.id): words.twin.format(
                text=link.other.text, place=where_listed(link.other, places), was=ind.text, was_place=where_listed(ind, places)
            )
            for ind in catalogue.indicators
            for link in catalogue.twins_of(ind.id)
        }
        self.without = {i.id: words.without.format(text=i.text, level=i.level.label) for i in catalogue.indicators}


_ADDED_LEVELS = (Level.ADDITIONAL, Level.EXTENSIVE)


def _prepared(catalogue: Catalogue) -> _Prepared:
    return catalogue.derived("_what_if_prepared", lambda: _Prepared(catalogue))


def _additions(case: Case, catalogue: Catalogue) -> list[Change]:
    chosen = [catalogue.indicator(i) for i in case.indicators if catalogue.has_indicator(i)]
    ready = _prepared(catalogue)
    given, unborn, months = set(case.indicators), case.child.unborn, case.child.age_in_months
    # a need listed twice in the same words counts in each domain it is listed under (combination rule)
    counted = prepared(catalogue).counted_domains
    out = []
    for level in _ADDED_LEVELS:
        have = {d for i in chosen if i.level is level and not i.immediate for d in counted[i.id]}
        # a domain without a need at this level first: that is what the combination rule counts
        order = sorted(ready.domains, key=lambda d: (d in have, ready.domain_index[d]))
        for domain in order:
            pick = next((i for i in ready.plain[level, domain] if i.id not in given and catalogue.admits(i, unborn, months)), None)
            if pick:
                if not have:
                    text, kind = ready.added[level, domain, pick.id, "new"], f"new {level}"
                elif domain not in have:
                    text, kind = ready.added[level, domain, pick.id, "other domain"], f"other domain {level}"
                else:
                    text, kind = ready.added[level, domain, pick.id, "same domain"], f"same domain {level}"
                out.append(Change(text, level, "", False, add=(pick.id,), kind=kind))
    return out


def _context_changes(case: Case, catalogue: Catalogue) -> list[Change]:
    ctx = case.context
    words = catalogue.what_if
    out = []
    # consent to early help refused with no CAF open: no CAF to open (p7: consent is gained through the CAF
    # process; review 10, H5); p4's judgement below stays, p7's own route being a referral. A CAF said to be
    # open beside the refusal is read as given, by the level (guidance context.consent_refused_caf_open, a
    # declared reading) and so here too: its own lines stay, flagged as that reading, or the list would hide
    # what the CAF answer does to the level (review 22, N11: "no single change" beside a failing CAF)
    refused = ctx.consent_to_early_help is False
    if not refused or ctx.caf in (CafStatus.OPEN_IMPROVING, CafStatus.OPEN_NOT_IMPROVING):
        if ctx.caf != CafStatus.OPEN_NOT_IMPROVING:
            out.append(Change(words.caf_not_improving, Level.UNIVERSAL, "", refused, context={"caf": "open_not_improving"}))
        else:
            out.append(Change(words.caf_improving, Level.UNIVERSAL, "", refused, context={"caf": "open_improving"}))
    if ctx.disability != "substantial_lifelong":
        out.append(Change(words.substantial_disability, Level.UNIVERSAL, "", False, context={"disability": "substantial_lifelong"}))
    # p4's judgement, given or withdrawn (review 9, G3: a Child in Need level resting on it listed no change)
    # a caller who is not a professional: the judgement is theirs, and Children's Social Care decides (review 13, J3)
    theirs = ctx.caller in NOT_PROFESSIONAL
    if ctx.health_development_impaired_without_services:
        text = words.without_judgement_not_professional if theirs else words.without_judgement
        out.append(Change(text, Level.UNIVERSAL, "", False, context={"health_development_impaired_without_services": None}))
    else:
        text = words.judgement_not_professional if theirs else words.judgement
        out.append(Change(text, Level.UNIVERSAL, "", False, context={"health_development_impaired_without_services": True}))
    return out


def _twin_readings(case: Case, catalogue: Catalogue) -> list[Change]:
    """Each chosen need read as each of its twins instead (the same need the document lists in another
    place, catalogue `twins`), where the child can have it: swapped and decided like every other change."""
    same_need, texts = prepared(catalogue).same_need, _prepared(catalogue).twin_text
    chosen = set(case.indicators)
    out = []
    for iid in dict.fromkeys(case.indicators):  # an answer given twice: its readings once (the same cases)
        if not catalogue.has_indicator(iid) or catalogue.indicator(iid).immediate:
            continue
        seen: set[str] = set()
        copies = tuple(sorted(same_need[iid] & chosen))  # the need, every box of it ticked (review 8, F3)
        for link in catalogue.twins_of(iid):
            twin = link.other
            # a copy in the same words at the same level is the same need, not another reading of it
            if twin.id in chosen or twin.id in seen or twin.id in same_need[iid]:
                continue
            if not catalogue.admits(twin, case.child.unborn, case.child.age_in_months, case.parent.age_in_months):
                continue
            seen.add(twin.id)
            out.append(Change(texts[iid, twin.id], Level.UNIVERSAL, "", False, add=(twin.id,), remove=copies))
    return out


def _removals(case: Case, catalogue: Catalogue) -> list[Change]:
    """Each need taken away: a need the document lists twice in the same words goes with every box of
    it ticked (one need, review 8, F3), listed once."""
    same_need, chosen, without = prepared(catalogue).same_need, set(case.indicators), _prepared(catalogue).without
    needs = dict.fromkeys(tuple(sorted(same_need[i] & chosen)) for i in case.indicators if catalogue.has_indicator(i) and not catalogue.indicator(i).immediate)
    return [Change(without[ids[0]], Level.UNIVERSAL, "", False, remove=ids) for ids in needs]
