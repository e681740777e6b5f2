"""Every school and every submission file of the data is on the built site and in its
exports: nothing is dropped on the way from data/submissions/ to the pages."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import yaml
from openpyxl import load_workbook

from tests.conftest import ROOT

DATA = ROOT / "data"


def _in_data() -> tuple[set[str], set[tuple[str, str]]]:
    """The school ids of data/schools.yml and the (school, deadline) of every file."""
    register = yaml.safe_load((DATA / "schools.yml").read_text(encoding="utf-8"))
    schools = {s["id"] for s in register["schools"]}
    sent = set()
    for path in (DATA / "submissions").rglob("*.yml"):
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
        sent |= {(school_id, path.parent.name) for school_id in entries}
    return schools, sent


def test_the_site_and_its_exports_count_what_the_data_holds(site_dir: Path) -> None:
    schools, sent = _in_data()
    assert len(sent) > 100
    exported = json.loads((site_dir / "tai-ve" / "tinh-hinh-nop.json").read_bytes())
    assert {s["id"] for s in exported["schools"]} == schools
    in_json = {
        (s["id"], deadline_id)
        for s in exported["schools"]
        for deadline_id, d in s["deadlines"].items()
        if d["submission"]
    }
    assert in_json == sent
    text = (site_dir / "tai-ve" / "tinh-hinh-nop.csv").read_text("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert {r["Mã trường"] for r in rows} == schools
    assert {(r["Mã trường"], r["Mã hạn nộp"]) for r in rows if r["Ngày nhận"]} == sent
    # The workbook: one sheet per deadline, a row per school, the date when received.
    book = load_workbook(site_dir / "tai-ve" / "tinh-hinh-nop.xlsx", read_only=True)
    in_book = 0
    for sheet in book.worksheets[: len(exported["deadlines"])]:
        _, header, *cells = list(sheet.iter_rows(values_only=True))
        ids = [row[0] for row in cells if row[0]]
        assert set(ids) == schools, sheet.title
        in_book += sum(1 for row in cells if row[0] and row[header.index("Ngày nhận")])
    assert in_book == len(sent)
    for school_id in schools:
        assert (site_dir / "tinh-hinh" / "truong" / school_id / "index.html").is_file()
