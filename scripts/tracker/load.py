"""Read the data files into the model (scripts.tracker.model).

Interim reader for the plan file; the validating, position-keeping loader replaces it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from .model import Deadline, Plan


def _date(value: object) -> dt.date:
    if isinstance(value, dt.date):
        return value
    day, month, year = (int(part) for part in str(value).split("/"))
    return dt.date(year, month, day)


def load_plan(path: Path) -> Plan:
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    return Plan(
        id=raw["id"],
        title=raw["title"],
        issuer=raw["issuer"],
        place=raw["place"],
        date=_date(raw["date"]),
        deadlines=tuple(
            Deadline(
                id=d["id"],
                title=d["title"],
                due=_date(d["due"]),
                section=d["section"],
                requires_model=bool(d.get("requires_model", False)),
                description=d.get("description", ""),
            )
            for d in raw["deadlines"]
        ),
    )
