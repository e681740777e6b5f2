"""The raw text of a data file, checked before YAML reads it.

Encoding (UTF-8 only), tabs in the indentation, control characters (a lone CR, U+2028),
invisible format characters and odd spaces (zero-width joiners, bidirectional marks: "Trojan
source", non-breaking spaces: scripts/common/characters.py), and text in a decomposed
Unicode form (letters and tone marks apart, as pasted from Word or PDF): each on its line and
column, the column of the character itself.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from scripts.common.characters import REFUSED, refused_message
from scripts.common.problems import Problem
from scripts.common.source import Source
from scripts.common.yaml_syntax import invisible_message

# Control characters: YAML refuses most, and reads some (a lone CR, NEL, U+2028, U+2029) as
# line breaks that editors do not show. Tab and line feed are handled separately.
RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")

# Invisible characters and odd spaces YAML accepts but that hide or reorder text.
INVISIBLE = REFUSED


def decode(source: Source, problems: list[Problem]) -> str | None:
    data = source.data
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        start = error.start
        line_start = data.rfind(b"\n", 0, start) + 1
        line = data.count(b"\n", 0, start) + 1
        column = len(data[line_start:start].decode("utf-8", "replace")) + 1
        problems.append(
            Problem(
                source.name,
                line,
                column,
                "Tệp không được lưu bằng bảng mã UTF-8 (có byte lạ ở đây). Lưu lại tệp với "
                "bảng mã UTF-8; trên GitHub, sửa trực tiếp trong trình soạn thảo web là đúng "
                "bảng mã.",
            )
        )
        return None
    return text.removeprefix("\ufeff").replace("\r\n", "\n")


def scan(name: str, text: str, lines: list[str], problems: list[Problem]) -> bool:
    """Tabs, control and invisible characters, found on the raw text. True if fatal."""
    fatal = False
    if "\t" in text:
        for number, line in enumerate(lines, 1):
            indent = line[: len(line) - len(line.lstrip(" \t"))]
            if "\t" in indent and line.strip():
                fatal = True
                problems.append(
                    Problem(
                        name,
                        number,
                        indent.index("\t") + 1,
                        "Dòng này thụt lề bằng phím Tab; YAML chỉ nhận dấu cách. Xóa Tab và "
                        "thụt lề bằng dấu cách (mỗi cấp 2 dấu cách, thẳng cột với dòng cùng cấp).",
                    )
                )
    if RAW_CONTROL.search(text):
        fatal = True
        for number, line in enumerate(lines, 1):
            for match in RAW_CONTROL.finditer(line):
                problems.append(
                    Problem(name, number, match.start() + 1, invisible_message(match.group()))
                )
    if INVISIBLE.search(text):  # not fatal: the rest of the file is still checked
        for number, line in enumerate(lines, 1):
            for match in INVISIBLE.finditer(line):
                column = match.start() + 1
                problems.append(
                    Problem(name, number, column, refused_message(match.group(), column))
                )
    return fatal


def nfc_problems(name: str, lines: list[str]) -> Iterator[Problem]:
    for number, line in enumerate(lines, 1):
        if unicodedata.is_normalized("NFC", line):
            continue
        column = next(
            (
                i
                for i in range(len(line))
                if not unicodedata.is_normalized("NFC", line[i : i + 2])
                or unicodedata.combining(line[i])
            ),
            0,
        )
        word = _word_at(line, column)
        yield Problem(
            name,
            number,
            column + 1,
            f"Chữ “{unicodedata.normalize('NFC', word)}” ở đây được ghép từ chữ cái và dấu rời "
            "(Unicode dạng tổ hợp, thường do dán từ Word, PDF hay trang web), nên máy so khớp "
            "sai. Xóa chữ này và gõ lại bằng bàn phím.",
        )


def _word_at(line: str, index: int) -> str:
    start = index
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    end = index
    while end < len(line) and not line[end].isspace():
        end += 1
    return line[start:end]
