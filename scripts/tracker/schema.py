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
    try:
        _fast(kind)(doc.data)
        return []
    except fastjsonschema.JsonSchemaException:
        pass
    problems: list[Problem] = []
    for error in _full(kind).iter_errors(doc.data):
        problems.extend(_explain(doc, error))
    return problems


def _show(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 60 else text[:57] + "…"


def _label(error: jsonschema.ValidationError) -> str:
    """ "Ngày nhận (received)", from the schema's title and the key in the data."""
    title = error.schema.get("title", "") if isinstance(error.schema, dict) else ""
    key = next((p for p in reversed(error.absolute_path) if isinstance(p, str)), None)
    last = error.absolute_path[-1] if error.absolute_path else None
    if isinstance(last, str) and title:
        return f"{title} ({last})"
    if title:
        return title
    return f"Mục “{key}”" if key else "Tệp"


def _explain(doc: Document, error: jsonschema.ValidationError) -> Iterator[Problem]:
    path = list(error.absolute_path)
    schema_ = error.schema if isinstance(error.schema, dict) else {}
    keyword = error.validator
    instance = error.instance
    hint = schema_.get("errorMessage", "")

    if keyword == "required":
        missing = error.message.split("'")[1]
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
            yield doc.problem(
                [*path, extra], _unknown_key(extra, allowed, schema_.get("title", "")), key=True
            )
    elif keyword == "propertyNames":
        yield doc.problem(
            [*path, instance],
            f"Tên mục “{_show(instance)}” không hợp lệ. " + schema_.get("patternErrorMessage", ""),
            key=True,
        )
    elif keyword == "type":
        if instance is None:
            yield doc.problem(
                path,
                f"{_label(error)} đang để trống: ghi giá trị, hoặc xoá cả dòng nếu không cần. "
                + hint,
            )
        else:
            expected = _TYPE_NAMES.get(str(error.validator_value), str(error.validator_value))
            message = f"{_label(error)} phải là {expected}."
            if error.validator_value == "string":
                message += f' Nếu cần, đặt giá trị trong ngoặc kép: "{_show(instance)}".'
            yield doc.problem(path, f"{message} {hint}".strip())
    elif keyword == "enum":
        suggestion = _suggest_value(str(instance), [str(v) for v in error.validator_value])
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
    elif keyword == "uniqueItems":
        yield doc.problem(path, f"{_label(error)} có mã bị ghi hai lần: xoá mã thừa.")
    elif keyword == "minItems":
        yield doc.problem(path, f"{_label(error)} cần ít nhất {error.validator_value} mục.")
    else:
        yield doc.problem(path, f"{_label(error)} chưa đúng ({error.message}). {hint}".strip())


def _unknown_key(extra: str, allowed: list[str], where: str) -> str:
    guess = _KEY_ALIASES.get(fold(extra))
    if guess not in allowed:
        close = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
        guess = close[0] if close else None
    message = f"Không có mục “{_show(extra)}” trong {where.lower() or 'nhóm này'}."
    if guess:
        message += f" Có phải là “{guess}”?"
    return message + " Các mục dùng được: " + ", ".join(allowed) + "."


def _suggest_value(value: str, allowed: list[str]) -> str:
    """ "Tiểu học" → " Có phải là “TH”?", "binh thanh" → both Bình Thanh and Bình Thạnh."""
    folded = fold(value).removeprefix("xa ").removeprefix("thi tran ")
    by_level_name = [code for code, name in LEVEL_NAMES.items() if fold(name) == folded]
    matches = [v for v in allowed if v in by_level_name or fold(v) == folded]
    if not matches:
        matches = difflib.get_close_matches(value, allowed, n=1, cutoff=0.75)
    if not matches:
        return ""
    return " Có phải là " + " hay ".join(f"“{m}”" for m in matches) + "?"
