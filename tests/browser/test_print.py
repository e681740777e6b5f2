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
}
SCREEN_ONLY = ["Tìm kiếm", "Bỏ qua", "Mã nguồn và dữ liệu"]


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
    for screen_text in SCREEN_ONLY:
        assert _squeeze(screen_text) not in text, f"{screen_text!r} is screen-only"
    # Every sheet carries the public address and the print date.
    today = dt.date.today()
    stamp = _squeeze(f"In ngày {today.day:02d}/{today.month:02d}/{today.year}")
    for sheet in pdf.pages:
        sheet_text = _squeeze(sheet.extract_text())
        assert f"/{path}" in sheet_text and stamp in sheet_text, sheet_text[-200:]
