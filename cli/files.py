"""Files the command line reads by name, refused in one line naming the file, never a traceback."""

from __future__ import annotations

import sys
from pathlib import Path


class FileRefused(Exception):
    """A file a command cannot read as text: missing, a folder, unreadable, or not UTF-8."""


def decoded(data: bytes, name: str) -> str:
    """`data` as UTF-8 text (a leading byte order mark read past, line ends as text mode reads them),
    or FileRefused naming `name` (a file's path, or "stdin") in the same plain words for a file and
    for stdin (review 14 surfaces, Y5)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise FileRefused(f"{name}: not UTF-8 text (byte 0x{exc.object[exc.start]:02x} at position {exc.start}): save it as UTF-8 and try again") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")  # as text mode reads it (universal newlines)


def read_text(path: str | Path) -> str:
    """The file's text (UTF-8), or FileRefused saying why (review 12 surfaces, W6: a file saved in
    another encoding gave a UnicodeDecodeError traceback and exit 1 instead of the refusal, exit 2). A
    leading byte order mark (Windows Notepad's "UTF-8") is read past, not kept as the text's first
    character (review 13 surfaces, X6: "not valid JSON ... line 1 column 1")."""
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise FileRefused(f"cannot read {path}: {exc.strerror or exc}") from None
    return decoded(data, str(path))


def read_stdin() -> str:
    """Standard input's text, read as bytes and decoded as a file's is (not in the locale's encoding,
    which gave pydantic's words for bytes that are not UTF-8). Closed (`<&-`, as from cron: Python
    then sets sys.stdin to None) is refused in one line, as an empty stdin is (review 20 surfaces, S5)."""
    if sys.stdin is None or getattr(sys.stdin, "closed", False):
        raise FileRefused("stdin: closed, nothing was given")
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # replaced by text (a test's StringIO): already decoded
        return sys.stdin.read()
    return decoded(stream.read(), "stdin")


def not_empty(text: str, name: str) -> str:
    """`text`, or FileRefused when it holds nothing but white space: said plainly, with the file's name,
    never a parser's "EOF while parsing" about a "(body)" (review 14 surfaces, Y5)."""
    if not text.strip():
        raise FileRefused(f"{name}: the file is empty" if name != "stdin" else "stdin: nothing was given")
    return text
