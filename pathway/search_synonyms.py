"""The synonyms file (data/search_synonyms.yaml): where it is, how it is loaded, and `_check_synonyms`,
which refuses a file with an unknown key, an unknown indicator or a malformed table before an index
is built from it (each table's own check lives in pathway/search_tables.py).

Split out of pathway/search.py (split24). The accepted top-level keys are one tuple,
`SYNONYMS_KEYS`, and the refusal names them from it, so a new table is one line here (the key list
and a hand-written message used to conflict in every merge). pathway.search re-exports
`SYNONYMS_FILE` and `load_synonyms` for its callers.
"""

from __future__ import annotations

from pathlib import Path

from pathway import search_collected, search_disabled_care, search_ingest, search_minded, search_sale, search_turned_words, yaml_load
from pathway.catalogue import Catalogue
from pathway.levels import Level
from pathway.search_tables import (
    CHILD_DEVELOPMENT,
    SearchDataError,
    check_above_universal,
    check_care_left,
    check_care_withheld,
    check_carer_substance,
    check_carer_threat,
    check_clause_reading,
    check_concern_to_lead,
    check_degrading_treatment,
    check_disclosed_own_acts,
    check_elsewhere,
    check_everyday_hitting,
    check_everyday_senses,
    check_everyday_structures,
    check_explained_play,
    check_harm_by_adult,
    check_harm_to_child,
    check_harmless,
    check_locked_in,
    check_named_rows,
    check_named_subject,
    check_not_now,
    check_not_the_child,
    check_not_yet,
    check_of_this_child,
    check_of_this_child_not_before,
    check_offender,
    check_overruled,
    check_p9_parts,
    check_p9_spelling,
    check_personal_care,
    check_pregnant_young,
    check_role_abuse,
    check_role_condition,
    check_said_as_meant,
    check_said_plainly,
    check_service_roles,
    check_stated,
    check_told_alone,
    check_turned_facts,
    check_unborn_calm,
    check_under_13_sex,
    check_unsaid_facts,
    check_young_out_at_night,
    strings,
)
from pathway.search_text import (
    MIN_TYPO,
    normalise,
)
from pathway.shipped import shipped

SYNONYMS_FILE = shipped("search_synonyms.yaml")
# the synonyms file's `denial` (the last three: Search26a's paired denials, search_denials.paired_denials)
DENIAL_KEYS = (
    "bridges",
    "hedges",
    "hedge_joins",
    "topics",
    "between",
    "use_verbs",
    "use_objects",
    "pair_opens",
    "pair_joins",
    "pair_no_after",
    "affirm_denials",
    "affirm_after",
    "unsays_core",
)
SYNONYMS_KEYS = (
    "indicators",
    "words",
    "severity",
    "plain",
    "joined",
    "subject",
    "core",
    "denial",
    "harmless",
    "looked_after",
    "offered_with",
    "early_help",
    "core_from_age",
    "core_to_lead",
    "stated",
    "not_now",
    "carried",
    "known_words",
    "locked_in",
    "not_the_child",
    "overruled",
    "harm_to_child",
    "offender",
    "service_roles",
    "disclosed_own_acts",
    "of_this_child",
    "carer_threat",
    "offered_unborn",
    "pregnant_young",
    "concern_to_lead",
    "harm_by_adult",
    "of_this_child_not_before",
    "told_alone",
    "role_abuse",
    "role_condition",
    "p9_parts",
    "p9_spelling",
    "unborn_calm",
    "care_left",
    "said_plainly",
    "everyday_hitting",
    "carer_substance",
    "elsewhere",
    "named_rows",
    "said_as_meant",
    "unsaid_facts",
    "above_universal",
    "young_out_at_night",
    "named_subject",
    "clause_reading",
    "degrading_treatment",
    "care_withheld",
    "personal_care",
    "under_13_sex",
    "everyday_senses",
    "not_yet",
    "explained_play",
    "turned_facts",
    "denial_only",
    "everyday_structures",
    "ordinary_call",
    "turned_words",
    "sold_child",
    "disabled_child_carer",
    "not_collected",
    "young_minder",
    "ingested",
)  # the synonyms file's top-level keys: the one list _check_synonyms accepts and names in its refusal


def _check_synonyms(catalogue: Catalogue, data: dict) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Refuse a synonyms table that names an unknown indicator, so a typo is not silently unsearchable: each named
    check below refuses its part, in this order (a file with several faults is refused for the first)."""
    _check_keys_and_words(data)
    stated = _check_reading_tables(catalogue, data)
    early_help, looked_after, denial = (
        _mapping(data, "early_help", {"said", "refusing"}, "early_help must be a mapping with 'said' and 'refusing'"),
        _mapping(
            data, "looked_after", {"phrases", "before", "unless", "filler"}, "looked_after must be a mapping with 'phrases', 'before', 'unless' and 'filler'"
        ),
        _mapping(data, "denial", set(DENIAL_KEYS), f"denial must be a mapping with keys among {', '.join(DENIAL_KEYS)}"),
    )
    check_harmless(data.get("harmless") or [])
    core, core_from_age, offered_with = _check_row_words(catalogue, data)
    core_to_lead = _check_core_to_lead(catalogue, data, core)
    severity = _mapping(data, "severity", {"more", "less"}, "severity must be a mapping with 'more' and 'less'")
    extra = data.get("indicators") or {}
    words = data.get("words") or {}
    unknown = sorted(i for i in extra if not catalogue.has_indicator(i))
    if unknown:
        raise SearchDataError(f"synonyms name unknown indicators: {unknown}")
    joined = _check_joined(catalogue, data)
    subject, conditions = _check_subject(catalogue, data.get("subject") or {})
    lists = [(f"joined.{k}", j[k]) for j in joined for k in JOINED_KEYS if k != "leads"]
    lists += [(f"subject.{k}", subject.get(k) or []) for k in SUBJECT_WORDS] + [("subject.conditions.words", c["words"]) for c in conditions]
    lists += [("subject.conditions.cared_for", c["cared_for"]) for c in conditions if "cared_for" in c]
    lists += [(f"subject.self_harm.{k}", (subject.get("self_harm") or {}).get(k) or []) for k in ("after", "then")]
    lists += (
        [(f"core.{i}", v) for i, v in core.items()]
        + [(f"core_from_age.{i}", c["words"]) for i, c in core_from_age.items()]
        + [(f"core_to_lead.{i}", v) for i, v in core_to_lead.items()]
        + [(f"offered_with.{i}", v) for i, v in offered_with.items()]
        + [(f"denial.{k}", denial.get(k) or []) for k in DENIAL_KEYS]
    )
    lists += [(f"looked_after.{k}", looked_after.get(k) or []) for k in ("phrases", "before", "unless", "filler")]
    lists += [(f"early_help.{k}", early_help.get(k) or []) for k in ("said", "refusing")]
    lists += stated
    for key, value in [*extra.items(), *words.items(), *((f"severity.{k}", v) for k, v in severity.items()), ("plain", data.get("plain") or []), *lists]:
        if not strings(value):
            raise SearchDataError(f"synonyms for {key!r} must be a list of non-empty strings")
    return extra, words


def _mapping(data: dict, key: str, allowed: set[str], refusal: str) -> dict:
    """The table at `key` (none: empty), refused with `refusal` unless a mapping with keys among `allowed`."""
    table = data.get(key) or {}
    if not isinstance(table, dict) or set(table) - allowed:
        raise SearchDataError(refusal)
    return table


def _check_keys_and_words(data: dict) -> None:
    """The file is a mapping of SYNONYMS_KEYS only; `known_words` single words; `carried` its five lists of words."""
    if not isinstance(data, dict) or set(data) - set(SYNONYMS_KEYS):
        *keys, last = (repr(k) for k in SYNONYMS_KEYS)
        raise SearchDataError(f"synonyms file must be a mapping with {', '.join(keys)} and {last}")
    known = data.get("known_words") or []
    if not isinstance(known, list) or not all(isinstance(w, str) and len(normalise(w).split()) == 1 for w in known):
        raise SearchDataError("known_words must be a list of single words")
    carried = data.get("carried") or {}
    if (
        not isinstance(carried, dict)
        or (carried and set(carried) != {"verbs", "objects", "owners", "to", "places"})
        or not all(isinstance(v, list) and v and all(isinstance(w, str) and w.strip() for w in v) for v in carried.values())
    ):
        raise SearchDataError("carried must be a mapping of 'verbs', 'objects', 'owners', 'to' and 'places', each a list of words")


def _check_reading_tables(catalogue: Catalogue, data: dict) -> list[tuple[str, object]]:
    """Each reading's table, by its own check (search_tables.check_*, search_turned_words.check); `stated`'s word lists."""
    stated = check_stated(catalogue, data.get("stated") or {})
    check_not_now(catalogue, data.get("not_now"))
    check_locked_in(catalogue, data.get("locked_in"))
    check_not_the_child(catalogue, data.get("not_the_child"))
    check_overruled(catalogue, data.get("overruled"))
    check_harm_to_child(catalogue, data.get("harm_to_child"))
    check_offender(catalogue, data.get("offender"))
    check_service_roles(catalogue, data.get("service_roles"), normalise)
    check_disclosed_own_acts(catalogue, data.get("disclosed_own_acts"))
    check_of_this_child(catalogue, data.get("of_this_child"), normalise)
    check_carer_threat(catalogue, data.get("carer_threat"))
    check_pregnant_young(catalogue, data.get("pregnant_young"))
    check_concern_to_lead(catalogue, data.get("concern_to_lead"), normalise)
    check_harm_by_adult(catalogue, data.get("harm_by_adult"))
    check_of_this_child_not_before(catalogue, data.get("of_this_child_not_before"), normalise)
    check_told_alone(catalogue, data.get("told_alone"))
    check_role_abuse(catalogue, data.get("role_abuse"))
    check_role_condition(catalogue, data.get("role_condition"))
    check_p9_parts(catalogue, data.get("p9_parts"))
    check_p9_spelling(catalogue, data.get("p9_spelling"), normalise, MIN_TYPO)
    check_unborn_calm(catalogue, data.get("unborn_calm"), normalise)
    check_care_left(catalogue, data.get("care_left"), normalise)
    check_said_plainly(catalogue, data.get("said_plainly"), normalise)
    check_everyday_hitting(catalogue, data.get("everyday_hitting"), normalise)
    check_carer_substance(catalogue, data.get("carer_substance"), normalise)
    check_elsewhere(catalogue, data.get("elsewhere"))
    check_named_rows(catalogue, data.get("named_rows"))
    check_named_subject(catalogue, data.get("named_subject"), data.get("named_rows"))  # fix23a
    check_said_as_meant(catalogue, data.get("said_as_meant"), normalise)
    check_unsaid_facts(catalogue, data.get("unsaid_facts"), normalise)
    check_above_universal(catalogue, data.get("above_universal"))  # fix22a
    check_clause_reading(data.get("clause_reading"))  # fix23c
    check_degrading_treatment(catalogue, data.get("degrading_treatment"), normalise)  # fix23c
    search_sale.check(catalogue, data.get("sold_child"))  # fix29a
    search_disabled_care.check(catalogue, data.get("disabled_child_carer"))  # Search49 (review 29 Q11)
    search_collected.check(catalogue, data.get("not_collected"), normalise)  # fix30c
    search_minded.check(catalogue, data.get("young_minder"), normalise)  # fix33a (review 32 Q1)
    search_ingest.check(catalogue, data.get("ingested"))  # fix30d
    check_care_withheld(catalogue, data.get("care_withheld"), normalise)  # fix28b
    check_personal_care(catalogue, data.get("personal_care"), normalise)  # fix28b
    check_under_13_sex(catalogue, data.get("under_13_sex"), normalise)  # fix23c
    check_young_out_at_night(catalogue, data.get("young_out_at_night"), normalise)  # fix22a
    check_everyday_senses(catalogue, data.get("everyday_senses"), normalise)  # fix23b
    check_everyday_structures(catalogue, data.get("everyday_structures"), normalise)  # senses24
    check_not_yet(catalogue, data.get("not_yet"), normalise)  # fix23f
    check_explained_play(catalogue, data.get("explained_play"), normalise)  # fix23f
    check_turned_facts(catalogue, data.get("turned_facts"), normalise)  # fix23d
    search_turned_words.check(data, [str(r.get("name")) for r in (data.get("turned_facts") or {}).get("readings") or [] if isinstance(r, dict)])  # fix24a
    return stated


def _check_core_to_lead(catalogue: Catalogue, data: dict, core: dict) -> dict:
    """`core_to_lead` (Search51): immediate criteria without a `core`, to the words _core_first alone reads as their core."""
    core_to_lead = data.get("core_to_lead") or {}
    if not isinstance(core_to_lead, dict) or not all(
        isinstance(i, str) and catalogue.has_indicator(i) and catalogue.indicator(i).immediate and i not in core and isinstance(ws, list)
        for i, ws in core_to_lead.items()
    ):
        raise SearchDataError(f"core_to_lead must be a mapping from immediate criteria without a core to their words: {core_to_lead!r}")
    return core_to_lead


def _check_row_words(catalogue: Catalogue, data: dict) -> tuple[dict, dict, dict]:
    """`core` (immediate criteria and Protection needs), `core_from_age` (immediate criteria without a core),
    `offered_with` (any row) and `offered_unborn` (rows of `offered_with`)."""
    core = data.get("core") or {}
    if not isinstance(core, dict) or not all(
        isinstance(i, str) and catalogue.has_indicator(i) and (catalogue.indicator(i).immediate or catalogue.indicator(i).level is Level.PROTECTION)
        for i in core
    ):
        raise SearchDataError(
            f"core must be a mapping from immediate criteria or Protection needs to their core words: {sorted(core) if isinstance(core, dict) else core!r}"
        )
    core_from_age = data.get("core_from_age") or {}
    if not isinstance(core_from_age, dict) or not all(
        isinstance(i, str)
        and catalogue.has_indicator(i)
        and catalogue.indicator(i).immediate
        and i not in core
        and isinstance(c, dict)
        and set(c) == {"age", "words"}
        and type(c["age"]) is int
        and 0 < c["age"] < 19
        for i, c in core_from_age.items()
    ):
        raise SearchDataError(f"core_from_age must be a mapping from immediate criteria without a core to {{age: years, words: [...]}}: {core_from_age!r}")
    offered_with = data.get("offered_with") or {}
    if not isinstance(offered_with, dict) or not all(isinstance(i, str) and catalogue.has_indicator(i) for i in offered_with):
        raise SearchDataError(f"offered_with must be a mapping from indicators to the words they are offered with: {offered_with!r}")
    offered_unborn = data.get("offered_unborn") or []
    if not isinstance(offered_unborn, list) or not all(isinstance(i, str) and i in offered_with for i in offered_unborn):
        raise SearchDataError(f"offered_unborn must list rows of offered_with (fix19d): {offered_unborn!r}")
    return core, core_from_age, offered_with


def _check_joined(catalogue: Catalogue, data: dict) -> list:
    """`joined`: mappings of JOINED_KEYS, each leading with an immediate criterion."""
    joined = data.get("joined") or []
    if not isinstance(joined, list) or not all(isinstance(j, dict) and set(j) == set(JOINED_KEYS) for j in joined):
        raise SearchDataError(f"joined must be a list of mappings with {', '.join(JOINED_KEYS)}")
    for j in joined:
        if not isinstance(j["leads"], str) or not catalogue.has_indicator(j["leads"]) or not catalogue.indicator(j["leads"]).immediate:
            raise SearchDataError(f"joined leads with an unknown indicator or one that is not an immediate criterion: {j['leads']!r}")
    return joined


def _check_subject(catalogue: Catalogue, subject: dict) -> tuple[dict, list]:
    """`subject`: its word lists, `conditions` (their rows: the child's own, the carers', leads never the child's
    own), `about_child` (immediate criteria), `other_kept` and `self_harm.not` (no immediate criterion), `self_harm`,
    `child_only` (the child's own rows). Returns it and its conditions."""
    conditions = subject.get("conditions") or [] if isinstance(subject, dict) else None
    if (
        not isinstance(subject, dict)
        or set(subject) - {*SUBJECT_WORDS, "conditions", "about_child", "child_only", "peer_from_age", "other_kept", "self_harm"}
        or not isinstance(conditions, list)
        or not all(
            isinstance(c, dict) and {"words", "child", "leads"} <= set(c) <= {"words", "child", "leads", "cared_for", "other_child_only", "out_of_sight"}
            for c in conditions
        )
        or not all(c.get(k, False) is True or k not in c for c in conditions for k in ("other_child_only", "out_of_sight"))
        or not (subject.get("peer_from_age") is None or (type(subject.get("peer_from_age")) is int and 0 < subject["peer_from_age"] < 19))
    ):
        raise SearchDataError(
            f"subject must be a mapping with {', '.join(SUBJECT_WORDS)} and 'conditions' (each with 'words', 'child' and 'leads', and 'cared_for' at most)"
        )
    for c in conditions:
        for key in ("child", "leads", "cared_for"):
            if not isinstance(c.get(key, []), list) or not all(isinstance(i, str) and catalogue.has_indicator(i) for i in c.get(key, [])):
                raise SearchDataError(f"subject conditions name unknown indicators: {c.get(key)!r}")
        if any(catalogue.indicator(i).immediate or i in c["leads"] for i in c.get("cared_for", [])):
            raise SearchDataError(f"a subject condition's cared_for rows are a child's carer's, never an immediate criterion nor its leads: {c['cared_for']!r}")
        if any(catalogue.indicator(i).domain == CHILD_DEVELOPMENT for i in c["leads"]):
            raise SearchDataError(f"a subject condition leads with the parents' rows or p9's, never the child's own: {c['leads']!r}")
        if any(catalogue.indicator(i).immediate for i in c["child"]) or (
            not c.get("other_child_only") and any(catalogue.indicator(i).domain != CHILD_DEVELOPMENT for i in c["child"])
        ):
            raise SearchDataError(
                "a subject condition's child rows must be the child's own (a young person's own pregnancy too where it is read only for"
                f" another child), never an immediate criterion: {c['child']!r}"
            )
    about_child = subject.get("about_child") or []
    if not isinstance(about_child, list) or not all(
        isinstance(i, str) and catalogue.has_indicator(i) and catalogue.indicator(i).immediate for i in about_child
    ):
        raise SearchDataError(f"subject.about_child must list immediate criteria: {about_child!r}")
    for key, listed in (("other_kept", subject.get("other_kept") or []), ("self_harm.not", (subject.get("self_harm") or {}).get("not") or [])):
        if not isinstance(listed, list) or not all(isinstance(i, str) and catalogue.has_indicator(i) and not catalogue.indicator(i).immediate for i in listed):
            raise SearchDataError(f"subject.{key} must list rows of the tables, never an immediate criterion: {listed!r}")
    self_harm = subject.get("self_harm") or {}
    if not isinstance(self_harm, dict) or set(self_harm) - {"after", "then", "not"}:
        raise SearchDataError("subject.self_harm must be a mapping with 'after', 'then' and 'not'")
    child_only = subject.get("child_only") or []
    if not isinstance(child_only, list) or not all(
        isinstance(i, str) and catalogue.has_indicator(i) and not catalogue.indicator(i).immediate and catalogue.indicator(i).domain == CHILD_DEVELOPMENT
        for i in child_only
    ):
        raise SearchDataError(f"subject.child_only must list the child's own rows, never an immediate criterion: {child_only!r}")
    return subject, conditions


SUBJECT_WORDS = (
    "parent",
    "other_child",
    "before_other",
    "peers",
    "opens",
    "ends",
    "relative",
    "says",
    "through",
    "female",
    "male",
    "bare",
    "pronouns",
    "named",
    "objects",
    "possessive",
    "stranded",
    "reflexives",
)  # the `subject` word lists (_Subject, _Clauses)
JOINED_KEYS = ("leads", "parent", "harm", "about_child", "child", "says", "believed")


def load_synonyms(path: Path = SYNONYMS_FILE) -> dict:
    with open(path, encoding="utf-8") as fh:
        return yaml_load.load(fh) or {}
