"""The one door to durable-rules: register once, serialise every call, delete every state.

durable-rules 2.0.28 is process-global and fragile (measured here): at most 1024 live states
(MemoryError past that), crashes when several threads post at once or when states are deleted
out of creation order, a ruleset name can be registered only once, an exception in an action is
returned in the state rather than raised, and a fact no rule matches raises. So: every
evaluation runs under one lock, uses a fresh state id, and deletes that state before the lock
is released; action failures and unmatched facts become RulesError.

Its Python host also costs more per rule action than the C engine does (a Closure, a Promise,
a callback defined per action, two clock reads, the state encoded again): `run` drives the C
engine (`durable_rules_engine`) itself, with the same calls in the same order as durable-rules'
own loop (`Ruleset._flush_actions`: assert, start the state's first action, then per action
run it, update the state, complete it and start the next), one JSON parse per action. The C
engine parses every fact posted and serialises the matched fact again for every action, so it
is given only the attributes the ruleset's conditions read (worked out from the compiled
definition; where it holds anything this module does not understand, the whole fact); an
action still reads the whole fact (`c.m`), found by its position in the call. That position
also lets `run_each` decide several cases in one state (the what-if list), each fact's findings
kept apart; an action that fails is abandoned at once and the state deleted all the same.

durable-rules' Host also starts two daemon timer threads that, every 0.2 s, pull pending
actions and timers from every ruleset without any lock of ours: they raced with evaluations
here (an intermittent "error code: 307" after thousands of evaluations). We use neither
timers nor queued actions (every action runs synchronously inside assert_facts), so the host
installed below never starts those threads.
"""

from __future__ import annotations

import itertools
import operator
import threading
import time
from typing import Any, Callable, Mapping

import durable_rules_engine
import orjson
from durable import engine as _durable_engine
from durable import lang as _durable

from rules import fast_json


class RulesError(RuntimeError):
    """The rules engine failed on a case: a defect in the rules, never the user's fault."""


_LOCK = threading.Lock()


class _HostWithoutDispatchers(_durable_engine.Host):
    """A durable-rules host that does not start its background dispatcher threads."""

    def _run(self):
        pass


def _fast_clock() -> None:
    """durable-rules reads its clock twice per rule action through `_unix_now`, which builds two
    datetimes (7% of evaluate()). Only differences of it are ever used (action and timer
    timeouts), so a monotonic clock gives the same behaviour, cheaper, and immune to clock jumps."""
    _durable_engine._unix_now = time.monotonic


def _install_host() -> _HostWithoutDispatchers:
    if _durable._main_host is None:
        _durable._main_host = _HostWithoutDispatchers()
    elif not isinstance(_durable._main_host, _HostWithoutDispatchers):
        raise RulesError("durable-rules was started before rules.engine: its dispatcher threads would race")
    return _durable._main_host


_HOST: "_HostWithoutDispatchers | None" = None  # kept: durable.lang re-registers on every call (~0.1 ms)
_REGISTERED: dict[str, int] = {}  # name -> number of rules
_RULESETS: dict[str, tuple[int, dict[str, Callable], "tuple[str, ...] | None"]] = {}  # name -> (C engine handle, rule -> action, attributes matched)
_POSITION = "fact_position"  # the attribute a posted fact carries to find its whole self again
_COLLECTED: dict[str, list[dict]] = {}
_SIDS = itertools.count(1)


def register(name: str, define: Callable[[Callable[[str, dict], None]], None]) -> None:
    """Define ruleset `name` once per process; `define(emit)` declares its rules."""
    with _LOCK:
        if name in _REGISTERED:
            return
        global _HOST
        _HOST = _install_host()
        fast_json.install()
        _fast_clock()
        definition = _durable.ruleset(name)
        with definition:
            define(_emit)
            _warm_up_rule()
        rule_count = len(definition.rules) - 1  # the warm-up rule is the engine door's, not the document's
        # durable-rules compiles a ruleset when it is first used: do that now, at start-up,
        # rather than on the first (possibly concurrent) request.
        compiled = _durable.get_host().get_ruleset(name)
        _RULESETS[name] = (compiled._handle, _plain_actions(name, compiled), matched_attributes(compiled.get_definition()))
        _run_locked(name, [{"kind": _WARM_UP}], each=False)
        _REGISTERED[name] = rule_count


_WARM_UP = "rules.engine warm-up"


def _warm_up_rule() -> None:
    """A rule no real fact meets, fired once at registration. The C engine crashes the process
    (segfault) when the first fact a ruleset ever sees matches no rule and its state is then
    deleted; once one fact has matched, the same unmatched fact is refused cleanly (RulesError).
    A rule defect, e.g. in a draft catalogue under training.ruleset_diff, must not kill a worker."""

    @_durable.when_all(_durable.m.kind == _WARM_UP)
    def engine_warm_up(c):
        pass


def _plain_actions(name: str, compiled: _durable_engine.Ruleset) -> dict[str, Callable]:
    """Each rule's action as the function `define` gave: `run` calls it directly. Only plain
    synchronous actions are supported (no chained or asynchronous Promise: none is used here)."""
    actions = {}
    for rule, promise in compiled._actions.items():
        if type(promise) is not _durable_engine.Promise or promise._next is not None or not promise._sync:
            raise RulesError(f"rule {rule!r} of {name} is not a plain action: rules.engine runs only those")
        actions[rule] = promise._func
    return actions


_COMPARISONS = frozenset({"$lt", "$lte", "$gt", "$gte", "$neq", "$ex", "$nex"})


def matched_attributes(definition: dict) -> "tuple[str, ...] | None":
    """Every attribute of a fact the ruleset's conditions read (compared, or compared with), if
    every rule is a single-fact condition (`when_all(m...)`) built only of and/or and comparisons;
    otherwise None (the facts are then posted whole)."""
    names: set[str] = set()
    for rule in definition.values():
        if not isinstance(rule, dict) or set(rule) != {"all"} or len(rule["all"]) != 1 or set(rule["all"][0]) != {"m"}:
            return None
        if not _read_by(rule["all"][0]["m"], names):
            return None
    if _POSITION in names:
        return None
    return tuple(sorted(names))


def _read_by(condition, names: set[str]) -> bool:
    if not isinstance(condition, dict):
        return False
    for key, value in condition.items():
        if key in ("$and", "$or"):
            if not isinstance(value, list) or not all(_read_by(c, names) for c in value):
                return False
        elif key in _COMPARISONS:
            if not isinstance(value, dict) or not all(not a.startswith("$") and "." not in a and _operand(o, names) for a, o in value.items()):
                return False
            names.update(value)
        elif key.startswith("$") or "." in key:  # an operator, or a nested attribute (`m.a.b`): post whole facts
            return False
        else:
            names.add(key)
            if not _operand(value, names):
                return False
    return True


def _operand(value, names: set[str]) -> bool:
    """A constant, or another attribute of the same fact (`m.level_rank > m.current_rank`)."""
    if isinstance(value, dict):
        if set(value) == {"$m"} and isinstance(value["$m"], str) and "." not in value["$m"]:
            names.add(value["$m"])
            return True
        return False
    return value is None or isinstance(value, (str, int, float, bool))


_TESTS: dict[str, Callable[[Any, Any], bool]] = {
    "$lt": operator.lt,
    "$lte": operator.le,
    "$gt": operator.gt,
    "$gte": operator.ge,
    "$neq": operator.ne,
}


def holds(condition: dict, fact: Mapping[str, Any]) -> bool:
    """Whether `fact` meets a single-fact durable-rules condition as `value.define()` writes it (and,
    or, and comparisons of an attribute with a constant), read in Python: so one condition can be a
    rule's and also a question asked of it (rules/guidance.py `route_at`). Anything else is refused,
    and so is a fact without an attribute the condition reads: read only what is understood."""
    if not isinstance(condition, dict) or len(condition) != 1:
        raise RulesError(f"not a condition rules.engine.holds reads: {condition!r}")
    ((key, value),) = condition.items()
    if key == "$and":
        return all(holds(c, fact) for c in value)
    if key == "$or":
        return any(holds(c, fact) for c in value)
    if key in _TESTS and isinstance(value, dict) and len(value) == 1:
        ((name, operand),) = value.items()
        return _TESTS[key](_attribute(fact, name), _constant(operand))
    if key.startswith("$") or "." in key:
        raise RulesError(f"not a condition rules.engine.holds reads: {condition!r}")
    return bool(_attribute(fact, key) == _constant(value))


def _attribute(fact: Mapping[str, Any], name: str) -> Any:
    if name not in fact:
        raise RulesError(f"the fact has no {name!r}, which the condition reads")
    return fact[name]


def _constant(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise RulesError(f"not a constant rules.engine.holds compares with: {value!r}")


def dispatcher_threads() -> list[threading.Thread]:
    """durable-rules' own background threads, if any were started (there must be none)."""
    return [t for t in threading.enumerate() if isinstance(t, threading.Timer) and "dispatch" in getattr(getattr(t, "function", None), "__name__", "")]


def is_registered(name: str) -> bool:
    """Whether ruleset `name` is registered (read without the lock: a dict look-up)."""
    return name in _REGISTERED


def rule_count(name: str) -> int:
    """How many rules a registered ruleset holds (kept small: see the module docstring)."""
    return _REGISTERED[name]


def _emit(sid: str, finding: dict) -> None:
    """Called from rule actions (already under the lock) to record a finding."""
    _COLLECTED[sid].append(finding)


class _State:
    __slots__ = ("sid",)

    def __init__(self, sid: str):
        self.sid = sid


class _Fact:
    """`c.m` for a fact none of whose values is a dict: durable-rules' Content read the same way (an
    attribute is the fact's value, a missing one None), but each attribute read straight from the fact.
    Content holds none of them as attributes: every read raised an AttributeError inside Python, its
    message formatted, before Content's __getattr__ looked the key up (about 1.5 us a read, several reads
    a case; issue 17). Content reads a dict value as a Content: a fact with one is given as a Content."""

    def __getattr__(self, name):  # called only for a name the fact does not have
        return None

    def __setattr__(self, name, value):  # as Content's: None deletes the attribute
        if value == None:  # noqa: E711 - Content's own test
            del self.__dict__[name]
        else:
            self.__dict__[name] = value._d if isinstance(value, _durable_engine.Content) else value

    @property
    def _d(self) -> dict:  # Content's own attribute: the fact itself
        return self.__dict__

    def __getitem__(self, key):
        return self.__dict__.get(key)

    def __contains__(self, key):
        return key in self.__dict__

    def items(self):
        return self.__dict__.items()

    def __repr__(self):
        return repr(self.__dict__)


_FACT_NAMES = frozenset(dir(_Fact))  # a fact attribute named like one of _Fact's own is read as a Content


def _as_read(fact: dict) -> "_Fact | _durable_engine.Content":
    """What an action reads as `c.m` for `fact` (see _Fact)."""
    # the values' types, each asked once (Content's own test is isinstance(value, dict))
    if not _FACT_NAMES.isdisjoint(fact) or any(issubclass(t, dict) for t in set(map(type, fact.values()))):
        return _durable_engine.Content(fact)
    read = object.__new__(_Fact)
    object.__setattr__(read, "__dict__", fact)
    return read


class _Closure:
    """What an action reads: `c.m` (the matched fact, read as durable-rules' own Content reads it; another
    name a rule binds, as a Content) and `c.s.sid`. `whole`: where the engine was given part of each
    fact, the whole facts, found by their position in the call; `reads`, what an action reads of each,
    made when an action first reads its fact (an action that reads none, e.g. the engine's floor in
    benchmarks.engine_floor, makes none)."""

    __slots__ = ("s", "_binding", "_whole", "_reads")

    def __init__(self, state: _State, binding: dict, whole: "list[dict] | None", reads: "list | None"):
        self.s = state
        self._binding, self._whole, self._reads = binding, whole, reads

    @property
    def m(self):
        bound = self._binding.get("m")
        if bound is None:
            return None
        if self._whole is None or self._reads is None:
            return _as_read(bound)
        position = bound[_POSITION]
        read = self._reads[position]
        if read is None:
            read = self._reads[position] = _as_read(self._whole[position])
        return read

    def __getattr__(self, name):
        value = self._binding.get(name)
        if value is not None and self._whole is not None:
            value = self._whole[value[_POSITION]]
        return None if value is None else _durable_engine.Content(value)


def run(name: str, facts: list[dict]) -> list[dict]:
    """Assert `facts` into a fresh state of ruleset `name`; return the findings its rules emitted."""
    return _in_fresh_state(name, facts, each=False)


def run_each(name: str, facts: list[dict]) -> list[list[dict]]:
    """Each fact's findings, exactly as `run(name, [fact])` gives them, from one state: for callers
    that decide many cases at once (rules/what_if.py), the state's set-up and deletion are paid once
    per `BATCH` facts. Facts may repeat (each is its own case)."""
    if name in _REGISTERED and _RULESETS[name][2] is None:  # findings are told apart by position, which needs matched attributes
        return [run(name, [fact]) for fact in facts]
    out: list[list[dict]] = []
    for start in range(0, len(facts), BATCH):
        out += _in_fresh_state(name, facts[start : start + BATCH], each=True)
    return out


def _in_fresh_state(name: str, facts: list[dict], each: bool):
    """Run `facts` in a fresh state, under the lock, deleting it after; `each`: a list of findings per fact."""
    if name not in _REGISTERED or _HOST is None:
        raise RulesError(f"ruleset {name!r} is not registered")
    with _LOCK:
        return _run_locked(name, facts, each)


def _run_locked(name: str, facts: list[dict], each: bool):
    """The body of `_in_fresh_state`, for a caller that already holds the lock (`register`)."""
    handle, actions, matched = _RULESETS[name]
    sid = f"e{next(_SIDS)}"
    found: list = [[] for _ in facts] if each else []
    _COLLECTED[sid] = found[0] if each else found
    try:
        whole = [{**fact, "sid": sid} for fact in facts]
        if matched is None:
            _fire_all(handle, actions, sid, name, _encode(whole), None)
        else:
            if not each and any(whole[i] in whole[:i] for i in range(1, len(whole))):
                raise RulesError(f"a fact was asserted twice in {name}")  # as durable-rules says of whole facts
            part = [{**{k: f[k] for k in matched if k in f}, "sid": sid, _POSITION: i} for i, f in enumerate(whole)]
            _fire_all(handle, actions, sid, name, _encode(part), whole, found if each else None)
        return found
    except RulesError:
        raise
    except Exception as exc:  # the C engine's own errors: never let them reach a user raw
        raise RulesError(f"the rules engine failed in {name}: {type(exc).__name__}") from exc
    finally:
        _COLLECTED.pop(sid, None)
        try:
            durable_rules_engine.delete_state(handle, sid)
        except Exception:  # the state may never have been created (nothing matched)
            pass


# facts per state in run_each: durable-rules' per-state limits were never approached in the tests (1 to
# 128 tried). 32, not 16: a result page's what-if list (17 nearby cases for the benchmarks' journey, 18
# to 36 for most) then takes one state, or two, instead of two or three (about 25 us a state saved)
BATCH = 32


def _encode(facts: list[dict]) -> str:
    """The facts as durable-rules would post them (rules/fast_json.py: orjson, the stdlib where it refuses)."""
    return fast_json.dumps(facts, ensure_ascii=False)


def _fire_all(
    handle: int, actions: dict[str, Callable], sid: str, name: str, posted: str, whole: "list[dict] | None", each: "list[list[dict]] | None" = None
) -> None:
    """durable-rules' action loop for one state (Host.assert_facts, Ruleset.do_actions and
    _flush_actions), the same C calls in the same order, without its Closure/Promise machinery."""
    code, state_offset = durable_rules_engine.assert_facts(handle, posted)
    if code == 1:
        raise RulesError(f"a fact matched no rule in {name}")
    if code == 2:
        raise RulesError(f"a fact was asserted twice in {name}")
    if code == 3:
        state_offset = 0
    started = durable_rules_engine.start_action_for_state(handle, state_offset)
    if not started:
        return
    state_json, message = started  # the state as the engine wrote it: durable-rules parses and re-encodes it unchanged
    state = _State(sid)
    reads = None if whole is None else [None] * len(whole)  # what an action reads of each fact, made on first read
    while message:
        ((rule, binding),) = orjson.loads(message).items()
        if each is not None:  # run_each: this action's findings belong to its own fact
            _COLLECTED[sid] = each[binding["m"][_POSITION]]
        try:
            actions[rule](_Closure(state, binding, whole, reads))
        except Exception as exc:
            durable_rules_engine.abandon_action(handle, state_offset)
            raise RulesError(f"a rule action failed in {name}: {type(exc).__name__}: {exc}") from exc
        durable_rules_engine.update_state(handle, state_json)
        message = durable_rules_engine.complete_and_start_action(handle, state_offset)
