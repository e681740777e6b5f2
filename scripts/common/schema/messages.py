"""Schema errors explained in Vietnamese, on the line of the value concerned.

The same messages for every data file (schools, plan, communes, editors, commit notes,
documents, glossary, templates, site.yml): they reuse the schemas' own Vietnamese `title`,
`errorMessage` and `patternErrorMessage`, and never show jsonschema's English.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from typing import Any

import jsonschema

from scripts.common.dates import DATE_PATTERN, date_hint
from scripts.common.problems import Problem
from scripts.common.vietnamese import fold
from scripts.common.yamlread import Document

_TYPE_NAMES = {
    "object": "một nhóm mục con, mỗi mục một dòng “tên: giá trị” thụt vào 2 dấu cách",
    "array": "một danh sách, mỗi phần tử một dòng bắt đầu bằng “- ”",
    "string": "chữ",
    "boolean": "true hoặc false",
    "integer": "một số nguyên",
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


def missing_key(error: jsonschema.ValidationError) -> str:
    """The property a `required` error is about ("'name' is a required property")."""
    return error.message.split("'")[1] if "'" in error.message else ""


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


def explain(
    doc: Document,
    error: jsonschema.ValidationError,
    optional: frozenset[str],
    names: Mapping[str, str],
) -> Iterator[Problem]:
    """The problems one schema error stands for (none when another message says it).

    `optional` holds the keys that may be left out; `names` the spoken names of coded
    values ("TH" → "Tiểu học"), so that "Tiểu học" gets "Có phải là “TH”?".
    """
    path = list(error.absolute_path)
    schema_ = error.schema if isinstance(error.schema, dict) else {}
    keyword = error.validator
    instance = error.instance
    value: Any = error.validator_value  # the keyword's value in the schema
    hint = schema_.get("errorMessage", "")

    if keyword == "required":
        missing = missing_key(error)
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
            [*path, str(instance)],
            f"Tên mục “{_show(instance)}” không hợp lệ. " + schema_.get("patternErrorMessage", ""),
            key=True,
        )
    elif keyword == "type":
        yield from _type(doc, error, path, optional, hint)
    elif keyword == "enum":
        if instance is None:
            return  # already said by the `type` error: the value is empty
        allowed = [str(v) for v in value]
        suggestion = suggest_value(str(instance), allowed, names)
        listed = hint or f"Chọn một trong: {', '.join(allowed)}."
        yield doc.problem(
            path, f"{_label(error)} “{_show(instance)}” không hợp lệ.{suggestion} {listed}"
        )
    elif keyword == "pattern":
        if isinstance(instance, str) and any(ord(c) < 32 for c in instance):
            return  # control characters and line breaks: reported by the text check
        guess = date_hint(instance) if value == DATE_PATTERN and isinstance(instance, str) else ""
        schema_path = list(error.schema_path)
        if len(schema_path) >= 2 and schema_path[-2] == "propertyNames":
            # The key itself is wrong: on the key, not on the first key of its group.
            yield doc.problem(
                [*path, str(instance)],
                f"{_label(error)} “{_show(instance)}” không đúng cách ghi. "
                + str(schema_.get("patternErrorMessage", hint)),
                key=True,
            )
            return
        yield doc.problem(
            path,
            f"{_label(error)} “{_show(instance)}” không đúng cách ghi.{guess} "
            + str(schema_.get("patternErrorMessage", hint)),
        )
    elif keyword == "maxLength":
        yield doc.problem(
            path, f"{_label(error)} dài quá {error.validator_value} ký tự: rút gọn lại."
        )
    elif keyword == "minLength":
        yield doc.problem(path, f"{_label(error)} đang để trống: ghi giá trị. {hint}".strip())
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
    elif keyword == "dependentRequired" and isinstance(instance, dict):
        for key, needs in value.items():
            for need in (n for n in needs if key in instance and n not in instance):
                yield doc.problem(
                    [*path, key],
                    f"Có mục “{key}” thì cần ghi cả mục “{need}”: thêm dòng “{need}: …”, "
                    f"hoặc xóa “{key}”.",
                    key=True,
                )
    elif keyword in ("oneOf", "anyOf"):
        yield doc.problem(
            path,
            f"{_label(error)} thiếu hoặc thừa mục. {hint or 'Xem hướng dẫn ở đầu tệp.'}",
        )
    else:
        yield doc.problem(path, f"{_label(error)} chưa đúng. {hint}".strip())


def _type(
    doc: Document,
    error: jsonschema.ValidationError,
    path: list[str | int],
    optional: frozenset[str],
    hint: str,
) -> Iterator[Problem]:
    instance = error.instance
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


def guess_key(extra: str, allowed: list[str]) -> str | None:
    """What an unknown key was probably meant to be: "comune" → "commune", "tên" → "name"."""
    guess = _KEY_ALIASES.get(fold(extra))
    if guess in allowed:
        return guess
    close = difflib.get_close_matches(extra, allowed, n=1, cutoff=0.6)
    return close[0] if close else None


def _unknown_key(extra: str, allowed: list[str], where: str) -> str:
    guess = guess_key(extra, allowed)
    message = f"Không có mục “{_show(extra)}” trong {where.lower() or 'nhóm này'}."
    if guess:
        message += f" Có phải là “{guess}”?"
    return message + " Các mục dùng được: " + ", ".join(allowed) + "."


def suggest_value(value: str, allowed: list[str], names: Mapping[str, str] | None = None) -> str:
    """ "Tiểu học" → " Có phải là “TH”?" (with `names` {"TH": "Tiểu học"}), "binh thanh" →
    both Bình Thanh and Bình Thạnh; "" when nothing is close."""
    folded = fold(value.strip()).removeprefix("xa ").removeprefix("thi tran ")
    by_name = [code for code, name in (names or {}).items() if fold(name) == folded]
    matches = [v for v in allowed if v in by_name or fold(v) == folded]
    if not matches:
        matches = difflib.get_close_matches(value, allowed, n=1, cutoff=0.75)
    if not matches:
        return ""
    return " Có phải là " + " hay ".join(f"“{m}”" for m in matches) + "?"
