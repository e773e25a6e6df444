"""Free text a person types (a note, a name, a label, a reason) must be written text, one rule for
every field on every surface (review 18 surfaces, S1 and S2):

- no control character other than tab and line breaks (C0, DEL and C1): a NUL cannot be stored in
  PostgreSQL and ends the text early in many tools; a BEL or a terminal escape (ESC[31m) pasted from
  another system changes what follows wherever the text is read back, the written referral above all;
- no bidirectional embedding, override or isolate control (U+202A-U+202E, U+2066-U+2069): it draws
  the words after it reversed or reordered, so the words a manager reads are not the words typed;
- a name with no visible character (spaces, a zero-width space) is no name.

Refused, never silently removed: the person sees what was wrong, named by the field's label, and
keeps what was saved before. Zero-width joiners and non-joiners are left alone (some scripts and
emoji need them); they only make a name empty when nothing visible is left.

Every road text comes in by goes through these (review 19 surfaces, S2 and S4): the forms, the store,
the scenario files (import, editor, shipped, `pathway scenarios`) and the owners' draft catalogue.
An optional field with nothing visible in it (spaces, zero-width spaces) is empty (`or_empty`), as a
required one refuses it as empty.
"""

from __future__ import annotations

import unicodedata
from typing import Optional

# a bidirectional embedding/override (LRE, RLE, PDF, LRO, RLO) or isolate (LRI, RLI, FSI, PDI)
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_SPACE = "\t\n\r"


def is_control(c: str) -> bool:
    """A C0 or C1 control character or DEL, other than tab and line breaks."""
    o = ord(c)
    return (o < 32 and c not in LINE_SPACE) or 127 <= o <= 159


NOT_WRITTEN = "must be written text: remove the control characters pasted into it"
NOTHING_VISIBLE = "has nothing to read: spaces or zero-width characters alone are no text"


def problem(text: str) -> Optional[str]:
    """What is wrong with `text` as written text, in words that follow the field's name, or None."""
    if any(is_control(c) or c in BIDI_CONTROLS for c in text or ""):
        return NOT_WRITTEN
    return None


def fault(text: str, label: str) -> Optional[str]:
    """What is wrong with `text` as written text, in words that name the field (`label`), or None."""
    found = problem(text)
    return f"{label} {found}" if found else None


def visible(text: str) -> bool:
    """Whether `text` has a character that draws: not only spaces, line breaks and format characters
    (category Cf: zero-width space, joiners, direction marks) or other invisible separators."""
    return any(not c.isspace() and unicodedata.category(c) not in ("Cf", "Cc", "Zs", "Zl", "Zp") for c in text or "")


def or_empty(text: Optional[str]) -> str:
    """An optional field's text, or "" where nothing in it is visible (only spaces, line breaks or
    zero-width characters): the one rule for "nothing typed" in every optional field (review 19
    surfaces, S4), where `str.strip()` keeps a zero-width space."""
    return text if text and visible(text) else ""


def faults_in(data: object, path: str = "") -> list[tuple[str, str]]:
    """(path, problem) for every string, key or value, in parsed YAML or JSON that is not written
    text (a file's free text, such as the owners' draft catalogue: review 19 surfaces, S2)."""
    out: list[tuple[str, str]] = []
    stack: list[tuple[object, str]] = [(data, path)]
    while stack:
        node, where = stack.pop()
        if isinstance(node, str):
            found = problem(node)
            if found:
                out.append((where or "(file)", found))
        elif isinstance(node, dict):
            for key, value in node.items():
                name = f"{where}.{key}" if where else str(key)
                if isinstance(key, str) and problem(key):
                    out.append((where or "(file)", f"a key {NOT_WRITTEN}"))
                    continue
                stack.append((value, name))
        elif isinstance(node, list):
            stack += [(v, f"{where}[{n}]") for n, v in enumerate(node)]
    return sorted(out)
