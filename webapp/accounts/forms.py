"""The accounts pages' forms. Messages follow the GOV.UK style and name the field."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import PasswordField, StringField, SubmitField
from wtforms.validators import InputRequired


class SignInForm(FlaskForm):
    username = StringField("Username", validators=[InputRequired("Enter your username")], widget=GovTextInput())
    password = PasswordField("Password", validators=[InputRequired("Enter your password")], widget=GovPasswordInput())
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class SignOutForm(FlaskForm):
    """Only a CSRF token: signing out is a POST."""
