"""Page weight and first render of each journey page in Debian's chromium (issue 7; on demand:
`python -m benchmarks.page_weight`, about 5 minutes at the defaults).

The app is served by gunicorn on 127.0.0.1 with a throwaway SQLite file. One browser walks the
practitioner journey once (start, safety first, about the child, the 8 needs pages, check, result)
so that its answers exist; then every page, and the disagreements page, the adviser's call
screen, the practice start page and the sign-in page, is loaded `--repeats` times in a fresh
browser context (empty cache, "cold": what the page costs as the first page of a visit) and
again in the same context after about:blank ("warm": a later visit, which shows whether the
static files are cached). Journey pages carry the walk's session cookie; the others are opened
as a new visitor would.

For each load: bytes on the wire (CDP `encodedDataLength`: headers and bodies) and decoded
bytes, split by type (HTML, CSS, JS, fonts, images, other); requests that went to the server and
files taken from the cache; and the browser's own timings: navigation `responseEnd`,
`domContentLoadedEventEnd`, `loadEventEnd` and paint `first-contentful-paint`, in ms from the
start of the navigation. Figures are medians of the repeats. A second, throttled pass (CDP
`Network.emulateNetworkConditions`, THROTTLE below) shows the same pages on a poor connection.
The app sends everything uncompressed (compression is the reverse proxy's job in production), so
each cold load also gives an estimate of its bytes after gzip -6 of the text files.
"""

from __future__ import annotations

import argparse
import base64
import gzip
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from benchmarks._gunicorn import gunicorn

CHROMIUM = "/usr/bin/chromium"
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"]
# DevTools' "Fast 3G" preset (now called "Slow 4G"): 562.5 ms added to every request,
# 1.44 Mbit/s down, 675 kbit/s up; the same numbers Lighthouse uses for its mobile runs.
THROTTLE = {"offline": False, "latency": 562.5, "downloadThroughput": 1.44e6 / 8, "uploadThroughput": 675e3 / 8}
TYPES = ("html", "css", "js", "font", "image", "other")
TEXT_TYPES = {"html", "css", "js"}  # what a proxy compresses; fonts (woff2) and PNGs already are
GOVUK_BASELINE = ("/static/govuk/govuk-frontend.min.css", "/static/govuk/govuk-frontend.min.js")
TICKS = ["additional.dental_decay_not_accessing", "additional.stress_factors_poor_housing"]

TIMINGS_JS = """() => {
  const nav = performance.getEntriesByType('navigation')[0]
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]
  return {response_end: nav.responseEnd, dom_content_loaded: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd, first_contentful_paint: fcp ? fcp.startTime : null}
}"""


@dataclass(frozen=True)
class Page:
    name: str
    path: str
    with_session: bool  # opened with the journey's answers (the walk's cookie) or as a new visitor


def kind(url: str, resource_type: str) -> str:
    """Which column a response counts in: by CDP's resource type for the page, else the file's ending."""
    if resource_type == "Document":
        return "html"
    ending = re.sub(r"[?#].*", "", url).rsplit(".", 1)[-1].lower()
    return {"css": "css", "js": "js", "woff": "font", "woff2": "font", "png": "image", "svg": "image", "ico": "image", "jpg": "image", "gif": "image"}.get(
        ending, "other"
    )


class Recorder:
    """Collects the CDP network events of one page, request by request."""

    def __init__(self, cdp):
        self.cdp = cdp
        self.requests: dict[str, dict] = {}
        cdp.send("Network.enable")
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.responseReceived", self._response)
        cdp.on("Network.requestServedFromCache", self._from_cache)
        cdp.on("Network.dataReceived", self._data)
        cdp.on("Network.loadingFinished", self._finished)
        cdp.on("Network.loadingFailed", self._finished)

    def _get(self, e):
        return self.requests.setdefault(e["requestId"], {"url": "", "type": "", "status": None, "cache": False, "wire": 0, "decoded": 0, "done": False})

    def _sent(self, e):
        r = self._get(e)
        r["url"], r["type"] = e["request"]["url"], e.get("type", "")

    def _response(self, e):
        r = self._get(e)
        r["status"] = e["response"]["status"]
        r["cache"] = r["cache"] or e["response"].get("fromDiskCache", False) or e["response"].get("fromPrefetchCache", False)
        r["url"] = r["url"] or e["response"]["url"]
        r["type"] = r["type"] or e.get("type", "")

    def _from_cache(self, e):
        self._get(e)["cache"] = True

    def _data(self, e):
        self._get(e)["decoded"] += e["dataLength"]

    def _finished(self, e):
        r = self._get(e)
        r["wire"] = int(e.get("encodedDataLength", 0))
        r["done"] = True

    def pending(self) -> int:
        return sum(not r["done"] for r in self.requests.values() if not r["url"].startswith("data:"))


def _gzip_estimate(recorder: Recorder, request_id: str, r: dict, known: dict) -> int:
    """The body's size after gzip -6 for text files (as a proxy would send it), else as sent."""
    if kind(r["url"], r["type"]) not in TEXT_TYPES or r["status"] != 200:
        return r["decoded"]
    if r["url"] not in known or kind(r["url"], r["type"]) == "html":
        body = recorder.cdp.send("Network.getResponseBody", {"requestId": request_id})
        raw = base64.b64decode(body["body"]) if body["base64Encoded"] else body["body"].encode()
        known[r["url"]] = len(gzip.compress(raw, 6))
    return known[r["url"]]


def load(page, recorder: Recorder, url: str, gzip_sizes: dict | None = None) -> dict:
    """Navigate to `url` and wait until every request it started has finished; the load's figures."""
    recorder.requests.clear()
    response = page.goto(url, wait_until="load")
    if response is None or response.status != 200:
        raise RuntimeError(f"{url}: HTTP {response and response.status}")
    deadline = time.monotonic() + 20
    while (recorder.pending() or not page.evaluate(TIMINGS_JS)["first_contentful_paint"]) and time.monotonic() < deadline:
        page.wait_for_timeout(20)
    figures = {
        "timings_ms": {k: round(v, 1) for k, v in page.evaluate(TIMINGS_JS).items() if v is not None},
        "requests": 0,
        "from_cache": 0,
        "wire_bytes": dict.fromkeys(TYPES, 0),
        "decoded_bytes": dict.fromkeys(TYPES, 0),
    }
    gzip_total = 0
    for request_id, r in recorder.requests.items():
        if r["url"].startswith("data:"):
            continue
        column = kind(r["url"], r["type"])
        if r["cache"]:
            figures["from_cache"] += 1
        else:
            figures["requests"] += 1
            figures["wire_bytes"][column] += r["wire"]
        figures["decoded_bytes"][column] += r["decoded"]
        if gzip_sizes is not None and not r["cache"]:
            gzip_total += _gzip_estimate(recorder, request_id, r, gzip_sizes)
    figures["wire_bytes"]["total"] = sum(figures["wire_bytes"][t] for t in TYPES)
    figures["decoded_bytes"]["total"] = sum(figures["decoded_bytes"][t] for t in TYPES)
    if gzip_sizes is not None:
        figures["body_bytes_gzip_estimate"] = gzip_total
    return figures


def median_of(loads: list[dict]) -> dict:
    """The median of every number across the repeats, in the same shape."""
    first = loads[0]
    if isinstance(first, dict):
        return {k: median_of([x[k] for x in loads if k in x]) for k in first}
    value = statistics.median(loads)
    return round(value, 1) if isinstance(value, float) else int(value)


def walk_journey(browser, base: str) -> tuple[list[Page], dict]:
    """Answer the journey as a practitioner would; the pages on the way, in order, and the session."""
    from pathway.catalogue import load_catalogue

    context = browser.new_context(base_url=base)
    page = context.new_page()
    pages = [Page("start", "/", False)]
    page.goto("/")
    page.get_by_role("button", name="Start now").click()
    pages.append(Page("safety first", "/safety", True))
    page.get_by_label("None of these").check()
    page.get_by_role("button", name="Continue").click()
    pages.append(Page("about the child", "/child", True))

    def choose(group, label):
        page.get_by_role("group", name=group).get_by_label(label, exact=True).first.check()

    choose("Has the child been born?", "Yes")
    page.get_by_label("Years").fill("8")
    page.get_by_label("Months").fill("2")
    choose("Does the child have a disability?", "No")
    choose(re.compile("Is a CAF"), "No")
    choose(re.compile("consented to early help"), "Yes")
    choose("What level is the child supported at now?", "None, or not known")
    page.get_by_role("button", name="Continue").click()
    wanted = {load_catalogue().indicator(i).text for i in TICKS}
    while "/needs/" in page.url:
        path = page.url.removeprefix(base)
        pages.append(Page(f"needs: {path.rsplit('/', 1)[-1]}", path, True))
        for text in list(wanted):
            box = page.get_by_label(text, exact=True)
            if box.count():
                box.check()
                wanted.discard(text)
        page.get_by_role("button", name="Continue").click()
    pages.append(Page("check answers", "/check", True))
    page.get_by_role("button", name="See the level").click()
    page.locator(".govuk-panel__title").wait_for()
    pages.append(Page("result", "/result", True))
    state = context.storage_state()
    context.close()
    if wanted or sum("/needs/" in p.path for p in pages) != 8:
        raise RuntimeError(f"the journey did not go as expected: {[p.path for p in pages]}, unticked {wanted}")
    return pages + [
        Page("resolving disagreements", "/disagreements", False),
        Page("adviser call screen", "/adviser/", False),
        Page("practice start", "/practice/", False),
        Page("sign in", "/sign-in", False),
    ], state


def measure(browser, base: str, target: Page, state: dict, throttle: dict | None) -> dict:
    """One cold load in a fresh context, then one warm load of the same page in that context."""
    context = browser.new_context(base_url=base, storage_state=state if target.with_session else None)
    page = context.new_page()
    recorder = Recorder(context.new_cdp_session(page))
    if throttle:
        recorder.cdp.send("Network.emulateNetworkConditions", throttle)
    cold = load(page, recorder, target.path, gzip_sizes={} if not throttle else None)
    page.goto("about:blank")
    warm = load(page, recorder, target.path)
    context.close()
    return {"cold": cold, "warm": warm}


def _chromium_version() -> str:
    out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=30).stdout
    return out.strip().split(" built on")[0]


def _baseline_bytes(base: str) -> int:
    """GOV.UK Frontend's own CSS and JS, decoded: the least any page of this design can weigh."""
    return sum(len(urllib.request.urlopen(base + path, timeout=10).read()) for path in GOVUK_BASELINE)


def _ratios(figures: dict, baseline: int) -> dict:
    cold = figures["cold"]
    return {
        "cold_decoded_to_govuk_css_js": round(cold["decoded_bytes"]["total"] / baseline, 2),
        "html_share_of_cold_decoded": round(cold["decoded_bytes"]["html"] / cold["decoded_bytes"]["total"], 3),
        "warm_wire_to_cold_wire": round(figures["warm"]["wire_bytes"]["total"] / cold["wire_bytes"]["total"], 3),
    }


def run(base: str, repeats: int, throttled_repeats: int, only: str | None) -> dict:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=LAUNCH_ARGS)
        pages, state = walk_journey(browser, base)
        if only:
            pages = [pg for pg in pages if only in pg.name]
        measure(browser, base, pages[0], state, None)  # warm-up: the browser's first context is slower
        baseline = _baseline_bytes(base)
        results = []
        for pg in pages:
            figures = median_of([measure(browser, base, pg, state, None) for _ in range(repeats)])
            row = {"page": pg.name, "path": pg.path, **figures, "ratios": _ratios(figures, baseline)}
            if throttled_repeats:
                throttled = median_of([measure(browser, base, pg, state, THROTTLE) for _ in range(throttled_repeats)])
                row["throttled"] = {"cold": throttled["cold"]["timings_ms"], "warm": throttled["warm"]["timings_ms"]}
            results.append(row)
        browser.close()
    return {"govuk_css_js_decoded_bytes": baseline, "pages": results}


def markdown(report: dict) -> str:
    """The table for docs/benchmarks.md (kB = 1000 bytes)."""

    def kb(n):
        return f"{n / 1000:.1f}"

    head = (
        "| page | cold kB on wire (HTML/CSS/JS/font/img) | cold kB gzip est. | requests cold / warm (cached) "
        "| warm kB on wire | FCP ms cold / warm | load ms cold / warm | throttled FCP ms cold / warm "
        "| throttled load ms cold / warm | cold : GOV.UK CSS+JS |"
    )
    lines = [head, "|" + "---|" * head.count(" | ") + "---|"]
    for r in report["pages"]:
        c, w, t = r["cold"], r["warm"], r.get("throttled")
        split = "/".join(kb(c["wire_bytes"][k]) for k in ("html", "css", "js", "font", "image"))
        lines.append(
            f"| {r['page']} | {kb(c['wire_bytes']['total'])} ({split}) | {kb(c['body_bytes_gzip_estimate'])} "
            f"| {c['requests']} / {w['requests']} ({w['from_cache']}) | {kb(w['wire_bytes']['total'])} "
            f"| {c['timings_ms']['first_contentful_paint']:.0f} / {w['timings_ms']['first_contentful_paint']:.0f} "
            f"| {c['timings_ms']['load']:.0f} / {w['timings_ms']['load']:.0f} "
            + (
                f"| {t['cold']['first_contentful_paint']:.0f} / {t['warm']['first_contentful_paint']:.0f} | {t['cold']['load']:.0f} / {t['warm']['load']:.0f} "
                if t
                else "| - | - "
            )
            + f"| {r['ratios']['cold_decoded_to_govuk_css_js']} |"
        )
    return "\n".join(lines)


def main(argv=None) -> dict:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=5, help="loads of each page, cold and warm (median)")
    parser.add_argument("--throttled-repeats", type=int, default=1, help="loads of each page on the throttled connection (0: no throttled pass)")
    parser.add_argument("--page", help="only the pages whose name contains this (e.g. 'start')")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--markdown", action="store_true", help="also print the table for docs/benchmarks.md")
    args = parser.parse_args(argv)
    if not Path(CHROMIUM).exists():
        sys.exit(f"{CHROMIUM} is missing: run scripts/setup_test_system.sh")
    tmp = Path(tempfile.mkdtemp())
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp / 'pages.sqlite3'}", "SECRET_KEY": "page-weight"}
    report = {
        "date": time.strftime("%Y-%m-%d"),
        "machine": f"{os.cpu_count()} cores, {platform.machine()}",
        "python": platform.python_version(),
        "chromium": _chromium_version(),
        "gunicorn": f"{args.workers} workers x 4 threads",
        "repeats": args.repeats,
        "throttled_repeats": args.throttled_repeats,
        "throttle": THROTTLE,
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
    }
    with gunicorn("webapp:create_app()", env, args.workers, urllib.request.Request) as (base, _pid):
        report.update(run(base, args.repeats, args.throttled_repeats, args.page))
    report["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    print(json.dumps(report, indent=1))
    if args.markdown:
        print(markdown(report))
    return report


if __name__ == "__main__":
    main()
