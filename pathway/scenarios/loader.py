"""Read and write scenario files, refusing anything wrong with the file, scenario and field named.

A trainer edits these files by hand, so every problem is reported at once (not just the first)
and in their terms: `file`, `scenario` id (or position when it has no id), and `field`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, NamedTuple, Optional

import yaml
from pydantic import ValidationError

from pathway.catalogue import Catalogue, load_catalogue
from pathway.checks import resolve_indicators
from pathway.models import Case, CaseError, _field_error
from pathway.scenarios.model import Scenario, with_required_in_both_places
from pathway.shipped import shipped
from pathway.yaml_load import UniqueKeys

SHIPPED_DIR = shipped("scenarios")
SUFFIXES = (".yaml", ".yml")
# Bounds on what a file may expand to, checked before anything walks it whole: a scenario nests
# 4 deep and the 48 shipped ones hold about 1,850 values in all, while a few hundred bytes of
# nested aliases (*name) expand to hundreds of millions of values, and an alias inside itself or
# thousands of brackets are endless or too deep to encode.
MAX_DEPTH = 40
MAX_VALUES = 1_000_000
# No value here is a number beyond a database integer; YAML reads 0x, 0o and base-60 numbers of any
# length (Python limits only decimal text to 4,300 digits), which then cannot be written out.
MAX_INT = 2**63 - 1

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(UniqueKeys, _Base):  # type: ignore[valid-type,misc]  # libyaml's CSafeLoader when present, else SafeLoader
    """Safe YAML without timestamp resolution: a contact_time stays text and is checked as the
    contract checks it (timezone required), rather than silently becoming a naive datetime. A key
    given twice in one mapping is refused, naming it and both lines (review 8 surfaces D1)."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"] for first, resolvers in _Base.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class ScenarioError(ValueError):
    """One refused scenario (or file): where it is and which field is wrong."""

    file: str
    scenario: Optional[str]
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}: {self.scenario}" if self.scenario else self.file
        return f"{where}: {self.field}: {self.message}"


class ScenarioErrors(ValueError):
    """Every problem found in the files given; `errors` lists them in file order."""

    def __init__(self, errors: list[ScenarioError]):
        self.errors = errors
        super().__init__("\n".join(str(e) for e in errors))


class Loaded(NamedTuple):
    """A scenario and the file it came from (kept out of the model so exports compare equal)."""

    file: str
    scenario: Scenario


def default_paths() -> list[Path]:
    """The scenarios shipped with the tool (package data: pathway/data/scenarios/)."""
    return [SHIPPED_DIR]


def load(path: str | Path, catalogue: Optional[Catalogue] = None) -> list[Scenario]:
    """The scenarios of one file (a mapping for one scenario, or a list of them)."""
    scenarios, errors = check_file(Path(path), catalogue or load_catalogue())
    if errors:
        raise ScenarioErrors(errors)
    return scenarios


def dump_scenarios(scenarios: Iterable[Scenario]) -> str:
    """YAML text that `load` reads back into equal scenarios (trainers export and import)."""
    # answers.indicators is the old name of model.required: written once, under its new name
    data = [s.model_dump(mode="json", exclude_defaults=True, exclude={"answers": {"indicators"}}) for s in scenarios]
    for item in data:
        if item.get("answers") == {}:
            del item["answers"]
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def expand(paths: Iterable[str | Path], errors: list[ScenarioError]) -> list[Path]:
    """The scenario files named or found under folders, in a stable order; missing paths become errors."""
    files: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found = sorted(f for f in p.rglob("*") if f.suffix in SUFFIXES and f.is_file())
            if not found:
                errors.append(ScenarioError(str(p), None, "(file)", "folder holds no .yaml scenario files"))
            files += found
        elif p.is_file():
            files.append(p)
        else:
            errors.append(ScenarioError(str(p), None, "(file)", "no such file or folder"))
    return files


def check_file(file: Path, catalogue: Catalogue) -> tuple[list[Scenario], list[ScenarioError]]:
    """A file's valid scenarios and the problems of the others (the caller decides whether to refuse)."""
    name = str(file)
    try:
        text = file.read_text(encoding="utf-8")
    except OSError as exc:
        return [], [ScenarioError(name, None, "(file)", f"cannot read: {exc.strerror}")]
    except UnicodeDecodeError:
        return [], [ScenarioError(name, None, "(file)", "not UTF-8 text")]
    return _parse(text, name, catalogue)


def loads(text: str, name: str = "<text>", catalogue: Optional[Catalogue] = None) -> list[Scenario]:
    """The scenarios in YAML text (an import pasted or uploaded rather than read from a file)."""
    scenarios, errors = _parse(text, name, catalogue or load_catalogue())
    if errors:
        raise ScenarioErrors(errors)
    return scenarios


def loads_partly(text: str, name: str = "<text>", catalogue: Optional[Catalogue] = None) -> tuple[list[Scenario], list[ScenarioError]]:
    """The scenarios in YAML text that read with no problem, and the problems of the others (a stored
    practice session's scenarios after a release: those that still read are summarised, the others
    named; review 11 surfaces, W3). Nothing is refused here: the caller says what is left out."""
    scenarios, errors = _parse(text, name, catalogue or load_catalogue())
    refused = {e.scenario for e in errors}
    return [s for s in scenarios if s.id not in refused], errors


def _too_big(data) -> Optional[str]:
    """Why parsed YAML is refused as too big, too deep or holding a number too large (None: it is
    not). Walks at most MAX_VALUES values, counting each alias as often as it is used."""
    seen, stack = 0, [(data, 1)]
    while stack:
        node, depth = stack.pop()
        seen += 1
        if seen > MAX_VALUES:
            return f"more than {MAX_VALUES:,} values once its aliases (*name) are written out"
        if depth > MAX_DEPTH:
            return f"nested more than {MAX_DEPTH} deep, or an alias (*name) is used inside itself"
        if isinstance(node, int) and not -MAX_INT <= node <= MAX_INT:
            return f"a number is too large (more than {MAX_INT:,})"
        if isinstance(node, dict):
            stack += [(v, depth + 1) for pair in node.items() for v in pair]
        elif isinstance(node, list):
            stack += [(v, depth + 1) for v in node]
    return None


def _parse(text: str, name: str, catalogue: Catalogue) -> tuple[list[Scenario], list[ScenarioError]]:
    try:
        data = yaml.load(text, Loader=_Loader)
    except ValueError as exc:  # e.g. an integer of 4,300 digits or more, which Python refuses to read
        return [], [ScenarioError(name, None, "(file)", f"a value cannot be read: {str(exc)[:120]}")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        return [], [ScenarioError(name, None, "(file)", f"not valid YAML{where}: {getattr(exc, 'problem', exc)}")]
    too_big = _too_big(data)
    if too_big:
        return [], [ScenarioError(name, None, "(file)", too_big)]
    items = data if isinstance(data, list) else [data] if isinstance(data, dict) else None
    if not items:
        return [], [ScenarioError(name, None, "(file)", "expected a scenario (mapping) or a list of scenarios")]
    scenarios, errors = [], []
    for position, raw in enumerate(items, start=1):
        label = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else f"#{position}"
        scenario, problems = _check(raw, catalogue)
        errors += [ScenarioError(name, label, field, message) for field, message in problems]
        if scenario is not None:
            scenarios.append(scenario)
    return scenarios, errors


def _check(raw, catalogue: Catalogue) -> tuple[Optional[Scenario], list[tuple[str, str]]]:
    """The scenario, or the (field, message) problems that refuse it."""
    try:
        scenario = Scenario.model_validate_json(json.dumps(with_required_in_both_places(raw), default=str))
    except ValidationError as exc:
        errs = [_field_error(e) for e in exc.errors()]
        return None, [(e.field if e.field != "(body)" else "(scenario)", e.message) for e in errs]
    problems = []
    if not scenario.child.unborn and scenario.child.age_years is None:
        # an assessment may leave the age out; a teaching case may not: age bands are part of the lesson
        problems.append(("child.age_years", "a scenario must give the child's age (or unborn: true)"))
    model = raw.get("model") if isinstance(raw, dict) else None
    where = "model.required" if isinstance(model, dict) and "required" in model else "answers.indicators"
    problems += _indicator_problems(scenario.case(), where, catalogue)
    if scenario.model.also_acceptable:
        extra = Case(child=scenario.child, parent=scenario.parent, indicators=list(scenario.model.also_acceptable), context=scenario.answers.context)
        problems += _indicator_problems(extra, "model.also_acceptable", catalogue)
    # a ruled-out indicator may be outside the child's age band (that can be the lesson): it must only exist
    problems += [(f"model.ruled_out[{n}]", f"unknown indicator {i!r}") for n, i in enumerate(scenario.model.ruled_out) if not catalogue.has_indicator(i)]
    problems += [
        (f"teaching.cites[{n}].indicator", f"unknown indicator {c.indicator!r}")
        for n, c in enumerate(scenario.teaching.cites)
        if c.indicator and not catalogue.has_indicator(c.indicator)
    ]
    known = {c.id for c in catalogue.contacts}
    contact = scenario.model.first_contact
    if contact is not None and contact not in known:
        problems.append(("model.first_contact", f"unknown contact {contact!r}"))
    problems += [(f"model.contacts[{n}]", f"unknown contact {c!r}") for n, c in enumerate(scenario.model.contacts) if c not in known]
    return (None, problems) if problems else (scenario, [])


def _indicator_problems(case: Case, where: str, catalogue: Catalogue) -> list[tuple[str, str]]:
    """Unknown indicators, or ones outside the child's age band, named as `where[n]`."""
    try:
        resolve_indicators(case, catalogue)
    except CaseError as exc:
        return [(where + e.field.removeprefix("indicators") if e.field.startswith("indicators") else f"answers.{e.field}", e.message) for e in exc.errors]
    return []
