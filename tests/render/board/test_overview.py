"""The overview page (tinh-hinh/): numbers and bars per deadline, by level and by commune."""

from __future__ import annotations

import pytest

from scripts.common.markdown import escape
from scripts.render import site_paths as paths
from scripts.render.board.generate import GeneratedSite
from tests.tracker_data import generated_board


@pytest.fixture
def board_site() -> GeneratedSite:
    return generated_board()


def test_overview_has_numbers_bars_levels_and_communes(board_site: GeneratedSite) -> None:
    page = board_site.pages[paths.OVERVIEW]
    assert page.count('<svg class="tracker-bar"') >= 3
    assert "Đã nộp đúng hạn</span>: <strong>2</strong>" in page
    for level in ("MN", "MG", "TH", "TH&THCS", "THCS"):
        assert f">{escape(level)}</abbr>" in page
    for commune in ("Bình Thạnh", "Bình Thanh", "Châu Ổ", "Bình Đông", "Bình Hòa"):
        assert f'<td class="card-title">{commune}</td>' in page
    for download in (paths.CSV, paths.XLSX, paths.JSON, paths.ICS):
        assert f'href="../{download}" download=' in page
