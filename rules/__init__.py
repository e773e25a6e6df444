"""The rules: the catalogue and hand-written rules as durable-rules rulesets, and `evaluate`.

Importing this package registers the rulesets (once per process), so a server that imports
it at start-up never registers from concurrent requests.
"""
from rules.evaluate import evaluate, ensure_registered
from rules.engine import RulesError

ensure_registered()

__all__ = ["evaluate", "ensure_registered", "RulesError"]
