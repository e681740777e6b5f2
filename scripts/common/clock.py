"""What day it is: always Vietnam's date, whatever the machine's time zone.

CI runs in UTC. Between 17:00 and 24:00 UTC it is already the next day in Bình Sơn, so
`datetime.date.today()` on such a machine would refuse a document received "today" and judge
the status a day late. Every "today" in scripts/ comes from `today_in_vietnam`, which reads
the time from `utc_now`: tests replace that one function to fix the clock.
"""

from __future__ import annotations

import datetime as dt

VIETNAM = dt.timezone(dt.timedelta(hours=7), "ICT")
"""Vietnam's time: UTC+7 all year (no daylight saving). The one time zone of scripts/."""
VIETNAM_ZONE_NAME = "Asia/Ho_Chi_Minh"
"""The same zone by its IANA name, for files that name it (the calendar's X-WR-TIMEZONE)."""


def utc_now() -> dt.datetime:
    """The current time, timezone-aware. The only place scripts/ reads the clock."""
    return dt.datetime.now(dt.UTC)


def today_in_vietnam(now: dt.datetime | None = None) -> dt.date:
    """The date in Vietnam at `now` (default: the clock). At 23:30 UTC it is 06:30 there."""
    moment = utc_now() if now is None else now
    if moment.tzinfo is None:
        raise ValueError("now must be timezone-aware: a naive time has no date in Vietnam")
    return moment.astimezone(VIETNAM).date()
