"""`pathway scenarios run|check|coverage [PATH ...]`: the batch runner trainers and CI use.

Exit codes: 0 every scenario agrees (or, for check, is valid), 1 some scenario disagrees with
the rules (check --review: some scenario needs a trainer's review; coverage: the bank falls
short), 2 a file or scenario was refused (file, scenario and field on stderr), 3 the rules failed.
"""

from __future__ import annotations

import argparse
import json
import sys
from concurrent.futures.process import BrokenProcessPool

from cli.files import FileRefused, read_text
from pathway.document import TEXT as SHIPPED_DOCUMENT
from pathway.scenarios.coverage import coverage, report
from pathway.scenarios.loader import ScenarioErrors, default_paths
from pathway.scenarios.review import citation_problems, unlisted_needs
from training.batch import run_batch
from training.runner import Result

EXIT_DISAGREE = 1
EXIT_REFUSED = 2
EXIT_INTERNAL = 3


def add_scenarios_parser(sub) -> None:
    """Add `scenarios` (with `run` and `check`) to the main parser's subcommands."""
    p = sub.add_parser("scenarios", help="training scenarios: check them against the rules")
    inner = p.add_subparsers(dest="scenarios_command", required=True)
    r = inner.add_parser("run", help="run scenarios and compare the rules' level with the model answer")
    r.add_argument("paths", nargs="*", metavar="PATH", help="scenario files or folders (default: the shipped ones)")
    r.add_argument("--json", action="store_true", help="JSON for machines")
    r.set_defaults(func=cmd_run)
    c = inner.add_parser("check", help="validate scenario files without running them")
    c.add_argument("paths", nargs="*", metavar="PATH", help="scenario files or folders (default: the shipped ones)")
    c.add_argument("--review", action="store_true", help="also flag needs the narrative names that the model answer ignores, and bad line citations")
    c.add_argument(
        "--document",
        metavar="FILE",
        default=None,
        help="with --review: the threshold document's text, for line citations (default: the copy shipped with the catalogue)",
    )
    c.set_defaults(func=cmd_check)
    v = inner.add_parser("coverage", help="what the scenarios teach, and where they fall short")
    v.add_argument("paths", nargs="*", metavar="PATH", help="scenario files or folders (default: the shipped ones)")
    v.add_argument("--json", action="store_true", help="JSON for machines")
    v.set_defaults(func=cmd_coverage)
    for command in (r, c, v):
        command.add_argument(
            "--jobs", type=_positive, default=None, metavar="N", help="worker processes (default: more than one only for large batches of several files)"
        )


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError("must be a whole number of 1 or more")
    return int(text)


def cmd_check(args) -> int:
    if args.document is not None and not args.review:  # only the review reads it: never ignored unsaid (review 15 surfaces, Z2)
        sys.stderr.write("error: --document: used only with --review (the review checks line citations against it): add --review, or leave --document out\n")
        return EXIT_REFUSED
    loaded = _batch(args, execute=False)
    if loaded is None:
        return EXIT_REFUSED
    files = len({item.file for item in loaded})
    sys.stdout.write(f"{len(loaded)} scenarios valid in {files} files\n")
    if not args.review:
        return 0
    try:
        document = read_text(args.document or SHIPPED_DOCUMENT).splitlines()
    except FileRefused as exc:
        sys.stderr.write(f"error: the document: {exc}\n")
        return EXIT_REFUSED
    flagged = 0
    for item in loaded:
        problems = [str(u) for u in unlisted_needs(item.scenario)] + citation_problems(item.scenario, document)
        for problem in problems:
            sys.stdout.write(f"review: {item.file}: {item.scenario.id}: {problem}\n")
        flagged += bool(problems)
    sys.stdout.write(f"{flagged} scenario(s) to review\n")
    return EXIT_DISAGREE if flagged else 0


def cmd_coverage(args) -> int:
    """Exit 0 when the bank meets the minimums (80 scenarios, 10 per level, every Protection indicator), else 1."""
    loaded = _batch(args, execute=False)
    if loaded is None:
        return EXIT_REFUSED
    cov = coverage([item.scenario for item in loaded])
    if args.json:
        json.dump(cov.as_dict(), sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(report(cov))
    return 1 if cov.shortfalls else 0


def cmd_run(args) -> int:
    results = _batch(args, execute=True)
    if results is None:
        return EXIT_REFUSED
    if args.json:
        json.dump({"summary": summary(results), "results": [r.as_dict() for r in results]}, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(table(results))
    if any(r.error for r in results):
        return EXIT_INTERNAL
    return 0 if all(r.match for r in results) else EXIT_DISAGREE


def _batch(args, execute: bool):
    """The batch's results (or validated scenarios); None, with every problem on stderr, if refused."""
    bar = Progress() if sys.stderr.isatty() else None
    try:
        return run_batch(args.paths or default_paths(), jobs=args.jobs, execute=execute, progress=bar.update if bar else None)
    except ScenarioErrors as exc:
        errors = exc.errors
    except BrokenProcessPool:
        sys.stderr.write("internal error: a worker process died (out of memory?); try again with --jobs 1\n")
        sys.exit(EXIT_INTERNAL)
    finally:
        if bar:
            bar.close()
    for err in errors:
        sys.stderr.write(f"error: {err}\n")
    sys.stderr.write(f"{len(errors)} problem(s): fix the scenario files named above\n")
    return None


def summary(results: list[Result]) -> dict:
    agree = sum(r.match for r in results)
    return {"scenarios": len(results), "agree": agree, "disagree": len(results) - agree}


def table(results: list[Result]) -> str:
    """A plain-text table: scenario, model level, rules' level, match; differences under a mismatch."""
    rows = [("scenario", "model level", "rules' level", "match")]
    rows += [(r.id, r.model_level, r.rules_level or "(error)", "yes" if r.match else "NO") for r in results]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    out = []
    for n, row in enumerate(rows):
        out.append("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip())
        result = results[n - 1] if n else None
        if result is not None and not result.match:
            for d in result.differences or [f"error: {result.error}"]:
                out.append(f"    {d}")
    s = summary(results)
    out.append(f"{s['scenarios']} scenarios: {s['agree']} agree, {s['disagree']} disagree")
    return "\n".join(out) + "\n"


class Progress:
    """A one-line progress bar on stderr (by bytes of scenario files), redrawn once per percent."""

    WIDTH = 30

    def __init__(self, stream=None):
        self.stream = stream or sys.stderr
        self.shown = -1

    def update(self, done: int, total: int) -> None:
        percent = 100 * done // max(total, 1)
        if percent == self.shown:
            return
        self.shown = percent
        filled = self.WIDTH * percent // 100
        self.stream.write(f"\r[{'#' * filled}{'.' * (self.WIDTH - filled)}] {percent:3d}%")
        self.stream.flush()

    def close(self) -> None:
        self.stream.write("\r" + " " * (self.WIDTH + 8) + "\r")
        self.stream.flush()
