"""The practitioner's journey: start, safety first, the child, needs, check, result."""

from flask import Blueprint

bp = Blueprint("journey", __name__)

from webapp.journey import present  # noqa: E402

bp.add_app_template_global(present.cite, "cite")
bp.add_app_template_global(present.cite_text, "cite_text")
bp.add_app_template_global(present.page_links, "page_links")
bp.add_app_template_global(present.reason_needs, "reason_needs")
bp.add_app_template_global(present.ring_now, "ring_now")
bp.add_app_template_global(present.in_sentence, "in_sentence")

from webapp.journey import referral  # noqa: E402

bp.add_app_template_global(referral.in_writing, "in_writing_words")  # the ring-now page's and the referral's

from webapp.journey import views  # noqa: E402,F401  (registers the routes)
