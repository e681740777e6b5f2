"""The plan (data/plan.yml) as the model's Plan: its metadata and its deadlines.

Deadlines are data, not code: a later year's plan is a new file, not a change of code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from scripts.common.dates import parse_date
from scripts.common.problems import DataError
from scripts.common.project import SCHEMA_DIR
from scripts.common.source import read_source
from scripts.model import Deadline, Plan
from scripts.validate.plan import validate_plan

PLAN_FILE = "plan.yml"


def build_plan(data: dict[str, Any]) -> Plan:
    """Plain values of a valid plan file → Plan."""
    return Plan(
        id=data["id"],
        title=data["title"],
        issuer=data["issuer"],
        place=data["place"],
        date=parse_date(data["date"]),
        deadlines=tuple(
            Deadline(
                id=item["id"],
                title=item["title"],
                due=parse_date(item["due"]),
                section=item["section"],
                requires_model=item.get("requires_model") is True,
                description=item.get("description", ""),
            )
            for item in data["deadlines"]
        ),
    )


def load_plan(path: Path, name: str | None = None, schema_dir: Path = SCHEMA_DIR) -> Plan:
    """The plan in `path`, checked; raises DataError with every problem found."""
    doc, problems = validate_plan(read_source(path, name), schema_dir)
    if problems:
        raise DataError(problems)
    return build_plan(doc.data)
