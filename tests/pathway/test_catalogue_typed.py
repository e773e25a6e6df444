"""Every block of the catalogue is a typed model: a key no model declares (a typo, a leftover the
code no longer reads) fails at load with its path named, never later as a KeyError in a rule."""

from __future__ import annotations

import copy
import re
import typing
from pathlib import Path

import pytest
import yaml
from pydantic import BaseModel, ValidationError

from pathway.catalogue import DATA_FILE, Catalogue, load_catalogue

RAW = yaml.safe_load(DATA_FILE.read_text(encoding="utf-8"))


def _models(model: type[BaseModel], seen: set) -> set:
    """Every pydantic model a catalogue is made of (the field types, followed through lists and dicts)."""
    if model in seen:
        return seen
    seen.add(model)
    for field in model.model_fields.values():
        stack = [field.annotation]
        while stack:
            tp = stack.pop()
            if isinstance(tp, type) and issubclass(tp, BaseModel):
                _models(tp, seen)
            stack += [a for a in typing.get_args(tp) if a is not type(None)]
    return seen


def _mappings(node, path=()):
    """(path, mapping) for every mapping in the YAML, at any depth."""
    if isinstance(node, dict):
        yield path, node
        for key, value in node.items():
            yield from _mappings(value, path + (key,))
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _mappings(value, path + (i,))


def _dotted(path) -> str:
    """A path as pydantic's message writes it (indicators.0.id)."""
    return ".".join(map(str, path))


def test_every_model_of_the_catalogue_refuses_unknown_keys():
    models = _models(Catalogue, set())
    assert len(models) > 20  # the walk reached the nested blocks, not just the top
    assert [m.__name__ for m in models if m.model_config.get("extra") != "forbid"] == []
    # no block is left a free-form mapping or a list of them
    loose = [
        f"{m.__name__}.{name}"
        for m in models
        for name, f in m.model_fields.items()
        if f.annotation is dict or typing.get_origin(f.annotation) is dict or dict in typing.get_args(f.annotation)
    ]
    assert loose == []


def test_a_key_no_model_declares_fails_wherever_it_is():
    """One unknown key put into every mapping of the YAML: each one is refused, by its path."""
    data = copy.deepcopy(RAW)
    paths = [path for path, mapping in _mappings(data)]
    for path, mapping in _mappings(data):
        mapping["not_a_field"] = 1
    with pytest.raises(ValidationError) as caught:
        Catalogue.model_validate(data)
    refused = {tuple(e["loc"]) for e in caught.value.errors() if e["type"] == "extra_forbidden"}
    assert len(paths) > 500
    assert refused == {path + ("not_a_field",) for path in paths}


def _first_leaf_key(node, path=()):
    """The path to the first key of the first mapping found going down the first entries."""
    while True:
        if isinstance(node, list):
            path, node = path + (0,), node[0]
        elif isinstance(node, dict) and isinstance(next(iter(node.values())), (dict, list)):
            key = next(iter(node))
            path, node = path + (key,), node[key]
        else:
            return path + (next(iter(node)),)


def _misspell(word: str) -> str:
    return word[:-2] + word[-1] + word[-2] if len(word) > 2 else word + "x"


@pytest.mark.parametrize("block", list(RAW))
def test_a_misspelt_key_in_each_block_is_a_load_error_naming_it(tmp_path: Path, block):
    data = copy.deepcopy(RAW)
    path = (block,) + _first_leaf_key(data[block])
    parent = data
    for part in path[:-1]:
        parent = parent[part]
    wrong = _misspell(path[-1])
    parent[wrong] = parent.pop(path[-1])
    file = tmp_path / "misspelt.yaml"
    file.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        load_catalogue(file)
    message = str(caught.value)
    assert f"{_dotted(path[:-1] + (wrong,))}\n  Extra inputs are not permitted" in message


def test_the_blocks_the_rules_read_are_attributes_not_mappings():
    c = load_catalogue()
    for block in (
        c.interpretations,
        c.guidance,
        c.actions,
        c.routing,
        c.assumptions,
        c.disabled_children_routing,
        c.disagreements,
        c.ruleset,
        c.age,
        c.timescales,
    ):
        assert isinstance(block, BaseModel), type(block)
    assert c.timescales["confirm_in_writing"].within == "24 hours"
    assert c.routing["universal"] is c.routing.universal  # a route the rules choose at run time
    with pytest.raises(KeyError):
        c.routing["model_dump"]  # only the block's own keys


def test_a_need_is_read_as_a_specialist_disability_need_from_one_list():
    """`interpretations.cin_disability.indicators` is the one place: indicators carry no flag of their own."""
    data = copy.deepcopy(RAW)
    data["indicators"][0]["specialist_disability_need"] = True
    with pytest.raises(ValidationError, match="indicators.0.specialist_disability_need"):
        Catalogue.model_validate(data)


def test_twin_links_are_stated_once_in_the_twins_block():
    data = copy.deepcopy(RAW)
    data["indicators"][5]["same_words_as"] = [data["indicators"][6]["id"]]
    with pytest.raises(ValidationError, match=r"indicators\[5\].same_words_as: derived from the twins block"):
        Catalogue.model_validate(data)


def test_every_timescale_the_catalogue_words_is_one_of_its_timescales():
    """Levels' actions and assessments quote Appendix 3's timescales in their own sentences: each
    one they quote is in `timescales`, so the two cannot drift apart unnoticed."""
    c = load_catalogue()
    known = {_core(t.within) for _name, t in c.timescales}
    texts = [t for lv in c.levels for t in lv.actions + lv.assessments]
    texts.append(c.guidance.confirm_in_writing.text.format(**c.timescales.words()))
    quoted = {_core(m) for t in texts for m in re.findall(WITHIN, t)}
    assert quoted and quoted <= known, quoted - known


WITHIN = r"within ((?:a maximum of )?(?:one|\d+) (?:working days?|hours))"


def _core(within: str) -> str:
    return re.match(r"(?:a maximum of )?((?:one|\d+) (?:working days?|hours))", within).group(1)
