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
NO_SUCH_MONTH = (
    "Ngày “{text}” có tháng {month}, không có tháng này.{guess} Kiểm tra lại thứ tự: {forms}."
)
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
        swapped = _real(year, day, month)
        guess = f" Có phải {format_date(swapped)}?" if swapped else ""
        raise DateError(NO_SUCH_MONTH.format(text=text, month=month, guess=guess, forms=DATE_FORMS))
    if year < 1900:
        raise DateError(YEAR_TOO_EARLY.format(text=text, year=year))
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateError(NO_SUCH_DAY.format(text=text, month=month, year=year, last=last))
    return dt.date(year, month, day)


# Other spellings of a date, read only to suggest the accepted one: D-M-YYYY, D.M.YYYY,
# D M YYYY, D/M/YY, YYYY-M-D, YYYY/M/D, YYYY.M.D. Bounded repetitions only: linear.
_DAY_FIRST = re.compile(
    r"([0-9]{1,2})\s{0,2}[-./ ]\s{0,2}([0-9]{1,2})\s{0,2}[-./ ]\s{0,2}([0-9]{2}|[0-9]{4})"
)
_YEAR_FIRST = re.compile(
    r"([0-9]{4})\s{0,2}[-./]\s{0,2}([0-9]{1,2})\s{0,2}[-./]\s{0,2}([0-9]{1,2})"
)
_WORDS = re.compile(
    r"(?:ngày\s{1,3})?([0-9]{1,2})\s{1,3}tháng\s{1,3}([0-9]{1,2})\s{1,3}năm\s{1,3}([0-9]{4})"
)


def _real(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day) if year >= 1900 else None
    except ValueError:
        return None


def date_hint(text: str) -> str:
    """ " Có phải 28/5/2022?" for a wrongly spelt date with one reading; "" otherwise."""
    meant = suggest_date(text)
    return f" Có phải {format_date(meant)}?" if meant else ""


def suggest_date(text: str) -> dt.date | None:
    """The date meant by a wrongly spelt one, when only one reading is possible:
    28-05-2022, 28.5.2022, 28/05/22, ngày 28 tháng 5 năm 2022 → 28/5/2022 (day first, as
    Vietnamese writes it); 2022-5-28, 2022/05/28 → 28/5/2022; 5/28/2022 (month first: no
    month 28) → 28/5/2022. None when it reads as no date or as two (5/6/22 in a wrong order
    is still read day first: that is the Vietnamese order). Never used to accept a value."""
    text = text.strip()
    if len(text) > 40:
        return None
    if match := _YEAR_FIRST.fullmatch(text):
        year, month, day = (int(part) for part in match.groups())
        return _real(year, month, day) or _real(year, day, month)
    if match := _DAY_FIRST.fullmatch(text) or _WORDS.fullmatch(text):
        first, second, year = (int(part) for part in match.groups())
        if len(match.group(3)) == 2:
            year += 2000
        day_first = _real(year, second, first)
        month_first = _real(year, first, second)
        return day_first or month_first
    return None


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
