"""The hour the clocks go back happens twice: two entries saved an hour apart in it (00:30 and 01:30 UTC on
25 October 2026, 01:30 BST then 01:30 GMT) both read "01:30" (review 22 surfaces, S6). In that hour a time
now says which pass it is; elsewhere it is unchanged ("UK time" names the clock, pathway.dates).
Oracle: zoneinfo's Europe/London wall time and abbreviation for each moment, and the literal words."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from pathway.dates import day_time_words, in_repeated_hour, time_words
from store import assessments
from tests.webapp.accounts.conftest import save, sign_in
from tests.webapp.conftest import text

LONDON = ZoneInfo("Europe/London")
FIRST = datetime(2026, 10, 25, 0, 30, tzinfo=timezone.utc)  # 01:30 BST
SECOND = datetime(2026, 10, 25, 1, 30, tzinfo=timezone.utc)  # 01:30 GMT, an hour later
SUMMER = datetime(2026, 7, 1, 11, 30, tzinfo=timezone.utc)  # 12:30 BST, one pass only


@pytest.mark.parametrize(
    "utc, said",
    [
        (FIRST, "25 October 2026 at 01:30 BST"),
        (SECOND, "25 October 2026 at 01:30 GMT"),
        (datetime(2026, 10, 25, 0, 0, tzinfo=timezone.utc), "25 October 2026 at 01:00 BST"),  # the hour's first minute
        (datetime(2026, 10, 25, 1, 59, tzinfo=timezone.utc), "25 October 2026 at 01:59 GMT"),  # its last
        (datetime(2026, 10, 25, 2, 0, tzinfo=timezone.utc), "25 October 2026 at 02:00"),  # after it: once only
        (datetime(2026, 10, 24, 23, 59, tzinfo=timezone.utc), "25 October 2026 at 00:59"),  # before it
        (SUMMER, "1 July 2026 at 12:30"),
        (datetime(2026, 3, 29, 1, 30, tzinfo=timezone.utc), "29 March 2026 at 02:30"),  # spring forward: no repeat
    ],
)
def test_a_moment_in_the_repeated_hour_names_its_pass(utc, said):
    wall = utc.astimezone(LONDON)
    assert day_time_words(wall) == said
    assert in_repeated_hour(wall) == (wall.tzname() in said)  # the abbreviation is there exactly when the hour repeats


def test_a_time_without_a_zone_is_unchanged():
    assert time_words(datetime(2026, 10, 25, 1, 30)) == "01:30"
    assert time_words(datetime(2026, 10, 25, 1, 30).time()) == "01:30"


def test_two_entries_an_hour_apart_in_it_read_differently(client, people, engine, clock):
    for moment in (FIRST, SECOND):  # signed in afresh each time: an hour apart is past the idle end
        clock.set(moment)
        sign_in(client, "pat")
        save(client, "R22-10")
    clock.set(datetime(2026, 12, 5, 10, 0, tzinfo=timezone.utc))
    sign_in(client, "pat")
    entries = sorted(assessments.history(engine, people["pat"], "R22-10"), key=lambda e: e.created_at)
    first, second = (text(client.get(f"/cases/R22-10/entries/{e.id}")) for e in entries)
    assert "Result as shown on 25 October 2026 at 01:30 BST" in first
    assert "Result as shown on 25 October 2026 at 01:30 GMT" in second
    case_page = text(client.get("/cases/R22-10"))
    assert "01:30 BST" in case_page and "01:30 GMT" in case_page


def test_a_summer_entry_read_in_winter_is_unchanged(client, people, engine, clock):
    clock.set(SUMMER)
    sign_in(client, "pat")
    save(client, "R22-07")
    clock.set(datetime(2026, 12, 5, 10, 0, tzinfo=timezone.utc))
    sign_in(client, "pat")
    [entry] = assessments.history(engine, people["pat"], "R22-07")
    page = text(client.get(f"/cases/R22-07/entries/{entry.id}"))
    assert "Result as shown on 1 July 2026 at 12:30" in page and "12:30 BST" not in page
