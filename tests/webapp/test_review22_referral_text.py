"""Review 22 (rules) N12: the written referral's plain text (referral.txt, "for an email or a case system") left
out what the printable page and its PDF give: how to confirm the referral in writing, the next steps, the
Children's Assessment's timescales (p37: "undertaken within a maximum of 10 working days of the date of the
referral"; "Completed within a maximum of 45 working days") and, for an unborn baby, p37's pre-birth planning
meeting. The page and the text now draw their opening paragraphs from one list (`Referral.opening`).

Over every caller (a professional, a parent or carer, a member of the public, not said), every level, a p9
criterion and an unborn baby, open to social care or not:
- every sentence of every paragraph in that list is in the plain text, and in the page (the PDF's and the
  page's own, citations as words or as links), and the page's opening is those paragraphs and nothing else;
- the document's words, written here, are where p37 puts them: the 10 and 45 working days beside a referral
  into Social Care about a child born, the planning meeting for an unborn baby at Protection, the written
  confirmation for a professional (or a caller not said) only ("When a referral is made to Social Care by a
  professional", p37), and none of them below the social-care threshold."""

from __future__ import annotations

import itertools
import re
from datetime import datetime
from html import unescape
from pathlib import Path

from flask import render_template

from pathway.models import Case, CaseError
from rules import evaluate
from webapp.journey import referral

DOCUMENT = " ".join((Path(__file__).resolve().parents[1] / "data" / "threshold_document.txt").read_text().split())
TUESDAY = "2026-11-24T10:30:00+00:00"
WRITTEN = datetime(2026, 11, 24, 10, 30)

# p37, as the referral words them (the document's own words checked below)
TEN_DAYS, FORTY_FIVE = "within a maximum of 10 working days of the date of the referral", "within a maximum of 45 working days"
IN_WRITING = "Confirm the referral in writing within 24 hours"
PLANNING = "initial planning meeting"
NOT_PROFESSIONAL = ("parent_carer", "public")

# (child, needs, context, a referral into Social Care): by hand
SITUATIONS = {
    "universal": ({"age_years": 8}, ["universal.physically_well"], {}, False),
    "additional": ({"age_years": 8}, ["additional.dental_decay_not_accessing"], {}, False),
    "extensive": ({"age_years": 8}, ["extensive.suspected_domestic_violence"], {}, False),
    "child_in_need": ({"age_years": 8}, ["additional.not_achieving_key_stage"], {"health_development_impaired_without_services": True}, True),
    "protection": ({"age_years": 13}, ["protection.significantly_distorted_self_image"], {}, True),
    "p9": ({"age_years": 5}, ["immediate.home_alone_5_and_under"], {}, True),
    "unborn": ({"unborn": True}, ["immediate.unborn_significant_harm"], {}, True),
}


def _words(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())  # inline tags (links, the address) split no words


def _flat(text: str) -> str:
    return " ".join(text.split())


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.;])\s+(?=[A-Z(])", paragraph) if s]


def test_the_oracles_words_are_p37s():
    assert "It should be undertaken within a maximum of 10 working days of the date of the referral." in DOCUMENT
    assert "Completed within a maximum of 45 working days." in DOCUMENT
    assert "In the case of pre-birth assessments where there are identified safeguarding risks and indicators, an initial planning meeting" in DOCUMENT
    assert "When a referral is made to Social Care by a professional, the referrer should confirm this in writing within 24 hours" in DOCUMENT


def test_the_plain_text_gives_every_sentence_of_the_pages_opening(app):
    built, bad = 0, []
    for (name, (child, needs, extra, social_care)), caller, open_ in itertools.product(
        SITUATIONS.items(), ("professional", "parent_carer", "public", None), (None, True)
    ):
        context = {"contact_time": TUESDAY, **extra, **({"caller": caller} if caller else {}), **({"open_to_social_care": open_} if open_ else {})}
        try:
            case = Case.parse({"child": child, "indicators": needs, "context": context})
            decision = evaluate(case)
        except CaseError:
            continue
        r = referral.build(case, decision, "8 years", [], "", WRITTEN)
        text = _flat(referral.as_text(r))
        with app.test_request_context("/referral"):
            pdf = _words(render_template("journey/referral_pdf.html", r=r, blanks=referral.BLANKS, plain=True))
            page = _words(render_template("journey/_referral_body.html", r=r, blanks=referral.BLANKS))
        built += 1
        label = f"{name}, caller {caller}, open {open_}"
        paragraphs = [_flat(p.plain) for p in r.opening.paragraphs]
        assert paragraphs, label
        for paragraph in paragraphs:
            for sentence in _sentences(paragraph):
                bad += [f"{label}: {where} lacks {sentence!r}" for where, words in (("text", text), ("PDF", pdf), ("page", page)) if sentence not in words]
        # the page's opening is the list's paragraphs and nothing more (between the written moment and the blanks)
        for where, words in (("PDF", pdf), ("page", page)):
            opening = words.split("this tool never asks for or keeps them. ", 1)[1].split(" Child's name", 1)[0]
            if opening != " ".join(paragraphs):
                bad.append(f"{label}: the {where}'s opening is not the list's: {opening!r}")
        # the document's words where p37 puts them (an oracle of its own, not the list)
        referral_to_social_care = social_care or bool(open_)
        born = "unborn" not in child
        professional = caller not in NOT_PROFESSIONAL
        if r.no_referral is None and r.below_threshold is None:
            assert referral_to_social_care, label
        want = {
            TEN_DAYS: social_care and born,
            FORTY_FIVE: social_care and born,
            PLANNING: social_care and not born,
            IN_WRITING: social_care and professional,
        }
        for words, said in want.items():
            for where, got in (("text", text), ("PDF", pdf)):
                if (words in got) != said:
                    bad.append(f"{label}: the {where} {'lacks' if said else 'has'} {words!r}")
    assert not bad, bad[:8]
    assert built >= 40  # every situation reached, for every caller
