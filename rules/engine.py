"""The one door to durable-rules: register once, serialise every call, delete every state.

durable-rules 2.0.28 is process-global and fragile (measured here): at most 1024 live states
(MemoryError past that), crashes when several threads post at once or when states are deleted
out of creation order, a ruleset name can be registered only once, an exception in an action is
returned in the state rather than raised, and a fact no rule matches raises. So: every
evaluation runs under one lock, uses a fresh state id, and deletes that state before the lock
is released; action failures and unmatched facts become RulesError.

durable-rules' Host also starts two daemon timer threads that, every 0.2 s, pull pending
actions and timers from every ruleset without any lock of ours: they raced with evaluations
here (an intermittent "error code: 307" after thousands of evaluations). We use neither
timers nor queued actions (every action runs synchronously inside assert_facts), so the host
installed below never starts those threads.
"""

from __future__ import annotations

import itertools
import threading
import time
from typing import Callable

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
        rule_count = len(definition.rules)
        # durable-rules compiles a ruleset when it is first used: do that now, at start-up,
        # rather than on the first (possibly concurrent) request.
        _durable.get_host().get_ruleset(name)
        _REGISTERED[name] = rule_count


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


def run(name: str, facts: list[dict]) -> list[dict]:
    """Assert `facts` into a fresh state of ruleset `name`; return the findings its rules emitted."""
    host = _HOST
    if name not in _REGISTERED or host is None:
        raise RulesError(f"ruleset {name!r} is not registered")
    with _LOCK:
        sid = f"e{next(_SIDS)}"
        _COLLECTED[sid] = []
        try:
            result = host.assert_facts(name, [{**fact, "sid": sid} for fact in facts])
            if isinstance(result, dict) and "exception" in result:
                raise RulesError(f"a rule action failed in {name}: {result['exception'].split(', traceback')[0]}")
            return _COLLECTED[sid]
        except _durable_engine.MessageNotHandledException as exc:
            raise RulesError(f"a fact matched no rule in {name}") from exc
        except _durable_engine.MessageObservedException as exc:
            raise RulesError(f"a fact was asserted twice in {name}") from exc
        except RulesError:
            raise
        except Exception as exc:  # the C engine's own errors: never let them reach a user raw
            raise RulesError(f"the rules engine failed in {name}: {type(exc).__name__}") from exc
        finally:
            _COLLECTED.pop(sid, None)
            try:
                host.delete_state(name, sid)
            except Exception:  # the state may never have been created (nothing matched)
                pass
