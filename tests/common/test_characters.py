"""Invisible characters and odd spaces: refused in every data file, on their own column."""

from __future__ import annotations

import json
import sys
import unicodedata

import pytest

from scripts.common.characters import (
    FORMAT_RANGES,
    INVISIBLE_RANGES,
    REFUSED,
    as_typed,
    canonical,
    describe,
)
from scripts.common.source import Source
from scripts.common.yamlread import parse
from scripts.validate.text import text_rules


def _cf_ranges() -> list[tuple[int, int]]:
    ranges: list[tuple[int, int]] = []
    for code in range(sys.maxunicode + 1):
        if unicodedata.category(chr(code)) == "Cf":
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1] = (ranges[-1][0], code)
            else:
                ranges.append((code, code))
    return ranges


def test_the_format_characters_are_unicode_category_cf() -> None:
    assert list(FORMAT_RANGES) == _cf_ranges(), "a newer Unicode: update FORMAT_RANGES"


@pytest.mark.parametrize(
    "char", ["\u200d", "\u200c", "\u2060", "\u00ad", "\u061c", "\u3164", "\u115f", "\u2800"]
)
def test_each_character_of_the_issue_is_refused_on_its_column(char: str) -> None:
    doc = parse(Source("data/glossary.yml", f"term: Dân{char} vận\n".encode()))
    (problem,) = doc.problems
    assert (problem.line, problem.column) == (1, 10)
    assert f"U+{ord(char):04X}" in problem.message
    assert "ở cột 10" in problem.message
    assert doc.data == {"term": f"Dân{char} vận"}  # still read: the other checks go on


def test_the_message_names_the_character() -> None:
    assert describe("\u200d") == "“ZERO WIDTH JOINER” (ký tự nối không độ rộng, U+200D)"
    assert describe("\u00a0") == "“NO-BREAK SPACE” (dấu cách không ngắt, U+00A0)"


def test_a_non_breaking_space_is_refused_not_replaced() -> None:
    doc = parse(Source("data/plan.yml", "title: Kế\u00a0hoạch\n".encode()))
    (problem,) = doc.problems
    assert (problem.line, problem.column) == (1, 10)
    assert "gõ lại bằng phím cách" in problem.message
    assert doc.data == {"title": "Kế\u00a0hoạch"}  # the file says what the site would show


def test_an_invisible_character_written_as_an_escape_is_refused_on_the_escape() -> None:
    doc = parse(Source("data/schools.yml", b'name: "Tr\\u200Bng"\nrole: "a\\_b"\n'))
    assert [(p.line, p.column) for p in doc.problems] == [(1, 10), (2, 9)]
    assert "U+200B" in doc.problems[0].message
    assert "U+00A0" in doc.problems[1].message


def test_the_canonical_form_is_what_duplicates_are_compared_in() -> None:
    assert canonical("Trường  TH\u200d Bình\u00a0Thạnh ") == "trường th bình thạnh"
    decomposed = unicodedata.normalize("NFD", "Bình Thạnh")
    assert canonical(decomposed) == canonical("BÌNH THẠNH")


def test_the_rules_are_plain_data_for_the_form() -> None:
    rules = json.loads(json.dumps(text_rules()))
    assert [0x200D, 0x200D] not in rules["invisible_ranges"]  # inside a range
    assert any(a <= 0x200D <= b for a, b in rules["invisible_ranges"])
    assert any(a <= 0x3164 <= b for a, b in rules["invisible_ranges"])
    assert rules["invisible_ranges"] == [list(r) for r in INVISIBLE_RANGES]
    assert "{where}" in rules["messages"]["curly_quotes"]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Gửi\u00a0bản giấy", "Gửi bản giấy"),
        ("Gửi bản\u200b giấy\ufeff", "Gửi bản giấy"),
        (unicodedata.normalize("NFD", "Trường Tiểu học Bình Thạnh"), "Trường Tiểu học Bình Thạnh"),
        ("\u2003 2/11/2022\u3000", "2/11/2022"),
        ("Mô hình “Dân vận khéo”", "Mô hình “Dân vận khéo”"),
    ],
)
def test_the_form_keeps_what_the_page_would_show(typed: str, kept: str) -> None:
    assert as_typed(typed) == kept
    assert not REFUSED.search(as_typed(typed))
    assert unicodedata.is_normalized("NFC", as_typed(typed))
