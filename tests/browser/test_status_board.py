"""The status board on a phone: filter the table of schools, open a school, download the files.

Expectations come from the site's own JSON export, so the tests hold for whatever data
the site is built from.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import Browser, Page, expect

from scripts.common.vietnamese import fold
from scripts.model import LEVELS
from scripts.status.judge import State
from tests.browser.conftest import PHONE


@pytest.fixture(scope="module")
def data(site_dir: Path) -> dict:
    return json.loads((site_dir / "tai-ve" / "tinh-hinh-nop.json").read_bytes())


def _visible_names(page: Page) -> list[str]:
    """The names of the rows shown, in order. Their text, not their text as drawn: a card
    off a phone's screen is drawn only when scrolled near (content-visibility: auto)."""
    cells = page.locator("table[data-tracker-table] tbody tr:visible td:first-child")
    return [text.strip() for text in cells.all_text_contents()]


def _matching(data: dict, query: str) -> set[str]:
    q = fold(query)
    return {s["name"] for s in data["schools"] if q in fold(s["name"]) or q in fold(s["commune"])}


def test_typing_binh_thanh_shows_only_the_matching_schools(
    phone_page: Page, site_url: str, data: dict
) -> None:
    phone_page.goto(site_url + "tinh-hinh/danh-sach/", wait_until="networkidle")
    total = len(data["schools"])
    expect(phone_page.locator("table[data-tracker-table] tbody tr")).to_have_count(total)
    expected = _matching(data, "binh thanh")
    assert 0 < len(expected) < total, "the data should hold some schools of Bình Thạnh, not all"

    phone_page.get_by_label("Tìm trường hoặc xã, thị trấn").fill("binh thanh")
    assert set(_visible_names(phone_page)) == expected
    expect(phone_page.locator("[data-tracker-count]")).to_have_text(
        f"Đang hiện {len(expected)} trên {total} trường."
    )
    assert any("Bình Thạnh" in name for name in expected) or any(
        s["commune"] == "Bình Thạnh" for s in data["schools"] if s["name"] in expected
    )
    # With diacritics, the other tone placement, capitals: the same schools.
    phone_page.get_by_label("Tìm trường hoặc xã, thị trấn").fill("BÌNH THẠNH")
    assert set(_visible_names(phone_page)) == expected
    phone_page.get_by_label("Tìm trường hoặc xã, thị trấn").fill("")
    expect(phone_page.locator("table[data-tracker-table] tbody tr:visible")).to_have_count(total)
    # Nothing wider than the phone: the table scrolls inside its box.
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_filter_by_level_and_state(phone_page: Page, site_url: str, data: dict) -> None:
    phone_page.goto(site_url + "tinh-hinh/danh-sach/", wait_until="networkidle")
    level = data["schools"][0]["level"]
    phone_page.get_by_label("Cấp học").select_option(level)
    assert set(_visible_names(phone_page)) == {
        s["name"] for s in data["schools"] if s["level"] == level
    }
    phone_page.get_by_label("Cấp học").select_option("")
    first = data["deadlines"][0]["id"]
    states = {s["deadlines"][first]["state"] for s in data["schools"]}
    state = sorted(states, key=lambda v: State(v).rank)[0]
    phone_page.get_by_label("Tình trạng").select_option(state)
    phone_page.get_by_label("của hạn nộp").select_option(index=1)
    assert set(_visible_names(phone_page)) == {
        s["name"] for s in data["schools"] if s["deadlines"][first]["state"] == state
    }


def test_columns_sort_with_the_keyboard(browser: Browser, site_url: str, data: dict) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    try:
        page = context.new_page()
        page.goto(site_url + "tinh-hinh/danh-sach/", wait_until="networkidle")
        names = [s["name"] for s in data["schools"]]  # the JSON lists schools in name order
        assert _visible_names(page) == names
        expect(page.get_by_label("Sắp xếp theo")).to_be_hidden()  # the headers do it here
        button = page.get_by_role("button", name="Trường")
        button.focus()
        page.keyboard.press("Enter")
        assert _visible_names(page) == names[::-1]
        header = page.locator("table[data-tracker-table] th").first
        expect(header).to_have_attribute("aria-sort", "descending")
        page.keyboard.press("Enter")
        assert _visible_names(page) == names
    finally:
        context.close()


def test_the_cards_sort_from_the_form_on_a_phone(
    phone_page: Page, site_url: str, data: dict
) -> None:
    """The headers are out of sight on a phone (cards): "Sắp xếp theo" sorts instead, and
    the hidden headers' buttons are out of the tab order."""
    phone_page.goto(site_url + "tinh-hinh/danh-sach/", wait_until="networkidle")
    names = [s["name"] for s in data["schools"]]
    order = phone_page.get_by_label("Sắp xếp theo")
    expect(order).to_be_visible()
    expect(order).to_have_value("0+")
    order.select_option(label="Trường (giảm dần)")
    assert _visible_names(phone_page) == names[::-1]
    header = phone_page.locator("table[data-tracker-table] th").first
    expect(header).to_have_attribute("aria-sort", "descending")
    order.select_option(label="Cấp học (tăng dần)")
    level = {s["name"]: s["level"] for s in data["schools"]}
    ranks = [LEVELS.index(level[name]) for name in _visible_names(phone_page)]
    assert ranks == sorted(ranks) and len(set(ranks)) > 1
    # Tab from the search box never lands on a header's button, out of sight.
    phone_page.get_by_label("Tìm trường hoặc xã, thị trấn").focus()
    for _ in range(8):
        phone_page.keyboard.press("Tab")
        assert phone_page.evaluate("document.activeElement.className") != "tracker-sort"


def test_the_table_works_without_javascript(browser: Browser, site_url: str, data: dict) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "tinh-hinh/danh-sach/")
        assert set(_visible_names(page)) == {s["name"] for s in data["schools"]}
        expect(page.locator("form[data-tracker-filter]")).to_be_hidden()
    finally:
        context.close()


def test_a_school_page_shows_its_state_for_each_deadline(
    phone_page: Page, site_url: str, data: dict
) -> None:
    phone_page.goto(site_url + "tinh-hinh/danh-sach/", wait_until="networkidle")
    phone_page.get_by_label("Tìm trường hoặc xã, thị trấn").fill("binh thanh")
    link = phone_page.locator("table[data-tracker-table] tbody tr:visible a").first
    name = (link.text_content() or "").strip()
    link.click()
    expect(phone_page.locator("h1")).to_contain_text(name)
    school = next(s for s in data["schools"] if s["name"] == name)
    assert phone_page.url == school["url"].replace(data_site(school), site_url)
    for deadline in data["deadlines"]:
        item = phone_page.locator(f"li[data-deadline='{deadline['id']}']")
        expect(item).to_contain_text(deadline["title"])
        expect(item).to_contain_text(school["deadlines"][deadline["id"]]["label"])
        expect(item.locator(".tracker-state")).to_be_visible()
    expect(phone_page.locator(".tracker-sheet__qr")).to_be_visible()
    expect(phone_page.get_by_text("Dữ liệu minh họa").first).to_be_visible()


def data_site(school: dict) -> str:
    """The site address the data was built for (site_url of mkdocs.yml)."""
    return school["url"].split("tinh-hinh/truong/")[0]


def test_downloads_from_the_overview_hold_every_school(
    phone_page: Page, site_url: str, data: dict, tmp_path: Path
) -> None:
    phone_page.goto(site_url + "tinh-hinh/", wait_until="networkidle")
    ids = {s["id"] for s in data["schools"]}

    with phone_page.expect_download() as csv_download:
        phone_page.get_by_role("link", name="Tệp CSV (.csv)").click()
    csv_path = tmp_path / csv_download.value.suggested_filename
    csv_download.value.save_as(csv_path)
    raw = csv_path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, for Excel on Windows"
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert {r["Mã trường"] for r in rows} == ids
    assert len(rows) == len(ids) * len(data["deadlines"])

    with phone_page.expect_download() as xlsx_download:
        phone_page.get_by_role("link", name="Bảng tính Excel (.xlsx)").click()
    assert xlsx_download.value.suggested_filename == "tinh-hinh-nop.xlsx"
    xlsx_path = tmp_path / "tinh-hinh-nop.xlsx"
    xlsx_download.value.save_as(xlsx_path)
    workbook = load_workbook(xlsx_path)
    for sheet in workbook.worksheets[: len(data["deadlines"])]:
        assert sheet["A1"].value.startswith("DỮ LIỆU MINH HỌA")  # the sample data says so
        assert {row[0] for row in sheet.iter_rows(min_row=3, values_only=True)} == ids
        assert sheet.auto_filter.ref and sheet.auto_filter.ref.startswith("A2:")


def _school_path(data: dict) -> str:
    school = data["schools"][0]
    return "tinh-hinh/truong/" + school["url"].rstrip("/").rsplit("/", 1)[-1] + "/"


@pytest.mark.parametrize(
    "path",
    ["tinh-hinh/danh-sach/", "tinh-hinh/mo-hinh/", "tinh-hinh/tai-ve/", "school", "deadline"],
)
def test_status_pages_have_no_serious_accessibility_violation(
    phone_page: Page, site_url: str, data: dict, path: str
) -> None:
    from tests.browser.test_accessibility import serious_violations

    if path == "school":
        path = _school_path(data)
    elif path == "deadline":
        path = f"tinh-hinh/han/{data['deadlines'][0]['id']}/"
    phone_page.goto(site_url + path, wait_until="networkidle")
    problems = serious_violations(phone_page)
    assert problems == [], "\n".join(problems)


def _decode(png: bytes) -> list[str]:
    import zxingcpp
    from PIL import Image

    return [result.text for result in zxingcpp.read_barcodes(Image.open(io.BytesIO(png)))]


def test_qr_codes_decode_to_the_public_addresses(
    phone_page: Page, site_url: str, data: dict
) -> None:
    """What a phone's camera reads from the codes: the site's address from site_url."""
    school = data["schools"][0]
    phone_page.goto(site_url + _school_path(data), wait_until="networkidle")
    qr = phone_page.locator(".tracker-sheet__qr")
    qr.scroll_into_view_if_needed()
    assert _decode(qr.screenshot()) == [school["url"]]
    base = data_site(school)
    phone_page.goto(site_url + "tinh-hinh/tai-ve/", wait_until="networkidle")
    codes = phone_page.locator(".tracker-qr img")
    expect(codes).to_have_count(2)
    found = []
    for i in range(2):
        codes.nth(i).scroll_into_view_if_needed()
        found += _decode(codes.nth(i).screenshot())
    assert found == [base + "ke-hoach/", base + "tinh-hinh/"]


def test_a_school_page_prints_its_status_on_one_a4_sheet(
    browser: Browser, site_url: str, data: dict
) -> None:
    """The status for each deadline, the address and the QR code, on one sheet (the
    notice-board poster prints apart, at #to-dan: tests/browser/test_print.py)."""
    from pypdf import PdfReader

    school = data["schools"][0]
    page = browser.new_page()
    try:
        page.goto(site_url + _school_path(data), wait_until="networkidle")
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    finally:
        page.close()
    assert len(pdf.pages) == 1, "the status fits on one sheet"
    text = "".join(pdf.pages[0].extract_text().split())
    assert "".join(school["name"].split()) in text
    assert school["url"] in text
    for state in school["deadlines"].values():
        assert "".join(state["label"].split()) in text
    assert "Việccầnlàm" not in text, "the screen's links to guides are not printed"


def test_site_search_finds_a_school_by_name_without_diacritics(
    browser: Browser, site_url: str, data: dict
) -> None:
    """Each school has a short entry in the search index (name, level, commune): typed
    without diacritics, its name finds its own page first."""
    from tests.browser.search import open_search, search

    folded = [fold(s["name"]) for s in data["schools"]]
    school = next(  # one whose name folds differently, and to no other school's name
        s
        for s, f in zip(data["schools"], folded, strict=True)
        if f != s["name"].lower() and folded.count(f) == 1
    )
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="vi-VN")
    try:
        page = context.new_page()
        open_search(page, site_url)
        results = search(page, fold(school["name"]))
        assert results and results[0].path == school["url"].split("/", 3)[3], results[:3]
        assert results[0].title == school["name"]
    finally:
        context.close()
