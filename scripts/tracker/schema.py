"""Check a document against its JSON Schema (schemas/*.schema.json), in Vietnamese.

The same schema files give editors completion and inline errors through the
`# yaml-language-server: $schema=…` line at the top of each data file. Messages reuse the
schemas' own Vietnamese `title`, `errorMessage` and `patternErrorMessage`.

A compiled validator (fastjsonschema) answers "valid or not" quickly; only when the answer is
"not", jsonschema lists every error with its path, which is then put back on its line.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

import fastjsonschema
import jsonschema

from .model import LEVEL_NAMES
from .problems import Problem
from .vietnamese import fold
from .yamlread import Document

SCHEMA_DIR = Path(__file__).resolve().parent.parent.parent / "schemas"

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


def schema(kind: str) -> dict[str, Any]:
    """The JSON Schema of a data file: "schools" or "plan"."""
    return _load(kind)


@cache
def _load(kind: str) -> dict[str, Any]:
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text(encoding="utf-8"))


@cache
def _fast(kind: str) -> Any:
    return fastjsonschema.compile(_load(kind))


@cache
def _full(kind: str) -> jsonschema.Draft7Validator:
    return jsonschema.Draft7Validator(_load(kind))


def check(doc: Document, kind: str) -> list[Problem]:
    """Every schema error of a parsed document, on its line, in Vietnamese."""
    errors = list(_errors(kind, doc.data))
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
        problems.extend(_explain(doc, error, _optional_keys(kind)))
    return problems


# Long lists checked item by item: (key of the list, its item's definition in the schema).
_LISTS = {"schools": ("schools", "school")}


def _errors(kind: str, data: Any) -> Iterator[jsonschema.ValidationError]:
    """Every schema error. The fast check says whether there is any; only then does the
    full one list them. A long list is checked item by item, so one slip in 10,000 schools
    is explained as fast as in ten."""
    spec = _LISTS.get(kind)
    items = data.get(spec[0]) if spec and isinstance(data, dict) else None
    if not isinstance(items, list):
        yield from _explained(_fast(kind), _full(kind), data)
        return
    key, definition = spec
    yield from _explained(_fast(kind), _full(kind), {**data, key: []})
    fast, full = _item_validators(kind, definition)
    for index, item in enumerate(items):
        for error in _explained(fast, full, item):
            error.path.extendleft([index, key])  # the error's place in the whole file
            yield error


def _explained(
    fast: Any, full: jsonschema.Draft7Validator, data: Any
) -> Iterator[jsonschema.ValidationError]:
    try:
        fast(data)
        return
    except fastjsonschema.JsonSchemaException:
        pass
    yield from full.iter_errors(data)


@cache
def _item_validators(kind: str, definition: str) -> tuple[Any, jsonschema.Draft7Validator]:
    root = _load(kind)
    item = {
        "$schema": root["$schema"],
        "$ref": f"#/definitions/{definition}",
        "definitions": root["definitions"],
    }
    return fastjsonschema.compile(item), jsonschema.Draft7Validator(item)


def _missing(error: jsonschema.ValidationError) -> str:
    """The property a `required` error is about ("'name' is a required property")."""
    return error.message.split("'")[1] if "'" in error.message else ""


@cache
def _optional_keys(kind: str) -> frozenset[str]:
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

    walk(_load(kind))
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
