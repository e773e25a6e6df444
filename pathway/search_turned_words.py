"""fix24a (review 24 P1, P3, P4): fix23d's `turned_facts` readings in other words.

fix23d's readings (SearchIndex._turned_runs, pathway/search_senses.py) are phrase lists: a negation word, then a harm word of
the list with only listed words between; a parent word, a harm word, a childhood phrase; a child word, a verb, "his"
or "her" and a family word. The same situation in other words was missed ("no-one has ever laid a finger on him",
"nan tried to kill herself", "she lashed out and kicked her teacher"). The synonyms file's `turned_words` reads each
situation by its shape, with words the table names (this tool's reading; the document is silent on wording):

- `denial`: a harm word or phrase of `harm` that begins where a denial reaches (the places SearchIndex._denials gives:
  _denied_positions and the `denial.bridges` it reaches past): the run is the negation word to the phrase's end; none
  where one of `not_between` stands between the negation and the act ("not only hit", "not just hit": denial26);
- `subject_act`: one of `subjects` (an adult the call names: nan, grandad, mum, "I"...), then within `act_reach` words
  one of `acts`, then (where `markers` is given) within `marker_reach` words one of `markers` (a time-past marker:
  "as a child", "as a teenager", "when she was a girl", "herself", "years ago"), no `stops` word between: the run is the
  subject to the last phrase's end;
- `agent_object`: one of `subjects` (the child: he, she, a child's word), within `act_reach` words one of `acts` (a
  harm verb), then within `object_reach` words one of `objects` (not the child: a teacher, staff, another child), no
  `stops` word between.

Each reading's runs join fix23d's for the `turned_facts` reading it names (`reading`), and pass its `not_before` and
`not_after` guards there; what the reading then does with its rows (below the first row only where it
`keeps_p9_in_sight`, review 12 H6) is fix23d's, unchanged."""

from __future__ import annotations

from typing import Iterable, NamedTuple

from pathway.search_tables import SearchDataError

Phrase = tuple[str, ...]


class ShapeReading(NamedTuple):
    """One entry of the synonyms file's `turned_words` (normalised words; phrases as tuples)."""

    reading: str  # the `turned_facts` reading whose runs these join
    shape: str  # denial | subject_act | agent_object
    subjects: tuple[Phrase, ...]
    acts: tuple[Phrase, ...]
    act_reach: int
    markers: tuple[Phrase, ...]  # subject_act: a time-past marker (none: the act alone)
    marker_reach: int
    objects: tuple[Phrase, ...]  # agent_object: whom the act is done to
    object_reach: int
    stops: frozenset[str]
    object_between: frozenset[str]  # agent_object: the only words between the act and whom it is done to
    links: tuple[Phrase, ...]  # subject_act: what carries a run on to an act ("in care herself and was abused")
    not_between: frozenset[str]  # denial: no run where one of these stands between the negation and the act ("not only hit")
    # subject_act (fix39c): a person just after the act (past "his", "her", "their", "my") is whom the subject did it to
    done_to: frozenset[str] = frozenset()


def _phrases(items: Iterable[str], normalise) -> tuple[Phrase, ...]:
    out = {tuple(normalise(p).split()) for p in items}
    return tuple(sorted((p for p in out if p), key=lambda p: (-len(p), p)))  # longest first


def load(synonyms: dict, normalise) -> tuple[ShapeReading, ...]:
    """The synonyms file's `turned_words` (its checks: check())."""
    out = []
    for r in (synonyms.get("turned_words") or {}).get("readings") or []:
        out.append(
            ShapeReading(
                r["reading"],
                r["shape"],
                _phrases(r.get("subjects", ()), normalise),
                _phrases(r.get("acts", ()), normalise),
                int(r.get("act_reach", 0)),
                _phrases(r.get("markers", ()), normalise),
                int(r.get("marker_reach", 0)),
                _phrases(r.get("objects", ()), normalise),
                int(r.get("object_reach", 0)),
                frozenset(normalise(w) for w in r.get("stops", ())),
                frozenset(normalise(w) for w in r.get("object_between", ())),
                _phrases(r.get("links", ()), normalise),
                frozenset(normalise(w) for w in r.get("not_between", ())),
                frozenset(normalise(w) for w in r.get("done_to", ())),
            )
        )
    return tuple(out)


def check(synonyms: dict, reading_names: Iterable[str]) -> None:
    """Refuse a `turned_words` entry that names no `turned_facts` reading or no known shape with the lists that shape
    reads (SearchDataError, naming the key, as every search_tables.check_* refuses its table)."""
    names = set(reading_names)
    if not names:  # no `turned_facts` (a test's index without them): nothing for these readings to join
        return
    for r in (synonyms.get("turned_words") or {}).get("readings") or []:
        if not isinstance(r, dict) or r.get("reading") not in names:
            raise SearchDataError(f"turned_words: each reading names a turned_facts reading ({sorted(names)}): {r!r}")
        need = {"denial": ("acts",), "subject_act": ("subjects", "acts"), "agent_object": ("subjects", "acts", "objects")}.get(str(r.get("shape")))
        if need is None or not all(r.get(k) for k in need):
            raise SearchDataError(f"turned_words: shape denial, subject_act or agent_object with its lists: {r!r}")


def _at(phrases: tuple[Phrase, ...], words: list[str], i: int) -> int:
    """The length of the longest of `phrases` said at words[i] (0: none)."""
    return next((len(p) for p in phrases if tuple(words[i : i + len(p)]) == p), 0)


def _next(phrases: tuple[Phrase, ...], words: list[str], start: int, reach: int, stops: frozenset[str]) -> list[tuple[int, int]]:
    """Each (place, end) of one of `phrases` beginning within `reach` words from `start`, before any `stops` word."""
    out = []
    for i in range(start, min(len(words), start + reach)):
        n = _at(phrases, words, i)
        if n:
            out.append((i, i + n))
        if words[i] in stops:
            break
    return out


def runs(r: ShapeReading, words: list[str], denied: set[int], denying: frozenset[str]) -> list[list[int]]:
    """Where `r` is said in `words`: each run's places (`denied`: the places a denial reaches, SearchIndex._denials;
    `denying`: the negation words)."""
    out: list[list[int]] = []
    if r.shape == "denial":
        for i in sorted(denied):
            n = _at(r.acts, words, i)
            j = next((k for k in range(i - 1, -1, -1) if words[k] in denying), None)
            if n and j is not None and r.not_between.isdisjoint(words[j + 1 : i]):  # "not only hit": said, not denied (Search26a)
                out.append(list(range(j, i + n)))
        return out
    for s in range(len(words)):
        n = _at(r.subjects, words, s)
        if not n:
            continue
        end, harmed = s + n, False
        while True:  # a run goes on where the same subject says more ("was in care herself and was abused...")
            more = _said_after(r, words, end)
            if more is None:
                break
            end, link = more
            harmed = harmed or not link
        if harmed:  # a `links` phrase ("in care herself") carries a run on, never makes one alone
            out.append(list(range(s, end)))
    return out


def _said_after(r: ShapeReading, words: list[str], start: int) -> tuple[int, bool] | None:
    """Where the act (and its marker or object) said from `start` ends, and whether the act was one of `links` only
    (None: not said there)."""
    for i, a_end in _next(r.acts + r.links, words, start, r.act_reach + 1, r.stops):
        link = _at(r.acts, words, i) == 0
        if r.shape == "subject_act" and _done_to(r, words, a_end):
            continue
        if r.shape == "subject_act" and not r.markers:
            return a_end, link
        tail = r.markers if r.shape == "subject_act" else r.objects
        reach = r.marker_reach if r.shape == "subject_act" else r.object_reach
        found = _next(tail, words, a_end, reach + 1, r.stops)
        if r.shape == "agent_object":  # "he punched her, police been out": no other word between the act and its object
            found = [(k, e) for k, e in found if all(w in r.object_between for w in words[a_end:k])]
        if found:
            end = found[0][1]
            while _at(tail, words, end):  # markers said one after another ("herself as a child")
                end += _at(tail, words, end)
            return end, link
    return None


_POSSESSIVES = frozenset("his her their my".split())
_NOT_AN_OBJECT_AFTER = frozenset("own whole entire childhood life teens youth".split())


def _done_to(r: ShapeReading, words: list[str], k: int) -> bool:
    """fix39c (mut35's probe "she said her dad kicked her mum when she was on the floor", docs/adviser.md "Search39c"):
    whether the act ending at `k` is done by the subject to a person said just after it (one of `done_to`, past "his",
    "her", "their" or "my": "dad kicked HER MUM when she was ...", "dad hit HIM when he was ..."). The subject's own
    past harm is said in the passive ("was kicked", "beaten by his own father"), never with an object: an adult's act
    on another is no adult's own childhood, and "when she was" then reads the other's moment, not a time past."""
    if not r.done_to or k >= len(words):
        return False
    w = words[k]
    if w in _POSSESSIVES and k + 1 < len(words):
        if words[k + 1] in r.done_to:
            return True
        return w == "her" and words[k + 1] not in _NOT_AN_OBJECT_AFTER  # "hit her when he was drunk": her, the object
    return w in r.done_to
