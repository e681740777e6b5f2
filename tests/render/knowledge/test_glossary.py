"""Glossary tooltips on every page, and the glossary page."""

from __future__ import annotations

from pathlib import Path

from tests.kb_pages import article, glossary, soup, squash

PLAN_ABBREVIATIONS = ["MN", "MG", "TH", "TH&THCS", "THCS", "UBND", "b/c", "KT."]


def test_plan_page_explains_its_abbreviations(site_dir: Path) -> None:
    text = soup(site_dir, "ke-hoach/").select_one("div.plan-text")
    shown = {a.get_text(): a["title"] for a in text.select("abbr[title]")}
    for term in PLAN_ABBREVIATIONS:
        assert term in shown, f"{term} has no tooltip on the plan page"
        assert shown[term].startswith(glossary().lookup(term).expansion)
    assert shown["KT."].startswith("Ký thay")


def test_unclear_abbreviations_are_listed_but_not_explained(site_dir: Path) -> None:
    plan_page = soup(site_dir, "ke-hoach/")
    unclear = {item.term for item in glossary().unclear}
    assert {"LĐ", "CCPGĐĐT", "VTptl"} <= unclear
    assert not [a for a in plan_page.select("abbr") if a.get_text() in unclear]
    page = article(soup(site_dir, "thuat-ngu/"))
    text = squash(page.get_text(""))
    assert "Chưa xác minh" in text
    for item in glossary().unclear:
        assert item.term in text


def test_glossary_page_lists_every_abbreviation(site_dir: Path) -> None:
    page = article(soup(site_dir, "thuat-ngu/"))
    rows = {
        squash(r.select("td")[0].get_text("")): squash(r.select("td")[1].get_text(""))
        for r in page.select("table tbody tr")
    }
    for item in glossary().abbreviations:
        assert rows.get(item.term) == item.expansion
    first_table_terms = {
        squash(r.select("td")[0].get_text("")) for r in page.select("table")[0].select("tbody tr")
    }
    assert set(PLAN_ABBREVIATIONS) <= first_table_terms, "terms of the plan come first"
