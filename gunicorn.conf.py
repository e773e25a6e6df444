# Read by gunicorn when started from the project folder (see docs/web.md).
# Access logs name the route, never the path: a case's address holds its reference.
logger_class = "webapp.access_log.RedactingLogger"
