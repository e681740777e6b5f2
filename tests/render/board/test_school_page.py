"""A school's page: its deadlines, its models, its public address and QR code."""

from __future__ import annotations

import pytest

from scripts.render import site_paths as paths
from scripts.render.board.generate import GeneratedSite
from tests.tracker_data import BOARD_SITE_URL, generated_board


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
