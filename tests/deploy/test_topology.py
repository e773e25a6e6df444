"""Through nginx, as a council runs it (deploy/): HTTPS only, Secure cookies and HSTS, compressed
static files served by nginx itself with long cache headers, the app's body limit at the edge,
only the proxy headers the app trusts, and a session that is good on either instance."""

from __future__ import annotations

import gzip
import json
import re

import pytest
import requests
from playwright.sync_api import expect

from benchmarks._topology import HOST, PASSWORD, ROOT, wait_for
from pathway.catalogue import load_catalogue

CSS = "/static/govuk/govuk-frontend.min.css"


def _static_links(html: str) -> list[str]:
    return re.findall(r'(?:href|src|data-govuk-frontend)="(/(?:static|assets)/[^"]+)"', html)


def _nginx_entries(topology) -> list[dict]:
    """nginx's own request log (one JSON object a line): it says which instance, if any, answered.
    nginx writes a line as its request ends, which may be just after the client has the answer:
    the tests wait for the line they need (a condition with a deadline, not a timed assertion)."""
    path = topology.work / "logs" / "fsp-access.log"
    return [json.loads(line) for line in path.read_text().splitlines() if line.strip()]


def test_plain_http_only_redirects_to_https(topology):
    r = requests.get(topology.http_base + "/cases/FSP-0001", allow_redirects=False, timeout=10)
    assert r.status_code == 301
    assert r.headers["Location"] == f"{topology.base}/cases/FSP-0001"
    assert "Set-Cookie" not in r.headers


def test_other_host_names_are_refused(topology):
    with pytest.raises(requests.exceptions.SSLError):  # no certificate is offered for a bare address
        requests.get(f"https://127.0.0.1:{topology.https_port}/", verify=False, timeout=10)
    with pytest.raises(requests.exceptions.ConnectionError):  # 444: closed without an answer
        requests.get(f"http://127.0.0.1:{topology.http_port}/", timeout=10)


def test_pages_have_hsts_secure_cookies_and_no_compression(topology):
    r = topology.client().get("/safety", headers={"Accept-Encoding": "gzip"})
    assert r.status_code == 200
    assert r.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    cookie = r.headers["Set-Cookie"]
    assert cookie.startswith("fsp_session=") and "; Secure" in cookie and "; HttpOnly" in cookie
    assert r.headers["Cache-Control"] == "no-store"
    # a page carries the CSRF token beside what the user typed (BREACH): never compressed
    assert "Content-Encoding" not in r.headers
    assert r.headers.get("Server") == "nginx"  # no version


def test_static_files_come_from_nginx_compressed_and_cached_for_a_year(topology):
    client = topology.client()
    links = _static_links(client.get("/").text)
    assert any(link.startswith(CSS + "?v=") for link in links), links
    for link in links:
        r = client.get(link, headers={"Accept-Encoding": "gzip"})
        assert r.status_code == 200, link
        path, _, version = link.partition("?v=")
        on_disk = (ROOT / "webapp" / (path[1:] if path.startswith("/static/") else "static/govuk" + path)).read_bytes()
        assert r.content == on_disk  # requests decodes the gzip
        assert r.headers["Cache-Control"] == ("public, max-age=31536000, immutable" if version else "no-cache")
        assert r.headers["X-Content-Type-Options"] == "nosniff"
        assert "Content-Security-Policy" not in r.headers  # the app sets one on everything it serves
        if path.endswith((".css", ".js", ".svg")) and len(on_disk) > 256:
            assert r.headers["Content-Encoding"] == "gzip", link
    # without the hash: revalidated each time (ETag), not kept
    r = client.get(CSS)
    assert r.headers["Cache-Control"] == "no-cache" and r.headers["ETag"]
    assert client.get(CSS, headers={"If-None-Match": r.headers["ETag"]}).status_code == 304

    # and no instance saw any of it: nginx's log names the instance behind each request, and none
    # is named for a static file (the last request, the 304, is waited for so all are counted)
    def static_lines_once_the_304_is_logged():
        entries = _nginx_entries(topology)
        return [e for e in entries if e["area"] in ("static", "assets")] if any(e["status"] == 304 for e in entries) else []

    served = wait_for(static_lines_once_the_304_is_logged, "the static lines", seconds=10)
    assert len(served) >= len(links) + 2 and all(e["upstream"] == "" for e in served)
    assert [e for e in _nginx_entries(topology) if e["area"] == "page"][-1]["upstream"]  # a page was proxied


def test_the_api_is_compressed_and_the_body_limit_is_the_apps(topology):
    case = {"child": {"age_years": 8}, "indicators": ["additional.dental_decay_not_accessing"]}
    r = requests.post(topology.base + "/api/v1/assess", json=case, verify=str(topology.cert), timeout=30, headers={"Accept-Encoding": "gzip"}, stream=True)
    raw = r.raw.read()
    assert r.status_code == 200 and r.headers["Content-Encoding"] == "gzip"
    assert b'"level"' in gzip.decompress(raw)
    # at the app's limit: through to the app (which says what is wrong with it); above it: nginx's 413
    filler = {"child": {"age_years": 8}, "indicators": [], "pad": "x" * (64 * 1024 - 80)}
    r = requests.post(topology.base + "/api/v1/assess", json=filler, verify=str(topology.cert), timeout=30)
    assert r.status_code == 422 and r.json()["errors"]
    assert not [e for e in _nginx_entries(topology) if e["status"] == 413]
    r = requests.post(
        topology.base + "/api/v1/assess",
        data=b"{" + b" " * (64 * 1024) + b"}",
        headers={"Content-Type": "application/json"},
        verify=str(topology.cert),
        timeout=30,
    )
    assert r.status_code == 413 and "nginx" in r.text
    refused = wait_for(lambda: [e for e in _nginx_entries(topology) if e["status"] == 413], "nginx's 413 line", seconds=10)
    # nginx's log names the instance that answered (upstream): none did, it never reached one
    assert [(e["area"], e["upstream"]) for e in refused] == [("api", "")]
    # and the 422 just before it did reach one (the oracle can tell the two apart)
    passed = [e for e in _nginx_entries(topology) if e["status"] == 422 and e["area"] == "api"]
    assert passed and all(e["upstream"] for e in passed)


def test_a_session_is_good_on_either_instance(topology):
    client = topology.client()
    client.sign_in("pat")
    cookie = client.http.cookies["fsp_session"]
    for node in topology.nodes:  # pinned: straight to instance A, then B, as nginx would send it
        r = requests.get(
            node.base + "/cases",
            allow_redirects=False,
            timeout=10,
            headers={"Cookie": f"fsp_session={cookie}", "X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1", "Host": f"{HOST}:{topology.https_port}"},
        )
        assert r.status_code == 200, (node.port, r.status_code)
        assert "Signed in as pat" in " ".join(re.sub(r"<[^>]+>", "", r.text).split())


def test_the_app_trusts_the_scheme_nginx_sets_and_not_a_clients_host(topology):
    client = topology.client()
    # a form post over HTTPS passes the strict CSRF referrer check, which only runs when the app
    # knows the request came over HTTPS (X-Forwarded-Proto, trusted for one hop)
    r = client.post("/safety", {"immediate": "none", "csrf_token": client.token("/safety")})
    assert r.status_code == 302
    bad = client.post("/safety", {"immediate": "none", "csrf_token": client.token("/safety")}, headers={"Referer": "https://evil.example/safety"})
    assert bad.status_code == 400  # the strict check is on: it knows the scheme is https
    # a client's own X-Forwarded-Host is dropped by nginx: the redirect stays on this site
    r = client.get("/save", headers={"X-Forwarded-Host": "evil.example"})
    assert "evil.example" not in r.headers.get("Location", "")


@pytest.mark.browser
def test_the_journey_end_to_end_in_chromium_over_https(topology, browser):
    context = browser.new_context(base_url=topology.base, ignore_https_errors=True)
    page = context.new_page()
    failed = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    dental = load_catalogue().indicator("additional.dental_decay_not_accessing").text

    page.goto("/")
    page.get_by_role("button", name="Start now").click()
    page.get_by_label("None of these").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("group", name="Has the child been born?").get_by_label("Yes", exact=True).check()
    page.get_by_label("Years").fill("8")
    for group, answer in [
        ("Does the child have a disability?", "No"),
        (re.compile("Is a CAF"), "No"),
        (re.compile("consented to early help"), "Yes"),
        ("What level is the child supported at now?", "None, or not known"),
    ]:
        page.get_by_role("group", name=group).get_by_label(answer, exact=True).first.check()
    page.get_by_role("button", name="Continue").click()
    while page.get_by_role("heading", level=1).inner_text() != "Check your answers":
        box = page.get_by_label(dental, exact=True)
        if box.count():
            box.check()
        page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="See the level").click()
    expect(page.locator(".govuk-panel__title")).to_have_text("Additional")

    page.get_by_role("button", name="Save this assessment").click()
    page.get_by_label("Username").fill("sam")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Save this assessment")
    page.get_by_label("Case reference").fill("WEB-0001")
    page.get_by_role("button", name="Save this assessment").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Case WEB-0001")
    expect(page.locator("table.app-history tbody tr")).to_have_count(1)

    assert page.url.startswith(f"https://{HOST}:")
    # GOV.UK Frontend's CSS and JavaScript arrived (from nginx) and ran
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    assert "arial" in page.evaluate("getComputedStyle(document.querySelector('h1')).fontFamily")
    cookies = {c["name"]: c for c in context.cookies()}
    assert cookies["fsp_session"]["secure"] and cookies["fsp_session"]["httpOnly"]
    assert failed == []
    context.close()


def test_an_instance_whose_port_was_taken_starts_on_another_and_says_so_at_once(topology, tmp_path):
    """Stop 44's CI waited 60 s on an instance that could not bind (two ports asked one at a time
    came back the same): a start that exits is reported at once with gunicorn's own words, and a
    first start whose port another process holds moves to a free one."""
    import socket

    from benchmarks._topology import Instance, InstanceExited, _first_start

    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        taken = holder.getsockname()[1]
        blocked = Instance(taken, topology.env, tmp_path, workers=1)
        with pytest.raises(InstanceExited) as exited:
            blocked.start()
        assert exited.value.port_taken and f"{taken}" in str(exited.value)
        node = Instance(taken, topology.env, tmp_path, workers=1)
        try:
            _first_start(node, taken={taken})
            assert node.port != taken
            assert requests.get(f"{node.base}/accessibility", headers={"Host": HOST}, timeout=10).status_code == 200
        finally:
            node.stop()
