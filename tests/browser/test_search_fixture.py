"""Ranking on pages made for it: the right page first for each spelling a reader may type.

The site here has the real configuration (mkdocs.yml, its search settings, the theme, the
served JavaScript) and a handful of pages written to tell the right answer from near
misses: "Văn thư" next to "Dân vận khéo", "Kế hoạch" next to "Văn hóa", the new tone
placement ("Hoà", "thuỷ") next to the old ("khỏe", "Ủy"), a page stored decomposed (NFD).
"""

from __future__ import annotations

import shutil
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from mkdocs.config import load_config
from playwright.sync_api import Browser, Page

from tests.browser.conftest import PHONE
from tests.browser.search import nfc, open_search, search, serve
from tests.conftest import ROOT, build_site


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


PAGES = {
    "index.md": "# Trang thử tìm kiếm\n\nCác trang ở đây chỉ dùng để kiểm thử tìm kiếm.\n",
    "mo-hinh.md": (
        "# Mô hình “Dân vận khéo”\n\nMỗi trường đăng ký ít nhất một mô hình “Dân vận khéo” "
        "và báo cáo kết quả thực hiện.\n"
    ),
    "van-thu.md": (
        "# Văn thư và danh sách\n\nVăn thư vẫn lưu văn bản đến, văn bản đi và danh sách "
        "đăng ký. Người dân đến hỏi thì văn thư hướng dẫn, dán thông báo ở bảng tin.\n"
    ),
    "hoa-giai.md": (
        "# Hoà giải ở cơ sở\n\nTổ hoà giải gặp phụ huynh. Công trình thuỷ lợi gần trường "
        "được nhắc trong buổi hoà giải.\n"
    ),
    "suc-khoe.md": (
        "# Sức khỏe học sinh\n\nNhà trường theo dõi sức khỏe học sinh, phối hợp với trạm "
        "y tế và Ủy ban nhân dân xã.\n"
    ),
    "ke-hoach-truong.md": (
        "# Kế hoạch của trường\n\nKế hoạch hoạt động năm học: hoàn thành chỉ tiêu, đổi mới "
        "phương pháp, hoạch định kinh phí.\n"
    ),
    "van-hoa.md": (
        "# Văn hóa trường học\n\nXây dựng văn hóa trường học và thể chế hóa quy tắc ứng xử.\n"
    ),
    "doi-ngu.md": (
        "# Đội ngũ nhà giáo\n\nĐội ngũ giáo viên, nhân viên của trường được bồi dưỡng hằng năm.\n"
    ),
    "bao-cao.md": "# Báo cáo 6 tháng\n\nTrường gửi báo cáo 6 tháng trước ngày 30/5/2022.\n",
    # Stored decomposed: the index then holds "Thư" as "Thu" plus combining marks.
    "thu-vien.md": nfd("# Thư viện xanh\n\nThư viện xanh của trường mở cửa cả ngày thứ Bảy.\n"),
}

# What a reader types, and the page that must come first.
FIRST = [
    ("dan van kheo", "mo-hinh/"),
    ("Dân vận khéo", "mo-hinh/"),
    (nfd("Dân vận khéo"), "mo-hinh/"),
    ("hòa giải", "hoa-giai/"),
    ("hoà giải", "hoa-giai/"),
    ("hoa giai", "hoa-giai/"),
    ("thủy lợi", "hoa-giai/"),
    ("thuy loi", "hoa-giai/"),
    ("sức khoẻ", "suc-khoe/"),
    ("suc khoe", "suc-khoe/"),
    ("Uỷ ban nhân dân", "suc-khoe/"),
    ("văn hoá", "van-hoa/"),
    ("van hoa", "van-hoa/"),
    ("doi ngu", "doi-ngu/"),
    ("Đội ngũ", "doi-ngu/"),
    ("thu vien xanh", "thu-vien/"),
    ("Thư viện xanh", "thu-vien/"),
    ("bao cao 6 thang", "bao-cao/"),
]


def _title(page: str) -> str:
    return nfc(PAGES[page.rstrip("/") + ".md"].splitlines()[0].removeprefix("# "))


def write_fixture_site(where: Path) -> Path:
    """The site's configuration over the pages above; returns the mkdocs.yml to build."""
    docs = where / "docs"
    shutil.copytree(ROOT / "docs" / "assets", docs / "assets")
    for name, text in PAGES.items():
        (docs / name).write_text(text, encoding="utf-8")
    search_config = load_config(str(ROOT / "mkdocs.yml")).plugins["material/search"].config
    search_options = {key: value for key, value in search_config.items() if value not in (None, {})}
    config = {
        "INHERIT": str(ROOT / "mkdocs.yml"),
        "docs_dir": str(docs),
        "theme": {"custom_dir": str(ROOT / "overrides")},
        # The search plugin as the site sets it, and its checks (dvk-hardening), with no
        # page-making plugin.
        "plugins": [
            {"search": search_options},
            {"dvk-hardening": {"redirects": str(ROOT / "data" / "redirects.yml")}},
        ],
        "watch": [],
        "nav": list(PAGES),
        "not_in_nav": "",
    }
    path = where / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def fixture_page(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Page]:
    where = tmp_path_factory.mktemp("search-fixture")
    site = build_site(where / "site", write_fixture_site(where))
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="vi-VN")
    page = context.new_page()
    with serve(site) as url:
        open_search(page, url)
        yield page
    context.close()


@pytest.mark.parametrize(("query", "page"), FIRST)
def test_the_right_page_comes_first(fixture_page: Page, query: str, page: str) -> None:
    results = search(fixture_page, query)
    assert results, f"nothing found for {query!r}"
    assert results[0].path == page, [result.path for result in results]
    # Shown as the page writes it, even for the page stored decomposed.
    assert nfc(results[0].title) == _title(page)


def test_a_near_miss_is_still_found_after_the_right_page(fixture_page: Page) -> None:
    paths = [result.path for result in search(fixture_page, "dan van kheo")]
    # "Văn thư… người dân" has two of the three words, apart: found, but after.
    assert paths.index("mo-hinh/") < paths.index("van-thu/")
