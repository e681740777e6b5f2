"""Text from the data is shown exactly as written, whatever punctuation it contains."""

from __future__ import annotations

import html

import markdown
from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st

from scripts.common.markdown import escape


def test_parentheses_and_hashes_survive() -> None:
    text = "Quán triệt (phổ biến) #1 & “Dân vận khéo” <b>"
    shown = BeautifulSoup(markdown.markdown(escape(text)), "html.parser").get_text()
    assert shown == text


@given(st.text(alphabet=st.sampled_from(list("aă (#)[]*_`&<>\"'!|~{}+\\\\"))))
def test_any_punctuation_is_shown_as_written(text: str) -> None:
    shown = BeautifulSoup(markdown.markdown(escape(text)), "html.parser").get_text()
    assert shown.split() == text.split()


@given(st.text())
def test_escape_keeps_the_text_and_leaves_no_markup(text: str) -> None:
    escaped = escape(text)
    assert html.unescape(escaped) == text
    assert not set(escaped) & set("<>\"'`*_[]()!|~\\")
