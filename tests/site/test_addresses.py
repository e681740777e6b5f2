"""Every address the site has published keeps working, or sends the reader to its new place."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.site.addresses import (
    read_list,
    read_redirects,
    unserved,
    update_list,
    write_redirects,
)
from tests.conftest import ROOT, TEST_SITE_URL, build_site, copy_project, run_build

PUBLISHED = ROOT / "data" / "published-addresses.txt"
REDIRECTS = ROOT / "data" / "redirects.yml"
KINDS = ["/ke-hoach/", "/huong-dan/", "/van-ban/", "/tinh-hinh/", "/tai-ve/"]


def test_every_published_address_is_still_served(site_dir: Path) -> None:
    published = read_list(PUBLISHED)
    for kind in ("/", "/ke-hoach/", "/tinh-hinh/"):
        assert kind in published
    problems = unserved(site_dir, published, read_redirects(REDIRECTS))
    assert problems == [], "\n".join(problems)


def test_the_list_covers_each_kind_of_public_address() -> None:
    """New schools are added by staff in pull requests without touching the list; a
    maintainer adds their addresses with `python -m scripts.site.addresses update site`."""
    published = read_list(PUBLISHED)
    for prefix in KINDS:
        assert any(a.startswith(prefix) for a in published), f"no address under {prefix}"


@pytest.fixture
def tiny_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    (site / "moi").mkdir(parents=True)
    (site / "moi" / "index.html").write_text("<p>mới</p>", encoding="utf-8")
    (site / "index.html").write_text("<p>chủ</p>", encoding="utf-8")
    return site


def test_a_page_gone_without_a_redirect_is_reported(tiny_site: Path) -> None:
    problems = unserved(tiny_site, ["/", "/cu/", "/moi/"], {})
    assert len(problems) == 1 and problems[0].startswith("/cu/: không còn trên trang")


def test_a_declared_redirect_keeps_the_old_address(tiny_site: Path) -> None:
    redirects = {"/cu/": "/moi/"}
    assert unserved(tiny_site, ["/cu/"], redirects) == []
    assert unserved(tiny_site, ["/cu/"], {"/cu/": "/khong-co/"})  # a redirect to nowhere fails
    (page,) = write_redirects(tiny_site, redirects, "https://vi-du.github.io/dan-van/")
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    assert soup.html["lang"] == "vi"
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})["content"]
    assert refresh == "0; url=https://vi-du.github.io/dan-van/moi/"
    assert soup.a["href"] == "https://vi-du.github.io/dan-van/moi/"


def test_update_adds_new_addresses_and_never_removes(tiny_site: Path, tmp_path: Path) -> None:
    listed = tmp_path / "published.txt"
    listed.write_text("# đầu tệp\n/cu/\n", encoding="utf-8")
    assert update_list(listed, tiny_site) == ["/", "/moi/"]
    assert read_list(listed) == ["/", "/cu/", "/moi/"]


def test_build_writes_a_vietnamese_redirect_page(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "data" / "redirects.yml").write_text(
        "/ke-hoach-2022/: /ke-hoach/\n", encoding="utf-8"
    )
    site = build_site(tmp_path / "site", project / "mkdocs.yml")
    html = (site / "ke-hoach-2022" / "index.html").read_text(encoding="utf-8")
    assert 'http-equiv="Content-Security-Policy"' in html
    assert f"0; url={TEST_SITE_URL}ke-hoach/" in html
    assert "Trang này đã chuyển sang địa chỉ mới" in html


def test_a_duplicated_redirect_stops_the_build_on_its_line(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "data" / "redirects.yml").write_text(
        "/cu/: /ke-hoach/\n/cu/: /tinh-hinh/\n", encoding="utf-8"
    )
    result = run_build(tmp_path / "site", project / "mkdocs.yml")
    assert result.returncode != 0
    assert "data/redirects.yml:2:1:" in result.stdout + result.stderr
