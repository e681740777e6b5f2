"""Dates as people type them: one parser, strict for the check, lenient only for old versions."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from scripts.common.dates import (
    DATE_PATTERN,
    DateError,
    date_hint,
    date_or_none,
    parse_date,
    suggest_date,
)


@pytest.mark.parametrize("text", ["15/5/2022", "15/05/2022", "2022-05-15"])
def test_both_forms_give_the_same_day(text: str) -> None:
    assert parse_date(text) == dt.date(2022, 5, 15)


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("31/02/2022", "không có thật: tháng 2 năm 2022 chỉ có 28 ngày"),
        ("2022/15/05", "không phải một ngày"),
        ("15-05-2022", "không phải một ngày"),
        ("15/13/2022", "không có tháng này"),
        ("١٥/٥/٢٠٢٢", "không phải một ngày"),  # digits other than 0–9 are not a date
    ],
)
def test_anything_else_is_refused_with_the_reason(text: str, why: str) -> None:
    with pytest.raises(DateError, match=why):
        parse_date(text)
    assert date_or_none(text) is None


def test_the_lenient_reading_ignores_spaces_and_never_raises() -> None:
    assert date_or_none(" 28/5/2022 ") == dt.date(2022, 5, 28)
    assert date_or_none("") is None and date_or_none("chưa rõ") is None


def test_the_schemas_use_the_same_shape() -> None:
    shape = re.compile(DATE_PATTERN)
    assert shape.match("15/5/2022") and shape.match("2022-05-15")
    assert not shape.match("١٥/٥/٢٠٢٢") and not shape.match("15.5.2022")


@pytest.mark.parametrize(
    "typed",
    [
        "28-05-2022",
        "2022-5-28",
        "28.5.2022",
        "28/05/22",
        "2022/05/28",
        "5/28/2022",
        "28 5 2022",
        "ngày 28 tháng 5 năm 2022",
    ],
)
def test_an_unambiguous_wrong_spelling_gets_the_date_it_means(typed: str) -> None:
    assert suggest_date(typed) == dt.date(2022, 5, 28)
    assert date_hint(typed) == " Có phải 28/5/2022?"


@pytest.mark.parametrize("typed", ["31/02/2022", "2022-13-45", "abc", "28/5", "1" * 60])
def test_no_guess_where_there_is_no_date(typed: str) -> None:
    assert suggest_date(typed) is None
    assert date_hint(typed) == ""
