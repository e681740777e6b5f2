"""Values read defensively from a parsed document that may be broken: dates, repeated items.

The schema may have failed too, so nothing here assumes a shape: a value of the wrong type
is simply not a date, and the schema's message says why.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

from scripts.common.dates import DATE_PATTERN, DateError, parse_date
from scripts.common.problems import Problem
from scripts.common.yamlread import Document

_DATE_SHAPE = re.compile(DATE_PATTERN)


def date_of(value: Any) -> dt.date | None:
    if isinstance(value, str) and _DATE_SHAPE.match(value):
        try:
            return parse_date(value)
        except DateError:
            return None
    return None


def real_date(
    doc: Document, path: list[str | int], value: Any, out: list[Problem]
) -> dt.date | None:
    """A well-shaped date that does not exist (31/02/2022) is reported into `out`.

    Badly shaped dates are left to the schema, which says which forms are accepted.
    """
    if not isinstance(value, str) or not _DATE_SHAPE.match(value):
        return None
    try:
        return parse_date(value)
    except DateError as error:
        out.append(doc.problem(path, str(error)))
        return None


def repeated(doc: Document, key: str, field: str) -> Iterator[tuple[int, str, int]]:
    """Items of the list `key` whose text `field` an earlier item has already:
    (index, value, line of the first one)."""
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    seen: dict[str, int] = {}
    for index, item in enumerate(items if isinstance(items, list) else []):
        value = item.get(field) if isinstance(item, dict) else None
        if not isinstance(value, str):
            continue
        if value in seen:
            yield index, value, doc.position([key, seen[value], field])[0]
        else:
            seen[value] = index
