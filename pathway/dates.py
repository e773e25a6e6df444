"""Dates and times in words, the same on every surface (review 18 surfaces, S5): the day without a
leading zero, GOV.UK style ("3 January 2028", "Monday 3 January 2028"), the time on the 24-hour clock
("16:59"), and the clock named "UK time" (not GMT or BST, which change with the season; but in the one
repeated hour when the clocks go back, a time says which pass it is: "01:30 BST", "01:30 GMT"). Every surface
that writes a date (call screen and call summary, result page, written referral as page, PDF and text,
saved entries, case lists, practice pages) writes it with these, never its own `strftime`. A moment (a day
and a time) is written one way, `day_time_words`: "3 January 2028 at 10:00"; never "3 January 2028, 10:00"
nor "10:00 on 3 January 2028". Files for machines (the CSV and JSON exports) keep ISO 8601.
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

UK_ZONE = "Europe/London"
UK_TIME = "UK time"


def day_words(moment: date) -> str:
    """'3 January 2028'."""
    return f"{moment.day} {moment:%B %Y}"


def short_day_words(moment: date) -> str:
    """'3 Jan 2028', where a chart's label must be short."""
    return f"{moment.day} {moment:%b %Y}"


def weekday_words(moment: date) -> str:
    """'Monday 3 January 2028'."""
    return f"{moment:%A} {day_words(moment)}"


def time_words(moment: datetime | time) -> str:
    """'16:59'; in the hour the clocks go back, which happens twice, the time with its clock's abbreviation
    ('01:30 BST', then '01:30 GMT') so that two moments an hour apart do not read alike (review 22 surfaces, S6).
    Only there: everywhere else the wall time is one moment, and the clock is named "UK time", as above."""
    if in_repeated_hour(moment):
        return f"{moment:%H:%M} {moment.tzname()}"
    return f"{moment:%H:%M}"


def in_repeated_hour(moment: datetime | time) -> bool:
    """Whether a zoned moment's wall time happens twice that day (the hour the clocks go back): the same wall
    time on its other pass (`fold`, PEP 495) is another offset from UTC."""
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        return False
    return moment.replace(fold=1 - moment.fold).utcoffset() != moment.utcoffset()


MOMENT_JOINER = " at "


def day_time_words(moment: datetime) -> str:
    """A moment, the one way every surface writes one (review 19 surfaces): '3 January 2028 at 16:59'. The
    day first, as every date is written; " at ", not a comma, since a moment is most often written inside a
    sentence or beside a name, where a comma already separates ("saved 3 January 2028 at 10:00", "(tess,
    3 January 2028 at 10:00)")."""
    return f"{day_words(moment)}{MOMENT_JOINER}{time_words(moment)}"


def weekday_time_words(moment: datetime) -> str:
    """The same moment with its weekday, where the day of the week decides (office hours): 'Monday 3 January
    2028 at 16:59'."""
    return f"{weekday_words(moment)}{MOMENT_JOINER}{time_words(moment)}"


def month_words(moment: date) -> str:
    """'January 2028', a chart's month."""
    return f"{moment:%B %Y}"


def clock_words(zone: str) -> str:
    """The clock a time zone's name is in words: 'UK time' for Europe/London, else the name itself."""
    return UK_TIME if zone == UK_ZONE else zone


def zone_words(moment: datetime) -> str:
    """The clock a time is on, in words: 'UK time' on the UK's clock, else the zone's own abbreviation
    (a service set to another zone, which the office hours allow)."""
    tz = moment.tzinfo
    if isinstance(tz, ZoneInfo) and tz.key == UK_ZONE:
        return UK_TIME
    return moment.tzname() or "UTC"
