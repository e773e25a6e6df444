"""For tests/webapp/test_error_logs.py: the app, with one extra route whose exception escapes
Flask altogether (as a failing error page would), so gunicorn's own error log has to report it."""

from webapp import create_app

_app = create_app()


def app(environ, start_response):
    if environ.get("PATH_INFO", "").startswith("/escape/"):
        raise RuntimeError("escaped the app")
    return _app(environ, start_response)
