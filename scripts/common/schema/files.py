"""Schema files (schemas/*.schema.json): read at every check, compiled once per version.

Every schema is on one draft, JSON Schema 2020-12 (`DRAFT`); a file on another draft is
refused, so the editors' hints, the check and the field reference never read a schema
differently. Two validators per schema, chosen by measurement (README, "Hiệu năng"):
jsonschema-rs (compiled, in Rust) answers "valid or not" for 10,000 schools in a few
hundredths of a second; only when it says "not" does jsonschema (pure Python) list every
error with its path and subschema, for the Vietnamese message.

A broken schema file (missing, not JSON, not a valid JSON Schema, another draft) is a
DataError naming the file, with the line and column of a JSON syntax error, like a broken
data file: `mkdocs serve` shows it in Vietnamese instead of a traceback.
"""

from __future__ import annotations

import json
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
from jsonschema.protocols import Validator

from scripts.common.problems import DataError, Problem, UnreadableFileError
from scripts.common.project import SCHEMA_DIR

DRAFT = "https://json-schema.org/draft/2020-12/schema"
"""The one JSON Schema draft of the project: every `$schema` names it."""

Schema = dict[str, Any]


def schema_file(kind: str, schema_dir: Path = SCHEMA_DIR) -> tuple[Path, str]:
    """The path of a data file's schema and its name in messages ("schemas/plan.schema.json")."""
    return schema_dir / f"{kind}.schema.json", f"{schema_dir.name}/{kind}.schema.json"


def schema(kind: str, schema_dir: Path = SCHEMA_DIR) -> Schema:
    """The JSON Schema of a data file: "schools", "plan", … (DataError if it is broken)."""
    return compiled(*schema_file(kind, schema_dir)).schema


def read_schema(path: Path, name: str | None = None) -> Schema:
    """The JSON Schema in `path`, read now: an edit is seen by the next call.

    Raises DataError naming the file when it cannot be read, is not JSON, is not a valid
    JSON Schema or is on another draft than DRAFT.
    """
    return compiled(path, name or path.name).schema


class Compiled:
    """A schema's validators, made once per version of the file's text."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.schema = _parse(name, text)
        self.fast = _fast_validator(name, self.schema)
        """True or false, quickly: `fast.is_valid(data)`."""

    @cached_property
    def full(self) -> Validator:
        """Every error with its path and subschema (jsonschema, Draft 2020-12)."""
        return jsonschema.Draft202012Validator(self.schema)

    @cached_property
    def optional_keys(self) -> frozenset[str]:
        """Keys that may be left out wherever they appear, so an empty one may be deleted."""
        return _optional_keys(self.schema)

    @cache  # noqa: B019 (one Compiled per version of the file, a handful of definitions)
    def item(self, definition: str) -> tuple[Any, Validator]:
        """Both validators of one definition of the schema (an item of a long list)."""
        item = {"$schema": DRAFT, "$ref": f"#/$defs/{definition}", "$defs": self.schema["$defs"]}
        return _fast_validator(self.name, item), jsonschema.Draft202012Validator(item)


def compiled(path: Path, name: str) -> Compiled:
    """The schema in `path`, read now and compiled unless this exact text was before."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise UnreadableFileError(
            [Problem(name, 1, 1, "Không tìm thấy tệp lược đồ (JSON Schema) này.")]
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise UnreadableFileError(
            [Problem(name, 1, 1, f"Không đọc được tệp lược đồ ({error}).")]
        ) from None
    return _compiled_text(name, text)


@lru_cache(maxsize=32)
def _compiled_text(name: str, text: str) -> Compiled:
    """Keyed on the text itself: `mkdocs serve` sees an edit at the next rebuild, and a file
    unchanged across builds is not compiled again."""
    return Compiled(name, text)


_JSON_ERRORS = {
    "Expecting ',' delimiter": "thiếu dấu phẩy “,” giữa hai mục",
    "Expecting ':' delimiter": "thiếu dấu hai chấm “:” sau tên mục",
    "Expecting property name enclosed in double quotes": (
        "tên mục phải đặt trong ngoặc kép; có thể có dấu phẩy thừa trước “}”"
    ),
    "Expecting value": "thiếu giá trị, hoặc có dấu phẩy thừa",
    "Extra data": "có chữ thừa sau dấu đóng cuối cùng của tệp",
    "Unterminated string starting at": "chuỗi chưa có dấu ngoặc kép đóng",
    "Invalid control character at": "chuỗi có ký tự điều khiển (như Tab hay xuống dòng)",
    "Invalid \\escape": "dấu “\\” không hợp lệ trong chuỗi",
}


def _parse(name: str, text: str) -> Schema:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        reason = _JSON_ERRORS.get(error.msg, error.msg)
        raise DataError(
            [
                Problem(
                    name,
                    error.lineno,
                    error.colno,
                    f"Tệp lược đồ không đúng cú pháp JSON: {reason}. Sửa tại đây, hoặc lấy lại "
                    "bản trước của tệp.",
                )
            ]
        ) from None
    if not isinstance(data, dict):
        raise DataError([Problem(name, 1, 1, "Tệp lược đồ phải là một đối tượng JSON {…}.")])
    if data.get("$schema") != DRAFT:
        raise DataError(
            [
                Problem(
                    name,
                    1,
                    1,
                    f'Lược đồ phải theo JSON Schema bản 2020-12: ghi “"$schema": "{DRAFT}"” '
                    f"(đang là {json.dumps(data.get('$schema'))}). Mọi lược đồ của trang dùng "
                    "cùng một bản.",
                )
            ]
        )
    try:
        jsonschema.Draft202012Validator.check_schema(data)
    except jsonschema.SchemaError as error:
        where = "/".join(map(str, error.absolute_path)) or "gốc tệp"
        raise DataError(
            [
                Problem(
                    name,
                    1,
                    1,
                    f"Lược đồ không hợp lệ theo JSON Schema, ở mục {where}: {error.message}. "
                    "Sửa mục đó, hoặc lấy lại bản trước của tệp.",
                )
            ]
        ) from None
    return data


def _fast_validator(name: str, schema_: Schema) -> Any:
    try:
        return jsonschema_rs.Draft202012Validator(schema_)
    except (jsonschema_rs.ValidationError, ValueError) as error:
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise DataError(
            [Problem(name, 1, 1, f"Lược đồ không dùng được để kiểm tra dữ liệu: {first}.")]
        ) from None


def _optional_keys(schema_: Schema) -> frozenset[str]:
    optional: set[str] = set()
    required: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            names = set(node.get("properties", {}))
            required.update(names & set(node.get("required", [])))
            optional.update(names - set(node.get("required", [])))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema_)
    return frozenset(optional - required)
