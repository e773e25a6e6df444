# The one production server configuration, read by gunicorn started from the project folder:
#     .venv/bin/gunicorn 'webapp:create_app()'
# docs/web.md, the benchmarks and the tests (benchmarks/_gunicorn.py) all run that command; they
# change only where it listens and how many workers, through these environment variables.
import os

bind = os.environ.get("FSP_BIND", "127.0.0.1:8000")            # behind the HTTPS reverse proxy
workers = int(os.environ.get("WEB_CONCURRENCY", "2"))          # one per core
threads = int(os.environ.get("FSP_THREADS", "4"))              # gthread: a slow client holds a thread, not a worker
worker_class = "gthread"
accesslog = "-"
# Access and error logs name the route, never the path: a case's address holds its reference.
logger_class = "webapp.access_log.RedactingLogger"
