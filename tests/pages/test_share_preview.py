"""Every page has a title, a description and Open Graph tags for chat-app link cards."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup


def _pages(site_dir: Path) -> list[Path]:
    return sorted(p for p in site_dir.rglob("index.html"))


def _meta(soup: BeautifulSoup, prop: str) -> str:
    tag = soup.find("meta", attrs={"property": prop}) or soup.find("meta", attrs={"name": prop})
    assert tag is not None, f"missing {prop}"
    return tag["content"]


def test_every_page_has_a_card(site_dir: Path) -> None:
    pages = _pages(site_dir)
    assert len(pages) >= 4
    for page in pages:
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        where = page.relative_to(site_dir)
        assert soup.title and soup.title.get_text(strip=True), where
        assert len(_meta(soup, "description")) > 40, where
        assert _meta(soup, "og:title"), where
        assert len(_meta(soup, "og:description")) > 40, where
        assert _meta(soup, "og:locale") == "vi_VN", where
        image = _meta(soup, "og:image")
        assert image.endswith("assets/images/og-image.png"), where
        assert (site_dir / "assets" / "images" / "og-image.png").stat().st_size > 10_000
        assert _meta(soup, "og:url").startswith("http"), where


@pytest.mark.parametrize(
    ("path", "title_part"),
    [("ke-hoach/index.html", "Kế hoạch nâng cao hiệu quả công tác dân vận")],
)
def test_card_title_is_the_page_title(site_dir: Path, path: str, title_part: str) -> None:
    soup = BeautifulSoup((site_dir / path).read_text(encoding="utf-8"), "html.parser")
    assert title_part in _meta(soup, "og:title")


def test_not_found_page_helps_in_vietnamese(site_dir: Path) -> None:
    soup = BeautifulSoup((site_dir / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert "Không tìm thấy trang" in soup.find("h1").get_text()
    links = {a.get_text(strip=True): a["href"] for a in soup.select("article a")}
    assert links["Trang chủ"].startswith("/")
    assert links["Toàn văn Kế hoạch ngày 12/4/2022"].endswith("/ke-hoach/")
    assert soup.select_one(".md-search input"), "the search box is on the 404 page"
