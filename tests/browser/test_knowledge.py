"""A reader on a phone: abbreviations explain themselves on tap, document numbers lead to
their page, and the Word templates download."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect


def test_tapping_an_abbreviation_shows_its_meaning(phone_page: Page, site_url: str) -> None:
    phone_page.goto(site_url + "ke-hoach/", wait_until="networkidle")
    abbr = phone_page.locator(".plan-recipients abbr", has_text="MN").first
    abbr.scroll_into_view_if_needed()
    abbr.tap()
    tooltip = phone_page.locator(f"[id='{abbr.get_attribute('aria-describedby')}']")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("Mầm non")


def test_a_document_number_in_the_plan_leads_to_its_page(phone_page: Page, site_url: str) -> None:
    phone_page.goto(site_url + "ke-hoach/", wait_until="networkidle")
    phone_page.locator("#i-1").scroll_into_view_if_needed()
    phone_page.locator("a.doc-ref", has_text="33/CT-TTg").first.tap()
    expect(phone_page).to_have_url(site_url + "van-ban/chi-thi-33-ct-ttg/")
    expect(phone_page.locator("article h1")).to_contain_text("Chỉ thị số 33/CT-TTg")
    expect(phone_page.locator("article")).to_contain_text("chưa xác minh")


def test_template_downloads_from_the_guidance_page(phone_page: Page, site_url: str) -> None:
    phone_page.goto(site_url + "huong-dan/mo-hinh-dan-van-kheo/", wait_until="networkidle")
    link = phone_page.locator("article a", has_text="Tải mẫu").first
    with phone_page.expect_download() as download:
        link.click()
    assert download.value.suggested_filename == "dang-ky-mo-hinh.docx"
    path = download.value.path()
    with open(path, "rb") as file:
        assert file.read(2) == b"PK", "a .docx is a zip archive"
    # Nothing wider than the phone on a guidance page with tables and checklists.
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375


@pytest.mark.parametrize(
    "path",
    [
        "van-ban/",
        "van-ban/quyet-dinh-23-qd-tw/",
        "huong-dan/",
        "huong-dan/ke-hoach-cua-truong/",
        "huong-dan/bao-cao/",
        "lich/",
        "thuat-ngu/",
    ],
)
def test_knowledge_pages_fit_a_phone(phone_page: Page, site_url: str, path: str) -> None:
    requests: list[str] = []
    errors: list[str] = []
    phone_page.on("request", lambda request: requests.append(request.url))
    phone_page.on("pageerror", lambda exc: errors.append(str(exc)))
    phone_page.goto(site_url + path, wait_until="networkidle")
    local = urlsplit(site_url).netloc
    assert [u for u in requests if urlsplit(u).netloc not in (local, "")] == []
    assert errors == []
    expect(phone_page.locator("article h1")).to_be_visible()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375
