"""The site builds from a copy with no git history, or a shallow clone, and says so."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup

from scripts.common.clock import VIETNAM
from tests.conftest import build_site, copy_project
from tests.gitrepo import commit, git, init


def _text(site: Path, page: str) -> str:
    """The page's text; inline markup (glossary tooltips in "25/BC-THBT") adds no spaces."""
    html = (site / page).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").get_text("")


@pytest.fixture(autouse=True)
def _not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    # The date plugin warns about shallow clones on CI runners; these builds are shallow on
    # purpose, and the site must say so itself.
    for name in ("GITHUB_ACTIONS", "GITLAB_CI", "BITBUCKET_BUILD_NUMBER"):
        monkeypatch.delenv(name, raising=False)


def test_a_copy_without_git_history_builds_with_a_notice(tmp_path: Path) -> None:
    source = copy_project(tmp_path / "copy")
    site = build_site(tmp_path / "site", source / "mkdocs.yml")
    recent = _text(site, "tinh-hinh/cap-nhat/index.html")
    assert "không có lịch sử git" in recent
    plan = _text(site, "ke-hoach/index.html")
    assert "Ngày cập nhật: chưa rõ (bản sao mã nguồn này không có lịch sử git" in plan


def test_a_shallow_clone_builds_with_a_notice(tmp_path: Path) -> None:
    source = copy_project(tmp_path / "full")
    init(source)
    git(source, "add", "-A")
    git(source, "commit", "-q", "-m", "Toàn bộ trang")
    schools = source / "data" / "schools.yml"
    if schools.exists():
        commit(
            source,
            {"data/schools.yml": schools.read_text(encoding="utf-8") + "# sửa nhỏ\n"},
            "Sửa nhỏ dữ liệu",
            when=dt.datetime.now(dt.UTC),
        )
    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth", "1", f"file://{source}", str(clone))
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"

    site = build_site(tmp_path / "site", clone / "mkdocs.yml")
    recent = _text(site, "tinh-hinh/cap-nhat/index.html")
    assert "Lịch sử có thể chưa đầy đủ" in recent
    assert "bản sao nông" in recent
    plan = _text(site, "ke-hoach/index.html")
    assert "Cập nhật lần cuối: ngày" in plan
    assert "bản sao chỉ có một phần lịch sử git" in plan


def test_school_pages_the_recent_page_and_the_feed_show_a_recorded_submission(
    tmp_path: Path,
) -> None:
    source = copy_project(tmp_path / "repo")
    # A stand-in for the school page the status board generates at the same address.
    page = source / "docs" / "tinh-hinh" / "truong" / "th-so-1-chau-o.md"
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text("# Trường Tiểu học số 1 Châu Ổ (minh họa)\n", encoding="utf-8")
    init(source)
    git(source, "add", "-A")
    git(source, "commit", "-q", "-m", "Toàn bộ trang")
    # Recorded as the form does it: a file of its own under data/submissions/.
    recorded = "th-so-1-chau-o:\n  received: 20/10/2022\n  number: 99/BC-TH1CO\n"
    commit(
        source,
        {"data/submissions/bao-cao-nam/th-so-1-chau-o.yml": recorded},
        "Ghi nhận báo cáo năm của Trường Tiểu học số 1 Châu Ổ",
        author="Văn thư Châu Ổ",
        when=dt.datetime(2022, 10, 20, 15, 30, tzinfo=VIETNAM),
    )
    site = build_site(tmp_path / "site", source / "mkdocs.yml")

    school = _text(site, "tinh-hinh/truong/th-so-1-chau-o/index.html")
    assert "Lịch sử cập nhật" in school
    assert "Cập nhật lần cuối: 20/10/2022 lúc 15:30, bởi Văn thư Châu Ổ." in school
    assert "Báo cáo năm: chưa nộp → đã nộp ngày 20/10/2022 (đúng hạn), văn bản số 99/BC-TH1CO" in (
        school
    )

    recent = _text(site, "tinh-hinh/cap-nhat/index.html")
    assert "20/10/2022 lúc 15:30 — Văn thư Châu Ổ" in recent
    assert recent.index("Văn thư Châu Ổ") < recent.index("Toàn bộ trang")  # newest first

    feed = ElementTree.parse(site / "tai-ve" / "cap-nhat.atom").getroot()
    atom = "{http://www.w3.org/2005/Atom}"
    assert feed.findtext(f"{atom}subtitle").startswith("Dữ liệu minh họa.")
    newest = feed.findall(f"{atom}entry")[0]
    assert newest.findtext(f"{atom}title") == (
        "Trường Tiểu học số 1 Châu Ổ (minh họa) — Báo cáo năm: chưa nộp → đã nộp ngày 20/10/2022 "
        "(đúng hạn)"
    )
    assert newest.findtext(f"{atom}author/{atom}name") == "Văn thư Châu Ổ"
    link = newest.find(f"{atom}link").get("href")
    assert link.endswith("/tinh-hinh/truong/th-so-1-chau-o/")
    assert link.startswith("http")
