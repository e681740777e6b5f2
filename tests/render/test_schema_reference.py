"""The reference of a data file's fields, made from its schema for the guide "Cập nhật dữ liệu"."""

from __future__ import annotations

from typing import Any

from scripts.common.schema.files import DRAFT, schema
from scripts.render.schema_reference import field_reference


def test_each_field_says_what_it_is_whether_required_and_how_to_write_it() -> None:
    text = field_reference(schema("editors"), "data/editors.yml")
    assert text.startswith("### Tệp data/editors.yml")
    assert "- **`github`** — Tài khoản GitHub (bắt buộc)." in text
    assert "- **`sample`** — Danh sách minh họa (không bắt buộc)." in text
    assert "### Người được sửa" in text  # a definition reached through $ref gets its table
    assert "không có dấu @" in text  # the pattern's own hint, as the check says it


def test_a_small_schema_shows_enum_values_length_and_examples() -> None:
    small: dict[str, Any] = {
        "$schema": DRAFT,
        "title": "Thử",
        "type": "object",
        "required": ["kind"],
        "properties": {
            "kind": {"title": "Loại", "enum": ["a", "b"]},
            "note": {"title": "Ghi chú", "type": "string", "maxLength": 50, "examples": ["x"]},
        },
    }
    text = field_reference(small, "data/thu.yml", heading_level=2)
    assert text.startswith("## Tệp data/thu.yml")
    assert "Một trong: `a`, `b`." in text
    assert "Ví dụ: `x`." in text and "Tối đa 50 ký tự." in text


def test_text_from_the_schema_is_escaped() -> None:
    hostile: dict[str, Any] = {
        "$schema": DRAFT,
        "type": "object",
        "properties": {"x": {"title": "<b>x</b>", "description": "[a](javascript:x)"}},
    }
    text = field_reference(hostile, "data/x.yml")
    assert "<b>" not in text and "](javascript" not in text
