"""How a decision is shown for this child: citations that open the document, the level's actions
with what the tool already knows resolved, and the level's assessments and services that fit.

Nothing here changes a level: the decision comes whole from rules.evaluate; this only words it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from flask import g, render_template, url_for
from markupsafe import Markup, escape

from pathway import surfaces
from pathway.catalogue import OfferFilter, OfferForNeeds, Source, load_catalogue
from pathway.models import Case, Decision
from rules import resolved_actions
from webapp.rendering import kept

_PAGE = re.compile(r"p(\d+)")
_CITED_PAGES = re.compile(r", p(\d[\d\-–, ]*)$")  # "Section, p13-14": its pages


def page_anchor(pages: str) -> str | None:
    """The /document anchor for a citation's first page ("p13-14" -> "page-13")."""
    found = _PAGE.search(pages if pages.startswith("p") else f"p{pages}")
    return f"page-{found.group(1)}" if found else None


def document_href() -> str:
    """The document page's address (built by url_for once per process), or the one this request
    chose with `cite_into` (a saved entry's own document view). It never names a need: a
    practitioner's answers never travel in the URL (webapp/sessions.py; review 7 surfaces F9). The
    document page highlights the needs of the session's own answers instead, and an entry's view
    the entry's."""
    return g.get("document_href") or kept(("document href",), lambda: url_for("journey.document"))


def _href() -> str:
    """`document_href()` escaped for an attribute, worked out once per request (a result page cites
    about forty times; the address is the same for all of them)."""
    href = g.get("_document_href_html")
    if href is None:
        href = g._document_href_html = str(escape(document_href()))
    return href


def cite_into(href: str) -> None:
    """This request's citations open `href` instead of the session's document: a saved entry's
    pages cite the entry's document view, which marks the entry's needs, not the session's."""
    g.document_href = href
    g.pop("_document_href_html", None)


def document_page(chosen: list[str], highlighted: str | None = None, back: str | None = None) -> str:
    """The threshold document in its own words with the lines of the `chosen` needs (indicator
    ids) marked, and `highlighted` saying whose they are."""
    from pathway import document as doc

    catalogue = load_catalogue()
    targets = [_words(ind.document_text or ind.text) for ind in (catalogue.indicator(i) for i in chosen if catalogue.has_indicator(i))]
    return render_template(
        "journey/document.html",
        sections=doc.sections(),
        contents=doc.contents(),
        marked=lambda line: any(t in _words(line) for t in targets),
        highlighted=highlighted if targets else None,
        back=back,
        title_page=True,
    )


def _words(text: str) -> str:
    return " ".join(text.replace("*", "").lower().strip(" -.").split())


def cite(source: Source) -> Markup:
    """A citation as a link to the document's own words on that page (the page's anchor only)."""
    anchor = page_anchor(source.page)
    if not anchor:
        return escape(source.cite())
    return Markup(f'<a class="govuk-link" href="{_href()}#{anchor}">{escape(source.cite())}</a>')


def cite_text(text: str) -> Markup:
    """Citations written as text ("Section, p13-14; Other, p25"), each part linked to its page."""
    href = _href()
    parts = []
    for part in dict.fromkeys(text.split("; ")):
        found = _CITED_PAGES.search(part)
        anchor = page_anchor(found.group(1)) if found else None
        parts.append(f'<a class="govuk-link" href="{href}#{anchor}">{escape(part)}</a>' if anchor else escape(part))
    return Markup("; ".join(parts))


# "p" not inside a word, then its digits: written as a literal "p" first, with the word boundary looked
# back on, so that re scans for the "p" (a leading \b made it try every position, 15 times slower)
_PAGE_MENTION = re.compile(r"p(?<!\wp)(\d+)(?:[-–]\d+)?")


def page_links(text: str) -> Markup:
    """Text that names document pages in passing ("... (p9)", "the document gives X, p4"), each
    page mention a link to the document's words there.

    Found in the escaped text: escaping only turns & < > " ' into entities, which hold no "p" followed
    by a digit and end in ";" (a non-word character, as each of the five was), so the mentions and
    their word boundaries are the same as in the text, and a mention (p, digits, dashes) escapes to
    itself."""
    if type(text) is not str and not isinstance(text, Markup):
        text = str.__str__(text)  # a str subclass (a str Enum) by its value, as its slices were taken
    escaped = escape(text)
    if not _PAGE_MENTION.search(escaped):
        return escaped
    href = _href()
    return Markup(_PAGE_MENTION.sub(lambda found: f'<a class="govuk-link" href="{href}#page-{found.group(1)}">{found.group(0)}</a>', escaped))


def in_sentence(contact) -> str:
    """A decision's contact named inside a sentence ("Ring ... now"): the catalogue's in-sentence
    words where its name is a title (the allocated social worker), else its name."""
    catalogue = load_catalogue()
    if not catalogue.has_contact(contact.id):
        return contact.name
    return catalogue.contact(contact.id).named_in_a_sentence()


@dataclass(frozen=True)
class WrittenTo:
    """Whom the written referral goes to, named in a sentence, and the email the document gives for
    it (None: it gives none, and the page says so rather than invent one)."""

    name: str
    email: str | None


def written_to(decision: Decision) -> WrittenTo:
    """The team the referral was made to: the decision's first contact, the route's own (Appendix 3,
    p37: the referrer confirms in writing; Children and Families Direct only for a child not open)."""
    catalogue = load_catalogue()
    first = decision.contacts[0]
    email = catalogue.contact(first.id).email if catalogue.has_contact(first.id) else None
    return WrittenTo(in_sentence(first), email)


def ring_now(decision: Decision) -> bool:
    """Whether the first contact is a call to make now (Protection), not one to contact first:
    the result page, a saved entry reopened and the call screen say the same (pathway.surfaces)."""
    return surfaces.ring_now(decision)


def reason_needs(reason, catalogue=None) -> list:
    """A reason's needs, each said once: twins in the same words at the same level (Young carers,
    listed under two dimensions) would otherwise read as the same reason twice. A saved entry
    passes its own look-up (`catalogue`), which tolerates ids today's catalogue no longer has."""
    catalogue = catalogue or load_catalogue()
    seen, out = set(), []
    for iid in reason.indicators:
        ind = catalogue.indicator(iid)
        if (ind.text, ind.level) not in seen:
            seen.add((ind.text, ind.level))
            out.append(ind)
    return out


# When each of the catalogue's `resolved_actions` applies: the rules' own reading (kept here by name
# for the journey's callers and tests; rules.evaluate already words the decision's actions)
WHEN = resolved_actions.WHEN


def actions(decision: Decision, case: Case) -> list[str]:
    """The decision's actions, each level action worded for the answers already given: what
    rules.evaluate gave (a decision saved before the rules did it is worded the same way here)."""
    return resolved_actions.resolve(decision.actions, case, load_catalogue())


@dataclass(frozen=True)
class Offer:
    first: list[tuple[str, list[str]]]  # (item, the chosen needs it answers): listed first
    assessments: list[str]
    services: list[str]
    left_out: list[tuple[str, str]]  # (item, why it is left out for this child)


def offer(decision: Decision, case: Case) -> Offer:
    """The level's assessments and services for this child: those answering the needs chosen first,
    without those the catalogue's filters leave out for the child's age (each with its reason); the
    whole list stays one click away. Filters and orderings are catalogue data."""
    catalogue = load_catalogue()
    months = case.child.age_in_months
    unborn = case.child.unborn
    chosen = [catalogue.indicator(i) for i in case.indicators if catalogue.has_indicator(i)]
    left: list[tuple[str, str]] = []
    first: list[tuple[str, list[str]]] = []

    def keep(item: str) -> bool:
        filters, lists = _offer_rules().get(item) or _rules_naming(item)
        for f in filters:
            if not f.fits(unborn, months, case.context.disability):
                left.append((item, f.why))
                return False
        for o in lists:
            needs = o.needs(chosen)
            if needs:
                first.append((item, list(dict.fromkeys(n.text for n in needs))))
                return False
        return True

    assessments = [a for a in decision.assessments if keep(a)]
    services = [s for s in decision.services if keep(s)]
    return Offer(first, assessments, services, left)


def _rules_naming(item: str) -> tuple[list[OfferFilter], list[OfferForNeeds]]:
    """The catalogue's offer filters and need lists whose words name this assessment or service."""
    catalogue = load_catalogue()
    return [f for f in catalogue.offer_filters if f.matches(item)], [o for o in catalogue.offer_for_needs if o.matches(item)]


@cache
def _offer_rules() -> dict[str, tuple[list[OfferFilter], list[OfferForNeeds]]]:
    """`_rules_naming` for every assessment and service of every level, worked out once per process
    (matching them by their words on each request was a third of the result view's own work)."""
    items = {item for level in load_catalogue().levels for item in (*level.assessments, *level.services)}
    return {item: _rules_naming(item) for item in items}
