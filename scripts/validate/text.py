"""Safe text: no control characters, HTML, Markdown links, phone numbers or e-mail addresses.

Every text value of every data file ends up on a public page, in a spreadsheet or a feed:
it must be shown exactly as written, and it must not carry personal contact details.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from scripts.common.problems import Problem
from scripts.common.yamlread import Document

# One quick look for anything suspicious; the details are worked out only on a match.
_SUSPICIOUS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]|<[A-Za-z/!?]|&#?\w+;|\]\(|!\[|\]\[")

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")

_HTML = re.compile(r"</?[A-Za-z][^>]*>?|<[!?][^>]*>?|&#?\w+;")

_MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\s*[(\[]")

# Phone numbers (Vietnamese, 9–11 digits) and e-mail addresses: not on a public site.
_PERSONAL = re.compile(r"(?<![\d/])(?:\+84|0)(?:[ .-]?\d){8,10}(?![\d/])|[\w.+-]+@[\w-]+\.\w")

_PERSONAL_KEYS = frozenset({"name", "role", "note"})


def check_text(doc: Document) -> list[Problem]:
    """No control characters, HTML or Markdown links in any text value."""
    problems: list[Problem] = []
    _walk_text(doc, doc.data, [], problems)
    return problems


def _walk_text(doc: Document, value: Any, path: list[str | int], out: list[Problem]) -> None:
    if isinstance(value, str):
        key = path[-1] if path else None
        if _SUSPICIOUS.search(value) or (key in _PERSONAL_KEYS and _PERSONAL.search(value)):
            out.extend(doc.problem(path, message) for message in text_messages(value, key))
    elif isinstance(value, dict):
        for key, item in value.items():
            path.append(key)
            _walk_text(doc, item, path, out)
            path.pop()
    elif isinstance(value, list):
        for index, item in enumerate(value):
            path.append(index)
            _walk_text(doc, item, path, out)
            path.pop()


def text_messages(value: str, key: object = None) -> Iterator[str]:
    """Why a text value is refused (control characters, HTML, Markdown links, and in names,
    roles and notes phone numbers or e-mail addresses); nothing if it is fine."""
    if match := _CONTROL.search(value):
        char = match.group()
        if char in "\r\n\u2028\u2029":
            yield (
                "Giá trị này bị xuống dòng: viết trên một dòng (nối các dòng lại, "
                "bỏ dấu | hoặc > ở đầu nếu có)."
            )
        else:
            name = " (phím Tab)" if char == "\t" else ""
            yield (
                f"Có ký tự điều khiển U+{ord(char):04X}{name} trong giá trị: xóa ký tự này, "
                "chỉ dùng chữ, số, dấu câu và dấu cách."
            )
    if match := _HTML.search(value):
        yield (
            f"Không dùng thẻ HTML hay mã ký tự HTML (“{match.group()[:30]}”) trong dữ liệu: "
            "trang web hiển thị đúng nguyên văn, nên chỉ ghi chữ thường. Xóa phần này."
        )
    if key in _PERSONAL_KEYS and _PERSONAL.search(value):
        yield (
            "Không ghi số điện thoại hay địa chỉ e-mail: dữ liệu này hiện trên trang công "
            "khai. Xóa phần đó; người phụ trách chỉ ghi họ tên và chức vụ."
        )
    if _MARKDOWN_LINK.search(value):
        yield (
            "Không dùng liên kết Markdown dạng [chữ](địa chỉ) hay hình ![…](…) trong dữ liệu: "
            "trang hiển thị nguyên văn. Ghi địa chỉ https://… vào mục link của lần nộp."
        )


def browser_patterns() -> dict[str, str]:
    """The patterns of the text checks, for the site's form (scripts/render/board/
    submission_form.py), which runs them in the browser on what a clerk types."""
    return {
        "control": _CONTROL.pattern,
        "html": _HTML.pattern,
        "markdown_link": _MARKDOWN_LINK.pattern,
        "personal": _PERSONAL.pattern,
    }
