"""The plan file (data/plan.yml): parsed strictly, checked against its schema and its rules.

Rules a schema cannot say: deadline ids unique, every date real, no deadline before the
plan itself. `plan_facts` reads what the schools file is checked against from a plan that
may be broken, so a broken plan does not hide the schools' own mistakes.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from scripts.common.dates import show
from scripts.common.problems import Problem
from scripts.common.project import SCHEMA_DIR
from scripts.common.schema.check import check
from scripts.common.source import Source
from scripts.common.yamlread import Document, parse
from scripts.validate.text import check_text
from scripts.validate.values import date_of, real_date, repeated


@dataclass(frozen=True)
class PlanFacts:
    """What the schools file is checked against, read from a plan that may be broken."""

    date: dt.date | None
    deadlines: dict[str, tuple[str, bool]]
    """deadline id → (title, requires_model)."""


def plan_facts(doc: Document) -> PlanFacts | None:
    """The plan's date and deadline ids, as far as they can be read; None if unreadable."""
    data = doc.data
    if not isinstance(data, dict):
        return None
    deadlines: dict[str, tuple[str, bool]] = {}
    for item in data.get("deadlines") or []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            title: str = item["title"] if isinstance(item.get("title"), str) else item["id"]
            deadlines.setdefault(item["id"], (title, item.get("requires_model") is True))
    return PlanFacts(date_of(data.get("date")), deadlines)


def check_plan(doc: Document) -> list[Problem]:
    """Deadline ids unique; every date real; no deadline before the plan itself."""
    data = doc.data
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    plan_date = real_date(doc, ["date"], data.get("date"), problems)
    for index, deadline_id, line in repeated(doc, "deadlines", "id"):
        problems.append(
            doc.problem(
                ["deadlines", index, "id"],
                f"Mã hạn nộp “{deadline_id}” đã dùng cho hạn nộp ở dòng {line}: "
                "mỗi hạn nộp một mã riêng.",
            )
        )
    deadlines = data.get("deadlines")
    for index, item in enumerate(deadlines if isinstance(deadlines, list) else []):
        if not isinstance(item, dict):
            continue
        due = real_date(doc, ["deadlines", index, "due"], item.get("due"), problems)
        if due and plan_date and due < plan_date:
            problems.append(
                doc.problem(
                    ["deadlines", index, "due"],
                    f"Hạn chót {show(due)} trước ngày ban hành Kế hoạch ({show(plan_date)}): "
                    "kiểm tra lại ngày, tháng, năm.",
                )
            )
    return problems


def validate_plan(source: Source, schema_dir: Path = SCHEMA_DIR) -> tuple[Document, list[Problem]]:
    """Parse and check a plan file; the document and every problem in it."""
    doc = parse(source)
    problems = list(doc.problems)
    if doc.usable:
        schema = check(doc, "plan", schema_dir)
        more = schema + check_plan(doc) + check_text(doc, schema)
        problems += doc.not_refused(more)
    return doc, problems
