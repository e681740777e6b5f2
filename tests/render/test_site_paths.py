"""Where generated pages and downloads live: one place, so pages, exports and QR codes agree."""

from __future__ import annotations

from scripts.render import site_paths as paths


def test_source_paths_become_directory_urls_as_mkdocs_writes_them() -> None:
    assert paths.url_of("tinh-hinh/index.md") == "tinh-hinh/"
    assert paths.url_of(paths.school_page("th-binh-thanh")) == "tinh-hinh/truong/th-binh-thanh/"
    assert paths.url_of("index.md") == ""
    assert paths.url_of(paths.CSV) == paths.CSV  # a file keeps its name


def test_relative_links_between_pages_and_files() -> None:
    school = paths.school_page("th-binh-thanh")
    assert paths.relative(school, paths.TABLE) == "../../danh-sach/"
    assert paths.relative(school, paths.school_qr("th-binh-thanh")) == (
        "../../../tai-ve/qr/truong-th-binh-thanh.svg"
    )
    assert paths.relative(paths.OVERVIEW, paths.OVERVIEW) == "./"


def test_absolute_addresses_for_qr_codes_and_exports() -> None:
    site = "https://vi-du.invalid/dan-van-kheo/"
    assert paths.absolute(site, paths.PLAN_PAGE) == f"{site}ke-hoach/"
    assert paths.absolute(site, paths.deadline_page("bao-cao-nam")) == (
        f"{site}tinh-hinh/han/bao-cao-nam/"
    )
