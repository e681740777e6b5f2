"""One school of any version of data/schools.yml as a plain record, read leniently.

A record is a dict: {"id", "fields": {name: text}, "submissions": {deadline_id: {name: text}}}.
Nested mappings are flattened to dotted names ("contact.name", "model.kind"); dates become
ISO text (2022-05-28), so that 28/5/2022 and 28/05/2022 compare equal. Plain data keeps the
records comparable, cacheable as JSON and independent of the model's current shape: old
versions may be invalid, or of an older shape (submissions as a list), and are read anyway.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, TypedDict

from scripts.common.dates import date_or_none
from scripts.common.vietnamese import nfc


class Record(TypedDict):
    """One school in one version, as plain data (see the module docstring).

    A typed dict rather than a dataclass: records are compared as plain data and cached
    per commit as JSON exactly as they are (scripts/history/cache.py).
    """

    id: str
    fields: dict[str, str]
    """The school's own fields by dotted name: "name", "contact.role"…"""
    submissions: dict[str, dict[str, str]]
    """Deadline id → the submission's fields by dotted name: "received", "model.kind"…"""


SUBMISSIONS_KEYS = ("submissions",)
DEADLINE_KEYS = ("deadline", "deadline_id")


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "có" if value else "không"
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return nfc(str(value)).strip()


def plain_text(value: Any) -> str:
    """A plain value as the text records hold (dates ISO, yes/no in Vietnamese)."""
    return _text(value)


def is_date_field(name: str) -> bool:
    leaf = name.rsplit(".", 1)[-1]
    return leaf == "received" or leaf.endswith("date")


def _field_text(name: str, value: Any) -> str:
    """The value as text; a date written either way becomes ISO, so 28/5 == 28/05."""
    text = _text(value)
    if text and is_date_field(name) and not isinstance(value, dt.date):
        day = date_or_none(text)
        if day is not None:
            return day.isoformat()
    return text


def flatten(mapping: Mapping[Any, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in mapping.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(flatten(value, f"{name}."))
        else:
            text = _field_text(name, value)
            if text:
                flat[name] = text
    return flat


def _submissions(raw: Any) -> dict[str, dict[str, str]]:
    """Submissions as {deadline_id: fields}, from a list of mappings or a mapping by id."""
    result: dict[str, dict[str, str]] = {}
    if isinstance(raw, Mapping):
        for deadline_id, value in raw.items():
            fields = flatten(value) if isinstance(value, Mapping) else {"value": _text(value)}
            result[_text(deadline_id)] = fields
    elif isinstance(raw, list):
        for position, item in enumerate(raw, start=1):
            if not isinstance(item, Mapping):
                continue
            fields = flatten(item)
            deadline_id = next((fields.pop(k) for k in DEADLINE_KEYS if k in fields), "")
            result[deadline_id or f"#{position}"] = fields
    return result


def record_of(raw: Any, fallback_id: str = "") -> Record | None:
    """One school's mapping as a record; None if it is not a school at all."""
    if not isinstance(raw, Mapping):
        return None
    school_id = _text(raw.get("id", fallback_id))
    if not school_id:
        return None
    fields: dict[str, str] = {}
    submissions: dict[str, dict[str, str]] = {}
    for key, value in raw.items():
        if key == "id":
            continue
        if key in SUBMISSIONS_KEYS:
            submissions = _submissions(value)
        elif isinstance(value, Mapping):
            fields.update(flatten(value, f"{key}."))
        else:
            text = _field_text(str(key), value)
            if text:
                fields[str(key)] = text
    return {"id": school_id, "fields": fields, "submissions": submissions}


def records_from_schools(raw: Any) -> tuple[list[Record], list[str]]:
    """Records from the value of `schools:` (a list, or a mapping keyed by id)."""
    records: list[Record] = []
    problems: list[str] = []
    if isinstance(raw, Mapping):
        items: list[tuple[str, Any]] = [(_text(k), v) for k, v in raw.items()]
    elif isinstance(raw, list):
        items = [("", v) for v in raw]
    else:
        return [], ["không tìm thấy danh sách trường (khóa “schools”)"]
    for position, (key, value) in enumerate(items, start=1):
        record = record_of(value, key)
        if record is None:
            problems.append(f"mục thứ {position} của danh sách không đọc được thành một trường")
        else:
            records.append(record)
    return records, problems


def index_records(records: list[Record], problems: list[str]) -> dict[str, Record]:
    schools: dict[str, Record] = {}
    for record in records:
        if record["id"] in schools:
            problems.append(f"mã trường “{record['id']}” xuất hiện hai lần: giữ lần đầu")
            continue
        schools[record["id"]] = record
    return schools
