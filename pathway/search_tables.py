"""The call screen's YAML tables (the synonyms file's readings: `not_now`, `locked_in`, `harm_to_child`, `offender`, ...):
one checker that refuses a table not as its reader reads it, and one reader of its words, phrases and rows (tidy20).

Each table's check is its spec, said as data to `check_table` (its shape, its lists of words, its whole numbers,
its rows and what they `must` be: an immediate criterion, a row below Protection...; tidy21). The readers
(pathway.search's `_not_now`, `_harm_to_child`...) read a checked table with one `TableReader`: words normalised,
phrases as tuples of words, rows as numbers. Neither knows what a reading does with its table."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple, Optional

from pathway.catalogue import Catalogue, Indicator
from pathway.levels import Level


class SearchDataError(ValueError):
    """The synonyms file names something the catalogue does not have, or is malformed."""


CHILD_DEVELOPMENT = "child_development"  # the catalogue's domain for the child's own health and development

Normalise = Callable[[str], str]


def flat(listed: Iterable[Any]) -> list[str]:
    """A word list of the synonyms file, a list inside it (a shared list, by a YAML alias) read as its words."""
    return [w for item in listed for w in (item if isinstance(item, list) else [item])]


# ---------------------------------------------------------------- reading a checked table


class TableReader(NamedTuple):
    """Reads a checked table's lists: words normalised (a set), phrases as tuples of normalised words, rows as
    the catalogue's numbers. A list left out (None) reads as empty."""

    normalise: Normalise
    number_of: Callable[[str], int]

    def words(self, listed: Optional[Iterable[str]]) -> frozenset[str]:
        return frozenset(self.words_in_order(listed))

    def words_in_order(self, listed: Optional[Iterable[str]]) -> tuple[str, ...]:
        return tuple(self.normalise(" ".join(listed or [])).split())

    def phrases(self, listed: Optional[Iterable[str]], *, empty: bool = False) -> tuple[tuple[str, ...], ...]:
        """Each phrase's words; a phrase normalise leaves nothing of is dropped, or kept as () with `empty`."""
        said = (tuple(self.normalise(p).split()) for p in listed or [])
        return tuple(p for p in said if p or empty)

    def rows(self, listed: Optional[Iterable[str]]) -> frozenset[int]:
        return frozenset(self.ordered_rows(listed))

    def ordered_rows(self, listed: Optional[Iterable[str]]) -> tuple[int, ...]:
        return tuple(self.number_of(i) for i in listed or [])

    def row(self, indicator: Optional[str]) -> Optional[int]:
        """One row's number; None where none is named."""
        return self.number_of(indicator) if indicator else None


# ---------------------------------------------------------------- checking a table


def strings(value: Any, said: Callable[[str], Any] = str.strip) -> bool:
    """A list (maybe empty) of strings each saying something: not blank (or what `said` finds a word in)."""
    return isinstance(value, list) and all(isinstance(v, str) and said(v) for v in value)


def word_lists(values: Iterable[Any], said: Callable[[str], Any] = str.strip) -> bool:
    """Each a non-empty list of strings each saying something (strings)."""
    return all(isinstance(v, list) and v and strings(v, said) for v in values)


def single_word(value: Any, normalise: Optional[Normalise]) -> bool:
    """A string that is one word once normalised."""
    return isinstance(value, str) and normalise is not None and len(normalise(value).split()) == 1


def whole(value: Any, low: int, high: Optional[int] = None) -> bool:
    """A whole number (never a bool) from low (to high)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= low and (high is None or value <= high)


def _pick(node: Any, path: str) -> list[Any]:
    """The values at a dotted path: "doers.reach"; "*" is each item of a list or value of a mapping, "~" each key of
    a mapping; "a|b" is a's value then b's; "." is the table itself."""
    found = [node]
    for step in (s for s in path.split(".") if s):
        if step == "*":
            found = [item for value in found for item in (value.values() if isinstance(value, dict) else value)]
        elif step == "~":
            found = [key for value in found for key in value]
        else:
            found = [value[key] for value in found for key in step.split("|")]
    return found


def immediate(catalogue: Catalogue, row: Indicator) -> bool:
    """An immediate criterion (p9)."""
    return row.immediate


def not_immediate(catalogue: Catalogue, row: Indicator) -> bool:
    """No immediate criterion (p9)."""
    return not row.immediate


def below_protection(catalogue: Catalogue, row: Indicator) -> bool:
    """Neither an immediate criterion (p9) nor a Protection need."""
    return not row.immediate and row.level is not Level.PROTECTION


def universal_unborn(catalogue: Catalogue, row: Indicator) -> bool:
    """A Universal row an unborn baby admits."""
    return row.level is Level.UNIVERSAL and catalogue.admits(row, True, None)


def no_protection_need(catalogue: Catalogue, row: Indicator) -> bool:
    """No Protection need below p9 (an immediate criterion or a row below Protection)."""
    return row.immediate or row.level is not Level.PROTECTION


class Must(NamedTuple):
    """What every row at `paths` must be (`test`: immediate, not_immediate, below_protection...), or the table is
    refused with `message`; "{}" in it is what fails: the one row as given where the paths name one, else the list."""

    paths: tuple[str, ...]
    test: Callable[[Catalogue, Indicator], bool]
    message: str


def check_table(
    catalogue: Catalogue,
    name: str,
    data: Any,
    *,
    shape: str,
    keys: Optional[set[str]] = None,
    kind: type[Any] = dict,
    nested: Mapping[str, set[str]] = {},
    items: Mapping[str, set[str]] = {},
    lists: Sequence[str] = (),
    names: Sequence[str] = (),
    normalise: Optional[Normalise] = None,
    normalised: bool = False,
    lists_message: str = "",
    one_word: Sequence[str] = (),
    one_word_message: str = "",
    numbers: Mapping[str, tuple[int, Optional[int]]] = {},
    numbers_message: str = "",
    patterns: Sequence[str] = (),
    rows: Sequence[str] = (),
    single: Sequence[str] = (),
    unknown_message: str = "",
    must: Sequence[Must] = (),
) -> None:
    """Refuse a table that is not as its reader reads it, in this order:
    - `shape`: the table is not a `kind` (a mapping; of exactly `keys` where given), a `nested` part not a mapping
      of exactly its keys, or an `items` part not a non-empty list of mappings of exactly its keys;
    - `lists_message` (by default "NAME's lists must be non-empty lists of words"): a `lists` path does not hold a
      non-empty list of words, or a `names` path a string (where it is no row's id, which the catalogue checks: not
      empty, or `normalised` a word); a word is a non-blank string or, `normalised`, one in which `normalise` finds a word;
    - `one_word_message`: a `one_word` path does not hold a list (maybe empty) of strings each one word normalised;
    - `numbers` (path: lowest, highest or None): not a whole number in range; `numbers_message` for all at once,
      else "NAME.PATH must be a whole number of words, LOW or more" for the first that is not;
    - "NAME.PATH is not a regular expression: ...": a `patterns` path's string does not compile;
    - `unknown_message` (by default "NAME names unknown indicators: [...]", or "NAME names an unknown indicator:
      'ID'" where the table names one): the ids `rows` (paths of lists of ids; of one id where the path is among
      `names` or `single`) name that the catalogue does not have;
    - each of `must`, in order: a row at its paths that fails its test.
    Paths are dotted ("doers.reach"); "*" is each item of a list or value of a mapping, "~" each key of a mapping,
    "a|b" a's value then b's, "." the table itself (_pick). "{}" in `shape` and `lists_message` is the table as given.
    A table left out (None) is not checked: its reader reads none."""

    def said(text: str) -> Any:
        return normalise(text).split() if normalised and normalise else text.strip()

    def one(paths: Sequence[str]) -> bool:
        return len(paths) == 1 and paths[0] in (*names, *single) and not {"*", "~"} & set(paths[0].split("."))

    def ids(paths: Sequence[str]) -> list[Any]:
        return [i for path in paths for value in _pick(data, path) for i in ([value] if path in (*names, *single) else value)]

    if data is None:
        return
    if (
        not isinstance(data, kind)
        or (keys is not None and set(data) != keys)
        or not all(isinstance(data[k], dict) and set(data[k]) == ks for k, ks in nested.items())
        or not all(isinstance(data[k], list) and data[k] and all(isinstance(i, dict) and set(i) == ks for i in data[k]) for k, ks in items.items())
    ):
        raise SearchDataError(shape.replace("{}", repr(data)))
    if not word_lists((v for path in lists for v in _pick(data, path)), said) or not all(
        isinstance(v, str) and (path in rows or bool(said(v) if normalised else v)) for path in names for v in _pick(data, path)
    ):
        possessive = f"{name}'" if name.endswith("s") else f"{name}'s"
        raise SearchDataError((lists_message or f"{possessive} lists must be non-empty lists of words").replace("{}", repr(data)))
    if one_word and not all(isinstance(v, list) and all(single_word(w, normalise) for w in v) for path in one_word for v in _pick(data, path)):
        raise SearchDataError(one_word_message)
    if numbers_message and not all(whole(v, low, high) for path, (low, high) in numbers.items() for v in _pick(data, path)):
        raise SearchDataError(numbers_message)
    for path, (low, high) in numbers.items():
        if not all(whole(v, low, high) for v in _pick(data, path)):
            raise SearchDataError(f"{name}.{path} must be a whole number of words, {low} or more")
    for path in patterns:
        for value in _pick(data, path):
            try:
                re.compile(value)
            except re.error as err:
                raise SearchDataError(f"{name}.{path} is not a regular expression: {err}") from err
    unknown = [i for i in ids(rows) if not isinstance(i, str) or not catalogue.has_indicator(i)]
    if unknown:
        found = repr(unknown[0]) if one(rows) else str(unknown)
        raise SearchDataError((unknown_message or f"{name} names {'an unknown indicator' if one(rows) else 'unknown indicators'}: {{}}").replace("{}", found))
    for rule in must:
        failing = [i for i in ids(rule.paths) if not rule.test(catalogue, catalogue.indicator(i))]
        if failing:
            raise SearchDataError(rule.message.replace("{}", repr(failing[0]) if one(rule.paths) else str(failing)))


# ---------------------------------------------------------------- the tables


HARM_TO_CHILD_KEYS = frozenset(
    {"acts", "partners", "doer_reach", "reach", "witnessed", "between", "leads", "carried_after", "carried_between"}
    | {"neck_acts", "necks", "neck_reach", "out_acts", "out_between", "out_carried", "out_not_carried"}
    | {"phrasal", "phrasal_after", "phrasal_not_before", "hold_acts", "holds", "pin_acts", "pinned_to", "hold_next", "hold_reach"}  # fix30a
    | {"head_acts", "heads", "head_against", "head_forced"}  # fix31a
    | {"own_objects", "adult_objects", "thing_objects", "object_before", "violent_words", "violent_to", "violent_leads"}  # fix33c
    | {"speaker_reasons", "speaker_faults"}  # fix34a
    | {"carer_act_after", "carer_pushes", "carer_pushed_to"}  # fix35d
    | {"fault_acts", "fault_bodies", "fault_reasons"}  # fix37b
)
NOT_NOW_KEYS = {
    "ended": ({"opens", "marks", "when", "young", "present", "bounds", "own_past", "opens_not_after"}, {"kept"}),
    "victim": ({"words", "passive", "between", "nouns", "suffered", "childhood"}, {"rows"}),
    "placed": ({"determiners", "children", "preps", "relations", "always", "verbs"}, set()),
    "ended_by": ({"verbs", "follows", "out_of", "frames", "changes"}, {"kept"}),
    "disproved": ({"findings"}, set()),
}
OVERRULED_KEYS = {
    "never": {"words", "bridges", "verbs", "ends"},
    "ordinary": {"rows", "leads", "drinks", "small", "seldom", "significant", "drugs"},
    "past": {"marks", "times", "now", "present"},
    "disproves": {"reidentify", "allegation", "findings"},
}


def check_stated(catalogue: Catalogue, stated: Any) -> list[tuple[str, Any]]:
    """The synonyms file's `stated` (search17p): `concept` maps age-banded immediate criteria to their concern's words,
    `in_full` maps immediate criteria to their parts (lists of words; a list inside one is read as its words), `doubt`
    lists the words that keep any from being stated. Gives
    each word list, by name, for the check that every list is of non-empty strings."""
    concept, in_full = (stated.get(k) or {} for k in ("concept", "in_full")) if isinstance(stated, dict) else (None, None)

    def p9(i: Any, banded: bool = False) -> bool:
        return isinstance(i, str) and catalogue.has_indicator(i) and catalogue.indicator(i).immediate and (not banded or bool(catalogue.indicator(i).age_band))

    if (
        not isinstance(stated, dict)
        or set(stated) - {"concept", "in_full", "doubt"}
        or not isinstance(concept, dict)
        or not isinstance(in_full, dict)
        or not all(p9(i, banded=True) and isinstance(ws, list) for i, ws in concept.items())
        or not all(p9(i) and isinstance(parts, list) and parts and all(isinstance(p, list) for p in parts) for i, parts in in_full.items())
    ):
        raise SearchDataError(
            "stated must be a mapping with 'concept' (age-banded immediate criteria to their words) and 'in_full' (immediate criteria to lists of"
            f" their parts' words): {stated!r}"
        )
    return [("stated.doubt", stated.get("doubt") or []), *((f"stated.concept.{i}", flat(ws)) for i, ws in concept.items())] + [
        (f"stated.in_full.{i}", flat(part)) for i, parts in in_full.items() for part in parts
    ]


def check_harmless(harmless: Any) -> None:
    """Each of `harmless` is what a caller said (`q`) with the child's age in months or `unborn: true` at most."""
    if not isinstance(harmless, list):
        raise SearchDataError("harmless must be a list of calls")
    for h in harmless:
        if (
            not isinstance(h, dict)
            or set(h) - {"q", "age_in_months", "unborn"}
            or not isinstance(h.get("q"), str)
            or not h["q"].strip()
            or ("age_in_months" in h and (type(h["age_in_months"]) is not int or h["age_in_months"] < 0))
            or ("unborn" in h and (h["unborn"] is not True or "age_in_months" in h))
        ):
            raise SearchDataError(f"a harmless call is {{q: words, age_in_months: N}} or {{q: words, unborn: true}}, not {h!r}")


def check_locked_in(catalogue: Catalogue, data: Any) -> None:
    """`locked_in` (fix18b) is a mapping of `words` and `places` (word lists), `rows` and `leads` (immediate criteria)."""
    if data is None:
        return
    if not isinstance(data, dict) or set(data) - {"words", "places", "rows", "leads"}:
        raise SearchDataError("locked_in must be a mapping with words, places, rows and leads")
    for key in ("words", "places", "rows", "leads"):
        if not strings(data.get(key) or []):
            raise SearchDataError(f"locked_in.{key} must be a list of non-empty strings")
    for key in ("rows", "leads"):
        if not all(catalogue.has_indicator(i) for i in data.get(key) or []):
            raise SearchDataError(f"locked_in.{key} names unknown indicators: {data.get(key)!r}")
    if not all(catalogue.indicator(i).immediate for i in data.get("leads") or []):
        raise SearchDataError(f"locked_in.leads must be immediate criteria: {data.get('leads')!r}")


def check_of_this_child(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """`of_this_child` (search19p): `rows` maps immediate criteria (p9) to phrases; `subjects`, `determiners`, `between`
    and `not_after` are lists of words or phrases."""
    if data is None:
        return
    keys = {"rows", "subjects", "determiners", "between", "not_after"}
    rows = data.get("rows") if isinstance(data, dict) else None
    by_noun = data.get("by_noun", {}) if isinstance(data, dict) else None  # fix28a: optional, shaped as `rows`
    if (
        not isinstance(data, dict)
        or set(data) - {"by_noun"} != keys
        or not isinstance(rows, dict)
        or not rows
        or not isinstance(by_noun, dict)
        or not all(isinstance(i, str) and catalogue.has_indicator(i) and catalogue.indicator(i).immediate for i in [*rows, *by_noun])
        or not all(
            isinstance(v, list) and v and all(isinstance(w, str) and normalise(w).split() for w in v)
            for v in [*rows.values(), *by_noun.values(), *(data[k] for k in keys - {"rows"})]
        )
    ):
        raise SearchDataError(
            "of_this_child must be a mapping of 'rows' (immediate criteria to phrases), 'subjects', 'determiners', 'between' and 'not_after'"
            " (and may map 'by_noun', as 'rows')"
            f" (lists of words): {data!r}"
        )


def check_not_now(catalogue: Catalogue, data: Any) -> None:
    """`not_now` is a mapping of `ended`, `victim` and `placed`, each a mapping of word lists (NOT_NOW_KEYS) and lists of
    known indicators; `victim.abuser_leads` an immediate criterion; `victim.rows` never a carer's own row."""
    if data is None:
        return
    if not isinstance(data, dict) or set(data) - set(NOT_NOW_KEYS):
        raise SearchDataError(f"not_now must be a mapping with {', '.join(NOT_NOW_KEYS)}")
    for part, (lists, rows) in NOT_NOW_KEYS.items():
        given = data.get(part) or {}
        allowed = lists | rows | ({"abuser_leads"} if part == "victim" else set())
        if not isinstance(given, dict) or set(given) - allowed:
            raise SearchDataError(f"not_now.{part} must be a mapping with {', '.join(sorted(allowed))}")
        for key in lists | rows:
            value = given.get(key) or []
            if not strings(value):
                raise SearchDataError(f"not_now.{part}.{key} must be a list of non-empty strings")
            if key in rows and not all(catalogue.has_indicator(i) for i in value):
                raise SearchDataError(f"not_now.{part}.{key} names unknown indicators: {value!r}")
    victim = data.get("victim") or {}
    leads = victim.get("abuser_leads")
    if leads is not None and not (isinstance(leads, str) and catalogue.has_indicator(leads) and catalogue.indicator(leads).immediate):
        raise SearchDataError(f"not_now.victim.abuser_leads must be an immediate criterion: {leads!r}")
    if any(catalogue.indicator(i).domain not in (None, CHILD_DEVELOPMENT) for i in victim.get("rows") or []):
        raise SearchDataError(f"not_now.victim.rows are the child's own rows or p9's, never a carer's: {victim.get('rows')!r}")


def check_harm_to_child(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `harm_to_child` that is not as _harm_to_child reads it (fix19a)."""
    check_table(
        catalogue,
        "harm_to_child",
        data,
        keys=set(HARM_TO_CHILD_KEYS),
        shape=(
            "harm_to_child must map 'acts', 'partners', 'doer_reach', 'reach', 'witnessed', 'between', 'leads', 'carried_after',"
            " 'carried_between', 'neck_acts', 'necks', 'neck_reach', 'out_acts', 'out_between', 'out_carried', 'out_not_carried',"
            " 'phrasal', 'phrasal_after', 'phrasal_not_before', 'hold_acts', 'holds', 'pin_acts', 'pinned_to', 'hold_next', 'hold_reach',"
            " 'head_acts', 'heads', 'head_against', 'head_forced', 'own_objects', 'adult_objects', 'thing_objects', 'object_before',"
            " 'violent_words', 'violent_to', 'violent_leads', 'speaker_reasons', 'speaker_faults', 'carer_act_after', 'carer_pushes',"
            " 'carer_pushed_to', 'fault_acts', 'fault_bodies' and 'fault_reasons'"
        ),
        lists=(
            *("acts", "partners", "witnessed", "between", "leads", "carried_after", "carried_between", "neck_acts", "necks"),
            *("out_acts", "out_between", "out_not_carried"),
            *("phrasal", "phrasal_after", "phrasal_not_before", "hold_acts", "holds", "pin_acts", "pinned_to", "hold_next"),
            *("head_acts", "heads", "head_against", "head_forced"),
            *("own_objects", "adult_objects", "thing_objects", "object_before", "violent_words", "violent_to", "violent_leads"),
            *("speaker_reasons", "speaker_faults", "carer_act_after", "carer_pushes", "carer_pushed_to"),
            *("fault_acts", "fault_bodies", "fault_reasons"),
        ),
        numbers={"doer_reach": (1, None), "reach": (1, None), "neck_reach": (1, None), "out_carried": (1, None), "hold_reach": (1, None)},
        numbers_message="harm_to_child's doer_reach, reach, neck_reach, out_carried and hold_reach must be whole numbers of words, 1 or more",
        rows=("between", "leads", "violent_leads"),
        must=[
            Must(("leads",), immediate, "harm_to_child's leads must be immediate criteria (p9)"),
            Must(("violent_leads",), immediate, "harm_to_child's violent_leads must be immediate criteria (p9)"),  # fix33c
        ],
    )


def check_offender(catalogue: Catalogue, data: Any) -> None:
    """Refuse an `offender` that is not as _offender reads it (fix19a)."""
    check_table(
        catalogue,
        "offender",
        data,
        keys={"subjects", "object_starts", "between", "passive", "reach", "kinds"},
        items={"kinds": {"acts", "not_first", "leads"}},
        shape="offender must map 'subjects', 'object_starts', 'between', 'passive', 'reach' and 'kinds' (each with acts, not_first, leads)",
        lists=("subjects", "object_starts", "between", "passive", "kinds.*.acts|not_first|leads"),
        numbers={"reach": (1, None)},
        rows=("kinds.*.not_first|leads",),
    )


def check_service_roles(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse a `service_roles` that is not as _service_roles reads it (fix19c)."""
    check_table(
        catalogue,
        "service_roles",
        data,
        keys={"endings", "not", "modifiers", "own_rows", "tellers", "teller_between"},
        shape="service_roles must map 'endings', 'not', 'modifiers', 'own_rows', 'tellers' and 'teller_between'",
        lists=("endings", "not", "own_rows", "tellers", "teller_between"),
        normalise=normalise,
        one_word=("endings", "not", "tellers", "teller_between"),
        one_word_message="service_roles' endings, 'not', 'tellers' and 'teller_between' must be single words",
        numbers={"modifiers": (0, None)},
        rows=("own_rows",),
    )


def check_disclosed_own_acts(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `disclosed_own_acts` that is not as _disclosed_own_acts reads it (fix19c)."""
    check_table(
        catalogue,
        "disclosed_own_acts",
        data,
        keys={"row", "verbs", "acts", "leads"},
        shape="disclosed_own_acts must map 'row', 'verbs', 'acts' and 'leads'",
        names=("row",),
        lists=("verbs", "acts", "leads"),
        lists_message="disclosed_own_acts' row must be an indicator and its lists non-empty lists of words",
        rows=("row", "leads"),
        must=[Must(("row",), immediate, "disclosed_own_acts.row must be an immediate criterion (p9)")],
    )


CARER_THREAT_MAY = ("with_child", "alone_with", "telling")  # keys carer_threat may map (fix28a, fix30c)


def check_carer_threat(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `carer_threat` that is not as _carer_threat reads it (fix19d)."""
    check_table(
        catalogue,
        "carer_threat",
        data,
        keys={"acts", "threats", "reach", "child", "offers"} | ({k for k in CARER_THREAT_MAY if k in data} if isinstance(data, dict) else set()),
        shape="carer_threat must map 'acts', 'threats', 'reach', 'child' and 'offers' (and may map 'with_child', 'alone_with' and 'telling')",
        lists=("acts", "threats", "child", "offers") + tuple(k for k in ("alone_with", "telling") if isinstance(data, dict) and k in data),
        numbers={"reach": (1, None)},
        rows=("child", "offers"),
        must=[Must(("offers",), not_immediate, "carer_threat.offers must be no immediate criterion (p9): it moves none up")],
    )
    check_table(  # fix28a (review 27 Q2): a carer's act of killing self that takes a child with it
        catalogue,
        "carer_threat.with_child",
        data.get("with_child") if isinstance(data, dict) else None,
        keys=set(WITH_CHILD_LISTS) | {"reach", "leads"},
        shape="carer_threat.with_child must map " + ", ".join(f"'{k}'" for k in sorted([*WITH_CHILD_LISTS, "reach", "leads"])),
        lists=WITH_CHILD_LISTS,
        numbers={"reach": (1, None)},
        names=("leads",),
        rows=("leads",),
        must=[Must(("leads",), immediate, "carer_threat.with_child.leads must be an immediate criterion (p9)")],
    )


WITH_CHILD_LISTS: tuple[str, ...] = ("acts", "placed", "places", "taken", "gone", "having", "not_mine", "said", "children")
WITH_CHILD_LISTS += ("ends", "ends_not_before", "along", "going")  # fix30a


OLDER_PARTNER_KEYS = {
    "partners",
    "parents",
    "owners",
    "older",
    "relationship",
    "numbers",
    "under",
    "adult_from",
    "reach",
    "offers",
    "age_alone_before",
    "states_contact",
}


BANDED_KEYS = {"said", "expecting", "expecting_not_before", "denies", "others", "others_reach", "from", "under"}  # fix28b
BANDED_KEYS |= {"carrying", "carrying_owners", "carried", "carrying_not_before"}  # fix30a


def check_pregnant_young(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `pregnant_young` that is not as _pregnant_young reads it (fix19d; `banded` fix28b)."""
    check_table(
        catalogue,
        "pregnant_young",
        data,
        keys={"words", "rows", "leads", "under", "said_after", "older_partner", "banded"},
        nested={"older_partner": OLDER_PARTNER_KEYS, "banded": BANDED_KEYS},
        shape="pregnant_young must map 'words', 'rows', 'leads', 'under', 'said_after', 'older_partner' ("
        + ", ".join(sorted(OLDER_PARTNER_KEYS))
        + ") and 'banded' ("
        + ", ".join(sorted(BANDED_KEYS))
        + ")",
        lists=(
            "words",
            "rows",
            "said_after",
            "older_partner.partners|parents|owners|older|relationship|numbers|age_alone_before",
            "banded.said|expecting|expecting_not_before|denies|others|carrying|carrying_owners|carried|carrying_not_before",
        ),
        numbers={
            "under": (1, 18),
            "older_partner.under": (1, 18),
            "older_partner.adult_from": (1, 99),
            "older_partner.reach": (1, None),
            "banded.under.*": (1, 18),
            "banded.from": (1, 18),
            "banded.others_reach": (1, None),
        },
        numbers_message="pregnant_young.under, older_partner.under, banded.from and banded.under's ages must be ages in whole years, 1 to 18; "
        "older_partner.adult_from 1 to 99; older_partner.reach and banded.others_reach a word or more",
        rows=("rows", "leads", "older_partner.offers", "older_partner.states_contact", "banded.under.~"),
        single=("leads", "banded.under.~"),
        must=[
            Must(("rows", "leads", "banded.under.~"), not_immediate, "pregnant_young moves no immediate criterion (p9)"),
            Must(("older_partner.offers",), immediate, "pregnant_young.older_partner.offers must be immediate criteria (p9)"),
        ],
    )


def check_not_the_child(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `not_the_child` that is not as _not_the_child reads it (fix18a)."""
    check_table(
        catalogue,
        "not_the_child",
        data,
        keys={"things", "adults", "before", "thing_rows", "doers"},
        nested={"doers": {"acts", "passive", "passive_be", "others", "reach", "victim_rows", "doer_leads", "named"}},
        shape="not_the_child must map 'things', 'adults', 'before', 'thing_rows' and 'doers' (acts, passive, passive_be, others, reach, victim_rows,"
        " doer_leads, named: subjects, be, tails)",
        lists=("things", "adults", "before", "thing_rows", "doers.acts|passive|passive_be|others|victim_rows|doer_leads", "doers.named.subjects|be|tails"),
        numbers={"doers.reach": (1, None)},
        rows=("thing_rows", "doers.victim_rows", "doers.doer_leads"),
    )


def check_overruled(catalogue: Catalogue, data: Any) -> None:
    """`overruled` (fix19b) is a mapping of OVERRULED_KEYS' parts, each a mapping of lists of non-empty strings;
    `ordinary.rows` immediate criteria or Protection needs, `ordinary.leads` one row below Protection that is no immediate criterion."""
    if data is None:
        return
    if not isinstance(data, dict) or set(data) - set(OVERRULED_KEYS):
        raise SearchDataError(f"overruled must be a mapping with {', '.join(OVERRULED_KEYS)}")
    for part, keys in OVERRULED_KEYS.items():
        given = data.get(part) or {}
        if not isinstance(given, dict) or set(given) - keys:
            raise SearchDataError(f"overruled.{part} must be a mapping with {', '.join(sorted(keys))}")
        for key in keys - {"leads"}:
            if not strings(given.get(key) or []):
                raise SearchDataError(f"overruled.{part}.{key} must be a list of non-empty strings")
    ordinary = data.get("ordinary") or {}
    rows, leads = ordinary.get("rows") or [], ordinary.get("leads")
    if not all(catalogue.has_indicator(i) and (catalogue.indicator(i).immediate or catalogue.indicator(i).level is Level.PROTECTION) for i in rows):
        raise SearchDataError(f"overruled.ordinary.rows must be immediate criteria or Protection needs: {rows!r}")
    if leads is not None and not (
        isinstance(leads, str)
        and catalogue.has_indicator(leads)
        and not catalogue.indicator(leads).immediate
        and catalogue.indicator(leads).level is not Level.PROTECTION
    ):
        raise SearchDataError(f"overruled.ordinary.leads must be one row below Protection: {leads!r}")


def check_harm_by_adult(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `harm_by_adult` that is not as _harm_by_adult reads it (search20)."""
    check_table(
        catalogue,
        "harm_by_adult",
        data,
        keys={"companions", "modifiers", "adults", "male", "not_after", "yields", "leads"},
        shape="harm_by_adult must map 'companions', 'modifiers', 'adults', 'male', 'not_after', 'yields' and 'leads'",
        lists=("companions", "modifiers", "adults", "male", "not_after", "yields", "leads"),
        rows=("yields", "leads"),
        must=[Must(("yields", "leads"), immediate, "harm_by_adult's yields and leads must be immediate criteria (p9)")],
    )


def check_of_this_child_not_before(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse an `of_this_child_not_before` that is not a list of words or phrases (search20)."""
    message = "of_this_child_not_before must be a non-empty list of words or phrases: {}"
    check_table(
        catalogue, "of_this_child_not_before", data, kind=list, shape=message, lists=(".",), normalise=normalise, normalised=True, lists_message=message
    )


def check_told_alone(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `told_alone` that is not as _told_alone reads it (search20)."""
    check_table(
        catalogue,
        "told_alone",
        data,
        keys={"row", "verbs", "words", "harms"} | ({k for k in ("secrecy", "affection") if isinstance(data, dict) and k in data}),
        shape="told_alone must map 'row', 'verbs', 'words' and 'harms' (and may map 'secrecy' and 'affection')",
        lists=("verbs", "words", "harms", *(("affection",) if isinstance(data, dict) and "affection" in data else ())),
        lists_message="told_alone's verbs, words and harms must be non-empty lists of words",
        rows=("row",),
        single=("row",),
    )
    check_table(  # fix28a: a secret an adult told the child to keep
        catalogue,
        "told_alone.secrecy",
        data.get("secrecy") if isinstance(data, dict) else None,
        keys={"phrases", "says", "innocent", "reach"},
        shape="told_alone.secrecy must map 'phrases', 'says', 'innocent' and 'reach'",
        lists=("phrases", "says", "innocent"),
        numbers={"reach": (1, None)},
    )


def check_role_abuse(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `role_abuse` that is not as _role_abuse reads it (search20)."""
    lead = "role_abuse's lead must be an immediate criterion (p9)"
    check_table(
        catalogue,
        "role_abuse",
        data,
        keys={"acts", "objects", "reach", "lead"},
        shape="role_abuse must map 'acts', 'objects', 'reach' and 'lead'",
        lists=("acts", "objects"),
        lists_message="role_abuse's acts and objects must be non-empty lists of words",
        numbers={"reach": (1, None)},
        numbers_message="role_abuse's reach must be a whole number of words, 1 or more",
        rows=("lead",),
        single=("lead",),
        unknown_message=lead,
        must=[Must(("lead",), immediate, lead)],
    )


def check_role_condition(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `role_condition` that is not as _role_condition reads it (search20)."""
    check_table(
        catalogue,
        "role_condition",
        data,
        keys={"rows", "carers"},
        shape="role_condition must map 'rows' and 'carers'",
        lists=("rows", "carers"),
        lists_message="role_condition's rows and carers must be non-empty lists",
        rows=("rows",),
    )


def check_p9_parts(catalogue: Catalogue, data: Any) -> None:
    """fix20a: `p9_parts` is a mapping with `cuts`, a regular expression where a call is cut into parts, and `why`."""
    shape = "p9_parts must be a mapping of 'cuts' (a regular expression), 'min_words' (a whole number) and 'why'"
    check_table(
        catalogue,
        "p9_parts",
        data,
        keys={"cuts", "min_words", "long", "why"},
        shape=shape,
        names=("cuts",),
        lists_message=shape,
        numbers={"min_words": (1, None), "long": (1, None)},
        numbers_message="p9_parts.min_words and p9_parts.long must be whole numbers, at least 1",
        patterns=("cuts",),
    )


def check_p9_spelling(catalogue: Catalogue, data: Any, normalise: Normalise, min_length: int) -> None:
    """fix20a: `p9_spelling` is a mapping with `min_length` (a p9 word's fewest letters, `min_length` or more),
    `english_floor` (spell21: the fewest uses of a word in the English word list that make it English, never respelt;
    at least 1), `spellings` (spell21: single English words that are another spelling of a p9 word, respelt as it),
    `real_words` (single words never read as a p9 word's misspelling) and `why`."""
    shape = (
        f"p9_spelling must be a mapping of 'min_length' (at least {min_length}), 'english_floor' (at least 1),"
        " 'spellings' (a word to a word), 'real_words' (single words) and 'why'"
    )
    check_table(
        catalogue,
        "p9_spelling",
        data,
        keys={"min_length", "english_floor", "spellings", "real_words", "why"},
        shape=shape,
        normalise=normalise,
        one_word=("real_words",),
        one_word_message=shape,
        numbers={"min_length": (min_length, None), "english_floor": (1, None)},
        numbers_message=shape,
    )
    spellings = data["spellings"] if isinstance(data, dict) else None
    if data is not None and not (isinstance(spellings, dict) and all(single_word(w, normalise) and single_word(p, normalise) for w, p in spellings.items())):
        raise SearchDataError(shape)


def check_concern_to_lead(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse a `concern_to_lead` that is not as SearchIndex._concern_unsaid_below reads it (fix20c): a mapping from rows
    below Protection, never an immediate criterion (a p9 row's lead is its `core`'s), to non-empty lists of words."""
    shape = "concern_to_lead must map rows to non-empty lists of words"
    check_table(
        catalogue,
        "concern_to_lead",
        data,
        shape=shape,
        lists=("*",),
        names=("~",),
        normalise=normalise,
        normalised=True,
        lists_message=shape,
        rows=("~",),
        must=[Must(("~",), below_protection, "concern_to_lead moves no immediate criterion (p9) nor Protection need: {}")],
    )


def check_unborn_calm(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse an `unborn_calm` that is not as SearchIndex._unborn_calm_first reads it (fix20u): `words`, single words,
    and `leads`, a Universal row an unborn baby admits (a lead above Universal would be the inflation it removes)."""
    shape = "unborn_calm must be a mapping of 'words' (a list of single words) and 'leads' (a row)"
    check_table(
        catalogue,
        "unborn_calm",
        data,
        keys={"words", "leads"},
        shape=shape,
        lists=("words",),
        names=("leads",),
        normalise=normalise,
        lists_message=shape,
        one_word=("words",),
        one_word_message=shape,
        rows=("leads",),
        unknown_message="unborn_calm leads with an unknown indicator: {}",
        must=[Must(("leads",), universal_unborn, "unborn_calm leads with a Universal row an unborn baby admits, not {}")],
    )


def check_care_left(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse a `care_left` that is not as SearchIndex._care_left reads it (fix20u)."""
    shape = "care_left must be a mapping of 'phrases' (a list of phrases), 'read_as' (words) and 'row'"
    check_table(
        catalogue,
        "care_left",
        data,
        keys={"phrases", "read_as", "row"},
        shape=shape,
        lists=("phrases",),
        names=("read_as", "row"),
        normalise=normalise,
        normalised=True,
        lists_message=shape,
        rows=("row",),
        must=[Must(("row",), below_protection, "care_left leads with no immediate criterion (p9) nor Protection need: {}")],
    )


def check_everyday_hitting(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse an `everyday_hitting` that is not as _everyday_hitting reads it (fix20b)."""
    check_table(
        catalogue,
        "everyday_hitting",
        data,
        keys={"phrases", "words", "children", "body", "listeners", "reported", "doer_reach", "reach", "leads", "second_behind"},
        shape="everyday_hitting must map 'phrases', 'words', 'children', 'body', 'listeners', 'reported', 'doer_reach', 'reach', 'leads' and 'second_behind'",
        lists=("phrases", "words", "children", "body", "listeners", "reported", "leads", "second_behind"),
        normalise=normalise,
        normalised=True,
        numbers={"doer_reach": (1, None), "reach": (1, None)},
        numbers_message="everyday_hitting's doer_reach and reach must be whole numbers of words, 1 or more",
        rows=("leads", "second_behind"),
        must=[
            Must(("leads",), immediate, "everyday_hitting's leads must be immediate criteria (p9)"),
            Must(("second_behind",), immediate, "everyday_hitting's second_behind must be immediate criteria (p9)"),
        ],
    )


def check_carer_substance(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse a `carer_substance` that is not as _carer_substance reads it (fix20b)."""
    check_table(
        catalogue,
        "carer_substance",
        data,
        keys={
            "uses",
            "child_subjects",
            "trade",
            "reach",
            "child",
            "offers",
            "violence",
            "under_1",
            "temper",
            "temper_after",
            "temper_and",
            "temper_rows",
            "measure_end",
        },
        shape=(
            "carer_substance must map 'uses', 'child_subjects', 'trade', 'reach', 'child', 'offers', 'violence', 'under_1',"
            " 'temper', 'temper_after', 'temper_and', 'temper_rows' and 'measure_end'"
        ),
        lists=("uses", "child_subjects", "trade", "child", "offers", "temper", "temper_after", "temper_and", "temper_rows", "measure_end"),
        normalise=normalise,
        normalised=True,
        numbers={"reach": (1, None)},
        rows=("child", "offers", "violence", "under_1", "temper_rows"),
        single=("violence", "under_1"),
        must=[
            Must(("child", "offers", "temper_rows"), not_immediate, "carer_substance's child, offers and temper_rows rows must be no immediate criterion (p9)"),
            Must(("violence", "under_1"), immediate, "carer_substance's violence and under_1 must be immediate criteria (p9)"),
        ],
    )


def check_elsewhere(catalogue: Catalogue, data: Any) -> None:
    """Refuse an `elsewhere` that is not as SearchIndex._elsewhere_first reads it (fix21p, review 21 N1, N2, N3, N6);
    its rows that lead or stay (`adult_past.care_leads`, `adult_past.kept`, `hypothetical.risk_leads`) are no immediate
    criterion: it moves no p9 row up by a table's list."""
    if data is None:
        return
    check_table(
        catalogue,
        "elsewhere",
        data,
        keys={"adult_past", "long_past", "hypothetical", "explained"},
        nested={
            "adult_past": {"marks", "care", "care_leads", "kept"},
            "long_past": {"filler"},
            "hypothetical": {"marks", "present", "asking", "ability", "ability_denials", "risk_leads"},
            "explained": {"injuries", "causes", "severe", "reported", "rows", "under_months"},
        },
        shape="elsewhere must map 'adult_past' (marks, care, care_leads, kept), 'long_past' (filler), 'hypothetical' (marks, present,"
        " asking, ability, ability_denials, risk_leads) and 'explained' (injuries, causes, severe, reported, rows, under_months)",
        lists=(
            "adult_past.marks|care|kept",
            "long_past.filler",
            "hypothetical.marks|present|asking|ability|ability_denials|risk_leads",
            "explained.injuries|causes|severe|reported|rows",
        ),
        names=("adult_past.care_leads",),
        numbers={"explained.under_months": (0, None)},
        rows=("adult_past.care_leads", "adult_past.kept", "hypothetical.risk_leads", "explained.rows"),
    )
    moved = [data["adult_past"]["care_leads"], *data["adult_past"]["kept"], *data["hypothetical"]["risk_leads"]]
    if any(catalogue.indicator(i).immediate for i in moved):
        raise SearchDataError("elsewhere's care_leads, kept and risk_leads must be no immediate criterion (p9)")
    if not all(catalogue.indicator(i).immediate for i in data["explained"]["rows"]):
        raise SearchDataError("elsewhere.explained.rows must be immediate criteria (p9's unexplained injuries)")


NAMED_ROWS_READING_KEYS = {"name", "said", "rows", "leads", "offers"}


def check_named_rows(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `named_rows` that is not as _named_rows_below reads it (fix21q): `words` maps rows to groups of words
    (a row is named where one word of each group is said); `readings` each say `said` (groups of phrases, one of each
    said), the `rows` that leave the first three unless their `words` are said, and `leads` and `offers` (a row or
    none). A row a reading moves has its words; a row it leads with or offers is no immediate criterion unless the
    reading names harm (a lead that is p9 must be p9's significant-harm line or a row of its own `words`)."""
    if data is None:
        return
    apart = data.get("apart") if isinstance(data, dict) else None
    unless = data.get("unless") if isinstance(data, dict) else None
    if isinstance(data, dict) and ("apart" in data or "unless" in data):
        data = {k: v for k, v in data.items() if k not in ("apart", "unless")}
    check_table(
        catalogue,
        "named_rows",
        data,
        keys={"words", "readings"},
        items={"readings": NAMED_ROWS_READING_KEYS},
        shape="named_rows must map 'words' (rows to groups of words) and 'readings' (each with name, said, rows, leads, offers)",
        lists=("readings.*.said.*", "readings.*.rows"),
        names=("readings.*.name",),
        rows=("readings.*.rows",),
    )
    words = data["words"]
    if not isinstance(words, dict) or not words or not all(isinstance(g, list) and g and word_lists(g) for g in words.values()):
        raise SearchDataError("named_rows.words must map rows to non-empty lists of non-empty word lists")
    unknown = [i for i in [*words, *(r[k] for r in data["readings"] for k in ("leads", "offers") if r[k] is not None)] if not catalogue.has_indicator(i)]
    if unknown:
        raise SearchDataError(f"named_rows names unknown indicators: {unknown}")
    unworded = [i for r in data["readings"] for i in r["rows"] if i not in words]
    if unworded:
        raise SearchDataError(f"named_rows' readings move rows without words: {unworded}")
    if any(r["offers"] is not None and catalogue.indicator(r["offers"]).immediate for r in data["readings"]):
        raise SearchDataError("named_rows' offers must be no immediate criterion (p9): a reading offers no ring-now row")
    # fix29d: `apart` (optional) maps a reading's name to the words that, said between its first two groups, keep it
    names = {r["name"] for r in data["readings"]}
    if apart is not None and not (isinstance(apart, dict) and apart and all(k in names and isinstance(v, list) and word_lists([v]) for k, v in apart.items())):
        raise SearchDataError("named_rows.apart must map readings' names to non-empty lists of words")
    # fix36a: `unless` (optional) maps a reading's name to the phrases that, said anywhere in the call, keep it unmade
    if unless is not None and not (isinstance(unless, dict) and unless and all(k in names and word_lists([v]) for k, v in unless.items())):
        raise SearchDataError("named_rows.unless must map readings' names to non-empty lists of phrases")


NAMED_SUBJECT_KEYS = {"holders", "verbs", "fillers", "reach", "others", "readings"}
NAMED_SUBJECT_READING_KEYS = {"name", "rows", "leads", "offers"}


def check_named_subject(catalogue: Catalogue, data: Any, named_rows: Any) -> None:
    """Refuse a `named_subject` that is not as _named_subject_own reads it (fix23a): `holders` groups of words (one
    person each), `verbs`, `fillers`, `others` word lists, `reach` a whole number of words, 1 or more,
    and `readings` each naming a `named_rows` reading (once; one the file does not have is read as nothing) with the `rows` its own variant moves (each with its
    `named_rows.words`) and its `leads` and `offers`: a row or none, never an immediate criterion (the child's own
    belief rings no one by itself)."""
    if data is None:
        return
    check_table(
        catalogue,
        "named_subject",
        data,
        keys=NAMED_SUBJECT_KEYS,
        items={"readings": NAMED_SUBJECT_READING_KEYS},
        shape="named_subject must map 'holders', 'verbs', 'fillers', 'reach', 'others' and 'readings' (each with name, rows, leads, offers)",
        lists=("holders.*", "verbs", "fillers", "others", "readings.*.rows"),
        numbers={"reach": (1, None)},
        names=("readings.*.name",),
        rows=("readings.*.rows",),
    )
    if not isinstance(data["holders"], list) or not data["holders"]:
        raise SearchDataError("named_subject.holders must be a non-empty list of word lists")
    names = [r["name"] for r in data["readings"]]
    if len(set(names)) != len(names):
        raise SearchDataError(f"named_subject must name each reading once: {names}")
    # a reading the synonyms file does not have (a test's file without fix22b's readings, or without named_rows) is
    # read as nothing: there is no reading to read as the child's own
    known = {r.get("name") for r in ((named_rows or {}).get("readings") or []) if isinstance(r, dict)}
    worded = (named_rows or {}).get("words") or {}
    unworded = [i for r in data["readings"] if r["name"] in known for i in r["rows"] if i not in worded]
    if unworded:
        raise SearchDataError(f"named_subject's readings move rows without named_rows words: {unworded}")
    placed = [r[k] for r in data["readings"] for k in ("leads", "offers") if r[k] is not None]
    if any(not isinstance(i, str) or not catalogue.has_indicator(i) for i in placed):
        raise SearchDataError(f"named_subject names unknown indicators: {placed}")
    if any(catalogue.indicator(i).immediate for i in placed):
        raise SearchDataError("named_subject's leads and offers must be no immediate criterion (p9)")


AGE_SAID_KEYS = {"links", "nearly", "plain", "half", "next", "not_after"}  # fix27a: said_plainly.ages.said


SAID_PLAINLY_KEYS = {
    "other_child_well": {"others", "well", "reach"},
    "kin": {"words", "kin", "rows"},
    "pregnancy": {"rows", "words", "male", "male_pronouns", "female"},
    "denied_risk": {"denials", "risk", "rows"},
    "ages": {"numbers", "units", "subjects", "adults", "pairs", "said"},
    "you": {"you", "conditions", "reach", "child_rows", "baby_leads", "leads", "baby_words"},
}


def check_said_plainly(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse a `said_plainly` that is not as _said_plainly reads it (fix20d): its seven parts and their keys, word
    lists, reaches of a word or more, `regional` words each read as a string (maybe empty: left out), `ages` numbers
    whole and units none negative, every row known, and `pregnancy.rows` no Protection need. Absent, nothing to check
    (the readings it feeds are then off, as before the spec form)."""
    if data is None:
        return
    check_table(
        catalogue,
        "said_plainly",
        data,
        keys={*SAID_PLAINLY_KEYS, "regional"},
        nested=SAID_PLAINLY_KEYS,
        shape="said_plainly must map 'regional' (words to what they mean) and "
        + ", ".join(f"'{part}' ({', '.join(sorted(keys))})" for part, keys in SAID_PLAINLY_KEYS.items()),
        lists=(
            "other_child_well.others|well",
            "kin.words|kin|rows",
            "pregnancy.rows|words|male|male_pronouns|female",
            "denied_risk.denials|risk|rows",
            "ages.subjects|adults",
            "you.you|conditions|child_rows|baby_words",
        ),
        names=("you.baby_leads", "you.leads"),
        numbers={"other_child_well.reach": (1, None), "you.reach": (1, None)},
        rows=("kin.rows", "pregnancy.rows", "denied_risk.rows", "you.child_rows", "you.baby_leads", "you.leads"),
        must=[Must(("pregnancy.rows",), no_protection_need, "said_plainly.pregnancy moves no Protection need: {}")],
    )
    regional, numbers, units = data["regional"], data["ages"]["numbers"], data["ages"]["units"]
    if not isinstance(regional, dict) or not all(isinstance(k, str) and normalise(k).split() and isinstance(v, str) for k, v in regional.items()):
        raise SearchDataError(f"said_plainly.regional must map words to what they mean (a string, maybe empty): {regional!r}")
    if not isinstance(numbers, dict) or not all(isinstance(k, str) and normalise(k).split() and whole(v, 0) for k, v in numbers.items()):
        raise SearchDataError(f"said_plainly.ages.numbers must map words to whole numbers, 0 or more: {numbers!r}")
    if not isinstance(units, dict) or not all(
        isinstance(k, str) and normalise(k).split() and isinstance(v, (int, float)) and not isinstance(v, bool) and v >= 0 for k, v in units.items()
    ):
        raise SearchDataError(f"said_plainly.ages.units must map words to months, 0 or more: {units!r}")
    pairs = data["ages"]["pairs"]

    said = data["ages"]["said"]
    if not (isinstance(said, dict) and set(said) == AGE_SAID_KEYS and word_lists([said[k] for k in sorted(AGE_SAID_KEYS)], str.strip)):
        raise SearchDataError(f"said_plainly.ages.said must map {', '.join(sorted(AGE_SAID_KEYS))} to non-empty lists of words: {said!r}")

    def lacking(lk: Any) -> bool:  # fix27a
        lists = ("who", "minding", "phrases", "not_after")
        return isinstance(lk, dict) and set(lk) == {*lists, "reach"} and whole(lk["reach"], 1) and word_lists([lk[k] for k in lists], str.strip)

    def banded_pair(pair: Any) -> bool:
        if not (isinstance(pair, dict) and set(pair) - {"lacking"} == {"rows", "said"} and word_lists([pair["said"]], str.strip)):
            return False
        if "lacking" in pair and not lacking(pair["lacking"]):
            return False
        rows = pair["rows"]
        if not (isinstance(rows, list) and len(rows) == 2 and all(isinstance(i, str) and catalogue.has_indicator(i) for i in rows)):
            return False
        general, banded = (catalogue.indicator(i) for i in rows)
        return general.immediate and banded.immediate and not general.age_band and bool(banded.age_band)

    if not isinstance(pairs, list) or not all(banded_pair(p) for p in pairs):
        raise SearchDataError(
            "said_plainly.ages.pairs must list mappings of 'rows' ([a general p9 criterion, an age-banded p9 criterion]) "
            "and 'said' (a non-empty list of words), maybe 'lacking' (who, minding, phrases, not_after: lists of words; "
            f"reach: a whole number, 1 or more): {pairs!r}"
        )


SAID_AS_MEANT_KEYS = {"intoxicated", "very", "plain", "caring"}
INTOXICATED_KEYS = {"phrases", "before", "subjects", "adverbs", "not_after", "objects", "read_as"}
STRUCK_KEYS = {"words", "between", "persons", "body", "after", "reach", "read_as"}  # fix29a: a blow's word with a person after it
UNWELL_KEYS = {"read", "alone", "between", "not_before", "still_after"}  # fix32a: a carer's low mood or paranoia in slang
HIGH_KEYS = {"phrases", "alone", "still_after", "after", "read_as", "strict"}  # fix37b: strict  # Search52: drug slang for high said of someone's state
OPTIONAL_AS_MEANT = {"struck": STRUCK_KEYS, "unwell": UNWELL_KEYS, "high": HIGH_KEYS}


def check_said_as_meant(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse a `said_as_meant` that is not as SearchIndex._as_meant reads it (fix22b): `intoxicated` maps its phrases,
    the words before and after that say a state, and the word it is read as; `very` its words, the words after them
    and what they are read as (maybe nothing); `plain` phrases to what they mean; `caring` one-word words."""
    if data is None:
        return
    shape = (
        "said_as_meant must map 'intoxicated' (phrases, before, subjects, adverbs, not_after, objects, read_as), "
        "'very' (words, before, read_as), 'plain' (phrases to what they mean) and 'caring' (words); it may map 'struck' "
        "(words, between, persons, body, after, reach, read_as), 'unwell' (read: phrases to what they mean; alone, between, not_before, still_after) "
        "and 'high' (phrases, alone, still_after, after, read_as, strict)"
    )
    present = {k: v for k, v in OPTIONAL_AS_MEANT.items() if isinstance(data, dict) and k in data}
    check_table(
        catalogue,
        "said_as_meant",
        data,
        keys=SAID_AS_MEANT_KEYS | set(present),
        nested={"intoxicated": INTOXICATED_KEYS, "very": {"words", "before", "read_as"}} | present,
        shape=shape,
        lists=(
            *(tuple(f"struck.{k}" for k in sorted(STRUCK_KEYS - {"reach", "read_as"})) if "struck" in present else ()),
            *(("unwell.alone", "unwell.between", "unwell.not_before", "unwell.still_after") if "unwell" in present else ()),
            *(("high.phrases", "high.alone", "high.still_after", "high.after", "high.strict") if "high" in present else ()),
            "intoxicated.phrases",
            "intoxicated.before",
            "intoxicated.subjects",
            "intoxicated.adverbs",
            "intoxicated.not_after",
            "intoxicated.objects",
            "very.words",
            "very.before",
            "caring",
        ),
        names=("intoxicated.read_as", *(("high.read_as",) if "high" in present else ())),
        normalise=normalise,
        normalised=True,
        lists_message=shape,
        one_word=("intoxicated.before", "intoxicated.subjects", "intoxicated.adverbs", "intoxicated.not_after", "very.words", "very.before", "caring"),
        one_word_message="said_as_meant's word lists (all but intoxicated.phrases) must hold one word each",
    )
    plain = data["plain"]
    if not isinstance(plain, dict) or not plain or not all(isinstance(k, str) and normalise(k).split() and isinstance(v, str) for k, v in plain.items()):
        raise SearchDataError(shape)
    if not isinstance(data["very"]["read_as"], str):
        raise SearchDataError(shape)
    high = data.get("high")
    if high is not None and not {normalise(p) for p in high["alone"]} <= {normalise(p) for p in high["phrases"]}:
        raise SearchDataError("said_as_meant.high.alone must list phrases of high.phrases")
    if high is not None and not {normalise(p) for p in high["strict"]} <= {normalise(p) for p in high["phrases"]} - {normalise(p) for p in high["alone"]}:
        raise SearchDataError("said_as_meant.high.strict must list phrases of high.phrases that are not high.alone")
    unwell = data.get("unwell")
    if unwell is not None:
        read = unwell["read"]
        if (
            not isinstance(read, dict)
            or not read
            or not all(isinstance(k, str) and normalise(k).split() and isinstance(v, str) and normalise(v).split() for k, v in read.items())
        ):
            raise SearchDataError("said_as_meant.unwell.read must map slang phrases to what they mean (words, not nothing)")
        if not all(len(normalise(w).split()) == 1 for k in ("between", "not_before") for w in unwell[k]):
            raise SearchDataError("said_as_meant.unwell's between and not_before must hold one word each")
        if not {normalise(p) for p in unwell["alone"]} <= {normalise(p) for p in read}:
            raise SearchDataError("said_as_meant.unwell.alone must list phrases of unwell.read")
    struck = data.get("struck")
    read_as, reach = (struck["read_as"], struck["reach"]) if struck is not None else ("", 0)
    if struck is not None and (not isinstance(read_as, str) or not normalise(read_as).split() or not isinstance(reach, int) or reach < 1):
        raise SearchDataError("said_as_meant.struck's read_as must be a word and its reach a whole number, 1 or more")


UNSAID_FACTS_READING_KEYS = {"name", "said", "between", "reach", "rows", "offers", "doers", "doer_reach"}


def check_unsaid_facts(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse an `unsaid_facts` that is not as SearchIndex._unsaid_facts_below reads it (fix22d, review 22 N5, N6, N8):
    `harm` (a list of words the readings' rows share) and `readings`, each with a `name`, `said` (groups of phrases),
    `between` (single words, maybe none), `reach` (words between two groups' phrases), `rows` (rows to groups of
    phrases: what names each), `offers` (rows, maybe none: no immediate criterion, p9: a reading offers no ring-now
    row), `doers` (single words, maybe none) and `doer_reach` (words before the reading's first phrase); `holds_p9`
    and `offers_after_said` (fix29b): readings by name."""
    if data is None:
        return
    check_table(
        catalogue,
        "unsaid_facts",
        data,
        keys={"harm", "readings", "holds_p9", "offers_after_said"},
        items={"readings": UNSAID_FACTS_READING_KEYS},
        shape="unsaid_facts must map 'harm' (words), 'readings' (each with name, said, between, reach, rows, offers, doers, doer_reach)"
        " and 'holds_p9', 'offers_after_said' (readings' names)",
        lists=("harm", "readings.*.said.*", "readings.*.rows.*.*"),
        names=("readings.*.name",),
        normalise=normalise,
        normalised=True,
        one_word=("readings.*.between", "readings.*.doers"),
        one_word_message="unsaid_facts' between and doers must be lists (maybe empty) of single words",
        numbers={"readings.*.reach": (0, None), "readings.*.doer_reach": (0, None)},
        numbers_message="unsaid_facts' reach and doer_reach must be whole numbers of words, 0 or more",
        rows=("readings.*.rows.~", "readings.*.offers"),
        single=("readings.*.rows.~",),
        must=[Must(("readings.*.offers",), not_immediate, "unsaid_facts' offers must be no immediate criterion (p9): {}")],
    )
    if any(not isinstance(r["rows"], dict) or not r["rows"] or not isinstance(r["offers"], list) for r in data["readings"]):
        raise SearchDataError("unsaid_facts' readings must each move rows (a mapping of rows to groups) and offer a list of rows")
    named = {r["name"] for r in data["readings"]}
    for key in ("holds_p9", "offers_after_said"):  # fix29b
        if not isinstance(data[key], list) or not all(isinstance(n, str) and n in named for n in data[key]):
            raise SearchDataError(f"unsaid_facts' {key} must list readings by their names")


def check_above_universal(catalogue: Catalogue, data: Any) -> None:
    """Refuse an `above_universal` that is not as SearchIndex._above_universal_step reads it (fix22a, review 22 N1):
    `cuts` a regular expression, `min_words` a whole number, `opposites` Universal rows each to rows above Universal
    that are no immediate criterion (it moves no p9 row out of sight)."""
    if data is None:
        return
    check_table(
        catalogue,
        "above_universal",
        data,
        keys={"cuts", "universal_cuts", "min_words", "clear", "levels", "needs_met", "opposites", "why"},
        shape="above_universal must map 'cuts', 'universal_cuts', 'min_words', 'clear', 'levels', 'needs_met', 'opposites' and 'why'",
        lists=("opposites.*", "levels", "needs_met"),
        names=("why",),
        numbers={"min_words": (1, None)},
        patterns=("cuts", "universal_cuts"),
        rows=("opposites.~", "opposites.*", "needs_met"),
        single=("opposites.~",),
    )
    if not (isinstance(data["clear"], (int, float)) and not isinstance(data["clear"], bool) and 0 < data["clear"] <= 1):
        raise SearchDataError(f"above_universal.clear must be a share above 0 and at most 1: {data['clear']!r}")
    if not all(v in {"additional", "extensive", "child_in_need", "protection"} for v in data["levels"]):
        raise SearchDataError(f"above_universal.levels must be levels above Universal: {data['levels']!r}")
    if not all(catalogue.indicator(i).level is Level.UNIVERSAL for i in [*data["opposites"], *data["needs_met"]]):
        raise SearchDataError("above_universal.opposites must map Universal rows, and needs_met be Universal rows")
    if any(catalogue.indicator(o).level is Level.UNIVERSAL or catalogue.indicator(o).immediate for os in data["opposites"].values() for o in os):
        raise SearchDataError("above_universal.opposites' opposites must be rows above Universal and no immediate criterion (p9)")


def check_clause_reading(data: Any) -> None:
    """Refuse a `clause_reading` that is not as SearchIndex._clause_pieces reads it (fix23c, review 23 N1): `before` and
    `p9_words` lists of words or phrases, `run_on` true or false, `p9_min_words` a whole number from 1,
    `over_additional_domains` the catalogue's domains."""
    if data is None:
        return
    keys = {"before", "run_on", "p9_min_words", "p9_words", "over_additional_domains", "why"}
    if not isinstance(data, dict) or not keys <= set(data) <= keys | {"stand_in", "contrast"}:
        raise SearchDataError(f"clause_reading must map {', '.join(sorted(keys))} (and may map stand_in and contrast)")
    if not isinstance(data.get("stand_in", False), bool):
        raise SearchDataError("clause_reading.stand_in must be true or false")
    contrast = data.get("contrast", ["but"])  # fix35a
    if not (isinstance(contrast, list) and contrast and all(isinstance(w, str) and w.split() for w in contrast)):
        raise SearchDataError("clause_reading.contrast must be a list of words or phrases")
    for k in ("before", "p9_words"):
        if not (isinstance(data[k], list) and data[k] and all(isinstance(w, str) and w.split() for w in data[k])):
            raise SearchDataError(f"clause_reading.{k} must be a list of words or phrases")
    if not isinstance(data["run_on"], bool):
        raise SearchDataError("clause_reading.run_on must be true or false")
    domains = data["over_additional_domains"]
    if not (isinstance(domains, list) and set(domains) <= {"child_development", "parents_carers", "family_environment"}):
        raise SearchDataError(f"clause_reading.over_additional_domains must list the catalogue's domains: {domains!r}")
    n = data["p9_min_words"]
    if not (isinstance(n, int) and not isinstance(n, bool) and n >= 1):
        raise SearchDataError(f"clause_reading.p9_min_words must be a whole number from 1: {n!r}")
    if not (isinstance(data["why"], str) and data["why"].strip()):
        raise SearchDataError("clause_reading.why must say why")


def check_degrading_treatment(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse a `degrading_treatment` that is not as SearchIndex._degrading_first reads it (fix23c, review 23 N2): its
    lists of words, its reaches whole numbers, `leads` an immediate criterion."""
    if data is None:
        return
    check_table(
        catalogue,
        "degrading_treatment",
        data,
        keys={"acts", "passive", "objects", "subjects", "object_reach", "subject_reach", "reach", "places", "tied", "care", "cages", "animals", "leads", "why"}
        | {"stays", "at", "spots", "spots_unless"},  # fix24b
        shape="degrading_treatment must map acts, passive, objects, subjects, object_reach, subject_reach, reach, places, tied, care, cages, animals,"
        " leads, why, stays, at, spots and spots_unless",
        lists=("acts", "passive", "objects", "subjects", "places", "tied", "care", "cages", "animals", "stays", "at", "spots", "spots_unless"),
        names=("leads", "why"),
        normalise=normalise,
        normalised=True,
        numbers={"object_reach": (1, None), "subject_reach": (1, None), "reach": (1, None)},
        rows=("leads",),
        must=(Must(("leads",), immediate, "degrading_treatment.leads must be an immediate criterion (p9): {}"),),
    )


def check_care_withheld(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse a `care_withheld` that is not as SearchIndex._care_withheld_first reads it (fix28b, review 27 Q4): its
    lists of words, its reaches and age whole numbers, `leads` an immediate criterion, `strengths` Universal rows and
    `instead` no immediate criterion."""
    check_table(
        catalogue,
        "care_withheld",
        data,
        keys={
            "doers",
            "doer_reach",
            "withhold",
            "gives",
            "needs",
            "own",
            "hedges",
            "need_reach",
            "leads",
            "refuse",
            "services",
            "strengths",
            "instead",
            "baby_under_months",
            "keeps_first",
            "kept_from",
            "from_words",
            "stored",
            "refuse_reach",
        },
        shape="care_withheld must map doers, doer_reach, withhold, gives, needs, own, hedges, need_reach, leads, refuse, services,"
        " strengths, instead, baby_under_months, keeps_first, kept_from, from_words, stored and refuse_reach",
        lists=("doers", "withhold", "gives", "needs", "own", "hedges", "refuse", "services", "strengths", "instead", "kept_from", "from_words", "stored"),
        names=("leads",),
        normalise=normalise,
        normalised=True,
        numbers={"doer_reach": (1, None), "need_reach": (1, None), "baby_under_months": (1, 24), "refuse_reach": (1, None)},
        rows=("leads", "strengths", "instead", "keeps_first"),
        must=(
            Must(("leads",), immediate, "care_withheld.leads must be an immediate criterion (p9): {}"),
            Must(("strengths",), lambda cat, i: i.level is Level.UNIVERSAL, "care_withheld.strengths must be Universal rows: {}"),
            Must(("instead",), not_immediate, "care_withheld.instead must be no immediate criterion (p9): {}"),
        ),
    )


def check_personal_care(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse a `personal_care` that is not as SearchIndex._personal_care_first reads it (fix28b, review 27 Q3): its
    lists of words, `reach` a whole number, `offers` and `neglect_offers` among `rows`, none an immediate criterion."""
    check_table(
        catalogue,
        "personal_care",
        data,
        keys={"acts", "not_after", "chores", "reach", "between", "doers", "neglect", "rows", "offers", "neglect_offers"},
        shape="personal_care must map acts, not_after, chores, reach, between, doers, neglect, rows, offers and neglect_offers",
        lists=("acts", "not_after", "chores", "between", "doers", "neglect", "rows"),
        names=("offers", "neglect_offers"),
        normalise=normalise,
        normalised=True,
        numbers={"reach": (1, None)},
        rows=("rows", "offers", "neglect_offers"),
        must=(Must(("rows", "offers", "neglect_offers"), not_immediate, "personal_care moves no immediate criterion (p9): {}"),),
    )
    if data is not None and not {data["offers"], data["neglect_offers"]} <= set(data["rows"]):
        raise SearchDataError("personal_care.offers and neglect_offers must be among its rows")


def check_under_13_sex(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse an `under_13_sex` that is not as SearchIndex._under_13_sex_offered reads it (fix23c, review 23 N10): its
    lists of words, `under_months` and `places` whole numbers, `leads` a row and `not_offered` no immediate criterion."""
    if data is None:
        return
    check_table(
        catalogue,
        "under_13_sex",
        data,
        keys={"words", "partners", "under_months", "leads", "not_offered", "unless", "places", "why"},
        shape="under_13_sex must map words, partners, under_months, leads, not_offered, unless, places and why",
        lists=("words", "partners", "not_offered", "unless"),
        names=("leads", "why"),
        normalise=normalise,
        normalised=True,
        numbers={"under_months": (1, None), "places": (1, None)},
        rows=("leads", "not_offered"),
        must=(Must(("not_offered",), not_immediate, "under_13_sex.not_offered must be no immediate criterion (p9): {}"),),
    )


def check_young_out_at_night(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse a `young_out_at_night` that is not as SearchIndex._young_out_at_night_first reads it (fix22a, review 22 N3):
    its lists of words, its hours and band whole numbers, `leads` an immediate criterion, `rows` none."""
    if data is None:
        return
    check_table(
        catalogue,
        "young_out_at_night",
        data,
        keys={"place", "unsupervised", "night", "pm_from", "am_to", "young", "under_months", "with", "leads", "or_leads", "rows", "why"},
        shape="young_out_at_night must map place, unsupervised, night, pm_from, am_to, young, under_months, with, leads, or_leads, rows and why",
        lists=("place", "unsupervised", "night", "young", "with", "or_leads", "rows"),
        names=("leads", "why"),
        normalise=normalise,
        normalised=True,
        numbers={"pm_from": (1, 12), "am_to": (1, 12), "under_months": (1, None)},
        rows=("leads", "or_leads", "rows"),
        must=(
            Must(("leads",), immediate, "young_out_at_night.leads must be an immediate criterion (p9): {}"),
            Must(("or_leads",), immediate, "young_out_at_night.or_leads must be immediate criteria (p9): {}"),
            Must(("rows",), not_immediate, "young_out_at_night.rows must be no immediate criterion (p9): {}"),
        ),
    )


def check_everyday_senses(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse an `everyday_senses` that is not as SearchIndex._everyday_senses_below reads it (fix23b): its lists of
    words, `reach` a whole number, each reading a `name` with `said` phrases or `verbs` (or both), `concern` and at
    most `games` and `rows` (rows of the tables); no `property` word among the `things` (violence at home is never an
    everyday sense)."""
    if data is None:
        return
    lists = ("between", "things", "property", "persons", "aimed")
    if not isinstance(data, dict) or set(data) != {*lists, "reach", "readings"}:
        raise SearchDataError(f"everyday_senses must map {', '.join(lists)}, reach and readings")
    if type(data["reach"]) is not int or not 0 < data["reach"] < 20:
        raise SearchDataError(f"everyday_senses.reach must be a whole number of words: {data['reach']!r}")
    for key in lists:
        if not isinstance(data[key], list) or not all(isinstance(w, str) and normalise(w).split() for w in data[key]):
            raise SearchDataError(f"everyday_senses.{key} must be a list of words")
    clash = {normalise(w) for w in data["things"]} & {normalise(w) for w in data["property"]}
    if clash:
        raise SearchDataError(f"everyday_senses.things must name no property (violence at home): {sorted(clash)}")
    readings = data["readings"]
    own = {normalise(w) for r in readings if isinstance(r, dict) for key in ("objects", "before", "near") for w in r.get(key) or [] if isinstance(w, str)}
    clash = own & ({normalise(w) for w in data["property"]} | {normalise(w) for w in data["persons"]})
    if clash:
        raise SearchDataError(f"everyday_senses objects, before and near must name no property and no person: {sorted(clash)}")
    if not isinstance(readings, list) or not readings:
        raise SearchDataError("everyday_senses.readings must be a list of readings")
    for r in readings:
        if (
            not isinstance(r, dict)
            or not {"name", "concern"} <= set(r) <= {"name", "said", "verbs", "games", "concern", "rows", "objects", "before", "near"}
            or not (r.get("said") or r.get("verbs"))
            or ((r.get("objects") or r.get("before") or r.get("near")) and not r.get("verbs"))
        ):
            raise SearchDataError(
                f"an everyday_senses reading must have name, concern and said or verbs (games, rows, and with verbs objects, before and near, at most): {r!r}"
            )
        for key in ("said", "verbs", "games", "concern", "rows", "objects", "before", "near"):
            if key in r and (not isinstance(r[key], list) or not all(isinstance(w, str) and normalise(w).split() for w in r[key])):
                raise SearchDataError(f"everyday_senses {r['name']}.{key} must be a list of words")
        unknown = [i for i in r.get("rows", []) if not catalogue.has_indicator(i)]
        if unknown:
            raise SearchDataError(f"everyday_senses {r['name']}.rows name unknown indicators: {unknown}")


def check_everyday_structures(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse an `everyday_structures` that is not as pathway.search_structures reads it (senses24): its lists of words,
    `young_months` and `reach` whole numbers, `home_alone_rows` rows of the tables."""
    if data is None:
        return
    lists = (
        "outing_verbs",
        "skip",
        "places",
        "not_activities",
        "durations",
        "carers",
        "companions",
        "left_alone",
        "departures",
        "kin",
        "comparatives",
        "charge",
        "persons",
        "own",
        "owners",
        "gift_verbs",
        "recipients",
        "gift_things",
        "gift_determiners",
        "gift_age_units",
        "gift_rows",
        "attack_prepositions",
        "attacked",
        "animals",
        "danger",
        "home_alone_rows",
        "handover_verbs",
        "handover_to",
        "handover_not",
        "care_verbs",
        "care_particles",
        "care_counts",
        "lone_carers",
        "lone_care_not",
        "lone_own",
        "lone_selves",
        "lone_self_not",
        "lone_rows",
        "lone_leavers",
        "bed_verbs",
        "bed_ends",
        "bed_rows",
        "bed_not",
    )
    if not isinstance(data, dict) or set(data) != {*lists, "young_months", "reach"}:
        raise SearchDataError(f"everyday_structures must map {', '.join(lists)}, young_months and reach")
    for key in ("young_months", "reach"):
        if type(data[key]) is not int or data[key] <= 0:
            raise SearchDataError(f"everyday_structures.{key} must be a whole number: {data[key]!r}")
    for key in lists:
        if not isinstance(data[key], list) or not all(isinstance(w, str) and normalise(w).split() for w in data[key]):
            raise SearchDataError(f"everyday_structures.{key} must be a list of words")
    for key in ("home_alone_rows", "gift_rows", "lone_rows", "bed_rows"):
        unknown = [i for i in data[key] if not catalogue.has_indicator(i)]
        if unknown:
            raise SearchDataError(f"everyday_structures.{key} name unknown indicators: {unknown}")


def check_not_yet(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse a `not_yet` that is not as SearchIndex._not_yet_below reads it (fix23f, review 21 N3): its lists of words,
    `fact_leads` and `fact_rows` no immediate criterion (p9's rows leave by their level, not by the list), `kept` none either (a table
    keeps no p9 row in sight by a list)."""
    if data is None:
        return
    check_table(
        catalogue,
        "not_yet",
        data,
        keys={"now", "harm_to", "lethal", "own", "worry", "fact_rows", "kept", "fact_leads"},
        shape="not_yet must map now, harm_to, lethal, own, worry, fact_rows, kept and fact_leads",
        lists=("now", "harm_to", "lethal", "own", "worry", "fact_rows", "kept"),
        names=("fact_leads",),
        normalise=normalise,
        normalised=True,
        rows=("fact_rows", "kept", "fact_leads"),
        must=(
            Must(("fact_leads",), not_immediate, "not_yet.fact_leads must be no immediate criterion (p9): {}"),
            Must(("fact_rows",), not_immediate, "not_yet.fact_rows must be no immediate criterion (p9): {}"),
            Must(("kept",), not_immediate, "not_yet.kept must be no immediate criterion (p9): {}"),
        ),
    )


def check_explained_play(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse an `explained_play` that is not as SearchIndex._explained_play_below reads it (fix23f, review 21 N6): its
    lists of words, `min_months` at least 24 (p9's own line for bruising under 2 is never read away), `injury_rows`
    immediate criteria (p9's injury lines), `rows` none."""
    if data is None:
        return
    check_table(
        catalogue,
        "explained_play",
        data,
        keys={"play", "many", "min_months", "injury_rows", "rows"},
        shape="explained_play must map play, many, min_months, injury_rows and rows",
        lists=("play", "many", "injury_rows", "rows"),
        normalise=normalise,
        normalised=True,
        numbers={"min_months": (24, None)},
        rows=("injury_rows", "rows"),
        must=(
            Must(("injury_rows",), immediate, "explained_play.injury_rows must be immediate criteria (p9): {}"),
            Must(("rows",), not_immediate, "explained_play.rows must be no immediate criterion (p9): {}"),
        ),
    )


TURNED_FACTS_READING_KEYS = UNSAID_FACTS_READING_KEYS - {"doers", "doer_reach"} | {
    "not_before",
    "not_before_reach",
    "not_after",
    "not_after_reach",
    "keeps_p9_in_sight",
}


def check_turned_facts(catalogue: Catalogue, data: Any, normalise: Normalise) -> None:
    """Refuse a `turned_facts` that is not as SearchIndex._turned_facts_below reads it (fix23d, review 23 N3, N4, N5):
    `harm` (words the readings' rows share) and `readings`, each an `unsaid_facts` reading without `doers` (name, said,
    between, reach, rows, offers: no immediate criterion) with `not_before` / `not_after` (single words or phrases, maybe
    none) and their reaches (whole numbers of words)."""
    if data is None:
        return
    check_table(
        catalogue,
        "turned_facts",
        data,
        keys={"harm", "readings"},
        items={"readings": TURNED_FACTS_READING_KEYS},
        shape="turned_facts must map 'harm' (words) and 'readings' (each with name, said, between, reach, rows, offers,"
        " not_before, not_before_reach, not_after, not_after_reach, keeps_p9_in_sight)",
        lists=("harm", "readings.*.said.*", "readings.*.rows.*.*"),
        names=("readings.*.name",),
        normalise=normalise,
        normalised=True,
        one_word=("readings.*.between",),
        one_word_message="turned_facts' between must be lists (maybe empty) of single words",
        numbers={"readings.*.reach": (0, None), "readings.*.not_before_reach": (0, None), "readings.*.not_after_reach": (0, None)},
        numbers_message="turned_facts' reaches must be whole numbers of words, 0 or more",
        rows=("readings.*.rows.~", "readings.*.offers"),
        single=("readings.*.rows.~",),
        must=[Must(("readings.*.offers",), not_immediate, "turned_facts' offers must be no immediate criterion (p9): {}")],
    )
    for r in data["readings"]:
        if not isinstance(r["rows"], dict) or not r["rows"] or not isinstance(r["offers"], list):
            raise SearchDataError("turned_facts' readings must each move rows (a mapping of rows to groups) and offer a list of rows")
        if not all(isinstance(r[k], list) and all(isinstance(w, str) and normalise(w).split() for w in r[k]) for k in ("not_before", "not_after")):
            raise SearchDataError("turned_facts' not_before and not_after must be lists (maybe empty) of words or phrases")
        if not isinstance(r["keeps_p9_in_sight"], bool):
            raise SearchDataError("turned_facts' keeps_p9_in_sight must be true or false")
