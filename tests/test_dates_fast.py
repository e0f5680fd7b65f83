"""The fast date path gives exactly what dateutil gives for the shapes it takes, and is much faster."""
import random
import time
from datetime import datetime, timedelta, timezone

import pytest

from loader.normalize import dates
from loader.normalize.dates import parse_common_date, parse_date

ZONES = [None, "Asia/Hong_Kong", "America/New_York"]


def _samples(count=400):
    rng = random.Random(7)
    for _ in range(count):
        offset = timezone(timedelta(minutes=rng.choice([0, 480, -300, 330, 60, -600])))
        moment = datetime(1980, 1, 1, tzinfo=offset) + timedelta(seconds=rng.randrange(50 * 365 * 86400))
        micro = moment.replace(microsecond=rng.randrange(1_000_000))
        yield from [
            moment.strftime("%Y-%m-%d"), moment.strftime("%Y-%m"), moment.strftime("%Y-%m-%dT%H:%M:%S%z"),
            moment.isoformat(), moment.strftime("%Y-%m-%dT%H:%M"), moment.strftime("%Y-%m-%d %H:%M:%S"),
            moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"), micro.isoformat(),
            micro.strftime("%Y-%m-%dT%H:%M:%S.%f")[:-4], moment.strftime("%a, %d %b %Y %H:%M:%S %z"),
            moment.strftime("%d %b %Y %H:%M GMT"), moment.strftime("%d-%b-%Y %H:%M:%S.%f")[:-4].upper(),
        ]


def _dateutil_only(monkeypatch, text, zone):
    with monkeypatch.context() as patch:
        patch.setattr(dates, "parse_common_date", lambda text, zone=None: None)
        return parse_date(text, zone)


def test_fast_path_agrees_with_dateutil(monkeypatch):
    checked = 0
    for text in _samples():
        for zone in ZONES:
            fast = parse_common_date(text, zone)
            assert fast is not None, text
            assert fast == _dateutil_only(monkeypatch, text, zone), (text, zone)
            checked += 1
    assert checked == 400 * 12 * 3


@pytest.mark.parametrize("text", ["2019-02-30", "2019-13-01T10:00Z", "Tuesday", "10:30", "March 3, 2019",
                                  "3/4/2019", "2019", "2019-03-04T25:00", "31 Foo 2019 10:00 GMT"])
def test_other_shapes_go_to_dateutil(text):
    assert parse_common_date(text) is None


def test_iso_dates_are_never_read_day_first():
    assert parse_date("2019-03-04", dayfirst=True) == "2019-03-04"
    assert parse_date("04/03/2019", dayfirst=True) == "2019-03-04"  # still dateutil's, day first


def test_fast_path_is_at_least_five_times_faster(monkeypatch):
    texts = [text for text, _ in zip(_samples(), range(2000))]
    started = time.perf_counter()
    fast = [parse_date(text) for text in texts]
    fast_seconds = time.perf_counter() - started
    monkeypatch.setattr(dates, "parse_common_date", lambda text, zone=None: None)
    started = time.perf_counter()
    slow = [parse_date(text) for text in texts]
    slow_seconds = time.perf_counter() - started
    assert fast == slow
    assert slow_seconds > 5 * fast_seconds, (slow_seconds, fast_seconds)
