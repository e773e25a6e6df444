"""The call screen's YAML tables (the synonyms file's readings: `not_now`, `locked_in`, `harm_to_child`, `offender`, ...):
one checker that refuses a table not as its reader reads it, and one reader of its words, phrases and rows (tidy20).

Each table's check is its spec, said as data to `check_table` (its keys, its lists of words, its whole numbers, its
rows), and what only that table asks (an immediate criterion, a row below Protection) said after it. The readers
(pathway.search's `_not_now`, `_harm_to_child`...) read a checked table with one `TableReader`: words normalised,
phrases as tuples of words, rows as numbers. Neither knows what a reading does with its table."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any, NamedTuple, Optional

from pathway.catalogue import Catalogue
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


def strings(value: Any) -> bool:
    """A list (maybe empty) of non-empty strings."""
    return isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)


def word_lists(values: Iterable[Any]) -> bool:
    """Each a non-empty list of non-empty strings."""
    return all(isinstance(v, list) and v and strings(v) for v in values)


def whole(value: Any, low: int, high: Optional[int] = None) -> bool:
    """A whole number (never a bool) from low (to high)."""
    return isinstance(value, int) and not isinstance(value, bool) and value >= low and (high is None or value <= high)


def _pick(node: Any, path: str) -> list[Any]:
    """The values at a dotted path: "doers.reach"; "*" is each item of a list; "a|b" is a's value then b's."""
    found = [node]
    for step in path.split("."):
        if step == "*":
            found = [item for value in found for item in value]
        else:
            found = [value[key] for value in found for key in step.split("|")]
    return found


def check_table(
    catalogue: Catalogue,
    name: str,
    data: Any,
    *,
    keys: set[str],
    shape: str,
    nested: Mapping[str, set[str]] = {},
    items: Mapping[str, set[str]] = {},
    lists: Sequence[str] = (),
    names: Sequence[str] = (),
    lists_message: str = "",
    numbers: Mapping[str, tuple[int, Optional[int]]] = {},
    numbers_message: str = "",
    rows: Sequence[str] = (),
    single: Sequence[str] = (),
) -> None:
    """Refuse a table (a mapping) that is not as its reader reads it, in this order:
    - `shape`: the table is not a mapping of exactly `keys`, a `nested` part not a mapping of exactly its keys, or
      an `items` part not a non-empty list of mappings of exactly its keys;
    - `lists_message` (by default "NAME's lists must be non-empty lists of words"): a `lists` path does not hold a
      non-empty list of non-empty strings, or a `names` path holds no string;
    - `numbers` (path: lowest, highest or None): not a whole number in range; `numbers_message` for all at once,
      else "NAME.PATH must be a whole number of words, LOW or more" for the first that is not;
    - "NAME names unknown indicators: [...]": the ids `rows` (paths of lists of ids; of one id where the path is
      among `names` or `single`) name that the catalogue does not have.
    Paths are dotted ("doers.reach"); "*" is each item of a list, "a|b" a's value then b's (_pick)."""
    if (
        not isinstance(data, dict)
        or set(data) != keys
        or not all(isinstance(data[k], dict) and set(data[k]) == ks for k, ks in nested.items())
        or not all(isinstance(data[k], list) and data[k] and all(isinstance(i, dict) and set(i) == ks for i in data[k]) for k, ks in items.items())
    ):
        raise SearchDataError(shape)
    if not word_lists(v for path in lists for v in _pick(data, path)) or not all(isinstance(v, str) for path in names for v in _pick(data, path)):
        possessive = f"{name}'" if name.endswith("s") else f"{name}'s"
        raise SearchDataError(lists_message or f"{possessive} lists must be non-empty lists of words")
    if numbers_message and not all(whole(v, low, high) for path, (low, high) in numbers.items() for v in _pick(data, path)):
        raise SearchDataError(numbers_message)
    for path, (low, high) in numbers.items():
        if not all(whole(v, low, high) for v in _pick(data, path)):
            raise SearchDataError(f"{name}.{path} must be a whole number of words, {low} or more")
    named = [i for path in rows for value in _pick(data, path) for i in ([value] if path in (*names, *single) else value)]
    unknown = [i for i in named if not isinstance(i, str) or not catalogue.has_indicator(i)]
    if unknown:
        raise SearchDataError(f"{name} names unknown indicators: {unknown}")


# ---------------------------------------------------------------- the tables


HARM_TO_CHILD_KEYS = frozenset({"acts", "partners", "doer_reach", "reach", "witnessed", "between", "leads"})
NOT_NOW_KEYS = {
    "ended": ({"opens", "marks", "when", "young", "present", "bounds", "own_past"}, {"kept"}),
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
    if (
        not isinstance(data, dict)
        or set(data) != keys
        or not isinstance(rows, dict)
        or not rows
        or not all(isinstance(i, str) and catalogue.has_indicator(i) and catalogue.indicator(i).immediate for i in rows)
        or not all(
            isinstance(v, list) and v and all(isinstance(w, str) and normalise(w).split() for w in v)
            for v in [*rows.values(), *(data[k] for k in keys - {"rows"})]
        )
    ):
        raise SearchDataError(
            "of_this_child must be a mapping of 'rows' (immediate criteria to phrases), 'subjects', 'determiners', 'between' and 'not_after'"
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
    if data is None:
        return
    check_table(
        catalogue,
        "harm_to_child",
        data,
        keys=set(HARM_TO_CHILD_KEYS),
        shape="harm_to_child must map 'acts', 'partners', 'doer_reach', 'reach', 'witnessed', 'between' and 'leads'",
        lists=("acts", "partners", "witnessed", "between", "leads"),
        numbers={"doer_reach": (1, None), "reach": (1, None)},
        numbers_message="harm_to_child's doer_reach and reach must be whole numbers of words, 1 or more",
        rows=("between", "leads"),
    )
    if not all(catalogue.indicator(i).immediate for i in data["leads"]):
        raise SearchDataError("harm_to_child's leads must be immediate criteria (p9)")


def check_offender(catalogue: Catalogue, data: Any) -> None:
    """Refuse an `offender` that is not as _offender reads it (fix19a)."""
    if data is None:
        return
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
    if data is None:
        return
    spec: dict[str, Any] = dict(keys={"endings", "not", "modifiers", "own_rows"}, shape="service_roles must map 'endings', 'not', 'modifiers' and 'own_rows'")
    check_table(catalogue, "service_roles", data, **spec, lists=("endings", "not", "own_rows"))
    if not all(len(normalise(w).split()) == 1 for w in data["endings"] + data["not"]):
        raise SearchDataError("service_roles' endings and 'not' must be single words")
    check_table(catalogue, "service_roles", data, **spec, numbers={"modifiers": (0, None)}, rows=("own_rows",))


def check_disclosed_own_acts(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `disclosed_own_acts` that is not as _disclosed_own_acts reads it (fix19c)."""
    if data is None:
        return
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
    )
    if not catalogue.indicator(data["row"]).immediate:
        raise SearchDataError("disclosed_own_acts.row must be an immediate criterion (p9)")


def check_carer_threat(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `carer_threat` that is not as _carer_threat reads it (fix19d)."""
    if data is None:
        return
    check_table(
        catalogue,
        "carer_threat",
        data,
        keys={"acts", "threats", "reach", "child", "offers"},
        shape="carer_threat must map 'acts', 'threats', 'reach', 'child' and 'offers'",
        lists=("acts", "threats", "child", "offers"),
        numbers={"reach": (1, None)},
        rows=("child", "offers"),
    )
    if any(catalogue.indicator(i).immediate for i in data["offers"]):
        raise SearchDataError("carer_threat.offers must be no immediate criterion (p9): it moves none up")


def check_pregnant_young(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `pregnant_young` that is not as _pregnant_young reads it (fix19d)."""
    if data is None:
        return
    check_table(
        catalogue,
        "pregnant_young",
        data,
        keys={"words", "rows", "leads", "under", "said_after"},
        shape="pregnant_young must map 'words', 'rows', 'leads', 'under' and 'said_after'",
        lists=("words", "rows", "said_after"),
        numbers={"under": (1, 18)},
        numbers_message="pregnant_young.under must be an age in whole years, 1 to 18",
        rows=("rows", "leads"),
        single=("leads",),
    )
    if any(catalogue.indicator(i).immediate for i in [*data["rows"], data["leads"]]):
        raise SearchDataError("pregnant_young moves no immediate criterion (p9)")


def check_not_the_child(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `not_the_child` that is not as _not_the_child reads it (fix18a)."""
    if data is None:
        return
    check_table(
        catalogue,
        "not_the_child",
        data,
        keys={"things", "adults", "before", "thing_rows", "doers"},
        nested={"doers": {"acts", "passive", "passive_be", "others", "reach", "victim_rows", "doer_leads"}},
        shape="not_the_child must map 'things', 'adults', 'before', 'thing_rows' and 'doers' (acts, passive, passive_be, others, reach, victim_rows,"
        " doer_leads)",
        lists=("things", "adults", "before", "thing_rows", "doers.acts|passive|passive_be|others|victim_rows|doer_leads"),
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


NAMED_ROWS_READING_KEYS = {"name", "said", "rows", "leads", "offers"}


def check_named_rows(catalogue: Catalogue, data: Any) -> None:
    """Refuse a `named_rows` that is not as _named_rows_below reads it (fix21q): `words` maps rows to groups of words
    (a row is named where one word of each group is said); `readings` each say `said` (groups of phrases, one of each
    said), the `rows` that leave the first three unless their `words` are said, and `leads` and `offers` (a row or
    none). A row a reading moves has its words; a row it leads with or offers is no immediate criterion unless the
    reading names harm (a lead that is p9 must be p9's significant-harm line or a row of its own `words`)."""
    if data is None:
        return
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
