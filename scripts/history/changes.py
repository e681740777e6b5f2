"""What a change does to the data, in plain Vietnamese: one school, or a whole version.

Works on the plain records of scripts.history.snapshot, so it can compare any two versions
of the file (history, and the review of a pull request), valid or not. Status is judged by
scripts.status.judge.status_of, from model objects built here from the records.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from scripts.common.dates import date_or_none
from scripts.common.vietnamese import format_date
from scripts.history.records import Record, is_date_field
from scripts.model import Deadline, Plan, School, Submission
from scripts.status.judge import State, Status, status_of

SCHOOL_FIELDS: dict[str, str] = {
    "name": "tên trường",
    "level": "cấp học",
    "commune": "xã, thị trấn",
    "contact.name": "người phụ trách công tác dân vận",
    "contact.role": "chức vụ của người phụ trách",
}
SUBMISSION_FIELDS: dict[str, str] = {
    "received": "ngày nhận",
    "number": "số văn bản",
    "document_date": "ngày văn bản",
    "model.name": "tên mô hình",
    "model.kind": "hình thức mô hình",
    "note": "ghi chú",
    "link": "liên kết",
}
MANY_SCHOOLS = 10
"""More schools than this changed in one go is unusual: the review warns."""


class Kind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    CHANGED = "changed"


@dataclass(frozen=True)
class StatusChange:
    """A submission recorded, deleted or re-dated: what a reader of the status sees change."""

    deadline_id: str
    title: str
    before: str
    after: str
    before_status: Status | None = None
    after_status: Status | None = None

    @property
    def text(self) -> str:
        """ "Báo cáo 6 tháng: chưa nộp → đã nộp ngày 28/5/2022 (đúng hạn)"."""
        return f"{self.title}: {self.before} → {self.after}"


@dataclass(frozen=True)
class SchoolDiff:
    """Everything one change does to one school."""

    school_id: str
    name: str
    kind: Kind
    lines: tuple[str, ...]
    """Each change in words, status changes first."""
    status_changes: tuple[StatusChange, ...] = ()
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class VersionDiff:
    """Everything a change does to the file: school by school, and what is unusual."""

    schools: tuple[SchoolDiff, ...]
    warnings: tuple[str, ...] = ()
    id_changes: dict[str, str] = field(default_factory=dict)
    """Schools whose id changed (old id → new id), matched by their unchanged name."""


def show_value(name: str, value: str) -> str:
    """A value as a reader expects it: dates in the plan's style, text in quotes."""
    if is_date_field(name):
        day = date_or_none(value)
        if day is not None:
            return format_date(day)
    return f"“{value}”"


def _label(labels: Mapping[str, str], name: str) -> str:
    return labels.get(name, f"mục “{name}”")


def _deadline_title(plan: Plan | None, deadline_id: str) -> str:
    deadline = plan.deadline(deadline_id) if plan else None
    if deadline is not None:
        return deadline.title
    return f"Hạn “{deadline_id}” (không có trong kế hoạch)"


def school_name(record: Record | None, fallback: str = "") -> str:
    if record is None:
        return fallback
    name: str = record["fields"].get("name") or record["id"]
    return name


def _status(
    record: Record, deadline: Deadline, fields: Mapping[str, str] | None, as_of: dt.date | None
) -> Status | None:
    """status_of for the school as this record has it; None if the date cannot be read."""
    submissions: tuple[Submission, ...] = ()
    received: dt.date | None = None
    if fields is not None:
        received = date_or_none(fields.get("received", ""))
        if received is None:
            return None
        submissions = (Submission(deadline_id=deadline.id, received=received),)
    school = School(
        id=record["id"],
        name=school_name(record),
        level=record["fields"].get("level", ""),
        commune=record["fields"].get("commune", ""),
        submissions=submissions,
    )
    # A recorded submission is judged on time or late even when the as-of date is earlier
    # than its receipt (a commit dated before it): the record says it was received.
    day = as_of or deadline.due
    if received is not None and received > day:
        day = received
    return status_of(school, deadline, day)


def _phrase(fields: Mapping[str, str] | None, status: Status | None) -> str:
    """ "chưa nộp", "đã nộp ngày 28/5/2022 (đúng hạn)", "đã nộp ngày 2/6/2022 (trễ 3 ngày)"."""
    if fields is None:
        return "chưa nộp"
    received = fields.get("received", "")
    day = date_or_none(received)
    if day is None:
        shown = f"“{received}”" if received else "trống"
        return f"đã ghi nhận nhưng ngày nhận không đọc được ({shown})"
    phrase = f"đã nộp ngày {format_date(day)}"
    if status is not None and status.state is State.ON_TIME:
        phrase += " (đúng hạn)"
    elif status is not None and status.state is State.LATE:
        phrase += f" (trễ {status.days_late} ngày)"
    return phrase


def _field_lines(
    before: Mapping[str, str], after: Mapping[str, str], labels: Mapping[str, str]
) -> list[tuple[str, str]]:
    """(field name, words) for every field added, removed or changed, in a stable order."""
    order = [*labels, *sorted(set(before) | set(after))]
    lines: list[tuple[str, str]] = []
    for name in dict.fromkeys(order):
        old, new = before.get(name), after.get(name)
        if old == new:
            continue
        label = _label(labels, name)
        if old is None:
            lines.append((name, f"thêm {label}: {show_value(name, new or '')}"))
        elif new is None:
            lines.append((name, f"xóa {label} (trước đây: {show_value(name, old)})"))
        else:
            lines.append((name, f"sửa {label}: {show_value(name, old)} → {show_value(name, new)}"))
    return lines


def _submission_details(fields: Mapping[str, str]) -> str:
    parts = []
    if fields.get("number"):
        parts.append(f"văn bản số {fields['number']}")
    if fields.get("model.name"):
        kind = f" ({fields['model.kind']})" if fields.get("model.kind") else ""
        parts.append(f"mô hình “{fields['model.name']}”{kind}")
    return ", ".join(parts)


def compare_school(
    before: Record | None,
    after: Record | None,
    plan: Plan | None = None,
    as_of: dt.date | None = None,
) -> SchoolDiff | None:
    """What changed for one school between two versions; None when nothing did.

    `as_of` is the date the status is judged at (the review's as-of date, or the day of
    a commit in the history); without it a submission is judged as of its receipt.
    """
    if before is None and after is None:
        return None
    if before == after:
        return None
    current = after if after is not None else before
    assert current is not None
    name = school_name(current)
    lines: list[str] = []
    warnings: list[str] = []
    status_changes: list[StatusChange] = []

    if before is None:
        kind = Kind.ADDED
        fields = after["fields"] if after else {}
        where = [f"cấp {fields['level']}"] if fields.get("level") else []
        where += [fields["commune"]] if fields.get("commune") else []
        lines.append("Thêm trường vào danh sách" + (f" ({', '.join(where)})" if where else ""))
    elif after is None:
        kind = Kind.REMOVED
        count = len(before["submissions"])
        lost = f", cùng {count} ghi nhận nộp văn bản" if count else ""
        # Said once, as a deleted school: not as each submission going from sent to missing.
        lines.append(f"Xóa trường khỏi danh sách{lost}")
        warnings.append(
            f"Xóa {name} (mã {before['id']}) khỏi danh sách{lost}: trang của trường sẽ không còn."
        )
    else:
        kind = Kind.CHANGED
        for _, words in _field_lines(before["fields"], after["fields"], SCHOOL_FIELDS):
            lines.append(words[0].upper() + words[1:])

    old_subs = before["submissions"] if before and after else {}
    new_subs = after["submissions"] if after else {}
    deadline_order = [d.id for d in plan.deadlines] if plan else []
    for deadline_id in dict.fromkeys([*deadline_order, *sorted(set(old_subs) | set(new_subs))]):
        old, new = old_subs.get(deadline_id), new_subs.get(deadline_id)
        if old == new or (old is None and new is None):
            continue
        title = _deadline_title(plan, deadline_id)
        deadline = plan.deadline(deadline_id) if plan else None
        old_status = _status(before, deadline, old, as_of) if before and deadline else None
        new_status = _status(after, deadline, new, as_of) if after and deadline else None
        before_words, after_words = _phrase(old, old_status), _phrase(new, new_status)
        if before_words != after_words:
            change = StatusChange(
                deadline_id, title, before_words, after_words, old_status, new_status
            )
            status_changes.append(change)
            text = change.text
            if new is not None and old is None and _submission_details(new):
                text += f", {_submission_details(new)}"
            lines.append(text)
        if old is not None and new is not None:
            for name_, words in _field_lines(old, new, SUBMISSION_FIELDS):
                if name_ == "received" and before_words != after_words:
                    pass  # already said by the status change
                else:
                    lines.append(f"{title}: {words}")
                if is_date_field(name_) and name_ in old and name_ in new:
                    warnings.append(
                        f"{name} — {title}: đổi {_label(SUBMISSION_FIELDS, name_)} "
                        f"{show_value(name_, old[name_])} → {show_value(name_, new[name_])}."
                    )
        elif old is not None and new is None and after is not None:
            warnings.append(f"{name} — {title}: xóa ghi nhận {before_words}.")
    if not lines:
        lines.append("Sửa cách trình bày (nội dung không đổi)")
    return SchoolDiff(
        school_id=current["id"],
        name=name,
        kind=kind,
        lines=tuple(lines),
        status_changes=tuple(status_changes),
        warnings=tuple(warnings),
    )


def compare_versions(
    before: Mapping[str, Record],
    after: Mapping[str, Record],
    plan: Plan | None = None,
    as_of: dt.date | None = None,
    many: int = MANY_SCHOOLS,
) -> VersionDiff:
    """Every school that changed between two versions, in the order of the newer file."""
    ids = list(dict.fromkeys([*after, *before]))
    diffs: list[SchoolDiff] = []
    for school_id in ids:
        old, new = before.get(school_id), after.get(school_id)
        if old is new:
            continue
        diff = compare_school(old, new, plan, as_of)
        if diff is not None:
            diffs.append(diff)

    # An id changed: one school removed and one added under the same name.
    removed = {d.name: d for d in diffs if d.kind is Kind.REMOVED}
    id_changes: dict[str, str] = {}
    warnings: list[str] = []
    for diff in diffs:
        if diff.kind is Kind.ADDED and diff.name in removed:
            old_id = removed[diff.name].school_id
            id_changes[old_id] = diff.school_id
            warnings.append(
                f"{diff.name}: đổi mã trường {old_id} → {diff.school_id}. Mã trường là "
                "địa chỉ trang của trường; đổi mã làm hỏng các liên kết và mã QR đã in."
            )
    for diff in diffs:
        warnings.extend(diff.warnings)
    if len(diffs) > many:
        warnings.append(
            f"Thay đổi cùng lúc {len(diffs)} trường (nhiều hơn {many}): hãy kiểm tra kỹ "
            "từng trường trước khi hợp nhất."
        )
    return VersionDiff(schools=tuple(diffs), warnings=tuple(warnings), id_changes=id_changes)
