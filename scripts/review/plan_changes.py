"""What a change does to data/plan.yml: deadlines added, removed, moved or renamed.

Read leniently (any version, valid or not): the review must describe a broken plan too.
"""

from __future__ import annotations

import datetime as dt

import yaml

from scripts.common.dates import date_or_none
from scripts.common.vietnamese import format_date


def _deadlines(data: bytes | None) -> dict[str, tuple[str, str]]:
    """{deadline id: (title, due as ISO)} read leniently from a plan file's text."""
    try:
        raw = yaml.safe_load(data or b"") or {}
    except yaml.YAMLError:
        return {}
    result = {}
    for item in raw.get("deadlines") or [] if isinstance(raw, dict) else []:
        if isinstance(item, dict) and "id" in item:
            due = item.get("due")
            day = due if isinstance(due, dt.date) else date_or_none(str(due or ""))
            result[str(item["id"])] = (str(item.get("title", item["id"])), str(day or due))
    return result


def plan_changes(before: bytes | None, after: bytes | None) -> tuple[list[str], list[str]]:
    """Deadlines added, removed or moved in data/plan.yml: (lines, warnings)."""
    old, new = _deadlines(before), _deadlines(after)
    lines: list[str] = []
    warnings: list[str] = []

    def shown(due: str) -> str:
        day = date_or_none(due)
        return format_date(day) if day else due

    for deadline_id in dict.fromkeys([*new, *old]):
        if deadline_id not in old:
            title, due = new[deadline_id]
            lines.append(f"Thêm hạn nộp “{title}” (mã {deadline_id}), hạn {shown(due)}")
        elif deadline_id not in new:
            title, due = old[deadline_id]
            lines.append(f"Bỏ hạn nộp “{title}” (mã {deadline_id})")
            warnings.append(f"Bỏ hạn nộp “{title}” khỏi kế hoạch: mọi ghi nhận theo hạn này mất.")
        else:
            (old_title, old_due), (new_title, new_due) = old[deadline_id], new[deadline_id]
            if old_due != new_due:
                text = f"Đổi ngày hạn “{new_title}”: {shown(old_due)} → {shown(new_due)}"
                lines.append(text)
                warnings.append(text + ": tình trạng đúng hạn, trễ hạn của mọi trường thay đổi.")
            if old_title != new_title:
                lines.append(f"Đổi tên hạn nộp: “{old_title}” → “{new_title}”")
    return lines, warnings
