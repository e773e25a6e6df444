"""Office hours: when day services (Children and Families Direct and the day teams) are open.

Office hours are not in the threshold document: they are a local setting. The default
(Monday to Friday, 08:30-17:00, UK time) is this project's assumption and must be confirmed
with Children and Families Direct before use; every decision lists it under `assumptions`.
Bank holidays in England come from the maintained `holidays` calendar (substitute days
included), so Christmas Day is never routed to a closed line; FSP_CLOSED_DATES adds local
closures. Outside office hours the Emergency Duty Team covers (Key contacts, p23).
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, time
from functools import lru_cache
from typing import Optional
from zoneinfo import ZoneInfo

import holidays

DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _hhmm(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


@lru_cache(maxsize=8)
def _calendar(subdivision: str) -> holidays.HolidayBase:
    # years are filled in on demand by the holidays package as dates are looked up
    return holidays.country_holidays("GB", subdiv=subdivision)


@dataclass(frozen=True)
class OfficeHours:
    opens: time = time(8, 30)
    closes: time = time(17, 0)
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday=0
    timezone: str = "Europe/London"
    closed_dates: frozenset[date] = field(default_factory=frozenset)  # local closures
    bank_holidays: Optional[str] = "ENG"  # the UK subdivision whose bank holidays close day services

    @classmethod
    def from_env(cls, env=os.environ) -> "OfficeHours":
        kwargs: dict = {}
        if env.get("FSP_OFFICE_OPENS"):
            kwargs["opens"] = _hhmm(env["FSP_OFFICE_OPENS"])
        if env.get("FSP_OFFICE_CLOSES"):
            kwargs["closes"] = _hhmm(env["FSP_OFFICE_CLOSES"])
        if env.get("FSP_OFFICE_DAYS"):
            kwargs["weekdays"] = frozenset(int(d) for d in env["FSP_OFFICE_DAYS"].split(","))
        if env.get("FSP_TIMEZONE"):
            kwargs["timezone"] = env["FSP_TIMEZONE"]
        if env.get("FSP_CLOSED_DATES"):
            kwargs["closed_dates"] = frozenset(date.fromisoformat(d.strip()) for d in env["FSP_CLOSED_DATES"].split(","))
        if env.get("FSP_BANK_HOLIDAYS"):
            value = env["FSP_BANK_HOLIDAYS"].strip()
            kwargs["bank_holidays"] = None if value.lower() == "none" else value
        return cls(**kwargs)

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
        if not days:   # never open (a setting tests use for out of hours): say so rather than fail
            return "never (no opening days set)"
        if days == list(range(days[0], days[-1] + 1)) and len(days) > 1:
            span = f"{DAY_NAMES[days[0]]} to {DAY_NAMES[days[-1]]}"
        else:
            span = ", ".join(DAY_NAMES[d] for d in days)
        return f"{span}, {self.opens:%H:%M} to {self.closes:%H:%M} ({self.timezone})"

    def describe_closures(self) -> str:
        local = ", ".join(sorted(d.isoformat() for d in self.closed_dates)) or "none set"
        calendar = f"bank holidays: {self.bank_holidays}" if self.bank_holidays else "bank holidays: not applied"
        return f"{calendar}; local closed dates: {local}"
