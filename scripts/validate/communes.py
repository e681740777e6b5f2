"""The dated list of communes (data/communes.yml) and what it says about the schools.

The list is data, not code: adding or renaming a commune is an edit of that file. It is the
list in force when the plan was issued (2022), with the date it is valid for and its source,
because the communes of today are not those of 2022. Pure functions over parsed documents,
like scripts.validate.schools.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scripts.common.dates import parse_date, show
from scripts.common.problems import Problem
from scripts.common.schema.check import suggest_value
from scripts.common.yamlread import Document
from scripts.model import Commune, CommuneKind, CommuneList
from scripts.validate.schools import date_of, real_date, repeated


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


def build_communes(data: dict[str, Any]) -> CommuneList:
    """Plain values of a valid communes file → CommuneList."""
    source = data["source"]
    ended = data.get("ended_on")
    return CommuneList(
        district=data["district"],
        valid_on=parse_date(data["valid_on"]),
        ended_on=parse_date(ended) if ended else None,
        communes=tuple(
            Commune(item["name"], CommuneKind(item["kind"])) for item in data["communes"]
        ),
        source_title=source["title"],
        source_document=source["document"],
        source_url=source.get("url", ""),
    )


def summary(communes: CommuneList) -> str:
    """ "22 xã, thị trấn (danh sách ngày 12/4/2022)", for the validator's last line."""
    return f"{len(communes.communes)} xã, thị trấn (danh sách ngày {show(communes.valid_on)})"
