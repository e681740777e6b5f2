"""The calendar of the plan's dates: issue date and deadlines, linked where pages exist."""

from __future__ import annotations

from pathlib import Path

from scripts.common.vietnamese import format_date
from scripts.load.guides import Guide
from scripts.render.knowledge.calendar import calendar_table
from tests.kb_pages import article, internal_links, plan, soup, squash

GUIDES = [Guide("huong-dan/bao-cao.md", "Báo cáo", "", ("III.5",))]


def test_calendar_lists_the_plans_dates_in_order(site_dir: Path) -> None:
    page = article(soup(site_dir, "lich/"))
    dates = [squash(r.select("td")[0].get_text("")) for r in page.select("table tbody tr")]
    the_plan = plan()
    expected = [format_date(the_plan.date)] + [
        format_date(d.due) for d in sorted(the_plan.deadlines, key=lambda d: d.due)
    ]
    assert dates == expected
    text = squash(page.get_text(""))
    assert "hết ngày đó" in text, "the due-date rule is stated"


def test_calendar_links_guidance_and_plan_points(site_dir: Path) -> None:
    page = article(soup(site_dir, "lich/"))
    links = {(p, f) for _, p, f in internal_links(page, "lich/")}
    assert ("ke-hoach/", "iii-4") in links
    assert ("ke-hoach/", "iii-5") in links
    assert ("huong-dan/mo-hinh-dan-van-kheo/", "") in links
    assert ("huong-dan/bao-cao/", "") in links


def test_calendar_links_status_pages_and_ics_only_when_they_exist(site_dir: Path) -> None:
    page = article(soup(site_dir, "lich/"))
    paths = {p for _, p, _ in internal_links(page, "lich/")}
    for deadline in plan().deadlines:
        status = f"tinh-hinh/han/{deadline.id}/"
        built = (site_dir / status / "index.html").exists()
        assert (status in paths) == built, status
    ics_built = (site_dir / "tai-ve" / "han-nop.ics").exists()
    assert ("tai-ve/han-nop.ics" in paths) == ics_built


def test_calendar_table_links_status_pages_when_given() -> None:
    status = {"bao-cao-nam": "tinh-hinh/han/bao-cao-nam/index.md"}
    table = calendar_table(plan(), "lich/index.md", GUIDES, status)
    assert "| Tình hình |" in table
    assert "[Trường nào đã nộp](../tinh-hinh/han/bao-cao-nam/index.md)" in table
    assert table.count("Trường nào đã nộp") == 1


def test_calendar_table_without_status_pages_has_no_empty_column() -> None:
    table = calendar_table(plan(), "lich/index.md", GUIDES, {})
    assert "Tình hình" not in table
    assert "[Báo cáo](../huong-dan/bao-cao.md)" in table
