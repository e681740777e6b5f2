"""The check as staff meet it: the command, the pull-request annotations, the build."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from scripts.cli.github import github_annotation
from scripts.common.problems import DataError, Problem
from scripts.common.source import MAX_BYTES, Source, read_source
from scripts.load.dataset import load_sources
from tests.conftest import ROOT, copy_project, run_build

PLAN = Source("data/plan.yml", (ROOT / "data" / "plan.yml").read_bytes())
TODAY = dt.date(2026, 11, 25)
SCHOOL = (
    "sample: true\nschools:\n"
    "  - id: th-binh-thanh\n"
    "    name: Trường Tiểu học Bình Thạnh\n"
    "    level: TH\n"
    "    commune: Bình Thạnh\n"
)


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scripts.cli", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
    )


def load(schools: str) -> object:
    return load_sources(PLAN, Source("schools.yml", schools.encode()), today=TODAY)


def problems(schools: str) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        load(schools)
    return caught.value.problems


def test_the_shipped_data_is_valid_from_the_command_line() -> None:
    result = run("validate", "data/schools.yml")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == (
        "Hợp lệ: 70 trường, 3 hạn nộp, 176 lần nộp; 22 xã, thị trấn (danh sách ngày 12/4/2022)\n"
    )
    assert run("validate").stdout == result.stdout


def test_a_bad_file_exits_1_with_its_messages() -> None:
    result = run("validate", "tests/data_corpus/level-written-in-full.yml")
    assert result.returncode == 1
    assert result.stdout.startswith("tests/data_corpus/level-written-in-full.yml:8:12: Cấp học")
    assert "Có 1 lỗi" in result.stderr


def test_a_file_that_cannot_be_read_exits_2() -> None:
    result = run("validate", "data/khong-co.yml")
    assert result.returncode == 2
    assert "data/khong-co.yml:1:1: Không tìm thấy tệp" in result.stdout
    assert run("validate", "data").returncode == 2


def test_github_format_annotates_lines_and_writes_the_job_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    summary.write_text("# Trước đó\n", encoding="utf-8")
    env = {
        "GITHUB_STEP_SUMMARY": str(summary),
        "GITHUB_SERVER_URL": "https://github.com",
        "GITHUB_REPOSITORY": "phong-gd/dan-van-kheo",
        "GITHUB_SHA": "abc123",
    }
    bad = "tests/data_corpus/misspelled-key.yml"
    result = run(
        "validate", "--format", "github", bad, "tests/data_corpus/html-in-note.yml", env=env
    )
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith(
        "::error file=tests/data_corpus/html-in-note.yml,line=13,col=15,"
        "title=Dữ liệu chưa hợp lệ::Không dùng thẻ HTML"
    )
    assert lines[1].startswith(f"::error file={bad},line=9,col=5,")
    table = summary.read_text(encoding="utf-8")
    assert table.startswith("# Trước đó\n### ❌ Kiểm tra dữ liệu: 2 lỗi")
    assert (
        f"| [`{bad}`](https://github.com/phong-gd/dan-van-kheo/blob/abc123/{bad}#L9) | 9 | 5 |"
        in (table)
    )
    # What the data contains is shown as text in the summary, never as HTML.
    assert "<script>" not in table and "&#60;script&#62;" in table


def test_github_annotations_escape_what_would_end_them() -> None:
    line = github_annotation(Problem("a,b:c.yml", 3, 4, "100% sai\ndòng hai"))
    assert line == (
        "::error file=a%2Cb%3Ac.yml,line=3,col=4,title=Dữ liệu chưa hợp lệ::100%25 sai%0Adòng hai"
    )


def test_a_valid_run_also_reports_to_the_job_summary(tmp_path: Path) -> None:
    summary = tmp_path / "summary.md"
    result = run("validate", "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 0
    assert "Hợp lệ: 70 trường" in summary.read_text(encoding="utf-8")


def test_the_build_fails_with_the_same_messages(tmp_path: Path) -> None:
    copy_project(tmp_path)
    schools = tmp_path / "data" / "schools.yml"
    text = schools.read_text(encoding="utf-8")
    schools.write_text(text.replace("level: MG\n", "level: Mẫu giáo\n", 1), encoding="utf-8")
    build = run_build(tmp_path / "site", tmp_path / "mkdocs.yml")
    assert build.returncode != 0
    check = subprocess.run(
        # The installed checker, on the copy's files.
        [sys.executable, "-m", "scripts.cli", "validate", "data/plan.yml", "data/schools.yml"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
    )
    assert check.returncode == 1
    message = check.stdout.splitlines()[0]
    assert message.startswith("data/schools.yml:") and "“Mẫu giáo”" in message
    assert "Có phải là “MG”?" in message
    assert message in build.stdout + build.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize(
    "written", ["2022-05-28", "28/5/2022", "28/05/2022"], ids=["iso", "d-m", "dd-mm"]
)
def test_both_date_forms_are_accepted_everywhere(written: str) -> None:
    schools = SCHOOL + f"    submissions:\n      bao-cao-6-thang:\n        received: {written}\n"
    school = load(schools).schools[0]
    assert school.submission("bao-cao-6-thang").received == dt.date(2022, 5, 28)
    plan_text = PLAN.data.decode().replace("date: 2022-04-12", "date: 12/4/2022")
    plan = load_sources(Source("plan.yml", plan_text.encode()), Source("s.yml", b"schools: []"))
    assert plan.plan.date == dt.date(2022, 4, 12)


def test_a_duplicated_key_is_refused_not_merged() -> None:
    schools = SCHOOL.replace("    level: TH\n", "    level: TH\n    level: THCS\n")
    (problem,) = problems(schools)
    assert (problem.line, problem.column) == (6, 5)
    assert "“level” bị ghi hai lần" in problem.message and "dòng 5" in problem.message


def test_a_duplicated_id_is_refused() -> None:
    other = SCHOOL.split("schools:\n")[1].replace("Tiểu học", "Tiểu học số 2")
    (problem,) = problems(SCHOOL + other)
    assert (
        problem.line == 7 and "đã dùng cho “Trường Tiểu học Bình Thạnh” ở dòng 3" in problem.message
    )


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    huge = tmp_path / "schools.yml"
    with huge.open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing is written, nothing must be read
    source = read_source(huge, "schools.yml")
    assert source.data == b""
    (problem,) = problems_from(source)
    assert (problem.line, problem.column) == (1, 1)
    assert "Tệp quá lớn" in problem.message and "10 MB" in problem.message


def problems_from(source: Source) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        load_sources(PLAN, source, today=TODAY)
    return caught.value.problems


def test_an_alias_bomb_is_refused_without_expanding_it() -> None:
    levels = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]']
    for i in range(1, 12):
        previous = chr(ord("a") + i - 1)
        levels.append(
            f"{chr(ord('a') + i)}: &{chr(ord('a') + i)} [{', '.join(['*' + previous] * 9)}]"
        )
    started = time.perf_counter()
    found = problems("\n".join(levels) + "\nschools: []\n")
    assert time.perf_counter() - started < 5, "9^12 values were expanded"
    anchors = [p for p in found if "neo" in p.message]
    assert [(p.line, p.column) for p in anchors] == [(n, 4) for n in range(1, 13)]


def test_every_problem_of_a_big_broken_file_is_reported() -> None:
    school = SCHOOL.split("schools:\n")[1]
    body = "".join(
        school.replace("th-binh-thanh", f"th-{i}").replace(
            "Bình Thạnh\n    level", f"{i}\n    level"
        )
        for i in range(200)
    )
    found = problems("schools:\n" + body.replace("level: TH", "level: Tiểu học"))
    assert len(found) == 200
    assert [p.line for p in found] == sorted(p.line for p in found)


def test_pull_requests_check_the_data_before_the_full_run() -> None:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "pr.yml").read_text("utf-8"))
    runs = [step.get("run", "") for step in workflow["jobs"]["check"]["steps"]]
    check = next(i for i, run in enumerate(runs) if "validate --format github" in run)
    full = next(i for i, run in enumerate(runs) if "run.sh test" in run)
    assert check < full
    assert runs[check] == "bash run.sh validate --format github"


def test_an_anchor_on_a_key_is_refused_too() -> None:
    schools = SCHOOL + "    &k note: x\n    *k : y\n"
    (problem,) = problems(schools)
    assert (problem.line, problem.column) == (7, 5) and "neo" in problem.message
