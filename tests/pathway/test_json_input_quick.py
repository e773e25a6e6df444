"""pathway.json_input.duplicated_keys answers most bodies from a quick parse that only notices a key
given twice, and walks the body to name the keys only when there is one (issue 17). Its answer must be
the one the walk alone gives, for bodies with and without repeated keys, nested, in lists, and bodies
that are not JSON (a repeated key before or after the fault).

The oracle here keeps every object as its list of pairs and names the repeated keys breadth first,
in document order, as the module's docstring promises."""

from __future__ import annotations

import json
import random
from collections import deque

import pytest

from pathway.json_input import duplicated_keys


class _Pairs(list):
    pass


def _expected(raw: str) -> list[str]:
    try:
        data = json.loads(raw, object_pairs_hook=_Pairs)
    except (ValueError, RecursionError):
        return []
    found: list[str] = []
    queue = deque([(data, "")])
    while queue:
        node, path = queue.popleft()
        if isinstance(node, _Pairs):
            keys = [k for k, _ in node]
            # a key is named once, where it is given the second time
            found += [f"{path}.{k}" if path else k for n, k in enumerate(keys) if keys[:n].count(k) == 1]
            last = {k: v for k, v in node}
            queue.extend((v, f"{path}.{k}" if path else k) for k, v in last.items())
        elif isinstance(node, list):
            queue.extend((v, f"{path}[{n}]") for n, v in enumerate(node))
    return found


def _value(rng: random.Random, depth: int) -> str:
    roll = rng.random()
    if depth > 3 or roll < 0.4:
        return rng.choice(["1", '"x"', "null", "true", "[]", "{}", '"a\\"b"', "2.5"])
    if roll < 0.6:
        return "[" + ", ".join(_value(rng, depth + 1) for _ in range(rng.randint(0, 3))) + "]"
    keys = [rng.choice("abcde") for _ in range(rng.randint(0, 5))]
    if rng.random() < 0.7:  # mostly every key once, as real bodies are
        keys = list(dict.fromkeys(keys))
    return "{" + ", ".join(f'"{k}": {_value(rng, depth + 1)}' for k in keys) + "}"


def _bodies(n: int):
    rng = random.Random(17)
    for k in range(n):
        text = _value(rng, 0)
        if k % 7 == 0 and len(text) > 2:
            text = text[: rng.randint(1, len(text) - 1)]  # cut short: not JSON
        yield text


def test_the_oracle_names_what_the_docstring_says():
    assert _expected('{"a": 1, "a": 2, "a": 3, "b": {"c": [{"d": 1, "d": 2}], "c": 1}}') == ["a", "b.c"]  # b.c keeps its last value: the list is not walked
    assert _expected('{"a": [{"x": 1, "x": 2}], "b": {"y": 1, "y": 1}}') == ["b.y", "a[0].x"]


@pytest.mark.parametrize("as_bytes", [False, True])
def test_the_quick_answer_is_the_walks_answer(as_bytes):
    seen = {"twice": 0, "once": 0, "not_json": 0}
    for text in _bodies(3000):
        raw = text.encode() if as_bytes else text
        expected = _expected(text)
        assert duplicated_keys(raw) == expected, text
        try:
            json.loads(text)
        except ValueError:
            seen["not_json"] += 1
            continue
        seen["twice" if expected else "once"] += 1
    assert min(seen.values()) > 200, seen  # each kind of body was tried many times


def test_a_repeated_key_before_or_after_a_fault_is_not_named():
    assert duplicated_keys('{"a": 1, "a": 2, "b": }') == []
    assert duplicated_keys('{"b": [, {"a": 1, "a": 2}') == []
    assert duplicated_keys('{"x": {"a": 1, "a": 2}, "y": tru}') == []
    assert duplicated_keys("[" * 100_000) == []
