"""The render pipeline's savings (issue 17: a page's CPU was mostly Jinja drawing GOV.UK's markup).

- `kept(key, make)` and `once(key, draw)`: what (HTML for `once`) depends on no request (beyond the script root) is drawn once per
  process and app, then reused as it is. Not while templates auto-reload (debug): a developer's
  edit then shows at once. Only for what holds nothing from a person: the key and the drawing
  may read the catalogue, the routes and constants, never the answers, the session or the user.
- `layout_fragment(name, *args)`: the parts of every page that depend on no request (the
  stylesheet and script links with their content hashes, skip link, header, service navigation
  per active page, phase banner, footer; the macros in templates/_layout.html), drawn `once`.
- `form_field(field, **params)` and `hidden_tag(form)`: a form field whose one per-request part
  is its value (the note, the CSRF token) is drawn `once` with a placeholder where the value
  goes, and the placeholder is replaced by the value, escaped as Jinja would. The same HTML as
  `field(params=params)` and `form.hidden_tag()`, without GOV.UK's macros and WTForms' widgets
  on each request. A field with errors, or one whose HTML does not show its value exactly once,
  is drawn whole each time.
- `component(name, params)`: a GOV.UK component whose params depend on no answer (the result's
  buttons, the panel naming a level) drawn `once` per distinct params; `component_around(name,
  params, html)` the same around html drawn per request (the result's "Show all at this level").
- `Environment`: every `{% from ... import ... %}` (29 on a page, most inside GOV.UK's own
  component templates) makes Jinja compare the importer's globals with the imported template's,
  `set - ChainMap.keys()`, a key at a time in Python. Giving the ChainMap a `keys()` that is a real
  set makes that a C set difference; what Jinja sees is unchanged (same keys, always current).
"""

from __future__ import annotations

import json
import re
from collections import ChainMap
from collections.abc import Callable
from typing import TypeVar

from flask import Flask, current_app, g, request
from flask.templating import Environment as FlaskEnvironment
from jinja2 import pass_context
from markupsafe import Markup, escape
from wtforms.widgets import HiddenInput

from pathway import dates

T = TypeVar("T")
LAYOUT = "_layout.html"
# where a field's value goes in its drawn HTML: letters only, so no escaping or markup changes it
_SLOT = "fspSlotForTheValueQx7"
_WORD = re.compile(r"(?<=[a-z])(?=[A-Z])")  # BackLink -> Back-Link


class _Globals(ChainMap):
    def keys(self):  # type: ignore[override]
        return set().union(*self.maps)


class Environment(FlaskEnvironment):
    def make_globals(self, d):
        return _Globals(d if d is not None else {}, self.globals)


def kept(key: tuple, make: Callable[[], T]) -> T:
    """`make()` for `key`, made once per process, app and script root, then reused."""
    cache = current_app.extensions["fsp_layout"]
    key = (request.script_root, *key)
    made = cache.get(key)
    if made is None:
        made = make()
        if not current_app.jinja_env.auto_reload:
            cache[key] = made
    return made


def once(key: tuple, draw: Callable[[], object]) -> Markup:
    """`draw()`'s HTML for `key`, drawn once per process, app and script root, then reused."""
    return kept(("html", *key), lambda: Markup(str(draw())))


def layout_fragment(name: str, *args) -> Markup:
    """The macro `name` of templates/_layout.html called with `args`, rendered once per process."""

    def draw():
        macro = getattr(current_app.jinja_env.get_template(LAYOUT).module, name)
        return str(macro(*args)).strip()

    return once(("layout", name, *args), draw)


def form_field(field, **params) -> Markup:
    """`field(params=params)` (`field()` if no params), its HTML drawn once per process for what
    the form's class fixes (widget, id, name, label, hint, params) with its value filled in."""
    if field.errors:
        return Markup(field(params=params) if params else field())
    extra = {"params": params} if params else {}
    # everything the form's class fixes that the drawing can show: validators' flags (required...) and render_kw too
    flags = tuple(sorted(vars(field.flags).items()))
    key = ("field", type(field.widget).__qualname__, field.id, field.name, field.label.text, field.description, repr(params), flags, repr(field.render_kw))
    drawn = once(key, lambda: field(value=_SLOT, **extra))
    if drawn.count(_SLOT) != 1:  # the value shown more than once, or not at all: draw it whole
        return Markup(field(**extra))
    return Markup(drawn.replace(_SLOT, escape(field._value()), 1))


def component(name: str, params: dict) -> Markup:
    """GOV.UK's component macro `name` (govukButton, govukPanel...) called with `params`, drawn
    once per process for those params. Only for params the template or the catalogue fixes (a
    button's words and link, a level's name), never an answer or anything about a person."""

    return once(("component", name, json.dumps(params, sort_keys=True)), lambda: _macro(name)(params))


def component_around(name: str, params: dict, html) -> Markup:
    """`component(name, {**params, "html": html})` where `html` is drawn per request (the result's
    "Show all at this level", which names what fits the child): the component is drawn once per
    process with a placeholder as its html, and the placeholder replaced by `html`, as the macro
    shows it (`params.html | safe`). `params` as for `component`; an empty `html` (the macro then
    shows `params.text`), or a drawing that does not show the placeholder exactly once, is drawn
    whole."""
    if html:
        drawn = component(name, {**params, "html": _SLOT})
        if drawn.count(_SLOT) == 1:
            return Markup(str(drawn).replace(_SLOT, str(html), 1))  # as the macro's `| safe`: not escaped again
    return Markup(_macro(name)({**params, "html": html}))


def _macro(name: str):
    """GOV.UK's component macro `name` (govukDetails -> components/details/macro.html)."""
    folder = _WORD.sub("-", name.removeprefix("govuk")).lower()
    return getattr(current_app.jinja_env.get_template(f"govuk_frontend_jinja/components/{folder}/macro.html").module, name)


def hidden_tag(form) -> Markup:
    """`form.hidden_tag()`: the form's hidden fields (its CSRF token), each drawn by `form_field`."""
    return Markup("\n").join(form_field(f) for f in form if isinstance(f.widget, HiddenInput))


CAF_SPELT_OUT = "Common Assessment Framework (CAF)"  # the document's own term (p5, p6, p37)
_BARE_CAF = re.compile(r"\bCAF\b")


def caf_spelt_out(words: str) -> str:
    """`words` with their "CAF" spelt out ("Common Assessment Framework (CAF)") when it is the first the page
    draws through this filter, so that a page whose first CAF is the catalogue's (the level's "CAF threshold",
    a step "Initiate a CAF") says what it is where it is first read (review 22 surfaces, S7). Once a page: the
    request remembers it. Plain text in, plain text out (escaped as any other)."""
    if g.get("fsp_caf_spelt_out") or not _BARE_CAF.search(words):
        return words
    g.fsp_caf_spelt_out = True
    return words if CAF_SPELT_OUT in words else _BARE_CAF.sub(CAF_SPELT_OUT, words, count=1)


@pass_context
def _caf_spelt_out_filter(_context, words: str) -> str:
    """The template filter: `caf_spelt_out` taking the template's context, so that Jinja never folds it
    into a compiled template as a constant (a literal "CAF" was, spelt out for every later page)."""
    return caf_spelt_out(words)


@pass_context
def _caf_said_filter(_context, words: str) -> str:
    """`words` unchanged, noting that the page has said "CAF" if they do: for words that every surface says
    alike and that spell it out at their source (the written referral's opening, which its plain text gives
    too), so that the page's later CAFs are not spelt out again (review 22 surfaces, S7)."""
    if _BARE_CAF.search(words):
        g.fsp_caf_spelt_out = True
    return words


def init_app(app: Flask) -> None:
    app.extensions["fsp_layout"] = {}
    app.add_template_global(layout_fragment)
    app.add_template_global(form_field)
    app.add_template_global(hidden_tag)
    app.add_template_global(component)
    app.add_template_global(component_around)
    # every date a page writes, in one wording (pathway.dates: review 18 surfaces, S5)
    app.add_template_filter(dates.day_words, "day")
    app.add_template_filter(dates.weekday_words, "weekday")
    app.add_template_filter(dates.time_words, "time_of_day")
    app.add_template_filter(dates.day_time_words, "day_time")
    app.add_template_filter(dates.weekday_time_words, "weekday_time")
    app.add_template_filter(_caf_spelt_out_filter, "caf_spelt_out")
    app.add_template_filter(_caf_said_filter, "caf_said")  # the first CAF a page draws (review 22 surfaces, S7)
