"""The plan's deadlines as a short Markdown list (home page, calendar)."""

from __future__ import annotations

from scripts.common.markdown import escape
from scripts.common.vietnamese import format_date
from scripts.model import Plan


def deadlines_list(
    plan: Plan, plan_link: str = "ke-hoach/index.md", status_url: str | None = None
) -> str:
    """One line per deadline: due date in bold, title, and the plan point that sets it.

    Links are relative Markdown links from the page the list is put on.
    """
    lines = []
    for deadline in sorted(plan.deadlines, key=lambda d: d.due):
        title = escape(deadline.title)
        if status_url:
            title = f"[{title}]({status_url}{deadline.id}/)"
        section_anchor = deadline.section.lower().replace(".", "-")
        lines.append(
            f"- **{format_date(deadline.due)}** — {title} "
            f"(mục [{escape(deadline.section)}]({plan_link}#{section_anchor}) của Kế hoạch)"
        )
    return "\n".join(lines) + "\n"
