"""A reader types into the search box on a phone, with diacritics or without, and finds the
page: "dan van kheo" as well as "Dân vận khéo", "hoà" as well as "hòa", "d" for "đ".

These run against the site as built. tests/browser/test_search_fixture.py checks the
ranking on a small set of pages made for it.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import PHONE
from tests.browser.search import Result, nfc, open_search, search

PLAN = "ke-hoach/"


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


# A phrase as the site writes it, and ways a reader may type it.
SPELLINGS = {
    "Dân vận khéo": ["dan van kheo", "Dân vận khéo", "DÂN VẬN KHÉO", nfd("Dân vận khéo")],
    "Báo cáo 6 tháng": ["bao cao 6 thang", "Báo cáo 6 tháng"],
    "Bộ Chính trị": ["bo chinh tri", "Bộ Chính trị", "bộ chính trị"],
    # The plan writes "hóa" and "Ủy" (tone on the first vowel); readers also type "hoá", "Uỷ".
    "thể chế hóa": ["the che hoa", "thể chế hóa", "thể chế hoá"],
    "Ủy ban nhân dân": ["uy ban nhan dan", "Ủy ban nhân dân", "Uỷ ban nhân dân"],
}


@pytest.fixture(scope="module")
def search_page(browser: Browser, site_url: str) -> Iterator[Page]:
    """One phone, with the search box open on the home page, for the module's searches."""
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="vi-VN")
    page = context.new_page()
    open_search(page, site_url)
    yield page
    context.close()


@pytest.fixture(scope="module")
def found(search_page: Page) -> dict[str, list[Result]]:
    """What each spelling finds."""
    return {
        query: search(search_page, query) for spellings in SPELLINGS.values() for query in spellings
    }


def _lower(text: str) -> str:
    return nfc(text).lower()


@pytest.mark.parametrize("phrase", SPELLINGS)
def test_every_spelling_finds_the_same_pages_in_the_same_order(
    found: dict[str, list[Result]], phrase: str
) -> None:
    # Material renders results in pages of ten and adds more on scrolling: compare the first.
    lists = {query: [r.path for r in found[query]][:10] for query in SPELLINGS[phrase]}
    first = lists[SPELLINGS[phrase][0]]
    assert first, f"nothing found for {SPELLINGS[phrase][0]!r}"
    assert all(paths == first for paths in lists.values()), "\n".join(
        f"{q!r}: {p}" for q, p in lists.items()
    )


@pytest.mark.parametrize("phrase", SPELLINGS)
def test_the_first_result_is_a_page_that_says_it(
    found: dict[str, list[Result]], phrase: str
) -> None:
    results = found[SPELLINGS[phrase][0]]
    first = results[0]
    # Shown as the site writes it, diacritics and all, each word highlighted.
    assert _lower(phrase) in _lower(first.title + " " + first.text), first
    marked = {_lower(mark) for mark in first.marks}
    assert {_lower(word) for word in phrase.split()} <= marked, first.marks
    # The plan says each of these phrases: its page is always among the results.
    assert PLAN in [result.path for result in results]


def test_results_show_the_words_with_their_diacritics(found: dict[str, list[Result]]) -> None:
    first = found["dan van kheo"][0]
    assert "Dân vận khéo" in first.title
    assert {"Dân", "vận", "khéo"} <= set(first.marks)
    # Nothing folded is ever shown.
    assert "dan van kheo" not in _lower(first.title + first.text)


def test_words_a_result_lacks_are_shown_as_typed(search_page: Page) -> None:
    search(search_page, "Ủy ban nhân dân")
    lacking = search_page.locator(".md-search-result__terms del").all_text_contents()
    assert lacking, "no result lacks a word: pick a query some page half matches"
    assert set(lacking) <= {"Ủy", "ban", "nhân", "dân"}


def test_typing_d_for_dj_finds_the_same_as_dj(search_page: Page) -> None:
    with_d = search(search_page, "Dang ky mo hinh")
    with_dj = search(search_page, "Đăng ký mô hình")
    # The same pages, the same words of them highlighted.
    assert [(r.path, r.marks) for r in with_d] == [(r.path, r.marks) for r in with_dj]
    assert "đăng ký mô hình" in _lower(with_d[0].text)


def test_following_a_result_highlights_the_words_on_the_page(
    search_page: Page, site_url: str
) -> None:
    search(search_page, "bao cao 6 thang")
    search_page.locator(".md-search-result__item a").first.click()
    search_page.wait_for_load_state("networkidle")
    marks = search_page.locator("article mark[data-md-highlight]")
    expect(marks.first).to_be_visible()
    marked = " ".join(_lower(text) for text in marks.all_text_contents())
    assert "báo cáo" in marked
    assert "tháng" in marked
    # Back to the search box for the module's other tests.
    open_search(search_page, site_url)


def test_search_asks_no_other_host_and_logs_no_error(phone_page: Page, site_url: str) -> None:
    requests: list[str] = []
    errors: list[str] = []
    phone_page.on("request", lambda request: requests.append(request.url))
    phone_page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    phone_page.on("pageerror", lambda exc: errors.append(str(exc)))
    open_search(phone_page, site_url)
    assert search(phone_page, "Dân vận khéo")
    local = urlsplit(site_url).netloc
    assert [url for url in requests if urlsplit(url).netloc != local] == []
    assert any(url.endswith("lunr/min/lunr.vi.min.js") for url in requests)
    assert errors == []


@pytest.mark.parametrize("query", ["hạn nộp", "han nop"])
def test_han_nop_finds_the_deadlines_first(search_page: Page, query: str) -> None:
    assert search(search_page, query)[0].path == "lich/"


@pytest.mark.parametrize("query", ["Tiểu học Bình Thạnh", "tieu hoc binh thanh"])
def test_a_school_name_finds_the_school_page_first(search_page: Page, query: str) -> None:
    # Folded, "Bình Thạnh" and "Bình Thanh" are one word: both schools come first.
    results = search(search_page, query)
    first_two = {r.path: r.title for r in results[:2]}
    assert (
        first_two.get("tinh-hinh/truong/th-binh-thanh/") == "Trường Tiểu học Bình Thạnh (minh họa)"
    )
    assert all(path.startswith("tinh-hinh/truong/th-binh-th") for path in first_two)
