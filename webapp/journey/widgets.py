"""Adaptations of govuk-frontend-wtf's widgets for this journey's checkboxes and radios.

govuk-frontend-wtf merges item params by position and renders an item that has a divider as the
divider only, so the "or" before an exclusive "None of these" is inserted here, in the mapping.
Empty hints are dropped (they otherwise render an empty hint element).
"""

from __future__ import annotations

from govuk_frontend_wtf.wtforms_widgets import GovCheckboxesInput, GovRadioInput

NONE = "none"


class _Items:
    def __init__(self, hints: dict[str, str] | None = None):
        self.hints = hints or {}

    def decorate(self, params: dict) -> dict:
        for item in params["items"]:
            if self.hints.get(item["value"]):
                item["hint"] = {"text": self.hints[item["value"]]}
        if not (params.get("hint") or {}).get("text"):
            params["hint"] = None
        return params


class Checkboxes(GovCheckboxesInput, _Items):
    """Checkboxes with per-item hints and, if a NONE choice exists, an exclusive "None" after "or"."""

    def __init__(self, hints=None):
        _Items.__init__(self, hints)

    def map_gov_params(self, field, **kwargs):
        params = self.decorate(super().map_gov_params(field, **kwargs))
        items = params["items"]
        if items and items[-1]["value"] == NONE:
            items[-1]["behaviour"] = "exclusive"
            items.insert(len(items) - 1, {"divider": "or"})
        return params


class Radios(GovRadioInput, _Items):
    def __init__(self, hints=None):
        _Items.__init__(self, hints)

    def map_gov_params(self, field, **kwargs):
        return self.decorate(super().map_gov_params(field, **kwargs))
