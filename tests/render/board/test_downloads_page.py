"""The downloads page: each file, and the JSON's fields and codes explained."""

from __future__ import annotations

import pytest

from scripts.common.markdown import escape
from scripts.render import site_paths as paths
from scripts.render.board.generate import GeneratedSite
from scripts.status.judge import State
from tests.tracker_data import generated_board


@pytest.fixture
def board_site() -> GeneratedSite:
    return generated_board()


def test_json_schema_is_documented_on_the_downloads_page(board_site: GeneratedSite) -> None:
    page = board_site.pages[paths.DOWNLOADS_PAGE]
    for field in ("schema_version", "as_of", "schools[].deadlines", "deadlines[].counts"):
        assert f"<code>{escape(field)}</code>" in page, field
    assert "Phiên bản cấu trúc hiện tại: **2**" in page
    for state in State:  # the codes machines read, each with its meaning
        assert f"<code>{state.value}</code> = {escape(state.label)}" in page
