"""The recent-changes page and the "Cập nhật dữ liệu" guide, on a phone, for everyone."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.test_accessibility import serious_violations

PAGES = ["tinh-hinh/cap-nhat/", "huong-dan/cap-nhat-du-lieu/"]


@pytest.mark.parametrize("path", PAGES)
def test_no_serious_accessibility_violation(phone_page: Page, site_url: str, path: str) -> None:
    phone_page.goto(site_url + path, wait_until="networkidle")
    problems = serious_violations(phone_page)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("path", PAGES)
def test_the_page_fits_a_phone_and_says_when_it_was_updated(
    phone_page: Page, site_url: str, path: str
) -> None:
    phone_page.goto(site_url + path, wait_until="networkidle")
    overflow = phone_page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"
    )
    assert overflow <= 0, "the page scrolls sideways on a phone"
    footer = phone_page.locator("aside.md-source-file").inner_text().lower()
    assert "cập nhật lần cuối" in footer or "ngày cập nhật" in footer


def test_the_guide_shows_the_field_reference_and_the_steps(phone_page: Page, site_url: str) -> None:
    phone_page.goto(site_url + "huong-dan/cap-nhat-du-lieu/", wait_until="networkidle")
    headings = phone_page.locator("article h3").all_inner_texts()
    assert any(h.startswith("Bước 4. Đọc kết quả kiểm tra") for h in headings)
    # The fields of a submission file first, then those of the register (and its old form).
    received = phone_page.locator('li:has(> strong > code:text-is("received"))')
    assert received.count() == 2
    assert "Ngày nhận (bắt buộc)" in received.first.inner_text()
    assert phone_page.get_by_role("link", name="Cập nhật gần đây").first.is_visible()


def test_the_recent_changes_page_links_its_feed(phone_page: Page, site_url: str) -> None:
    phone_page.goto(site_url + "tinh-hinh/cap-nhat/", wait_until="networkidle")
    feed = phone_page.get_by_role("link", name="nguồn tin Atom")
    response = phone_page.request.get(feed.evaluate("a => a.href"))
    assert response.ok
    assert "<feed" in response.text()
