"""Everything the status board adds to a build: each page and file, the nav, the notices."""

from __future__ import annotations

import pytest

from scripts.render import site_paths as paths
from scripts.render.board.generate import GeneratedSite, generate
from tests.tracker_data import (
    AS_OF,
    BOARD_SITE_URL,
    RETIRED,
    generated_board,
    generated_hostile_board,
    late,
    small_dataset,
)


@pytest.fixture
def board_site() -> GeneratedSite:
    return generated_board()


@pytest.fixture
def hostile_board() -> GeneratedSite:
    return generated_hostile_board()


def test_every_page_and_file_is_generated(board_site: GeneratedSite) -> None:
    schools = small_dataset().schools
    expected_pages = {
        paths.OVERVIEW,
        paths.TABLE,
        paths.MODELS,
        paths.DOWNLOADS_PAGE,
        paths.DATA_REFERENCE,
        *(paths.deadline_page(d.id) for d in small_dataset().plan.deadlines),
        *(paths.school_page(s.id) for s in schools),
        paths.school_page(RETIRED),  # a retired school's address keeps opening
    }
    assert set(board_site.pages) == expected_pages
    ids = [s.id for s in schools] + [RETIRED]
    assert set(board_site.late) == {paths.XLSX, *(paths.school_qr(i) for i in ids)}
    assert set(late(board_site)) == set(board_site.late)
    assert {paths.CSV, paths.JSON, paths.ICS, paths.PLAN_QR, paths.OVERVIEW_QR} <= set(
        board_site.files
    )
    assert board_site.nav[0] == paths.OVERVIEW
    assert not any("/truong/" in page for page in board_site.nav), (
        "school pages stay out of the nav"
    )


def test_every_page_says_sample_data_and_the_as_of_date(board_site: GeneratedSite) -> None:
    for src, page in board_site.pages.items():
        assert "Dữ liệu minh họa" in page, src
        assert "01/6/2022" in page, src


def test_no_sample_notice_for_real_data() -> None:
    dataset = small_dataset()
    real = type(dataset)(plan=dataset.plan, schools=dataset.schools, sample=False)
    pages = generate(real, AS_OF, BOARD_SITE_URL).pages
    assert not any("Dữ liệu minh họa" in page for page in pages.values())


def test_hostile_text_never_reaches_a_page_as_markup(hostile_board: GeneratedSite) -> None:
    for src, page in hostile_board.pages.items():
        body = page.split("\n---\n", 1)[1]
        assert "<script>" not in body, src
        assert "](javascript" not in body, src
        assert 'href="javascript' not in body, src
        assert "=HYPERLINK(" not in body, src  # written as &#40; … as text
