"""Generated pages placed in the navigation under their hand-written index page."""

from __future__ import annotations

from scripts.render.knowledge.nav import expand_section


def test_nav_section_gets_the_generated_pages() -> None:
    nav = [{"Trang chủ": "index.md"}, {"Văn bản căn cứ": "van-ban/index.md"}]
    children = [{"Chỉ thị 33/CT-TTg": "van-ban/chi-thi-33-ct-ttg.md"}]
    assert expand_section(nav, "van-ban/index.md", children) == [
        {"Trang chủ": "index.md"},
        {"Văn bản căn cứ": ["van-ban/index.md", *children]},
    ]
    assert nav[1] == {"Văn bản căn cứ": "van-ban/index.md"}, "the input is left unchanged"


def test_an_index_inside_a_section_is_found_and_a_section_is_left_alone() -> None:
    children = [{"Chỉ thị 33": "van-ban/chi-thi-33.md"}]
    nav = [{"Tài liệu": [{"Văn bản": "van-ban/index.md"}]}, {"Khác": ["a.md"]}]
    assert expand_section(nav, "van-ban/index.md", children) == [
        {"Tài liệu": [{"Văn bản": ["van-ban/index.md", *children]}]},
        {"Khác": ["a.md"]},
    ]
