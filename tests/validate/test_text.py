"""The safe-text rules on single values: curly quotes around a value, links, contacts."""

from __future__ import annotations

import pytest

from scripts.validate.text import text_messages


@pytest.mark.parametrize(
    "value",
    ["“Trường TH Bình Thạnh”", "“Trường TH Bình Thạnh", "Trường TH Bình Thạnh”", "‘Góc sách’"],
)
def test_curly_quotes_around_a_value_ask_for_the_keyboards_quote(value: str) -> None:
    (message,) = text_messages(value, "name")
    assert 'gõ dấu ngoặc kép thẳng (") của bàn phím' in message


@pytest.mark.parametrize(
    "value",
    [
        "Mô hình “Dân vận khéo”",
        "“Dân vận khéo” trong trường học",
        "Đăng ký mô hình, điển hình “Dân vận khéo”",
        "“Góc sách” và “Vườn rau”",
    ],
)
def test_a_quoted_phrase_inside_a_value_is_fine(value: str) -> None:
    assert list(text_messages(value, "name")) == []


@pytest.mark.parametrize(
    ("value", "gist"),
    [
        ("xem [kế hoạch](https://x.vn)", "liên kết Markdown"),
        ("![ảnh](a.png)", "liên kết Markdown"),
        ("[a][b]", "liên kết Markdown"),
        ("gọi 0905 123 456", "số điện thoại"),
        ("thư a.b@truong.edu.vn", "e-mail"),
    ],
)
def test_links_and_contacts_are_still_found(value: str, gist: str) -> None:
    assert any(gist in message for message in text_messages(value, "note"))


@pytest.mark.parametrize("value", ["[a]b](x)", "số 25/BC-THBT", "a @ b", "[[[[", "]]]]((("])
def test_what_only_looks_like_a_link_or_a_contact_is_fine(value: str) -> None:
    assert list(text_messages(value, "note")) == []
