"""“Tìm trường của bạn” on a phone: type part of a name without diacritics, tap a school."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import quote

import pytest
from playwright.sync_api import Browser, Page, expect

from scripts.common.vietnamese import fold

SMALL_PHONE = {"width": 360, "height": 740}


@pytest.fixture
def small_phone(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(
        viewport=SMALL_PHONE, is_mobile=True, has_touch=True, locale="vi-VN"
    )
    page = context.new_page()
    yield page
    context.close()


def test_binh_thanh_without_diacritics_reaches_a_school_in_one_tap(
    small_phone: Page, site_url: str
) -> None:
    page = small_phone
    page.goto(site_url, wait_until="networkidle")
    finder = page.locator("[data-school-finder]")
    expect(finder.get_by_role("heading", name="Tìm trường của bạn")).to_be_visible()
    box = finder.get_by_role("searchbox")
    assert box.bounding_box()["y"] < SMALL_PHONE["height"]  # at the top: no scrolling
    box.tap()
    box.press_sequentially("binh thanh")
    results = finder.locator(".school-finder__school")
    expect(results.first).to_be_visible()
    names = results.locator(".school-finder__name").all_inner_texts()
    # Both "Bình Thạnh" and "Bình Thanh" match: diacritics typed or not.
    assert names and all("binh thanh" in fold(name) for name in names), names
    # Each match shows its state for every deadline beside it.
    first = results.first
    expect(first.locator(".school-finder__state")).to_have_count(3)
    expect(first.locator(".tracker-state").first).to_contain_text(
        re.compile("Đúng hạn|Trễ|Chưa nộp|Chưa đến hạn")
    )
    expect(finder.locator("[data-school-finder-count]")).to_contain_text("trường khớp")
    name = names[0]
    first.locator(".school-finder__name").tap()
    expect(page).to_have_url(re.compile(r"/tinh-hinh/truong/[a-z0-9-]+/$"))
    expect(page.locator("h1")).to_contain_text(name)


def test_a_query_that_matches_nothing_says_so(small_phone: Page, site_url: str) -> None:
    small_phone.goto(site_url + "tinh-hinh/", wait_until="networkidle")
    finder = small_phone.locator("[data-school-finder]")
    finder.get_by_role("searchbox").fill("khong co truong nao ten nay")
    expect(finder.locator("[data-school-finder-count]")).to_contain_text("Không có trường nào")
    expect(finder.locator(".school-finder__school")).to_have_count(0)


def test_the_finder_button_opens_the_list_filtered_by_the_words(
    small_phone: Page, site_url: str
) -> None:
    page = small_phone
    page.goto(site_url, wait_until="networkidle")
    finder = page.locator("[data-school-finder]")
    finder.get_by_role("searchbox").fill("binh thanh")
    finder.get_by_role("button", name="Tìm").tap()
    expect(page).to_have_url(re.compile(r"/tinh-hinh/danh-sach/\?q=binh\+thanh$"))
    expect(page.locator("#tracker-q")).to_have_value("binh thanh")
    rows = page.locator("table[data-tracker-table] tbody tr:not([hidden])")
    expect(rows.first).to_be_visible()
    # Text, not text as drawn: a card off the screen is drawn when scrolled near.
    shown = rows.locator("td:first-child").all_text_contents()
    everything = page.locator("table[data-tracker-table] tbody tr").count()
    assert 0 < len(shown) < everything
    assert all("binh thanh" in fold(row) for row in shown), shown


def test_the_list_takes_its_filters_from_the_address(small_phone: Page, site_url: str) -> None:
    page = small_phone
    page.goto(site_url + "tinh-hinh/danh-sach/?q=" + quote("Bình Thạnh") + "&cap=TH")
    expect(page.locator("#tracker-q")).to_have_value("Bình Thạnh")
    expect(page.locator("#tracker-level")).to_have_value("TH")
    expect(page.locator("[data-tracker-count]")).not_to_contain_text(
        re.compile(r"Đang hiện (\d+) trên \1 ")
    )


def test_without_javascript_the_finder_leads_to_the_list(browser: Browser, site_url: str) -> None:
    context = browser.new_context(viewport=SMALL_PHONE, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url)
        finder = page.locator("[data-school-finder]")
        finder.get_by_role("searchbox").fill("binh thanh")
        finder.get_by_role("button", name="Tìm").click()
        expect(page).to_have_url(re.compile(r"/tinh-hinh/danh-sach/\?q=binh\+thanh$"))
        expect(page.locator("h1")).to_contain_text("Danh sách các trường")
        page.go_back()
        finder.get_by_role("link", name="Xem danh sách tất cả các trường").click()
        expect(page).to_have_url(re.compile(r"/tinh-hinh/danh-sach/$"))
    finally:
        context.close()
