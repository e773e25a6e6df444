"""The GOV.UK error summary for a WTForms form.

Written here rather than govuk-frontend-wtf's `wtforms_errors` because WTForms 3.2+ files
form-level errors under "" (which that helper links to "#"); those link to the form instead.
"""

from __future__ import annotations


def error_summary(form) -> dict:
    items = []
    for name, errors in form.errors.items():
        if not errors:
            continue
        if not name:  # form-level
            items += [{"text": e, "href": "#main-content"} for e in errors]
            continue
        field = getattr(form, name)
        items.append({"text": errors[0], "href": f"#{field.id}"})
    return {"titleText": "There is a problem", "errorList": items}
