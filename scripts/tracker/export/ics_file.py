"""The deadlines as an iCalendar file (RFC 5545) that a phone calendar can subscribe to.

All-day events on each due date, with a reminder three days before. Every value is
fixed by the data and the as-of date (DTSTAMP), so the same build gives the same file,
and the UIDs never change: a subscribed calendar updates its events instead of
duplicating them.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from icalendar import Alarm, Calendar, Event

from .. import site_paths as paths
from ..board import Board
from ..vietnamese import format_date


def ics_bytes(board: Board, site_url: str) -> bytes:
    plan = board.dataset.plan
    host = urlsplit(site_url).hostname or "localhost"
    stamp = dt.datetime.combine(board.as_of, dt.time(), tzinfo=dt.UTC)
    cal = Calendar()
    cal.add("prodid", f"-//{plan.issuer}//{plan.id}//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"Hạn nộp — {plan.title}")
    cal.add(
        "x-wr-caldesc", f"Các hạn nộp của Kế hoạch ngày {format_date(plan.date)} của {plan.issuer}."
    )
    cal.add("x-wr-timezone", "Asia/Ho_Chi_Minh")
    cal.add("refresh-interval", dt.timedelta(days=1), parameters={"VALUE": "DURATION"})
    cal.add("x-published-ttl", "P1D")
    for deadline in plan.deadlines:
        url = paths.absolute(site_url, paths.deadline_page(deadline.id))
        event = Event()
        event.add("uid", f"{deadline.id}.{plan.id}@{host}")
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.due)
        event.add("dtend", deadline.due + dt.timedelta(days=1))
        event.add("summary", f"Hạn nộp: {deadline.title}")
        description = deadline.description or deadline.title
        event.add(
            "description",
            f"{description}\n\nMục {deadline.section} của Kế hoạch ngày {format_date(plan.date)}. "
            f"Tình hình nộp của các trường: {url}",
        )
        event.add("url", url)
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Còn 3 ngày đến hạn: {deadline.title}")
        alarm.add("trigger", dt.timedelta(days=-3))
        event.add_component(alarm)
        cal.add_component(event)
    return cal.to_ical()
