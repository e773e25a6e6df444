"""Settings with embedded defaults, overridable by environment variables.

Office hours are not in the threshold document: they are a local setting. The default
(Monday to Friday, 08:30-17:00, UK time) is this project's assumption and must be confirmed
with Children and Families Direct before use; outside them the Emergency Duty Team applies.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date, datetime, time
from zoneinfo import ZoneInfo


def _hhmm(value: str) -> time:
    hours, minutes = value.split(":")
    return time(int(hours), int(minutes))


@dataclass(frozen=True)
class OfficeHours:
    opens: time = time(8, 30)
    closes: time = time(17, 0)
    weekdays: frozenset[int] = frozenset({0, 1, 2, 3, 4})  # Monday=0
    timezone: str = "Europe/London"
    closed_dates: frozenset[date] = field(default_factory=frozenset)  # bank holidays, set locally

    @classmethod
    def from_env(cls, env=os.environ) -> "OfficeHours":
        kwargs = {}
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
        return cls(**kwargs)

    def is_open(self, moment: datetime) -> bool:
        """Whether day services (Children and Families Direct) are open at this moment."""
        local = moment.astimezone(ZoneInfo(self.timezone))
        if local.date() in self.closed_dates or local.weekday() not in self.weekdays:
            return False
        return self.opens <= local.time() < self.closes
