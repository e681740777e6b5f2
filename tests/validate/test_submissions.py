"""The rules of the submission files (data/submissions/<deadline>/<file>.yml)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from scripts.common.problems import DataError, Problem
from scripts.load.dataset import load_dataset
from tests.conftest import ROOT

TODAY = dt.date(2026, 11, 25)


def _data(tmp_path: Path) -> Path:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    return data


def _write(data: Path, name: str, text: str) -> None:
    path = data / "submissions" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _problems(data: Path) -> list[Problem]:
    with pytest.raises(DataError) as caught:
        load_dataset(data, today=TODAY)
    return caught.value.problems


def _free(data: Path, deadline: str) -> list[str]:
    """Schools of the sample with no submission for `deadline`."""
    dataset = load_dataset(data, today=TODAY)
    return [s.id for s in dataset.schools if s.submission(deadline) is None]


def test_a_new_file_is_read_with_its_place(tmp_path: Path) -> None:
    data = _data(tmp_path)
    school = _free(data, "bao-cao-nam")[0]
    _write(data, f"bao-cao-nam/{school}.yml", f"{school}:\n  received: 2/11/2022\n")
    dataset = load_dataset(data, today=TODAY)
    sent = next(s for s in dataset.schools if s.id == school).submission("bao-cao-nam")
    assert sent is not None and sent.received == dt.date(2022, 11, 2)
    assert sent.file == f"data/submissions/bao-cao-nam/{school}.yml"


def test_the_folder_must_be_a_deadline_of_the_plan(tmp_path: Path) -> None:
    data = _data(tmp_path)
    school = _free(data, "bao-cao-nam")[0]
    _write(data, f"bao-cao-nams/{school}.yml", f"{school}:\n  received: 2/11/2022\n")
    [problem] = _problems(data)
    assert problem.file == f"data/submissions/bao-cao-nams/{school}.yml"
    assert "“bao-cao-nams” không phải mã một hạn nộp" in problem.message
    assert "Có phải là “bao-cao-nam”?" in problem.message


def test_every_school_id_exists_and_a_retired_one_is_refused(tmp_path: Path) -> None:
    data = _data(tmp_path)
    _write(data, "bao-cao-nam/th-binh-thanhh.yml", "th-binh-thanhh:\n  received: 2/11/2022\n")
    [problem] = _problems(data)
    assert (problem.line, problem.column) == (1, 1)
    assert "Không có trường mã “th-binh-thanhh” trong data/schools.yml" in problem.message
    schools = data / "schools.yml"
    schools.write_text(
        schools.read_text(encoding="utf-8").replace("retired: []", "retired:\n  - th-cu"),
        encoding="utf-8",
    )
    (data / "submissions/bao-cao-nam/th-binh-thanhh.yml").unlink()
    _write(data, "bao-cao-nam/th-cu.yml", "th-cu:\n  received: 2/11/2022\n")
    [problem] = _problems(data)
    assert "trường đã bỏ khỏi danh sách (retired" in problem.message


def test_a_file_is_named_after_its_one_school(tmp_path: Path) -> None:
    data = _data(tmp_path)
    first, second = _free(data, "bao-cao-nam")[:2]
    _write(data, f"bao-cao-nam/{first}.yml", f"{second}:\n  received: 2/11/2022\n")
    [problem] = _problems(data)
    assert f"Tên tệp ({first}.yml) phải là mã của trường ghi trong tệp ({second})" in (
        problem.message
    )
    _write(
        data,
        f"bao-cao-nam/{first}.yml",
        f"{first}:\n  received: 2/11/2022\n{second}:\n  received: 3/11/2022\n",
    )
    [problem] = _problems(data)
    assert problem.line == 3 and "nhieu-truong-" in problem.message
    # Several schools at once: a file named nhieu-truong-…
    (data / f"submissions/bao-cao-nam/{first}.yml").rename(
        data / "submissions/bao-cao-nam/nhieu-truong-2026-12-02-a1b2.yml"
    )
    dataset = load_dataset(data, today=TODAY)
    assert {s.id for s in dataset.schools if s.submission("bao-cao-nam")} >= {first, second}


def test_a_second_submission_names_both_files_and_lines(tmp_path: Path) -> None:
    data = _data(tmp_path)
    taken = next(p for p in sorted((data / "submissions" / "bao-cao-nam").glob("*.yml"))).stem
    _write(
        data,
        "bao-cao-nam/nhieu-truong-2026-12-02-ffff.yml",
        f"# hai trường\n{taken}:\n  received: 2/11/2022\n",
    )
    [problem] = _problems(data)
    assert problem.file == "data/submissions/bao-cao-nam/nhieu-truong-2026-12-02-ffff.yml"
    assert problem.line == 2
    first = f"data/submissions/bao-cao-nam/{taken}.yml"
    line = next(
        i
        for i, text in enumerate((data / first[5:]).read_text().splitlines(), 1)
        if text.startswith(f"{taken}:")
    )
    assert f"đã có lần nộp cho hạn bao-cao-nam (Báo cáo năm) ở {first}, dòng {line}" in (
        problem.message
    )


def test_a_submission_still_written_in_the_register_counts_for_duplicates(
    tmp_path: Path,
) -> None:
    data = _data(tmp_path)
    taken = next(p for p in sorted((data / "submissions" / "bao-cao-nam").glob("*.yml"))).stem
    schools = data / "schools.yml"
    lines = schools.read_text(encoding="utf-8").split("\n")
    at = lines.index(f"  - id: {taken}") + 4
    lines[at:at] = ["    submissions:", "      bao-cao-nam:", "        received: 1/11/2022"]
    schools.write_text("\n".join(lines), encoding="utf-8")
    [problem] = _problems(data)
    assert problem.file == f"data/submissions/bao-cao-nam/{taken}.yml"
    assert f"ở data/schools.yml, dòng {at + 2}" in problem.message


def test_the_same_rules_as_in_the_register_apply(tmp_path: Path) -> None:
    data = _data(tmp_path)
    school = _free(data, "dang-ky-mo-hinh")[0]
    _write(
        data,
        f"dang-ky-mo-hinh/{school}.yml",
        f"{school}:\n  received: 31/02/2022\n  note: <b>x</b>\n  link: http://a.vn\n",
    )
    problems = _problems(data)
    words = " ".join(p.message for p in problems)
    assert {p.line for p in problems} == {1, 2, 3, 4}
    assert "cần ghi mô hình" in words and "https://" in words and "thẻ HTML" in words


def test_a_misplaced_file_is_reported_not_dropped(tmp_path: Path) -> None:
    data = _data(tmp_path)
    school = _free(data, "bao-cao-nam")[0]
    _write(data, f"bao-cao-nam/{school}.yaml", f"{school}:\n  received: 2/11/2022\n")
    _write(data, f"{school}.yml", f"{school}:\n  received: 2/11/2022\n")
    problems = _problems(data)
    assert [p.file for p in problems] == [
        f"data/submissions/bao-cao-nam/{school}.yaml",
        f"data/submissions/{school}.yml",
    ]
    assert all("đặt sai chỗ hoặc sai tên" in p.message for p in problems)


def test_the_submission_schema_shares_the_registers_definition() -> None:
    import json

    register = json.loads((ROOT / "schemas/schools.schema.json").read_text(encoding="utf-8"))
    files = json.loads((ROOT / "schemas/submissions.schema.json").read_text(encoding="utf-8"))
    assert files["$defs"]["submission"] == register["$defs"]["submission"]


def test_the_command_line_checks_the_submission_files_with_their_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from scripts.cli.main import main as cli_main

    data = _data(tmp_path)
    school = _free(data, "bao-cao-nam")[0]
    path = data / f"submissions/bao-cao-nam/{school}.yml"
    _write(data, f"bao-cao-nam/{school}.yml", f"{school}:\n  received: 31/02/2022\n")
    today = ["--today", TODAY.isoformat()]
    assert cli_main(["validate", *today, str(path)]) == 1
    out = capsys.readouterr().out
    assert f"submissions/bao-cao-nam/{school}.yml:2:13: Ngày “31/02/2022” không có thật" in out
    path.write_text(f"{school}:\n  received: 2/11/2022\n", encoding="utf-8")
    count = sum(1 for _ in (data / "submissions").rglob("*.yml"))
    assert cli_main(["validate", *today, str(path)]) == 0
    assert f"{count} lần nộp" in capsys.readouterr().out
    assert cli_main(["validate", *today, str(data / "schools.yml")]) == 0
    assert f"{count} lần nộp" in capsys.readouterr().out
