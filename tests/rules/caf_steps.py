"""The CAF's steps as the level tables give them (Levels of need, p11-16), written here from the threshold
document, not read from the catalogue: one oracle for every test that asks which of them a decision offers.
Each is the start of the action's words (tests match with `str.startswith`); the document's own words are
quoted beside each group."""

from __future__ import annotations

# Universal (p11-12), its assessments: "CAF assessment process can be used as a helpful framework for
# recording needs and strengths"
FRAMEWORK = ("The CAF can be used as a helpful framework",)

# Starting the CAF: Additional (p13-14) "Initiate CAF and record evidence of assessment on CAF to establish
# appropriate action plan"; Extensive (p15-16) "Continue a multi agency CAF and consider more support services"
START = ("Initiate a CAF", "Continue a multi-agency CAF")

# This tool's words for those two where it reads the CAF answer (declared readings, catalogue
# `resolved_actions`): a CAF said to be open ("A CAF is already open: record the evidence ..."), and none
# open at Extensive ("Start a multi-agency CAF ...")
START_AS_READ = ("A CAF is already open", "Start a multi-agency CAF")

# The multi-agency steps, Additional (p13-14): "Collaboration of services to assist in meeting individual
# needs. Consider: Team around the Child (TAC); Lead Professional"
ADDITIONAL_STEPS = ("Bring services together", "Consider a Team around the Child", "Consider a Lead Professional")

# Extensive (p15-16): "Form Team around the Child; Allocate Lead Professional; Create an extensive or
# additional CAF plan; Use Specialist Assessments as part of multi agency action plan; Regular review
# meetings; Attend Multi-Agency Forum (MAF) if required"
EXTENSIVE_STEPS = (
    "Form a Team around the Child",
    "Allocate a Lead Professional",
    "Create an extensive or additional CAF plan",
    "Use specialist assessments",
    "Hold regular review meetings",
    "Attend the Multi-Agency Forum",
)

# The Extensive box's escalation (p15-16): "If the current CAF arrangements are not improving outcomes for
# the child ... then they should be referred to Children's Social Care for further assessment"
NOT_IMPROVING = ("If the CAF is not improving outcomes",)

# Every step of the CAF's own process (review 10, H6: none is offered for a child open to social care, p6, p37)
CAF_PROCESS = FRAMEWORK + START + START_AS_READ + ADDITIONAL_STEPS + EXTENSIVE_STEPS

# The professionals' multi-agency steps and the escalation (p13-16): not a caller's who is not CAF trained (p4)
PROFESSIONALS_STEPS = ADDITIONAL_STEPS + EXTENSIVE_STEPS + NOT_IMPROVING
