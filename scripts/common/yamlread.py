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
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from scripts.common.characters import REFUSED, refused_message
from scripts.common.problems import Problem
from scripts.common.raw_text import decode, nfc_problems, scan
from scripts.common.source import MAX_BYTES, Source
from scripts.common.yaml_syntax import (
    EMPTY,
    MAX_DEPTH,
    oversized,
    syntax_problem,
    too_deep,
)


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


# A double-quoted YAML escape: \x.., \u...., \U........ or \_ (a non-breaking space).
_ESCAPE = re.compile(r"\\(?:x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8})|(_))")

_NULLS = frozenset({"", "~", "null", "Null", "NULL"})
_BOOLS = {
    **dict.fromkeys(("true", "True", "TRUE"), True),
    **dict.fromkeys(("false", "False", "FALSE"), False),
}

# Where an anchor (&), alias (*) or tag (!) could start; if none, no node needs checking.
_MAYBE_PROPERTY = re.compile(r"(?:^|[\s\[\]{},])[&*!]", re.MULTILINE)

KeyPath = Sequence[str | int]
"""Where a value sits in a document: keys and list indexes from the top."""


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

    def not_refused(self, problems: Iterable[Problem]) -> list[Problem]:
        """The problems that are not on a value refused while reading: that one is already
        explained, and a second message on it would only confuse."""
        return [p for p in problems if (p.line, p.column) not in self.refused]


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
        doc.problems.append(oversized(source.name, size))
        return doc
    text = decode(source, doc.problems)
    if text is None:
        return doc
    lines = text.split("\n")
    fatal = scan(source.name, text, lines, doc.problems)
    if fatal:
        return doc
    normalize = not unicodedata.is_normalized("NFC", text)
    if normalize:
        doc.problems.extend(nfc_problems(source.name, lines))
    with gc_paused():
        found = len(doc.problems)
        root = _compose(source.name, text, lines, doc.problems)
        if root is None:
            if len(doc.problems) == found:  # no syntax error: nothing but comments
                doc.problems.append(Problem(source.name, 1, 1, EMPTY))
            return doc
        builder = _Builder(source.name, lines, normalize, _MAYBE_PROPERTY.search(text) is not None)
        doc.data = builder.build(root, 0)
        doc.problems.extend(builder.problems)
        doc.refused = {(p.line, p.column) for p in builder.problems}
        doc.problems.extend(builder.escapes)
    doc.root = root
    if doc.data is None:
        doc.problems.append(Problem(source.name, 1, 1, EMPTY))
        doc.root = None
    return doc


def _compose(name: str, text: str, lines: list[str], problems: list[Problem]) -> Node | None:
    loader = _Loader(text)
    try:
        root: Node | None = loader.get_single_node()
        return root
    except yaml.MarkedYAMLError as error:
        problems.append(syntax_problem(name, error, lines))
    except RecursionError:
        problems.append(Problem(name, 1, 1, too_deep()))
    except yaml.YAMLError as error:
        problems.append(Problem(name, 1, 1, f"Lỗi cú pháp YAML: {error}."))
    finally:
        loader.dispose()
    return None


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
        self.escapes: list[Problem] = []
        """Invisible characters written as escapes: refused, but the value is still read."""

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

    def _escaped(self, node: ScalarNode) -> None:
        """Invisible characters written as escapes ("\\u200d"): the raw text's scan found only
        the characters typed as such, so these are reported here, on their escape."""
        start, end = node.start_mark, node.end_mark
        for number in range(start.line, min(end.line + 1, len(self.lines))):
            line = self.lines[number]
            first = start.column if number == start.line else 0
            last = end.column if number == end.line else len(line)
            for match in _ESCAPE.finditer(line, first, last):
                code = match.group(1) or match.group(2) or match.group(3)
                if code is None:
                    char = "\xa0"  # "\_"
                elif int(code, 16) < 0x110000:
                    char = chr(int(code, 16))
                else:
                    continue
                if REFUSED.match(char):
                    column = match.start() + 1
                    self.escapes.append(
                        Problem(self.name, number + 1, column, refused_message(char, column))
                    )

    def build(self, node: Node, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self._at(node, too_deep())
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
            if node.style == '"' and REFUSED.search(value):
                self._escaped(node)
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
        assert isinstance(node, MappingNode)  # the only other kind of node
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
            if key_node.style == '"' and REFUSED.search(key):
                self._escaped(key_node)
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
