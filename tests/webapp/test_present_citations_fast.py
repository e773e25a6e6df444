"""The citation helpers' shortcuts (speed17t, issue 17) give exactly what the plain way gives: page_links
finds page mentions in the escaped text with a pattern that scans for the "p", cite_text builds strings,
and both read the document's escaped address once per request. The plain way is written out here, as
the helpers were before, and compared over every string the catalogue holds and many hostile ones."""

from __future__ import annotations

import dataclasses
import random
import re

from markupsafe import Markup, escape

from pathway.catalogue import Source, load_catalogue
from webapp.journey import present

_MENTION = re.compile(r"\bp(\d+)(?:[-–]\d+)?")
_CITED = re.compile(r", p(\d[\d\-–, ]*)$")


def plain_page_links(text: str, href: str) -> Markup:
    href = escape(href)
    out, at = [], 0
    for found in _MENTION.finditer(text):
        out += [escape(text[at : found.start()]), Markup(f'<a class="govuk-link" href="{href}#page-{found.group(1)}">{escape(found.group(0))}</a>')]
        at = found.end()
    return Markup("").join([*out, escape(text[at:])])


def plain_cite_text(text: str, href: str) -> Markup:
    parts, href = [], escape(href)
    for part in dict.fromkeys(text.split("; ")):
        found = _CITED.search(part)
        anchor = present.page_anchor(found.group(1)) if found else None
        parts.append(Markup(f'<a class="govuk-link" href="{href}#{anchor}">{escape(part)}</a>') if anchor else escape(part))
    return Markup("; ").join(parts)


def _strings(value, seen: set, out: list) -> None:
    """Every string reachable from the catalogue (dataclasses, lists, tuples, dicts)."""
    if isinstance(value, str):
        out.append(value)
    elif id(value) in seen:
        return
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        seen.add(id(value))
        for f in dataclasses.fields(value):
            _strings(getattr(value, f.name), seen, out)
    elif isinstance(value, (list, tuple, set, frozenset)):
        seen.add(id(value))
        for v in value:
            _strings(v, seen, out)
    elif isinstance(value, dict):
        seen.add(id(value))
        for k, v in value.items():
            _strings(k, seen, out)
            _strings(v, seen, out)
    elif hasattr(value, "__dict__") and type(value).__module__.startswith("pathway"):
        seen.add(id(value))
        _strings(vars(value), seen, out)


def _texts() -> list[str]:
    found: list[str] = []
    _strings(load_catalogue(), set(), found)
    rng = random.Random(17)
    alphabet = "pP0123459-–_ aéß&<>\"';,.()x\n"
    hostile = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 24))) for _ in range(20_000)]
    hostile += ["p9", "(p9)", "p13-14", "p13–14, 25", "&p9", "<p9>", "'p9'", '"p9"', "ap9", "_p9", "ép9", "p", "p-9", "Appendix 3, p37; Key contacts, p23; x"]
    # markup already made safe, and a str Enum (the levels), as a template may hand either
    made = [Markup("<b>p9</b> &amp; see p13-14"), Markup("<a href='#p4'>p4</a>")]
    from pathway.levels import Level

    return [*dict.fromkeys(found), *hostile, *made, *Level]


def test_the_catalogue_has_many_texts_to_compare():
    assert len({t for t in _texts() if present._PAGE_MENTION.search(t)}) > 200


def test_page_links_and_cite_text_give_the_plain_ways_html_for_every_text(app):
    for href in ("/document", '/cases/A&B/entries/3/document?x="1"'):
        with app.test_request_context("/result"):
            if href != "/document":
                present.cite_into(href)
            for text in _texts():
                assert present.page_links(text) == plain_page_links(text, href), text
                assert type(present.page_links(text)) is Markup
                assert present.cite_text(text) == plain_cite_text(text, href), text


def test_a_citation_links_to_the_page_and_cite_into_changes_the_address_after_a_first_citation(app):
    source = Source(section="Key contacts", page="23")
    with app.test_request_context("/result"):
        assert present.cite(source) == Markup('<a class="govuk-link" href="/document#page-23">Key contacts, p23</a>')
        assert 'href="/document#page-9"' in present.page_links("(p9)")
        present.cite_into("/cases/R&1/entries/2/document")  # after a citation was drawn: the new address from then on
        assert present.cite(source) == Markup('<a class="govuk-link" href="/cases/R&amp;1/entries/2/document#page-23">Key contacts, p23</a>')
        assert present.cite_text("Key contacts, p23") == Markup('<a class="govuk-link" href="/cases/R&amp;1/entries/2/document#page-23">Key contacts, p23</a>')
    with app.test_request_context("/result"):  # a request of its own: the document's own address again
        assert present.cite_text("Key contacts, p23") == Markup('<a class="govuk-link" href="/document#page-23">Key contacts, p23</a>')
