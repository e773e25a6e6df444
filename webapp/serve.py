"""`make run` and `make demo`: serve the app on 127.0.0.1:PORT (default 5000) and say where, in one line.

With FSP_DEMO=1 the app runs on a throwaway SQLite database filled by webapp.demo, and the line is
preceded by the demo accounts and their passwords; the database is deleted when the server stops.
Request lines are not logged (their paths can hold case references); errors still are. For a
reloader or the debugger, `flask --app 'webapp:create_app()' run --debug` still works.
Production runs gunicorn instead (docs/web.md).
"""
from __future__ import annotations

import logging
import os
import secrets
import shutil
import sys
import tempfile
from collections.abc import Mapping
from typing import TextIO

from werkzeug.serving import make_server

HOST = "127.0.0.1"
DEFAULT_PORT = 5000
EXIT_REFUSED = 2


def _truthy(value: str | None) -> bool:
    return (value or "").strip().lower() in {"1", "true", "yes", "on"}


def port_from(environ: Mapping[str, str]) -> int:
    """PORT, default 5000; 0 asks the system for a free port. ValueError names PORT."""
    text = environ.get("PORT", "").strip() or str(DEFAULT_PORT)
    if not text.isdigit() or int(text) > 65535:
        raise ValueError(f"PORT: {text!r} is not a port number (0-65535)")
    return int(text)


def _accounts_text(seeded, url: str) -> str:
    from webapp.demo import TEAM

    rows = [f"Demo accounts (team {TEAM}; new passwords every start, gone when it stops):"]
    width = max(len(a.username) for a in seeded.accounts)
    rows += [f"  {a.role:<13} {a.username:<{width}}  {a.password}" for a in seeded.accounts]
    rows.append(f"  saved cases: {', '.join(seeded.case_refs)} · a finished practice session: "
                f"{url}/demo/practice-summary (as the trainer)")
    return "\n".join(rows) + "\n"


def main(environ: Mapping[str, str] = os.environ, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    demo_mode = _truthy(environ.get("FSP_DEMO"))
    try:
        port = port_from(environ)
    except ValueError as exc:
        err.write(f"error: {exc}\n")
        return EXIT_REFUSED
    config: dict = {}
    scratch = None
    if demo_mode:
        from webapp.demo import refusal
        reason = refusal(environ)
        if reason:
            err.write(f"error: {reason}\n")
            return EXIT_REFUSED
        scratch = tempfile.mkdtemp(prefix="fsp-demo-")
        config = {"DEMO": True, "DATABASE_URL": f"sqlite:///{scratch}/demo.sqlite3",
                  "SECRET_KEY": secrets.token_hex(32)}
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no request lines, no banner
    try:
        from webapp import create_app
        app = create_app(config)
        seeded = None
        if demo_mode:
            from webapp.demo import seed
            seeded = seed(app)
        try:
            server = make_server(HOST, port, app, threaded=True)
        except OSError as exc:
            err.write(f"error: PORT: cannot listen on {HOST}:{port} ({exc.strerror}); "
                      f"choose another, e.g. PORT={port + 1 if port else 5001} make run\n")
            return EXIT_REFUSED
        url = f"http://{HOST}:{server.server_port}"
        if seeded:
            out.write(_accounts_text(seeded, url))
        out.write(f"Family Support Pathway{' (demo)' if demo_mode else ''} on {url}/ (Ctrl-C stops it)\n")
        out.flush()
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass
        finally:
            server.server_close()
        return 0
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
