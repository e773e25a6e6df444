"""JSON from a user, refusing a key given twice in one object (review 8 surfaces, D1).

Python's json and pydantic's parser keep the last of a repeated key without a word (RFC 8259 leaves
its meaning unpredictable), so `"indicators": ["immediate.unexplained_bruising_under_2"],
"indicators": []` for a 1-year-old was decided on the empty list: Universal, not an immediate
referral (p9). Every parse of a user's JSON (the API's bodies, the command line's case) asks this
first; the project's YAML loaders refuse the same (pathway.yaml_load).
"""

from __future__ import annotations

import json
import re
from collections import deque

GIVEN_TWICE = "given twice in one object: send it once (which value was meant cannot be known)"


class _Object(dict):
    """A parsed JSON object that remembers the keys it was given more than once."""

    twice: list[str]


def _pairs(pairs: list[tuple[str, object]]) -> _Object:
    obj = _Object()
    obj.twice = []
    for key, value in pairs:
        if key in obj and key not in obj.twice:
            obj.twice.append(key)
        obj[key] = value
    return obj


class _Twice(Exception):
    """A key was given twice: stop the quick parse, the full one names it."""


def _dict_once(pairs: list[tuple[str, object]]) -> dict:
    obj = dict(pairs)
    if len(obj) != len(pairs):
        raise _Twice
    return obj


def duplicated_keys(raw: str | bytes) -> list[str]:
    """The path of every key given twice in one object ("indicators", "child.age_years",
    "items[2].id"), in document order; [] when there is none, or when `raw` is not JSON at all (the
    caller's own parser then says what is wrong with it).

    Most bodies give every key once: a quick parse that only compares each object's pairs with the
    dict they make says so without walking the body (issue 17: the walk was half the check's cost on
    every API request). Only a body with a key given twice is parsed again and walked to name them."""
    try:
        json.loads(raw, object_pairs_hook=_dict_once)
        return []
    except _Twice:
        pass
    except (ValueError, RecursionError):  # not JSON, not text, or nested past Python's limit
        return []
    try:
        data = json.loads(raw, object_pairs_hook=_pairs)
    except (ValueError, RecursionError):  # not JSON, not text, or nested past Python's limit
        return []
    found: list[str] = []
    # breadth first, in document order; a deque, since popping a list's head is linear and a 64 KB body
    # holds tens of thousands of values
    queue: deque[tuple[object, str]] = deque([(data, "")])
    while queue:
        node, path = queue.popleft()
        if isinstance(node, _Object):
            found += [f"{path}.{k}" if path else k for k in node.twice]
            queue.extend((v, f"{path}.{k}" if path else k) for k, v in node.items())
        elif isinstance(node, list):
            queue.extend((v, f"{path}[{n}]") for n, v in enumerate(node))
    return found


OUT_OF_RANGE = "number out of range: it has too many digits to be read"


class _Unreadable:
    """A number in a user's JSON that the API's parser (pydantic's) refuses as out of range."""


def _number(literal: str) -> object:
    from pydantic_core import from_json

    try:
        return from_json(literal)
    except ValueError:
        return _Unreadable()


def numbers_out_of_range(raw: str | bytes) -> list[str]:
    """The path of every number pydantic's JSON parser refuses as "number out of range" ("child.age_years",
    "indicators[2]", "limit"), in document order: that parser stops at the first without saying where it
    was, so the refusal named only "(body)" (review 19 surfaces). Python's parser reads the body again and
    hands each number's literal to pydantic's, alone, so what is named is what that parser refuses. [] when
    `raw` is not JSON to Python's parser (the caller then says what pydantic said)."""
    try:
        data = json.loads(raw, parse_int=_number, parse_float=_number)
    except (ValueError, RecursionError):
        return []
    found: list[str] = []
    stack: list[tuple[object, str]] = [(data, "")]
    while stack:  # depth first, children pushed in reverse: document order
        node, path = stack.pop()
        if isinstance(node, _Unreadable):
            found.append(path or "(body)")
        elif isinstance(node, dict):
            stack.extend(reversed([(v, f"{path}.{k}" if path else k) for k, v in node.items()]))
        elif isinstance(node, list):
            stack.extend(reversed([(v, f"{path}[{n}]") for n, v in enumerate(node)]))
    return found


LONE_SURROGATE = "has half of a character (a lone surrogate, {escape}), which is not text: send the text as UTF-8"
_SURROGATE = re.compile("[\ud800-\udfff]")


def lone_surrogates(raw: str | bytes) -> list[tuple[str, str]]:
    """(path, the first lone surrogate's escape) for every string (or key) holding a `\\ud800`-style escape with no
    partner, in document order: pydantic's parser refuses it as "unexpected end of hex escape" or "lone leading
    surrogate", at a column, naming no field and no surrogate (review 22 surfaces, S8). Python's parser reads them
    (as lone surrogates), so the walk finds each. [] when `raw` is not JSON to Python's parser."""
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        return []
    found: list[tuple[str, str]] = []
    stack: list[tuple[object, str]] = [(data, "")]
    while stack:  # depth first, children pushed in reverse: document order
        node, path = stack.pop()
        if isinstance(node, str):
            m = _SURROGATE.search(node)
            if m:
                found.append((path or "(body)", f"\\u{ord(m.group(0)):04x}"))
        elif isinstance(node, dict):
            for key in node:
                m = _SURROGATE.search(key)
                if m:
                    found.append((f"{path}.{key}" if path else key, f"\\u{ord(m.group(0)):04x}"))
            stack.extend(reversed([(v, f"{path}.{k}" if path else k) for k, v in node.items()]))
        elif isinstance(node, list):
            stack.extend(reversed([(v, f"{path}[{n}]") for n, v in enumerate(node)]))
    return found
