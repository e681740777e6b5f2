"""A school is never lost by deleting it: its id must move to `retired` instead.

Printed notices carry QR codes to each school's page; a school taken off the list keeps its
address only when its id is listed under `retired:` in data/schools.yml (the site then
says the school is no longer on the list). Pure: the review passes both versions.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import yaml

from scripts.history.changes import school_name
from scripts.history.records import Record
from scripts.review.permissions import SCHOOLS_FILE


def retired_ids(data: bytes | None) -> frozenset[str]:
    """The ids under `retired:` of a version of data/schools.yml, read leniently."""
    try:
        raw: Any = yaml.safe_load(data or b"")
    except yaml.YAMLError:
        return frozenset()
    retired = raw.get("retired") if isinstance(raw, dict) else None
    return frozenset(str(i) for i in retired) if isinstance(retired, list) else frozenset()


def lost_schools(
    before: Mapping[str, Record], after: Mapping[str, Record], retired: Iterable[str]
) -> list[str]:
    """One refusal per school id that the change deletes without retiring it."""
    kept = set(after) | set(retired)
    return [
        f"{SCHOOLS_FILE}: thay đổi này xóa trường “{school_name(record, school_id)}” "
        f"(mã {school_id}) khỏi danh sách mà không ghi mã vào “retired”: trang của trường "
        "và mã QR đã in sẽ không mở được nữa. Nếu trường không còn (giải thể, sáp nhập), "
        f"giữ lại mã bằng cách thêm dòng “  - {school_id}” dưới “retired:” ở đầu tệp "
        f"(viết “retired:” rồi xuống dòng nếu đang là “retired: []”); nếu chỉ muốn sửa thông "
        "tin của trường, hãy sửa mục của trường thay vì xóa."
        for school_id, record in before.items()
        if school_id not in kept
    ]
