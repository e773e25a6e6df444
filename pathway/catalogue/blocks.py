"""Blocks whose keys the rules name: a misspelt or missing key fails at load, with its name."""

from __future__ import annotations

from typing import Generic, TypeVar

from pathway.catalogue.sources import _Strict

E = TypeVar("E")


class _Block(_Strict, Generic[E]):
    """A block whose keys the rules name: each key is a field, so a misspelt or missing key fails at
    load with its name. `block[key]` is for a key the rules choose at run time (a route, an action)."""

    def __getitem__(self, key: str) -> E:
        if key not in type(self).model_fields:
            raise KeyError(key)
        return getattr(self, key)
