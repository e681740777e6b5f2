"""YAML syntax errors explained in Vietnamese, on the line where the fix goes.

libyaml's messages ("mapping values are not allowed here") say what the parser met, not
what a clerk typing in GitHub's editor did; these say that, and how to fix it.
"""

from __future__ import annotations

import re

import yaml

from scripts.common.problems import Problem
from scripts.common.source import MAX_BYTES

MAX_DEPTH = 20
"""Deepest nesting accepted; the data itself never goes deeper than 6."""


def too_deep() -> str:
    return f"Dữ liệu lồng nhau quá sâu (quá {MAX_DEPTH} cấp): kiểm tra lại thụt lề."


_HINT_INDENT = (
    "Kiểm tra thụt lề: các mục cùng cấp phải thẳng cột, mỗi cấp lùi vào 2 dấu cách, "
    "mỗi trường bắt đầu bằng “- ” thẳng cột với các trường khác."
)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _is_content(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#")


def _levels(line: str) -> list[tuple[int, bool]]:
    """The columns where a line's items start: (column, after a “- ”). "  - id: x" → the
    dash at 2 and the key at 4."""
    column = _indent(line)
    levels = [(column, False)]
    while line.startswith("- ", column) or line[column:].rstrip() == "-":
        after = line[column + 1 :]
        column += 1 + len(after) - len(after.lstrip(" "))
        levels[-1] = (levels[-1][0], True)
        levels.append((column, False))
    return levels


_KEY_WITHOUT_COLON = re.compile(r"(?:- )*([A-Za-z_][A-Za-z0-9_-]{0,40}) +(\S.{0,200})")


def key_without_colon(line: str) -> tuple[str, str] | None:
    """ "received 28/5/2022" → ("received", "28/5/2022"): a key whose colon is missing."""
    text = line.strip()
    match = _KEY_WITHOUT_COLON.fullmatch(text) if len(text) < 250 else None
    if match is None or ": " in text or text.endswith(":") or text.startswith("#"):
        return None
    return match[1], match[2].split(" #")[0].rstrip()


def missing_colon(name: str, lines: list[str], index: int) -> Problem:
    """The line `index` is a key and its value with no colon between them."""
    line = lines[index]
    found = key_without_colon(line)
    key, value = found if found else ("tên mục", "giá trị")
    column = _levels(line)[-1][0] + 1
    return Problem(
        name,
        index + 1,
        column,
        f"Thiếu dấu hai chấm “:” sau {key}: viết “{key}: {value[:40]}” (tên mục, dấu hai "
        "chấm, một dấu cách, rồi giá trị). Mỗi dòng viết dạng “tên: giá trị”.",
    )


def _missing_colon_above(lines: list[str], index: int) -> int | None:
    """For an error at line `index`: the line above, at the same column, that is a key with
    no colon (YAML read it and this line as one text, then met this line's colon)."""
    own = _indent(lines[index])
    found = None
    for above in range(index - 1, -1, -1):
        line = lines[above]
        if not _is_content(line):
            continue
        if _levels(line)[-1][0] != own or key_without_colon(line) is None:
            break
        found = above  # several lines run together: the first of them
    return found


def misaligned(name: str, lines: list[str], index: int) -> Problem | None:
    """The line `index` if its indentation matches no line it could belong with: named, with
    the line it should align with, or with its neighbour when either could be the wrong one."""
    line = lines[index]
    own = _indent(line)
    dash = line.startswith("-", own)
    candidates: list[tuple[int, bool, int]] = []  # (column, after a dash, line index)
    floor: int | None = None
    for above in range(index - 1, -1, -1):
        text = lines[above]
        if not _is_content(text) or (floor is not None and _indent(text) >= floor):
            continue
        floor = _indent(text)
        candidates += [(column, is_dash, above) for column, is_dash in _levels(text)]
        if floor == 0:
            break
    if not candidates or any(column == own for column, _, _ in candidates):
        return None
    previous = next(i for i in range(index - 1, -1, -1) if _is_content(lines[i]))
    if lines[previous].rstrip().endswith(":") and own > _levels(lines[previous])[-1][0]:
        return None  # the first line of a group: any deeper column is fine
    column, _, sibling = min(
        candidates, key=lambda c: (abs(c[0] - own), c[1] != dash, index - c[2])
    )
    parent = next((i for i in range(previous - 1, -1, -1) if _is_content(lines[i])), None)
    first_of_group = parent is not None and lines[parent].rstrip().endswith(":")
    below = next((i for i in range(index + 1, len(lines)) if _is_content(lines[i])), None)
    under_key = lines[previous].rstrip().endswith(":")
    if under_key and below is not None and _indent(lines[below]) > _levels(lines[previous])[-1][0]:
        # The first line under "key:", not deeper than the key: its group is below.
        column, sibling, first_of_group = _indent(lines[below]), below, False
    if below is not None and _indent(lines[below]) == column:
        first_of_group = False  # the line below sides with the one above: this one is wrong
    what = "Dấu “- ” ở dòng này" if dash else "Dòng này"
    here = f"{what} bắt đầu ở cột {own + 1} (thụt lề {own} dấu cách)"
    word = _word_at(lines[sibling], column)
    shown = "dấu “- ”" if word == "-" else f"“{word}”"
    there = f"{shown} ở dòng {sibling + 1} bắt đầu ở cột {column + 1}"
    if sibling == previous and first_of_group and parent is not None:
        # The group's column was set by the line above alone: either line may be wrong.
        step = _levels(lines[parent])[-1][0] + 2
        likely = {own: previous + 1, column: index + 1}.get(step)
        guess = f" Mỗi cấp lùi vào 2 dấu cách, nên có lẽ dòng {likely} lệch." if likely else ""
        message = (
            f"{here}, còn {there}: hai mục cùng nhóm phải thẳng cột, một trong hai dòng "
            f"lệch.{guess}"
        )
    else:
        message = (
            f"{here}, lệch so với các mục cùng nhóm: {there}. Sửa cho thẳng cột với dòng "
            f"{sibling + 1}."
        )
    return Problem(name, index + 1, own + 1, f"{message} {_HINT_INDENT}")


def _word_at(line: str, column: int) -> str:
    """The key or dash that starts at `column`: "name", "-"."""
    text = line[column:].strip()
    if text.startswith("-"):
        return "-"
    return text.split(":", 1)[0].strip()[:30]


_INDENTATION_ERRORS = (
    "did not find expected key",
    "did not find expected '-' indicator",
    "expected <block end>",
    "mapping values are not allowed",
)


def syntax_problem(name: str, error: yaml.MarkedYAMLError, lines: list[str]) -> Problem:
    """A YAML syntax error, explained in Vietnamese, on the line where the fix goes."""
    problem = error.problem or ""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return Problem(
            name, 1, 1, f"Lỗi cú pháp YAML ({problem or error.context}). " + _HINT_INDENT
        )
    line_text = lines[mark.line] if mark.line < len(lines) else ""
    first_colon = ": " not in line_text[: mark.column]
    if "mapping values are not allowed" in problem and first_colon:
        above = _missing_colon_above(lines, mark.line)
        if above is not None:
            return missing_colon(name, lines, above)
    indentation = any(e in problem or e in (error.context or "") for e in _INDENTATION_ERRORS)
    if "mapping values are not allowed" in problem and not first_colon:
        indentation = False  # a colon inside a value: said below
    if indentation and mark.line < len(lines) and (found := misaligned(name, lines, mark.line)):
        return found
    if "mapping values are not allowed" in problem and ": " not in line_text[: mark.column]:
        # The first colon of its line: the whole "key: value" line is out of alignment.
        column = len(line_text) - len(line_text.lstrip())
        return Problem(
            name,
            mark.line + 1,
            column + 1,
            "Dòng này thụt lề lệch so với các dòng cùng nhóm nên không đọc được. " + _HINT_INDENT,
        )
    if line_text.lstrip().startswith("- ") and "expected key" in problem:
        column = len(line_text) - len(line_text.lstrip())
        return Problem(
            name,
            mark.line + 1,
            column + 1,
            "Dấu “- ” ở dòng này lệch cột: mỗi phần tử của danh sách bắt đầu bằng “- ” thẳng "
            "cột với dấu “- ” của phần tử trên. " + _HINT_INDENT,
        )
    if "mapping values are not allowed" in problem:
        message = (
            "Có dấu hai chấm “:” không đúng chỗ. Nếu giá trị (ví dụ tên trường) có dấu hai "
            "chấm và dấu cách “: ”, đặt cả giá trị trong ngoặc kép, ví dụ: "
            'name: "Trường Tiểu học: cơ sở 2". Nếu không, có thể dòng này thụt lề sai. '
        ) + _HINT_INDENT
    elif "could not find expected ':'" in problem:
        mark = error.context_mark or mark
        if mark.line < len(lines) and key_without_colon(lines[mark.line]):
            return missing_colon(name, lines, mark.line)
        message = (
            "Thiếu dấu hai chấm “:” sau tên mục ở dòng này. Mỗi dòng viết dạng "
            "“tên: giá trị”, ví dụ “level: TH”."
        )
    elif "unexpected end of stream" in problem and "quoted" in (error.context or ""):
        mark = error.context_mark or mark
        message = (
            "Dấu ngoặc mở ở đây không có dấu ngoặc đóng. Thêm dấu ngoặc đóng cùng loại ở cuối "
            "giá trị (ví dụ \"…\" hoặc '…')."
        )
    elif "found undefined alias" in problem:
        message = (
            "Không dùng tham chiếu “*…” của YAML: ghi đầy đủ giá trị ở đây thay cho tham chiếu."
        )
    elif "expected a single document" in (error.context or ""):
        message = (
            "Tệp chỉ được có một phần dữ liệu: xóa dòng “---” hoặc “...” ở đây "
            "(có thể tệp bị dán thêm một lần nữa)."
        )
    elif "cannot start any token" in problem:
        message = (
            "Giá trị không được bắt đầu bằng ký tự này (@, `, %, |, >, …). Đặt cả giá trị "
            'trong ngoặc kép, ví dụ: note: "@ …".'
        )
    elif "maximum nesting depth" in problem:
        message = too_deep()
    elif "did not find expected key" in problem and error.problem_mark is not None:
        message = (
            "Không đọc được dòng này: có thể thừa dấu ngoặc kép hay ngoặc đơn (nếu giá trị có "
            'dấu nháy, đặt cả giá trị trong ngoặc kép "…"), hoặc thụt lề sai. '
        ) + _HINT_INDENT
    else:
        message = f"Lỗi cú pháp YAML ({problem or error.context}). " + _HINT_INDENT
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return Problem(name, line, column, message)


def invisible_message(char: str) -> str:
    return (
        f"Có ký tự điều khiển hoặc ký tự ẩn (U+{ord(char):04X}) ở đây, thường do dán từ nơi "
        "khác. Xóa ký tự này (xóa cả đoạn rồi gõ lại nếu không thấy nó)."
    )


EMPTY = (
    "Tệp không có dữ liệu. Ghi các mục như hướng dẫn (xem tệp trong thư mục data/), "
    "hoặc lấy lại nội dung cũ từ lịch sử của tệp trên GitHub."
)


def oversized(name: str, size: int) -> Problem:
    return Problem(
        name,
        1,
        1,
        f"Tệp quá lớn ({size / 1024 / 1024:.1f} MB): giới hạn là "
        f"{MAX_BYTES // 1024 // 1024} MB. Kiểm tra xem tệp có bị dán lặp nhiều lần không.",
    )
