"""The page at the address of a school taken off the list: printed QR codes still open."""

from __future__ import annotations

from scripts.render import site_paths as paths
from scripts.render.board.retired_page import TITLE, retired_school_page
from scripts.status.board import make_board
from tests.tracker_data import AS_OF, RETIRED, small_dataset


def test_the_page_says_the_school_left_the_list_and_where_to_look() -> None:
    page = retired_school_page(make_board(small_dataset(), AS_OF), RETIRED)
    assert f"# {TITLE}" in page
    assert f"Trường có mã <code>{RETIRED}</code> đã được đưa ra khỏi danh sách" in page
    assert "Mã này không được dùng lại cho trường khác." in page
    # Markdown links from the school's own page (tinh-hinh/truong/<id>.md), checked by MkDocs.
    assert paths.school_page(RETIRED) == f"tinh-hinh/truong/{RETIRED}.md"
    assert "[danh sách các trường](../danh-sach.md)" in page
    assert "[tình hình thực hiện](../index.md)" in page


def test_it_never_sends_the_reader_to_the_former_office() -> None:
    page = retired_school_page(make_board(small_dataset(), AS_OF), RETIRED)
    assert "cơ quan quản lý giáo dục hiện nay của trường" in page
    assert "Phòng Giáo dục" not in page


def test_it_carries_the_sample_notice_and_stays_out_of_search() -> None:
    page = retired_school_page(make_board(small_dataset(), AS_OF), RETIRED)
    assert "Dữ liệu minh họa" in page
    assert 'search: {"exclude": true}' in page
