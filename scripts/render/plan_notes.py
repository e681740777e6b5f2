"""What every page says about the plan it shows: when it dates from, and how faithfully.

The plan is of 2022; since 01/7/2025 Vietnam has no district level, so the office that
issued it no longer exists, and the province it names has merged. The note about time goes
on every page (the theme's main template, through the dvk-site-info plugin), on the offline page
and on every printout: one short line on a phone that opens (<details>, no script needed),
printed in full on paper.
"""

from __future__ import annotations

import datetime as dt
import html

from scripts.common.vietnamese import format_date

CORRECTIONS = "bốn"
"""How many typing errors the plan page corrects (its note lists them; a test counts them)."""

TIME_NOTE_LABEL = "Về thời điểm"


def time_note_summary(date: dt.date) -> str:
    """The one line a phone shows, closed."""
    return f"Kế hoạch năm {date.year} — nay không còn cấp huyện"


def time_note_text(issuer: str, date: dt.date) -> str:
    """The whole note, as plain text."""
    return (
        f"Kế hoạch này do {issuer} ban hành ngày {format_date(date)}. Từ ngày 01/7/2025, "
        "không còn đơn vị hành chính cấp huyện và phòng giáo dục và đào tạo cấp huyện; các "
        "trường mầm non, tiểu học và trung học cơ sở do cấp xã quản lý. Tỉnh Quảng Ngãi và "
        "tỉnh Kon Tum đã hợp nhất thành tỉnh Quảng Ngãi mới (Nghị quyết số 202/2025/QH15 của "
        f"Quốc hội). Trang này trình bày Kế hoạch, các hạn nộp và tình hình nộp của năm "
        f"{date.year} đúng như khi ban hành, không thay cho văn bản hiện hành; việc của trường "
        "hiện nay, xin hỏi cơ quan quản lý giáo dục hiện nay của trường."
    )


def time_note_html(issuer: str, date: dt.date) -> str:
    """The note as the theme puts it in Material's announcement bar (styles: site.css).

    Closed on screen; opened on paper by the print styles (and, for browsers that cannot
    style a closed <details>, by print-footer.js just before printing).
    """
    summary = html.escape(time_note_summary(date), quote=False)
    text = html.escape(time_note_text(issuer, date), quote=False)
    label = html.escape(TIME_NOTE_LABEL, quote=False)
    return (
        '<details class="time-note">'
        f'<summary class="time-note__summary">{summary}</summary>'
        f'<p class="time-note__text"><strong>{label}.</strong> {text}</p>'
        "</details>"
    )


def plan_credit(issuer: str, date: dt.date) -> str:
    """The footer's line on the plan: who issued it and when, and what the plan page changed."""
    return (
        f"Kế hoạch do {issuer} ban hành ngày {format_date(date)}; trang chép nguyên văn, "
        f"chỉ sửa {CORRECTIONS} lỗi đánh máy"
    )
