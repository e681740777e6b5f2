"""The communes are data (data/communes.yml): dated, sourced, and edited without code."""

from __future__ import annotations

import datetime as dt
import html
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.cli.main import main as cli_main
from scripts.common.problems import DataError
from scripts.load.communes import load_communes
from scripts.load.dataset import load_dataset
from scripts.model import CommuneKind
from scripts.render.board.common import communes_note
from tests.conftest import ROOT
from tests.gitrepo import SCHOOLS, commit, git, init, school_yaml, schools_file

TODAY = dt.date(2026, 12, 2)
NEW = "Bình Thử Nghiệm"
"""A commune that is not in the list: made up for the test."""


def _data_copy(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def _add_school(data: Path, commune: str) -> int:
    """A new school at the end of schools.yml, in `commune`; the line of its commune."""
    schools = data / "schools.yml"
    text = schools.read_text(encoding="utf-8")
    block = school_yaml("th-thu-nghiem", "Trường Tiểu học Thử Nghiệm (minh họa)", "TH", commune)
    schools.write_text(text + block, encoding="utf-8")
    return text.count("\n") + 4


def _add_commune(data: Path, name: str, kind: str = "xã") -> None:
    communes = data / "communes.yml"
    text = communes.read_text(encoding="utf-8")
    communes.write_text(text + f"  - name: {name}\n    kind: {kind}\n", encoding="utf-8")


def test_the_list_is_the_22_communes_of_2022_with_its_date_and_source() -> None:
    communes = load_communes(ROOT / "data" / "communes.yml")
    assert len(communes.communes) == 22
    assert [c.name for c in communes.communes if c.kind is CommuneKind.THI_TRAN] == ["Châu Ổ"]
    assert {"Bình Thạnh", "Bình Thanh", "Bình Tân Phú"} <= set(communes.names)
    assert communes.district == "huyện Bình Sơn"
    assert communes.valid_on == dt.date(2022, 4, 12)
    assert communes.ended_on == dt.date(2025, 7, 1)
    assert "trước ngày 01/7/2025" in communes.source_title
    assert communes.source_url.startswith("https://vi.m.wikipedia.org/")
    assert communes.source_document == "chưa xác minh"  # no legal text could be verified


def test_no_list_of_communes_is_left_in_the_code() -> None:
    for path in (ROOT / "scripts").rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "Bình Khương" not in text, path  # a name only the list has
    schema = (ROOT / "schemas" / "schools.schema.json").read_text(encoding="utf-8")
    assert "Bình Khương" not in schema


def test_a_new_commune_is_a_data_edit_with_no_code_change(tmp_path: Path) -> None:
    data = _data_copy(tmp_path)
    line = _add_school(data, NEW)

    with pytest.raises(DataError) as caught:
        load_dataset(data, today=TODAY)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.column) == ("data/schools.yml", line, 14)
    assert f"“{NEW}” không có trong danh sách năm 2022 (data/communes.yml)" in problem.message

    _add_commune(data, NEW)
    dataset = load_dataset(data, today=TODAY)
    school = next(s for s in dataset.schools if s.id == "th-thu-nghiem")
    assert school.commune == NEW
    assert NEW in dataset.communes.names
    # The command line agrees, and counts the new commune.
    files = [str(data / name) for name in ("plan.yml", "communes.yml", "schools.yml")]
    result = subprocess.run(
        [sys.executable, "-m", "scripts.cli", "validate", "--today", TODAY.isoformat(), *files],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == (
        "Hợp lệ: 71 trường, 3 hạn nộp, 176 lần nộp; 23 xã, thị trấn (danh sách ngày 12/4/2022)\n"
    )


def test_renaming_a_commune_is_a_data_edit_too(tmp_path: Path) -> None:
    data = _data_copy(tmp_path)
    communes = data / "communes.yml"
    communes.write_text(
        communes.read_text(encoding="utf-8").replace("name: Bình Tân Phú\n", "name: Tân Phú\n"),
        encoding="utf-8",
    )
    with pytest.raises(DataError) as caught:
        load_dataset(data, today=TODAY)
    refused = caught.value.problems
    assert refused and all("“Bình Tân Phú” không có trong danh sách" in p.message for p in refused)
    assert {p.file for p in refused} == {"data/schools.yml"}

    schools = data / "schools.yml"
    schools.write_text(
        schools.read_text(encoding="utf-8").replace(
            "commune: Bình Tân Phú\n", "commune: Tân Phú\n"
        ),
        encoding="utf-8",
    )
    dataset = load_dataset(data, today=TODAY)
    assert "Tân Phú" in {s.commune for s in dataset.schools}


@pytest.mark.parametrize(
    ("edit", "line", "gist"),
    [
        ("  - name: Bình An\n    kind: xã\n", 1, "“Bình An” đã có trong danh sách ở dòng"),
        ("  - name: Bình Mới\n    kind: phường\n", 2, "“xã” hoặc “thị trấn”"),
        ("  - name: Bình Mới\n", 1, "Thiếu mục Loại (kind)"),
    ],
)
def test_a_bad_edit_of_the_list_is_refused_on_its_line(
    tmp_path: Path, edit: str, line: int, gist: str
) -> None:
    data = _data_copy(tmp_path)
    communes = data / "communes.yml"
    text = communes.read_text(encoding="utf-8")
    communes.write_text(text + edit, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(data, today=TODAY)
    [problem] = caught.value.problems
    assert problem.file == "data/communes.yml"
    assert problem.line == text.count("\n") + line
    assert gist in problem.message


def test_dates_of_the_list_must_be_real_and_in_order(tmp_path: Path) -> None:
    data = _data_copy(tmp_path)
    communes = data / "communes.yml"
    text = communes.read_text(encoding="utf-8")
    communes.write_text(text.replace("ended_on: 2025-07-01", "ended_on: 2021-01-01"), "utf-8")
    with pytest.raises(DataError) as caught:
        load_dataset(data, today=TODAY)
    [problem] = caught.value.problems
    assert problem.file == "data/communes.yml"
    assert "phải sau ngày danh sách đúng (12/4/2022)" in problem.message


def test_the_site_says_the_list_is_that_of_2022() -> None:
    note = communes_note(load_communes(ROOT / "data" / "communes.yml"))
    assert note == (
        "Xã, thị trấn theo danh sách năm 2022 của huyện Bình Sơn: 22 xã, thị trấn đúng vào "
        "ngày 12/4/2022, không phải đơn vị hành chính hiện nay (danh sách thôi dùng từ ngày "
        "01/7/2025)."
    )


# --- Old commits: the data of a commit is checked against the list of that commit -------


def _review(repo: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.cli", "diff", "--repo", str(repo), "main", "pr"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "TRACKER_AS_OF": "2022-06-15"},
    )


def _repo(tmp_path: Path, files: dict[str, str | None]) -> Path:
    repo = init(tmp_path / "repo")
    plan = (ROOT / "data" / "plan.yml").read_text(encoding="utf-8")
    commit(repo, {"data/plan.yml": plan, **files}, "Dữ liệu ban đầu")
    git(repo, "checkout", "-q", "-b", "pr")
    return repo


def _school(commune: str) -> str:
    return schools_file([school_yaml("th-a", "Trường Tiểu học A (minh họa)", "TH", commune)])


def test_a_commit_without_its_own_list_is_checked_against_the_current_one(tmp_path: Path) -> None:
    repo = _repo(tmp_path, {SCHOOLS: _school("Bình Thạnh")})
    commit(repo, {SCHOOLS: _school("Bình Thanh")}, "Sửa xã")
    assert _review(repo).returncode == 0

    commit(repo, {SCHOOLS: _school(NEW)}, "Xã chưa có")
    result = _review(repo)
    assert result.returncode == 1
    assert f"“{NEW}” không có trong danh sách năm 2022" in html.unescape(result.stdout)


def test_a_commit_with_its_own_list_is_checked_against_that_list(tmp_path: Path) -> None:
    own = (ROOT / "data" / "communes.yml").read_text(encoding="utf-8")
    own += f"  - name: {NEW}\n    kind: xã\n"
    repo = _repo(tmp_path, {SCHOOLS: _school("Bình Thạnh"), "data/communes.yml": own})
    commit(repo, {SCHOOLS: _school(NEW)}, "Trường ở xã mới của danh sách")
    result = _review(repo)
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_change_may_not_delete_the_list(tmp_path: Path) -> None:
    own = (ROOT / "data" / "communes.yml").read_text(encoding="utf-8")
    repo = _repo(tmp_path, {SCHOOLS: _school("Bình Thạnh"), "data/communes.yml": own})
    commit(repo, {"data/communes.yml": None}, "Xóa danh sách")
    result = _review(repo)
    assert result.returncode == 1
    assert "xóa danh sách xã, thị trấn" in html.unescape(result.stdout)


def test_the_cli_checks_a_schools_file_against_the_list_beside_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = _data_copy(tmp_path)
    _add_school(data, NEW)
    _add_commune(data, NEW)
    assert cli_main(["validate", "--today", TODAY.isoformat(), str(data / "schools.yml")]) == 0
    assert "23 xã, thị trấn" in capsys.readouterr().out
    (data / "communes.yml").unlink()  # no list beside it: the current list, which lacks it
    assert cli_main(["validate", "--today", TODAY.isoformat(), str(data / "schools.yml")]) == 1
