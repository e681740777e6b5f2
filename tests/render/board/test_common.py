"""What every status page shares: the notice, the as-of date, badges, bars and front matter."""

from __future__ import annotations

import json
import re
from pathlib import Path

from scripts.load.communes import CURRENT_COMMUNES, load_communes
from scripts.model import Dataset
from scripts.render.board.common import (
    ICON,
    RAW_END,
    RAW_START,
    Cards,
    badge,
    bar,
    communes_note,
    counts_list,
    counts_table,
    front_matter,
    header,
    raw_block,
    table,
)
from scripts.status.board import Counts, make_board
from scripts.status.judge import State, Status
from tests.tracker_data import AS_OF, small_dataset

ROOT = Path(__file__).resolve().parents[3]


def test_the_header_says_sample_data_and_the_day_the_status_is_judged() -> None:
    text = header(make_board(small_dataset(), AS_OF), rule=True)
    assert '!!! warning "Dữ liệu minh họa"' in text
    assert '<time datetime="2022-06-01">01/6/2022</time>' in text
    assert "hết ngày đó" in text  # the due-date rule, when asked for
    dataset = small_dataset()
    real = Dataset(plan=dataset.plan, schools=dataset.schools, sample=False)
    assert "Dữ liệu minh họa" not in header(make_board(real, AS_OF))


def test_a_badge_says_the_state_in_words_and_an_icon_not_by_colour_alone() -> None:
    late = Status(State.LATE, days_late=3)
    # Parentheses are written as entities: Markdown never reads them as a link.
    assert badge(late).endswith(f"{ICON} Nộp trễ hạn &#40;3 ngày&#41;</span>")
    assert 'class="tracker-state tracker-state--late"' in badge(late)
    short = badge(late, short=True)
    assert "Trễ 3 ngày</span>" in short and 'title="Nộp trễ hạn &#40;3 ngày&#41;"' in short


def test_every_state_icon_is_drawn_by_the_style_sheet_not_by_a_font() -> None:
    """A phone without an emoji font showed "⏱" as an empty box: the icon is an SVG mask."""
    assert ICON == '<span class="tracker-state__icon" aria-hidden="true"></span>'
    for state in State:
        assert state.icon not in badge(Status(state, days_late=1))
    css = (ROOT / "docs/assets/stylesheets/tracker.css").read_text(encoding="utf-8")
    for state in State:
        rule = re.search(r"\.tracker-state--" + state.slug + r" \{\s*--tracker-icon: (.*?);", css)
        assert rule and rule.group(1) == f'url("../images/state-{state.slug}.svg")', state
        drawn = (ROOT / f"docs/assets/images/state-{state.slug}.svg").read_text(encoding="utf-8")
        assert (drawn.startswith("<svg ") and "<path" in drawn) or "<circle" in drawn, state


def test_a_table_with_cards_labels_each_line_and_marks_name_and_state() -> None:
    html = table(
        ["STT", "Trường", "Cấp học", "Tình trạng", "Ghi chú “a”"],
        [["1", "Trường A", "TH", "x", "y"]],
        label="t",
        numeric=(0,),
        cards=Cards(title=1, number=0, lead=(3,), meta=(2,)),
    )
    assert "<table data-cards>" in html
    assert '<td class="tracker-num card-number">1</td>' in html
    assert '<td class="card-title">Trường A</td>' in html
    assert '<td class="card-meta">TH</td>' in html
    assert '<td class="card-lead">x</td>' in html  # a lone state needs no label
    assert '<td data-label="Ghi chú “a”">y</td>' in html
    assert 'data-label="Trễ hạn"' in counts_table(
        [("MN", Counts({s: 1 for s in State}))], "Cấp học", "t"
    )


def test_a_bar_is_decorative_and_the_numbers_are_written_beside_it() -> None:
    counts = Counts({State.ON_TIME: 1, State.LATE: 1, State.MISSING: 2, State.NOT_DUE: 0})
    svg = bar(counts)
    assert 'aria-hidden="true"' in svg and "style=" not in svg  # the CSP allows no inline style
    assert svg.count("<rect") == 3  # no part for a state nobody is in
    assert 'width="50"' in svg and "<title>Chưa nộp &#40;quá hạn&#41;: 2</title>" in svg
    listed = counts_list(counts)
    assert "trên tổng số 4 trường" in listed
    assert "Đã nộp đúng hạn</span>: <strong>1</strong>" in listed


def test_front_matter_quotes_any_title_and_keeps_status_pages_out_of_search() -> None:
    text = front_matter('Trường "A": <b>', "Mô tả", extra_key=1)
    lines = text.strip().splitlines()
    assert lines[0] == lines[-1] == "---"
    meta = {line.split(": ", 1)[0]: json.loads(line.split(": ", 1)[1]) for line in lines[1:-1]}
    assert meta["title"] == "Trường &quot;A&quot;: &#60;b&#62;"  # Material writes it unescaped
    assert meta["search"] == {"exclude": True} and meta["extra_key"] == 1
    assert "search" not in front_matter("Danh sách", "…", searchable=True)


def test_a_raw_block_is_marked_once_even_when_nested() -> None:
    inner = raw_block("<table></table>")
    outer = raw_block(f"<div>{inner}</div>")
    assert outer.count(RAW_START) == outer.count(RAW_END) == 1


def test_the_communes_note_says_the_list_is_that_of_2022_not_today() -> None:
    note = communes_note(load_communes(CURRENT_COMMUNES))
    assert note.startswith("Xã, thị trấn theo danh sách năm 2022 của huyện Bình Sơn:")
    assert "22 xã, thị trấn đúng vào ngày 12/4/2022, không phải đơn vị hành chính hiện nay" in note
    assert note.endswith("(danh sách thôi dùng từ ngày 01/7/2025).")
    assert communes_note(None) == ""
