"""Readers see Vietnamese in the history: a commit message written for developers is shown
in the wording of data/commit-notes.yml, and authors under their .mailmap display name."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from scripts.common.problems import DataError
from scripts.history.gitlog import read_history
from scripts.history.notes import with_notes
from scripts.load.commit_notes import load_commit_notes
from tests.conftest import ROOT
from tests.gitrepo import SCHOOLS, Sub, commit, git, init, school_yaml, schools_file

NOTES = ROOT / "data" / "commit-notes.yml"
SCHOOL = dict(school_id="th-binh-thanh", name="Trường Tiểu học Bình Thạnh", commune="Bình Thạnh")


def _repo(tmp_path: Path) -> tuple[Path, str, str]:
    """Two commits to the schools file: one by a developer in English, one by staff."""
    repo = init(tmp_path / "repo")
    first = commit(
        repo, {SCHOOLS: schools_file([school_yaml(**SCHOOL)])}, "seed: sample data", author="dev"
    )
    second = commit(
        repo,
        {
            SCHOOLS: schools_file(
                [school_yaml(**SCHOOL, subs=[Sub("bao-cao-6-thang", "28/5/2022")])]
            )
        },
        "Ghi nhận báo cáo 6 tháng của TH Bình Thạnh",
        author="Cán bộ Phòng",
        when=dt.datetime(2022, 5, 2, 9, 0, tzinfo=dt.UTC),
    )
    return repo, first, second


def test_a_note_replaces_only_its_commits_message(tmp_path: Path) -> None:
    repo, first, second = _repo(tmp_path)
    history = with_notes(read_history(repo / SCHOOLS), {first: "Nhập dữ liệu minh họa ban đầu."})
    messages = {entry.commit.sha: entry.commit.summary for entry in history.commits}
    assert messages == {
        first: "Nhập dữ liệu minh họa ban đầu.",
        second: "Ghi nhận báo cáo 6 tháng của TH Bình Thạnh",
    }


def test_authors_are_shown_under_their_mailmap_name(tmp_path: Path) -> None:
    repo, _, _ = _repo(tmp_path)
    (repo / ".mailmap").write_text(
        "Nhóm phát triển trang <tac-gia@example.invalid>\n", encoding="utf-8"
    )
    git(repo, "add", ".mailmap")
    git(repo, "commit", "-q", "-m", "Tên hiển thị")
    authors = {entry.commit.author for entry in read_history(repo / SCHOOLS).commits}
    assert authors == {"Nhóm phát triển trang"}


def test_a_wrong_notes_file_is_refused_on_the_right_line(tmp_path: Path) -> None:
    path = tmp_path / "commit-notes.yml"
    sha = "a" * 40
    path.write_text(
        "notes:\n"
        f"  - commit: {sha}\n"
        "    message: Lời nhắn thứ nhất.\n"
        f"  - commit: {sha}\n"
        "    message: Lời nhắn thứ hai.\n"
        "  - commit: 680d90d\n"
        "    message: Mã rút gọn.\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_commit_notes(path, "data/commit-notes.yml")
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.column) == ("data/commit-notes.yml", 6, 13)
    assert "40 ký tự" in problem.message

    path.write_text("\n".join(path.read_text(encoding="utf-8").splitlines()[:5]) + "\n")
    with pytest.raises(DataError) as caught:
        load_commit_notes(path, "data/commit-notes.yml")
    [problem] = caught.value.problems
    assert (problem.line, problem.column) == (4, 13)
    assert "mỗi lần lưu chỉ một mục" in problem.message


def test_no_notes_file_means_no_notes(tmp_path: Path) -> None:
    assert load_commit_notes(tmp_path / "commit-notes.yml") == {}


def test_each_shipped_note_is_for_a_commit_that_changed_the_schools_file() -> None:
    history = read_history(ROOT / "data" / "schools.yml")
    if not history.available or history.shallow:
        pytest.skip("needs the repository's full git history")
    changed = {entry.commit.sha for entry in history.commits}
    assert set(load_commit_notes(NOTES)) <= changed


def test_the_published_history_reads_in_vietnamese(site_dir: Path) -> None:
    history = read_history(ROOT / "data" / "schools.yml")
    if not history.available or history.shallow:
        pytest.skip("needs the repository's full git history")
    notes = load_commit_notes(NOTES)
    english = [e.commit.summary for e in history.commits if e.commit.sha in notes]
    for page in ("tinh-hinh/cap-nhat/index.html", "tinh-hinh/truong/th-binh-thanh/index.html"):
        text = BeautifulSoup((site_dir / page).read_text(encoding="utf-8"), "html.parser")
        shown = text.select_one("article").get_text(" ", strip=True)
        assert all(summary not in shown for summary in english)
        for entry in history.commits:
            if entry.commit.sha in notes:
                assert notes[entry.commit.sha] in shown
    feed = (site_dir / "tai-ve" / "cap-nhat.atom").read_text(encoding="utf-8")
    assert all(summary not in feed for summary in english)
