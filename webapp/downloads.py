"""Files the app serves as downloads: one Content-Disposition, and every CSV written the one way a
spreadsheet reads right.

A CSV starts with a UTF-8 byte order mark: Excel opens a .csv without one (by a double click) in the
Windows code page, so a reason "Siân’s teacher – “mild”" reads "SiÃ¢nâ€™s teacher â€“ ..." (review 15
surfaces, Z4). Python's `csv` (with `utf-8-sig`), LibreOffice and Numbers read past it. What goes in the
cells (the formula guard) is the writer's business (store.export, webapp.practice.summary).
"""

from __future__ import annotations

from flask import Response

BOM = "\ufeff"  # EF BB BF in UTF-8


def attachment(body: str, mimetype: str, filename: str) -> Response:
    """`body` as a download named `filename` (a name the view made: no user's text in it)."""
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f'attachment; filename="{filename}"'})


def csv_attachment(text: str, filename: str) -> Response:
    """A CSV download: UTF-8 with a byte order mark first."""
    return attachment(BOM + text, "text/csv", filename)
