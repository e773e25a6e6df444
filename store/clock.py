"""The store's time is the app's one clock (pathway.clock), so tests set it in one place."""

from __future__ import annotations

from pathway.clock import aware, utcnow

__all__ = ["aware", "utcnow"]
