"""The note about time is on every page, from the theme, never copied into pages."""

from __future__ import annotations

import re
from pathlib import Path

from scripts.render.plan_notes import time_note_html, time_note_summary, time_note_text
from scripts.site.offline import offline_page
from tests.conftest import ROOT
from tests.kb_pages import plan
from tests.site_text import html_pages, soup_of, squash, url_of

FACTS = [
    "Phòng Giáo dục và Đào tạo huyện Bình Sơn ban hành ngày 12/4/2022",
    "Từ ngày 01/7/2025, không còn đơn vị hành chính cấp huyện và phòng giáo dục và đào tạo "
    "cấp huyện",
    "các trường mầm non, tiểu học và trung học cơ sở do cấp xã quản lý",
    "Tỉnh Quảng Ngãi và tỉnh Kon Tum đã hợp nhất thành tỉnh Quảng Ngãi mới",
    "Nghị quyết số 202/2025/QH15",
    "đúng như khi ban hành",
]


def _note() -> str:
    the_plan = plan()
    return time_note_html(the_plan.issuer, the_plan.date)


def test_the_note_says_what_changed_and_that_the_content_is_shown_as_issued() -> None:
    the_plan = plan()
    text = time_note_text(the_plan.issuer, the_plan.date)
    for fact in FACTS:
        assert fact in text, fact
    assert "2022" in time_note_summary(the_plan.date)
    assert len(time_note_summary(the_plan.date)) <= 45, "one short line on a phone"


def test_every_built_page_carries_the_note(site_dir: Path) -> None:
    note = _note()
    pages = html_pages(site_dir)
    assert len(pages) > 90, "the whole site: knowledge pages, status pages, school pages"
    missing = [url_of(site_dir, p) for p in pages if note not in p.read_text(encoding="utf-8")]
    assert missing == []
    names = {url_of(site_dir, p) for p in pages}
    # The pages a reader may land on from outside: 404, offline, a retired school's address.
    assert {"404.html", "ngoai-tuyen.html", "", "ke-hoach/", "tinh-hinh/"} <= names


def test_the_note_opens_without_script_and_is_one_summary_line(site_dir: Path) -> None:
    soup = soup_of(site_dir / "huong-dan" / "index.html")
    (details,) = soup.select(".md-banner details.time-note")
    assert details.get("open") is None, "closed on screen: one line"
    summary = details.select_one("summary")
    assert squash(summary.get_text()) == time_note_summary(plan().date)
    text = squash(details.get_text(" "))
    for fact in FACTS:
        assert fact in text


def test_the_note_is_not_copied_into_pages() -> None:
    """Hand-written pages and data carry no note of their own about 2025."""
    # data/communes.yml dates its own list (valid until 01/7/2025): that is data, not a note.
    sources = [
        *(ROOT / "docs").rglob("*.md"),
        *(p for p in (ROOT / "data").glob("*.yml") if p.name != "communes.yml"),
    ]
    copied = [
        p.relative_to(ROOT).as_posix()
        for p in sources
        if re.search(r"01/7/2025|hai cấp", p.read_text(encoding="utf-8"))
    ]
    assert copied == []


def test_the_offline_page_carries_the_note() -> None:
    note = _note()
    page = offline_page("Dân vận khéo", note)
    assert note in page
    assert page.index(note) < page.index("<main>")
