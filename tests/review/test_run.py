"""`python -m scripts.cli diff`: the review of a pull request, on scripted repositories."""

from __future__ import annotations

import datetime as dt
import html
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.gitrepo import SCHOOLS, Sub, commit, git, init, school_yaml, schools_file

AS_OF = "2022-06-15"
CLERK = "vi-du-van-thu-th-binh-thanh"
OFFICE = "vi-du-can-bo-phong"
EDITORS = (
    "sample: true\n"
    "editors:\n"
    f"  - github: {OFFICE}\n"
    "    name: Cán bộ Phòng (ví dụ minh họa)\n"
    "    schools: all\n"
    f"  - github: {CLERK}\n"
    "    name: Văn thư (ví dụ minh họa)\n"
    "    schools:\n"
    "      - th-binh-thanh\n"
)
BT = dict(school_id="th-binh-thanh", name="Trường Tiểu học Bình Thạnh", commune="Bình Thạnh")
CO = dict(school_id="mn-chau-o", name="Trường Mầm non Châu Ổ", level="MN", commune="Châu Ổ")
REPORT = Sub("bao-cao-6-thang", "28/5/2022", "25/BC-THBT")


def _data(*blocks: str, editors: str = EDITORS) -> dict[str, str | None]:
    return {SCHOOLS: schools_file(blocks), "data/editors.yml": editors}


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """main: two schools, nothing submitted; the plan and the editors list of the project."""
    repo = init(tmp_path / "repo")
    plan = (ROOT / "data" / "plan.yml").read_text(encoding="utf-8")
    commit(
        repo,
        {"data/plan.yml": plan, **_data(school_yaml(**BT), school_yaml(**CO))},
        "Dữ liệu ban đầu",
        when=dt.datetime(2022, 5, 1, tzinfo=dt.UTC),
    )
    git(repo, "checkout", "-q", "-b", "pr")
    return repo


def diff(repo: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The command as the pull-request workflow runs it."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.cli", "diff", "--repo", str(repo), *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TRACKER_AS_OF": AS_OF},
    )


def test_a_recorded_submission_is_described_and_the_clerk_may_make_it(repo: Path) -> None:
    commit(repo, _data(school_yaml(**BT, subs=[REPORT]), school_yaml(**CO)), "Ghi nhận", CLERK)
    result = diff(repo, "--author", CLERK, "main", "pr")
    assert result.returncode == 0, result.stdout + result.stderr
    text = html.unescape(result.stdout)
    assert "#### Trường Tiểu học Bình Thạnh (mã `th-binh-thanh`)" in text
    assert (
        "- Báo cáo 6 tháng: chưa nộp → đã nộp ngày 28/5/2022 (đúng hạn), văn bản số 25/BC-THBT"
    ) in text
    assert (
        "- Báo cáo 6 tháng, tình trạng tính đến 15/6/2022: ✘ Chưa nộp (quá hạn) → ✔ Đã nộp đúng hạn"
    ) in text
    assert "Châu Ổ" not in text
    assert "✅ Dữ liệu hợp lệ." in text
    assert f"✅ Người gửi @{CLERK} chỉ sửa những gì mình được phép." in text
    assert "[!WARNING]" not in text and "[!CAUTION]" not in text


def test_a_clerk_changing_another_school_is_refused_naming_it(repo: Path) -> None:
    other = school_yaml(**CO, subs=[Sub("bao-cao-6-thang", "29/5/2022")])
    commit(repo, _data(school_yaml(**BT, subs=[REPORT]), other), "Ghi nhận hai trường", CLERK)
    result = diff(repo, "--author", CLERK, "main", "pr")
    assert result.returncode == 1
    text = html.unescape(result.stdout)
    assert "[!CAUTION]" in text
    assert (
        f"vượt quá quyền của người gửi: tài khoản @{CLERK} chỉ được sửa các trường: th-binh-thanh."
    ) in text
    assert f"> - @{CLERK} không được sửa trường “Trường Mầm non Châu Ổ” (mã mn-chau-o)." in text
    assert "(mã th-binh-thanh)." not in text  # their own school is fine
    assert "vượt quá quyền" in result.stderr


def test_a_clerk_changing_the_editors_list_is_refused(repo: Path) -> None:
    widened = EDITORS.replace(
        "      - th-binh-thanh\n", "      - th-binh-thanh\n      - mn-chau-o\n"
    )
    commit(repo, _data(school_yaml(**BT), school_yaml(**CO), editors=widened), "Thêm quyền")
    result = diff(repo, "--author", CLERK, "main", "pr")
    assert result.returncode == 1
    assert (
        f"@{CLERK} không phải người quản lý dữ liệu (ghi “schools: all”) trong data/editors.yml: "
        "không được sửa data/editors.yml." in html.unescape(result.stdout)
    )


def test_a_clerk_cannot_widen_their_rights_in_the_same_change(repo: Path) -> None:
    widened = EDITORS.replace(
        "      - th-binh-thanh\n", "      - th-binh-thanh\n      - mn-chau-o\n"
    )
    other = school_yaml(**CO, subs=[Sub("bao-cao-6-thang", "29/5/2022")])
    commit(repo, _data(school_yaml(**BT), other, editors=widened), "Thêm quyền và sửa")
    text = html.unescape(diff(repo, "--author", CLERK, "main", "pr").stdout)
    assert "không được sửa trường “Trường Mầm non Châu Ổ” (mã mn-chau-o)" in text


def test_an_office_account_may_change_anything(repo: Path) -> None:
    widened = EDITORS.replace("      - th-binh-thanh\n", "      - mn-chau-o\n")
    other = school_yaml(**CO, subs=[Sub("bao-cao-6-thang", "29/5/2022")])
    commit(repo, _data(school_yaml(**BT, subs=[REPORT]), other, editors=widened), "Phòng sửa")
    result = diff(repo, "--author", OFFICE.upper(), "main", "pr")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "là người quản lý dữ liệu: được sửa mọi dữ liệu" in html.unescape(result.stdout)


def test_an_unlisted_account_is_refused(repo: Path) -> None:
    commit(repo, _data(school_yaml(**BT, subs=[REPORT]), school_yaml(**CO)), "Ghi nhận")
    result = diff(repo, "--author", "nguoi-la", "main", "pr")
    assert result.returncode == 1
    text = html.unescape(result.stdout)
    assert "tài khoản @nguoi-la chưa có trong data/editors.yml" in text
    assert "@nguoi-la không được sửa trường “Trường Tiểu học Bình Thạnh”" in text


def test_invalid_data_fails_with_file_line_and_column(repo: Path) -> None:
    bad = school_yaml(**BT, subs=[Sub("bao-cao-6-thang", "31/02/2022")])
    commit(repo, _data(bad, school_yaml(**CO)), "Ngày sai")
    result = diff(repo, "main", "pr")
    assert result.returncode == 1
    text = html.unescape(result.stdout)
    assert "Dữ liệu không hợp lệ" in text
    assert any(
        line.startswith("> - data/schools.yml:") and "31/02/2022" in line
        for line in text.splitlines()
    ), text
    assert "❌ Dữ liệu không hợp lệ" in text


def test_deleting_removing_and_moving_dates_warn_loudly(repo: Path) -> None:
    commit(repo, _data(school_yaml(**BT, subs=[REPORT]), school_yaml(**CO)), "Ghi nhận")
    git(repo, "checkout", "-q", "main")
    git(repo, "merge", "-q", "--ff-only", "pr")
    git(repo, "checkout", "-q", "pr")
    moved = Sub("bao-cao-6-thang", "2/6/2022", "25/BC-THBT")
    commit(repo, _data(school_yaml(**BT, subs=[moved])), "Sửa ngày, bỏ Châu Ổ")
    text = html.unescape(diff(repo, "main", "pr").stdout)
    assert "> [!WARNING]" in text
    assert "Xóa Trường Mầm non Châu Ổ (mã mn-chau-o) khỏi danh sách" in text
    assert (
        "Trường Tiểu học Bình Thạnh — Báo cáo 6 tháng: đổi ngày nhận 28/5/2022 → 02/6/2022."
    ) in text
    assert (
        "Báo cáo 6 tháng: đã nộp ngày 28/5/2022 (đúng hạn) → đã nộp ngày 02/6/2022 (trễ 3 ngày)"
    ) in text
    assert "Thêm 0, xóa 1, sửa 1." in text

    commit(repo, _data(school_yaml(**BT)), "Xóa ghi nhận")
    text = html.unescape(diff(repo, "main", "pr").stdout)
    assert (
        "Trường Tiểu học Bình Thạnh — Báo cáo 6 tháng: xóa ghi nhận đã nộp ngày 28/5/2022"
    ) in text


def test_the_review_is_appended_to_the_job_summary(repo: Path, tmp_path: Path) -> None:
    commit(repo, _data(school_yaml(**BT, subs=[REPORT]), school_yaml(**CO)), "Ghi nhận")
    summary = tmp_path / "summary.md"
    summary.write_text("trước\n", encoding="utf-8")
    result = diff(repo, "--summary", str(summary), "main", "pr")
    assert result.returncode == 0
    written = summary.read_text(encoding="utf-8")
    assert written.startswith("trước\n## Xem xét thay đổi dữ liệu")
    assert result.stdout.strip() in written


def test_an_unknown_revision_is_said_plainly(repo: Path) -> None:
    result = diff(repo, "khong-co", "pr")
    assert result.returncode == 2
    assert "Không tìm thấy phiên bản “khong-co”" in result.stderr


def test_a_moved_deadline_warns_and_only_office_staff_may_move_it(repo: Path) -> None:
    plan = (repo / "data" / "plan.yml").read_text(encoding="utf-8")
    assert "    due: 2022-05-30\n" in plan
    commit(repo, {"data/plan.yml": plan.replace("due: 2022-05-30", "due: 2022-06-10")}, "Lùi hạn")
    result = diff(repo, "--author", CLERK, "main", "pr")
    assert result.returncode == 1
    text = html.unescape(result.stdout)
    assert "Đổi ngày hạn “Báo cáo 6 tháng”: 30/5/2022 → 10/6/2022" in text
    assert "> [!WARNING]" in text
    assert "không được sửa data/plan.yml." in text
    assert diff(repo, "--author", OFFICE, "main", "pr").returncode == 0
