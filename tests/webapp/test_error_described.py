"""Each refused form's error, read where the field is (review 12 surfaces, W4): the error summary's
link goes to an element that exists, and that element (a text field) or its group's fieldset (a
checkbox or radio group, GOV.UK's pattern) names, in aria-describedby, the error message with the
summary's words; for a group the message is inside that fieldset. `/practice/new` with nothing
ticked linked to the first scenario's checkbox, whose fieldset described only its own hint, so
"Select at least one scenario" was read nowhere. The class: every checkbox group the app's forms
refuse (practice new, the safety page, a practice answer's indicators) and a radio group and text
field beside them. The call screen's checkboxes are another helper's (webapp/adviser)."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.webapp.conftest import CHILD, drawn, walk_needs
from tests.webapp.test_practice import BRUISING, MONDAYS, join, start_session
from webapp.practice.forms import indicator_data

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class _Page(HTMLParser):
    """Every element's tag, attributes, enclosing fieldsets and text, by id; the summary's links."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.stack: list[dict] = []
        self.by_id: dict[str, dict] = {}
        self.links: list[tuple[str, str]] = []
        self._link: list | None = None
        self._in_summary = 0
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        el = {"tag": tag, "attrs": a, "text": [], "fieldsets": [e for e in self.stack if e["tag"] == "fieldset"]}
        if a.get("id"):
            self.by_id[a["id"]] = el
        if "govuk-error-summary__list" in (a.get("class") or ""):
            self._in_summary = len(self.stack) + 1
        if tag == "a" and self._in_summary and (a.get("href") or "").startswith("#"):
            self._link = [a["href"][1:], []]
        if tag not in VOID:
            self.stack.append(el)

    def handle_endtag(self, tag):
        if tag == "a" and self._link is not None:
            self.links.append((self._link[0], " ".join("".join(self._link[1]).split())))
            self._link = None
        while self.stack:
            el = self.stack.pop()
            if len(self.stack) < self._in_summary:
                self._in_summary = 0
            if el["tag"] == tag:
                break

    def handle_data(self, data):
        for el in self.stack:
            el["text"].append(data)
        if self._link is not None:
            self._link[1].append(data)

    def words(self, el) -> str:
        return " ".join("".join(el["text"]).split())

    def problems(self) -> list[str]:
        out = []
        if not self.links:
            return ["no error summary"]
        for target, said in self.links:
            el = self.by_id.get(target)
            if el is None:
                out.append(f"#{target}: no such element")
                continue
            grouped = el["attrs"].get("type") in ("checkbox", "radio")
            holder = el["fieldsets"][-1] if grouped and el["fieldsets"] else el
            ids = (holder["attrs"].get("aria-describedby") or "").split()
            errors = [self.by_id[i] for i in ids if i in self.by_id and "govuk-error-message" in (self.by_id[i]["attrs"].get("class") or "")]
            if not any(said in self.words(e) for e in errors):
                out.append(f"#{target}: its {'fieldset' if holder is not el else 'element'} describes {ids}, none the error {said!r}")
            elif grouped and not any(holder in e["fieldsets"] for e in errors):
                out.append(f"#{target}: the error message is outside the group's fieldset")
        return out


def _refused(client, url, data):
    r = client.post(url, data=data)
    for _ in range(4):
        if r.status_code not in (302, 303):
            break
        r = client.get(r.location)
    assert r.status_code in (200, 422), r.status_code
    return r.get_data(as_text=True)


def test_practice_new_with_nothing_ticked_describes_the_error_on_the_scenarios_group(trainer):
    page = _Page(_refused(trainer, "/practice/new", {"scenarios": [], "cohort": ""}))
    assert page.links and page.links[0][0] == "scenarios" and "Select at least one scenario" in page.links[0][1]
    assert page.problems() == []
    # every group of scenarios carries the one error, so whichever a screen reader enters names it
    fieldsets = [el for el in page.by_id.values() if el["tag"] == "input" and el["attrs"].get("name") == "scenarios"]
    assert fieldsets and all("scenarios-error" in (el["fieldsets"][-1]["attrs"].get("aria-describedby") or "").split() for el in fieldsets)


def test_practice_new_without_an_error_describes_no_error(trainer):
    html = trainer.get("/practice/new").get_data(as_text=True)
    assert "scenarios-error" not in html


@pytest.mark.parametrize("case", ["safety page, nothing chosen", "child page, nothing chosen", "save, empty reference"])
def test_the_journeys_refused_forms_describe_their_errors(case, app, client):
    from tests.webapp.conftest import signed_in_client

    if case == "safety page, nothing chosen":
        html = _refused(client, "/safety", {})
    elif case == "child page, nothing chosen":
        client.post("/safety", data={"immediate": ["none"]})
        html = _refused(client, "/child", {"born": "yes", "age_years": "8"})
    else:
        pat = signed_in_client(app, "pat", "practitioner")
        pat.post("/safety", data={"immediate": ["none"]})
        pat.post("/child", data=CHILD)
        walk_needs(pat)
        html = _refused(pat, "/save", {**drawn(pat, "/save"), "case_ref": ""})  # as a browser posts it (store15)
    assert _Page(html).problems() == []


def test_a_practice_answers_refused_groups_describe_their_errors(app, trainer):
    code = start_session(trainer, (BRUISING, MONDAYS))
    alex = join(app, code, "Alex")
    assert _Page(_refused(alex, f"/practice/s/{code}/{MONDAYS}", {})).problems() == []  # no level
    out_of_band = {"level": "protection", **indicator_data(["immediate.unexplained_bruising_under_2"])}
    assert _Page(_refused(alex, f"/practice/s/{code}/{MONDAYS}", out_of_band)).problems() == []  # a checkbox group's error
