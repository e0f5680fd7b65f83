"""Dates: parsed by dateutil, the source's offset kept, a date without a time stays a date."""
import pytest

from loader.normalize.dates import parse_date


@pytest.mark.parametrize("text, zone, expected", [
    ("Friday, 27 October, 2017, 7:50pm", "Asia/Hong_Kong", "2017-10-27T19:50:00+08:00"),
    ("2017-10-27T19:50:00+08:00", "Europe/London", "2017-10-27T19:50:00+08:00"),
    ("Fri, 27 Oct 2017 11:31:00 GMT", None, "2017-10-27T11:31:00+00:00"),
    ("December 31, 2017 ", None, "2017-12-31"),
    ("2017-10-27 10:00", None, "2017-10-27T10:00:00"),
    ("October 2017", None, "2017-10"),
    ("Tuesday", None, None),
    ("10:30", None, None),
    ("not a date", None, None),
    ("", None, None),
])
def test_parse_date(text, zone, expected):
    assert parse_date(text, zone) == expected


def test_epoch_seconds_and_milliseconds():
    assert parse_date(1509104000) == "2017-10-27T11:33:20+00:00"
    assert parse_date(1509104000000) == "2017-10-27T11:33:20+00:00"


def test_day_first_for_sources_that_write_it():
    assert parse_date("03/04/2021", dayfirst=True) == "2021-04-03"
    assert parse_date("03/04/2021") == "2021-03-04"


@pytest.mark.parametrize("value", [253402300800, "253402300800", 99999999999, 10**15, float("inf"),
                                   float("nan"), -1, 10**400])
def test_epochs_out_of_range_are_not_dates(value):
    """Seconds up to 2100 or milliseconds from 2001 to 2100; a 12-digit number is neither."""
    assert parse_date(value) is None


def test_epoch_bounds():
    assert parse_date(4_102_444_800) == "2100-01-01T00:00:00+00:00"
    assert parse_date(1_000_000_000_000) == "2001-09-09T01:46:40+00:00"


@pytest.mark.parametrize("text", ["2017-03-01T10:00:00+25:00", "2017-03-01T10:00:00-24:00", "2017-02-30"])
def test_impossible_dates_are_none_not_errors(text):
    assert parse_date(text) is None
