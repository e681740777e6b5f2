"""Sample data says so wherever it goes: every export opened as a person would, the home
page's link to the status board, and the names of the sample schools themselves."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from openpyxl import load_workbook

from scripts.load.dataset import load_dataset
from scripts.model import Dataset
from scripts.render import site_paths as paths
from scripts.render.board.generate import generate, late_files
from scripts.render.board.page_markers import SAMPLE_NOTE_MARKER, expand_markers
from scripts.status.judge import State
from tests.conftest import ROOT, TEST_SITE_URL

AS_OF = dt.date(2022, 11, 15)
NOTICE = "DỮ LIỆU MINH HỌA"


@pytest.fixture(scope="module")
def shipped() -> Dataset:
    return load_dataset(ROOT / "data", today=dt.date(2026, 12, 2))


def _files(dataset: Dataset) -> dict[str, bytes]:
    site = generate(dataset, AS_OF, TEST_SITE_URL)
    return {**site.files, **late_files(dataset, AS_OF, TEST_SITE_URL)}


def test_the_shipped_data_is_sample_data_with_illustrative_names(shipped: Dataset) -> None:
    assert shipped.sample is True
    for school in shipped.schools:
        assert school.name.endswith(" (minh họa)"), school.name


def test_the_csv_says_so_first_as_text_and_on_every_row(shipped: Dataset) -> None:
    raw = _files(shipped)[paths.CSV]
    text = raw.decode("utf-8-sig")
    assert text.startswith(NOTICE)  # what a text editor, or Excel's cell A1, shows first
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    assert header[0] == f"{NOTICE} (không phải số liệu thật)"
    assert len(body) == len(shipped.schools) * len(shipped.plan.deadlines)
    assert all(row[0] == "Minh họa, không có thật" and len(row) == len(header) for row in body)
    # Still a plain table for programs: one header row, named columns.
    records = list(csv.DictReader(io.StringIO(text)))
    assert {r["Mã trường"] for r in records} == {s.id for s in shipped.schools}
    # Codes are for machines: people read Vietnamese, and the task and the date are named.
    assert "Mã tình trạng" not in header
    assert {r["Tình trạng"] for r in records} == {s.label for s in State} - {State.NOT_DUE.label}
    assert not {s.value for s in State} & {cell for row in body for cell in row}
    assert {"Việc phải nộp", "Hạn nộp"} <= set(header) and "Hạn chót" not in header
    assert {r["Hạn nộp"] for r in records} == {d.due.isoformat() for d in shipped.plan.deadlines}


def test_every_sheet_of_the_workbook_starts_with_the_notice(shipped: Dataset) -> None:
    workbook = load_workbook(io.BytesIO(_files(shipped)[paths.XLSX]))
    assert len(workbook.worksheets) == len(shipped.plan.deadlines) + 1
    for sheet in workbook.worksheets:
        first_row = [c.value for c in sheet[1] if c.value is not None]
        assert first_row[0].startswith(NOTICE), sheet.title
        assert "không phải tình hình thật" in " ".join(map(str, first_row)), sheet.title
    for sheet in workbook.worksheets[: len(shipped.plan.deadlines)]:
        header = [c.value for c in sheet[2]]
        assert header[0] == "Mã trường" and "Mã tình trạng" not in header
        states = {row[header.index("Tình trạng")] for row in sheet.iter_rows(3, values_only=True)}
        assert states <= {s.label for s in State}


def test_the_json_has_a_readable_notice_next_to_its_flag(shipped: Dataset) -> None:
    raw = _files(shipped)[paths.JSON].decode("utf-8")
    document = json.loads(raw)
    assert list(document)[:2] == ["sample_notice", "sample"]  # first in the file
    assert document["sample"] is True
    assert document["sample_notice"].startswith("Dữ liệu minh họa: ")
    assert "không phải tình hình thật" in document["sample_notice"]
    assert raw.splitlines()[1].startswith(' "sample_notice": "Dữ liệu minh họa')


def test_real_data_carries_no_notice(shipped: Dataset) -> None:
    files = _files(dataclasses.replace(shipped, sample=False))
    text = files[paths.CSV].decode("utf-8-sig")
    assert text.startswith("Mã trường,") and "minh họa, không có thật" not in text.lower()
    workbook = load_workbook(io.BytesIO(files[paths.XLSX]))
    for sheet in workbook.worksheets:
        assert NOTICE not in str(sheet["A1"].value), sheet.title
    assert workbook.worksheets[0]["A1"].value == "Mã trường"
    document = json.loads(files[paths.JSON])
    assert document["sample"] is False and document["sample_notice"] is None


def test_the_home_page_link_to_the_status_board_says_the_figures_are_illustrative(
    site_dir: Path,
) -> None:
    soup = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one('article a[href="tinh-hinh/"]')
    item = link.find_parent("li").get_text(" ", strip=True)
    assert "dữ liệu minh họa" in item and "không phải tình hình thật" in item


def test_the_home_page_note_is_there_only_while_the_data_is_sample(shipped: Dataset) -> None:
    page = (ROOT / "docs" / "index.md").read_text(encoding="utf-8")
    assert SAMPLE_NOTE_MARKER in page
    assert "dữ liệu minh họa" in expand_markers(page, shipped)
    real = expand_markers(page, dataclasses.replace(shipped, sample=False))
    assert "minh họa" not in real and SAMPLE_NOTE_MARKER not in real
