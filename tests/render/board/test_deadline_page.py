"""A deadline's page: every school with its state, the date received and the number."""

from __future__ import annotations

import pytest

from scripts.common.markdown import escape
from scripts.render import site_paths as paths
from scripts.render.board.generate import GeneratedSite
from tests.tracker_data import generated_board, small_dataset


@pytest.fixture
def board_site() -> GeneratedSite:
    return generated_board()


def test_deadline_page_lists_every_school_with_state_date_and_number(
    board_site: GeneratedSite,
) -> None:
    page = board_site.pages[paths.deadline_page("dang-ky-mo-hinh")]
    for school in small_dataset().schools:
        assert f">{escape(school.name)}</a>" in page
    assert "15/5/2022" in page and "15/KH-THBT" in page
    assert "Nộp trễ hạn &#40;1 ngày&#41;" in page
    assert "Nhà trường thân thiện với phụ huynh" in page
