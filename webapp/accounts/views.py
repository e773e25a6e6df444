"""Routes: thin. Who may see what is the store's business; NotFound is a 404 here, whether the
case reference does not exist or belongs to someone else (the store audits both)."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from flask import abort, current_app, jsonify, redirect, render_template, request, url_for

from store.errors import AuthError
from webapp import limits, prg
from webapp.access import public
from webapp.accounts import auth, bp
from webapp.accounts.forms import SignInForm, SignOutForm

# One message for every refusal (unknown name, wrong password, disabled, too many attempts), so
# it tells nobody which usernames exist; what happened goes to the audit log.
REFUSED = (
    "The username or password is not right, or there have been too many attempts to sign in. "
    "Check them and try again in a minute; if it still fails, ask your administrator."
)


# What the sign-in page says it is for: the page that asked for it (auth.AFTER), so a trainer is told
# about the library and a manager about the team's levels, not about saving assessments (review 15, Z1)
SIGN_IN_FOR = {
    "cases.save": "Sign in to save this assessment. Your answers are kept while you sign in.",
    "cases.overrides": "Sign in to see and review the levels your team's practitioners recorded.",
    "cases.dashboard": "Sign in to see your team's dashboard.",
    "practice.index": "Sign in to run a practice session or use the scenario library. Trainees do not sign in: they join with the session's code.",
    "practice.trainer": "Sign in to go back to your practice session.",
    "practice.summary": "Sign in to see the practice session's summary.",
    "practice.new_session": "Sign in to start a practice session. Trainees do not sign in: they join with the session's code.",
    "practice.sessions": "Sign in to see the practice sessions you started.",
    "practice.scenarios": "Sign in to use the practice scenario library.",
    "practice.write": "Sign in to write a scenario for the practice scenario library.",
    "owners.ruleset": "Sign in to try a change to the ruleset.",
    "demo.practice_summary": "Sign in to see the practice session's summary.",
}
SIGN_IN_TO = "Sign in to save assessments and see your cases. You do not need to sign in to assess a child's needs."

# The header's line for someone signed out: what signing in is for in the part of the tool they are in
# (by blueprint), and where the sign-in page then leads (the link's `to`, whose words are SIGN_IN_FOR's),
# as the sign-in page's own words fit the page that asked. Not on the sign-in page itself.
HEADER_SIGN_IN = {
    "practice": ("practice", "to run a practice session or use the scenario library (trainees join with a code, without signing in)"),
    "adviser": (None, "to save assessments and see your cases (the call screen needs no sign-in)"),
}
HEADER_SIGN_IN_ELSEWHERE = (None, "to save assessments or review your team's levels (you can assess without signing in)")
HEADER_TO = {"practice": "practice.index"}  # the link's `to`: the page signing in leads to


def header_sign_in() -> tuple[str, str] | None:
    """For the header (accounts/_header.html): the sign-in link's address and the words after it."""
    if request.endpoint == "accounts.sign_in":
        return None
    to, words = HEADER_SIGN_IN.get(request.blueprint or "", HEADER_SIGN_IN_ELSEWHERE)
    return url_for("accounts.sign_in", to=to) if to else url_for("accounts.sign_in"), words


def _tz() -> ZoneInfo:
    return ZoneInfo(current_app.config["OFFICE_HOURS"].timezone)


@bp.route("/sign-in", methods=["GET", "POST"])
@public
@limits.sign_in_overall
@limits.sign_in_per_address
def sign_in():
    form, _ = prg.form_for(SignInForm)  # the username and the one message; the password is never kept
    if form.validate_on_submit():
        try:
            auth.sign_in(form.username.data.strip().lower(), form.password.data)  # usernames are lower case
        except AuthError as exc:
            current_app.logger.info("sign-in refused (%s)", exc.reason)
            form.form_errors.append(REFUSED)
            return prg.refused(form, keep_out=("password",))
        else:
            return redirect(auth.after_sign_in())
    elif form.is_submitted():
        return prg.refused(form, keep_out=("password",))
    to = HEADER_TO.get(request.args.get("to", ""))
    if to and auth.not_done() is None:  # the header's link (a form sent meanwhile keeps its own way back)
        auth.come_back_to(to)
    cleared = auth.ANSWERS_CLEARED if auth.state.answers_cleared.present() else ""  # the earlier sign-in took the answers (Y2)
    done = auth.not_done()  # a form sent after the sign-in ended: what it did not do (review 15, Z1)
    purpose = SIGN_IN_FOR.get(auth.AFTER.get() or "", SIGN_IN_TO)
    return render_template(
        "accounts/sign_in.html",
        form=form,
        purpose=purpose,
        cleared=cleared,
        not_done=done.words() if done else "",
        sso_label=current_app.config["OIDC_LABEL"],
    )


@bp.post("/sign-out")
@public
def sign_out():
    if not SignOutForm().validate_on_submit():
        abort(400)
    auth.sign_out()
    return redirect(url_for("accounts.signed_out"))


@bp.get("/signed-out")
@public
def signed_out():
    from webapp.practice.records import SESSION_DAYS  # what sign-out keeps: practice sessions too (review 19 surfaces, S3)

    return render_template("accounts/signed_out.html", practice_days=SESSION_DAYS)


@bp.app_errorhandler(403)
def forbidden(_err):
    if request.path.startswith("/api/"):  # JSON in the API's own shape, as every other status there (review 21 surfaces, S3)
        return jsonify({"errors": [{"field": "(request)", "message": "forbidden"}]}), 403
    return render_template("error.html", title="You cannot use this page", message="Your account does not have access to this page."), 403
