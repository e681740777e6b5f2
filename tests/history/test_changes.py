"""What a change does, in words: added, changed and removed submissions and schools."""

from __future__ import annotations

import datetime as dt
from typing import Any

from scripts.history.changes import Kind, compare_versions
from scripts.history.records import Record, record_of
from scripts.history.snapshot import parse_whole
from scripts.load.plan import load_plan
from scripts.status.judge import State
from tests.conftest import ROOT

PLAN = load_plan(ROOT / "data" / "plan.yml")
AS_OF = dt.date(2022, 6, 15)


def school(school_id: str, name: str, **submissions: dict[str, Any]) -> Record:
    record = record_of(
        {
            "id": school_id,
            "name": name,
            "level": "TH",
            "commune": "Bình Thạnh",
            "submissions": {k.replace("_", "-"): v for k, v in submissions.items()},
        }
    )
    assert record is not None
    return record


def versions(*records: Record) -> dict[str, Record]:
    return {r["id"]: r for r in records}


BT = "th-binh-thanh"
BT_NAME = "Trường Tiểu học Bình Thạnh"


def test_a_recorded_submission_and_the_status_it_causes() -> None:
    before = versions(school(BT, BT_NAME))
    after = versions(
        school(BT, BT_NAME, bao_cao_6_thang={"received": "28/5/2022", "number": "25/BC-THBT"})
    )
    diff = compare_versions(before, after, PLAN, AS_OF)
    (change,) = diff.schools
    assert change.kind is Kind.CHANGED
    assert change.lines == (
        "Báo cáo 6 tháng: chưa nộp → đã nộp ngày 28/5/2022 (đúng hạn), văn bản số 25/BC-THBT",
    )
    (status,) = change.status_changes
    assert status.before_status is not None and status.before_status.state is State.MISSING
    assert status.after_status is not None and status.after_status.state is State.ON_TIME
    assert diff.warnings == ()


def test_a_corrected_date_says_both_dates_and_warns() -> None:
    before = versions(school(BT, BT_NAME, bao_cao_6_thang={"received": "2022-05-28"}))
    after = versions(school(BT, BT_NAME, bao_cao_6_thang={"received": "02/6/2022"}))
    diff = compare_versions(before, after, PLAN, AS_OF)
    (change,) = diff.schools
    assert change.lines == (
        "Báo cáo 6 tháng: đã nộp ngày 28/5/2022 (đúng hạn) → đã nộp ngày 02/6/2022 (trễ 3 ngày)",
    )
    assert diff.warnings == (f"{BT_NAME} — Báo cáo 6 tháng: đổi ngày nhận 28/5/2022 → 02/6/2022.",)


def test_the_same_date_written_differently_is_no_change() -> None:
    before = versions(school(BT, BT_NAME, bao_cao_nam={"received": "2022-10-05"}))
    after = versions(school(BT, BT_NAME, bao_cao_nam={"received": "05/10/2022"}))
    assert compare_versions(before, after, PLAN, AS_OF).schools == ()


def test_a_deleted_submission_warns_loudly() -> None:
    before = versions(school(BT, BT_NAME, dang_ky_mo_hinh={"received": "10/5/2022"}))
    after = versions(school(BT, BT_NAME))
    diff = compare_versions(before, after, PLAN, AS_OF)
    (change,) = diff.schools
    assert change.lines == (
        "Đăng ký mô hình, điển hình “Dân vận khéo”: đã nộp ngày 10/5/2022 (đúng hạn) → chưa nộp",
    )
    assert diff.warnings == (
        f"{BT_NAME} — Đăng ký mô hình, điển hình “Dân vận khéo”: xóa ghi nhận "
        "đã nộp ngày 10/5/2022 (đúng hạn).",
    )


def test_added_removed_and_renamed_schools() -> None:
    chau_o = school("mn-chau-o", "Trường Mầm non Châu Ổ")
    before = versions(school(BT, BT_NAME), chau_o)
    renamed = school(BT, "Trường Tiểu học số 1 Bình Thạnh")
    new = school(
        "th-binh-duong", "Trường Tiểu học Bình Dương", bao_cao_nam={"received": "1/10/2022"}
    )
    diff = compare_versions(before, versions(renamed, new), PLAN, AS_OF)
    kinds = {d.school_id: d for d in diff.schools}
    assert kinds[BT].kind is Kind.CHANGED
    assert kinds[BT].lines == (
        "Sửa tên trường: “Trường Tiểu học Bình Thạnh” → “Trường Tiểu học số 1 Bình Thạnh”",
    )
    assert kinds["th-binh-duong"].kind is Kind.ADDED
    assert kinds["th-binh-duong"].lines == (
        "Thêm trường vào danh sách (cấp TH, Bình Thạnh)",
        "Báo cáo năm: chưa nộp → đã nộp ngày 01/10/2022 (đúng hạn)",
    )
    assert kinds["mn-chau-o"].kind is Kind.REMOVED
    assert (
        "Xóa Trường Mầm non Châu Ổ (mã mn-chau-o) khỏi danh sách: trang của trường sẽ không còn."
        in diff.warnings
    )


def test_a_changed_id_is_named_as_such() -> None:
    before = versions(school(BT, BT_NAME))
    after = versions(school("th-binh-thanh-1", BT_NAME))
    diff = compare_versions(before, after, PLAN, AS_OF)
    assert diff.id_changes == {BT: "th-binh-thanh-1"}
    assert diff.warnings[0].startswith(f"{BT_NAME}: đổi mã trường {BT} → th-binh-thanh-1.")


def test_many_schools_at_once_warns() -> None:
    before = versions(*(school(f"t-{i}", f"Trường {i}") for i in range(12)))
    after = versions(
        *(school(f"t-{i}", f"Trường {i}", bao_cao_nam={"received": "1/10/2022"}) for i in range(12))
    )
    diff = compare_versions(before, after, PLAN, AS_OF)
    assert len(diff.schools) == 12
    assert diff.warnings[-1].startswith("Thay đổi cùng lúc 12 trường")
    assert compare_versions(before, after, PLAN, AS_OF, many=12).warnings == ()


def test_model_and_number_corrections_are_not_status_changes() -> None:
    model = {"received": "10/5/2022", "model": {"name": "Mô hình A", "kind": "xây dựng mới"}}
    before = versions(school(BT, BT_NAME, dang_ky_mo_hinh=model))
    after = versions(
        school(
            BT,
            BT_NAME,
            dang_ky_mo_hinh={**model, "model": {"name": "Mô hình B", "kind": "nhân rộng"}},
        )
    )
    (change,) = compare_versions(before, after, PLAN, AS_OF).schools
    assert change.status_changes == ()
    title = "Đăng ký mô hình, điển hình “Dân vận khéo”"
    assert change.lines == (
        f"{title}: sửa tên mô hình: “Mô hình A” → “Mô hình B”",
        f"{title}: sửa hình thức mô hình: “xây dựng mới” → “nhân rộng”",
    )


def test_whole_file_reading_of_both_shapes_agrees() -> None:
    mapping_shape = parse_whole(
        "schools:\n  - id: a\n    name: A\n    submissions:\n      bao-cao-nam:\n"
        "        received: 5/10/2022\n"
    )
    list_shape = parse_whole(
        "schools:\n- id: a\n  name: A\n  submissions:\n  - deadline: bao-cao-nam\n"
        "    received: 2022-10-05\n"
    )
    assert mapping_shape.schools == list_shape.schools
    assert mapping_shape.schools["a"]["submissions"] == {"bao-cao-nam": {"received": "2022-10-05"}}
