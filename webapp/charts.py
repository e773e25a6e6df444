"""The managers' dashboard drawn on the server: horizontal bar charts as SVG geometry (SVG
attributes only: the CSP allows no inline styles), each with a text alternative; the page puts
a table with the same numbers under every chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from pathway.dates import month_words
from pathway.levels import LEVELS

LABEL_W, BAR_W, ROW_H, VALUE_W = 230, 300, 28, 60
# one fill per level, lowest first (GOV.UK colours; each differs from white by at least 3:1)
LEVEL_FILLS = ["#00703c", "#1d70b8", "#4c2c92", "#b58840", "#d4351c"]


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    fill: str
    name: str
    value: int


@dataclass(frozen=True)
class Bar:
    y: int
    label: str
    segments: list[Segment]
    total: str  # the number written after the bar


@dataclass(frozen=True)
class Bars:
    width: int
    height: int
    bars: list[Bar]
    description: str


def _scale(value: float, most: float) -> float:
    return 0 if not most else round(BAR_W * value / most, 1)


def bars(rows: list[tuple[str, float]], *, unit: str = "", what: str) -> Bars:
    """One bar per (label, value), scaled to the largest."""
    most = max((v for _l, v in rows), default=0)
    out = [
        Bar(y=i * ROW_H, label=label, total=f"{value:g}{unit}", segments=[Segment(LABEL_W, _scale(value, most), "#1d70b8", label, value)])
        for i, (label, value) in enumerate(rows)
    ]
    desc = f"{what}: " + "; ".join(f"{label} {value:g}{unit}" for label, value in rows) + "." if rows else f"{what}: none yet."
    return Bars(LABEL_W + BAR_W + VALUE_W, max(1, len(rows)) * ROW_H, out, desc)


def month_label(month: str) -> str:
    return month_words(datetime.strptime(month, "%Y-%m"))


def level_bars(months: list[tuple[str, dict[str, int]]]) -> Bars:
    """One stacked bar per month: how many decisions at each (recorded) level."""
    most = max((sum(c.values()) for _m, c in months), default=0)
    out, parts = [], []
    for i, (month, counts) in enumerate(months):
        x, segments = float(LABEL_W), []
        for lv, fill in zip(LEVELS, LEVEL_FILLS):
            w = _scale(counts[lv.value], most)
            if counts[lv.value]:
                segments.append(Segment(x, w, fill, lv.label, counts[lv.value]))
            x += w
        out.append(Bar(i * ROW_H, month_label(month), segments, str(sum(counts.values()))))
        parts.append(f"{month_label(month)}: " + ", ".join(f"{s.name} {s.value}" for s in segments))
    desc = ("Decisions by level each month: " + "; ".join(parts) + ".") if months else "No decisions saved yet."
    return Bars(LABEL_W + BAR_W + VALUE_W, max(1, len(months)) * ROW_H, out, desc)


def legend() -> list[tuple[str, str]]:
    return [(lv.label, fill) for lv, fill in zip(LEVELS, LEVEL_FILLS)]
