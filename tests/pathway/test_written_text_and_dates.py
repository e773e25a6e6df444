"""Review 18 surfaces S1, S2 (one rule for free text) and S5 (one wording for dates): the pure helpers
every surface uses. Oracles: the bytes and code points written out by hand; GOV.UK's date style."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest

from pathway.dates import day_words, time_words, weekday_words, zone_words
from pathway.written_text import fault, visible


@pytest.mark.parametrize(
    "text",
    ["a\x00b", "bell\x07", "\x1b[31mred", "del\x7f", "c1\x85", "\u202eflipped", "\u202aembedded", "\u2066isolate\u2069", "x\u202c"],
)
def test_control_and_direction_characters_are_refused_naming_the_field(text):
    assert fault(text, "Your note") == "Your note must be written text: remove the control characters pasted into it"


@pytest.mark.parametrize("text", ["", "Seen at home.\nTold mum.\r\n\tIndented", "Zoë Ødegård", "مرحبا", "emoji \U0001f468\u200d\U0001f469", "دخترک\u200cها"])
def test_written_text_passes(text):
    assert fault(text, "Your note") is None


@pytest.mark.parametrize(
    "text, seen", [("   ", False), ("\u200b", False), ("\u200b \u200d\t", False), ("\u202e", False), ("Al", True), (" x ", True), ("٨", True)]
)
def test_a_value_with_no_visible_character_is_no_name(text, seen):
    assert visible(text) is seen


LONDON = ZoneInfo("Europe/London")


@pytest.mark.parametrize(
    "moment, day, weekday",
    [
        (datetime(2028, 1, 3, 16, 59, tzinfo=LONDON), "3 January 2028", "Monday 3 January 2028"),
        (datetime(2027, 11, 1, 8, 29, tzinfo=LONDON), "1 November 2027", "Monday 1 November 2027"),
        (datetime(2028, 12, 27, 8, 30, tzinfo=LONDON), "27 December 2028", "Wednesday 27 December 2028"),
    ],
)
def test_a_day_has_no_leading_zero(moment, day, weekday):
    assert day_words(moment) == day and weekday_words(moment) == weekday
    assert time_words(moment) == moment.strftime("%H:%M")


def test_the_uk_clock_is_called_uk_time_in_either_season_and_another_zone_by_its_name():
    assert zone_words(datetime(2028, 1, 3, 16, 59, tzinfo=LONDON)) == "UK time"
    assert zone_words(datetime(2027, 6, 1, 18, 0, tzinfo=LONDON)) == "UK time"
    assert zone_words(datetime(2026, 1, 6, 4, 0, tzinfo=ZoneInfo("America/New_York"))) == "EST"
    assert zone_words(datetime(2026, 1, 6, 4, 0, tzinfo=timezone.utc)) == "UTC"
