"""Typing into the site's search box on a phone, and reading what it shows."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
import time
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page

from tests.conftest import _QuietHandler

# Material's messages while the search worker prepares, and before anything is typed.
NOT_YET = ("Đang chuẩn bị tìm kiếm", "Nhập để bắt đầu tìm kiếm")


@dataclass(frozen=True)
class Result:
    """One page in the search results, as the reader sees it."""

    path: str  # the page's address on the site, e.g. "ke-hoach/"
    title: str
    text: str  # everything the result shows, its sections included
    marks: tuple[str, ...]  # the highlighted words


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """A built site served on 127.0.0.1, as a static host would."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def open_search(page: Page, site_url: str) -> None:
    """Open the site and tap the search button in the header, as on a phone."""
    page.goto(site_url, wait_until="networkidle")
    page.locator("label.md-header__button[for='__search']").click()


def _snapshot(page: Page) -> tuple[str, tuple[str, ...]]:
    meta = page.locator(".md-search-result__meta").inner_text()
    links = page.locator(".md-search-result__item > a").evaluate_all(
        "links => links.map(link => link.href)"
    )
    return meta, tuple(links)


def search(page: Page, query: str, timeout: float = 10.0) -> list[Result]:
    """Type query into the open search box, key by key, and return the results once settled.

    Keys that are not on a US keyboard arrive as text input with no key event, as from an
    input method; the final End key gives Material the key event it listens for.
    """
    box = page.locator("input.md-search__input")
    box.fill("")
    box.press_sequentially(query)
    box.press("End")
    # Each key sends a query to the search worker; wait until the last answer is shown and
    # has stayed for half a second.
    deadline = time.monotonic() + timeout
    seen: list[tuple[str, tuple[str, ...]]] = []
    while time.monotonic() < deadline:
        page.wait_for_timeout(250)
        seen = [*seen[-2:], _snapshot(page)]
        if len(seen) == 3 and len(set(seen)) == 1 and seen[0][0] not in NOT_YET:
            break
    else:
        raise AssertionError(f"search results for {query!r} did not settle: {seen[-1:]}")
    return _results(page)


def _results(page: Page) -> list[Result]:
    here = urlsplit(page.url)
    base = f"{here.scheme}://{here.netloc}/"
    items = page.locator(".md-search-result__item").evaluate_all(
        """items => items.map(item => ({
            href: item.querySelector("a").href,
            title: item.querySelector("h1").textContent,
            text: item.textContent,
            marks: Array.from(item.querySelectorAll("mark"), mark => mark.textContent),
        }))"""
    )
    return [
        Result(
            path=item["href"].removeprefix(base).split("?")[0].split("#")[0],
            title=item["title"].strip(),
            text=" ".join(item["text"].split()),
            marks=tuple(item["marks"]),
        )
        for item in items
    ]
