"""What a reader on a phone downloads: the first visit, then each further page.

The site is served as GitHub Pages serves it (gzip, 10-minute cache); the server counts
every byte it sends, headers included, whoever asked (the page or its search worker).
Budgets: under 150 KB for the first visit of the home page, scripts, styles and fonts
included; under 40 KB for each further page.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from tests.browser.conftest import PHONE
from tests.static_server import Traffic, serve

FIRST_VISIT_BUDGET = 150 * 1024
FURTHER_PAGE_BUDGET = 40 * 1024
FURTHER_PAGES = ["ke-hoach/", "tinh-hinh/", "tinh-hinh/truong/th-binh-thanh/"]
SETTLED = """async () => {
  const meta = document.querySelector(".md-search-result__meta");
  const ready = await navigator.serviceWorker.getRegistration();
  return Boolean(meta && meta.textContent.includes("Nhập để bắt đầu tìm kiếm"))
    && ready?.active?.state === "activated";
}"""
"""Search ready (Material's prompt replaces "Đang chuẩn bị tìm kiếm" once the worker has
its index) and the offline service worker installed and active."""


@pytest.fixture(scope="module")
def pages_server(site_dir: Path) -> Iterator[tuple[str, Traffic]]:
    with serve(site_dir) as server:
        yield server


def _weigh(page: Page, traffic: Traffic, url: str, label: str) -> int:
    traffic.take()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(url, wait_until="networkidle")
    # The search worker loads its index after the page, and the service worker installs:
    # wait until search is ready and the service worker active.
    page.wait_for_function(SETTLED, polling=100, timeout=10_000)
    sent = traffic.take()
    total = sum(size for _, size in sent)
    print(f"\n{label}: {total / 1024:.1f} KB trong {len(sent)} yêu cầu")
    for path, size in sorted(sent, key=lambda item: -item[1])[:8]:
        print(f"  {size / 1024:7.1f} KB  {path}")
    local = url.split("/", 3)[2]
    foreign = [u for u in requests if u.startswith("http") and u.split("/", 3)[2] != local]
    assert foreign == [], f"requests to other hosts: {foreign}"
    return total


def test_page_weight_on_a_phone(browser: Browser, pages_server: tuple[str, Traffic]) -> None:
    url, traffic = pages_server
    context = browser.new_context(viewport=PHONE, is_mobile=True, locale="vi-VN")
    try:
        page = context.new_page()
        first = _weigh(page, traffic, url, "Lần đầu mở trang chủ")
        assert first < FIRST_VISIT_BUDGET
        for path in FURTHER_PAGES:
            further = _weigh(page, traffic, url + path, f"Mở tiếp /{path}")
            assert further < FURTHER_PAGE_BUDGET, path
    finally:
        context.close()
