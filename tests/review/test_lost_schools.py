"""A school id that disappears must be retired, and the refusal says how."""

from __future__ import annotations

from scripts.history.records import Record
from scripts.review.lost_schools import lost_schools, retired_ids


def _record(school_id: str, name: str) -> Record:
    return {"id": school_id, "fields": {"name": name}, "submissions": {}}


def test_a_deleted_school_is_refused_unless_its_id_is_retired() -> None:
    before = {"th-a": _record("th-a", "Trường Tiểu học A"), "th-b": _record("th-b", "B")}
    after = {"th-b": before["th-b"]}
    [refusal] = lost_schools(before, after, retired=())
    assert refusal.startswith(
        "data/schools.yml: thay đổi này xóa trường “Trường Tiểu học A” (mã th-a) khỏi danh sách"
    )
    assert "thêm dòng “  - th-a” dưới “retired:”" in refusal
    assert lost_schools(before, after, retired=["th-a"]) == []
    assert lost_schools(before, before, retired=()) == []


def test_the_retired_list_is_read_leniently() -> None:
    assert retired_ids(b"retired:\n  - th-a\nschools: []\n") == {"th-a"}
    assert retired_ids(b"retired: []\n") == frozenset()
    assert retired_ids(b"retired: [\n") == frozenset()
    assert retired_ids(None) == frozenset()
