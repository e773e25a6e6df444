"""The render pipeline's two savings (issue 17: a page's CPU was mostly Jinja drawing GOV.UK's layout).

- `layout_fragment(name, *args)`: the parts of every page that depend on no request (the
  stylesheet and script links with their content hashes, skip link, header, service navigation
  per active page, phase banner, footer; the macros in templates/_layout.html) are rendered once
  per process and app, then reused as they are. Not while templates auto-reload (debug): a
  developer's edited CSS or layout then shows at once.
- `Environment`: every `{% from ... import ... %}` (29 on a page, most inside GOV.UK's own
  component templates) makes Jinja compare the importer's globals with the imported template's,
  `set - ChainMap.keys()`, a key at a time in Python. Giving the ChainMap a `keys()` that is a real
  set makes that a C set difference; what Jinja sees is unchanged (same keys, always current).
"""

from __future__ import annotations

from collections import ChainMap

from flask import Flask, current_app, request
from flask.templating import Environment as FlaskEnvironment
from markupsafe import Markup

LAYOUT = "_layout.html"


class _Globals(ChainMap):
    def keys(self):  # type: ignore[override]
        return set().union(*self.maps)


class Environment(FlaskEnvironment):
    def make_globals(self, d):
        return _Globals(d if d is not None else {}, self.globals)


def layout_fragment(name: str, *args) -> Markup:
    """The macro `name` of templates/_layout.html called with `args`, rendered once per process."""
    cache = current_app.extensions["fsp_layout"]
    key = (name, request.script_root, *args)
    html = cache.get(key)
    if html is None:
        macro = getattr(current_app.jinja_env.get_template(LAYOUT).module, name)
        html = Markup(str(macro(*args)).strip())
        if not current_app.jinja_env.auto_reload:
            cache[key] = html
    return html


def init_app(app: Flask) -> None:
    app.extensions["fsp_layout"] = {}
    app.add_template_global(layout_fragment)
