"""Command line: `pathway indicators --json`, `pathway assess FILE|-`, `pathway search "WORDS" --json`.

Exit codes: 0 decided, 2 the case was refused (message on stderr naming the field),
3 an internal error in the rules (never a stack trace for the user). A case refused only for some
answers whose other answers are an immediate referral (p9) is decided without them (exit 0): the
decision names each in `decided_without`, and stderr says so, one line each (review 12, H2).
"""

from __future__ import annotations

import argparse
import json
import os
import sys

from cli.database import database_url, named_url
from cli.files import FileRefused, not_empty, read_stdin, read_text
from cli.ruleset import add_ruleset_parser
from cli.scenarios import add_scenarios_parser
from pathway.indicator_rows import indicator_rows
from pathway.models import Case, CaseError
from store.cli import add_audit_parser, add_retention_parser, add_users_parser

EXIT_REFUSED = 2
EXIT_INTERNAL = 3


def print_rows(rows: list[dict], as_json: bool, line) -> None:
    """JSON for machines, else one line per row (`line(row)`) with immediate rows flagged."""
    if as_json:
        json.dump(rows, sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return
    for r in rows:
        sys.stdout.write(line(r) + (" [IMMEDIATE]" if r["immediate"] else "") + "\n")


def cmd_indicators(args) -> int:
    print_rows(indicator_rows(), args.json, lambda r: f"{r['id']:<55} {r['level']:<11} {r['text']}")
    return 0


def cmd_assess(args) -> int:
    from rules import RulesError, ensure_registered, evaluate_despite_refusals  # imported only when assessing

    ensure_registered()

    try:
        name = "stdin" if args.file == "-" else args.file
        raw = not_empty(read_stdin() if args.file == "-" else read_text(args.file), name)
    except FileRefused as exc:
        sys.stderr.write(f"error: {exc}\n")
        return EXIT_REFUSED
    try:
        decision = evaluate_despite_refusals(Case.parse(raw))
    except CaseError as exc:
        for err in exc.errors:  # the whole text's problems name the file (or stdin), not the API's "(body)"
            sys.stderr.write(f"error: {name if err.field == '(body)' else err.field}: {err.message}\n")
        return EXIT_REFUSED
    except RulesError as exc:
        sys.stderr.write(f"internal error in the rules, please report it: {exc}\n")
        return EXIT_INTERNAL
    for err in decision.decided_without:  # an immediate referral, decided without the answers refused
        sys.stderr.write(f"warning: decided without {err.field}: {err.message}\n")
    sys.stdout.write(decision.model_dump_json(indent=1) + "\n")
    return 0


def _words_refused(words: str) -> str | None:
    """The search's words refused in the command line's own words, as a file's are (review 14 Y4/Y5),
    never pydantic's (review 15 surfaces, Z2): bytes that are not UTF-8 (argv keeps them as surrogate
    escapes), or nothing but spaces."""
    raw = os.fsencode(words)
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return f"not UTF-8 text (byte 0x{raw[exc.start]:02x} at position {exc.start}): type the caller's words as UTF-8"
    if not words.strip():
        return "nothing was given: give the caller's words, in quotes"
    return None


def cmd_search(args) -> int:
    from pathway.search import SearchRequest  # builds the index on first use: only when searching

    refused = _words_refused(args.words)
    if refused:
        sys.stderr.write(f"error: words: {refused}\n")
        return EXIT_REFUSED
    # read as the call screen and the API read them (`finished` false: review 25 R2, declined on measurement)
    request = {"words": args.words, "unborn": args.unborn, "limit": args.limit, "with_note": args.with_note}
    if args.age_months is not None:
        request["age_months"] = args.age_months
    try:
        parsed = SearchRequest.parse(request)
        answer = parsed.answer()
    except CaseError as exc:
        for err in exc.errors:
            sys.stderr.write(f"error: {err.field}: {err.message}\n")
        return EXIT_REFUSED
    if args.json and args.with_note:  # the API's answer for the same request
        sys.stdout.write(json.dumps(answer, indent=1, ensure_ascii=False) + "\n")
        return 0
    rows = answer["hits"] if isinstance(answer, dict) else answer
    # what the call screen says beside its rows (a child looked after now, a refusal of the CAF): said here too,
    # in place of "try other words" where nothing is found (review 25 surfaces, R3)
    note = parsed.note()
    print_rows(rows, args.json, lambda r: f"{r['score']:>8.3f}  {r['level']:<11} {r['text']}  ({r['id']})")
    if args.json:
        if note:  # stdout stays the contract's array
            sys.stderr.write(f"note: {note}\n")
    elif note:
        sys.stdout.write(f"\n{note}\n" if rows else f"{note}\n")
    elif not rows:
        sys.stdout.write("No concerns found: try other words\n")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pathway", description="Family Support Pathway decision support (Nottingham, 2014)")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("indicators", help="list the threshold document's indicators")
    p.add_argument("--json", action="store_true", help="JSON array for machines")
    p.set_defaults(func=cmd_indicators)
    p = sub.add_parser("assess", help="decide the level for a case (JSON file, or - for stdin)")
    p.add_argument("file", help="a JSON case file, or - to read it from standard input")
    p.set_defaults(func=cmd_assess)
    p = sub.add_parser(
        "search",
        help="find indicators for what a caller said, best first",
        description="Find indicators for what a caller said, best first, read as the call screen reads them. Where the"
        " words name a child looked after now, or refuse the CAF or early help, the call screen's note is said after the"
        " rows (on stderr with --json, or in the answer with --with-note).",
    )
    p.add_argument("words", help="the caller's words, in quotes")
    age = p.add_mutually_exclusive_group()
    age.add_argument("--age-months", type=int, metavar="N", help="the child's age in whole months")
    age.add_argument("--unborn", action="store_true", help="the child is not yet born")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="at most N results (1 to 50; default 10)")
    p.add_argument("--json", action="store_true", help='JSON [{"id","text","level","immediate","score"}, ...]')
    p.add_argument("--with-note", action="store_true", help='with --json: {"hits": [...], "note": ...}, the API\'s answer with with_note')
    p.set_defaults(func=cmd_search)
    add_scenarios_parser(sub)
    add_users_parser(sub)
    add_retention_parser(sub)
    add_audit_parser(sub)
    add_ruleset_parser(sub)
    return parser


def _database_url_refused(args) -> str | None:
    """Every command taking --database-url (`users`, `retention`, `ruleset diff`): a URL this tool
    cannot open, refused in one line naming the option or variable it came from, before any command
    runs (review 15 surfaces, Z2: a traceback, exit 1); the password never said."""
    from store.db import checked_url
    from store.errors import DatabaseUrlRefused

    if not hasattr(args, "database_url") or getattr(args, "shipped_only", False):
        return None
    named = named_url(args.database_url)
    if named is None:
        return None
    url, where = named
    try:
        checked_url(url)
    except DatabaseUrlRefused as exc:
        return f"{where}: {exc}"
    return None


def _writable_in_any_encoding() -> None:
    """The document's words (en dashes, curly quotes) written whatever the output's encoding: a locale
    that is not UTF-8 (LC_ALL=C with UTF-8 mode off, PYTHONIOENCODING=ascii or latin-1) writes a
    character it cannot hold as its backslash escape (\\u2013), never a UnicodeEncodeError's traceback
    (review 22 surfaces, S4). Inside --json output the escape is itself JSON's, so the JSON stays valid."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)  # None when closed or replaced (a test's StringIO)
        if reconfigure is not None and not stream.closed:
            reconfigure(errors="backslashreplace")


def main(argv=None) -> int:
    from pathway.env_settings import SettingsError

    _writable_in_any_encoding()
    args = build_parser().parse_args(argv)
    refused = _database_url_refused(args)
    if refused:
        sys.stderr.write(f"error: {refused}\n")
        return EXIT_REFUSED
    try:
        if args.command in ("users", "retention", "audit"):  # the store's commands: the web app's database unless told
            args.database_url = database_url(args.database_url)
        return args.func(args)
    except SettingsError as exc:  # a bad FSP_ variable: one line naming it, never a traceback
        sys.stderr.write(f"error: {exc}\n")
        return 2
    except BrokenPipeError:  # `pathway search ... | head`: the reader left; stop quietly (Python docs, SIGPIPE)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit flush cannot raise again
        return 1


if __name__ == "__main__":
    sys.exit(main())
