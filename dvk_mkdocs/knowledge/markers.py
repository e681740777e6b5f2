"""What each `<!-- kb:NAME ARG -->` marker of a hand-written page becomes, in one build."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from scripts.common.markdown import escape
from scripts.common.vietnamese import format_date
from scripts.load import points
from scripts.load.glossary import used_in
from scripts.model import Deadline
from scripts.render.knowledge.calendar import calendar_table, deadline_note
from scripts.render.knowledge.documents import documents_index
from scripts.render.knowledge.glossary import glossary_page
from scripts.render.knowledge.links import relative
from scripts.render.knowledge.markers import MarkerError
from scripts.render.site_paths import TEMPLATES
from scripts.status.judge import DUE_RULE

if TYPE_CHECKING:
    from .plugin import KnowledgeBuild

CALENDAR = "lich/index.md"
TEMPLATE_DIR = TEMPLATES  # the status board links to the templates too


def handlers(state: KnowledgeBuild, src: str) -> dict[str, Callable[[str | None], str]]:
    """The marker handlers for the page `src` (links are relative to it)."""
    plan = state.plan

    def deadline(arg: str | None) -> Deadline:
        found = plan.deadline(arg or "")
        if found is None:
            ids = ", ".join(d.id for d in plan.deadlines)
            raise MarkerError(f"không có hạn nộp “{arg}” trong data/plan.yml (có: {ids})")
        return found

    def date(arg: str | None) -> str:
        return format_date(plan.date) if arg == "ke-hoach" else format_date(deadline(arg).due)

    def template(arg: str | None) -> str:
        found = next((t for t in state.templates if t.file == arg), None)
        if found is None:
            raise MarkerError(f"không có mẫu “{arg}” trong data/templates.yml")
        link = relative(src, TEMPLATE_DIR + found.filename)
        return f"[Tải mẫu: {escape(found.label)} (Word)]({link})"

    def all_templates(_: str | None) -> str:
        """Every Word template, each with the guide that says how to fill it in."""
        lines = []
        for found in state.templates:
            link = relative(src, TEMPLATE_DIR + found.filename)
            line = f"- [**{escape(found.label)}** (Word)]({link})"
            guide = next((g for g in state.guides if set(g.points) & set(found.points)), None)
            if guide is not None:
                line += f": cách làm ở trang [{escape(guide.title)}]({relative(src, guide.src)})"
            lines.append(line + ".")
        return "\n".join(lines) + "\n"

    def guides_index(_: str | None) -> str:
        lines = ["| Việc | Theo Kế hoạch |", "| --- | --- |"]
        for guide in state.guides:
            cited = ", ".join(
                f"[{p}]({relative(src, points.PLAN_PAGE)}#{points.anchor(p)})" for p in guide.points
            )
            lines.append(f"| [{escape(guide.title)}]({relative(src, guide.src)}) | {cited} |")
        return "\n".join(lines) + "\n"

    def ics(_: str | None) -> str:
        if not state.ics:
            return ""
        return f"[Tải các hạn nộp vào lịch của điện thoại (.ics)]({relative(src, state.ics)})\n"

    return {
        "van-ban": lambda _: documents_index(state.documents, src),
        "thuat-ngu": lambda _: glossary_page(
            state.glossary, used_in(state.glossary, state.plan_text)
        ),
        "lich": lambda _: calendar_table(plan, src, state.guides, state.status_pages),
        "tai-lich": ics,
        "huong-dan": guides_index,
        "ngay": date,
        "nam": lambda _: str(plan.date.year),  # the plan's year ("năm 2022"), not its date
        "han": lambda arg: deadline_note(
            deadline(arg), src, CALENDAR, state.status_pages.get(deadline(arg).id)
        ),
        "mau": template,
        "mau-tat-ca": all_templates,  # the downloads page (tinh-hinh/tai-ve/)
        "quy-tac-han": lambda _: escape(DUE_RULE),
    }
