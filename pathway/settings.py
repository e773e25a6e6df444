"""Office hours: when day services (Children and Families Direct and the day teams) are open.

Office hours are not in the threshold document: they are a local setting. The default
(Monday to Friday, 08:30-17:00, UK time) is this project's assumption and must be confirmed
with Children and Families Direct before use; every decision lists it under `assumptions`.
Bank holidays in England come from the maintained `holidays` calendar (substitute days
included), so Christmas Day is never routed to a closed line; FSP_CLOSED_DATES adds local
closures. Outside office hours the Emergency Duty Team covers (Key contacts, p23).
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import lru_cache
from typing import Annotated, Optional
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import holidays
from pydantic import Field, field_validator
from pydantic_settings import NoDecode

from pathway.dates import clock_words, day_words, time_words
from pathway.env_settings import EnvSettings

DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


@lru_cache(maxsize=8)
def _calendar(subdivision: str) -> holidays.HolidayBase:
    # years are filled in on demand by the holidays package as dates are looked up
    return holidays.country_holidays("GB", subdiv=subdivision)


def _listed(value):
    """A comma-separated environment value as a list ("0,1,2,3,4"); other values as they are."""
    return [part.strip() for part in value.split(",") if part.strip()] if isinstance(value, str) else value


class OfficeHours(EnvSettings):
    """Each field reads its FSP_ variable (docs/web.md): FSP_OFFICE_OPENS and _CLOSES (HH:MM),
    FSP_OFFICE_DAYS (0=Monday, comma-separated), FSP_TIMEZONE, FSP_CLOSED_DATES (ISO dates,
    comma-separated), FSP_BANK_HOLIDAYS (a UK subdivision such as ENG, or "none")."""

    opens: time = Field(time(8, 30), validation_alias="FSP_OFFICE_OPENS")
    closes: time = Field(time(17, 0), validation_alias="FSP_OFFICE_CLOSES")
    weekdays: Annotated[frozenset[Annotated[int, Field(ge=0, le=6)]], NoDecode] = Field(
        frozenset({0, 1, 2, 3, 4}), validation_alias="FSP_OFFICE_DAYS"
    )  # Monday=0
    timezone: str = "Europe/London"
    closed_dates: Annotated[frozenset[date], NoDecode] = frozenset()  # local closures
    bank_holidays: Optional[str] = "ENG"  # the UK subdivision whose bank holidays close day services

    @field_validator("weekdays", "closed_dates", mode="before")
    @classmethod
    def _split(cls, value):
        return _listed(value)

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ValueError, ZoneInfoNotFoundError):
            raise ValueError("not a time zone name such as Europe/London") from None
        return value

    @field_validator("bank_holidays", mode="before")
    @classmethod
    def _subdivision(cls, value):
        if isinstance(value, str) and value.strip().lower() == "none":
            return None
        if isinstance(value, str):
            try:
                _calendar(value.strip())
            except NotImplementedError:
                raise ValueError("not a UK subdivision (ENG, NIR, SCT or WLS), or none") from None
            return value.strip()
        return value

    def closure(self, moment: datetime) -> Optional[str]:
        """Why day services are closed all day on this date (a bank holiday's name), or None."""
        local = moment.astimezone(ZoneInfo(self.timezone)).date()
        if local in self.closed_dates:
            return "a locally set closed date"
        if self.bank_holidays:
            name = _calendar(self.bank_holidays).get(local)
            if name:
                return f"{name}, a bank holiday"
        return None

    def is_open(self, moment: datetime) -> bool:
        """Whether day services (Children and Families Direct) are open at this moment."""
        local = moment.astimezone(ZoneInfo(self.timezone))
        if local.weekday() not in self.weekdays or self.closure(moment):
            return False
        return self.opens <= local.time() < self.closes

    def describe(self) -> str:
        days = sorted(self.weekdays)
        if not days:  # never open (a setting tests use for out of hours): say so rather than fail
            return "never (no opening days set)"
        if days == list(range(days[0], days[-1] + 1)) and len(days) > 1:
            span = f"{DAY_NAMES[days[0]]} to {DAY_NAMES[days[-1]]}"
        else:
            span = ", ".join(DAY_NAMES[d] for d in days)
        return f"{span}, {time_words(self.opens)} to {time_words(self.closes)} ({clock_words(self.timezone)})"

    def describe_closures(self) -> str:
        # in words, as every surface writes a day (pathway.dates; review 19 surfaces, S1)
        local = ", ".join(day_words(d) for d in sorted(self.closed_dates)) or "none set"
        calendar = f"bank holidays: {self.bank_holidays}" if self.bank_holidays else "bank holidays: not applied"
        return f"{calendar}; local closed dates: {local}"
