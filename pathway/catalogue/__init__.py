"""The threshold document as data: loaded once from `data/fsp_2014.yaml` and checked on load.

The YAML is the reviewable source; these models make a malformed edit fail at start-up with the
entry named, rather than mid-assessment.
"""

from __future__ import annotations

from pathway import yaml_load
from pathway.catalogue.ages import (
    AgeBand,
    AgedHint,
    AgeScope,
    ChildOnlyAnswer,
    ChildOnlyAnswers,
    MeaningfulAge,
    ParentAge,
    ParentAgeHint,
    child_age_words,
    years_months,
)
from pathway.catalogue.assumptions import Assumption, Assumptions
from pathway.catalogue.contacts import ConcernMember, Contact, ContactConcerns, ContactNote, ContactNotes, _related_contacts_derived
from pathway.catalogue.current_level import CafFromCurrentLevel, OpenFromCurrentLevel, OpenTakenAs
from pathway.catalogue.disagreements import DisagreementRoute, Disagreements, Stage
from pathway.catalogue.entailments import AgeEntailment, EntailmentAges, Gestation, YoungPerson
from pathway.catalogue.guidance import (
    DISABLED_ROADS,
    Actions,
    AfterTheCall,
    AgePointerGuidance,
    DisabledBelowChildInNeed,
    Guidance,
    GuidanceText,
    HeadedGuidanceText,
    NotPrefixed,
    PossibleEntailmentGuidance,
    Reworded,
    RewordedAction,
    RewordedGuidance,
    StepOpenSupport,
    TwinsGuidance,
)
from pathway.catalogue.in_writing import BelowThreshold, BelowThresholdSteps, InWriting, NoReferral, Timescale, Timescales
from pathway.catalogue.indicators import CriterionReading, Indicator, Named
from pathway.catalogue.interpretations import (
    CafRange,
    CafStep,
    CinCafNotImproving,
    CinDisability,
    CinTest,
    CinTestReading,
    CinTestYoungAdult,
    Combination,
    Interpretation,
    Interpretations,
    ProtectionYoungAdult,
    RuleWords,
    Wording,
)
from pathway.catalogue.level_info import LevelInfo, ResolvedAction
from pathway.catalogue.links import CriterionPointer, Crosswalk, NotCrosswalked, Twin, TwinLink, UnbornPointer
from pathway.catalogue.load import DATA_FILE, FINGERPRINT_SUFFIX, load_catalogue, recorded_fingerprint
from pathway.catalogue.model import Catalogue, Ruleset
from pathway.catalogue.offers import OfferFilter, OfferForNeeds
from pathway.catalogue.routing import DisabledChildrenRouting, RouteEntry, Routing
from pathway.catalogue.sources import Source
from pathway.catalogue.surface_words import SavedPhrase, SavedWords, Surfaces
from pathway.catalogue.what_if_words import ProtectionWords, SupportNow, SupportNowWords, WhatIfWords

__all__ = [
    "Actions",
    "AfterTheCall",
    "AgeBand",
    "AgeEntailment",
    "AgeScope",
    "AgedHint",
    "Assumption",
    "Assumptions",
    "BelowThreshold",
    "BelowThresholdSteps",
    "CafFromCurrentLevel",
    "CafRange",
    "CafStep",
    "Catalogue",
    "ChildOnlyAnswer",
    "ChildOnlyAnswers",
    "CinCafNotImproving",
    "CinDisability",
    "CinTest",
    "CinTestReading",
    "CinTestYoungAdult",
    "Combination",
    "ConcernMember",
    "Contact",
    "ContactConcerns",
    "ContactNote",
    "ContactNotes",
    "CriterionPointer",
    "CriterionReading",
    "Crosswalk",
    "DATA_FILE",
    "DISABLED_ROADS",
    "DisabledBelowChildInNeed",
    "DisabledChildrenRouting",
    "DisagreementRoute",
    "Disagreements",
    "EntailmentAges",
    "FINGERPRINT_SUFFIX",
    "Gestation",
    "Guidance",
    "GuidanceText",
    "HeadedGuidanceText",
    "InWriting",
    "Indicator",
    "Interpretation",
    "Interpretations",
    "LevelInfo",
    "MeaningfulAge",
    "Named",
    "NoReferral",
    "NotCrosswalked",
    "NotPrefixed",
    "OfferFilter",
    "OfferForNeeds",
    "OpenFromCurrentLevel",
    "OpenTakenAs",
    "ParentAge",
    "ParentAgeHint",
    "AgePointerGuidance",
    "PossibleEntailmentGuidance",
    "ProtectionWords",
    "ProtectionYoungAdult",
    "ResolvedAction",
    "Reworded",
    "RewordedAction",
    "RewordedGuidance",
    "RouteEntry",
    "Routing",
    "RuleWords",
    "Ruleset",
    "SavedPhrase",
    "SavedWords",
    "Source",
    "Stage",
    "StepOpenSupport",
    "SupportNow",
    "SupportNowWords",
    "Surfaces",
    "Timescale",
    "Timescales",
    "Twin",
    "TwinLink",
    "TwinsGuidance",
    "UnbornPointer",
    "WhatIfWords",
    "Wording",
    "YoungPerson",
    "_related_contacts_derived",
    "child_age_words",
    "load_catalogue",
    "recorded_fingerprint",
    "yaml_load",
    "years_months",
]
