"""Check a document against its JSON Schema (schemas/*.schema.json), in Vietnamese.

The same schema files give editors completion and inline errors through the
`# yaml-language-server: $schema=…` line at the top of each data file. Messages reuse the
schemas' own Vietnamese `title`, `errorMessage` and `patternErrorMessage`.

A compiled validator (fastjsonschema) answers "valid or not" quickly; only when the answer is
"not", jsonschema lists every error with its path, which is then put back on its line.

The schema files are read at every check and compiled once per version of their text, so
`mkdocs serve` sees an edit of schemas/ at its next rebuild. A broken schema file (not JSON,
or not a valid JSON Schema) is a DataError naming the file, like a broken data file.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema
import jsonschema.protocols
import jsonschema.validators

from scripts.common.problems import DataError, Problem, UnreadableFileError
from scripts.common.vietnamese import fold
from scripts.common.yamlread import Document
from scripts.model import LEVEL_NAMES

SCHEMA_DIR = Path(__file__).resolve().parents[3] / "schemas"

_TYPE_NAMES = {
    "object": "một nhóm mục con, mỗi mục một dòng “tên: giá trị” thụt vào 2 dấu cách",
    "array": "một danh sách, mỗi phần tử một dòng bắt đầu bằng “- ”",
    "string": "chữ",
    "boolean": "true hoặc false",
}

# What people type instead of a field's name, folded: "ngày nhận" → received.
_KEY_ALIASES = {
    "ma": "id",
    "ma truong": "id",
    "ten": "name",
    "ten truong": "name",
    "cap": "level",
    "cap hoc": "level",
    "xa": "commune",
    "xa thi tran": "commune",
    "nguoi phu trach": "contact",
    "chuc vu": "role",
    "ngay nhan": "received",
    "ngay": "received",
    "so": "number",
    "so van ban": "number",
    "ngay van ban": "document_date",
    "mo hinh": "model",
    "loai": "kind",
    "ghi chu": "note",
    "lien ket": "link",
    "hop le": "sample",
}


def schema_file(kind: str, schema_dir: Path = SCHEMA_DIR) -> tuple[Path, str]:
    """The path of a data file's schema and its name in messages ("schemas/plan.schema.json")."""
    return schema_dir / f"{kind}.schema.json", f"{schema_dir.name}/{kind}.schema.json"


def schema(kind: str, schema_dir: Path = SCHEMA_DIR) -> dict[str, Any]:
    """The JSON Schema of a data file: "schools", "plan", … (DataError if it is broken)."""
    return _compiled(*schema_file(kind, schema_dir)).schema


def read_schema(path: Path, name: str | None = None) -> dict[str, Any]:
    """The JSON Schema in `path`, read now: an edit is seen by the next call.

    Raises DataError naming the file (with the line and column of a JSON syntax error)
    when it cannot be read, is not JSON, or is not a valid JSON Schema.
    """
    return _compiled(path, name or path.name).schema


def full_validator(path: Path, name: str | None = None) -> jsonschema.protocols.Validator:
    """The validator of the schema in `path` (its `$schema` draft), read now."""
    return _compiled(path, name or path.name).full


class _Compiled:
    """A schema's validators, made once per version of the file's text."""

    def __init__(self, name: str, text: str) -> None:
        self.schema = _parse(name, text)
        self.name = name

    @cached_property
    def full(self) -> jsonschema.protocols.Validator:
        """Lists every error with its path; the draft named by the schema's `$schema`."""
        cls = jsonschema.validators.validator_for(self.schema, default=jsonschema.Draft7Validator)
        return cls(self.schema)

    @cached_property
    def fast(self) -> Any:
        return _fast_validator(self.name, self.schema)

    @cached_property
    def optional_keys(self) -> frozenset[str]:
        return _optional_keys(self.schema)

    @cache  # noqa: B019 (one _Compiled per version of the file, a handful of definitions)
    def item(self, definition: str) -> tuple[Any, jsonschema.protocols.Validator]:
        """Validators of one definition of the schema (an item of a long list)."""
        item = {
            "$schema": self.schema["$schema"],
            "$ref": f"#/definitions/{definition}",
            "definitions": self.schema["definitions"],
        }
        return _fast_validator(self.name, item), type(self.full)(item)


def _compiled(path: Path, name: str) -> _Compiled:
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
def _compiled_text(name: str, text: str) -> _Compiled:
    """Keyed on the text itself: `mkdocs serve` sees an edit at the next rebuild, and a file
    unchanged across builds is not compiled again."""
    return _Compiled(name, text)


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


def _parse(name: str, text: str) -> dict[str, Any]:
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
    cls = jsonschema.validators.validator_for(data, default=jsonschema.Draft7Validator)
    try:
        cls.check_schema(data)
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


def _fast_validator(name: str, schema_: dict[str, Any]) -> Any:
    try:
        return fastjsonschema.compile(schema_)
    except fastjsonschema.JsonSchemaDefinitionException as error:
        raise DataError(
            [Problem(name, 1, 1, f"Lược đồ không dùng được để kiểm tra dữ liệu: {error}.")]
        ) from None


def check(doc: Document, kind: str, schema_dir: Path = SCHEMA_DIR) -> list[Problem]:
    """Every schema error of a parsed document, on its line, in Vietnamese.

    The schema file is read at every call (DataError if it is broken)."""
    compiled = _compiled(*schema_file(kind, schema_dir))
    errors = list(_errors(compiled, kind, doc.data))
    if not errors:
        return []
    # "comune" is unknown and "commune" is missing: the first message says it all.
    guessed = {
        (tuple(error.absolute_path), _guess_key(extra, list(error.schema.get("properties", {}))))
        for error in errors
        if error.validator == "additionalProperties" and isinstance(error.instance, dict)
        for extra in error.instance
    }
    problems: list[Problem] = []
    for error in errors:
        if error.validator == "required" and (
            (tuple(error.absolute_path), _missing(error)) in guessed
        ):
            continue
        problems.extend(_explain(doc, error, compiled.optional_keys))
    return problems


# Long lists checked item by item: (key of the list, its item's definition in the schema).
_LISTS = {"schools": ("schools", "school")}


def _errors(compiled: _Compiled, kind: str, data: Any) -> Iterator[jsonschema.ValidationError]:
    """Every schema error. The fast check says whether there is any; only then does the
    full one list them. A long list is checked item by item, so one slip in 10,000 schools
    is explained as fast as in ten."""
    spec = _LISTS.get(kind)
    items = data.get(spec[0]) if spec and isinstance(data, dict) else None
    if not isinstance(items, list):
        yield from _explained(compiled.fast, compiled.full, data)
        return
    key, definition = spec
    yield from _explained(compiled.fast, compiled.full, {**data, key: []})
    fast, full = compiled.item(definition)
    for index, item in enumerate(items):
        for error in _explained(fast, full, item):
            error.path.extendleft([index, key])  # the error's place in the whole file
            yield error


def _explained(
    fast: Any, full: jsonschema.protocols.Validator, data: Any
) -> Iterator[jsonschema.ValidationError]:
    try:
        fast(data)
        return
    except fastjsonschema.JsonSchemaException:
        pass
    yield from full.iter_errors(data)


def _missing(error: jsonschema.ValidationError) -> str:
    """The property a `required` error is about ("'name' is a required property")."""
    return error.message.split("'")[1] if "'" in error.message else ""


def _optional_keys(schema_: dict[str, Any]) -> frozenset[str]:
    """Keys that may be left out wherever they appear, so an empty one may be deleted."""
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


def _show(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _label(error: jsonschema.ValidationError) -> str:
    """ "Ngày nhận (received)", from the schema's title and the key in the data."""
    if not error.absolute_path:
        return "Tệp"
    title = error.schema.get("title", "") if isinstance(error.schema, dict) else ""
    key = next((p for p in reversed(error.absolute_path) if isinstance(p, str)), None)
    last = error.absolute_path[-1] if error.absolute_path else None
    if isinstance(last, str) and title:
        return f"{title} ({last})"
    if title:
        return title
    return f"Mục “{key}”" if key else "Tệp"


def _explain(
    doc: Document, error: jsonschema.ValidationError, optional: frozenset[str]
) -> Iterator[Problem]:
    path = list(error.absolute_path)
    schema_ = error.schema if isinstance(error.schema, dict) else {}
    keyword = error.validator
    instance = error.instance
    hint = schema_.get("errorMessage", "")

    if keyword == "required":
        missing = _missing(error)
        title = schema_.get("properties", {}).get(missing, {}).get("title", "")
        what = f"{title} ({missing})" if title else missing
        where = schema_.get("title", "").lower() or "nhóm này"
        yield doc.problem(
            path,
            f"Thiếu mục {what} của {where}. Thêm dòng “{missing}: …” thẳng cột với các "
            "mục khác của nhóm.",
        )
    elif keyword == "additionalProperties" and isinstance(instance, dict):
        allowed = list(schema_.get("properties", {}))
        for extra in (k for k in instance if k not in allowed):
            message = _unknown_key(extra, allowed, schema_.get("title", ""))
            value = instance[extra]
            if "submissions" in allowed and isinstance(value, dict) and "received" in value:
                message = (
                    f"Không có mục “{_show(extra)}” trong trường. Các lần nộp ghi dưới dòng "
                    "“submissions:” của trường: thêm dòng “submissions:” phía trên và lùi các "
                    "dòng của lần nộp vào thêm 2 dấu cách."
                )
            yield doc.problem([*path, extra], message, key=True)
    elif keyword == "propertyNames":
        yield doc.problem(
            [*path, instance],
            f"Tên mục “{_show(instance)}” không hợp lệ. " + schema_.get("patternErrorMessage", ""),
            key=True,
        )
    elif keyword == "type":
        if instance is None:
            last = path[-1] if path else None
            fix = (
                "ghi giá trị, hoặc xóa cả dòng nếu không cần."
                if last in optional
                else "mục này bắt buộc, ghi giá trị vào sau dấu hai chấm."
            )
            yield doc.problem(path, f"{_label(error)} đang để trống: {fix} {hint}".strip())
        elif not path:
            yield doc.problem(path, hint or "Tệp không đúng dạng.")
        else:
            expected = _TYPE_NAMES.get(str(error.validator_value), str(error.validator_value))
            message = f"{_label(error)} phải là {expected}."
            if error.validator_value == "string":
                message += f' Nếu cần, đặt giá trị trong ngoặc kép: "{_show(instance)}".'
            yield doc.problem(path, f"{message} {hint}".strip())
    elif keyword == "enum":
        if instance is None:
            return  # already said by the `type` error: the value is empty
        suggestion = suggest_value(str(instance), [str(v) for v in error.validator_value])
        yield doc.problem(
            path, f"{_label(error)} “{_show(instance)}” không hợp lệ.{suggestion} {hint}"
        )
    elif keyword == "pattern":
        if isinstance(instance, str) and any(ord(c) < 32 for c in instance):
            return  # control characters and line breaks: reported by the text check
        yield doc.problem(
            path,
            f"{_label(error)} “{_show(instance)}” không đúng cách ghi. "
            + schema_.get("patternErrorMessage", ""),
        )
    elif keyword == "maxLength":
        yield doc.problem(
            path, f"{_label(error)} dài quá {error.validator_value} ký tự: rút gọn lại."
        )
    elif keyword == "uniqueItems" and isinstance(instance, list):
        seen: list[Any] = []
        for index, item in enumerate(instance):
            if item in seen:
                yield doc.problem(
                    [*path, index],
                    f"{_label(error)}: “{_show(item)}” đã ghi ở trên, ghi hai lần. Xóa dòng thừa.",
                )
            seen.append(item)
    elif keyword == "minItems":
        yield doc.problem(path, f"{_label(error)} cần ít nhất {error.validator_value} mục.")
    else:
        yield doc.problem(path, f"{_label(error)} chưa đúng ({error.message}). {hint}".strip())


def _guess_key(extra: str, allowed: list[str]) -> str | None:
    """What an unknown key was probably meant to be: "comune" → "commune", "tên" → "name"."""
    guess = _KEY_ALIASES.get(fold(extra))
    if guess in allowed:
        return guess
    close = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_key(extra: str, allowed: list[str], where: str) -> str:
    guess = _guess_key(extra, allowed)
    message = f"Không có mục “{_show(extra)}” trong {where.lower() or 'nhóm này'}."
    if guess:
        message += f" Có phải là “{guess}”?"
    return message + " Các mục dùng được: " + ", ".join(allowed) + "."


def suggest_value(value: str, allowed: list[str]) -> str:
    """ "Tiểu học" → " Có phải là “TH”?", "binh thanh" → both Bình Thanh and Bình Thạnh."""
    folded = fold(value.strip()).removeprefix("xa ").removeprefix("thi tran ")
    by_level_name = [code for code, name in LEVEL_NAMES.items() if fold(name) == folded]
    matches = [v for v in allowed if v in by_level_name or fold(v) == folded]
    if not matches:
        matches = difflib.get_close_matches(value, allowed, n=1, cutoff=0.75)
    if not matches:
        return ""
    return " Có phải là " + " hay ".join(f"“{m}”" for m in matches) + "?"
