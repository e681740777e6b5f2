"""Safe text: no control characters, HTML, Markdown links, phone numbers or e-mail addresses,
no curly quotes around a value.

Every text value of every data file ends up on a public page, in a spreadsheet or a feed:
it must be shown exactly as written, and it must not carry personal contact details.
Invisible characters and odd spaces are refused earlier, by the strict reader, on their own
column (scripts/common/characters.py), in every data file.

The rules are module-level data (patterns as source text, messages as constants), so that the
submission form on the site can check an entry with the same rules before it is sent.

Every pattern runs in linear time on any input (no nested or overlapping repetition that
could backtrack), and none runs on a value longer than `MAX_TEXT_LENGTH`: such a value is
refused for its length alone. A test feeds 1 MB values and times them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from scripts.common.characters import INVISIBLE_RANGES, ODD_SPACES
from scripts.common.problems import Problem
from scripts.common.yamlread import Document

MAX_TEXT_LENGTH = 10_000
"""No pattern runs on a longer value. Each schema's own limit for a field is far lower (at
most 2,000 characters); this one bounds the work for any value, even of a field without one."""

CONTROL_PATTERN = r"[\x00-\x1f\x7f-\x9f\u2028\u2029]"
HTML_PATTERN = r"</?[A-Za-z][^>]*>?|<[!?][^>]*>?|&#?\w+;"
MARKDOWN_LINK_PATTERN = r"\[[^\[\]]*\]\s*[(\[]"
"""[text](address), ![image](…) or [text][ref]: a "[" then a "]" with no bracket between,
then "(" or "[". (No bracket inside keeps it linear: "[[[[…" cannot make it backtrack.)"""
PHONE_PATTERN = r"(?<![\d/])(?:\+84|0)(?:[ .-]?\d){8,10}(?![\d/])"
"""A Vietnamese phone number: +84 or 0, then 8–10 digits, maybe grouped by spaces, dots or
dashes; not part of a document number (25/BC-THBT) or a longer number."""
EMAIL_PATTERN = r"[\w.+-]@[\w-]+\.\w"
"""An e-mail address: one character of the name before "@" is enough to know (a run of them,
"[\\w.+-]+@", would be tried again from every letter of a long name: quadratic)."""

PERSONAL_KEYS = frozenset({"name", "role", "note"})
"""Fields where a phone number or an e-mail address is refused."""

CURLY_QUOTES = {"“": "”", "‘": "’", "«": "»"}
"""Opening curly quote → its closing one (as Word and phones type them)."""
QUOTE_PLACES = {"both": "bắt đầu và kết thúc bằng", "start": "bắt đầu bằng", "end": "kết thúc bằng"}
"""Where a value has its curly quote, in the words of the message (`{where}`)."""

MESSAGES = {
    "newline": (
        "Giá trị này bị xuống dòng: viết trên một dòng (nối các dòng lại, "
        "bỏ dấu | hoặc > ở đầu nếu có)."
    ),
    "control": (
        "Có ký tự điều khiển U+{code}{name} trong giá trị: xóa ký tự này, "
        "chỉ dùng chữ, số, dấu câu và dấu cách."
    ),
    "html": (
        "Không dùng thẻ HTML hay mã ký tự HTML (“{found}”) trong dữ liệu: "
        "trang web hiển thị đúng nguyên văn, nên chỉ ghi chữ thường. Xóa phần này."
    ),
    "personal": (
        "Không ghi số điện thoại hay địa chỉ e-mail: dữ liệu này hiện trên trang công "
        "khai. Xóa phần đó; người phụ trách chỉ ghi họ tên và chức vụ."
    ),
    "markdown": (
        "Không dùng liên kết Markdown dạng [chữ](địa chỉ) hay hình ![…](…) trong dữ liệu: "
        "trang hiển thị nguyên văn. Ghi địa chỉ https://… vào mục link của lần nộp."
    ),
    "curly_quotes": (
        "Giá trị này {where} dấu ngoặc kép cong {quote} (thường do dán từ Word hay điện "
        "thoại), nên dấu ngoặc sẽ thành một phần của chữ trên trang. Nếu cần đặt cả giá trị "
        'trong ngoặc kép, gõ dấu ngoặc kép thẳng (") của bàn phím ở đầu và cuối; nếu không, '
        "xóa dấu ngoặc cong."
    ),
    "too_long": (
        "Giá trị này dài {length} ký tự, quá {limit} ký tự (có thể bị dán lặp nhiều lần): "
        "rút gọn lại."
    ),
}
"""Every message of this module, by rule; `{…}` are filled in from the value."""

_SUSPICIOUS = re.compile(rf"{CONTROL_PATTERN}|<[A-Za-z/!?]|&#?\w+;|\]\(|!\[|\]\[")
_CONTROL = re.compile(CONTROL_PATTERN)
_HTML = re.compile(HTML_PATTERN)
_MARKDOWN_LINK = re.compile(MARKDOWN_LINK_PATTERN)
_PERSONAL = re.compile(f"{PHONE_PATTERN}|{EMAIL_PATTERN}")
_TOO_LONG = MESSAGES["too_long"].split("{", 1)[0]
_QUOTE_EDGE = frozenset(CURLY_QUOTES) | frozenset(CURLY_QUOTES.values())


def text_rules() -> dict[str, Any]:
    """The rules as plain data (JSON-ready) for the form on the site to check the same way."""
    return {
        "max_length": MAX_TEXT_LENGTH,
        "patterns": {
            "control": CONTROL_PATTERN,
            "html": HTML_PATTERN,
            "markdown_link": MARKDOWN_LINK_PATTERN,
            "phone": PHONE_PATTERN,
            "email": EMAIL_PATTERN,
        },
        "personal_keys": sorted(PERSONAL_KEYS),
        "curly_quotes": CURLY_QUOTES,
        "invisible_ranges": [list(r) for r in INVISIBLE_RANGES],
        "odd_spaces": [list(r) for r in ODD_SPACES],
        "messages": MESSAGES,
    }


def check_text(doc: Document, found: Iterable[Problem] = ()) -> list[Problem]:
    """No control characters, HTML, Markdown links or curly quotes around any text value.

    `found`: problems already found in the file (the schema's): a value far too long whose
    length they already point at is not said too long a second time."""
    problems: list[Problem] = []
    _walk_text(doc, doc.data, [], problems)
    if any(p.message.startswith(_TOO_LONG) for p in problems):
        said = {(p.line, p.column) for p in found}
        problems = [
            p
            for p in problems
            if not (p.message.startswith(_TOO_LONG) and (p.line, p.column) in said)
        ]
    return problems


def _walk_text(doc: Document, value: Any, path: list[str | int], out: list[Problem]) -> None:
    if isinstance(value, str):
        key = path[-1] if path else None
        if (
            len(value) > MAX_TEXT_LENGTH
            or _SUSPICIOUS.search(value)
            or (key in PERSONAL_KEYS and _PERSONAL.search(value))
            or (value and (value[0] in _QUOTE_EDGE or value[-1] in _QUOTE_EDGE))
        ):
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
    """Why a text value is refused (control characters, HTML, Markdown links, curly quotes
    around it, and in names, roles and notes phone numbers or e-mail addresses); nothing if
    it is fine. A value over MAX_TEXT_LENGTH gets only the message on its length."""
    if len(value) > MAX_TEXT_LENGTH:
        yield MESSAGES["too_long"].format(
            length=f"{len(value):,}".replace(",", "."),
            limit=f"{MAX_TEXT_LENGTH:,}".replace(",", "."),
        )
        return
    if match := _CONTROL.search(value):
        char = match.group()
        if char in "\r\n\u2028\u2029":
            yield MESSAGES["newline"]
        else:
            name = " (phím Tab)" if char == "\t" else ""
            yield MESSAGES["control"].format(code=f"{ord(char):04X}", name=name)
    if match := _HTML.search(value):
        yield MESSAGES["html"].format(found=match.group()[:30])
    if key in PERSONAL_KEYS and _PERSONAL.search(value):
        yield MESSAGES["personal"]
    if _MARKDOWN_LINK.search(value):
        yield MESSAGES["markdown"]
    if quote := wrapping_quote(value):
        yield quote


def wrapping_quote(value: str) -> str | None:
    """The message for a value that starts or ends with a curly quote that is not part of a
    quoted phrase inside it: “Trường TH Bình Thạnh”, “Trường TH, Trường TH” are refused;
    Mô hình “Dân vận khéo” and “Dân vận khéo” trong trường học are not."""
    if not value:
        return None
    first, last = value[0], value[-1]
    if first in CURLY_QUOTES:
        close = value.find(CURLY_QUOTES[first], 1)
        if close in (-1, len(value) - 1):  # never closed, or closed only at the very end
            where = QUOTE_PLACES["both" if close > 0 else "start"]
            return MESSAGES["curly_quotes"].format(where=where, quote=first)
    for opening, closing in CURLY_QUOTES.items():
        if last == closing and value.rfind(opening, 0, len(value) - 1) == -1:
            return MESSAGES["curly_quotes"].format(where=QUOTE_PLACES["end"], quote=last)
    return None


def browser_patterns() -> dict[str, str]:
    """The patterns of the text checks, for the site's form (scripts/render/board/
    submission_form.py), which runs them in the browser on what a clerk types."""
    return {
        "control": _CONTROL.pattern,
        "html": _HTML.pattern,
        "markdown_link": _MARKDOWN_LINK.pattern,
        "personal": _PERSONAL.pattern,
    }
