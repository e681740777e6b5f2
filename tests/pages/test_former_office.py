"""No page tells a reader to contact the former office, or speaks for it, in the present.

Since 01/7/2025 Phòng Giáo dục và Đào tạo huyện Bình Sơn no longer exists. Outside the
plan's own text (and verbatim quotations of it) and the records of 2022, the site never
says "hỏi Phòng…", "báo cho Phòng…", "liên hệ cán bộ Phòng"; sending to the office is
only ever what the plan asked in 2022, and the sentence says so.
"""

from __future__ import annotations

from pathlib import Path

from tests.site_text import former_office_instructions, html_pages, reader_text, soup_of, url_of


def test_the_detector_finds_present_tense_advice() -> None:
    found = former_office_instructions(
        "Điều chưa chắc thì hỏi Phòng Giáo dục và Đào tạo trước khi trả lời. "
        "Gửi đăng ký về Phòng Giáo dục và Đào tạo. "
        "Muốn được thêm vào danh sách, liên hệ cán bộ Phòng. "
        "Năm 2022, Kế hoạch yêu cầu gửi về Phòng Giáo dục và Đào tạo. "
        "Việc của trường hiện nay, xin hỏi cơ quan quản lý giáo dục hiện nay của trường."
    )
    assert found == [
        "Điều chưa chắc thì hỏi Phòng Giáo dục và Đào tạo trước khi trả lời.",
        "Gửi đăng ký về Phòng Giáo dục và Đào tạo.",
        "Muốn được thêm vào danh sách, liên hệ cán bộ Phòng.",
    ]


def test_no_page_sends_the_reader_to_the_former_office(site_dir: Path) -> None:
    found = {}
    for path in html_pages(site_dir):
        url = url_of(site_dir, path)
        if said := former_office_instructions(reader_text(soup_of(path), url)):
            found[url] = said
    assert found == {}


def test_advice_points_to_the_schools_current_education_authority(site_dir: Path) -> None:
    current = "cơ quan quản lý giáo dục hiện nay của trường"
    for url in (
        "huong-dan/tu-van-phu-huynh/index.html",
        "huong-dan/danh-gia-thi-dua/index.html",
        "van-ban/quyet-dinh-436-qd-ubnd/index.html",
        "404.html",
    ):
        text = " ".join(reader_text(soup_of(site_dir / url), url).split())
        assert current in text, url
