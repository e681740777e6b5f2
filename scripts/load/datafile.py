"""Read a YAML data file and check it against its JSON Schema, with Vietnamese messages.

The knowledge base's files are edited by hand like data/schools.yml, so they are read by
the same strict reader (scripts.common.yamlread: duplicate keys, anchors, tabs, non-NFC
text… are refused) and reported with the same `Problem`: file, line, column, message.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from scripts.common.problems import DataError, Problem
from scripts.common.schema.check import full_validator
from scripts.common.yamlread import Document, Source, parse, read_source

DataProblem = Problem
"""Kept as a name for the knowledge modules: the one problem type of the project."""


class KnowledgeDataError(DataError):
    """A data file of the knowledge base is wrong; carries every problem found."""


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
    if kind == "enum":
        allowed = ", ".join(str(v) for v in error.validator_value)
        return f"{where}: “{error.instance}” không dùng được ở đây (chọn một trong: {allowed})."
    if kind == "dependentRequired":
        needs = ", ".join(f"“{n}”" for names in error.validator_value.values() for n in names)
        return f"{where}: có mục này thì cần ghi cả {needs}."
    if kind in ("oneOf", "anyOf"):
        return f"{where}: thiếu hoặc thừa mục (xem chú thích đầu tệp)."
    return f"{where}: {error.message}"


def _read(path: Path, name: str) -> Document:
    """Parse once per version of the file (the checks below ask again for positions).

    Keyed on the file's bytes, read at every call: `mkdocs serve` sees an edit at once."""
    source = read_source(path, name)
    return _parsed(source.name, source.data, source.unread_size)


@lru_cache(maxsize=32)
def _parsed(name: str, data: bytes, unread_size: int) -> Document:
    return parse(Source(name, data, unread_size))


def load_checked(path: Path, schema_path: Path, *, display: str | None = None) -> Any:
    """Parse `path` strictly, validate it against the schema, return its plain data.

    Raises KnowledgeDataError listing every problem, each with its line and column.
    """
    doc = _read(path, display or path.name)
    problems = list(doc.problems)
    if doc.usable:
        schema_name = f"{schema_path.parent.name}/{schema_path.name}"
        for error in full_validator(schema_path, schema_name).iter_errors(doc.data):
            problem = doc.problem(list(error.absolute_path), _message(error))
            if (problem.line, problem.column) not in doc.refused:  # already said why
                problems.append(problem)
    if problems:
        raise KnowledgeDataError(problems)
    return doc.data


def problem_at(
    path: Path, data_path: Sequence[Any], message: str, *, display: str | None = None
) -> Problem:
    """A problem found after the schema check (e.g. a duplicate id), located in the file."""
    return _read(path, display or path.name).problem(list(data_path), message)
