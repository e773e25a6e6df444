"""Training scenarios: worked cases from the threshold document with a model answer.

Trainers read the narrative aloud, staff choose indicators, and the model answer (checked
against the rules on every run) says which level the document supports and why. This package
reads and checks scenario files; running them through the rules is the `training` package's.
"""

from pathway.scenarios.loader import Loaded, ScenarioError, ScenarioErrors, default_paths, dump_scenarios, load, loads, loads_partly
from pathway.scenarios.model import Scenario

__all__ = ["Loaded", "Scenario", "ScenarioError", "ScenarioErrors", "default_paths", "dump_scenarios", "load", "loads", "loads_partly"]
