"""The table of all schools, filtered in the browser with or without diacritics."""

from __future__ import annotations

import pytest

from scripts.render import site_paths as paths
from scripts.render.board.generate import GeneratedSite
from tests.tracker_data import generated_board


@pytest.fixture
def board_site() -> GeneratedSite:
    return generated_board()


def test_table_rows_carry_folded_text_for_the_filter(board_site: GeneratedSite) -> None:
    page = board_site.pages[paths.TABLE]
    assert page.count("<tr data-search=") == 5
    assert 'data-search="truong tieu hoc binh thanh / binh thanh"' in page
    assert 'data-search="truong mau giao binh dong / binh dong"' in page  # đ → d
    assert 'data-states="on_time late not_due"' in page
    assert "tracker-table.js" in page


def test_on_a_phone_each_row_is_a_card_with_each_deadline_labelled(
    board_site: GeneratedSite,
) -> None:
    page = board_site.pages[paths.TABLE]
    assert "<table data-tracker-table data-cards>" in page
    assert page.count('<td class="card-title" data-sort=') == 5
    for title in ("Đăng ký mô hình, điển hình “Dân vận khéo”", "Báo cáo 6 tháng", "Báo cáo năm"):
        assert page.count(f'card-lead" data-label="{title}"') == 5
