"""The documents the plan cites (data/documents.yml) as plain, immutable objects."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from scripts.common.problems import Problem
from scripts.common.vietnamese import format_date
from scripts.load.datafile import KnowledgeDataError, load_checked, problem_at


@dataclass(frozen=True)
class Citation:
    """One passage of the plan that cites the document, quoted as the plan page shows it."""

    point: str
    quote: str

    @property
    def fragments(self) -> tuple[str, ...]:
        """The quoted pieces; "…" marks what was left out between them."""
        return tuple(part.strip() for part in self.quote.split("…") if part.strip())


@dataclass(frozen=True)
class SchoolNote:
    """What the document means for a school, drawn from the plan's points."""

    text: str
    points: tuple[str, ...]
    guide: str | None = None


@dataclass(frozen=True)
class Verified:
    """Facts checked against a public source, with that source."""

    title: str
    source: str
    notes: tuple[str, ...] = ()


RELATIONS = {
    "can-cu": ("văn bản căn cứ", "Văn bản căn cứ: Kế hoạch được xây dựng để thực hiện văn bản này"),
    "quan-triet": (
        "Kế hoạch yêu cầu quán triệt",
        "Kế hoạch yêu cầu tiếp tục quán triệt và thể chế hóa văn bản này",
    ),
    "thuc-hien": (
        "Kế hoạch yêu cầu thực hiện",
        "Kế hoạch yêu cầu tiếp tục triển khai, thực hiện văn bản này",
    ),
    "nhac-den": ("Kế hoạch nêu tên", "Kế hoạch nêu tên văn bản này"),
}
"""How the plan cites a document (`relation` in data/documents.yml). Only "can-cu" is a
document the plan is based on ("Thực hiện …" in its opening): only those are labelled
"văn bản căn cứ"."""


@dataclass(frozen=True)
class CitedDocument:
    id: str
    kind: str
    citations: tuple[Citation, ...]
    for_schools: tuple[SchoolNote, ...]
    number: str | None = None
    name: str | None = None
    date: dt.date | None = None
    issuer: str | None = None
    subject_in_plan: str | None = None
    mentions: tuple[str, ...] = ()
    verified: Verified | None = None
    relation: str = "nhac-den"

    @property
    def is_basis(self) -> bool:
        """A document the plan is issued to carry out: the only kind called "văn bản căn cứ"."""
        return self.relation == "can-cu"

    @property
    def relation_label(self) -> str:
        """A few words for the index: "văn bản căn cứ", "Kế hoạch yêu cầu quán triệt"…"""
        return RELATIONS[self.relation][0]

    @property
    def relation_text(self) -> str:
        """A sentence for the document's page: how the plan cites it."""
        return RELATIONS[self.relation][1]

    @property
    def link_title(self) -> str:
        """The tooltip of a link to the document's page."""
        label = "Văn bản căn cứ" if self.is_basis else "Văn bản Kế hoạch nhắc đến"
        return f"{label}: {self.full_name}"

    @property
    def short_name(self) -> str:
        """ "Chỉ thị 33/CT-TTg", or the name the plan gives a document without a number."""
        return f"{self.kind} {self.number}" if self.number else str(self.name)

    @property
    def full_name(self) -> str:
        """ "Chỉ thị số 33/CT-TTg ngày 26/11/2021 của Thủ tướng Chính phủ", as the plan cites it."""
        if not self.number:
            return str(self.name)
        text = f"{self.kind} số {self.number}"
        if self.date:
            text += f" ngày {format_date(self.date)}"
        if self.issuer:
            text += f" của {self.issuer}"
        return text

    def mention_pattern(self) -> str:
        """A regular expression for every way a page may mention this document.

        A number may be preceded by its kind and "số" ("Chỉ thị số 33/CT-TTg"), which then
        belong to the mention. Documents without a number are mentioned by name.
        """
        if self.number:
            kind = re.escape(self.kind)
            return (
                rf"(?:(?i:{kind})\s+(?:(?i:số)\s+)?)?"
                rf"(?<![\w/-]){re.escape(self.number)}(?![\w/-])"
            )
        names = sorted(self.mentions, key=len, reverse=True)
        return r"(?<!\w)(?i:" + "|".join(re.escape(n) for n in names) + r")(?!\w)"


def _date(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def load_documents(path: Path, schema: Path) -> tuple[CitedDocument, ...]:
    """Read and check data/documents.yml; raise KnowledgeDataError with every problem."""
    raw = load_checked(path, schema, display=f"data/{path.name}")
    problems: list[Problem] = []
    documents = []
    seen: dict[str, int] = {}
    for index, item in enumerate(raw["documents"]):
        where: list[str | int] = ["documents", index]
        if item["id"] in seen:
            problems.append(
                problem_at(
                    path,
                    [*where, "id"],
                    f"mã “{item['id']}” bị trùng.",
                    display=f"data/{path.name}",
                )
            )
        seen[item["id"]] = index
        try:
            date = _date(item.get("date"))
        except ValueError:
            problems.append(
                problem_at(
                    path,
                    [*where, "date"],
                    f"ngày “{item['date']}” không có thật (viết NĂM-THÁNG-NGÀY).",
                    display=f"data/{path.name}",
                )
            )
            date = None
        verified = item.get("verified")
        documents.append(
            CitedDocument(
                id=item["id"],
                kind=item["kind"],
                relation=item["relation"],
                number=item.get("number"),
                name=item.get("name"),
                date=date,
                issuer=item.get("issuer"),
                subject_in_plan=item.get("subject_in_plan"),
                mentions=tuple(item.get("mentions", ())),
                verified=Verified(
                    title=verified["title"],
                    source=verified["source"],
                    notes=tuple(verified.get("notes", ())),
                )
                if verified
                else None,
                citations=tuple(Citation(c["point"], c["quote"]) for c in item["citations"]),
                for_schools=tuple(
                    SchoolNote(n["text"], tuple(n["points"]), n.get("guide"))
                    for n in item["for_schools"]
                ),
            )
        )
    if problems:
        raise KnowledgeDataError(problems)
    return tuple(documents)


def by_date(documents: tuple[CitedDocument, ...]) -> list[CitedDocument]:
    """Dated documents oldest first, then those the plan names without a number or date."""
    return sorted(documents, key=lambda d: (d.date is None, d.date or dt.date.min, d.short_name))
