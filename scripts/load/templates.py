"""Word templates (data/templates.yml), with their {placeholders} filled from the plan."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.common.vietnamese import format_date
from scripts.load.datafile import KnowledgeDataError, load_checked, problem_at
from scripts.model import Plan


@dataclass(frozen=True)
class Section:
    heading: str
    body: tuple[str, ...] = ()
    subsections: tuple[Section, ...] = ()


@dataclass(frozen=True)
class Header:
    parent: str
    unit: str
    place_date: str
    sign_note: str
    signer_name: str


@dataclass(frozen=True)
class Template:
    file: str
    label: str
    points: tuple[str, ...]
    number: str
    intro: tuple[str, ...]
    sections: tuple[Section, ...]
    closing: tuple[str, ...]
    recipients: tuple[str, ...]
    signer: str
    header: Header
    title: str | None = None
    subtitle: str | None = None
    subject_line: str | None = None
    addressee: str | None = None

    @property
    def filename(self) -> str:
        return f"{self.file}.docx"

    def headings(self) -> list[str]:
        """Section and subsection headings, in order (what a reader scans first)."""
        out = []
        for section in self.sections:
            out.append(section.heading)
            out.extend(sub.heading for sub in section.subsections)
        return out


def plan_values(plan: Plan) -> dict[str, Any]:
    """What the {placeholders} of a template stand for."""
    about = plan.title
    if about.startswith("Kế hoạch "):
        about = about.removeprefix("Kế hoạch ")
    return {
        "year": plan.date.year,
        "next_year": plan.date.year + 1,
        "plan_date": format_date(plan.date),
        "plan_issuer": plan.issuer,
        "plan_about": about,
        "due": {d.id: format_date(d.due) for d in plan.deadlines},
    }


def _fill(text: str, values: Mapping[str, Any]) -> str:
    return text.format_map(values)


def _section(raw: Mapping[str, Any], values: Mapping[str, Any]) -> Section:
    return Section(
        heading=_fill(raw["heading"], values),
        body=tuple(_fill(p, values) for p in raw.get("body", ())),
        subsections=tuple(_section(s, values) for s in raw.get("subsections", ())),
    )


def load_templates(path: Path, schema: Path, plan: Plan) -> tuple[Template, ...]:
    """Read data/templates.yml and fill it from the plan; an unknown {placeholder} is an error."""
    display = f"data/{path.name}"
    raw = load_checked(path, schema, display=display)
    values = plan_values(plan)
    problems = []
    templates = []
    try:
        header = Header(**{k: _fill(v, values) for k, v in raw["header"].items()})
    except (KeyError, ValueError, IndexError) as exc:
        raise KnowledgeDataError(
            [problem_at(path, ["header"], f"chỗ thay thế không hợp lệ: {exc}", display=display)]
        ) from exc
    for index, item in enumerate(raw["templates"]):
        try:
            templates.append(
                Template(
                    file=item["file"],
                    label=_fill(item["label"], values),
                    points=tuple(item["points"]),
                    number=_fill(item["number"], values),
                    intro=tuple(_fill(p, values) for p in item["intro"]),
                    sections=tuple(_section(s, values) for s in item["sections"]),
                    closing=tuple(_fill(p, values) for p in item["closing"]),
                    recipients=tuple(_fill(p, values) for p in item["recipients"]),
                    signer=_fill(item["signer"], values),
                    header=header,
                    title=item.get("title"),
                    subtitle=_fill(item["subtitle"], values) if "subtitle" in item else None,
                    subject_line=_fill(item["subject_line"], values)
                    if "subject_line" in item
                    else None,
                    addressee=_fill(item["addressee"], values) if "addressee" in item else None,
                )
            )
        except (KeyError, ValueError, IndexError) as exc:
            problems.append(
                problem_at(
                    path,
                    ["templates", index],
                    f"chỗ thay thế {{…}} không hợp lệ: {exc} (xem chú thích đầu tệp).",
                    display=display,
                )
            )
    files = [t.file for t in templates]
    for index, name in enumerate(files):
        if files.index(name) != index:
            problems.append(
                problem_at(
                    path,
                    ["templates", index, "file"],
                    f"tên tệp “{name}” bị trùng.",
                    display=display,
                )
            )
    if problems:
        raise KnowledgeDataError(problems)
    return tuple(templates)
