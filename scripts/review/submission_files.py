"""What a pull request does to the submission files, in words: one line per school entry.

"Trường Tiểu học Bình Thạnh: ghi nhận nộp Báo cáo năm — ngày nhận 02/11/2022, văn bản số
12/BC-THBT (tệp data/submissions/bao-cao-nam/th-binh-thanh.yml)". The school-by-school
comparison (scripts/history/changes.py) says the same change as a status change; this list
says which file holds it, so the reviewer can open it.
"""

from __future__ import annotations

from collections.abc import Mapping

from scripts.history.changes import SUBMISSION_FIELDS, show_value
from scripts.history.records import Record
from scripts.history.submission_files import is_submission_path, read_entries
from scripts.load.submissions import file_place
from scripts.model import Plan


def _details(fields: Mapping[str, str]) -> str:
    parts = []
    if fields.get("received"):
        parts.append(f"ngày nhận {show_value('received', fields['received'])}")
    if fields.get("number"):
        parts.append(f"văn bản số {fields['number']}")
    if fields.get("document_date"):
        parts.append(f"ký ngày {show_value('document_date', fields['document_date'])}")
    if fields.get("model.name"):
        kind = f" ({fields['model.kind']})" if fields.get("model.kind") else ""
        parts.append(f"mô hình “{fields['model.name']}”{kind}")
    if fields.get("note"):
        parts.append(f"ghi chú “{fields['note']}”")
    if fields.get("link"):
        parts.append(f"liên kết {fields['link']}")
    return ", ".join(parts)


def describe_file(
    path: str,
    before: bytes | None,
    after: bytes | None,
    schools: Mapping[str, Record],
    plan: Plan | None,
) -> list[str]:
    """One line per school entry the change adds, edits or deletes in the file at `path`."""
    place = file_place(path)
    if place is None or not is_submission_path(path):
        return []
    deadline = plan.deadline(place[0]) if plan else None
    title = deadline.title if deadline else f"hạn “{place[0]}”"
    old, new = read_entries(before), read_entries(after)
    if old is None or new is None:
        return [f"Tệp `{path}`: không đọc được (xem lỗi dữ liệu ở trên)."]
    lines = []
    for school_id in dict.fromkeys([*new, *old]):
        record = schools.get(school_id)
        name = record["fields"].get("name", school_id) if record else f"Mã “{school_id}”"
        was, now = old.get(school_id), new.get(school_id)
        if was == now:
            continue
        if was is None and now is not None:
            lines.append(f"{name}: ghi nhận nộp {title} — {_details(now)} (tệp {path})")
        elif now is None and was is not None:
            lines.append(f"{name}: xóa ghi nhận nộp {title} — {_details(was)} (tệp {path})")
        elif was is not None and now is not None:
            edits = []
            for field, label in SUBMISSION_FIELDS.items():
                a, b = was.get(field), now.get(field)
                if a == b:
                    continue
                if a is None:
                    edits.append(f"thêm {label} {show_value(field, b or '')}")
                elif b is None:
                    edits.append(f"xóa {label} {show_value(field, a)}")
                else:
                    edits.append(f"{label} {show_value(field, a)} → {show_value(field, b)}")
            lines.append(
                f"{name}: sửa ghi nhận nộp {title} — {'; '.join(edits) or 'cách trình bày'} "
                f"(tệp {path})"
            )
    return lines
