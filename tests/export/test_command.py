"""`python -m scripts.cli export`: the site's download files from the command line."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import shutil
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

from scripts.cli.main import main
from scripts.load.dataset import load_dataset
from scripts.render import site_paths as paths
from scripts.render.board.generate import generate
from tests.conftest import ROOT

AS_OF = dt.date(2022, 11, 15)
URL = "https://vi-du.github.io/dan-van-kheo/"


def _command(*args: str) -> subprocess.CompletedProcess[bytes]:
    """The command as a person runs it, in its own process (its bytes on stdout, as sent)."""
    return subprocess.run(
        [sys.executable, "-m", "scripts.cli", "export", *args],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )


def _site_files() -> dict[str, bytes]:
    """What the site's "Tải dữ liệu" page serves for the same data, date and address."""
    return generate(load_dataset(ROOT / "data"), AS_OF, URL).files


def test_each_file_is_the_one_the_site_serves(tmp_path: Path) -> None:
    served = _site_files()
    for kind, path in (("csv", paths.CSV), ("json", paths.JSON), ("ics", paths.ICS)):
        target = tmp_path / f"tinh-hinh.{kind}"
        out = io.StringIO()
        assert (
            main(["export", "-o", str(target), "--as-of", "15/11/2022", "--site-url", URL], out)
            == 0
        )
        assert target.read_bytes() == served[path], kind
        assert f"Đã ghi {target} ({kind.upper()}, 70 trường" in out.getvalue()
        assert "tính đến hết ngày 15/11/2022" in out.getvalue()


def test_the_excel_file_has_a_sheet_per_deadline_with_every_school(tmp_path: Path) -> None:
    target = tmp_path / "bang" / "tinh-hinh.xlsx"
    args = ["export", "-o", str(target), "--as-of", "2022-11-15", "--site-url", URL]
    assert main(args, io.StringIO()) == 0
    dataset = load_dataset(ROOT / "data")
    workbook = load_workbook(target, read_only=True)
    deadlines = len(dataset.plan.deadlines)
    assert workbook.sheetnames[deadlines:] == ["Thông tin"]  # what the file is, as of when
    for sheet in workbook.worksheets[:deadlines]:
        assert sheet["A1"].value.startswith("DỮ LIỆU MINH HỌA")  # sample data: row 1
        ids = {row[0] for row in sheet.iter_rows(min_row=3, values_only=True) if row[0]}
        assert ids == {school.id for school in dataset.schools}


def test_csv_goes_to_the_screen_when_no_file_is_given() -> None:
    result = _command("--format", "csv", "--as-of", "15/11/2022", "--site-url", URL)
    assert result.returncode == 0, result.stderr.decode()
    assert result.stdout == _site_files()[paths.CSV]  # with its BOM, for Excel
    rows = list(csv.reader(io.StringIO(result.stdout.decode("utf-8-sig"))))
    assert len(rows) - 1 == 70 * 3  # a row per school and deadline


def test_data_with_an_error_exports_nothing_and_says_where(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(ROOT / "data", data)
    schools = data / "schools.yml"
    lines = schools.read_text(encoding="utf-8").splitlines(keepends=True)
    line = lines.index("    level: TH\n") + 1
    lines[line - 1] = "    level: THPT\n"
    schools.write_text("".join(lines), encoding="utf-8")
    target = tmp_path / "ra.csv"
    result = _command("--data", str(data), "-o", str(target), "--site-url", URL)
    assert result.returncode == 1
    assert f"data/schools.yml:{line}:12:" in result.stderr.decode()
    assert "chưa xuất tệp" in result.stderr.decode()
    assert not target.exists()


def test_a_missing_format_or_a_wrong_date_is_explained() -> None:
    err = io.StringIO()
    with contextlib.redirect_stderr(err):
        assert main(["export"], io.StringIO()) == 2
        assert main(["export", "--format", "xlsx"], io.StringIO()) == 2
    assert "Chưa rõ định dạng" in err.getvalue()
    assert "Tệp Excel cần tên tệp ra" in err.getvalue()
    result = _command("--format", "csv", "--as-of", "31/2/2022")
    assert result.returncode == 2
    assert "tháng 2 năm 2022 chỉ có 28 ngày" in result.stderr.decode()
