"""The page of the registered "Dân vận khéo" models."""

from __future__ import annotations

import pytest

from scripts.render import site_paths as paths
from scripts.render.board.generate import GeneratedSite
from tests.tracker_data import generated_board


@pytest.fixture
def board_site() -> GeneratedSite:
    return generated_board()


def test_models_page_lists_each_model_with_school_and_kind(board_site: GeneratedSite) -> None:
    page = board_site.pages[paths.MODELS]
    assert "**3 mô hình** của **3 trường**" in page
    assert "2 xây dựng mới, 1 nhân rộng" in page
    assert "Góc dinh dưỡng cùng cha mẹ" in page and "Nhân rộng" in page
