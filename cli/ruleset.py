"""`pathway ruleset diff DRAFT.yaml [--against CURRENT] [--json] [--saved]`.

Exit 0: no case changes; 1: some do (each reported); 2: the draft (or CURRENT) does not
validate, each problem on stderr naming the field; 3: the rules failed (a defect to report).
"""

from __future__ import annotations

import json
import sys

from cli.database import configured_url, database_url, instance_sqlite
from cli.files import FileRefused, read_text
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


def cmd_ruleset_diff(args) -> int:
    from pathway.scenarios import default_paths
    from training.batch import load_paths
    from training.ruleset_diff import DraftError, assessment_items, diff, load_draft, render_text, scenario_items

    try:
        draft = load_draft(read_text(args.draft))
        current = load_draft(read_text(args.against)) if args.against else load_catalogue()
    except FileRefused as exc:
        sys.stderr.write(f"error: {exc}\n")
        return EXIT_INVALID
    except DraftError as exc:
        for err in exc.errors:
            sys.stderr.write(f"error: {err.field}: {err.message}\n")
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
