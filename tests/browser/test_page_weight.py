"""What a reader on a phone downloads: the first visit, then each further page.

The site is served as GitHub Pages serves it (gzip, 10-minute cache); the server counts
every byte it sends, headers included, whoever asked (the page or its search worker).
Budgets: at most 80 KB for the first visit of the home page, scripts, styles and fonts
included; at most 15 KB for each further page. Search (its index and worker) loads only when
the reader opens it: its weight is printed apart.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import PHONE
from tests.static_server import Traffic, serve

FIRST_VISIT_BUDGET = 80 * 1024
FURTHER_PAGE_BUDGET = 15 * 1024
FURTHER_PAGES = ["ke-hoach/", "tinh-hinh/", "tinh-hinh/truong/th-binh-thanh/"]
SETTLED = """async () => {
  const ready = await navigator.serviceWorker.getRegistration();
  return ready?.active?.state === "activated";
}"""
"""The offline service worker installed and active (it stores the offline page)."""
SEARCH_READY = """() => {
  const meta = document.querySelector(".md-search-result__meta");
  return Boolean(meta && meta.textContent.includes("Nhập để bắt đầu tìm kiếm"));
}"""
"""Search ready: Material's prompt replaces "Đang chuẩn bị tìm kiếm" once the worker has
its index."""
SEARCH_FILES = ("search/search_index.json", "workers/search.")


@pytest.fixture(scope="module")
def pages_server(site_dir: Path) -> Iterator[tuple[str, Traffic]]:
    with serve(site_dir) as server:
        yield server


def _report(label: str, sent: list[tuple[str, int]]) -> int:
    total = sum(size for _, size in sent)
    print(f"\n{label}: {total / 1024:.1f} KB trong {len(sent)} yêu cầu")
    for path, size in sorted(sent, key=lambda item: -item[1]):
        print(f"  {size / 1024:7.1f} KB  {path}")
    return total


def _weigh(page: Page, traffic: Traffic, url: str, label: str) -> int:
    traffic.take()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    # The service worker installs after the page: wait until it is active.
    page.wait_for_function(SETTLED, polling=100, timeout=10_000)
    sent = traffic.take()
    local = url.split("/", 3)[2]
    foreign = [u for u in requests if u.startswith("http") and u.split("/", 3)[2] != local]
    assert foreign == [], f"requests to other hosts: {foreign}"
    searched = [path for path, _ in sent if any(part in path for part in SEARCH_FILES)]
    assert searched == [], f"search loaded before the reader opened it: {searched}"
    return _report(label, sent)


def test_page_weight_on_a_phone(browser: Browser, pages_server: tuple[str, Traffic]) -> None:
    url, traffic = pages_server
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="vi-VN")
    try:
        page = context.new_page()
        first = _weigh(page, traffic, url, "Lần đầu mở trang chủ")
        assert first <= FIRST_VISIT_BUDGET
        for path in FURTHER_PAGES:
            further = _weigh(page, traffic, url + path, f"Mở tiếp /{path}")
            assert further <= FURTHER_PAGE_BUDGET, path
        # Opening search loads it, once: its index and worker, then the answers.
        page.locator("label.md-header__button[for='__search']").click()
        page.wait_for_function(SEARCH_READY, polling=100, timeout=10_000)
        sent = traffic.take()
        _report("Mở ô tìm kiếm lần đầu", sent)
        loaded = [path for path, _ in sent]
        assert any("search_index.json" in path for path in loaded), loaded
        assert any("workers/search." in path for path in loaded), loaded
    finally:
        context.close()
