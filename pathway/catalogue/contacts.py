"""The services the document names, whom they are for, the needs each is related to, and what a rule says of them."""

from __future__ import annotations

from typing import Literal, Optional

from pathway.catalogue.blocks import _Block
from pathway.catalogue.guidance import GuidanceText
from pathway.catalogue.sources import Source, _Strict


class ConcernMember(_Strict):
    """One need in a contact's class of concern, with why it is one; `interpretation` where its words do
    not name the class themselves and the membership is this tool's reading."""

    indicator: str
    why: str
    interpretation: bool = False


class ContactConcerns(_Strict):
    """A contact the document defines by a class of concern (review 16, M3: p23's Mental Health single
    point of access, 'For all emotional/mental health concerns or support needs regarding children and
    young people'; review 17, N7: the Family Information Service's subjects): the needs of `domain` (of any
    domain where none is given) in it, each with its why. The members' `related_contacts` are
    derived from it by the catalogue's loader; a need listing the contact by hand is refused."""

    # every member is of this domain (the child's own, for a contact for children and young people); None: of any
    # domain (the Family Information Service, for parents on their children's activities, review 17 N7)
    domain: Optional[str] = None
    why: str
    members: list[ConcernMember]


class Contact(_Strict):
    id: str
    name: str
    in_sentence: Optional[str] = None  # the name inside an action's sentence, where `name` is a title
    phone: Optional[str]  # None where the document gives no number (the allocated social worker)
    email: Optional[str] = None
    hours: Literal["office", "out_of_hours"]  # day service, or the Emergency Duty Team
    # the document gives no hours for this service: its office hours are this tool's reading,
    # which a decision listing it says (assumptions.contact_hours)
    hours_assumed: bool = False
    when: str
    source: Source
    concerns: Optional[ContactConcerns] = None  # the needs it is related to, derived onto them (review 16, M3)

    def named_in_a_sentence(self) -> str:
        """The contact inside a sentence ("Ring ... now"): its in-sentence words where its name is a title."""
        return self.in_sentence or self.name


class ContactNote(GuidanceText):
    """A rule's words for a contact. `says_reopen`: they already say to contact it when day
    services reopen, so out of hours they need no "Closed now" before them."""

    says_reopen: bool = False


class ContactNotes(_Block[ContactNote]):
    """What a rule says about a contact it adds, in place of the contact's own `when`."""

    reopen_follow_up: ContactNote
    edt_cannot_wait: ContactNote
    cfd_can_wait: ContactNote
    edt_social_worker_away: ContactNote
    edt_significant_harm: ContactNote
    closed_now: ContactNote
    service_manager_fallback: ContactNote  # added after the contact's own words (a "contact_note")
    cfd_case_holder_unreachable: ContactNote
    social_worker_if_known: ContactNote
    dct_open_case: ContactNote


def _related_contacts_derived(data: dict) -> dict:
    """The catalogue's raw data with each contact's class of concern (`concerns`, review 16 M3) derived onto
    its members' `related_contacts`. A need listing such a contact by hand is refused (the class is stated
    once, on the contact), and so is a member that is not a need of the class's domain."""
    classes = {c["id"]: c["concerns"] for c in data.get("contacts") or [] if isinstance(c, dict) and c.get("concerns")}
    if not classes:
        return data
    indicators = list(data.get("indicators") or [])
    at = {ind.get("id"): n for n, ind in enumerate(indicators) if isinstance(ind, dict)}
    for n, ind in enumerate(indicators):
        listed = set(ind.get("related_contacts") or []) if isinstance(ind, dict) else set()
        if hand := sorted(listed & set(classes)):
            raise ValueError(
                f"indicators[{n}].related_contacts: {hand[0]} is derived from contacts.{hand[0]}.concerns; state {ind.get('id')} there, with its why"
            )
    for cid, concerns in classes.items():
        for member in concerns.get("members") or []:
            name = member.get("indicator") if isinstance(member, dict) else None
            where = at.get(name)
            if where is None:
                raise ValueError(f"contacts.{cid}.concerns: unknown indicator {name!r}")
            ind = indicators[where]
            if cid in (ind.get("related_contacts") or []):
                raise ValueError(f"contacts.{cid}.concerns: {name} is listed twice")
            domain = concerns.get("domain")
            if (domain is not None and ind.get("domain") != domain) or ind.get("immediate"):
                of = f"domain {domain!r}" if domain is not None else "the Levels of need tables (a p9 criterion is not)"
                raise ValueError(f"contacts.{cid}.concerns: {name} is not a need of {of}")
            indicators[where] = {**ind, "related_contacts": [*(ind.get("related_contacts") or []), cid]}
    return {**data, "indicators": indicators}
