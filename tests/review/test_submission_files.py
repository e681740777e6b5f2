"""Pull requests that add submission files: what the review says, what the history shows,
and what merges (the form writes one file per school, so clerks do not collide)."""

from __future__ import annotations

import html
import os
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.history.gitlog import read_history
from tests.conftest import ROOT
from tests.gitrepo import (
    SCHOOLS,
    Sub,
    commit,
    git,
    init,
    school_yaml,
    schools_file,
    submission_path,
    submission_yaml,
)

AS_OF = "2022-06-15"
BT = dict(school_id="th-binh-thanh", name="Trường Tiểu học Bình Thạnh", commune="Bình Thạnh")
CO = dict(school_id="mn-chau-o", name="Trường Mầm non Châu Ổ", level="MN", commune="Châu Ổ")
REPORT = Sub("bao-cao-6-thang", "28/5/2022", "25/BC-THBT")
BT_FILE = submission_path(REPORT, "th-binh-thanh")
CO_FILE = submission_path(REPORT, "mn-chau-o")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """main: the plan and two schools, nothing submitted."""
    repo = init(tmp_path / "repo")
    plan = (ROOT / "data" / "plan.yml").read_text(encoding="utf-8")
    register = schools_file([school_yaml(**BT), school_yaml(**CO)])
    commit(repo, {"data/plan.yml": plan, SCHOOLS: register}, "Dữ liệu ban đầu")
    return repo


def run(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.cli", *args],
        cwd=ROOT if args[0] == "diff" else repo,
        capture_output=True,
        text=True,
        env={**os.environ, "TRACKER_AS_OF": AS_OF, "PYTHONPATH": str(ROOT)},
    )


def validate(repo: Path) -> subprocess.CompletedProcess[str]:
    """`validate` as the done-when says, on the scratch clone's data."""
    files = [str(repo / "data" / name) for name in ("plan.yml", "schools.yml")]
    return run(repo, "validate", "--today", "2022-12-01", *files)


def branch(repo: Path, name: str, files: dict[str, str | None], start: str = "main") -> None:
    git(repo, "checkout", "-q", "-b", name, start)
    commit(repo, files, f"Ghi nhận nộp ({name})")
    git(repo, "checkout", "-q", "main")


def merge(repo: Path, name: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["git", "merge", "--no-ff", "-q", "-m", f"Hợp nhất {name}", name],
        cwd=repo,
        capture_output=True,
        text=True,
    )


def test_the_review_describes_a_submission_file_in_words(repo: Path) -> None:
    branch(repo, "pr", {BT_FILE: submission_yaml([("th-binh-thanh", REPORT)])})
    result = run(repo, "diff", "--repo", str(repo), "main", "pr")
    assert result.returncode == 0, result.stdout + result.stderr
    text = html.unescape(result.stdout)
    assert "#### Trường Tiểu học Bình Thạnh (mã `th-binh-thanh`)" in text
    assert "- Báo cáo 6 tháng: chưa nộp → đã nộp ngày 28/5/2022 (đúng hạn)" in text
    assert (
        "- Trường Tiểu học Bình Thạnh: ghi nhận nộp Báo cáo 6 tháng — ngày nhận 28/5/2022, "
        f"văn bản số 25/BC-THBT (tệp {BT_FILE})"
    ) in text
    assert "Châu Ổ" not in text and "Các tệp khác thay đổi" not in text


def test_the_history_of_a_school_follows_its_submission_files(repo: Path) -> None:
    commit(repo, {BT_FILE: submission_yaml([("th-binh-thanh", REPORT)])}, "Ghi nhận")
    fixed = Sub("bao-cao-6-thang", "29/5/2022", "25/BC-THBT")
    commit(repo, {BT_FILE: submission_yaml([("th-binh-thanh", fixed)])}, "Sửa ngày nhận")
    # Moving a submission from the register into its own file is no change at all.
    other = Sub("bao-cao-6-thang", "30/5/2022")
    register = schools_file([school_yaml(**BT), school_yaml(**CO, subs=[other])])
    commit(repo, {SCHOOLS: register}, "Ghi nhận trong danh sách (cách cũ)")
    moved = {SCHOOLS: schools_file([school_yaml(**BT), school_yaml(**CO)])}
    moved[CO_FILE] = submission_yaml([("mn-chau-o", other)])
    commit(repo, moved, "Chuyển sang data/submissions/")

    history = read_history(repo / SCHOOLS, use_cache=False)
    bt = [(c.summary, change.after) for c, change in history.for_school("th-binh-thanh")]
    assert [summary for summary, _ in bt] == ["Sửa ngày nhận", "Ghi nhận", "Dữ liệu ban đầu"]
    assert bt[0][1] is not None
    assert bt[0][1]["submissions"]["bao-cao-6-thang"]["received"] == "2022-05-29"
    assert bt[0][1]["fields"]["name"] == "Trường Tiểu học Bình Thạnh"
    co = [c.summary for c, _ in history.for_school("mn-chau-o")]
    assert co == ["Ghi nhận trong danh sách (cách cũ)", "Dữ liệu ban đầu"]


def test_form_pull_requests_for_different_schools_or_deadlines_merge_cleanly(
    repo: Path,
) -> None:
    year = Sub("bao-cao-nam", "25/10/2022", "40/BC-THBT")
    branch(repo, "bt", {BT_FILE: submission_yaml([("th-binh-thanh", REPORT)])})
    branch(repo, "co", {CO_FILE: submission_yaml([("mn-chau-o", REPORT)])})
    branch(
        repo,
        "bt-nam",
        {submission_path(year, "th-binh-thanh"): submission_yaml([("th-binh-thanh", year)])},
    )
    for name in ("bt", "co", "bt-nam"):
        assert merge(repo, name).returncode == 0, name
    result = validate(repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 trường, 3 hạn nộp, 3 lần nộp" in result.stdout


def test_the_same_school_and_deadline_on_two_branches_is_caught(repo: Path) -> None:
    # Same file name (both made from the school page): git refuses the second merge.
    branch(repo, "one", {BT_FILE: submission_yaml([("th-binh-thanh", REPORT)])})
    late = Sub("bao-cao-6-thang", "2/6/2022", "26/BC-THBT")
    branch(repo, "two", {BT_FILE: submission_yaml([("th-binh-thanh", late)])})
    assert merge(repo, "one").returncode == 0
    conflict = merge(repo, "two")
    assert conflict.returncode != 0 and "CONFLICT" in conflict.stdout + conflict.stderr
    git(repo, "merge", "--abort")
    # A file for several schools made the same day: git merges, the check of the second
    # pull request, run on its merge with main as GitHub does, refuses it naming both.
    many = "data/submissions/bao-cao-6-thang/nhieu-truong-2022-06-02-a1b2.yml"
    branch(repo, "many", {many: submission_yaml([("mn-chau-o", REPORT), ("th-binh-thanh", late)])})
    git(repo, "checkout", "-q", "-b", "many-merge", "main")
    assert merge(repo, "many").returncode == 0
    result = run(repo, "diff", "--repo", str(repo), "main", "many-merge")
    assert result.returncode == 1
    text = html.unescape(result.stdout)
    # Files are read in name order: the message stands on one file and names the other.
    assert f"{BT_FILE}:1:1: Trường Tiểu học Bình Thạnh (mã th-binh-thanh) đã có lần nộp" in text
    assert f"ở {many}, dòng 4." in text


def test_two_branches_adding_schools_conflict_and_keeping_both_is_valid(repo: Path) -> None:
    """Adding schools still edits data/schools.yml: two at the end of the list conflict.
    The guide says to keep both schools whole (GitHub's conflict editor), not just delete
    the markers."""
    a = school_yaml("th-a", "Trường Tiểu học A", commune="Bình Thạnh")
    b = school_yaml("th-b", "Trường Tiểu học B", commune="Bình Thạnh")
    base = [school_yaml(**BT), school_yaml(**CO)]
    branch(repo, "a", {SCHOOLS: schools_file([*base, a])})
    branch(repo, "b", {SCHOOLS: schools_file([*base, b])})
    assert merge(repo, "a").returncode == 0
    assert merge(repo, "b").returncode != 0
    text = (repo / SCHOOLS).read_text(encoding="utf-8")
    assert "<<<<<<<" in text
    markers = ("<<<<<<<", "=======", ">>>>>>>")
    naive = "\n".join(line for line in text.split("\n") if not line.startswith(markers))
    (repo / SCHOOLS).write_text(naive, encoding="utf-8")
    # Deleting only the markers leaves git's shared lines once: the check says what is missing.
    refused = validate(repo)
    assert refused.returncode == 1 and "Thiếu mục Cấp học (level)" in refused.stdout
    # Keeping both schools whole, as the guide says, is valid.
    (repo / SCHOOLS).write_text(schools_file([*base, a, b]), encoding="utf-8")
    git(repo, "add", SCHOOLS)
    git(repo, "commit", "-q", "--no-edit")
    result = validate(repo)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 trường" in result.stdout
