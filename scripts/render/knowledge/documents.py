"""Markdown for the cited documents: one page each, and the index by date."""

from __future__ import annotations

import json

from scripts.common.markdown import escape
from scripts.common.vietnamese import format_date
from scripts.load import points
from scripts.load.documents import CitedDocument, by_date
from scripts.render.knowledge.links import relative

INDEX = "van-ban/index.md"
UNVERIFIED = "chưa xác minh"


def _yaml(text: str) -> str:
    """A YAML scalar for front matter (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def page_src(doc: CitedDocument) -> str:
    return f"van-ban/{doc.id}.md"


def guide_src(slug: str) -> str:
    return f"huong-dan/{slug}.md"


def _point_link(point: str, from_src: str) -> str:
    target = relative(from_src, points.PLAN_PAGE)
    return f"[{escape(points.label(point))}]({target}#{points.anchor(point)})"


def _points_text(point_list: tuple[str, ...], from_src: str) -> str:
    ordered = sorted(point_list, key=points.sort_key)
    return ", ".join(_point_link(p, from_src) for p in ordered)


def _facts(doc: CitedDocument) -> list[str]:
    cited = tuple(dict.fromkeys(c.point for c in doc.citations))
    rows = [
        ("Loại văn bản", escape(doc.kind)),
        (
            "Kế hoạch nhắc đến",
            f"{escape(doc.relation_text)} ({_points_text(cited, page_src(doc))})",
        ),
    ]
    if doc.number:
        rows.append(("Số, ký hiệu", escape(doc.number)))
        rows.append(("Ngày ban hành", format_date(doc.date) if doc.date else UNVERIFIED))
        rows.append(("Cơ quan ban hành", escape(doc.issuer or UNVERIFIED)))
    else:
        rows.append(("Số, ký hiệu", f"Kế hoạch không ghi — {UNVERIFIED}"))
        rows.append(("Ngày ban hành", f"Kế hoạch không ghi — {UNVERIFIED}"))
        rows.append(("Cơ quan ban hành", f"Kế hoạch không ghi — {UNVERIFIED}"))
    if doc.subject_in_plan:
        rows.append(("Trích yếu theo Kế hoạch", f"“{escape(doc.subject_in_plan)}”"))
    if doc.verified:
        rows.append(
            (
                "Tên văn bản (đã xác minh)",
                f"“{escape(doc.verified.title)}” — nguồn: <{doc.verified.source}>",
            )
        )
    else:
        rows.append(("Tên văn bản chính thức", f"**{UNVERIFIED}**"))
    lines = ["| Thông tin | Nội dung |", "| --- | --- |"]
    lines += [f"| {label} | {value} |" for label, value in rows]
    return lines


def document_page(doc: CitedDocument, plan_name: str) -> str:
    """The page of one document: what the plan says of it, what is verified, what it asks.

    `plan_name` names the citing plan, e.g. "Kế hoạch ngày 12/4/2022".
    """
    src = page_src(doc)
    title = doc.full_name
    lines = [
        "---",
        f"title: {_yaml(doc.short_name)}",
        "description: "
        + _yaml(f"{title}: những đoạn {plan_name} nhắc đến và điều đó có nghĩa gì với trường."),
        "---",
        "",
        f"# {escape(title)}",
        "",
        *_facts(doc),
        "",
    ]
    if doc.verified:
        lines += [
            f"- {escape(note)} (Nguồn: <{doc.verified.source}>.)" for note in doc.verified.notes
        ]
    else:
        lines.append(
            '!!! warning "Chưa xác minh"\n'
            "    Trang này chưa đối chiếu được văn bản với bản chính thức công khai. "
            f"Những gì ghi ở đây chỉ là những gì {plan_name} nói về văn bản; tên (trích yếu) "
            "và nội dung chính thức **chưa xác minh**."
        )
    lines += ["", "## Kế hoạch nhắc đến văn bản này ở đâu", ""]
    for citation in sorted(doc.citations, key=lambda c: points.sort_key(c.point)):
        lines += [
            f'!!! quote "Kế hoạch, {escape(points.label(citation.point))}"',
            f"    {escape(citation.quote)}",
            "",
            f"    {_point_link(citation.point, src)} trong toàn văn Kế hoạch.",
            "    { .plan-cite }",
            "",
        ]
    lines += ["## Điều này có nghĩa gì với trường", ""]
    for note in doc.for_schools:
        text = escape(note.text)
        if note.points:
            text += f" (Kế hoạch, {_points_text(note.points, src)}.)"
        if note.guide:
            text += f" Xem [hướng dẫn]({relative(src, guide_src(note.guide))})."
        lines += [f"- {text}"]
    lines += [
        "",
        "---",
        "",
        f"[Tất cả văn bản liên quan]({relative(src, INDEX)}) · "
        f"[Toàn văn Kế hoạch]({relative(src, points.PLAN_PAGE)})",
        "",
    ]
    return "\n".join(lines)


def documents_index(documents: tuple[CitedDocument, ...], from_src: str = INDEX) -> str:
    """A table of dated documents, oldest first, then a list of those named without a number.

    Three columns, so that the table fits a phone: the issuer and whether the official
    title is verified go under the document's name.
    """
    dated = [d for d in by_date(documents) if d.date]
    named = [d for d in by_date(documents) if not d.date]
    lines = ["| Ngày | Văn bản | Kế hoạch nhắc ở |", "| --- | --- | --- |"]
    for doc in dated:
        link = f"[{escape(doc.short_name)}]({relative(from_src, page_src(doc))})"
        title = "tên đã xác minh" if doc.verified else f"tên chính thức {UNVERIFIED}"
        cited = _points_text(tuple(dict.fromkeys(c.point for c in doc.citations)), from_src)
        date = format_date(doc.date) if doc.date else ""
        relation = f"**{doc.relation_label}**" if doc.is_basis else escape(doc.relation_label)
        lines.append(
            f"| {date} | {link}<br>{escape(doc.issuer or '')} · <small>{relation}; "
            f"{title}</small> | {cited} |"
        )
    if named:
        lines += ["", "Kế hoạch còn nêu tên, không ghi số và ngày:", ""]
        for doc in named:
            cited = _points_text(tuple(dict.fromkeys(c.point for c in doc.citations)), from_src)
            lines.append(
                f"- [{escape(doc.short_name)}]({relative(from_src, page_src(doc))}) "
                f"— Kế hoạch nhắc ở {cited}."
            )
    return "\n".join(lines) + "\n"


def nav_entries(documents: tuple[CitedDocument, ...]) -> list[dict[str, str]]:
    """Navigation entries for the document pages, in the index's order."""
    return [{doc.short_name: page_src(doc)} for doc in by_date(documents)]
