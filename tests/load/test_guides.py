"""Guidance pages: one per task the plan gives schools, each citing its points and dates."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from scripts.common.vietnamese import format_date
from scripts.load import points
from tests.conftest import ROOT
from tests.kb_pages import article, exists, internal_links, plan, plan_ids, plan_text, soup, squash

# slug → the points of the plan the page must cite (the tasks listed in issue 5).
GUIDES = {
    "ke-hoach-cua-truong": {"III.1"},
    "can-bo-phu-trach": {"II.3", "I.4"},
    "mo-hinh-dan-van-kheo": {"II.3", "III.3", "III.4"},
    "bao-cao": {"III.5"},
    "lang-nghe-doi-thoai": {"I.3", "III.2"},
    "tu-van-phu-huynh": {"II.3"},
    "danh-gia-thi-dua": {"II.4", "III.3"},
    "dao-duc-van-hoa-truong-hoc": {"II.5"},
}
DEADLINES = {
    "mo-hinh-dan-van-kheo": ["dang-ky-mo-hinh"],
    "bao-cao": ["bao-cao-6-thang", "bao-cao-nam"],
}
TEMPLATES = {
    "ke-hoach-cua-truong": ["ke-hoach-truong"],
    "mo-hinh-dan-van-kheo": ["dang-ky-mo-hinh"],
    "bao-cao": ["bao-cao-6-thang", "bao-cao-nam"],
}


def _front_matter(slug: str) -> dict:
    text = (ROOT / "docs" / "huong-dan" / f"{slug}.md").read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---")[1])


@pytest.mark.parametrize("slug", GUIDES)
def test_guide_cites_its_points_with_working_anchors(site_dir: Path, slug: str) -> None:
    url = f"huong-dan/{slug}/"
    body = article(soup(site_dir, url))
    anchors = {f for _, path, f in internal_links(body, url) if path == "ke-hoach/" and f}
    wanted = {points.anchor(p) for p in GUIDES[slug]}
    assert wanted <= anchors, f"{slug} does not link to {wanted - anchors}"
    assert anchors <= plan_ids(site_dir), f"{slug} links to missing anchors"
    declared = {str(p) for p in _front_matter(slug)["points"]}
    assert GUIDES[slug] <= declared


@pytest.mark.parametrize("slug", GUIDES)
def test_guide_quotes_the_plan_word_for_word(site_dir: Path, slug: str) -> None:
    body = article(soup(site_dir, f"huong-dan/{slug}/"))
    plan = plan_text(site_dir)
    quotes = body.select(".admonition.quote")
    assert quotes, f"{slug} quotes the plan"
    for quote in quotes:
        for block in quote.select("p, li"):
            if "admonition-title" in (block.get("class") or []) or "plan-cite" in (
                block.get("class") or []
            ):
                continue
            if block.name == "p" and block.find_parent("li"):
                continue
            for fragment in block.get_text("").split("…"):
                if squash(fragment).strip(" ;,"):
                    assert squash(fragment).strip(" ;,") in plan, f"{slug}: {fragment!r}"


@pytest.mark.parametrize("slug", GUIDES)
def test_guide_has_steps_and_a_checklist(site_dir: Path, slug: str) -> None:
    body = article(soup(site_dir, f"huong-dan/{slug}/"))
    headings = [squash(h.get_text("")).rstrip("#").strip() for h in body.select("h2")]
    assert "Kế hoạch yêu cầu" in headings
    assert "Danh sách kiểm tra" in headings
    assert any(h.startswith("Gợi ý") or h.startswith("Xây dựng") for h in headings)
    assert len(body.select("li.task-list-item")) >= 3


@pytest.mark.parametrize(("slug", "deadline_ids"), DEADLINES.items())
def test_guide_gives_the_dates_from_the_plan_data(
    site_dir: Path, slug: str, deadline_ids: list[str]
) -> None:
    text = squash(article(soup(site_dir, f"huong-dan/{slug}/")).get_text(""))
    for deadline_id in deadline_ids:
        deadline = plan().deadline(deadline_id)
        assert f"Hạn: trước ngày {format_date(deadline.due)}" in text


def test_dates_on_guides_come_from_data_not_typed(site_dir: Path) -> None:
    """Outside quotations of the plan, no guidance source types a deadline by hand."""
    for slug in GUIDES:
        source = (ROOT / "docs" / "huong-dan" / f"{slug}.md").read_text(encoding="utf-8")
        lines = [
            line
            for line in source.splitlines()
            if not line.startswith("    ") and not line.startswith("description:")
        ]
        for deadline in plan().deadlines:
            for line in lines:
                assert format_date(deadline.due) not in line, f"{slug}: {line}"


@pytest.mark.parametrize(("slug", "names"), TEMPLATES.items())
def test_guide_links_its_templates(site_dir: Path, slug: str, names: list[str]) -> None:
    url = f"huong-dan/{slug}/"
    paths = {p for _, p, _ in internal_links(article(soup(site_dir, url)), url)}
    for name in names:
        assert f"tai-ve/mau/{name}.docx" in paths
        assert (site_dir / "tai-ve" / "mau" / f"{name}.docx").exists()


def test_model_page_quotes_only_verified_sources(site_dir: Path) -> None:
    body = article(soup(site_dir, "huong-dan/mo-hinh-dan-van-kheo/"))
    text = squash(body.get_text(""))
    assert "Dân vận kém thì việc gì cũng kém. Dân vận khéo thì việc gì cũng thành công." in text
    assert "15/10/1949" in text
    assert "“có địa chỉ, có cách làm cụ thể”" in text
    hrefs = {str(a["href"]) for a in body.select("a[href]")}
    assert "http://danvan.vn/Home/MagazineStory?ID=700" in hrefs
    assert "https://doankhoi.ictkiengiang.vn/news.php?id=116" in hrefs


def test_guidance_index_lists_every_guide(site_dir: Path) -> None:
    body = article(soup(site_dir, "huong-dan/"))
    linked = {p for _, p, _ in internal_links(body, "huong-dan/")}
    for slug in GUIDES:
        assert f"huong-dan/{slug}/" in linked
    # The placeholder text of the skeleton is gone.
    assert "Trong lúc chờ" not in squash(body.get_text(""))


@pytest.mark.parametrize(
    "url",
    ["huong-dan/", *[f"huong-dan/{s}/" for s in GUIDES], "van-ban/", "lich/", "thuat-ngu/"],
)
def test_every_internal_link_resolves(site_dir: Path, url: str) -> None:
    body = article(soup(site_dir, url))
    broken = [href for href, path, _ in internal_links(body, url) if not exists(site_dir, path)]
    assert broken == []
