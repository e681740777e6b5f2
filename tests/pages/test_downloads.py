"""The built downloads page: the Word templates first, each with its guide; the data
reference for programmers on a page of its own."""

from __future__ import annotations

from pathlib import Path

from tests.kb_pages import article, soup


def test_the_downloads_page_lists_every_word_template_first(site_dir: Path) -> None:
    body = article(soup(site_dir, "tinh-hinh/tai-ve/"))
    headings = [h.get_text(" ", strip=True).rstrip("#").strip() for h in body.select("h2")]
    assert headings[0] == "Mẫu văn bản Word", headings
    templates = sorted(p.name for p in (site_dir / "tai-ve" / "mau").glob("*.docx"))
    assert len(templates) == 4
    links = {a["href"].rsplit("/", 1)[-1]: a for a in body.select("a[href$='.docx']")}
    assert sorted(links) == templates
    for name, link in links.items():
        assert (site_dir / "tinh-hinh" / "tai-ve" / link["href"]).resolve().is_file(), name
        guide = link.find_parent("li").select_one("a[href*='huong-dan/']")
        assert guide is not None, name  # how to fill it in
    assert body.select_one("table") is None  # no data-field table for programmers here


def test_the_data_reference_has_the_json_fields(site_dir: Path) -> None:
    body = article(soup(site_dir, "tinh-hinh/du-lieu/"))
    assert body.select_one("#json") is not None and body.select_one("#csv") is not None
    fields = {code.get_text() for code in body.select("table code")}
    assert {"schema_version", "schools[].deadlines"} <= fields
