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
import socket
import sys
import tempfile
from collections.abc import Mapping
from typing import TextIO

from pydantic import Field
from werkzeug.serving import make_server

from pathway.env_settings import EnvSettings, SettingsError

HOST = "127.0.0.1"
DEFAULT_PORT = 5000
EXIT_REFUSED = 2


class LaunchSettings(EnvSettings):
    demo: bool = False  # FSP_DEMO=1: demo mode
    port: int = Field(DEFAULT_PORT, ge=0, le=65535, validation_alias="PORT")  # 0: any free port


def _accounts_text(seeded, url: str) -> str:
    from webapp.demo import TEAM

    rows = [f"Demo accounts (team {TEAM}; new passwords every start, gone when it stops):"]
    width = max(len(a.username) for a in seeded.accounts)
    rows += [f"  {a.role:<13} {a.username:<{width}}  {a.password}" for a in seeded.accounts]
    rows.append(f"  saved cases: {', '.join(seeded.case_refs)} · a finished practice session: {url}/demo/practice-summary (as the trainer)")
    return "\n".join(rows) + "\n"


def _listen(port: int) -> socket.socket:
    """The listening socket, bound here: werkzeug binds its own with a message and exit of its own
    when the port is taken, and the newcomer should be told which setting to change."""
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as werkzeug's own: a restart reuses the port at once
        listener.bind((HOST, port))
        listener.listen(128)
    except OSError:
        listener.close()
        raise
    return listener


def main(environ: Mapping[str, str] = os.environ, out: TextIO = sys.stdout, err: TextIO = sys.stderr) -> int:
    try:
        launch = LaunchSettings.from_env(environ)
    except SettingsError as exc:
        err.write(f"error: {exc}\n")
        return EXIT_REFUSED
    demo_mode, port = launch.demo, launch.port
    config: dict = {}
    scratch = None
    if demo_mode:
        from webapp.demo import refusal

        reason = refusal(environ)
        if reason:
            err.write(f"error: {reason}\n")
            return EXIT_REFUSED
        scratch = tempfile.mkdtemp(prefix="fsp-demo-")
        config = {"DEMO": True, "DATABASE_URL": f"sqlite:///{scratch}/demo.sqlite3", "SECRET_KEY": secrets.token_hex(32)}
    logging.getLogger("werkzeug").setLevel(logging.WARNING)  # no request lines, no banner
    try:
        from webapp import create_app

        try:
            app = create_app(config)
        except SettingsError as exc:
            err.write(f"error: {exc}\n")
            return EXIT_REFUSED
        seeded = None
        if demo_mode:
            from webapp.demo import seed

            seeded = seed(app)
        try:
            listener = _listen(port)
        except OSError as exc:
            command = "make demo" if demo_mode else "make run"
            err.write(f"error: PORT: cannot listen on {HOST}:{port} ({exc.strerror}); choose another, e.g. PORT={port + 1 if port else 5001} {command}\n")
            return EXIT_REFUSED
        with listener:
            server = make_server(HOST, port, app, threaded=True, fd=listener.fileno())
        url = f"http://{HOST}:{server.port}"
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
