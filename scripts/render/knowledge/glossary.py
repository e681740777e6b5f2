"""The glossary page: abbreviations of the plan, others used on the site, unclear ones."""

from __future__ import annotations

from scripts.common.markdown import escape
from scripts.load.glossary import Abbreviation, Glossary


def _table(items: list[Abbreviation]) -> list[str]:
    lines = ["| Viết tắt | Nghĩa | Ghi chú |", "| --- | --- | --- |"]
    lines += [f"| **{escape(a.term)}** | {escape(a.expansion)} | {escape(a.note)} |" for a in items]
    return lines


def glossary_page(glossary: Glossary, in_plan: set[str]) -> str:
    """Markdown for the glossary; `in_plan` holds the terms that occur in the plan's text."""
    ordered = sorted(glossary.abbreviations, key=lambda a: a.term.casefold())
    plan_terms = [a for a in ordered if a.term in in_plan]
    other_terms = [a for a in ordered if a.term not in in_plan]
    lines = ["## Trong Kế hoạch", "", *_table(plan_terms), ""]
    if other_terms:
        lines += ["## Dùng thêm trên trang này", "", *_table(other_terms), ""]
    if glossary.unclear:
        lines += ["## Chưa xác minh", ""]
        lines += [f"- **{escape(u.term)}**: {escape(u.note)}" for u in glossary.unclear]
        lines.append("")
    return "\n".join(lines)
