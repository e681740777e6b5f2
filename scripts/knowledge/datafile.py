"""Read a YAML data file and check it against its JSON Schema, with Vietnamese messages.

Messages name the file, line and column of the offending value, so that someone editing
the file in GitHub's web editor can find it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema
import yaml

from ..tracker.vietnamese import nfc


@dataclass(frozen=True, order=True)
class DataProblem:
    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class KnowledgeDataError(Exception):
    """A data file of the knowledge base is wrong; carries every problem found."""

    def __init__(self, problems: Sequence[DataProblem]) -> None:
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text: they are checked (and parsed) after the schema."""


_Loader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _normalise(value: Any) -> Any:
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_normalise(v) for v in value]
    if isinstance(value, dict):
        return {k: _normalise(v) for k, v in value.items()}
    return value


def _node_at(node: yaml.Node | None, path: Iterable[Any]) -> yaml.Node | None:
    """The YAML node at a JSON path, or the deepest one found on the way."""
    for key in path:
        if isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if k.value == key), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(key, int):
            child = node.value[key] if key < len(node.value) else None
        else:
            child = None
        if child is None:
            return node
        node = child
    return node


def _message(error: jsonschema.ValidationError) -> str:
    """The schema error in plain Vietnamese."""
    where = ".".join(str(p) for p in error.absolute_path) or "(gốc tệp)"
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        return f"{where}: thiếu mục bắt buộc “{missing}”."
    if kind == "additionalProperties":
        return f"{where}: có mục không được phép ({error.message.split('(')[-1].rstrip(')')})."
    if kind == "type":
        names = {"string": "chữ", "array": "danh sách", "object": "các mục con", "integer": "số"}
        return f"{where}: cần là {names.get(str(error.validator_value), error.validator_value)}."
    if kind == "pattern":
        return f"{where}: giá trị “{error.instance}” không đúng dạng."
    if kind in ("minItems", "minLength"):
        return f"{where}: không được để trống."
    if kind in ("oneOf", "anyOf"):
        return f"{where}: thiếu hoặc thừa mục (xem chú thích đầu tệp)."
    return f"{where}: {error.message}"


def load_checked(path: Path, schema_path: Path, *, display: str | None = None) -> Any:
    """Parse `path`, validate it against the schema, return plain data in NFC.

    Raises KnowledgeDataError listing every problem, each with its line and column.
    """
    name = display or path.name
    text = path.read_text(encoding="utf-8")
    try:
        root = yaml.compose(text, Loader=_Loader)
        data = yaml.load(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise KnowledgeDataError(
            [DataProblem(name, line, column, f"lỗi cú pháp YAML: {exc.problem}")]
        ) from exc
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in validator.iter_errors(data):
        node = _node_at(root, error.absolute_path)
        line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 1)
        problems.append(DataProblem(name, line, column, _message(error)))
    if problems:
        raise KnowledgeDataError(problems)
    return _normalise(data)


def problem_at(
    path: Path, data_path: Sequence[Any], message: str, *, display: str | None = None
) -> DataProblem:
    """A problem found after the schema check (e.g. a duplicate id), located in the file."""
    root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_Loader)
    node = _node_at(root, data_path)
    line, column = (node.start_mark.line + 1, node.start_mark.column + 1) if node else (1, 1)
    return DataProblem(display or path.name, line, column, message)
