"""The data reference for programmers (tinh-hinh/du-lieu/): the JSON file's fields and
codes, the CSV file's columns and encoding. The downloads page (downloads_page.py) leads
with what teachers want and links here."""

from __future__ import annotations

from typing import Any

from scripts.export.csv_file import SAMPLE_CELL, SAMPLE_HEADER
from scripts.export.json_file import SCHEMA, SCHEMA_VERSION
from scripts.export.records import COLUMNS
from scripts.render import site_paths as paths
from scripts.render.board.common import download_link, escape, front_matter, header, md_link, table
from scripts.status.board import Board
from scripts.status.judge import State

Spec = dict[str, Any]
"""A part of the JSON export's schema."""


def _fields(schema: dict, prefix: str = "") -> list[tuple[str, str, str]]:
    """(field path, type, description) for each documented field, depth first."""
    rows = []
    for name, spec in schema.get("properties", {}).items():
        path = f"{prefix}{name}"
        spec = _resolve(spec)
        inner = _inner(spec)
        rows.append((path, _type(spec), spec.get("description", "")))
        if inner.get("type") == "object":
            rows.extend(_fields(inner, path + "."))
            extra = inner.get("additionalProperties")
            if isinstance(extra, dict) and "$ref" in extra:
                rows.extend(_fields(_resolve(extra), path + ".<mã hạn nộp>."))
        if inner.get("type") == "array":
            rows.extend(_fields(_resolve(inner["items"]), path + "[]."))
    return rows


def _resolve(spec: Spec) -> Spec:
    ref = spec.get("$ref")
    if ref:
        found: Spec = SCHEMA["$defs"][ref.rsplit("/", 1)[-1]]
        return found
    return spec


def _inner(spec: Spec) -> Spec:
    """The non-null alternative of a nullable field."""
    for option in spec.get("anyOf", []):
        if option.get("type") != "null":
            inner: Spec = option
            return inner
    return spec


def _type(spec: Spec) -> str:
    inner = _inner(spec)
    if "const" in inner:
        kind = f"số, luôn là {inner['const']}"
    elif "enum" in inner:
        kind = "một trong: " + ", ".join(f"“{v}”" for v in inner["enum"])
    elif inner.get("format") == "date":
        kind = "ngày, dạng NĂM-THÁNG-NGÀY"
    else:
        kind = {
            "string": "chuỗi",
            "integer": "số nguyên",
            "boolean": "true / false",
            "object": "đối tượng",
            "array": "danh sách",
        }.get(inner.get("type", ""), "")
    if inner is not spec:
        kind += " hoặc null"
    return kind


def data_reference_page(board: Board) -> str:
    src = paths.DATA_REFERENCE
    field_rows = [
        [f"<code>{escape(p)}</code>", escape(t), escape(d)] for p, t, d in _fields(SCHEMA)
    ]
    columns = ", ".join(f"“{escape(c.header)}”" for c in COLUMNS)
    return "".join(
        [
            front_matter(
                "Mô tả dữ liệu cho người lập trình",
                "Các mục dữ liệu của tệp JSON và các cột của tệp CSV về tình hình nộp của các "
                "trường, cho các hệ thống khác đọc.",
            ),
            "# Mô tả dữ liệu cho người lập trình\n\n",
            header(board),
            "Trang này dành cho người viết chương trình đọc dữ liệu của trang. Thầy cô cần "
            "mẫu văn bản hay bảng tính Excel thì xem trang "
            f"[Tải về]({md_link(src, paths.DOWNLOADS_PAGE)}).\n\n",
            "## JSON cho các hệ thống khác {#json}\n\n",
            f"{download_link('tinh-hinh-nop.json', src, paths.JSON)} chứa toàn bộ tình hình, mã "
            f"UTF-8. Phiên bản cấu trúc hiện tại: **{SCHEMA_VERSION}** (mục "
            "<code>schema_version</code>); phiên bản tăng khi một mục bị bỏ hay đổi nghĩa, "
            "hoặc có mục mới ở mức đầu tệp (phiên bản 2 thêm <code>sample_notice</code>). "
            "Đầu tệp, <code>sample_notice</code> ghi bằng tiếng Việt khi đây là dữ liệu minh "
            "họa. Tình trạng ghi bằng mã cố định cho máy đọc (<code>state</code>: "
            + ", ".join(f"<code>{s.value}</code> = {escape(s.label)}" for s in State)
            + "), kèm chữ tiếng Việt (<code>label</code>). Mô tả máy đọc được (JSON Schema): "
            f"[tinh-hinh-nop.schema.json]({md_link(src, paths.JSON_SCHEMA)}).\n\n",
            table(
                ["Mục dữ liệu", "Kiểu", "Ý nghĩa"],
                field_rows,
                label="Các mục dữ liệu JSON",
                attrs=" data-search-exclude",
            ),
            "\n## Tệp CSV {#csv}\n\n",
            f"{download_link('tinh-hinh-nop.csv', src, paths.CSV)}: mỗi dòng một trường với một "
            "hạn nộp, mã UTF-8 (có BOM, để Excel trên Windows hiện đúng tiếng Việt), ngày "
            f"dạng NĂM-THÁNG-NGÀY. Các cột: {columns}, “Tính đến ngày”. Khi là dữ liệu minh "
            f"họa, cột đầu tiên “{escape(SAMPLE_HEADER)}” ghi “{escape(SAMPLE_CELL)}” trên mọi "
            "dòng. Ô nào bắt đầu bằng dấu =, +, - hoặc @ được thêm dấu ' ở đầu để bảng tính "
            "không hiểu nhầm là công thức.\n",
        ]
    )
