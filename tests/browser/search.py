"""Typing into the site's search box on a phone, and reading what it shows."""

from __future__ import annotations

import contextlib
import functools
import http.server
import threading
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

from tests.conftest import _QuietHandler

# Material's messages while the search worker prepares, and before anything is typed.
NOT_YET = ("Đang chuẩn bị tìm kiếm", "Nhập để bắt đầu tìm kiếm")

WATCH_SEARCH_WORKER = """(() => {
  if (window.__searchWorker) return;
  // Material's search worker messages: 2 a query (its text as data), 3 the results. The
  // worker answers in order: each result answers the oldest query not yet answered.
  const state = (window.__searchWorker = { waiting: [], answered: null });
  const Native = window.Worker;
  window.Worker = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", (event) => {
        if (event.data && event.data.type === 3) state.answered = state.waiting.shift() ?? null;
      });
    }
    postMessage(message, ...rest) {
      if (message && message.type === 2) state.waiting.push(message.data);
      return super.postMessage(message, ...rest);
    }
  };
})();"""
"""Run in every page before its own scripts (Playwright's init script, not subject to the
page's Content-Security-Policy): tells which query the results on screen answer."""

ANSWERED = """([notYet]) => {
  const state = window.__searchWorker;
  const input = document.querySelector("input.md-search__input");
  const meta = document.querySelector(".md-search-result__meta");
  return Boolean(state && input && meta) && state.waiting.length === 0
    && state.answered === input.value.trim()
    && !notYet.some((text) => meta.textContent.includes(text));
}"""
"""True once the worker has answered the query in the box, and nothing newer is asked."""


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
    page.add_init_script(WATCH_SEARCH_WORKER)
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
    # Each key may send a query to the search worker: wait for the answer to the last one,
    # then for the browser to have drawn it (two animation frames).
    try:
        page.wait_for_function(ANSWERED, arg=[list(NOT_YET)], timeout=timeout * 1000)
    except PlaywrightTimeoutError:
        raise AssertionError(
            f"no search results for {query!r} within {timeout} s: {_snapshot(page)}"
        ) from None
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
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
