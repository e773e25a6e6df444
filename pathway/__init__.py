"""The domain: the threshold document as a catalogue, the case and decision models, levels.

Nothing here knows about Flask or durable-rules; the rules package reads from here.
"""

from pathway.catalogue import Catalogue, load_catalogue
from pathway.levels import LEVELS, Level
from pathway.models import Case, CaseError, Decision, FieldError

__all__ = ["Case", "CaseError", "Catalogue", "Decision", "FieldError", "LEVELS", "Level", "load_catalogue"]
