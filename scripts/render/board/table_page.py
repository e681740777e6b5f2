"""The table of all schools (tinh-hinh/danh-sach/), filterable and sortable in the browser.

Without JavaScript it is a plain table in name order. With it, the small script
docs/assets/javascripts/tracker-table.js shows the filter form and makes the column
headers sort buttons. The script needs no Vietnamese rules of its own: every row carries
its folded text (scripts.common.vietnamese.fold) and its sort positions, computed here.
"""

from __future__ import annotations

from scripts.common.vietnamese import fold, format_date, sort_key
from scripts.model import LEVEL_NAMES, LEVELS
from scripts.render import site_paths as paths
from scripts.render.board.common import (
    ICON,
    communes_label,
    communes_note,
    escape,
    front_matter,
    header,
    plain_label,
    raw_block,
    scroll_box,
)
from scripts.status.board import Board
from scripts.status.judge import State


def _options(pairs: list[tuple[str, str]], all_label: str) -> str:
    first = f'<option value="">{escape(all_label)}</option>'
    return first + "".join(f'<option value="{escape(v)}">{escape(t)}</option>' for v, t in pairs)


def filter_form(board: Board) -> str:
    levels = [lv for lv, _ in board.by_level()]
    level_options = [
        (lv, f"{lv} ({LEVEL_NAMES[lv]})" if lv in LEVEL_NAMES else lv) for lv in levels
    ]
    deadline_options = [
        (str(i), f"{d.title} ({format_date(d.due)})") for i, d in enumerate(board.deadlines)
    ]
    state_options = [(s.value, s.label) for s in State]
    total = len(board.schools)
    label = communes_label(board.dataset.communes)
    hint = (
        f'<small id="tracker-q-hint" class="tracker-filter__hint">{escape(label)}</small>'
        if label
        else ""
    )
    described = ' aria-describedby="tracker-q-hint"' if label else ""
    return (
        '<form class="tracker-filter" data-tracker-filter data-search-exclude hidden role="search" '
        'aria-label="Lọc danh sách các trường">\n'
        '<div class="tracker-filter__field tracker-filter__field--wide">'
        '<label for="tracker-q">Tìm trường hoặc xã, thị trấn</label>'
        '<input id="tracker-q" name="q" type="search" autocomplete="off" spellcheck="false" '
        f'placeholder="Ví dụ: binh thanh"{described}>{hint}</div>\n'
        '<div class="tracker-filter__field"><label for="tracker-level">Cấp học</label>'
        f'<select id="tracker-level" name="cap">{_options(level_options, "Tất cả")}</select>'
        "</div>\n"
        '<div class="tracker-filter__field"><label for="tracker-state">Tình trạng</label>'
        f'<select id="tracker-state" name="tinh-trang">{_options(state_options, "Tất cả")}'
        "</select></div>\n"
        '<div class="tracker-filter__field"><label for="tracker-deadline">của hạn nộp</label>'
        f'<select id="tracker-deadline" name="han">'
        f"{_options(deadline_options, 'Bất kỳ hạn nộp nào')}</select></div>\n"
        f'<p class="tracker-filter__count" role="status" aria-live="polite" '
        f"data-tracker-count>Đang hiện {total} trên {total} trường.</p>\n"
        "</form>\n"
    )


def table_page(board: Board) -> str:
    src = paths.TABLE
    communes = sorted({s.commune for s in board.schools}, key=sort_key)
    commune_rank = {c: i for i, c in enumerate(communes)}
    level_rank = {lv: i for i, lv in enumerate(LEVELS)}
    headers = (
        '<th scope="col" data-sort-type="name" aria-sort="ascending">Trường</th>'
        '<th scope="col">Cấp học</th>'
        '<th scope="col">Xã, thị trấn</th>'
        + "".join(
            f'<th scope="col">{escape(d.title)}<br><small>hạn {format_date(d.due)}</small></th>'
            for d in board.deadlines
        )
    )
    # On a phone each row is a card (tracker.css): the name, then each deadline's state
    # after its title, then level and commune on one line.
    labels = [plain_label(d.title) for d in board.deadlines]
    rows = []
    for i, school in enumerate(board.schools):
        statuses = [board.status(school, d) for d in board.deadlines]
        search = f"{fold(school.name)} / {fold(school.commune)}"  # no phrase spans both
        cells = [
            f'<td class="card-title" data-sort="{i}">'
            f'<a href="{paths.relative(src, paths.school_page(school.id))}">'
            f"{escape(school.name)}</a></td>",
            f'<td class="card-meta" data-sort="{level_rank.get(school.level, len(LEVELS))}">'
            f"{escape(school.level)}</td>",
            f'<td class="card-meta" data-sort="{commune_rank[school.commune]}">'
            f"{escape(school.commune)}</td>",
        ]
        for label, status in zip(labels, statuses, strict=True):
            state = status.state
            cells.append(
                f'<td class="tracker-state--{state.slug} card-lead" data-label="{label}" '
                f'data-sort="{state.rank * 100000 + status.days_late}">'
                f"{ICON} {escape(status.short_text)}</td>"
            )
        rows.append(
            f'<tr data-search="{escape(search)}" data-level="{escape(school.level)}" '
            f'data-states="{" ".join(s.state.value for s in statuses)}">{"".join(cells)}</tr>'
        )
    script = paths.relative(src, paths.TABLE_SCRIPT)
    note = communes_note(board.dataset.communes)
    return "".join(
        [
            front_matter(
                "Danh sách các trường",
                "Tất cả các trường và tình trạng nộp theo từng hạn: tìm theo tên trường, xã, "
                "thị trấn; lọc theo cấp học, tình trạng; sắp xếp theo cột.",
                searchable=True,
            ),
            "# Danh sách các trường\n\n",
            header(board),
            f"Bảng có **{len(board.schools)} trường**, xếp theo tên. Gõ tên trường hoặc tên xã, "
            "thị trấn, có dấu hay không dấu đều được (gõ “binh thanh” sẽ tìm thấy "
            "“Bình Thạnh”); chọn cấp học, tình trạng; bấm tiêu đề cột (trên điện thoại: "
            "ô “Sắp xếp theo”) để sắp xếp. Bấm tên trường để xem trang riêng của "
            "trường." + (f" {escape(note)}" if note else "") + "\n\n",
            raw_block(
                filter_form(board)
                + scroll_box("Danh sách các trường")
                + "\n<table data-tracker-table data-cards>\n"
                # The headers repeat the deadlines' titles: the search index needs the names only.
                + f"<thead data-search-exclude><tr>{headers}</tr></thead>\n<tbody>\n"
                + "\n".join(rows)
                + "\n</tbody>\n</table>\n</div>\n"
                + '<p class="tracker-filter__empty" data-tracker-empty hidden>'
                + "Không có trường nào khớp với điều kiện lọc.</p>\n"
                + f'<script src="{script}" defer></script>'
            ),
        ]
    )
