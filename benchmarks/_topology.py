"""The deployed topology on loopback, built from the shipped files in deploy/: PostgreSQL, gunicorn
instances started with the systemd unit's command and the environment template, and nginx running
deploy/nginx/fsp.conf with a self-signed certificate. Only ports, paths and the host name are swapped
(`render_nginx` fails if a line it swaps is no longer in the shipped file).

Used by tests/deploy/ (the checks and the faults, in `make test`) and benchmarks/topology.py (the
same faults at benchmark size, and the load through nginx). Needs Debian's nginx
(scripts/setup_deploy_system.sh) and the project's PostgreSQL (scripts/setup_postgres.sh).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import requests
from sqlalchemy import create_engine, select, text
from sqlalchemy.engine import make_url

from benchmarks._gunicorn import free_port, free_ports

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
HOST = "localhost"  # a name, so the client sends SNI (the shipped config refuses a bare IP)
PASSWORD = "correct horse battery staple"
TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
SHOWN = re.compile(r'name="shown" type="hidden" value="([^"]+)"')
RING_NOW = {"immediate": "immediate.significant_harm"}


def nginx_binary() -> str | None:
    return shutil.which("nginx") or next((p for p in ("/usr/sbin/nginx",) if Path(p).exists()), None)


def postgres_bin() -> Path | None:
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/pg_ctl"), key=lambda p: int(p.parts[-3]))
    return found[-1].parent if found else None


def postgres_data_dir() -> Path:
    """The cluster scripts/setup_postgres.sh made for this checkout (same name as the script gives it)."""
    import hashlib

    return Path(f"/var/tmp/fsp-postgres-{hashlib.sha256((str(ROOT) + chr(10)).encode()).hexdigest()[:12]}/data")


# ---------------------------------------------------------------- the shipped files, made local


def env_template() -> dict[str, str]:
    """deploy/fsp.env.example as systemd's EnvironmentFile reads it (KEY=VALUE, # comments)."""
    env = {}
    for line in (DEPLOY / "fsp.env.example").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            key, _, value = line.partition("=")
            env[key.strip()] = value.strip()
    return env


def _unit() -> str:
    return (DEPLOY / "systemd" / "fsp@.service").read_text()


def unit_environment(port: int) -> dict[str, str]:
    """The unit's own Environment= lines for instance `port` (its address: FSP_BIND)."""
    pairs = (line.partition("=") for line in re.findall(r"^Environment=(.+)$", _unit(), re.M))
    return {key: value.replace("%i", str(port)) for key, _, value in pairs}


def gunicorn_command(port: int, app_spec: str | None = None) -> list[str]:
    """The unit's ExecStart for instance `port`, run by this interpreter (`app_spec`: another app
    served the same way, for a benchmark's baseline). Instance.start gives the unit's environment,
    and the test's number of workers as WEB_CONCURRENCY."""
    [exec_start] = re.findall(r"^ExecStart=(.+)$", _unit(), re.M)
    argv = [a.replace("%i", str(port)) for a in shlex.split(exec_start)]
    assert argv[0] == "/srv/fsp/.venv/bin/gunicorn", argv[0]
    return [sys.executable, "-m", "gunicorn", *argv[1:-1], app_spec or argv[-1]]


def render_nginx(ports: list[int], http_port: int, https_port: int, cert: Path, key: Path, logs: Path) -> str:
    """deploy/nginx/fsp.conf with the test's ports, paths and host name; every swap must apply."""
    conf = (DEPLOY / "nginx" / "fsp.conf").read_text()
    servers = re.findall(r"^    server 127\.0\.0\.1:\d+ (.+);$", conf, re.M)
    assert len(servers) >= 2, "the upstream lists two or more instances"
    upstream = "\n".join(f"    server 127.0.0.1:{p} {servers[0]};" for p in ports)
    conf = re.sub(r"(?:^    server 127\.0\.0\.1:\d+ .+;\n)+", upstream + "\n", conf, count=1, flags=re.M)
    swaps = [
        ("listen [::]:80;\n", ""),
        ("listen [::]:80 default_server;\n", ""),
        ("listen [::]:443 ssl default_server;\n", ""),
        ("listen [::]:443 ssl http2;\n", ""),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 80 default_server;", f"listen 127.0.0.1:{http_port} default_server;"),
        ("listen 443 ssl default_server;", f"listen 127.0.0.1:{https_port} ssl default_server;"),
        ("listen 443 ssl http2;", f"listen 127.0.0.1:{https_port} ssl http2;"),
        ("server_name fsp.council.example;", f"server_name {HOST};"),
        ("https://$host$request_uri", f"https://$host:{https_port}$request_uri"),
        ("/etc/ssl/fsp/fullchain.pem", str(cert)),
        ("/etc/ssl/fsp/privkey.pem", str(key)),
        ("/var/log/nginx/", f"{logs}/"),
        ("/srv/fsp/", f"{ROOT}/"),
        ("/etc/nginx/fsp-proxy.conf", str(DEPLOY / "nginx" / "fsp-proxy.conf")),
    ]
    for old, new in swaps:
        assert old in conf, f"deploy/nginx/fsp.conf no longer has {old!r}: update benchmarks/_topology.py"
        conf = conf.replace(old, new)
    return conf


def self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for HOST, valid a day (cryptography, already a dependency through Authlib)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, HOST)])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.DNSName(HOST)]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()))
    key_path.chmod(0o600)
    return cert_path, key_path


# ---------------------------------------------------------------- processes


def wait_for(check: Callable[[], object], what: str, seconds: float = 60, detail: Callable[[], object] = lambda: ""):
    """Poll until `check` gives something true; fail, saying what was awaited, after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        found = check()
        if found:
            return found
        time.sleep(0.05)
    raise AssertionError(f"gave up waiting for {what} after {seconds} s {detail()}")


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state not in ("Z", "X")


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(stat.parent.name))
        except (OSError, IndexError, ValueError):
            continue
    return found


def _answers(url: str, **kw) -> bool:
    try:
        return requests.get(url, timeout=5, allow_redirects=False, **kw).status_code < 500
    except requests.RequestException:
        return False


class InstanceExited(AssertionError):
    """A gunicorn instance exited while it was being started; `port_taken` when it could not bind."""

    def __init__(self, port: int, log: str):
        super().__init__(f"gunicorn on {port} exited while starting: {log}")
        self.port_taken = "Connection in use" in log


@dataclass
class Instance:
    """One gunicorn instance (what fsp@PORT.service runs)."""

    port: int
    env: dict
    logs: Path
    workers: int
    app_spec: str | None = None
    probe: str = "/accessibility"
    proc: subprocess.Popen | None = None
    starts: int = 0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def log(self) -> Path:
        return self.logs / f"gunicorn-{self.port}-{self.starts}.log"

    def start(self) -> None:
        self.starts += 1
        with self.log.open("w") as out:
            env = {**self.env, **unit_environment(self.port), "WEB_CONCURRENCY": str(self.workers)}
            self.proc = subprocess.Popen(gunicorn_command(self.port, self.app_spec), cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
        # gunicorn opens the port before its workers load the app: wait for an answer from each, and
        # stop waiting as soon as it has exited (a port taken, a bad setting), saying why from its log
        wait_for(self._serving, f"gunicorn on {self.port}", seconds=120, detail=lambda: self.log.read_text()[-2000:])

    def _serving(self) -> bool:
        if self.proc.poll() is not None:
            raise InstanceExited(self.port, self.log.read_text()[-2000:])
        return _answers(self.base + self.probe) and len(children(self.proc.pid)) >= self.workers

    def kill9(self) -> list[int]:
        """SIGKILL the master (no clean shutdown); returns its workers, which then find it gone."""
        workers = children(self.proc.pid)
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        return workers

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def _first_start(node: Instance, taken: set[int], tries: int = 3) -> None:
    """Start `node`; where another process took its port between choosing and binding (a client's
    ephemeral port), choose another. A restart keeps its port: nginx's upstream names it."""
    for attempt in range(tries):
        try:
            return node.start()
        except InstanceExited as exited:
            if not exited.port_taken or attempt == tries - 1:
                raise
            node.port = next(p for p in iter(free_port, None) if p not in taken)
            taken.add(node.port)


@dataclass
class Topology:
    """nginx (TLS) in front of `instances` gunicorn instances on one PostgreSQL database."""

    work: Path
    database_url: str
    instances: int = 2
    workers: int = 1
    app_spec: str | None = None  # None: the product, as the unit runs it
    probe: str = "/accessibility"
    nodes: list[Instance] = field(default_factory=list)
    nginx: subprocess.Popen | None = None

    def start(self) -> "Topology":
        logs = self.work / "logs"
        logs.mkdir(parents=True, exist_ok=True)
        self.cert, key = self_signed(self.work)
        self.http_port, self.https_port, *ports = free_ports(2 + self.instances)  # distinct: held while chosen
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("FSP_") and k != "DATABASE_URL"},
            **env_template(),
            "SECRET_KEY": uuid.uuid4().hex,
            "DATABASE_URL": self.database_url,
            "PYTHONPATH": str(ROOT),
        }
        env["FSP_OFFICE_DAYS"] = "0,1,2,3,4,5,6"  # the same contacts whenever the test runs
        env["FSP_OFFICE_OPENS"], env["FSP_OFFICE_CLOSES"] = "00:00", "23:59"
        env["FSP_TRUSTED_HOSTS"], env["FSP_SERVER_NAME"] = HOST, f"{HOST}:{self.https_port}"  # nginx's server_name here
        self.env = env
        self.nodes = [Instance(port, env, logs, self.workers, self.app_spec, self.probe) for port in ports]
        for node in self.nodes:
            _first_start(node, taken={self.http_port, self.https_port, *ports})
        site = self.work / "fsp.conf"
        site.write_text(render_nginx([n.port for n in self.nodes], self.http_port, self.https_port, self.cert, key, logs))
        temp = self.work / "nginx-temp"
        temp.mkdir(exist_ok=True)
        user = "user root root;\n" if os.geteuid() == 0 else ""  # workers must read the checkout
        main = self.work / "nginx.conf"
        main.write_text(
            f"daemon off;\nworker_processes 1;\npid {self.work}/nginx.pid;\n{user}"
            f"error_log {logs}/nginx-main-error.log warn;\nevents {{ worker_connections 1024; }}\n"
            "http {\n    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n"
            "    sendfile on;\n"
            + "".join(f"    {kind}_temp_path {temp}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
            + f"    include {site};\n}}\n"
        )
        binary = nginx_binary()
        subprocess.run([binary, "-t", "-q", "-p", f"{self.work}/", "-e", f"{logs}/early.log", "-c", str(main)], check=True)
        self.nginx_log = (logs / "nginx.out").open("w")
        self.nginx = subprocess.Popen(
            [binary, "-p", f"{self.work}/", "-e", f"{logs}/early.log", "-c", str(main)], stdout=self.nginx_log, stderr=subprocess.STDOUT
        )
        wait_for(
            lambda: self.nginx.poll() is None and _answers(self.base + self.probe, verify=str(self.cert)),
            "nginx",
            detail=lambda: (logs / "nginx-main-error.log").read_text()[-2000:],
        )
        return self

    def stop(self) -> None:
        if self.nginx and self.nginx.poll() is None:
            self.nginx.send_signal(signal.SIGQUIT)
            try:
                self.nginx.wait(30)
            except subprocess.TimeoutExpired:
                self.nginx.kill()
                self.nginx.wait()
            self.nginx_log.close()
        for node in self.nodes:
            node.stop()

    @property
    def base(self) -> str:
        return f"https://{HOST}:{self.https_port}"

    @property
    def http_base(self) -> str:
        return f"http://{HOST}:{self.http_port}"

    def client(self) -> "Client":
        return Client(self.base, str(self.cert))


class Client:
    """A practitioner's browser, as far as the server can tell: cookies, CSRF tokens, and the
    Referer a browser sends within the site (the strict CSRF check over HTTPS wants it)."""

    def __init__(self, base: str, verify: str):
        self.base, self.verify = base, verify  # per request: REQUESTS_CA_BUNDLE would override a session's
        self.http = requests.Session()

    def get(self, path: str, **kw) -> requests.Response:
        return self.http.get(self.base + path, allow_redirects=False, timeout=30, verify=self.verify, **kw)

    def post(self, path: str, form: dict, headers: dict | None = None, **kw) -> requests.Response:
        return self.http.post(
            self.base + path, data=form, allow_redirects=False, timeout=30, verify=self.verify, headers={"Referer": self.base + path, **(headers or {})}, **kw
        )

    def token(self, path: str) -> str:
        return TOKEN.search(self.get(path).text).group(1)

    def save_form(self) -> dict:
        """The save page's CSRF token and the digest of what it showed (webapp.shown: a save without it
        records nothing, store15), as a browser posts them back. Not its one-time token: each post here is
        a save of its own, as before tokens."""
        page = self.get("/save").text
        return {"csrf_token": TOKEN.search(page).group(1), "shown": SHOWN.search(page).group(1)}

    def sign_in(self, username: str, password: str = PASSWORD) -> None:
        r = self.post("/sign-in", {"username": username, "password": password, "csrf_token": self.token("/sign-in")})
        assert r.status_code == 302, (r.status_code, r.text[:500])

    def ring_now_result(self) -> None:
        r = self.post("/safety", {**RING_NOW, "csrf_token": self.token("/safety")})
        assert r.status_code == 302, (r.status_code, r.text[:500])


def publish(report: dict, out: Path | None) -> dict:
    """Print a benchmark's report, and write it to `out` (docs/figures/...) when given."""
    import json

    text = json.dumps(report, indent=1)
    print(text)
    if out:
        out.write_text(text + "\n")
    return report


# ---------------------------------------------------------------- PostgreSQL


@contextmanager
def fresh_database(base_url: str, prefix: str = "fsp_topology_"):
    """A new, empty database on the test server; dropped afterwards. Yields its URL."""
    from store.db import normalise_url

    base = make_url(normalise_url(base_url))
    name = prefix + uuid.uuid4().hex[:10]
    admin = create_engine(base.set(database="postgres"), isolation_level="AUTOCOMMIT", pool_pre_ping=True)
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield base.set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = :n"), {"n": name})
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        admin.dispose()


def saved_rows(url: str, full: bool = False) -> list[tuple]:
    """(case reference, id) of every saved assessment, read straight from the database; with
    `full`, also the case and decision as stored (JSON text)."""
    from store.models import assessments as a

    columns = [a.c.case_ref, a.c.id] + ([a.c.case_json, a.c.decision_json] if full else [])
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(row) for row in conn.execute(select(*columns))]
    finally:
        engine.dispose()


def pg_ctl(*args: str) -> None:
    """pg_ctl on the project's cluster, as the postgres user (the server refuses root)."""
    cmd = [str(postgres_bin() / "pg_ctl"), "-D", str(postgres_data_dir()), *args]
    if os.geteuid() == 0:
        cmd = ["runuser", "-u", "postgres", "--", *cmd]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)


def start_postgres_again() -> None:
    """What scripts/setup_postgres.sh does for a stopped cluster: start it with its options."""
    subprocess.run([str(ROOT / "scripts" / "setup_postgres.sh")], check=True, cwd=ROOT, env={**os.environ, "FSP_TEST_POSTGRES": "1"}, stderr=subprocess.DEVNULL)


def pg_tool_env(url: str) -> tuple[list[str], dict]:
    u = make_url(url)
    return (["-h", u.host, "-p", str(u.port), "-U", u.username], {**os.environ, "PGPASSWORD": u.password or ""})


def dump_and_restore(source_url: str, target_url: str, dump: Path) -> None:
    """pg_dump (custom format) of the source, pg_restore into the empty target."""
    conn, env = pg_tool_env(source_url)
    subprocess.run([str(postgres_bin() / "pg_dump"), *conn, "-Fc", "-f", str(dump), make_url(source_url).database], check=True, env=env)
    subprocess.run(
        [str(postgres_bin() / "pg_restore"), *conn, "--no-owner", "--exit-on-error", "-d", make_url(target_url).database, str(dump)], check=True, env=env
    )


# ---------------------------------------------------------------- load


@dataclass
class Outcome:
    at: float  # time.monotonic() when the answer came
    ref: str
    kind: str  # "saved", "http-<status>" or "broken"
    id: int | None = None


class Saver(threading.Thread):
    """A signed-in practitioner saving the same ring-now result under new references, again and
    again, through nginx, until told to stop (or `limit` saves: the loop is bounded)."""

    def __init__(self, topo: Topology, n: int, prefix: str, username: str, stop: threading.Event, limit: int = 100_000):
        super().__init__(daemon=True)
        self.client, self.n, self.prefix, self.username = topo.client(), n, prefix, username
        self.stop_event, self.limit = stop, limit
        self.outcomes: list[Outcome] = []
        self.error: BaseException | None = None

    def run(self):
        try:
            self.client.sign_in(self.username)
            self.client.ring_now_result()
            form = self.client.save_form()
            for i in range(1, self.limit + 1):
                if self.stop_event.is_set():
                    break
                ref = f"{self.prefix}{self.n}-{i:05d}"
                try:
                    r = self.client.post("/save", {**form, "case_ref": ref})
                except requests.RequestException:
                    self.outcomes.append(Outcome(time.monotonic(), ref, "broken"))
                    continue
                if r.status_code == 302 and "saved=" in r.headers.get("Location", ""):
                    self.outcomes.append(Outcome(time.monotonic(), ref, "saved", int(r.headers["Location"].rsplit("saved=", 1)[1])))
                else:
                    self.outcomes.append(Outcome(time.monotonic(), ref, f"http-{r.status_code}"))
        except BaseException as exc:  # reported by the caller, not lost in the thread
            self.error = exc

    def saved_since(self, t: float) -> int:
        return sum(1 for o in list(self.outcomes) if o.kind == "saved" and o.at >= t)

    def failed_since(self, t: float) -> int:
        return sum(1 for o in list(self.outcomes) if o.kind != "saved" and o.at >= t)


def summary(savers: list[Saver]) -> str:
    return "; ".join(f"saver {s.n}: {dict(Counter(o.kind for o in s.outcomes))} {s.error!r}" for s in savers)


def account(url: str, username: str) -> None:
    """A practitioner account on the topology's database (migrating it first, as the CLI does)."""
    from store.db import connect
    from store.users import create_user

    engine = connect(url)
    try:
        create_user(engine, username, "practitioner", "North", PASSWORD)
    finally:
        engine.dispose()


def tally(savers: list[Saver], rows: list[tuple[str, int]], fault_at: float) -> dict:
    """What the clients were told against what the database holds."""
    outcomes = [o for s in savers for o in s.outcomes if o.ref.startswith(savers[0].prefix)]
    confirmed = {o.ref: o.id for o in outcomes if o.kind == "saved"}
    failed = [o for o in outcomes if o.kind != "saved"]
    present = Counter(ref for ref, _ in rows if ref.startswith(savers[0].prefix))
    ids = dict(rows)
    return {
        "requests": len(outcomes),
        "confirmed_saves": len(confirmed),
        "lost_saves": sum(1 for ref, i in confirmed.items() if ids.get(ref) != i),
        "errors": len(failed),
        "errors_by_kind": dict(Counter(o.kind for o in failed)),
        "errored_but_saved": sum(1 for o in failed if o.ref in present),
        "saved_twice": sum(1 for n in present.values() if n > 1),
        "unconfirmed_in_database": sorted(set(present) - set(confirmed) - {o.ref for o in failed}),
        "failover_seconds": round(max((o.at for o in failed), default=fault_at) - fault_at, 3),
        "client_errors": [repr(s.error) for s in savers if s.error],
    }


def run_savers(
    topo: Topology,
    prefix: str,
    clients: int,
    usernames: list[str],
    fault: Callable[[list[Saver]], dict],
    stop_after: Callable[[list[Saver], dict], bool],
    seconds: float = 90,
) -> tuple[list[Saver], dict]:
    """Start `clients` savers, let each confirm 2 saves, run `fault`, wait for `stop_after`, stop."""
    stop = threading.Event()
    savers = [Saver(topo, n, prefix, usernames[n % len(usernames)], stop) for n in range(1, clients + 1)]
    for s in savers:
        s.start()
    try:
        wait_for(
            lambda: all(s.saved_since(0) >= 2 for s in savers) or any(s.error for s in savers),
            "saves before the fault",
            seconds,
            detail=lambda: summary(savers),
        )
        assert not any(s.error for s in savers), summary(savers)
        info = fault(savers)
        wait_for(lambda: stop_after(savers, info) or any(s.error for s in savers), "the recovery", seconds, detail=lambda: summary(savers))
    finally:
        stop.set()
        for s in savers:
            s.join(60)
    return savers, info
