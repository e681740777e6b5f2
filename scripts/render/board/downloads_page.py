"""The downloads page (tinh-hinh/tai-ve/), for teachers first: the Word templates, the Excel
workbook in plain words, the calendar, the QR codes. The data reference for programmers
(the JSON fields, the CSV columns) is a page of its own (data_reference_page.py); the
anchors this page had (#bang-tinh, #lich, #json, #ma-qr) still lead somewhere useful.

The list of Word templates is the knowledge base's: the marker below is filled by the
dvk-knowledge plugin from data/templates.yml.
"""

from __future__ import annotations

from scripts.export.records import SAMPLE_TITLE
from scripts.render import site_paths as paths
from scripts.render.board.common import download_link, escape, front_matter, header, md_link
from scripts.status.board import Board

TEMPLATES_MARKER = "<!-- kb:mau-tat-ca -->"


def downloads_page(board: Board, site_url: str) -> str:
    src = paths.DOWNLOADS_PAGE
    ics_url = paths.absolute(site_url, paths.ICS)
    webcal = "webcal://" + ics_url.split("://", 1)[-1]
    reference = paths.DATA_REFERENCE
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
                "Tải về",
                "Mẫu văn bản Word để trường điền, bảng tính Excel tình hình nộp của các trường, "
                "lịch các hạn nộp, mã QR của các trang.",
                searchable=True,
            ),
            "# Tải về\n\n",
            header(board),
            "## Mẫu văn bản Word {#mau-word}\n\n",
            "Mẫu có sẵn phần đầu, các mục và phần ký theo thể thức văn bản hành chính. Tải về, "
            "mở bằng Word (hoặc LibreOffice, WPS), điền vào chỗ còn trống, rồi in, ký và gửi "
            "như văn bản thường.\n\n",
            TEMPLATES_MARKER + "\n\n",
            "## Bảng tình hình nộp (Excel) {#bang-tinh}\n\n",
            f"- {download_link('Bảng tính Excel: tình hình nộp của các trường', src, paths.XLSX)}"
            ": mỗi hạn nộp một trang tính, mỗi dòng một trường, có nút lọc ở dòng tiêu đề để "
            "xem riêng trường chưa nộp, trường của một xã; trang tính cuối (“Thông tin”) ghi "
            "ngày tính tình hình và cách tính hạn. Khi là dữ liệu minh họa, dòng đầu của mọi "
            f"trang tính ghi “{SAMPLE_TITLE}”.\n",
            f"- {download_link('Cùng số liệu, dạng CSV', src, paths.CSV)}: mỗi dòng một trường "
            "với một hạn nộp; mở được bằng Excel, LibreOffice.\n\n",
            "Các tệp được tạo lại mỗi lần cập nhật trang, từ cùng dữ liệu và cùng ngày tính "
            f"tình hình với các trang [Tình hình thực hiện]({md_link(src, paths.OVERVIEW)}).\n\n",
            "## Lịch các hạn nộp {#lich}\n\n",
            f"{download_link('han-nop.ics', src, paths.ICS)} là lịch các hạn nộp (chuẩn "
            "iCalendar), mỗi hạn là một sự kiện cả ngày, có nhắc trước 3 ngày.\n\n",
            f'- Trên điện thoại: bấm <a href="{escape(webcal)}">theo dõi lịch</a> rồi xác nhận '
            "đăng ký; ứng dụng lịch tự cập nhật khi hạn nộp thay đổi.\n",
            "- Trong ứng dụng lịch có mục thêm lịch theo địa chỉ (URL), ví dụ Lịch Google trên "
            f"máy tính: dán địa chỉ <code>{escape(ics_url)}</code>; lịch cũng hiện trên điện "
            "thoại dùng cùng tài khoản.\n",
            "- Hoặc tải tệp về rồi mở bằng ứng dụng lịch để thêm một lần (không tự cập nhật).\n\n",
            "## Mã QR {#ma-qr}\n\n",
            "Mã QR (SVG, in to nhỏ đều nét) dẫn tới địa chỉ công khai của trang. Mã QR của "
            "từng trường nằm ở cuối trang của trường, kèm tờ A4 để in dán bảng tin.\n\n",
            f'<div class="tracker-qr-list">{qr_html}</div>\n\n',
            "## Cho người lập trình {#json}\n\n",
            f"{download_link('Tệp JSON', src, paths.JSON)} chứa toàn bộ tình hình cho các hệ "
            "thống khác; các mục dữ liệu của tệp JSON và các cột của tệp CSV được mô tả ở "
            f"trang [Mô tả dữ liệu cho người lập trình]({md_link(src, reference)}).\n",
        ]
    )
