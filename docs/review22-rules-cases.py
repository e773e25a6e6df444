"""Review 22 (rules): every case of docs/review22-rules-cases.yaml through review 12's `check`, and the written referral.

Usage: .venv/bin/python docs/review22-rules-cases.py [-v] [case-id-substring ...]

Review 20's runner (docs/review20-rules-cases.py) is loaded, pointed at this review's case file and run: it loads review
17's runner, which reuses review 12's `check` with every `expect` key, the three what-if oracles, the p23 oracle and
the CLI/API `surfaces` check. Only the case file and the findings' document (docs/review22-rules.md) differ, and one
kind of item is added: an item with `referral` (a case, as `case` is) is decided as the referral page decides it
(rules.refusals.decide_despite_refusals at the default office hours, the moment in Europe/London), and its written
referral built (webapp.journey.referral.build); `expect` then checks the plain text to copy (`as_text`, the
referral.txt download) with `text_has` / `text_lacks`, and the printable page that the PDF renders
(journey/referral_pdf.html, tags stripped) with `page_has`; every phone number in either is one of p23's six
(review 12's hand-copied table). contact_time defaults to 2027-01-12T10:00:00+00:00, a Tuesday in office hours.
"""

from __future__ import annotations

import html
import importlib.util
import json
import pathlib
import re
import sys
import types

HERE = pathlib.Path(__file__).resolve().parent


def _runner(name: str):
    """An earlier review's runner (docs/<name>.py), loaded as a module, not copied."""
    spec = importlib.util.spec_from_file_location(name.replace("-", "_"), HERE / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def written(r12, raw: dict) -> tuple[str, str]:
    """The referral's plain text and its printable page (text only), as the referral views build them."""
    from zoneinfo import ZoneInfo

    from flask import render_template

    from pathway.models import Case
    from pathway.settings import OfficeHours
    from rules.refusals import decide_despite_refusals
    from webapp.journey import present
    from webapp.journey import referral as w

    raw = json.loads(json.dumps(raw))
    raw.setdefault("context", {}).setdefault("contact_time", r12.DEFAULT_TIME)
    hours = OfficeHours()
    case, decision = decide_despite_refusals(Case.parse(raw), office_hours=hours)
    local = decision.contact_time.astimezone(ZoneInfo(hours.timezone))
    r = w.build(case, decision, "not recorded", present.actions(decision, case), "", local, office_hours=hours)
    app = r12.client().application
    with app.test_request_context("/"):
        page = render_template("journey/referral_pdf.html", r=r, blanks=w.BLANKS, plain=True)
    page = html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))
    return w.as_text(r), page


def check_referral(r12, item: dict) -> tuple[list[str], str]:
    exp = item.get("expect", {})
    text, page = written(r12, item["referral"])
    flat = re.sub(r"\s+", " ", text)
    bad = [f"text lacks {t!r}" for t in exp.get("text_has", []) if t.lower() not in flat.lower()]
    bad += [f"text has {t!r}" for t in exp.get("text_lacks", []) if t.lower() in flat.lower()]
    bad += [f"page lacks {t!r}" for t in exp.get("page_has", []) if t.lower() not in page.lower()]
    for n in sorted(set(r12.PHONE.findall(text + " " + page))):
        if n not in r12.P23.values():
            bad.append(f"number {n} is not one of p23's")
    return bad, flat[:1500]


def main(argv: list[str]) -> int:
    """Review 20's `main`, pointed at this file, its `check` given the `referral` items too."""
    r20 = _runner("review20-rules-cases")
    r20.CASES = HERE / "review22-rules-cases.yaml"
    r17 = r20._review17()
    r12 = r17._review12()

    def check(item: dict) -> tuple[list[str], str]:
        return check_referral(r12, item) if "referral" in item else r12.check(item)

    r17._review12 = lambda: types.SimpleNamespace(check=check)
    r20._review17 = lambda: r17
    return r20.main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
