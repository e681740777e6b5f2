"""The deadlines as an iCalendar file (RFC 5545) that a phone calendar can subscribe to.

All-day events on each due date, with a reminder three days before. Every value is
fixed by the data and the as-of date (DTSTAMP), so the same build gives the same file,
and the UIDs never change: a subscribed calendar updates its events instead of
duplicating them. The calendar's producer (PRODID) is whoever runs the site
(data/site.yml), never the office that issued the plan; the plan's own words are quoted
as the plan's, with its year.
"""

from __future__ import annotations

import datetime as dt
from urllib.parse import urlsplit

from icalendar import Alarm, Calendar, Event

from scripts.common.clock import VIETNAM_ZONE_NAME
from scripts.common.vietnamese import format_date
from scripts.load.publisher import Publisher, unnamed
from scripts.render import site_paths as paths
from scripts.status.board import Board


def ics_bytes(board: Board, site_url: str, publisher: Publisher | None = None) -> bytes:
    """The calendar; none given, its producer is the site itself (no one is named)."""
    publisher = publisher or unnamed()
    plan = board.dataset.plan
    host = urlsplit(site_url).hostname or "localhost"
    stamp = dt.datetime.combine(board.as_of, dt.time(), tzinfo=dt.UTC)
    plan_name = f"Kế hoạch ngày {format_date(plan.date)}"
    cal = Calendar()
    cal.add("prodid", f"-//{publisher.name}//{plan.id}//VI")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", f"Hạn nộp năm {plan.date.year} — {plan.title}")
    cal.add(
        "x-wr-caldesc",
        f"Các hạn nộp năm {plan.date.year} theo {plan_name} của {plan.issuer}, đúng như khi "
        f"ban hành. Lịch do {publisher.maker} lập.",
    )
    cal.add("x-wr-timezone", VIETNAM_ZONE_NAME)
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
        said = (
            f"{plan_name}, mục {deadline.section}: “{deadline.description}”"
            if deadline.description
            else f"{deadline.title} (mục {deadline.section} của {plan_name})"
        )
        event.add("description", f"{said}\n\nTình hình nộp của các trường: {url}")
        event.add("url", url)
        event.add("transp", "TRANSPARENT")
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", f"Còn 3 ngày đến hạn: {deadline.title}")
        alarm.add("trigger", dt.timedelta(days=-3))
        event.add_component(alarm)
        cal.add_component(event)
    data: bytes = cal.to_ical()
    return data
