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

Text used as a key or to tell people apart (a cohort label, a trainee's display name) is also folded
(`folded`, review 21 surfaces, S1 and S2): what draws nothing (a zero-width space, a word joiner, a soft
hyphen, a direction mark, a tag character: Unicode's default-ignorable code points and format characters)
is removed, spaces run together, NFC; a joiner inside an emoji or a word, a variation selector after a
character and a flag's tag sequence are kept, as they draw. Removed, not refused: the person cannot see
what they would be asked to take out, and what is kept draws as what they typed. The controls and
direction overrides above are not folded away: they change what is drawn, so they are refused.

Two such texts are the same to a reader (`alike`) when they share either of their two `keys`, each a
Unicode TR39 skeleton (UTS #39, the confusables data, through the `disarm` library, not a table of our
own): letters of other scripts that draw as Latin ones ("Таra" with a Cyrillic Т and а, a Greek Ο for
an O), a full-width Ｔ, 0 and O, 1 and l, I and l, the joiners and variation selectors, and case. Two keys,
because one cannot hold both: a capital I draws as an l ("Ian", "lan") but is an i in another case
("Ian", "ian"), and an l is not an i. `drawn` folds look-alikes before case (so a Greek Η is an H before
its small η, which draws as an n, could be reached), `caseless` after it. A name in another script
that draws as no Latin name ("Ольга") keeps a key of its own. The names shown stay as typed (folded);
the keys only compare (review 21 surfaces, S2; conf22).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from typing import NamedTuple, Optional

import disarm

# a bidirectional embedding/override (LRE, RLE, PDF, LRO, RLO) or isolate (LRI, RLI, FSI, PDI)
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
LINE_SPACE = "\t\n\r"


# Default_Ignorable_Code_Point (Unicode's DerivedCoreProperties.txt, stable since 6.0): drawn as nothing
DEFAULT_IGNORABLE = (
    (0x00AD, 0x00AD),  # soft hyphen
    (0x034F, 0x034F),  # combining grapheme joiner
    (0x061C, 0x061C),  # Arabic letter mark
    (0x115F, 0x1160),  # Hangul fillers
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),  # Mongolian variation selectors, vowel separator
    (0x200B, 0x200F),  # zero-width space, non-joiner, joiner; left-to-right and right-to-left marks
    (0x202A, 0x202E),
    (0x2060, 0x206F),  # word joiner, invisible operators, isolates
    (0x3164, 0x3164),  # Hangul filler
    (0xFE00, 0xFE0F),  # variation selectors
    (0xFEFF, 0xFEFF),  # zero-width no-break space (byte order mark)
    (0xFFA0, 0xFFA0),
    (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3),
    (0x1D173, 0x1D17A),
    (0xE0000, 0xE0FFF),  # tag characters, variation selectors 17-256
)
JOINERS = frozenset("\u200c\u200d")  # ZWNJ, ZWJ: kept between two characters that draw (scripts, emoji)
# a run of spaces, tabs and line breaks; not the control characters Python counts as spaces (VT, FF,
# FS-US, NEL), which `problem` refuses
SPACES = re.compile(r"[^\S\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+")
FLAG_TAGS = re.compile("\U0001f3f4[\U000e0020-\U000e007e]+\U000e007f")  # e.g. the flag of England


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


def _ignorable(c: str) -> bool:
    """Whether `c` draws nothing: a format character (category Cf) or a default-ignorable code point."""
    o = ord(c)
    return unicodedata.category(c) == "Cf" or any(lo <= o <= hi for lo, hi in DEFAULT_IGNORABLE)


def _draws(c: str) -> bool:
    return bool(c) and not c.isspace() and not _ignorable(c) and unicodedata.category(c) not in ("Cc", "Zs", "Zl", "Zp")


def visible(text: str) -> bool:
    """Whether `text` has a character that draws: not only spaces, line breaks and format characters
    (category Cf: zero-width space, joiners, direction marks), other default-ignorable code points (a
    Hangul filler) or other invisible separators."""
    return any(_draws(c) for c in text or "")


def _variation(c: str) -> bool:
    o = ord(c)
    return 0xFE00 <= o <= 0xFE0F or 0xE0100 <= o <= 0xE01EF or 0x180B <= o <= 0x180D or o == 0x180F


def folded(text: Optional[str]) -> str:
    """`text` as a key or a name is kept (review 21 surfaces, S1 and S2): what draws nothing removed (see
    the module's words), runs of spaces and line breaks one space, no space at either end, NFC. The
    controls and direction overrides `problem` refuses are left for it to refuse."""
    text = text or ""
    out: list[str] = []
    i = 0
    while i < len(text):
        c = text[i]
        flag = FLAG_TAGS.match(text, i) if c == "\U0001f3f4" else None
        if flag:
            out.append(flag.group())
            i = flag.end()
            continue
        before = out[-1][-1] if out else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        keep = not _ignorable(c) or c in BIDI_CONTROLS or (c in JOINERS and _draws(before) and _draws(after)) or (_variation(c) and _draws(before))
        if keep:
            out.append(c)
        i += 1
    return unicodedata.normalize("NFC", SPACES.sub(" ", "".join(out)).strip(" "))


# UTS #39's skeleton: digits fold with the letters they draw as (0 and O, 1 and l), as an identifier's would
SKELETON_DIGITS = "tr39"


class Keys(NamedTuple):
    """A text's two skeletons (see the module's words): two texts are `alike` when either is shared."""

    drawn: str  # look-alikes folded first, then case: "Ian" is "lan", a Greek "Ηelen" is "helen"
    caseless: str  # case folded first: "Ian" is "ian"

    def digests(self) -> tuple[str, str]:
        """The keys as the store keeps them (SHA-256, hex): a fixed length for a unique index, not the name."""
        return tuple(hashlib.sha256(k.encode("utf-8")).hexdigest() for k in self)  # type: ignore[return-value]


def keys(text: Optional[str]) -> Keys:
    """`text`'s two TR39 skeletons, of what it draws as: `folded`, without the joiners and variation
    selectors folding keeps. For text `problem` passes: the skeleton drops controls and direction
    overrides too, which the forms and the store refuse before any name is compared."""
    kept = "".join(c for c in folded(text) if not _ignorable(c) or c in BIDI_CONTROLS)
    return Keys(
        disarm.skeleton_key(kept, digit_policy=SKELETON_DIGITS),
        disarm.skeleton_key(unicodedata.normalize("NFKC", kept).casefold(), digit_policy=SKELETON_DIGITS),
    )


def same_key(text: Optional[str]) -> str:
    """The skeleton of `text` with its case folded (`keys(text).caseless`): one of the two keys `alike`
    compares; where a single key must do (a test's oracle, a quick look), this one."""
    return keys(text).caseless


def alike(a: Optional[str], b: Optional[str]) -> bool:
    """Whether a reader could not tell `a` from `b`: they share either key."""
    ka, kb = keys(a), keys(b)
    return ka.drawn == kb.drawn or ka.caseless == kb.caseless


def alike_groups(texts: list[str]) -> list[int]:
    """For each of `texts`, the index of the first text in its group: texts joined, directly or through
    others, by a shared key ("Ian" joins "ian" and "lan", so all three are one group)."""
    parent = list(range(len(texts)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[int, str], int] = {}
    for i, k in enumerate(keys(t) for t in texts):
        for side, key in enumerate(k):
            j = first.setdefault((side, key), i)
            a, b = root(i), root(j)
            parent[max(a, b)] = min(a, b)
    return [root(i) for i in range(len(texts))]


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
