"""A first-time visitor on a phone: the home page and the plan load, locally, without errors."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect


def _visit(page: Page, url: str) -> tuple[list[str], list[str]]:
    """Open url; return every requested URL and every console error."""
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda exc: errors.append(str(exc)))
    page.goto(url, wait_until="networkidle")
    return requests, errors


@pytest.mark.parametrize("path", ["", "ke-hoach/"])
def test_page_opens_on_a_phone_with_no_third_party_request(
    phone_page: Page, site_url: str, path: str
) -> None:
    requests, errors = _visit(phone_page, site_url + path)
    local = urlsplit(site_url).netloc
    foreign = [
        u
        for u in requests
        if urlsplit(u).scheme in ("http", "https") and urlsplit(u).netloc != local
    ]
    assert foreign == [], f"requests to other hosts: {foreign}"
    assert errors == [], f"console errors: {errors}"
    body = phone_page.locator("article")
    expect(body).to_contain_text("Nâng cao hiệu quả công tác dân vận")
    expect(body).to_contain_text("15/5/2022")
    assert phone_page.evaluate("document.documentElement.lang") == "vi"
    # Nothing wider than the phone: no sideways scrolling.
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 375


def test_plan_title_and_deadline_on_the_plan_page(phone_page: Page, site_url: str) -> None:
    _visit(phone_page, site_url + "ke-hoach/")
    expect(phone_page.locator("h1")).to_contain_text("KẾ HOẠCH")
    expect(phone_page.locator("strong", has_text="trước ngày 15/5/2022")).to_be_visible()


def test_navigation_works_on_a_phone(phone_page: Page, site_url: str) -> None:
    _visit(phone_page, site_url)
    phone_page.locator("label.md-header__button[for='__drawer']").click()
    phone_page.locator(".md-nav--primary").get_by_role("link", name="Kế hoạch").first.click()
    expect(phone_page).to_have_url(site_url + "ke-hoach/")
