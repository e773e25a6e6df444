"""YAML as the project's data files need it: PyYAML's safe loader, except that a key written twice
in one mapping is refused. PyYAML keeps the last silently, so a second entry for a word in the
search vocabulary, or an indicator id written twice in the catalogue, would drop the first unseen."""

from __future__ import annotations

from typing import IO, Any

import yaml


class DuplicateKeyError(yaml.constructor.ConstructorError):
    """A mapping with the same key twice (names the key and both lines)."""


class UniqueKeys:
    """A loader mixin (with any SafeLoader, the C one included) refusing a key given twice in one
    mapping: the project's data files here, and what users upload or pass on the command line
    (scenario files, draft catalogues: review 8 surfaces D1)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        seen: dict[Any, yaml.Node] = {}
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=True)  # type: ignore[attr-defined]  # the loader it is mixed into
            if key in seen:
                raise DuplicateKeyError(
                    "while reading a mapping",
                    node.start_mark,
                    f"the key {key!r} is given twice (first on line {seen[key].start_mark.line + 1})",
                    key_node.start_mark,
                )
            seen[key] = key_node
        return super().construct_mapping(node, deep)  # type: ignore[misc]


class _UniqueKeyLoader(UniqueKeys, yaml.SafeLoader):
    pass


def load(stream: str | bytes | IO) -> Any:
    """`yaml.safe_load`, refusing a key given twice in one mapping."""
    return yaml.load(stream, Loader=_UniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
