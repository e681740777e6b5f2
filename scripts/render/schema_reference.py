"""The reference of every field of a data file, generated from its JSON Schema.

The guide "Cập nhật dữ liệu" shows it, so that what a person reads and what the check
enforces come from the same file (schemas/*.schema.json) and can never drift apart.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from scripts.common.markdown import escape

Schema = Mapping[str, Any]


@dataclass
class Section:
    """One table: the fields of one kind of entry (the file, a school, a submission…)."""

    title: str
    intro: str
    rows: list[tuple[str, Schema, bool]] = field(default_factory=list)


def _resolve(schema: Schema, root: Schema) -> Schema:
    ref = schema.get("$ref")
    if not ref:
        return schema
    node: Any = root
    for part in ref.removeprefix("#/").split("/"):
        node = node[part]
    return {**node, **{k: v for k, v in schema.items() if k != "$ref"}}


def _how(schema: Schema, root: Schema) -> str:
    """How to write the value: the schema's description, allowed values and examples."""
    parts = []
    if schema.get("description"):
        parts.append(escape(schema["description"]))
    variants = [_resolve(v, root) for v in schema.get("oneOf", [])] or [schema]
    for variant in variants:
        if "enum" in variant and not all(
            str(v) in schema.get("description", "") for v in variant["enum"]
        ):
            values = ", ".join(f"`{v}`" for v in variant["enum"])
            parts.append(f"Một trong: {values}.")
        elif variant.get("type") == "boolean" and "true" not in schema.get("description", ""):
            parts.append("`true` hoặc `false`.")
        if variant.get("patternErrorMessage"):
            parts.append(escape(variant["patternErrorMessage"]))
        items = variant.get("items")
        if isinstance(items, Mapping) and items.get("patternErrorMessage"):
            parts.append(escape(_resolve(items, root)["patternErrorMessage"]))
    examples = schema.get("examples")
    if examples:
        parts.append("Ví dụ: " + ", ".join(f"`{e}`" for e in examples) + ".")
    if schema.get("maxLength"):
        parts.append(f"Tối đa {schema['maxLength']} ký tự.")
    return " ".join(dict.fromkeys(parts))


def _walk(
    schema: Schema, root: Schema, section: Section, sections: list[Section], prefix: str = ""
) -> None:
    required = set(schema.get("required", []))
    for name, sub in schema.get("properties", {}).items():
        sub = _resolve(sub, root)
        path = f"{prefix}{name}"
        section.rows.append((path, sub, name in required))
        if sub.get("type") == "object" and "properties" in sub:
            _walk(sub, root, section, sections, f"{path}.")
        elif sub.get("type") == "object" and isinstance(sub.get("additionalProperties"), Mapping):
            value = _resolve(sub["additionalProperties"], root)
            key = sub.get("propertyNames", {})
            key_help = key.get("patternErrorMessage")
            child = Section(
                title=value.get("title", name),
                intro=(
                    f"Dưới `{path}:`, mỗi mục có tên là "
                    f"{escape(key.get('title', 'một mã').lower())}"
                    + (f" ({escape(key_help)})" if key_help else "")
                    + ", rồi các dòng con sau, thụt vào thêm 2 dấu cách."
                ),
            )
            sections.append(child)
            _walk(value, root, child, sections)
        elif sub.get("type") == "array" and isinstance(sub.get("items"), Mapping):
            item = _resolve(sub["items"], root)
            if item.get("type") == "object":
                first = next(iter(item.get("properties", {})), "")
                child = Section(
                    title=item.get("title", name),
                    intro=(
                        f"Dưới `{path}:`, mỗi {escape(item.get('title', 'mục').lower())} "
                        f"một mục, bắt đầu bằng dòng `- {first}: …`."
                    ),
                )
                sections.append(child)
                _walk(item, root, child, sections)


def field_reference(schema: Schema, file_name: str, heading_level: int = 3) -> str:
    """Markdown of every field of `file_name`, one list per kind of entry.

    A list rather than a table: it reads on a phone without scrolling sideways.
    """
    top = Section(title=f"Tệp {file_name}", intro=escape(schema.get("description", "")))
    sections = [top]
    entries = schema.get("additionalProperties")
    if "properties" not in schema and isinstance(entries, Mapping):
        # A file that is a mapping of entries by key (a submission file: school id → entry).
        entry = _resolve(entries, schema)
        key = schema.get("propertyNames", {})
        top.intro += (
            f" Mỗi mục có tên là {escape(key.get('title', 'một mã').lower())}, rồi các dòng "
            "con sau, thụt vào 2 dấu cách."
        )
        _walk(entry, schema, top, sections)
    else:
        _walk(schema, schema, top, sections)
    hashes = "#" * heading_level
    out = []
    for section in sections:
        out.append(f"{hashes} {escape(section.title)}\n")
        if section.intro:
            out.append(section.intro + "\n")
        for path, sub, required in section.rows:
            title = escape(sub.get("title", ""))
            need = "bắt buộc" if required else "không bắt buộc"
            how = _how(sub, schema).replace("\n", " ")
            out.append(f"- **`{path}`** — {title} ({need}).")
            if how:
                out.append(f"  {how}")
        out.append("")
    return "\n".join(out)
