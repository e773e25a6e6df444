"""The comment just above a top-level key of the shipped synonyms file, where its readings are declared."""

from __future__ import annotations

from pathlib import Path

SYNONYMS_TEXT = (Path(__file__).parents[2] / "pathway" / "data" / "search_synonyms.yaml").read_text(encoding="utf-8")


def comment_above(key: str) -> str:
    """The comment lines just above `key:` at the top level, joined, without their '#'."""
    comment: list[str] = []
    for line in reversed(SYNONYMS_TEXT[: SYNONYMS_TEXT.index(f"\n{key}:")].splitlines()):
        if not line.startswith("#"):
            break
        comment.insert(0, line.lstrip("# "))
    return " ".join(comment)
