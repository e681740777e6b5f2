"""A school's page: its deadlines, its models, its public address and QR code."""

from __future__ import annotations

import re

import pytest

from scripts.load.guides import Guide
from scripts.load.publisher import unnamed
from scripts.render import site_paths as paths
from scripts.render.board.generate import GeneratedSite
from scripts.render.board.next_steps import NextStep
from scripts.render.board.school_page import school_page
from scripts.status.board import make_board
from tests.tracker_data import AS_OF, BOARD_SITE_URL, generated_board, small_dataset


@pytest.fixture
def board_site() -> GeneratedSite:
    return generated_board()


def test_school_page_has_its_deadlines_models_and_qr_code(board_site: GeneratedSite) -> None:
    page = board_site.pages[paths.school_page("th-binh-thanh")]
    assert page.count('<li data-deadline="') == 3
    assert "Đã nộp đúng hạn" in page and "Nộp trễ hạn &#40;2 ngày&#41;" in page
    assert "Chưa đến hạn" in page
    assert "Nhà trường thân thiện với phụ huynh" in page and "xây dựng mới" in page
    assert 'src="../../../tai-ve/qr/truong-th-binh-thanh.svg"' in page
    assert f"{BOARD_SITE_URL}tinh-hinh/truong/th-binh-thanh/" in page
    assert "Nguyễn Thị Hoa" in page
    assert 'search: {"exclude": true}' in page


def _steps() -> dict[str, NextStep]:
    guide = Guide("huong-dan/bao-cao.md", "Báo cáo 6 tháng và báo cáo năm", "", ("III.5",))
    return {
        "bao-cao-nam": NextStep(guide, (("tai-ve/mau/bao-cao-nam.docx", "Báo cáo năm 2022"),)),
        "bao-cao-6-thang": NextStep(guide, (("tai-ve/mau/bao-cao-6-thang.docx", "6 tháng"),)),
    }


def _page_with_steps() -> str:
    dataset = small_dataset()
    school = next(s for s in dataset.schools if s.id == "th-binh-thanh")
    board = make_board(dataset, AS_OF)
    return school_page(board, school, BOARD_SITE_URL, unnamed(), steps=_steps())


def test_the_page_answers_first_then_gives_the_details() -> None:
    page = _page_with_steps()
    order = [
        page.index("# Trường Tiểu học Bình Thạnh"),
        page.index("## Tình trạng các hạn nộp"),
        page.index('<ul class="tracker-deadlines">'),
        page.index("## Thông tin trường"),
        page.index('<dl class="tracker-facts">'),
        page.index("## Mô hình"),
        page.index('<div class="tracker-sheet">'),
    ]
    assert order == sorted(order)
    # The poster's anchor comes before all that it hides when the page is opened at it.
    assert page.index('<div class="tracker-poster-anchor" id="to-dan"></div>') < order[0]
    assert 'href="#to-dan"' in page and "tracker-print.js" in page


def test_a_deadline_not_met_links_to_its_guide_and_template_one_met_does_not() -> None:
    page = _page_with_steps()
    items = dict(re.findall(r'<li data-deadline="([^"]+)">(.*?)</li>', page))
    # Not yet due: what to do about it.
    assert (
        'href="../../../huong-dan/bao-cao/" title="Báo cáo 6 tháng và báo cáo năm"'
        in (items["bao-cao-nam"])
    )
    assert (
        'href="../../../tai-ve/mau/bao-cao-nam.docx" download="bao-cao-nam.docx"'
        in (items["bao-cao-nam"])
    )
    # Sent (late): nothing more to do, whatever the steps say.
    assert "Việc cần làm" not in items["bao-cao-6-thang"]
    assert "Mô hình: Nhà trường thân thiện với phụ huynh" in items["dang-ky-mo-hinh"]
