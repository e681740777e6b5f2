"""One page per deadline (tinh-hinh/han/<id>/): every school, its state, date and number."""

from __future__ import annotations

from scripts.common.vietnamese import format_date
from scripts.model import Deadline
from scripts.render import site_paths as paths
from scripts.render.board.common import (
    Cards,
    badge,
    bar,
    counts_list,
    date_or_blank,
    escape,
    front_matter,
    header,
    link,
    md_link,
    plan_anchor,
    raw_block,
    table,
)
from scripts.render.board.submission_form import many_page_path
from scripts.status.board import Board


def deadline_page(board: Board, deadline: Deadline, *, with_form: bool = False) -> str:
    src = paths.deadline_page(deadline.id)
    counts = board.counts(deadline)
    headers = ["STT", "Trường", "Cấp học", "Xã, thị trấn", "Tình trạng", "Ngày nhận", "Số văn bản"]
    if deadline.requires_model:
        headers.append("Mô hình “Dân vận khéo”")
    headers.append("Ghi chú")
    rows = []
    for i, school in enumerate(board.schools, start=1):
        status = board.status(school, deadline)
        sub = status.submission
        row = [
            str(i),
            link(paths.relative(src, paths.school_page(school.id)), escape(school.name)),
            escape(school.level),
            escape(school.commune),
            badge(status),
            date_or_blank(sub.received if sub else None),
            escape(sub.number) if sub else "",
        ]
        if deadline.requires_model:
            model = sub.model if sub else None
            row.append(f"{escape(model.name)} ({escape(model.kind.value)})" if model else "")
        row.append(escape(sub.note) if sub else "")
        rows.append(row)
    description = escape(deadline.description) if deadline.description else ""
    return "".join(
        [
            front_matter(
                deadline.title,
                f"Tình hình nộp “{deadline.title}” (hạn {format_date(deadline.due)}) "
                "của từng trường.",
            ),
            f"# {escape(deadline.title)}\n\n",
            header(board, rule=True),
            f"Hạn chót **{format_date(deadline.due)}**, mục "
            f"[{escape(deadline.section)}]"
            f"({md_link(src, paths.PLAN_PAGE, plan_anchor(deadline.section))}) của Kế hoạch"
            + (
                f" năm {board.dataset.plan.date.year}, ghi: “{description}”\n\n"
                if description
                else ".\n\n"
            ),
            raw_block(
                f'<div class="tracker-summary">\n{bar(counts)}\n{counts_list(counts)}\n</div>'
            ),
            f"## Từng trường ({len(board.schools)} trường)\n\n",
            f"Xếp theo tên trường. Để lọc và sắp xếp, dùng "
            f"[Danh sách các trường]({md_link(src, paths.TABLE)}); về "
            f"[Tình hình thực hiện]({md_link(src, paths.OVERVIEW)}).\n\n",
            (
                "Cán bộ nhận văn bản của nhiều trường cùng lúc: [ghi nhận nhiều trường]"
                f"({md_link(src, many_page_path(deadline.id))}) cho hạn này.\n\n"
                if with_form
                else ""
            ),
            table(
                headers,
                rows,
                label=f"Từng trường: {deadline.title}",
                numeric=(0,),
                cards=Cards(title=1, number=0, lead=(4,), meta=(2, 3)),
            ),
        ]
    )
