"""YAML syntax errors explained in Vietnamese, on the line where the fix goes.

libyaml's messages ("mapping values are not allowed here") say what the parser met, not
what a clerk typing in GitHub's editor did; these say that, and how to fix it.
"""

from __future__ import annotations

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


def syntax_problem(name: str, error: yaml.MarkedYAMLError, lines: list[str]) -> Problem:
    """A YAML syntax error, explained in Vietnamese, on the line where the fix goes."""
    problem = error.problem or ""
    mark = error.problem_mark or error.context_mark
    if mark is None:
        return Problem(
            name, 1, 1, f"Lỗi cú pháp YAML ({problem or error.context}). " + _HINT_INDENT
        )
    line_text = lines[mark.line] if mark.line < len(lines) else ""
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
