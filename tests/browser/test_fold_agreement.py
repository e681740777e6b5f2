"""The browser folds Vietnamese exactly as the Python core does (scripts/common/vietnamese.py).

The search worker and the page use docs/assets/javascripts/vietnamese-fold.js; what Python
and the tests call fold must give the same text for anything a reader may type or a page
may hold: both tone placements, "đ"/"Đ", capitals, decomposed (NFD) input.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from playwright.sync_api import Browser, Page

from scripts.common.vietnamese import fold


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


WORDS = [
    "Dân vận khéo",
    "hòa",
    "hoà",
    "HOÀ",
    "thủy",
    "thuỷ",
    "Thuỷ",
    "khỏe",
    "khoẻ",
    "Ủy ban",
    "Uỷ ban",
    "đ",
    "Đ",
    "Đăng ký",
    "ĐỘI NGŨ",
    "Quảng Ngãi",
    "ưu tiên",
    "ơn",
    "Ă Â Ê Ô Ơ Ư",
    nfd("Nghiêng"),
    nfd("Thư viện xanh"),
    "GD&ĐT",
    "23-QĐ/TW",
    "  Bình   Sơn\t\n",
    "năm 2022",
    "",
]

VOWELS = "aăâeêioôơuưy"
TONES = ["", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323"]
LETTERS = sorted(
    {unicodedata.normalize("NFC", v + t) for v in VOWELS + VOWELS.upper() for t in TONES}
    | set("bcdđghklmnpqrstvxBCDĐGHKLMNPQRSTVX")
)
COMBINING = [chr(code) for code in range(0x300, 0x370)]
OTHERS = list(" \t\n\u00a0-/&.,“”*0123456789")


@pytest.fixture(scope="module")
def js_page(browser: Browser, site_url: str) -> Iterator[Page]:
    page = browser.new_page()
    page.goto(site_url, wait_until="networkidle")
    yield page
    page.close()


def js_fold(page: Page, texts: list[str]) -> list[str]:
    return page.evaluate("texts => texts.map(text => self.vietnameseFold(text))", texts)


def test_both_fold_the_same_words_the_same_way(js_page: Page) -> None:
    assert js_fold(js_page, WORDS) == [fold(word) for word in WORDS]


def test_both_tone_placements_d_and_nfd_fold_together(js_page: Page) -> None:
    pairs = [("hòa", "hoà"), ("thủy", "thuỷ"), ("khỏe", "khoẻ"), ("Đội", "doi")]
    pairs.append((nfd("Dân vận khéo"), "dan van kheo"))
    for left, right in pairs:
        assert js_fold(js_page, [left, right]) == [fold(right)] * 2


@settings(max_examples=25, deadline=None)
@given(st.lists(st.text(st.sampled_from(LETTERS + COMBINING + OTHERS), max_size=12), max_size=40))
def test_both_agree_on_any_vietnamese_text(js_page: Page, texts: list[str]) -> None:
    assert js_fold(js_page, texts) == [fold(text) for text in texts]
