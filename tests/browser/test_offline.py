"""A teacher opens pages on a phone, loses the connection, and still reads what she opened.

The site's service worker (sw.js at the site root) keeps each page she opens and its styles
and scripts; with no network, a saved page opens again with a notice that it may be out of
date, and a page never opened shows a short Vietnamese page saying so. Most of these tests
serve a copy of the site under a sub-path (/nhanh/), as GitHub Pages serves a project site:
nothing may assume that "/" is the site's root.
"""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.browser.conftest import PHONE
from tests.browser.search import open_search, search
from tests.browser.search import serve as serve_directory

NOTICE = "Bạn đang xem bản đã lưu trên máy (không có mạng); tình hình có thể đã thay đổi."
SUB_PATH = "nhanh/"


@pytest.fixture(scope="module")
def copy_dir(site_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the built site under a sub-path, free to be edited by these tests."""
    served = tmp_path_factory.mktemp("offline")
    shutil.copytree(site_dir, served / SUB_PATH)
    return served


@pytest.fixture(scope="module")
def sub_url(copy_dir: Path) -> Iterator[str]:
    with serve_directory(copy_dir) as url:
        yield url + SUB_PATH


@pytest.fixture
def phone(browser: Browser) -> Iterator[tuple[BrowserContext, Page]]:
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="vi-VN")
    yield context, context.new_page()
    context.close()


def poll(page: Page, script: str, arg: object = None, timeout: float = 10.0) -> bool:
    """Evaluate script until it is true, or the timeout passes; True if it became true.

    Polled from here rather than with wait_for_function: when the first check fails,
    Playwright polls a string predicate in the page with eval, which the site's
    Content-Security-Policy refuses (no 'unsafe-eval'), and the test errs at random.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(script, arg):
        if time.monotonic() > deadline:
            return False
        page.wait_for_timeout(100)
    return True


def open_with_worker(page: Page, url: str) -> str:
    """Open url online; wait until the service worker runs and controls the page."""
    page.goto(url, wait_until="networkidle")
    if not poll(page, "navigator.serviceWorker.controller !== null"):
        raise AssertionError(f"no service worker controls {url}")
    return page.evaluate("navigator.serviceWorker.ready.then(r => r.scope)")


def wait_until_saved(page: Page, *urls: str, timeout: float = 10.0) -> None:
    """Wait until each address is in the phone's cache (the worker stores in the background)."""
    script = "urls => Promise.all(urls.map(u => caches.match(u))).then(r => r.every(Boolean))"
    if not poll(page, script, list(urls), timeout):
        raise AssertionError(f"not saved on the phone: {urls}")


def header_colour(page: Page) -> str:
    """The header's background: Material's CSS with the site's red (site.css) on top."""
    return page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")


def test_opened_pages_open_again_offline_with_styles_and_a_notice(
    phone: tuple[BrowserContext, Page], sub_url: str, copy_dir: Path
) -> None:
    context, page = phone
    assert open_with_worker(page, sub_url) == sub_url, "the worker covers the whole site"
    page.goto(sub_url + "ke-hoach/", wait_until="networkidle")
    wait_until_saved(page, sub_url, sub_url + "ke-hoach/", sub_url + "assets/stylesheets/site.css")
    expect(page.get_by_role("status")).to_have_count(0)

    context.set_offline(True)
    page.reload()
    expect(page.locator("h1").first).to_contain_text("KẾ HOẠCH")
    expect(page.locator("strong", has_text="trước ngày 15/5/2022")).to_be_visible()
    assert header_colour(page) == "rgb(183, 28, 28)", "styles of the saved page apply"
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") == (
        "sticky"
    )
    expect(page.get_by_role("status")).to_have_text(NOTICE)
    expect(page.get_by_role("status")).to_be_visible()

    # Tapping a link to the home page, opened before the worker was even installed.
    page.locator("label.md-header__button[for='__drawer']").click()
    page.locator(".md-nav--primary").get_by_role("link", name="Trang chủ").first.click()
    expect(page).to_have_url(sub_url)
    expect(page.locator("article")).to_contain_text("Nâng cao hiệu quả công tác dân vận")
    expect(page.get_by_role("status")).to_have_text(NOTICE)

    # Meanwhile a new build changed the plan page: online, the reader gets it at once.
    plan = copy_dir / SUB_PATH / "ke-hoach" / "index.html"
    original = plan.read_text(encoding="utf-8")
    plan.write_text(original.replace("trước ngày 15/5/2022", "trước ngày 16/5/2022"), "utf-8")
    try:
        context.set_offline(False)
        page.goto(sub_url + "ke-hoach/")
        page.reload()
        expect(page.locator("strong", has_text="trước ngày 16/5/2022")).to_be_visible()
        expect(page.locator(".offline-notice")).to_have_count(0)
        assert header_colour(page) == "rgb(183, 28, 28)"
    finally:
        plan.write_text(original, encoding="utf-8")


def test_a_page_never_opened_shows_the_offline_page(
    phone: tuple[BrowserContext, Page], sub_url: str
) -> None:
    context, page = phone
    open_with_worker(page, sub_url)
    # A data file opened online is shown, but not kept: only pages and their files are.
    page.goto(sub_url + "tai-ve/tinh-hinh-nop.json", wait_until="networkidle")
    # A page opened after it: once the worker has stored that page, it has long finished
    # with the file (it handles them in order), so the file would be stored by now.
    page.goto(sub_url + "lich/", wait_until="networkidle")
    wait_until_saved(page, sub_url, sub_url + "lich/")
    assert not page.evaluate(
        "u => caches.match(u).then(Boolean)", sub_url + "tai-ve/tinh-hinh-nop.json"
    )

    context.set_offline(True)
    page.goto(sub_url + "huong-dan/bao-cao/")
    expect(page).to_have_url(sub_url + "huong-dan/bao-cao/")
    expect(page.locator("h1")).to_have_text("Chưa mở được trang này")
    body = page.locator("body")
    expect(body).to_contain_text("không có kết nối mạng")
    expect(body).to_contain_text("chưa từng được mở trên máy này")
    assert page.evaluate("document.documentElement.lang") == "vi"

    # Its link leads to the site's home page (under the sub-path), saved on the first visit.
    page.get_by_role("link", name="Về trang chủ").click()
    expect(page).to_have_url(sub_url)
    expect(page.locator("article")).to_contain_text("Nâng cao hiệu quả công tác dân vận")


def test_search_works_with_the_worker_and_offline(
    phone: tuple[BrowserContext, Page], sub_url: str
) -> None:
    context, page = phone
    open_with_worker(page, sub_url)
    open_search(page, sub_url)  # reopened: the page and the search worker go through it
    assert any(r.path.endswith("ke-hoach/") for r in search(page, "dan van kheo"))
    wait_until_saved(page, sub_url + "search/search_index.json")

    context.set_offline(True)
    open_search(page, sub_url)
    assert any(r.path.endswith("ke-hoach/") for r in search(page, "Dân vận khéo"))


def test_the_worker_is_served_from_the_site_root(phone_page: Page, site_url: str) -> None:
    response = phone_page.request.get(site_url + "sw.js")
    assert response.ok
    assert "javascript" in response.headers["content-type"]
    assert "__SITE_VERSION__" not in response.text()
    assert open_with_worker(phone_page, site_url + "ke-hoach/") == site_url


def test_the_school_finder_works_offline_once_used(
    phone: tuple[BrowserContext, Page], sub_url: str
) -> None:
    context, page = phone
    open_with_worker(page, sub_url)
    page.reload(wait_until="networkidle")  # controlled now: the finder's list goes through it
    finder = page.locator("[data-school-finder]")
    finder.get_by_role("searchbox").fill("binh thanh")
    expect(finder.locator(".school-finder__school").first).to_be_visible()
    wait_until_saved(page, sub_url + "tinh-hinh/tim-truong.json")

    context.set_offline(True)
    page.reload()
    finder.get_by_role("searchbox").fill("binh thanh")
    expect(finder.locator(".school-finder__school").first).to_be_visible()
