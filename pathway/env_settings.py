"""Settings read from environment variables, by pydantic-settings, for every part of the app.

A settings model subclasses `EnvSettings`: its fields are typed, with their defaults, and a field
reads `FSP_<NAME>` (or the names its validation alias gives). `Model.from_env()` reads the
process environment (or a mapping, in tests); a wrong value raises `SettingsError`, whose message
starts with the variable's name, for the CLI and the servers to print as one line. Constructing a
model directly (`StoreConfig(retention_days=1)`) reads no environment: defaults and the keywords.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Mapping
from typing import Any, Self

import pydantic_settings
from pydantic import AliasChoices, ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, EnvSettingsSource, PydanticBaseSettingsSource, SettingsConfigDict
from pydantic_settings.sources.utils import parse_env_vars

PREFIX = "FSP_"


class SettingsError(ValueError):
    """An environment variable with a value that cannot be used; the message names it."""


class _MappingSource(EnvSettingsSource):
    """pydantic-settings' own environment source, over a given mapping instead of os.environ."""

    def __init__(self, settings_cls: type[BaseSettings], env: Mapping[str, str]):
        self._mapping = env
        super().__init__(settings_cls)
        # a field with an alias is read from that variable only (not FSP_<name> as well); keywords
        # still name fields, e.g. OfficeHours(opens=...)
        self.config = {**self.config, "validate_by_name": False}

    def _load_env_vars(self) -> Mapping[str, str | None]:
        return parse_env_vars(self._mapping, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str)


class EnvSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix=PREFIX, extra="ignore", frozen=True, validate_by_name=True, env_ignore_empty=True)

    @classmethod
    def settings_customise_sources(
        cls, settings_cls, init_settings, env_settings, dotenv_settings, file_secret_settings
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        return (init_settings,)  # the environment only through from_env, so a keyword-built model is pure

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Self:
        """The settings from `env` (default: the process environment); SettingsError names the variable.

        From the process environment, a model is built once for each set of values of the variables
        it can read (models are frozen, so one can be shared): `evaluate()` without office hours
        reads them on every decision, and building the model costs more than the decision (issue 17)."""
        if env is not None:
            return cls._build(env)
        return _built(cls, _environment_read(_read_by(cls)))  # type: ignore[return-value]

    @classmethod
    def _build(cls, env: Mapping[str, str]) -> Self:
        try:
            values: dict[str, Any] = _MappingSource(cls, env)()
        except pydantic_settings.SettingsError as exc:  # a value that should be JSON is not
            field = re.search(r'field "(\w+)"', str(exc))
            raise SettingsError(f"{cls.variable(field.group(1)) if field else cls.__name__}: not valid JSON ({exc.__cause__ or exc})") from None
        try:
            return cls(**values)
        except ValidationError as exc:
            first = exc.errors()[0]
            names = ", ".join(dict.fromkeys(cls.variable(str(e["loc"][0])) for e in exc.errors() if e["loc"]))
            got = first.get("input")
            shown = f", got {got!r}" if isinstance(got, str) else ""
            raise SettingsError(f"{names or cls.__name__}: {_words(first['msg'])}{shown}") from None

    @classmethod
    def variables(cls) -> list[str]:
        """Every environment variable the model reads, one per field."""
        return [cls.variable(name) for name in cls.model_fields]

    @classmethod
    def variable(cls, key: str) -> str:
        """The environment variable a field (named, or by its alias) is read from."""
        for name, field in cls.model_fields.items():
            read = _field_variables(name, field)
            if key == name or key.upper() in read:
                return read[0]
        return key.upper()


def _field_variables(name: str, field: FieldInfo) -> list[str]:
    """The variables a field is read from, upper case: its alias's (first the one docs name), else FSP_<NAME>."""
    alias = field.validation_alias
    if isinstance(alias, AliasChoices):
        return [str(c).upper() for c in alias.choices]
    return [str(alias).upper()] if alias else [f"{PREFIX}{name.upper()}"]


@functools.lru_cache(maxsize=256)  # a handful of settings in practice; never unbounded
def _built(cls: type[EnvSettings], read: tuple[tuple[str, str], ...]) -> EnvSettings:
    """A model from the variables it reads (a refusal is raised each time, never remembered)."""
    return cls._build(dict(read))


@functools.cache
def _read_by(cls: type[EnvSettings]) -> frozenset[str]:
    """Every variable a model reads (once per model: from_env asks on every call)."""
    return frozenset(v for name, field in cls.model_fields.items() for v in _field_variables(name, field))


# os.environ decodes every name and value it yields (two Python calls each): going through all of
# them on every decision was 13% of evaluate() (issue 17). On POSIX its `_data` holds the same
# variables as bytes; names are compared there and only the matches decoded, as os.environ would.
_RAW_ENVIRON = getattr(os.environ, "_data", None) if os.name == "posix" else None
_PREFIX_BYTES = PREFIX.encode()


def _environment_read(names: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The variables of the process environment a model can read, sorted: those named `FSP_...` or
    one of `names`, in any case (pydantic-settings reads names case-insensitively)."""
    if not isinstance(_RAW_ENVIRON, dict):
        return tuple(sorted((k, v) for k, v in os.environ.items() if k.upper().startswith(PREFIX) or k.upper() in names))
    wanted = _as_bytes(names)
    return tuple(sorted((os.fsdecode(k), os.fsdecode(v)) for k, v in _RAW_ENVIRON.items() if (upper := k.upper()).startswith(_PREFIX_BYTES) or upper in wanted))


@functools.cache
def _as_bytes(names: frozenset[str]) -> frozenset[bytes]:
    return frozenset(os.fsencode(n) for n in names)


def _words(message: str) -> str:
    """pydantic's message with its 'Value error, ' prefix (a validator's own words) taken off."""
    return message.removeprefix("Value error, ")
