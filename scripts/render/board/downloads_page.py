"""The downloads page (tinh-hinh/tai-ve/): what each file holds, the JSON fields, QR codes."""

from __future__ import annotations

from typing import Any

from scripts.export.csv_file import SAMPLE_CELL, SAMPLE_HEADER
from scripts.export.json_file import SCHEMA, SCHEMA_VERSION
from scripts.export.records import COLUMNS, SAMPLE_TITLE
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


def downloads_page(board: Board, site_url: str) -> str:
    src = paths.DOWNLOADS_PAGE
    ics_url = paths.absolute(site_url, paths.ICS)
    webcal = "webcal://" + ics_url.split("://", 1)[-1]
    field_rows = [
        [f"<code>{escape(p)}</code>", escape(t), escape(d)] for p, t, d in _fields(SCHEMA)
    ]
    columns = ", ".join(f"“{escape(c.header)}”" for c in COLUMNS)
    qr = [
        ("Kế hoạch", paths.PLAN_PAGE, paths.PLAN_QR),
        ("Tình hình thực hiện", paths.OVERVIEW, paths.OVERVIEW_QR),
    ]
    qr_html = "".join(
        f'<figure class="tracker-qr"><img src="{paths.relative(src, svg)}" width="160" '
        f'height="160" alt="Mã QR dẫn tới trang {escape(name)}: '
        f'{escape(paths.absolute(site_url, page))}">'
        f"<figcaption>{escape(name)}<br><small>{escape(paths.absolute(site_url, page))}"
        f"</small></figcaption></figure>"
        for name, page, svg in qr
    )
    return "".join(
        [
            front_matter(
                "Tải dữ liệu",
                "Tình hình nộp của các trường dưới dạng Excel, CSV, JSON; lịch các hạn nộp; "
                "mã QR của các trang.",
                searchable=True,
            ),
            "# Tải dữ liệu\n\n",
            header(board),
            "Các tệp dưới đây được tạo lại mỗi lần dựng trang, từ cùng dữ liệu và cùng ngày "
            "tính tình hình với các trang [Tình hình thực hiện]"
            f"({md_link(src, paths.OVERVIEW)}).\n\n",
            "## Bảng tính Excel và CSV {#bang-tinh}\n\n",
            f"- {download_link('tinh-hinh-nop.xlsx', src, paths.XLSX)}: mỗi hạn nộp một trang "
            "tính, mỗi dòng một trường, có bộ lọc ở dòng tiêu đề; ngày là ngày thật của Excel; "
            "trang tính cuối (“Thông tin”) ghi ngày tính tình hình và cách tính hạn. Khi là "
            f"dữ liệu minh họa, dòng đầu của mọi trang tính ghi “{SAMPLE_TITLE}”.\n",
            f"- {download_link('tinh-hinh-nop.csv', src, paths.CSV)}: mỗi dòng một trường với một "
            "hạn nộp, mã UTF-8 (có BOM, để Excel trên Windows hiện đúng tiếng Việt), ngày "
            f"dạng NĂM-THÁNG-NGÀY. Các cột: {columns}, “Tính đến ngày”. Khi là dữ liệu minh "
            f"họa, cột đầu tiên “{escape(SAMPLE_HEADER)}” ghi “{escape(SAMPLE_CELL)}” trên mọi "
            "dòng. Ô nào bắt đầu bằng dấu =, +, - hoặc @ được thêm dấu ' ở đầu để bảng tính "
            "không hiểu nhầm là công thức.\n\n",
            "## Lịch các hạn nộp {#lich}\n\n",
            f"{download_link('han-nop.ics', src, paths.ICS)} là lịch các hạn nộp (chuẩn "
            "iCalendar), mỗi hạn là một sự kiện cả ngày, có nhắc trước 3 ngày.\n\n",
            f'- Trên điện thoại: bấm <a href="{escape(webcal)}">theo dõi lịch</a> rồi xác nhận '
            "đăng ký; ứng dụng lịch tự cập nhật khi hạn nộp thay đổi.\n",
            "- Trong ứng dụng lịch có mục thêm lịch theo địa chỉ (URL), ví dụ Lịch Google trên "
            f"máy tính: dán địa chỉ <code>{escape(ics_url)}</code>; lịch cũng hiện trên điện "
            "thoại dùng cùng tài khoản.\n",
            "- Hoặc tải tệp về rồi mở bằng ứng dụng lịch để thêm một lần (không tự cập nhật).\n\n",
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
            "\n## Mã QR {#ma-qr}\n\n",
            "Mã QR (SVG, in to nhỏ đều nét) dẫn tới địa chỉ công khai của trang. Mã QR của "
            "từng trường nằm ở cuối trang của trường, kèm tờ A4 để in dán bảng tin.\n\n",
            f'<div class="tracker-qr-list">{qr_html}</div>\n',
        ]
    )
