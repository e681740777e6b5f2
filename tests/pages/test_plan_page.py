"""The plan page shows the plan's complete text, faithful to the original."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.plan_text import differences, page_corrections, page_words, seed_words

SEED = ROOT / "data" / "ke-hoach-dan-van-2022.txt"


@pytest.fixture(scope="module")
def plan_html(site_dir: Path) -> str:
    return (site_dir / "ke-hoach" / "index.html").read_text(encoding="utf-8")


def _compare(seed: str, html: str) -> list[str]:
    return differences(seed_words(seed, page_corrections(html)), page_words(html))


def test_plan_page_matches_the_plan_word_for_word(plan_html: str) -> None:
    problems = _compare(SEED.read_text(encoding="utf-8"), plan_html)
    assert problems == [], "\n".join(problems)


def test_corrections_are_listed_on_the_page(plan_html: str) -> None:
    corrections = {c.source: c.shown for c in page_corrections(plan_html)}
    assert corrections["Noi nhận"] == "Nơi nhận"
    assert "Nơi nhận" in " ".join(page_words(plan_html))


@pytest.mark.parametrize(
    ("original", "mutated"),
    [
        ("trước ngày 15/5/2022", "trước ngày 16/5/2022"),
        ("ít nhất 01 mô hình", "ít nhất 02 mô hình"),
        ("Phạm Thanh Lương", "Phạm Thanh Long"),
        ("Ban Tuyên giáo Huyện ủy;", "Ban Tuyên giáo Huyện ủy; Ban Tổ chức Huyện ủy;"),
    ],
)
def test_a_single_changed_word_is_caught(plan_html: str, original: str, mutated: str) -> None:
    seed = SEED.read_text(encoding="utf-8")
    assert original in seed
    assert _compare(seed.replace(original, mutated, 1), plan_html), "mutation went unnoticed"


def test_a_word_dropped_from_the_page_is_caught(plan_html: str) -> None:
    seed = SEED.read_text(encoding="utf-8")
    assert _compare(seed, plan_html.replace("Covid-19 được kiểm soát", "Covid-19", 1))


def test_plan_structure(plan_html: str) -> None:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(plan_html, "html.parser")
    headings = [
        h.get_text(" ", strip=True).rstrip("#").strip() for h in soup.select(".plan-text h2")
    ]
    assert headings == ["I. MỤC ĐÍCH YÊU CẦU", "II. NỘI DUNG THỰC HIỆN", "III. TỔ CHỨC THỰC HIỆN"]
    for section, count in {"i": 5, "ii": 5, "iii": 5}.items():
        for point in range(1, count + 1):
            assert soup.find(id=f"{section}-{point}"), f"point {section}.{point} has an anchor"
    assert soup.select_one(".plan-text strong").get_text() == "trước ngày 15/5/2022"
    assert len(soup.select(".plan-recipients li")) == 7


def test_print_stylesheet_hides_navigation(site_dir: Path) -> None:
    css = (site_dir / "assets" / "stylesheets" / "site.css").read_text(encoding="utf-8")
    print_rules = css.split("@media print", 1)[1]
    for selector in (".md-header", ".md-sidebar", ".md-search", ".md-footer"):
        assert selector in print_rules
    assert "size: A4" in css


def test_heading_anchors_keep_d_with_stroke(site_dir: Path) -> None:
    html = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'id="bat-dau-tu-dau"' in html, "“Bắt đầu từ đâu” → #bat-dau-tu-dau"
