"""The files shipped inside the package (pathway/data: the catalogue, the document's text, the
search synonyms, the training scenarios), found through importlib.resources rather than a path
worked out from the source tree, so an installed wheel reads the same files as a checkout."""

from __future__ import annotations

from importlib import resources
from pathlib import Path


def shipped(*parts: str) -> Path:
    """The path of a shipped file or folder, e.g. shipped("fsp_2014.yaml") or shipped("scenarios").

    A wheel installs unpacked, so the resource is a real file: the loaders open it by name and the
    scenario batches pass file names to worker processes. A zipped install is refused here, by name.
    """
    resource = resources.files("pathway").joinpath("data", *parts)
    if not isinstance(resource, Path):
        raise RuntimeError(f"pathway/data/{'/'.join(parts)} is not a file on disk: install the package unpacked")
    return resource
