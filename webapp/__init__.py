"""The practitioner's web journey and the JSON API, as a Flask app factory.

`flask --app 'webapp:create_app()' run` works with the embedded defaults (webapp.config);
production passes its settings through the environment (docs/web.md).
"""

from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app, jsonify, render_template, request
from flask_wtf.csrf import CSRFError, CSRFProtect
from govuk_frontend_wtf.main import WTFormsHelpers
from jinja2 import ChoiceLoader, PackageLoader, PrefixLoader
from werkzeug.exceptions import HTTPException
from werkzeug.routing import IntegerConverter, Map

from webapp import access_log, accounts, assets, db, faults, limits, rendering, security, sessions
from webapp import config as config_module
from webapp.errors import error_summary
from webapp.sessions import SqlSessionInterface

csrf = CSRFProtect()


class Request(Flask.request_class):
    """A request whose body limit may depend on its path (webapp.security.BODY_LIMITS)."""

    @property
    def max_content_length(self) -> int | None:
        if self._max_content_length is not None:
            return self._max_content_length
        return security.body_limit(self.path, current_app.config)

    @max_content_length.setter
    def max_content_length(self, value: int | None) -> None:
        self._max_content_length = value


MAX_ROW_ID = 2**31 - 1  # the largest id both databases' columns hold: the store's ids are INTEGER, 4 bytes on PostgreSQL


class RowId(IntegerConverter):
    """`<int:...>` in a path is a row id or a version number: at most what the store's INTEGER columns hold
    on both databases (PostgreSQL's is 4 bytes: 2**31 - 1), so a longer number matches no route (404) rather
    than reaching the database, which cannot take it (a 500: `integer out of range` on PostgreSQL for any id
    from 2**31 to 2**63 - 1 before stop 38, which SQLite alone had been checked with)."""

    def __init__(self, map, fixed_digits=0, min=None, max=MAX_ROW_ID, signed=False):
        super().__init__(map, fixed_digits, min, max, signed)


class UrlMap(Map):
    default_converters = {**Map.default_converters, "int": RowId}


class App(Flask):
    jinja_environment = rendering.Environment  # a cheaper check on each macro import
    request_class = Request
    url_map_class = UrlMap

    def log_exception(self, exc_info):
        """Flask's own line names the path ("Exception on /cases/<ref>/..."), which can hold a case
        reference: name the endpoint instead. A database fault that escaped the views (e.g. writing
        the session) is logged by webapp.faults, by class only (its message quotes SQL)."""
        if faults.is_fault(exc_info[1]):
            return
        self.logger.error("Exception at %s [%s]", request.endpoint or "(no route)", request.method, exc_info=exc_info)

    def create_url_adapter(self, request):
        """A Host header that is not trusted, or not a host name at all (a label of 64 characters
        fails IDNA), leaves Flask with no URL adapter, and the 400 page with no way to build its
        links. Keep the refusal for the view, and build links as relative paths from a neutral name."""
        try:
            return super().create_url_adapter(request)
        except HTTPException as exc:
            if request is None:
                raise
            request.routing_exception = exc
            request.host = "invalid"
            return self.url_map.bind("invalid", url_scheme=request.scheme)


def create_app(config: dict | None = None) -> Flask:
    """Build the app; `config` overrides the defaults (tests pass TESTING, DATABASE_URL...)."""
    app = App(__name__, instance_relative_config=True, static_url_path="/static")
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    config_module.load(app, config or {})

    app.jinja_loader = ChoiceLoader(
        [
            app.jinja_loader,
            PrefixLoader(
                {
                    "govuk_frontend_jinja": PackageLoader("govuk_frontend_jinja"),
                    "govuk_frontend_wtf": PackageLoader("govuk_frontend_wtf"),
                }
            ),
        ]
    )
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True
    WTFormsHelpers(app)
    app.add_template_global(error_summary)
    app.add_template_global(sessions.opened, "session_opened")  # the error pages are drawn without it (review 25 surfaces, R1)
    rendering.init_app(app)  # the layout's fixed parts, rendered once per process
    # key contacts come from the catalogue, never typed into a template (no invented numbers)
    from pathway.catalogue import load_catalogue

    app.add_template_global(load_catalogue().contact, "contact")
    app.add_template_global(load_catalogue().timescales, "timescales")
    # a reading's marker and a route with the contact its number belongs to: said the same way on
    # every surface (pathway.wording; review 7 surfaces F5, F11)
    from pathway import wording

    app.add_template_global(wording.reading_mark, "reading_mark")
    app.add_template_global(wording.route_to, "route_to")
    app.add_template_global(wording.READING, "reading_words")
    # a decision's level, route and "ring now" worded one way on every page (pathway/surfaces.py)
    from pathway import surfaces

    app.add_template_global(load_catalogue().surfaces, "surface_words")
    app.add_template_global(surfaces.closed_now, "closed_now")
    app.add_template_global(surfaces.route_words, "route_line")
    app.add_template_global(surfaces.decision_level, "decision_level")
    app.add_template_global(surfaces.decided_without, "decided_without")
    app.add_template_global(surfaces.step_heading, "step_heading")
    app.add_template_global(surfaces.level_words, "level_words")
    app.add_template_global(surfaces.no_referral, "no_referral")
    csrf.init_app(app)

    db.init_app(app)
    faults.init_app(app)
    app.session_interface = SqlSessionInterface()
    security.init_app(app)
    limits.init_app(app)
    access_log.init_app(app)
    accounts.init_app(app)  # the store's engine (same DATABASE_URL) and sign-in

    # Register the rulesets once at start-up, never from a request.
    import rules

    rules.ensure_registered()

    from webapp.adviser import bp as adviser_bp
    from webapp.api import bp as api_bp
    from webapp.cases import bp as cases_bp
    from webapp.journey import bp as journey_bp
    from webapp.owners import bp as owners_bp
    from webapp.practice import bp as practice_bp

    assets.init_app(app)  # /assets, and the cache headers of every static file
    app.register_blueprint(journey_bp)
    app.register_blueprint(cases_bp)
    app.register_blueprint(api_bp)
    app.register_blueprint(adviser_bp)
    app.register_blueprint(practice_bp)
    app.register_blueprint(owners_bp)
    csrf.exempt(api_bp)
    if app.config.get("DEMO"):  # set only by the demo launcher (webapp.serve), never by the environment
        from webapp import demo

        demo.init_app(app)

    def _api_error(status: int, message: str):
        """Errors under /api/ are JSON in the API's own shape, never an HTML page."""
        if request.path.startswith("/api/"):
            return jsonify({"errors": [{"field": "(request)", "message": message}]}), status
        return None

    @app.errorhandler(404)
    def not_found(_err):
        from webapp.cases import gone

        if gone.under_cases(request.path):  # a case address no route matches: as an unused reference (review 16 N3)
            return gone.page()
        return _api_error(404, "no such endpoint") or (
            render_template("error.html", title="Page not found", message="If you typed the web address, check it is correct."),
            404,
        )

    @app.errorhandler(405)
    def not_allowed(err):
        body, status = _api_error(405, f"method {request.method} not allowed here") or (
            render_template("error.html", title="Sorry, there is a problem", message="That page cannot be used like that."),
            405,
        )
        # RFC 9110: a 405 says which methods the resource does allow
        return body, status, {"Allow": ", ".join(sorted(err.valid_methods or []))}

    @app.errorhandler(400)
    def bad_request(err):
        if not sessions.readable():  # the CSRF token is in a session the database cannot give back
            return faults.unavailable(faults.StoreUnavailable())
        api = _api_error(400, "the request was refused (check the address it was sent to)")
        if api:
            return api
        if isinstance(err, CSRFError):  # what happened, that nothing was recorded, where to go (S2)
            from webapp.accounts.auth import refused_form

            said = refused_form()
            return render_template("error.html", title=said.title, message=said.message, link=said.link, link_text=said.link_text), 400
        return (
            render_template("error.html", title="Sorry, there is a problem", message="The form could not be sent. Go back, refresh the page and try again."),
            400,
        )

    @app.errorhandler(413)
    def too_large(_err):
        from webapp.too_large import fields_words, kept_words

        api = _api_error(413, "the body is too large")
        if api:
            return api
        named = fields_words()  # the form's free-text fields and their limits (review 12 surfaces, W7)
        if named and request.headers.get("X-Requested-With") == "fetch":  # the call screen's script: words it can show
            return jsonify({"too_large": f"What was sent is too large, so none of it was read and nothing was saved. Its text: {named}."}), 413
        if named:
            return render_template("too_large.html", fields=named, form_url=request.path, kept=kept_words()), 413
        return render_template("error.html", title="Sorry, there is a problem", message="What was sent is too large."), 413

    @app.errorhandler(500)
    def server_error(err):
        if faults.is_fault(getattr(err, "original_exception", None)):  # e.g. the session could not be kept
            return faults.unavailable(err.original_exception)
        return _api_error(500, "internal error; please report it") or (
            render_template("error.html", title=faults.TITLE, message="Try again later.", safety=faults.safety_line()),
            500,
        )

    @app.errorhandler(HTTPException)
    def other_http_error(err: HTTPException):
        """Every HTTP error without a page of its own above (a 416 for a Range past a static file's end;
        411, 414, 431, 501 should werkzeug or a library raise them): in the layout, JSON under /api/,
        with the status's own headers (416's Content-Range) and none of werkzeug's words or page
        (review 21 surfaces, S3). A status with its own handler is drawn by that one (Flask looks
        for the code first)."""
        if err.code is None or err.code < 400:  # not an error: as werkzeug gives it
            return err
        headers = [(k, v) for k, v in err.get_headers() if k.lower() not in ("content-type", "content-length")]
        api = _api_error(err.code, f"{(err.name or 'error').lower()} ({err.code})")
        if api:
            return api[0], api[1], headers
        if err.code >= 500:
            page = render_template("error.html", title=faults.TITLE, message="Try again later.", safety=faults.safety_line())
        else:
            page = render_template("error.html", title="Sorry, there is a problem", message=OTHER_ERROR)
        return page, err.code, headers

    return app


OTHER_ERROR = "That page could not be given as it was asked for. Go back and try again."
