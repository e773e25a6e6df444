"""`pathway users create|disable|enable|set-role|set-team|list|reset-password|oversee`, `pathway retention run` and
`pathway audit` (who read, exported or changed what, and when: the audit trail, itself audited).

Passwords come from getpass (asked twice) or one line of stdin with --password-stdin; never
from argv, where `ps` and shell history would show them. The database is DATABASE_URL (or
FSP_DATABASE_URL), else the web app's instance/fsp.sqlite3 (the command line names it, cli/database.py);
--database-url overrides for one command.
"""

from __future__ import annotations

import argparse
import getpass
import json
import sys
from typing import Any

from store.errors import Invalid, NotFound, StoreError
from store.roles import ROLES

EXIT_REFUSED = 2


def _engine(args, *, create: bool = False):
    """`users create` makes the database on first use (as the web app's start does); every other
    command opens only one that is there (DatabaseNotFound, exit 2: review 12 surfaces, W6)."""
    from store.db import connect_refusing, open_existing

    return connect_refusing(args.database_url) if create else open_existing(args.database_url)


def _read_password(args) -> str:
    """The one reader of a new password, for `users create` and `users reset-password` alike."""
    if args.password_stdin:
        if sys.stdin is None or sys.stdin.closed:  # `<&-` (as from cron): Python sets sys.stdin to None
            raise Invalid("password", "standard input is closed, nothing was given")  # as `assess -` (review 22 surfaces, S5)
        try:  # bytes that are not UTF-8: refused by name, never echoed (review 14 surfaces, Y4)
            line = sys.stdin.readline()
            line.encode("utf-8")  # a locale reading them "surrogate-escaped" lets them through to here
        except UnicodeError:
            raise Invalid("password", "not UTF-8 text: give the password on stdin as UTF-8") from None
        return line[:-1] if line.endswith("\n") else line
    first = getpass.getpass("New password: ")
    if getpass.getpass("Again: ") != first:
        raise Invalid("password", "the two passwords differ")
    return first


def _refuse(exc: Exception) -> int:
    if isinstance(exc, Invalid):
        sys.stderr.write(f"error: {exc.field}: {exc.message}\n")
    elif isinstance(exc, NotFound):
        sys.stderr.write("error: username: no such user\n")
    else:
        sys.stderr.write(f"error: {exc}\n")
    return EXIT_REFUSED


def cmd_users(args) -> int:
    from store import users as U

    try:
        engine = _engine(args, create=args.action == "create")
        if args.action == "create":
            u = U.create_user(engine, args.username, args.role, args.team, _read_password(args))
            sys.stdout.write(f"created {u.username} ({u.role}, team {u.team})\n")
        elif args.action == "disable":
            u = U.disable_user(engine, args.username)
            sys.stdout.write(f"disabled {u.username}; their sessions have ended\n")
        elif args.action == "enable":
            u = U.enable_user(engine, args.username)
            sys.stdout.write(f"enabled {u.username} ({u.role}, team {u.team}); they sign in again\n")
        elif args.action == "set-role":
            was = U.find_user(engine, args.username).role
            u = U.set_role(engine, args.username, args.role)
            ended = " and no longer oversees further teams" if was == "manager" else ""
            sys.stdout.write(f"{u.username} is now {u.role} (was {was}){ended}, from their next request\n")
        elif args.action == "set-team":
            was = U.find_user(engine, args.username).team
            u = U.set_team(engine, args.username, args.team)
            sys.stdout.write(f"{u.username} is now in team {u.team} (was {was}), from their next request; entries saved before keep team {was}\n")
        elif args.action == "oversee":
            _oversee(engine, args)
        elif args.action == "reset-password":
            u = U.reset_password(engine, args.username, _read_password(args))
            sys.stdout.write(f"password reset for {u.username}; lockout cleared, sessions ended\n")
        else:
            from store.oversight import overseen_by

            oversees = overseen_by(engine)
            rows: list[dict[str, Any]] = [
                {
                    "username": u.username,
                    "role": u.role,
                    "team": u.team,
                    "disabled": u.disabled,
                    "locked_until": u.locked_until.isoformat() if u.locked_until else None,
                    "oversees": oversees.get(u.id, []),
                }
                for u in U.list_users(engine)
            ]
            if args.json:
                json.dump(rows, sys.stdout, indent=1)
                sys.stdout.write("\n")
            else:
                for r in rows:
                    state = "disabled" if r["disabled"] else f"locked until {r['locked_until']}" if r["locked_until"] else "active"
                    also = f"  oversees {', '.join(r['oversees'])}" if r["oversees"] else ""
                    sys.stdout.write(f"{r['username']:<24} {r['role']:<13} {r['team']:<20} {state}{also}\n")
    except StoreError as exc:
        return _refuse(exc)
    return 0


def _oversee(engine, args) -> None:
    """Give (or with --remove end) a manager's oversight of a further team."""
    from store import oversight, users

    now = (oversight.remove if args.remove else oversight.grant)(engine, args.username, args.team)
    u = users.find_user(engine, args.username)
    teams = f"oversees: {', '.join(now)}" if now else "oversees no other team"
    sys.stdout.write(f"{u.username} ({u.role}, team {u.team}) now {teams}\n")


def cmd_retention(args) -> int:
    from store.config import StoreConfig
    from store.retention import run_retention

    try:
        config = StoreConfig.from_env()
    except ValueError as exc:
        sys.stderr.write(f"error: {exc}\n")
        return EXIT_REFUSED
    try:
        engine = _engine(args)
    except StoreError as exc:
        return _refuse(exc)
    report = run_retention(engine, config=config, dry_run=args.dry_run)
    doc = {
        "dry_run": report.dry_run,
        "retention_days": report.retention_days,
        "cutoff": report.cutoff.isoformat(),
        "assessments_removed": report.assessments_removed,
        "overrides_removed": report.overrides_removed,
        "case_refs": list(report.case_refs),
        "case_refs_emptied": list(report.case_refs_emptied),
    }
    if args.json:
        json.dump(doc, sys.stdout, indent=1)
        sys.stdout.write("\n")
    else:
        verb = "would remove" if report.dry_run else "removed"
        sys.stdout.write(
            f"retention {report.retention_days} days (saved before {doc['cutoff']}): {verb} "
            f"{report.assessments_removed} assessments, {report.overrides_removed} overrides\n"
        )
        for ref in report.case_refs:
            sys.stdout.write(f"  {ref}{' (no entries left)' if ref in report.case_refs_emptied else ''}\n")
    return 0


def _since(value: str):
    """`--since`: an ISO date (from its midnight, UTC) or date and time (UTC unless it names its offset)."""
    from datetime import datetime, timezone

    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (give YYYY-MM-DD, or YYYY-MM-DDTHH:MM)") from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def cmd_audit(args) -> int:
    """The audit rows, oldest first, narrowed by case reference, account and time (store.audit_trail.audit_rows)."""
    from store.audit_trail import audit_rows

    if args.limit is not None and args.limit < 1:
        sys.stderr.write("error: --limit: give a whole number of rows, 1 or more\n")
        return EXIT_REFUSED
    try:
        engine = _engine(args)
        rows = audit_rows(engine, case_ref=args.case, username=args.user, since=args.since, limit=args.limit)
    except StoreError as exc:
        return _refuse(exc)
    if args.json:
        json.dump([r.as_dict() for r in rows], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
        return 0
    for r in rows:
        entry = f"entry {r.record_id}" if r.record_id is not None else ""
        who = r.username or "(command line)"
        line = f"{r.at.isoformat(timespec='seconds')}  {who:<24} {r.action:<22} {r.outcome:<9} {r.case_ref or '':<16} {entry:<12} {r.detail or ''}"
        sys.stdout.write(line.rstrip() + "\n")
    if not rows:
        sys.stdout.write("no audit rows match\n")
    return 0


def _db_option(p):
    p.add_argument("--database-url", default=None, help="default: FSP_DATABASE_URL or DATABASE_URL, else the web app's instance/fsp.sqlite3")


def add_users_parser(sub) -> None:
    """Register `users` on pathway's subparsers (cli.main.build_parser calls this)."""
    p = sub.add_parser("users", help="manage accounts (admin)")
    actions = p.add_subparsers(dest="action", required=True)
    c = actions.add_parser("create", help="create an account (password asked, never on the command line)")
    c.add_argument("username")
    c.add_argument("--role", required=True, choices=ROLES)
    c.add_argument("--team", required=True)
    c.add_argument("--password-stdin", action="store_true", help="read the password from one line of stdin")
    d = actions.add_parser("disable", help="disable an account and end its sessions")
    d.add_argument("username")
    e = actions.add_parser("enable", help="enable a disabled account again (it signs in again)")
    e.add_argument("username")
    sr = actions.add_parser("set-role", help="change a local account's role, from its next request (dropping manager ends its oversight)")
    sr.add_argument("username")
    sr.add_argument("role", choices=ROLES)
    st = actions.add_parser("set-team", help="move a local account to another team, from its next request (entries keep their team)")
    st.add_argument("username")
    st.add_argument("team")
    r = actions.add_parser("reset-password", help="set a new password, clear lockout, end sessions")
    r.add_argument("username")
    r.add_argument("--password-stdin", action="store_true", help="read the password from one line of stdin")
    o = actions.add_parser("oversee", help="let a manager read a further team's entries, overrides and dashboard (audited)")
    o.add_argument("username", help="a manager's username")
    o.add_argument("team", help="a team some account belongs to (exact spelling)")
    o.add_argument("--remove", action="store_true", help="end that oversight instead")
    ls = actions.add_parser("list", help="list accounts (and the further teams each manager oversees)")
    ls.add_argument("--json", action="store_true")
    for q in (c, d, e, sr, st, r, o, ls):
        _db_option(q)
    p.set_defaults(func=cmd_users)


def add_retention_parser(sub) -> None:
    """Register `retention` on pathway's subparsers."""
    p = sub.add_parser("retention", help="delete saved assessments past the retention period")
    actions = p.add_subparsers(dest="action", required=True)
    r = actions.add_parser("run", help="delete and report (FSP_RETENTION_DAYS, default 25 years)")
    r.add_argument("--dry-run", action="store_true", help="report what would go, delete nothing")
    r.add_argument("--json", action="store_true")
    _db_option(r)
    p.set_defaults(func=cmd_retention)


def add_audit_parser(sub) -> None:
    """Register `audit` on pathway's subparsers: who read, exported or changed what, and when."""
    p = sub.add_parser("audit", help="list the audit trail: who read, exported or changed which case, and when (itself audited)")
    p.add_argument("--case", metavar="REF", default=None, help="only rows naming this case reference (any letter case)")
    p.add_argument("--user", metavar="USERNAME", default=None, help="only what this account did")
    p.add_argument("--since", metavar="DATE", type=_since, default=None, help="only rows from this date (YYYY-MM-DD, UTC) or moment (YYYY-MM-DDTHH:MM)")
    p.add_argument("--limit", metavar="N", type=int, default=None, help="only the latest N rows")
    p.add_argument("--json", action="store_true", help='JSON [{"id","at","user","action","outcome","record_id","case_ref","detail"}, ...]')
    _db_option(p)
    p.set_defaults(func=cmd_audit)
