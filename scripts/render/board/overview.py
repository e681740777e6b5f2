"""The overview (tinh-hinh/): per deadline, how many schools are in each state."""

from __future__ import annotations

from scripts.common.vietnamese import format_date
from scripts.model import LEVEL_NAMES
from scripts.render import site_paths as paths
from scripts.render.board.common import (
    ICON,
    bar,
    communes_note,
    counts_list,
    counts_table,
    download_link,
    escape,
    front_matter,
    header,
    md_link,
    plan_anchor,
    raw_block,
)
from scripts.render.board.school_finder import finder_block
from scripts.status.board import Board
from scripts.status.judge import State

STATE_MEANING = {
    State.ON_TIME: "văn bản nhận được đến hết ngày hạn chót.",
    State.LATE: "văn bản nhận được sau hạn chót; ghi rõ trễ bao nhiêu ngày.",
    State.MISSING: "đã qua hạn chót mà chưa nhận được văn bản.",
    State.NOT_DUE: "chưa nhận được văn bản, nhưng hạn chót chưa qua.",
}


def legend() -> str:
    items = "\n".join(
        f'<li><span class="tracker-state tracker-state--{s.slug}">'
        f"{ICON} "
        f"{escape(s.label)}</span>: {escape(STATE_MEANING[s])}</li>"
        for s in State
    )
    return f'<ul class="tracker-legend">\n{items}\n</ul>\n'


def downloads_list(src: str, site_url: str) -> str:
    ics_web = paths.absolute(site_url, paths.ICS)
    webcal = "webcal://" + ics_web.split("://", 1)[-1]
    here = paths.DOWNLOADS_PAGE
    return (
        f"- {download_link('Bảng tính Excel (.xlsx)', src, paths.XLSX)}: mỗi hạn nộp một "
        "trang tính, có bộ lọc.\n"
        f"- {download_link('Tệp CSV (.csv)', src, paths.CSV)}: mỗi dòng là một trường với một hạn "
        "nộp; mở được bằng Excel, LibreOffice.\n"
        f"- {download_link('Tệp JSON (.json)', src, paths.JSON)} cho các hệ thống khác "
        f"([mô tả các mục dữ liệu]({md_link(src, paths.DATA_REFERENCE, 'json')})).\n"
        f"- {download_link('Lịch các hạn nộp (.ics)', src, paths.ICS)}: "
        f'<a href="{escape(webcal)}">theo dõi lịch trên điện thoại</a> '
        f"([cách làm]({md_link(src, here, 'lich')})).\n"
        f"- Mã QR: [của trang này]({md_link(src, paths.OVERVIEW_QR)}), "
        f"[của Kế hoạch]({md_link(src, paths.PLAN_QR)}).\n"
    )


def overview_page(board: Board, site_url: str) -> str:
    src = paths.OVERVIEW
    plan = board.dataset.plan
    n_schools = len(board.schools)
    parts = [
        front_matter(
            "Tình hình thực hiện",
            "Số trường đã nộp đúng hạn, nộp trễ, chưa nộp và chưa đến hạn, theo từng hạn nộp "
            "của Kế hoạch ngày 12/4/2022.",
        ),
        "# Tình hình thực hiện\n\n",
        header(board, rule=True),
        raw_block(finder_block(src)),  # “Tìm trường của bạn” (school_finder.py)
        f"Kế hoạch ngày {format_date(plan.date)} đặt {len(plan.deadlines)} hạn nộp cho "
        f"**{n_schools} trường**. Với mỗi hạn: bao nhiêu trường đã nộp đúng hạn, nộp trễ, "
        "chưa nộp hay chưa đến hạn, chia theo cấp học và theo xã, thị trấn.\n\n",
        f"- [Danh sách các trường]({md_link(src, paths.TABLE)}): tìm trường, lọc theo cấp "
        "học, tình trạng; bấm tên trường để xem trang riêng của trường.\n",
        f"- [Mô hình “Dân vận khéo” đã đăng ký]({md_link(src, paths.MODELS)})\n",
        f"- [Tải về]({md_link(src, paths.DOWNLOADS_PAGE)}): mẫu văn bản Word, bảng tính "
        "Excel, lịch các hạn nộp, mã QR.\n\n",
        "Ý nghĩa các tình trạng:\n\n",
        raw_block(legend()),
        "\n",
    ]
    levels = board.by_level()
    communes = board.by_commune()
    note = communes_note(board.dataset.communes)
    communes_intro = f'<p class="tracker-note">{escape(note)}</p>\n' if note else ""
    for deadline in plan.deadlines:
        counts = board.counts(deadline)
        parts.append(f"## {escape(deadline.title)} {{#{deadline.id}}}\n\n")
        parts.append(
            f"Hạn chót **{format_date(deadline.due)}**, mục "
            f"[{escape(deadline.section)}]"
            f"({md_link(src, paths.PLAN_PAGE, plan_anchor(deadline.section))}) "
            f"của Kế hoạch. [Xem từng trường]({md_link(src, paths.deadline_page(deadline.id))})"
            "\n\n"
        )
        parts.append(
            raw_block(
                f'<div class="tracker-summary">\n{bar(counts)}\n{counts_list(counts)}\n</div>'
            )
        )
        by_level = [
            (
                f'<abbr title="{escape(LEVEL_NAMES.get(level, level))}">{escape(level)}</abbr>',
                board.counts(deadline, schools),
            )
            for level, schools in levels
        ]
        by_commune = [(escape(name), board.counts(deadline, schools)) for name, schools in communes]
        parts.append(
            raw_block(
                '<details class="tracker-details" open>\n<summary>Theo cấp học</summary>\n'
                + counts_table(by_level, "Cấp học", f"Theo cấp học: {deadline.title}")
                + "</details>\n"
                + f'<details class="tracker-details">\n<summary>Theo xã, thị trấn '
                f"({len(communes)} xã, thị trấn)</summary>\n"
                + communes_intro
                + counts_table(by_commune, "Xã, thị trấn", f"Theo xã, thị trấn: {deadline.title}")
                + "</details>"
            )
        )
    parts.append("## Tải dữ liệu {#tai-du-lieu}\n\n")
    parts.append("Các tệp được tạo lại mỗi lần dựng trang, cùng số liệu với trang này.\n\n")
    parts.append(downloads_list(src, site_url))
    return "".join(parts)
