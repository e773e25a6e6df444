"""Review 13 surfaces, X6: a case saved as "UTF-8 with BOM" (Windows Notepad's UTF-8) was refused as
"not valid JSON: expected value at line 1 column 1", naming no cause. RFC 8259 lets a parser ignore the
mark: the API, `pathway assess FILE` and `pathway assess -` read past it and decide the case as without
it (the oracle: the same case's decision with no mark)."""

from __future__ import annotations

import io
import json
import sys

from cli.main import main
from pathway.models import Case
from rules import evaluate
from tests.webapp.conftest import ALWAYS_OPEN
from webapp import create_app

CASE = {"child": {"age_years": 8}, "indicators": ["additional.low_self_esteem"]}
BOM = b"\xef\xbb\xbf"


def _level() -> str:
    return evaluate(Case.parse(CASE)).level.value


def test_the_api_reads_past_a_byte_order_mark(tmp_path):
    app = create_app(
        {"TESTING": True, "WTF_CSRF_ENABLED": False, "SECRET_KEY": "t", "DATABASE_URL": f"sqlite:///{tmp_path / 'a.db'}", "OFFICE_HOURS": ALWAYS_OPEN}
    )
    client = app.test_client()
    response = client.post("/api/v1/assess", data=BOM + json.dumps(CASE).encode(), content_type="application/json")
    assert response.status_code == 200, response.get_json()
    assert response.get_json()["level"] == _level() == "additional"
    search = client.post("/api/v1/search", data=BOM + json.dumps({"words": "low self esteem"}).encode(), content_type="application/json")
    assert search.status_code == 200, search.get_json()


def test_pathway_assess_reads_past_a_byte_order_mark(tmp_path, monkeypatch, capsys):
    path = tmp_path / "case.json"
    path.write_bytes(BOM + json.dumps(CASE).encode())
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    assert main(["assess", str(path)]) == 0, capsys.readouterr().err
    assert json.loads(capsys.readouterr().out)["level"] == _level()
    monkeypatch.setattr(sys, "stdin", io.StringIO("\ufeff" + json.dumps(CASE)))  # a piped file keeps its mark
    assert main(["assess", "-"]) == 0, capsys.readouterr().err
    assert json.loads(capsys.readouterr().out)["level"] == _level()
