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


def fault(text: str, label: str) -> Optional[str]:
    """What is wrong with `text` as written text, in words that name the field (`label`), or None."""
    if any(is_control(c) or c in BIDI_CONTROLS for c in text or ""):
        return f"{label} must be written text: remove the control characters pasted into it"
    return None


def visible(text: str) -> bool:
    """Whether `text` has a character that draws: not only spaces, line breaks and format characters
    (category Cf: zero-width space, joiners, direction marks) or other invisible separators."""
    return any(not c.isspace() and unicodedata.category(c) not in ("Cf", "Cc", "Zs", "Zl", "Zp") for c in text or "")
