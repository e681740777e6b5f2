"""Pages print on A4 without the screen's navigation, with the address and print date."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from pathlib import Path

import pytest
from playwright.sync_api import Browser
from pypdf import PdfReader

PRINTED = {
    "ke-hoach/": ["KẾ HOẠCH", "III. TỔ CHỨC THỰC HIỆN", "Phạm Thanh Lương"],
    "tinh-hinh/": ["Tình hình thực hiện", "Dữ liệu minh họa"],
    # A school page prints as its notice-board sheet: name, address and QR code.
    "tinh-hinh/truong/th-binh-thanh/": [
        "Trường Tiểu học Bình Thạnh",
        "/tinh-hinh/truong/th-binh-thanh/",
    ],
    "huong-dan/bao-cao/": ["Báo cáo 6 tháng và báo cáo năm", "Danh sách kiểm tra"],
    "lich/": ["Lịch các mốc và hạn nộp của Kế hoạch", "Cách tính hạn"],
}
# The note about time, printed in full at the top of every printout (closed on screen).
TIME_NOTE = [
    "Về thời điểm.",
    "Từ ngày 01/7/2025, không còn đơn vị hành chính cấp huyện",
    "Nghị quyết số 202/2025/QH15",
    "đúng như khi ban hành",
]
ONE_SHEET = {"tinh-hinh/truong/th-binh-thanh/"}
"""Pages that print on exactly one A4 sheet: a school's notice for the board."""
SCREEN_ONLY = ["Tìm kiếm", "Chuyển đến nội dung chính", "Mã nguồn và dữ liệu"]


def _squeeze(text: str) -> str:
    """PDF text extraction puts spaces inside Vietnamese words; compare without spaces."""
    return unicodedata.normalize("NFC", "".join(text.split()))


@pytest.mark.parametrize("path", list(PRINTED))
def test_page_prints_on_a4(browser: Browser, site_url: str, path: str, tmp_path: Path) -> None:
    page = browser.new_page()
    try:
        page.goto(site_url + path, wait_until="networkidle")
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    finally:
        page.close()
    box = pdf.pages[0].mediabox
    assert (round(float(box.width) * 25.4 / 72), round(float(box.height) * 25.4 / 72)) == (210, 297)
    text = _squeeze(" ".join(p.extract_text() for p in pdf.pages))
    for expected in PRINTED[path]:
        assert _squeeze(expected) in text
    first_sheet = _squeeze(pdf.pages[0].extract_text())
    for words in TIME_NOTE:
        assert _squeeze(words) in first_sheet, f"the note about time is printed: {words!r}"
    if path in ONE_SHEET:
        assert len(pdf.pages) == 1, "the notice-board sheet fits one A4 page, note included"
    for screen_text in SCREEN_ONLY:
        assert _squeeze(screen_text) not in text, f"{screen_text!r} is screen-only"
    # Every sheet carries the public address and the print date.
    today = dt.date.today()
    stamp = _squeeze(f"In ngày {today.day:02d}/{today.month:02d}/{today.year}")
    for sheet in pdf.pages:
        sheet_text = _squeeze(sheet.extract_text())
        assert f"/{path}" in sheet_text and stamp in sheet_text, sheet_text[-200:]


def test_the_note_is_printed_without_script(browser: Browser, site_url: str) -> None:
    """With scripting off, the print styles alone open the note on paper."""
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(site_url + "lich/", wait_until="networkidle")
        pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    finally:
        context.close()
    first_sheet = _squeeze(pdf.pages[0].extract_text())
    for words in TIME_NOTE:
        assert _squeeze(words) in first_sheet, words
