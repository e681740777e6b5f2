"""The downloads page leads with what teachers want; the data reference is a page of its own."""

from __future__ import annotations

import pytest

from scripts.common.markdown import escape
from scripts.render import site_paths as paths
from scripts.render.board.downloads_page import TEMPLATES_MARKER
from scripts.render.board.generate import GeneratedSite
from scripts.status.judge import State
from tests.tracker_data import generated_board


@pytest.fixture
def board_site() -> GeneratedSite:
    return generated_board()


def test_json_schema_is_documented_on_the_data_reference_page(board_site: GeneratedSite) -> None:
    page = board_site.pages[paths.DATA_REFERENCE]
    for field in ("schema_version", "as_of", "schools[].deadlines", "deadlines[].counts"):
        assert f"<code>{escape(field)}</code>" in page, field
    assert "Phiên bản cấu trúc hiện tại: **2**" in page
    for state in State:  # the codes machines read, each with its meaning
        assert f"<code>{state.value}</code> = {escape(state.label)}" in page
    assert "{#json}" in page and "{#csv}" in page


def test_the_downloads_page_starts_with_the_templates_then_excel(board_site: GeneratedSite) -> None:
    page = board_site.pages[paths.DOWNLOADS_PAGE]
    order = [
        page.index("## Mẫu văn bản Word"),
        page.index(TEMPLATES_MARKER),
        page.index("## Bảng tình hình nộp (Excel)"),
        page.index("## Lịch các hạn nộp"),
        page.index("## Cho người lập trình"),
    ]
    assert order == sorted(order)
    assert "<code>schema_version</code>" not in page  # the field table moved
    # The anchors published before the split still exist.
    for anchor in ("{#bang-tinh}", "{#lich}", "{#json}", "{#ma-qr}"):
        assert anchor in page, anchor
    assert "(du-lieu.md)" in page  # and #json leads on to the reference
