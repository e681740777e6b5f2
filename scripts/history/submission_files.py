"""Lenient reading of any version of a submission file (data/submissions/<deadline>/<file>.yml),
for history and review, and the records of the schools with those submissions added.

Like snapshot.py for the register, never fails: a version that cannot be read gives no
entries, and the caller notes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from scripts.history.records import Record, flatten, plain_text
from scripts.load.submissions import file_place

try:  # libyaml is much faster; PyYAML's wheels ship it.
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - pure-Python PyYAML
    _Loader = yaml.SafeLoader

SUBMISSIONS_PATH = "data/submissions"
"""The folder of the submission files in the repository."""

Entries = dict[str, dict[str, str]]
"""School id → the submission's fields by dotted name, as in records."""


def is_submission_path(path: str) -> bool:
    return path.startswith(SUBMISSIONS_PATH + "/") and file_place(path) is not None


def read_entries(data: bytes | None) -> Entries | None:
    """The entries of one version of a submission file; {} when absent, None if unreadable."""
    if data is None:
        return {}
    try:
        raw: Any = yaml.load(data, Loader=_Loader)
    except yaml.YAMLError:
        return None
    if raw is None:
        return {}
    if not isinstance(raw, Mapping):
        return None
    return {
        plain_text(key): flatten(value)
        if isinstance(value, Mapping)
        else {"value": plain_text(value)}
        for key, value in raw.items()
    }


def with_submission(
    record: Record | None, school_id: str, deadline_id: str, fields: dict[str, str] | None
) -> Record:
    """A copy of the school's record with its submission for `deadline_id` set from a file
    (None: the file has none, and the record keeps what the register itself says)."""
    base: Record = record or {"id": school_id, "fields": {}, "submissions": {}}
    submissions = dict(base["submissions"])
    if fields is not None:
        submissions[deadline_id] = fields
    return {"id": base["id"], "fields": base["fields"], "submissions": submissions}


def overlay(records: Mapping[str, Record], files: Iterable[tuple[str, bytes]]) -> dict[str, Record]:
    """The register's records with the submissions of every file (path, bytes) added.

    Entries for an id the register does not have are left out (the validator refuses
    them); a second entry for the same school and deadline is left out too (refused as
    well). Unreadable files are skipped.
    """
    result = dict(records)
    seen: set[tuple[str, str]] = set()
    for path, data in sorted(files):
        place = file_place(path)
        entries = read_entries(data) if place is not None else None
        if place is None or not entries:
            continue
        for school_id, fields in entries.items():
            key = (school_id, place[0])
            if school_id not in result or key in seen:
                continue
            seen.add(key)
            result[school_id] = with_submission(result[school_id], school_id, place[0], fields)
    return result
