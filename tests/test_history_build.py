"""The site builds from a copy with no git history, or a shallow clone, and says so."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import ROOT, build_site
from tests.gitrepo import commit, git, init


def _copy_worktree(dest: Path) -> Path:
    """The project's files as they are now (tracked and new), without .git."""
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", "-co", "--exclude-standard", "-z"],
        capture_output=True,
        check=True,
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            target = dest / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    return dest


def _text(site: Path, page: str) -> str:
    html = (site / page).read_text(encoding="utf-8")
    return BeautifulSoup(html, "html.parser").get_text(" ", strip=True)


@pytest.fixture(autouse=True)
def _not_in_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    # The date plugin warns about shallow clones on CI runners; these builds are shallow on
    # purpose, and the site must say so itself.
    for name in ("GITHUB_ACTIONS", "GITLAB_CI", "BITBUCKET_BUILD_NUMBER"):
        monkeypatch.delenv(name, raising=False)


def test_a_copy_without_git_history_builds_with_a_notice(tmp_path: Path) -> None:
    source = _copy_worktree(tmp_path / "copy")
    site = build_site(tmp_path / "site", source / "mkdocs.yml")
    recent = _text(site, "tinh-hinh/cap-nhat/index.html")
    assert "không có lịch sử git" in recent
    plan = _text(site, "ke-hoach/index.html")
    assert "Ngày cập nhật: chưa rõ (bản sao mã nguồn này không có lịch sử git" in plan


def test_a_shallow_clone_builds_with_a_notice(tmp_path: Path) -> None:
    source = _copy_worktree(tmp_path / "full")
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
