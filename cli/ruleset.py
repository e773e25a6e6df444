"""`pathway ruleset diff DRAFT.yaml [--against CURRENT] [--json] [--saved]`.

Exit 0: no case changes; 1: some do (each reported); 2: the draft (or CURRENT) does not
validate, each problem on stderr naming the field; 3: the rules failed (a defect to report).
"""

from __future__ import annotations

import json
import sys

from cli.database import configured_url, database_url, instance_sqlite
from cli.files import FileRefused, not_empty, read_text
from pathway.catalogue import load_catalogue

EXIT_CHANGED, EXIT_INVALID = 1, 2


def saved_scenario_items(engine) -> list:
    """Scenarios trainers saved in the practice library (the web app's table, if it exists)."""
    from sqlalchemy import inspect, text

    from pathway.scenarios import ScenarioErrors, loads
    from training.ruleset_diff import scenario_items

    if not inspect(engine).has_table("practice_scenarios"):
        return []
    scenarios = []
    with engine.connect() as conn:
        for sid, body in conn.execute(text("SELECT id, yaml FROM practice_scenarios ORDER BY id")):
            try:
                scenarios += loads(body, name=f"library:{sid}")
            except ScenarioErrors as exc:  # refused by today's catalogue: say so, carry on
                sys.stderr.write(f"warning: saved scenario {sid} no longer loads: {exc}\n")
    return scenario_items(scenarios, "saved scenario")


def _database_configured() -> bool:
    """A database to read saved scenarios from: one named in the environment, or the web app's file."""
    return bool(configured_url()) or instance_sqlite().exists()


class _Refused(Exception):
    """A catalogue file that does not validate, and which of the two it is (review 14 surfaces, Y5:
    the draft and --against were refused in the same words, naming neither)."""

    def __init__(self, path: str, errors: list[str]):
        self.path, self.errors = path, errors


def _load(path: str):
    """The catalogue in the file at `path`; FileRefused or _Refused, each naming the file."""
    from training.ruleset_diff import DraftError, load_draft

    text = not_empty(read_text(path), path)
    try:
        return load_draft(text)
    except DraftError as exc:  # the file's own problems are said without "(file)": the path names it
        raise _Refused(path, [err.message if err.field == "(file)" else f"{err.field}: {err.message}" for err in exc.errors]) from None


def cmd_ruleset_diff(args) -> int:
    from pathway.scenarios import default_paths
    from training.batch import load_paths
    from training.ruleset_diff import assessment_items, diff, render_text, scenario_items

    try:
        draft = _load(args.draft)
        current = _load(args.against) if args.against else load_catalogue()
    except FileRefused as exc:
        sys.stderr.write(f"error: {exc}\n")
        return EXIT_INVALID
    except _Refused as exc:
        for err in exc.errors:
            sys.stderr.write(f"error: {exc.path}: {err}\n")
        return EXIT_INVALID
    items = scenario_items([i.scenario for i in load_paths(default_paths())], "shipped scenario")
    if not args.shipped_only and (args.database_url or args.saved or _database_configured()):
        from store.assessments import answers_for_ruleset_review
        from store.db import open_existing
        from store.errors import DatabaseNotFound

        try:  # read, never made: a mistyped --database-url is said, not diffed as an empty store (review 12 surfaces, W6)
            engine = open_existing(database_url(args.database_url))
        except DatabaseNotFound as exc:
            sys.stderr.write(f"error: {exc}\n")
            return EXIT_INVALID
        items += saved_scenario_items(engine)
        if args.saved:
            items += assessment_items(answers_for_ruleset_review(engine, None))
    report = diff(items, current, draft)
    if args.json:
        json.dump(report.as_dict(), sys.stdout, indent=1, ensure_ascii=False, default=str)
        sys.stdout.write("\n")
    else:
        sys.stdout.write(render_text(report))
    return EXIT_CHANGED if report.changes else 0


def add_ruleset_parser(sub) -> None:
    """Register `ruleset diff` on pathway's subparsers."""
    p = sub.add_parser("ruleset", help="try a catalogue change before it is made")
    actions = p.add_subparsers(dest="action", required=True)
    d = actions.add_parser(
        "diff",
        help="decide every shipped and saved scenario (and, with --saved, every saved assessment) under the current catalogue and DRAFT; report what changes",
    )
    d.add_argument("draft", help="the draft catalogue (YAML, the shape of pathway/data/fsp_2014.yaml)")
    d.add_argument("--against", default=None, help="compare with this catalogue instead of the shipped one")
    d.add_argument("--json", action="store_true", help="JSON for machines")
    d.add_argument("--saved", action="store_true", help="also every saved assessment's answers (an admin's command: it reads the whole store)")
    d.add_argument(
        "--database-url",
        default=None,
        help="the database with the saved scenarios and assessments (default: FSP_DATABASE_URL or "
        "DATABASE_URL, else the web app's instance/fsp.sqlite3, when either is there)",
    )
    d.add_argument("--shipped-only", action="store_true", help="only the shipped scenarios: no database")
    d.set_defaults(func=cmd_ruleset_diff)
