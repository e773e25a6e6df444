"""Files the command line reads by name, refused in one line naming the file, never a traceback."""

from __future__ import annotations

from pathlib import Path


class FileRefused(Exception):
    """A file a command cannot read as text: missing, a folder, unreadable, or not UTF-8."""


def read_text(path: str | Path) -> str:
    """The file's text (UTF-8), or FileRefused saying why (review 12 surfaces, W6: a file saved in
    another encoding gave a UnicodeDecodeError traceback and exit 1 instead of the refusal, exit 2). A
    leading byte order mark (Windows Notepad's "UTF-8") is read past, not kept as the text's first
    character (review 13 surfaces, X6: "not valid JSON ... line 1 column 1")."""
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except OSError as exc:
        raise FileRefused(f"cannot read {path}: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise FileRefused(f"{path}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at position {exc.start}): save it as UTF-8 and try again") from None
