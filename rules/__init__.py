"""The rules: the catalogue and hand-written rules as durable-rules rulesets, and `evaluate`.

Importing this package registers nothing. The web app and the command line call
`ensure_registered()` at start-up, so no request pays for compiling the rulesets; `evaluate`
registers them itself (once per process, under the engine's lock) if nobody did.
"""

from rules.engine import RulesError
from rules.evaluate import ensure_registered, evaluate
from rules.refusals import evaluate_despite_refusals

__all__ = ["evaluate", "evaluate_despite_refusals", "ensure_registered", "RulesError"]
