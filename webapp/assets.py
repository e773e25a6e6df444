"""GOV.UK Frontend's fonts and images at /assets, where its compiled CSS expects them.

The files are copied from the pinned npm package by scripts/copy_assets.sh.
"""
from flask import Blueprint

bp = Blueprint("assets", __name__, static_folder="static/govuk/assets", static_url_path="/assets")
