"""The calendar of the plan's dates: issue date and deadlines, with links where they exist."""

from __future__ import annotations

from collections.abc import Mapping

from scripts.common.markdown import escape
from scripts.common.vietnamese import format_date
from scripts.load import points
from scripts.load.guides import Guide, guides_for
from scripts.model import Deadline, Plan
from scripts.render.knowledge.links import relative


def _guide_links(guides: list[Guide], from_src: str) -> str:
    return ", ".join(f"[{escape(g.title)}]({relative(from_src, g.src)})" for g in guides)


def calendar_table(
    plan: Plan,
    from_src: str,
    guides: list[Guide],
    status_pages: Mapping[str, str],
) -> str:
    """A table of dates, oldest first; on a phone, one block per date.

    `status_pages` maps a deadline id to the source path of its status page, for the
    deadlines that have one in this build; the column appears only when some do.
    """
    plan_link = relative(from_src, points.PLAN_PAGE)
    with_status = bool(status_pages)
    head = "| Ngày | Việc | Theo Kế hoạch | Hướng dẫn |"
    rule = "| --- | --- | --- | --- |"
    if with_status:
        head += " Tình hình |"
        rule += " --- |"
    rows = [head, rule]
    guidance = relative(from_src, "huong-dan/index.md")
    first = (
        f"| {format_date(plan.date)} | {escape(plan.issuer)} ban hành Kế hoạch "
        f"| [Toàn văn]({plan_link}) | [Các việc của trường]({guidance}) |"
    )
    rows.append(first + (" |" if with_status else ""))
    for deadline in sorted(plan.deadlines, key=lambda d: d.due):
        rows.append(_deadline_row(deadline, from_src, plan_link, guides, status_pages, with_status))
    # In a block of its own (md_in_html): below 600 px its rows stack (site.css).
    return '<div class="kb-calendar" markdown>\n\n' + "\n".join(rows) + "\n\n</div>\n"


def _deadline_row(
    deadline: Deadline,
    from_src: str,
    plan_link: str,
    guides: list[Guide],
    status_pages: Mapping[str, str],
    with_status: bool,
) -> str:
    point = (
        f"[{escape(points.label(deadline.section))}]({plan_link}#{points.anchor(deadline.section)})"
    )
    row = (
        f"| **{format_date(deadline.due)}** | Hạn: {escape(deadline.title)} "
        f"(gửi trước ngày {format_date(deadline.due)}) | {point} "
        f"| {_guide_links(guides_for(guides, deadline.section), from_src)} |"
    )
    if with_status:
        status = status_pages.get(deadline.id)
        row += f" [Trường nào đã nộp]({relative(from_src, status)}) |" if status else " |"
    return row


def deadline_note(
    deadline: Deadline, from_src: str, calendar_src: str, status_page: str | None
) -> str:
    """A short admonition for a guidance page: the deadline, from data/plan.yml."""
    plan_link = relative(from_src, points.PLAN_PAGE)
    point = (
        f"[{escape(points.label(deadline.section))}]({plan_link}#{points.anchor(deadline.section)})"
    )
    lines = [
        f'!!! danger "Hạn: trước ngày {format_date(deadline.due)}"',
        f"    {escape(deadline.title)} — Kế hoạch, {point}. "
        f"[Cách tính hạn và các mốc khác]({relative(from_src, calendar_src)}).",
    ]
    if status_page:
        lines[-1] += f" [Trường nào đã nộp]({relative(from_src, status_page)})."
    return "\n".join(lines) + "\n"
