"""Dates as people type them in the data files.

Two forms are accepted everywhere: the Vietnamese DAY/MONTH/YEAR (15/5/2022, 15/05/2022), as
written in the plan and on every official document, and the ISO YEAR-MONTH-DAY (2022-05-15).
Anything else (2022/15/05, 15-05-2022, 15.5.2022) is refused rather than guessed.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from functools import lru_cache

from scripts.common.vietnamese import format_date

DATE_PATTERN = r"^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{1,2}/[0-9]{1,2}/[0-9]{4})$"
"""The shape of an accepted date; the JSON Schemas use the same pattern. ASCII digits only
([0-9], not \\d, which Python reads as any Unicode digit and the schema check as 0-9)."""

DATE_FORMS = "NGÀY/THÁNG/NĂM như 15/5/2022 hoặc 15/05/2022, hoặc NĂM-THÁNG-NGÀY như 2022-05-15"

# The messages of a date that does not exist, as templates: the site's form fills the same
# ones in the browser (scripts/render/board/submission_form.py), so both say the same words.
NOT_A_DATE = "“{text}” không phải một ngày. Ghi ngày theo dạng {forms}."
NO_SUCH_MONTH = "Ngày “{text}” có tháng {month}, không có tháng này. Kiểm tra lại thứ tự: {forms}."
YEAR_TOO_EARLY = "Ngày “{text}” có năm {year}: kiểm tra lại năm."
NO_SUCH_DAY = "Ngày “{text}” không có thật: tháng {month} năm {year} chỉ có {last} ngày."

_VIETNAMESE = re.compile(r"([0-9]{1,2})/([0-9]{1,2})/([0-9]{4})")
_ISO = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


class DateError(ValueError):
    """The text is not a real date; the message (Vietnamese) says why."""


@lru_cache(maxsize=4096)
def parse_date(text: str) -> dt.date:
    """15/5/2022, 15/05/2022 or 2022-05-15 → date(2022, 5, 15); DateError otherwise.

    Cached: a file repeats the same few hundred dates thousands of times.
    """
    if match := _VIETNAMESE.fullmatch(text):
        day, month, year = (int(part) for part in match.groups())
    elif match := _ISO.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
    else:
        raise DateError(NOT_A_DATE.format(text=text, forms=DATE_FORMS))
    if not 1 <= month <= 12:
        raise DateError(NO_SUCH_MONTH.format(text=text, month=month, forms=DATE_FORMS))
    if year < 1900:
        raise DateError(YEAR_TOO_EARLY.format(text=text, year=year))
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateError(NO_SUCH_DAY.format(text=text, month=month, year=year, last=last))
    return dt.date(year, month, day)


def date_or_none(text: str) -> dt.date | None:
    """The date in `text` (either form, spaces around it ignored), or None if it is not one.

    For reading any old version of a file leniently (history, review), where a wrong date
    is shown as written instead of refused.
    """
    try:
        return parse_date(text.strip())
    except DateError:
        return None


def show(day: dt.date) -> str:
    """A date in messages, in the plan's own style (15/5/2022)."""
    return format_date(day)
