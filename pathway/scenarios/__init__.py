"""Training scenarios: worked cases from the threshold document with a model answer.

Trainers read the narrative aloud, staff choose indicators, and the model answer (checked
against the rules on every run) says which level the document supports and why.
"""
from pathway.scenarios.batch import load_paths, run_batch
from pathway.scenarios.loader import Loaded, ScenarioError, ScenarioErrors, default_paths, dump_scenarios, load, loads
from pathway.scenarios.model import Scenario
from pathway.scenarios.runner import Result, run

__all__ = ["Loaded", "Result", "Scenario", "ScenarioError", "ScenarioErrors", "default_paths", "dump_scenarios", "load",
           "load_paths", "loads", "run", "run_batch"]
