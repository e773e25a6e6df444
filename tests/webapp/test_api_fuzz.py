"""Whatever is posted to the API, the answer is a decision or a 422 naming fields: never a 500."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pathway.catalogue import load_catalogue
from tests.webapp.conftest import ALWAYS_OPEN
from webapp import create_app

IDS = [i.id for i in load_catalogue().indicators]
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**6), 10**6) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)
cases = st.fixed_dictionaries(
    {},
    optional={
        "child": st.fixed_dictionaries(
            {}, optional={"age_years": st.integers(-2, 30) | json_values, "age_months": st.integers(-1, 13), "unborn": st.booleans()}
        ),
        "indicators": st.lists(st.sampled_from(IDS) | st.text(max_size=8), max_size=6),
        "context": st.fixed_dictionaries(
            {},
            optional={
                "caf": st.sampled_from(["none", "open_improving", "open_not_improving", "x"]),
                "disability": st.sampled_from(["none", "mild_moderate", "substantial_lifelong", "uncertain", 1]),
                "current_level": st.sampled_from(["universal", "additional", "extensive", "child_in_need", "protection", ""]),
                "consent_to_early_help": json_values,
            },
        ),
        "extra": json_values,
    },
)


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=cases | json_values | st.binary(max_size=40))
def test_api_never_fails_with_a_server_error(tmp_path_factory, body):
    client = _client(tmp_path_factory)
    data = body if isinstance(body, bytes) else json.dumps(body)
    r = client.post("/api/v1/assess", data=data, content_type="application/json")
    assert r.status_code in (200, 422), r.get_data(as_text=True)
    if r.status_code == 422:
        errors = r.get_json()["errors"]
        assert errors and all(e["field"] and e["message"] for e in errors)


_CLIENT = {}


def _client(factory):
    if "c" not in _CLIENT:
        app = create_app({"TESTING": True, "SECRET_KEY": "f", "OFFICE_HOURS": ALWAYS_OPEN, "DATABASE_URL": f"sqlite:///{factory.mktemp('fuzz') / 'f.sqlite3'}"})
        _CLIENT["c"] = app.test_client()
    return _CLIENT["c"]
