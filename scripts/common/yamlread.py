"""A strict YAML reader that keeps the position of every value.

YAML lets through things that would quietly damage this data: a duplicated key (PyYAML keeps
the last one, so a school's submissions can vanish), anchors, aliases and merge keys (one
entry silently standing for another, and "alias bombs"), tabs, text in a decomposed Unicode
form. This reader refuses them all, with a Vietnamese message on the line.

It composes the YAML into nodes (libyaml's C parser where available), then builds plain
Python values from them: mappings, lists, strings, and only `true`/`false` and empty values
as non-strings. Dates and numbers stay strings, so that every later check sees the text as
typed. The node tree is kept, so any value can be located again for a message.
"""

from __future__ import annotations

import gc
import re
import unicodedata
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from scripts.common.problems import Problem, UnreadableFileError

MAX_BYTES = 10 * 1024 * 1024
"""Largest data file accepted (10 MiB). The shipped data is about 40 kB; the benchmark's
10,000 schools with their submissions take about 5 MB."""

MAX_DEPTH = 20
"""Deepest nesting accepted; the data itself never goes deeper than 6."""


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """PyYAML's safe loader (libyaml's C parser where available), used to compose nodes only.

    Tags are never used (every scalar stays a string), so resolving them, a Python call for
    every value, is skipped.
    """

    def resolve(self, kind: type, value: object, implicit: object) -> str:
        return ""

    def descend_resolver(self, current_node: object, current_index: object) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}

# Control characters: YAML refuses most, and reads some (a lone CR, NEL, U+2028, U+2029) as
# line breaks that editors do not show. Tab and line feed are handled separately.
_RAW_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
# Invisible characters YAML accepts but that hide or reorder text ("Trojan source").
_INVISIBLE = re.compile(r"[\u200b\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]")
# Where an anchor (&), alias (*) or tag (!) could start; if none, no node needs checking.
_MAYBE_PROPERTY = re.compile(r"(?:^|[\s\[\]{},])[&*!]", re.MULTILINE)
_LEADING_SPACE = re.compile(r"[ \t]*")

KeyPath = Sequence[str | int]
"""Where a value sits in a document: keys and list indexes from the top."""


@dataclass(frozen=True)
class Source:
    """The raw bytes of a data file, with the name to show in messages."""

    name: str
    data: bytes
    unread_size: int = 0
    """The size of a file too large to read (then `data` is empty)."""


def read_source(path: Path, name: str | None = None) -> Source:
    """Read a data file; a missing or unreadable file raises UnreadableFileError."""
    shown = name or str(path)
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            # Never read a huge file into memory: report it from its size alone.
            return Source(shown, b"", unread_size=size)
        data = path.read_bytes()
    except IsADirectoryError:
        raise UnreadableFileError(
            [Problem(shown, 1, 1, "Đây là một thư mục, không phải tệp dữ liệu YAML.")]
        ) from None
    except FileNotFoundError:
        raise UnreadableFileError(
            [Problem(shown, 1, 1, "Không tìm thấy tệp. Kiểm tra lại tên và đường dẫn tệp.")]
        ) from None
    except OSError as error:
        raise UnreadableFileError(
            [Problem(shown, 1, 1, f"Không đọc được tệp ({error.strerror or error}).")]
        ) from None
    return Source(shown, data)


@dataclass
class Document:
    """A parsed data file: plain values, the node tree to locate them, and the problems."""

    name: str
    data: Any = None
    root: Node | None = None
    problems: list[Problem] = field(default_factory=list)
    refused: set[tuple[int, int]] = field(default_factory=set)
    """Positions of values refused while reading (anchors, tags…), read as empty: later
    checks say nothing more about them."""

    @property
    def usable(self) -> bool:
        """True when the YAML was read at all (it may still break the schema)."""
        return self.root is not None

    def position(self, path: KeyPath, *, key: bool = False) -> tuple[int, int]:
        """Line and column (from 1) of the value at `path`, or of its key if `key`.

        Falls back to the deepest part of the path that exists.
        """
        node = self.root
        if node is None:
            return 1, 1
        mark = node.start_mark
        for step in path:
            child, key_node = _child(node, step)
            if child is None:
                break
            mark = key_node.start_mark if key_node is not None and key else child.start_mark
            node = child
        return mark.line + 1, mark.column + 1

    def problem(self, path: KeyPath, message: str, *, key: bool = False) -> Problem:
        line, column = self.position(path, key=key)
        return Problem(self.name, line, column, message)


def _child(node: Node, step: str | int) -> tuple[Node | None, Node | None]:
    if isinstance(node, MappingNode) and isinstance(step, str):
        for key_node, value_node in node.value:
            if isinstance(key_node, ScalarNode) and key_node.value == step:
                return value_node, key_node
    if isinstance(node, SequenceNode) and isinstance(step, int) and 0 <= step < len(node.value):
        return node.value[step], None
    return None, None


@contextmanager
def gc_paused() -> Iterator[None]:
    """Building ~10^5 small objects triggers many useless collections: pause them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def parse(source: Source) -> Document:
    """Read one YAML document strictly; every problem found is in `Document.problems`."""
    doc = Document(source.name)
    size = source.unread_size or len(source.data)
    if size > MAX_BYTES:
        doc.problems.append(_oversized(source.name, size))
        return doc
    text = _decode(source, doc.problems)
    if text is None:
        return doc
    lines = text.split("\n")
    fatal = _scan(source.name, text, lines, doc.problems)
    if fatal:
        return doc
    normalize = not unicodedata.is_normalized("NFC", text)
    if normalize:
        doc.problems.extend(_nfc_problems(source.name, lines))
    with gc_paused():
        found = len(doc.problems)
        root = _compose(source.name, text, lines, doc.problems)
        if root is None:
            if len(doc.problems) == found:  # no syntax error: nothing but comments
                doc.problems.append(Problem(source.name, 1, 1, _EMPTY))
            return doc
        builder = _Builder(source.name, lines, normalize, _MAYBE_PROPERTY.search(text) is not None)
        doc.data = builder.build(root, 0)
        doc.problems.extend(builder.problems)
        doc.refused = {(p.line, p.column) for p in builder.problems}
    doc.root = root
    if doc.data is None:
        doc.problems.append(Problem(source.name, 1, 1, _EMPTY))
        doc.root = None
    return doc


_EMPTY = (
    "Tệp không có dữ liệu. Ghi các mục như hướng dẫn (xem tệp trong thư mục data/), "
    "hoặc lấy lại nội dung cũ từ lịch sử của tệp trên GitHub."
)


def _oversized(name: str, size: int) -> Problem:
    return Problem(
        name,
        1,
        1,
        f"Tệp quá lớn ({size / 1024 / 1024:.1f} MB): giới hạn là "
        f"{MAX_BYTES // 1024 // 1024} MB. Kiểm tra xem tệp có bị dán lặp nhiều lần không.",
    )


def _decode(source: Source, problems: list[Problem]) -> str | None:
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


def _scan(name: str, text: str, lines: list[str], problems: list[Problem]) -> bool:
    """Tabs, control and invisible characters, found on the raw text. True if fatal."""
    fatal = False
    if "\t" in text:
        for number, line in enumerate(lines, 1):
            indent = _LEADING_SPACE.match(line).group()
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
    for pattern, is_fatal in ((_RAW_CONTROL, True), (_INVISIBLE, False)):
        if not pattern.search(text):
            continue
        for number, line in enumerate(lines, 1):
            for match in pattern.finditer(line):
                fatal = fatal or is_fatal
                problems.append(
                    Problem(name, number, match.start() + 1, _invisible_message(match.group()))
                )
    return fatal


def _invisible_message(char: str) -> str:
    return (
        f"Có ký tự điều khiển hoặc ký tự ẩn (U+{ord(char):04X}) ở đây, thường do dán từ nơi "
        "khác. Xóa ký tự này (xóa cả đoạn rồi gõ lại nếu không thấy nó)."
    )


def _nfc_problems(name: str, lines: list[str]) -> Iterator[Problem]:
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


def _compose(name: str, text: str, lines: list[str], problems: list[Problem]) -> Node | None:
    loader = _Loader(text)
    try:
        return loader.get_single_node()
    except yaml.MarkedYAMLError as error:
        problems.append(_syntax_problem(name, error, lines))
    except RecursionError:
        problems.append(Problem(name, 1, 1, _too_deep()))
    except yaml.YAMLError as error:
        problems.append(Problem(name, 1, 1, f"Lỗi cú pháp YAML: {error}."))
    finally:
        loader.dispose()
    return None


def _too_deep() -> str:
    return f"Dữ liệu lồng nhau quá sâu (quá {MAX_DEPTH} cấp): kiểm tra lại thụt lề."


_HINT_INDENT = (
    "Kiểm tra thụt lề: các mục cùng cấp phải thẳng cột, mỗi cấp lùi vào 2 dấu cách, "
    "mỗi trường bắt đầu bằng “- ” thẳng cột với các trường khác."
)


def _syntax_problem(name: str, error: yaml.MarkedYAMLError, lines: list[str]) -> Problem:
    """A YAML syntax error, explained in Vietnamese, on the line where the fix goes."""
    problem = error.problem or ""
    mark = error.problem_mark or error.context_mark
    line_text = lines[mark.line] if mark is not None and mark.line < len(lines) else ""
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
        message = _too_deep()
    elif "did not find expected key" in problem and error.problem_mark is not None:
        message = (
            "Không đọc được dòng này: có thể thừa dấu ngoặc kép hay ngoặc đơn (nếu giá trị có "
            'dấu nháy, đặt cả giá trị trong ngoặc kép "…"), hoặc thụt lề sai. '
        ) + _HINT_INDENT
    else:
        message = f"Lỗi cú pháp YAML ({problem or error.context}). " + _HINT_INDENT
    line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
    return Problem(name, line, column, message)


_ANCHOR = (
    "Không dùng neo “&…” và tham chiếu “*…” của YAML: mỗi mục phải ghi đầy đủ. Xóa neo và "
    "chép nội dung ra thay cho từng tham chiếu."
)


class _Builder:
    """Nodes → plain values, refusing duplicates, anchors, aliases, tags and merge keys."""

    def __init__(self, name: str, lines: list[str], normalize: bool, check_props: bool) -> None:
        self.name = name
        self.lines = lines
        self.normalize = normalize
        self.check_props = check_props
        self.problems: list[Problem] = []

    def _at(self, node: Node, message: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.name, mark.line + 1, mark.column + 1, message))

    def _property(self, node: Node) -> str:
        """'&', '*' or '!' if the node starts with an anchor, alias or tag."""
        mark = node.start_mark
        if mark.line < len(self.lines):
            line = self.lines[mark.line]
            if mark.column < len(line) and line[mark.column] in "&*!":
                return line[mark.column]
        return ""

    def build(self, node: Node, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self._at(node, _too_deep())
            return None
        if self.check_props and (prop := self._property(node)):
            if prop == "!":
                self._at(
                    node,
                    "Không dùng thẻ kiểu “!…” của YAML ở đây: xóa thẻ, chỉ ghi giá trị "
                    "(đặt trong ngoặc kép nếu cần).",
                )
            else:
                self._at(node, _ANCHOR)
            return None
        if isinstance(node, ScalarNode):
            value = node.value
            if node.style in (None, ""):
                if value in _NULLS:
                    return None
                if value in _BOOLS:
                    return _BOOLS[value]
            if self.normalize and not value.isascii():
                value = unicodedata.normalize("NFC", value)
            return value
        if isinstance(node, SequenceNode):
            return [self.build(item, depth + 1) for item in node.value]
        return self._mapping(node, depth)

    def _mapping(self, node: MappingNode, depth: int) -> dict[str, Any]:
        result: dict[str, Any] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or key_node.value in ("", "~"):
                self._at(key_node, "Tên mục ở đây không hợp lệ: tên mục là một từ như “name”.")
                continue
            if self.check_props and self._property(key_node):
                self._at(key_node, _ANCHOR)
                continue
            key = key_node.value
            if key == "<<" and key_node.style in (None, ""):
                self._at(
                    key_node,
                    "Không dùng khóa gộp “<<” của YAML: ghi đầy đủ từng mục thay vì gộp.",
                )
                continue
            if self.normalize and not key.isascii():
                key = unicodedata.normalize("NFC", key)
            if key in first_line:
                self._at(
                    key_node,
                    f"Mục “{key}” bị ghi hai lần trong cùng một nhóm (lần đầu ở dòng "
                    f"{first_line[key]}). YAML chỉ giữ một lần ghi nên dữ liệu có thể mất: "
                    "gộp hai lần ghi làm một, hoặc xóa lần thừa.",
                )
                continue
            first_line[key] = key_node.start_mark.line + 1
            result[key] = self.build(value_node, depth + 1)
        return result
