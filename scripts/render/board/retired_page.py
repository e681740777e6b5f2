"""The page at the address of a school taken off the list (`retired:` in data/schools.yml).

A school's address is printed on notice boards and in QR codes, so it must keep opening
after the school leaves the list (merged, closed, renamed with a new id). The page says
so in plain words and sends the reader to the list of schools; the history hook adds the
school's "Lịch sử cập nhật" (its name and every change, read from git) below.
"""

from __future__ import annotations

from scripts.render import site_paths as paths
from scripts.render.board.common import escape, front_matter, header, md_link
from scripts.status.board import Board

TITLE = "Trường không còn trong danh sách theo dõi"


def retired_school_page(board: Board, school_id: str) -> str:
    src = paths.school_page(school_id)
    return "".join(
        [
            front_matter(
                TITLE,
                f"Mã trường {school_id} đã được đưa ra khỏi danh sách theo dõi.",
                searchable=False,
            ),
            f"# {TITLE}\n\n",
            header(board, rule=False),
            f"Trường có mã <code>{escape(school_id)}</code> đã được đưa ra khỏi danh sách các "
            "trường được theo dõi trên trang này (ví dụ do sáp nhập, giải thể hoặc đổi mã), nên "
            "trang này không còn tình hình nộp văn bản. Mã này không được dùng lại cho trường "
            "khác. Việc của trường hiện nay, xin hỏi cơ quan quản lý giáo dục hiện nay của "
            "trường.\n\n",
            f"Xem [danh sách các trường]({md_link(src, paths.TABLE)}) hiện nay, hoặc "
            f"[tình hình thực hiện]({md_link(src, paths.OVERVIEW)}) chung.\n\n",
        ]
    )
