"""The ruleset string every decision of the shipped catalogue carries, read here from the files
themselves (the edition in the YAML, the fingerprint beside it), not through `Catalogue.version`."""

from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent.parent / "pathway" / "data"
EDITION = yaml.safe_load((DATA / "fsp_2014.yaml").read_text(encoding="utf-8"))["ruleset"]["version"]
FINGERPRINT = next(line for line in (DATA / "fsp_2014.fingerprint").read_text(encoding="utf-8").splitlines() if line and not line.startswith("#"))
RULESET = f"fsp-2014 ({EDITION}, decisions {FINGERPRINT})"
