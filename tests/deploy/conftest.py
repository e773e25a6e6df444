"""The deployed topology (deploy/), from real parts on loopback: the project's PostgreSQL, two
gunicorn instances started as the systemd unit starts them, nginx with the shipped configuration
and a self-signed certificate. One topology for the module (starting it takes a few seconds).
"""

from __future__ import annotations

import pytest

from benchmarks._topology import Topology, account, fresh_database, nginx_binary, postgres_bin
from tests.store.conftest import PG_URL_FILE, postgres_url
from tests.webapp.browser.conftest import browser_type_launch_args  # noqa: F401  (Debian's chromium)

USERS = ("pat", "sam")


@pytest.fixture(scope="module")
def database():
    base = postgres_url()
    if not base:
        pytest.skip(f"PostgreSQL not set up: {PG_URL_FILE} absent (run FSP_TEST_POSTGRES=1 scripts/setup_postgres.sh, or `make test` in CI)")
    if not nginx_binary() or not postgres_bin():
        pytest.fail("nginx or PostgreSQL's tools are missing: run scripts/setup.sh test")
    with fresh_database(base) as url:
        for name in USERS:
            account(url, name)
        yield url


@pytest.fixture(scope="module")
def topology(database, tmp_path_factory):
    topo = Topology(tmp_path_factory.mktemp("topology"), database)
    try:
        yield topo.start()
    finally:
        topo.stop()
