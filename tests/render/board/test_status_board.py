"""The status board's core, without MkDocs: counts, pages and exports from a hand-built Dataset."""

from __future__ import annotations

import csv
import datetime as dt
import html
import io
import json

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar
from openpyxl import load_workbook

from scripts.common.markdown import escape
from scripts.common.vietnamese import fold, sort_key
from scripts.export.ics_file import ics_bytes
from scripts.export.json_file import SCHEMA, SCHEMA_VERSION
from scripts.export.records import defuse
from scripts.export.xlsx_file import sheet_title
from scripts.model import Deadline
from scripts.render import site_paths as paths
from scripts.render.board.generate import generate, late_files
from scripts.status.board import make_board
from scripts.status.judge import State
from tests.tracker_data import (
    AS_OF,
    FORMULA,
    MD_LINK,
    RETIRED,
    SCRIPT,
    hostile_dataset,
    small_dataset,
)

SITE = "https://so-gd.example.github.io/dan-van-kheo/"


@pytest.fixture(scope="module")
def site():
    return generate(small_dataset(), AS_OF, SITE)


def _xlsx(site) -> bytes:
    return late_files(site.dataset, site.as_of, site.site_url)[paths.XLSX]


def _counts(site, deadline_id: str) -> dict[State, int]:
    deadline = site.board.dataset.plan.deadline(deadline_id)
    return site.board.counts(deadline).by_state


def test_counts_per_deadline(site) -> None:
    assert _counts(site, "dang-ky-mo-hinh") == {
        State.ON_TIME: 2,
        State.LATE: 1,
        State.MISSING: 2,
        State.NOT_DUE: 0,
    }
    assert _counts(site, "bao-cao-6-thang") == {
        State.ON_TIME: 1,
        State.LATE: 1,
        State.MISSING: 3,
        State.NOT_DUE: 0,
    }
    # The annual report received on 20/10 is after the as-of date: not yet received.
    assert _counts(site, "bao-cao-nam")[State.NOT_DUE] == 5


def test_schools_are_in_vietnamese_alphabetical_order(site) -> None:
    names = [s.name for s in site.board.schools]
    assert names == sorted(names, key=sort_key)
    assert names.index("Trường Mầm non Bình Thanh") < names.index("Trường Mẫu giáo Bình Đông")


def test_every_page_and_file_is_generated(site) -> None:
    schools = small_dataset().schools
    expected_pages = {
        paths.OVERVIEW,
        paths.TABLE,
        paths.MODELS,
        paths.DOWNLOADS_PAGE,
        *(paths.deadline_page(d.id) for d in small_dataset().plan.deadlines),
        *(paths.school_page(s.id) for s in schools),
        paths.school_page(RETIRED),  # a retired school's address keeps opening
    }
    assert set(site.pages) == expected_pages
    ids = [s.id for s in schools] + [RETIRED]
    assert set(site.late) == {paths.XLSX, *(paths.school_qr(i) for i in ids)}
    assert set(late_files(site.dataset, site.as_of, site.site_url)) == set(site.late)
    assert {paths.CSV, paths.JSON, paths.ICS, paths.PLAN_QR, paths.OVERVIEW_QR} <= set(site.files)
    assert site.nav[0] == paths.OVERVIEW
    assert not any("/truong/" in page for page in site.nav), "school pages stay out of the nav"


def test_every_page_says_sample_data_and_the_as_of_date(site) -> None:
    for src, page in site.pages.items():
        assert "Dữ liệu minh họa" in page, src
        assert "01/6/2022" in page, src


def test_no_sample_notice_for_real_data() -> None:
    dataset = small_dataset()
    real = type(dataset)(plan=dataset.plan, schools=dataset.schools, sample=False)
    pages = generate(real, AS_OF, SITE).pages
    assert not any("Dữ liệu minh họa" in page for page in pages.values())


def test_overview_has_numbers_bars_levels_and_communes(site) -> None:
    page = site.pages[paths.OVERVIEW]
    assert page.count('<svg class="tracker-bar"') >= 3
    assert "Đã nộp đúng hạn</span>: <strong>2</strong>" in page
    for level in ("MN", "MG", "TH", "TH&THCS", "THCS"):
        assert f">{escape(level)}</abbr>" in page
    for commune in ("Bình Thạnh", "Bình Thanh", "Châu Ổ", "Bình Đông", "Bình Hòa"):
        assert f"<td>{commune}</td>" in page
    for download in (paths.CSV, paths.XLSX, paths.JSON, paths.ICS):
        assert f'href="../{download}" download=' in page


def test_deadline_page_lists_every_school_with_state_date_and_number(site) -> None:
    page = site.pages[paths.deadline_page("dang-ky-mo-hinh")]
    for school in small_dataset().schools:
        assert f">{escape(school.name)}</a>" in page
    assert "15/5/2022" in page and "15/KH-THBT" in page
    assert "Nộp trễ hạn &#40;1 ngày&#41;" in page
    assert "Nhà trường thân thiện với phụ huynh" in page


def test_school_page_has_its_deadlines_models_and_qr_code(site) -> None:
    page = site.pages[paths.school_page("th-binh-thanh")]
    assert page.count('<li data-deadline="') == 3
    assert "Đã nộp đúng hạn" in page and "Nộp trễ hạn &#40;2 ngày&#41;" in page
    assert "Chưa đến hạn" in page
    assert "Nhà trường thân thiện với phụ huynh" in page and "xây dựng mới" in page
    assert 'src="../../../tai-ve/qr/truong-th-binh-thanh.svg"' in page
    assert f"{SITE}tinh-hinh/truong/th-binh-thanh/" in page
    assert "Nguyễn Thị Hoa" in page
    assert 'search: {"exclude": true}' in page


def test_models_page_lists_each_model_with_school_and_kind(site) -> None:
    page = site.pages[paths.MODELS]
    assert "**3 mô hình** của **3 trường**" in page
    assert "2 xây dựng mới, 1 nhân rộng" in page
    assert "Góc dinh dưỡng cùng cha mẹ" in page and "Nhân rộng" in page


def test_table_rows_carry_folded_text_for_the_filter(site) -> None:
    page = site.pages[paths.TABLE]
    assert page.count("<tr data-search=") == 5
    assert 'data-search="truong tieu hoc binh thanh / binh thanh"' in page
    assert 'data-search="truong mau giao binh dong / binh dong"' in page  # đ → d
    assert 'data-states="on_time late not_due"' in page
    assert "tracker-table.js" in page


# ---- exports ----


def test_csv_has_a_bom_and_a_row_per_school_and_deadline(site) -> None:
    raw = site.files[paths.CSV]
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(rows) == 5 * 3
    row = next(
        r
        for r in rows
        if r["Mã trường"] == "th-binh-thanh" and r["Mã hạn nộp"] == "bao-cao-6-thang"
    )
    assert row["Tình trạng"] == "Nộp trễ hạn"  # one of four labels: a filter shows four
    assert row["Số ngày trễ"] == "2"
    assert row["Việc phải nộp"] == "Báo cáo 6 tháng" and row["Hạn nộp"] == "2022-05-30"
    assert {r["Tình trạng"] for r in rows} <= {s.label for s in State}
    assert row["Ngày nhận"] == "2022-06-01"
    assert row["Tính đến ngày"] == "2022-06-01"
    assert row["Trang của trường"] == f"{SITE}tinh-hinh/truong/th-binh-thanh/"


def test_xlsx_has_a_sheet_per_deadline_with_filters_widths_and_real_dates(site) -> None:
    wb = load_workbook(io.BytesIO(_xlsx(site)))
    plan = small_dataset().plan
    assert len(wb.sheetnames) == len(plan.deadlines) + 1 and wb.sheetnames[-1] == "Thông tin"
    first = wb[wb.sheetnames[0]]
    assert first.title == "Đăng ký mô hình, điển hình"
    assert first["A1"].value.startswith("DỮ LIỆU MINH HỌA: ")  # sample data: row 1 says so
    header = [c.value for c in first[2]]
    assert header[:4] == ["Mã trường", "Tên trường", "Cấp học", "Xã, thị trấn"]
    assert "Tên mô hình" in header and "Mã tình trạng" not in header
    assert first.auto_filter.ref == f"A2:{first.cell(2, len(header)).column_letter}7"
    assert first.freeze_panes == "C3"
    assert first.column_dimensions["B"].width == 40
    assert first.max_row == 7
    rows = {r[0]: dict(zip(header, r, strict=True)) for r in first.iter_rows(3, values_only=True)}
    assert rows["th-binh-thanh"]["Ngày nhận"] == dt.datetime(2022, 5, 15)
    assert rows["mn-binh-thanh"]["Xây dựng mới hay nhân rộng"] == "nhân rộng"
    assert {r["Tình trạng"] for r in rows.values()} <= {s.label for s in State}
    report = wb[wb.sheetnames[1]]
    assert "Tên mô hình" not in [c.value for c in report[2]]
    info = {r[0]: r[1] for r in wb["Thông tin"].iter_rows(values_only=True)}
    assert info["Tình hình tính đến hết ngày"] == dt.datetime(2022, 6, 1)
    assert "DỮ LIỆU MINH HỌA" in info


def test_sheet_titles_fit_excel_rules() -> None:
    taken: set[str] = set()
    long = Deadline(
        id="x", title="Báo cáo [quý] 1/2022: tổng hợp * kết quả? dài", due=AS_OF, section=""
    )
    first, second = sheet_title(long, taken), sheet_title(long, taken)
    for title in (first, second):
        assert len(title) <= 31 and not set("[]:*?/\\") & set(title)
    assert first != second


def test_json_follows_its_schema_and_holds_everything(site) -> None:
    document = json.loads(site.files[paths.JSON])
    jsonschema.validate(document, SCHEMA)
    assert document["schema_version"] == SCHEMA_VERSION
    assert document["as_of"] == "2022-06-01" and document["sample"] is True
    assert len(document["schools"]) == 5
    school = next(s for s in document["schools"] if s["id"] == "th-binh-thanh")
    assert school["deadlines"]["bao-cao-6-thang"]["state"] == "late"
    assert school["deadlines"]["bao-cao-6-thang"]["days_late"] == 2
    assert school["deadlines"]["bao-cao-nam"]["submission"] is None
    counts = {d["id"]: d["counts"] for d in document["deadlines"]}
    assert counts["dang-ky-mo-hinh"] == {"on_time": 2, "late": 1, "missing": 2, "not_due": 0}


def test_json_schema_is_documented_on_the_downloads_page(site) -> None:
    page = site.pages[paths.DOWNLOADS_PAGE]
    for field in ("schema_version", "as_of", "schools[].deadlines", "deadlines[].counts"):
        assert f"<code>{escape(field)}</code>" in page, field
    assert "Phiên bản cấu trúc hiện tại: **2**" in page
    for state in State:  # the codes machines read, each with its meaning
        assert f"<code>{state.value}</code> = {escape(state.label)}" in page


def test_ics_has_an_all_day_event_per_deadline(site) -> None:
    cal = Calendar.from_ical(site.files[paths.ICS])
    events = cal.walk("VEVENT")
    plan = small_dataset().plan
    assert [e.decoded("dtstart") for e in events] == [d.due for d in plan.deadlines]
    assert all(e.decoded("dtend") - e.decoded("dtstart") == dt.timedelta(days=1) for e in events)
    assert len({str(e["uid"]) for e in events}) == len(plan.deadlines)
    assert str(events[0]["url"]) == f"{SITE}tinh-hinh/han/dang-ky-mo-hinh/"
    assert "Đăng ký mô hình" in str(events[0]["summary"])
    # Same data, same as-of date: the same file, so subscribed calendars do not churn.
    assert ics_bytes(make_board(small_dataset(), AS_OF), SITE) == site.files[paths.ICS]


def test_qr_codes_are_svg_of_the_public_address(site) -> None:
    svg = late_files(site.dataset, site.as_of, site.site_url)[paths.school_qr("th-binh-thanh")]
    svg = svg.decode()
    assert svg.startswith("<svg") and 'viewBox="0 0' in svg
    assert f"<desc>{SITE}tinh-hinh/truong/th-binh-thanh/</desc>" in svg


# ---- escaping ----


@given(st.text())
def test_escape_keeps_the_text_and_leaves_no_markup(text: str) -> None:
    escaped = escape(text)
    assert html.unescape(escaped) == text
    assert not set(escaped) & set("<>\"'`*_[]()!|~\\")


def test_formula_cells_are_defused_in_csv() -> None:
    assert defuse("=1+1") == "'=1+1"
    assert defuse("@SUM(A1)") == "'@SUM(A1)"
    assert defuse("-2") == "'-2"
    assert defuse("15/KH-THBT") == "15/KH-THBT"


@pytest.fixture(scope="module")
def hostile():
    return generate(hostile_dataset(), AS_OF, SITE)


def test_hostile_text_never_reaches_a_page_as_markup(hostile) -> None:
    for src, page in hostile.pages.items():
        body = page.split("\n---\n", 1)[1]
        assert "<script>" not in body, src
        assert "](javascript" not in body, src
        assert 'href="javascript' not in body, src
        assert "=HYPERLINK(" not in body, src  # written as &#40; … as text


def test_hostile_text_is_kept_as_text_in_csv_and_xlsx(hostile) -> None:
    rows = list(csv.reader(io.StringIO(hostile.files[paths.CSV].decode("utf-8-sig"))))
    cells = {cell for row in rows for cell in row}
    assert "'" + FORMULA in cells and FORMULA not in cells
    assert f"Trường {SCRIPT}" in cells and MD_LINK in cells
    wb = load_workbook(io.BytesIO(_xlsx(hostile)))
    found = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value == FORMULA]
    assert found and all(c.data_type == "s" for c in found)
    assert not any(
        c.data_type == "f" for ws in wb.worksheets for row in ws.iter_rows() for c in row
    )


def test_hostile_text_is_kept_as_text_in_json(hostile) -> None:
    document = json.loads(hostile.files[paths.JSON])
    jsonschema.validate(document, SCHEMA)
    assert {s["name"] for s in document["schools"]} == {f"Trường {SCRIPT}", FORMULA, MD_LINK}


def test_fold_matches_what_the_filter_expects() -> None:
    assert fold("Bình Thạnh") == fold("binh thanh") == "binh thanh"
    assert fold("Trường Mẫu giáo Bình Đông") == "truong mau giao binh dong"
    assert fold("Hòa") == fold("Hoà") == "hoa"
