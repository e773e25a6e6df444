"""orjson in place of the stdlib json inside durable-rules.

durable-rules passes the whole state through `json.dumps`/`json.loads` on every rule action
(several times per evaluation); profiled, that was the largest single cost of `evaluate()`
after the C engine itself. orjson writes the same JSON (compact, UTF-8 as with
`ensure_ascii=False`) several times faster. Anything orjson refuses (a non-string key, an
integer beyond 64 bits) falls back to the stdlib, so nothing durable-rules could encode before
is refused now.
"""

from __future__ import annotations

import json as _stdlib_json

import orjson
from durable import engine as _durable_engine


class _OrjsonWithFallback:
    """The two functions of `json` that durable.engine calls, with its keyword arguments."""

    JSONDecodeError = _stdlib_json.JSONDecodeError

    @staticmethod
    def dumps(obj, **kwargs) -> str:
        if kwargs.get("ensure_ascii", True) is False and len(kwargs) == 1:
            try:
                return orjson.dumps(obj).decode()
            except TypeError:
                pass
        return _stdlib_json.dumps(obj, **kwargs)

    @staticmethod
    def loads(text, **kwargs):
        if kwargs:
            return _stdlib_json.loads(text, **kwargs)
        return orjson.loads(text)


dumps = _OrjsonWithFallback.dumps


def install() -> None:
    """Point durable.engine at orjson; idempotent. Fails loudly if durable-rules changed shape."""
    current = getattr(_durable_engine, "json", None)
    if current is None:
        raise RuntimeError("durable.engine no longer uses a module-level `json`: review rules/fast_json.py")
    _durable_engine.json = _OrjsonWithFallback


def installed() -> bool:
    return _durable_engine.json is _OrjsonWithFallback


def uninstall() -> None:
    """Back to the stdlib (tests compare decisions both ways)."""
    _durable_engine.json = _stdlib_json
