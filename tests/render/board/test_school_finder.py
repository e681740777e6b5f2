"""“Tìm trường của bạn”: its data file and its block, on the home page and the overview."""

from __future__ import annotations

import json

from scripts.load.dataset import load_dataset
from scripts.render import site_paths as paths
from scripts.render.board.page_markers import FINDER_MARKER, expand_markers
from scripts.render.board.school_finder import finder_block, search_entries
from tests.conftest import ROOT
from tests.tracker_data import generated_board


def test_the_data_file_lists_every_school_with_folded_text_and_states() -> None:
    site = generated_board()
    data = json.loads(site.files[paths.FINDER_DATA])
    assert data["deadlines"] == [d.title for d in site.board.deadlines]
    assert [row[0] for row in data["schools"]] == [s.id for s in site.board.schools]
    row = next(r for r in data["schools"] if r[1] == "Trường Tiểu học Bình Thạnh")
    assert row[3] == "truong tieu hoc binh thanh / binh thanh"
    assert row[4] == ["on_time", "late", "not_due"]
    assert row[5][0] == "Đúng hạn" and row[5][1].startswith("Trễ ")
    assert data["states"]["missing"]["label"] == "Chưa nộp (quá hạn)"


def test_the_block_works_as_a_form_to_the_list_and_links_from_its_page() -> None:
    home = finder_block("index.md")
    assert 'action="tinh-hinh/danh-sach/"' in home and 'name="q"' in home
    assert 'data-src="tinh-hinh/tim-truong.json"' in home
    assert 'data-school-url="tinh-hinh/truong/ID/"' in home
    assert 'src="assets/javascripts/school-finder.js" defer' in home
    overview = finder_block(paths.OVERVIEW)
    assert 'action="danh-sach/"' in overview and 'data-src="tim-truong.json"' in overview
    assert 'href="danh-sach/">Xem danh sách tất cả các trường' in overview


def test_the_marker_puts_the_block_on_the_page_and_the_overview_has_it() -> None:
    page = expand_markers(f"# Trang chủ\n\n{FINDER_MARKER}\n", load_dataset(ROOT / "data"))
    assert "Tìm trường của bạn" in page and FINDER_MARKER not in page
    assert "data-school-finder" in generated_board().pages[paths.OVERVIEW]


def test_search_entries_name_each_school_and_escape_its_text() -> None:
    site = generated_board()
    entries = search_entries(site.board)
    assert len(entries) == len(site.board.schools)
    entry = next(e for e in entries if e["location"] == "tinh-hinh/truong/th-binh-thanh/")
    assert entry == {
        "location": "tinh-hinh/truong/th-binh-thanh/",
        "title": "Trường Tiểu học Bình Thạnh",
        "text": "Tiểu học, Bình Thạnh",
    }
