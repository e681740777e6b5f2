"""The calendar of deadlines (.ics): an all-day event each, the same bytes for the same data."""

from __future__ import annotations

import datetime as dt

import pytest
from icalendar import Calendar

from scripts.export.ics_file import ics_bytes
from scripts.render import site_paths as paths
from scripts.render.board.generate import GeneratedSite
from scripts.status.board import make_board
from tests.tracker_data import AS_OF, BOARD_SITE_URL, generated_board, small_dataset


@pytest.fixture
def board_site() -> GeneratedSite:
    return generated_board()


def test_ics_has_an_all_day_event_per_deadline(board_site: GeneratedSite) -> None:
    cal = Calendar.from_ical(board_site.files[paths.ICS])
    events = cal.walk("VEVENT")
    plan = small_dataset().plan
    assert [e.decoded("dtstart") for e in events] == [d.due for d in plan.deadlines]
    assert all(e.decoded("dtend") - e.decoded("dtstart") == dt.timedelta(days=1) for e in events)
    assert len({str(e["uid"]) for e in events}) == len(plan.deadlines)
    assert str(events[0]["url"]) == f"{BOARD_SITE_URL}tinh-hinh/han/dang-ky-mo-hinh/"
    assert "Đăng ký mô hình" in str(events[0]["summary"])
    # Same data, same as-of date: the same file, so subscribed calendars do not churn.
    assert (
        ics_bytes(make_board(small_dataset(), AS_OF), BOARD_SITE_URL) == board_site.files[paths.ICS]
    )
