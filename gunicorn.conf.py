# The one production server configuration, read by gunicorn started from the project folder:
#     .venv/bin/gunicorn 'webapp:create_app()'
# docs/web.md, the benchmarks and the tests (benchmarks/_gunicorn.py) all run that command; they
# change only where it listens and how many workers, through these environment variables
# (webapp.settings.ServerSettings: FSP_BIND, WEB_CONCURRENCY, FSP_THREADS).
import gc
import sys

from pathway.env_settings import SettingsError
from webapp.settings import ServerSettings, check_environment

try:
    _server = ServerSettings.from_env()
except SettingsError as _exc:  # one line naming the variable, not gunicorn's traceback
    sys.exit(f"error: {_exc}")

bind = _server.bind  # behind the HTTPS reverse proxy
workers = _server.web_concurrency  # one per core
threads = _server.threads  # gthread: a slow client holds a thread, not a worker
worker_class = "gthread"
graceful_timeout = 20  # on stop, requests in hand get 20 s (systemd's TimeoutStopSec is 30)
accesslog = "-"
# Access and error logs name the route, never the path: a case's address holds its reference.
logger_class = "webapp.access_log.RedactingLogger"


def on_starting(server):
    """Every other setting is checked once, before any worker starts: a bad value stops the start
    with one line naming its variable, where each worker would fail with a traceback and restart."""
    problem = check_environment()
    if problem:
        sys.exit(f"error: {problem}")
    # The adviser search's index, built once here: the workers are forked from this process and
    # share it (a model trained on the first start is kept in the cache folder: pathway/search_model.py),
    # and the English word list its p9 spelling reading asks, loaded with it (pathway/english.py,
    # dict22: not on an adviser's first word one edit from a p9 word, in each worker).
    from pathway.search import default_index

    default_index()


def post_worker_init(worker):
    """The app is loaded: what it holds (catalogue, rulesets, templates, about 150,000 objects) lives
    as long as the worker, so the collector stops scanning it (gc.freeze), and collects the young
    generation after 10,000 allocations rather than 700: a request allocates a few thousand
    objects, so the default collected every few requests (issue 17: 5-10 % of an API request);
    the adviser search's index, built in the master before the fork, is among them."""
    gc.freeze()
    gc.set_threshold(10_000, 10, 10)
