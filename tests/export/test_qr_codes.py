"""QR codes: SVG images of the public address of a page."""

from __future__ import annotations

import pytest

from scripts.render import site_paths as paths
from scripts.render.board.generate import GeneratedSite
from tests.tracker_data import BOARD_SITE_URL, generated_board, late


@pytest.fixture
def board_site() -> GeneratedSite:
    return generated_board()


def test_qr_codes_are_svg_of_the_public_address(board_site: GeneratedSite) -> None:
    svg = late(board_site)[paths.school_qr("th-binh-thanh")]
    svg = svg.decode()
    assert svg.startswith("<svg") and 'viewBox="0 0' in svg
    assert f"<desc>{BOARD_SITE_URL}tinh-hinh/truong/th-binh-thanh/</desc>" in svg
