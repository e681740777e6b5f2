"""The communes file (data/communes.yml), and the check of every school's commune against it.

The list is data, not code: adding or renaming a commune is an edit of that file. It is the
list in force when the plan was issued (2022), with the date it is valid for and its source,
because the communes of today are not those of 2022. Rules a schema cannot say: each commune
once, real dates, the end after the start.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from scripts.common.dates import show
from scripts.common.problems import Problem
from scripts.common.project import SCHEMA_DIR
from scripts.common.schema.check import check
from scripts.common.schema.messages import suggest_value
from scripts.common.source import Source
from scripts.common.yamlread import Document, parse
from scripts.validate.text import check_text
from scripts.validate.values import date_of, real_date, repeated


@dataclass(frozen=True)
class CommuneFacts:
    """What the schools file is checked against, read from a list that may be broken."""

    names: tuple[str, ...]
    file: str
    """The list's file as messages name it, e.g. "data/communes.yml"."""
    year: int | None
    """The year the list is valid for, when its date can be read."""


def commune_facts(doc: Document) -> CommuneFacts | None:
    """The names in a communes document, as far as they can be read; None if unreadable."""
    data = doc.data
    if not doc.usable or not isinstance(data, dict) or not isinstance(data.get("communes"), list):
        return None
    names = tuple(
        dict.fromkeys(
            item["name"]
            for item in data["communes"]
            if isinstance(item, dict) and isinstance(item.get("name"), str)
        )
    )
    valid_on = date_of(data.get("valid_on"))
    return CommuneFacts(names, doc.name, valid_on.year if valid_on else None)


def check_communes(doc: Document) -> list[Problem]:
    """Each commune once; real dates, the end after the start."""
    data = doc.data
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    valid_on = real_date(doc, ["valid_on"], data.get("valid_on"), problems)
    ended_on = real_date(doc, ["ended_on"], data.get("ended_on"), problems)
    if valid_on and ended_on and ended_on <= valid_on:
        problems.append(
            doc.problem(
                ["ended_on"],
                f"Ngày danh sách thôi dùng ({show(ended_on)}) phải sau ngày danh sách đúng "
                f"({show(valid_on)}): kiểm tra lại hai ngày valid_on và ended_on.",
            )
        )
    for index, name, line in repeated(doc, "communes", "name"):
        problems.append(
            doc.problem(
                ["communes", index, "name"],
                f"“{name}” đã có trong danh sách ở dòng {line}: mỗi xã, thị trấn ghi một lần. "
                "Xóa mục thừa.",
            )
        )
    return problems


def check_school_communes(doc: Document, facts: CommuneFacts | None) -> list[Problem]:
    """Every school's commune is a name of the list (nothing to say if the list is broken)."""
    data = doc.data
    if facts is None or not facts.names or not isinstance(data, dict):
        return []
    schools = data.get("schools")
    known = frozenset(facts.names)
    problems: list[Problem] = []
    for index, school in enumerate(schools if isinstance(schools, list) else []):
        commune = school.get("commune") if isinstance(school, dict) else None
        if isinstance(commune, str) and commune not in known:
            problems.append(doc.problem(["schools", index, "commune"], _unknown(commune, facts)))
    return problems


def _unknown(commune: str, facts: CommuneFacts) -> str:
    shown = commune if len(commune) <= 60 else commune[:57] + "…"
    which = f"danh sách năm {facts.year}" if facts.year else "danh sách"
    return (
        f"Xã, thị trấn (commune) “{shown}” không có trong {which} ({facts.file})."
        f"{suggest_value(commune, list(facts.names))} Ghi đúng một tên trong danh sách, có "
        f"dấu, không ghi chữ “xã”: {', '.join(facts.names)}. Nếu xã, thị trấn chưa có trong "
        f"danh sách hay đã đổi tên, sửa {facts.file} trước."
    )


def validate_communes(
    source: Source, schema_dir: Path = SCHEMA_DIR
) -> tuple[Document, list[Problem]]:
    """Parse and check a communes file; the document and every problem in it."""
    doc = parse(source)
    problems = list(doc.problems)
    if doc.usable:
        schema = check(doc, "communes", schema_dir)
        more = schema + check_communes(doc) + check_text(doc, schema)
        problems += doc.not_refused(more)
    return doc, problems
