"""Relative Markdown links between source files, as MkDocs resolves them."""

from __future__ import annotations

from scripts.render.knowledge.links import relative


def test_links_are_relative_to_the_page_that_holds_them() -> None:
    assert relative("van-ban/index.md", "van-ban/chi-thi-33.md") == "chi-thi-33.md"
    assert relative("van-ban/chi-thi-33.md", "ke-hoach/index.md") == "../ke-hoach/index.md"
    assert relative("index.md", "lich/index.md") == "lich/index.md"
    assert relative("lich/index.md", "tai-ve/mau/bao-cao.docx") == "../tai-ve/mau/bao-cao.docx"
