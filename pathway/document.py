"""The threshold document's own words, by section and page, for citations to open.

The text is the vendored copy (data/threshold_document.txt, the same as tests/data). It carries
no page breaks, so each section starts at the page the document's contents list gives it; a
section spanning several pages (Appendix 2, p25-36) gives all of them one start.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from pathway.shipped import shipped

TEXT = shipped("threshold_document.txt")

# (heading as it appears in the text, first page, last page), in the document's order
SECTIONS = [
    ("Introduction to the Family Support Pathway", 3, 3),
    ("Thresholds / Levels of support", 4, 4),
    ("Principles of early intervention, early help and seamless service provision", 5, 5),
    ("The Early Help Assessment (CAF)", 6, 6),
    ("Assessment process and stages", 7, 7),
    ("Information sharing", 7, 7),
    ("Decision making", 8, 8),
    ("“Responsive” immediate protection", 9, 9),
    ("Family Support Pathway – High level visual", 10, 10),
    ("Levels of need", 11, 11),
    ("Universal Support", 11, 11),
    ("Universal Support", 12, 12),
    ("Additional Support", 13, 13),
    ("Additional Support", 14, 14),
    ("Extensive Support", 15, 15),
    ("Extensive Support", 16, 16),
    ("Protection", 17, 17),
    ("Protection", 17, 17),
    ("Resolving Inter-Agency Disagreements", 18, 21),
    ("Useful information", 22, 22),
    ("Key contacts", 23, 23),
    ("Appendix 1: Step-Up Step-Down Process", 24, 24),
    ("Appendix 2 – Nottingham’s Early Help Offer", 25, 36),
    ("Appendix 3 – Social Care Processes", 37, 37),
]


@dataclass(frozen=True)
class Section:
    title: str
    first_page: int
    last_page: int
    anchors: tuple[int, ...]  # the pages whose anchor is at this section's start
    lines: tuple[str, ...]

    @property
    def pages(self) -> str:
        return f"p{self.first_page}" if self.first_page == self.last_page else f"p{self.first_page}-{self.last_page}"


@cache
def contents() -> tuple[str, ...]:
    """The document's own contents list (the lines before the first section)."""
    lines = TEXT.read_text(encoding="utf-8").splitlines()
    start = lines.index("Contents") + 1
    end = _starts(lines)[0]
    return tuple(line for line in lines[start:end] if line.strip())


def _starts(lines: list[str]) -> list[int]:
    at, found = lines.index("Contents") + 1, []
    for heading, _first, _last in SECTIONS:
        at = lines.index(heading, at + 1)
        found.append(at)
    return found


@cache
def sections() -> tuple[Section, ...]:
    lines = TEXT.read_text(encoding="utf-8").splitlines()
    starts = _starts(lines)
    out: list = []
    anchored: set[int] = set()
    for n, (heading, first, last) in enumerate(SECTIONS):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        pages = tuple(p for p in range(first, last + 1) if p not in anchored)
        anchored.update(pages)
        out.append(Section(heading, first, last, pages, tuple(lines[starts[n] + 1 : end])))
    return tuple(out)


def pages_of_line(number: int, lines: Sequence[str]) -> range:
    """The pages of the section holding 1-based line `number` of the document's text `lines`
    (empty before the first section: the title and contents list have no page of their own)."""
    starts = _starts(list(lines))
    held = [n for n, start in enumerate(starts) if start < number]
    if not held:
        return range(0)
    _heading, first, last = SECTIONS[held[-1]]
    return range(first, last + 1)
