"""Pages print on A4 without the screen's navigation, with the address and print date."""

from __future__ import annotations

import datetime as dt
import io
import json
import unicodedata
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from scripts.common.clock import today_in_vietnam
from scripts.common.vietnamese import format_date

PRINTED = {
    "ke-hoach/": ["KẾ HOẠCH", "III. TỔ CHỨC THỰC HIỆN", "Phạm Thanh Lương"],
    "tinh-hinh/": ["Tình hình thực hiện", "Dữ liệu minh họa"],
    # A school page prints its status for each deadline, with its address and QR code.
    "tinh-hinh/truong/th-binh-thanh/": [
        "Trường Tiểu học Bình Thạnh",
        "Tình trạng các hạn nộp",
        "Đăng ký mô hình, điển hình “Dân vận khéo”",
        "Báo cáo 6 tháng",
        "Báo cáo năm",
        "Thông tin trường",
        "/tinh-hinh/truong/th-binh-thanh/",
        "Quét mã QR",
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
"""Pages that print on exactly one A4 sheet: a school's status with its QR code."""
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
    # Every sheet carries the public address and the print date (Vietnam's).
    stamp = _squeeze(f"In ngày {format_date(today_in_vietnam())}")
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


def _printed_qr(page: Page) -> dict:
    """The QR code as printed: shown, its size in millimetres, on the first sheet."""
    page.emulate_media(media="print")
    box = page.evaluate("""() => { const r = document.querySelector(".tracker-sheet__qr")
                                     .getBoundingClientRect();
                                   return {width: r.width, bottom: r.bottom}; }""")
    page.emulate_media(media="null")  # back to none: page.pdf prints again
    return {"mm": box["width"] * 25.4 / 96, "bottom_mm": box["bottom"] * 25.4 / 96}


def test_a_school_page_prints_its_status_with_the_qr_code_and_the_poster_apart(
    browser: Browser, site_url: str, site_dir: Path
) -> None:
    """One A4 sheet with every deadline's state and the QR code; opened at #to-dan (the
    link on the page), the notice-board poster alone, also one sheet."""
    data = json.loads((site_dir / "tai-ve" / "tinh-hinh-nop.json").read_bytes())
    school = next(s for s in data["schools"] if s["id"] == "th-binh-thanh")
    states = [_squeeze(school["deadlines"][d["id"]]["label"]) for d in data["deadlines"]]
    url = site_url + "tinh-hinh/truong/th-binh-thanh/"
    page = browser.new_page(viewport={"width": 794, "height": 1123})  # A4 at 96 px an inch
    # The print buttons (tracker-print.js) open the print dialog: counted instead.
    page.add_init_script("window.print = () => { window.printed = (window.printed || 0) + 1; }")
    try:
        page.goto(url, wait_until="networkidle")
        status = PdfReader(io.BytesIO(page.pdf(format="A4")))
        qr = _printed_qr(page)
        page.get_by_role("button", name="In tờ dán bảng tin").click()
        assert page.url.endswith("#to-dan") and page.evaluate("window.printed") == 1
        page.get_by_role("link", name="Về trang của trường").click()  # the poster view's way back
        page.get_by_role("button", name="In tình trạng (A4)").click()
        assert not page.url.endswith("#to-dan") and page.evaluate("window.printed") == 2
        page.get_by_role("link", name="tờ dán bảng tin").click()
        assert page.url.endswith("#to-dan")
        poster = PdfReader(io.BytesIO(page.pdf(format="A4")))
        poster_qr = _printed_qr(page)
    finally:
        page.close()
    assert len(status.pages) == 1
    text = _squeeze(status.pages[0].extract_text())
    for state in states:
        assert state in text, state
    assert 30 <= qr["mm"] <= 60 and qr["bottom_mm"] < 297, qr
    assert len(poster.pages) == 1
    text = _squeeze(poster.pages[0].extract_text())
    assert _squeeze("Trường Tiểu học Bình Thạnh") in text and _squeeze("Quét mã QR") in text
    assert _squeeze("Tình trạng các hạn nộp") not in text
    assert poster_qr["mm"] > 80, poster_qr


@pytest.mark.parametrize(
    ("zone", "instant", "printed"),
    [
        # Evening of 2 December in California is already 3 December in Vietnam.
        ("America/Los_Angeles", "2026-12-02T20:00:00Z", "03/12/2026"),
        # Just after midnight in Vietnam, still 14 February in London.
        ("Europe/London", "2027-02-14T17:30:00Z", "15/02/2027"),
        ("Asia/Ho_Chi_Minh", "2022-05-15T02:00:00Z", "15/5/2022"),
    ],
)
def test_the_print_date_is_the_day_in_vietnam(
    browser: Browser, site_url: str, zone: str, instant: str, printed: str
) -> None:
    """A phone set to another time zone still prints Vietnam's date, as the plan writes it."""
    when = dt.datetime.fromisoformat(instant.replace("Z", "+00:00"))
    assert format_date(today_in_vietnam(when)) == printed
    context = browser.new_context(timezone_id=zone)
    try:
        page = context.new_page()
        page.clock.set_fixed_time(when)
        page.goto(site_url + "ke-hoach/", wait_until="networkidle")
        text = _squeeze(PdfReader(io.BytesIO(page.pdf(format="A4"))).pages[0].extract_text())
    finally:
        context.close()
    assert _squeeze(f"In ngày {printed}") in text, text[-200:]
