"""The schools file (data/schools.yml): parsed strictly, checked against its schema, the plan,
the list of communes and its own rules.

Rules a schema cannot say: ids unique and never reused, no school twice, every submission
for a deadline of the plan, with a model exactly where the deadline asks for one, dated
between the plan and today. Each rule reads the plain values defensively (the schema may
have failed too) and reports on the line of the value concerned.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from scripts.common.characters import canonical
from scripts.common.clock import today_in_vietnam
from scripts.common.dates import show
from scripts.common.problems import Problem
from scripts.common.project import SCHEMA_DIR
from scripts.common.schema.check import check
from scripts.common.source import Source
from scripts.common.vietnamese import fold
from scripts.common.yamlread import Document, parse
from scripts.model import LEVEL_NAMES
from scripts.validate.communes import CommuneFacts, check_school_communes
from scripts.validate.plan import PlanFacts, plan_facts
from scripts.validate.text import check_text
from scripts.validate.values import real_date

# Messages of a submission's dates, as templates: the site's form fills the same ones in
# the browser (scripts/render/board/submission_form.py), so both say the same words.
BEFORE_PLAN = (
    "{what} {day} trước ngày ban hành Kế hoạch ({plan}): kiểm tra lại ngày, tháng, năm "
    "(có thể gõ nhầm)."
)
AFTER_TODAY = (
    "{what} {day} sau ngày hôm nay ({today}): chỉ ghi văn bản đã nhận; kiểm tra lại ngày, "
    "tháng, năm (có thể gõ nhầm)."
)
SIGNED_AFTER_RECEIVED = (
    "Ngày văn bản {signed} sau ngày nhận {received}: văn bản phải được ký trước khi gửi. "
    "Kiểm tra lại hai ngày này."
)
DATE_NAMES = {"received": "Ngày nhận", "document_date": "Ngày văn bản"}


def validate_schools(
    source: Source,
    plan_doc: Document | None,
    *,
    today: dt.date | None = None,
    communes: CommuneFacts | None = None,
    schema_dir: Path = SCHEMA_DIR,
) -> tuple[Document, list[Problem]]:
    """Parse and check a schools file against a (possibly broken) plan document and list
    of communes (None: the communes are not checked, e.g. their file is broken)."""
    doc = parse(source)
    problems = list(doc.problems)
    if doc.usable:
        facts = plan_facts(plan_doc) if plan_doc is not None else None
        schema = check(doc, "schools", schema_dir, names=LEVEL_NAMES)
        rules = check_schools(doc, facts, today or today_in_vietnam())
        # An unknown deadline key gets one message, the rule's (it names the plan's ids).
        keys = _unknown_deadline_keys(doc, facts)
        more = [p for p in schema if (p.line, p.column) not in keys] + rules
        more += check_school_communes(doc, communes)
        more += check_text(doc, schema)
        problems += doc.not_refused(more)
    return doc, problems


def _unknown_deadline_keys(doc: Document, plan: PlanFacts | None) -> set[tuple[int, int]]:
    """Positions of the submission keys that are no deadline of a readable plan."""
    data = doc.data
    if plan is None or not plan.deadlines or not isinstance(data, dict):
        return set()
    schools = data.get("schools")
    found: set[tuple[int, int]] = set()
    for index, school in enumerate(schools if isinstance(schools, list) else []):
        submissions = school.get("submissions") if isinstance(school, dict) else None
        for deadline_id in submissions if isinstance(submissions, dict) else ():
            if deadline_id not in plan.deadlines:
                path: list[str | int] = ["schools", index, "submissions", deadline_id]
                found.add(doc.position(path, key=True))
    return found


def check_schools(doc: Document, plan: PlanFacts | None, today: dt.date) -> list[Problem]:
    """Ids unique and never reused, no school twice, submissions that fit the plan."""
    data = doc.data
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    retired = data.get("retired")
    retired_lines: dict[str, int] = {}
    for index, item in enumerate(retired if isinstance(retired, list) else []):
        if isinstance(item, str):
            retired_lines.setdefault(item, doc.position(["retired", index])[0])
    listed = data.get("schools")
    schools: list[Any] = listed if isinstance(listed, list) else []
    by_id: dict[str, int] = {}
    by_name: dict[tuple[str, str], int] = {}
    for index, school in enumerate(schools):
        if not isinstance(school, dict):
            continue
        problems.extend(_identity(doc, schools, index, by_id, by_name, retired_lines))
        submissions = school.get("submissions")
        if isinstance(submissions, dict):
            for deadline_id, submission in submissions.items():
                path: list[str | int] = ["schools", index, "submissions", deadline_id]
                _submission(doc, path, deadline_id, submission, plan, today, problems)
    return problems


def _identity(
    doc: Document,
    schools: list[Any],
    index: int,
    by_id: dict[str, int],
    by_name: dict[tuple[str, str], int],
    retired_lines: dict[str, int],
) -> Iterator[Problem]:
    school = schools[index]
    school_id, name, commune = school.get("id"), school.get("name"), school.get("commune")
    same_id_as = None
    if isinstance(school_id, str):
        if school_id in retired_lines:
            yield doc.problem(
                ["schools", index, "id"],
                f"Mã “{school_id}” đã từng dùng cho một trường khác và đã bỏ (danh sách retired, "
                f"dòng {retired_lines[school_id]}), nên không được dùng lại: địa chỉ trang cũ sẽ "
                "trỏ nhầm sang trường này. Đặt một mã khác.",
            )
        if school_id in by_id:
            same_id_as = by_id[school_id]
            other = schools[same_id_as]
            line = doc.position(["schools", same_id_as, "id"])[0]
            other_name = other.get("name")
            if (
                isinstance(name, str)
                and isinstance(other_name, str)
                and same_name(other_name, name)
            ):
                message = (
                    f"Trường “{name}” (mã {school_id}) có hai mục: mục này trùng với mục ở dòng "
                    f"{line}, có thể do dán hai lần. Chuyển các lần nộp sang một mục rồi xóa "
                    "mục thừa."
                )
            else:
                whose = f"“{other_name}”" if isinstance(other_name, str) else "trường"
                message = (
                    f"Mã trường “{school_id}” đã dùng cho {whose} ở dòng {line}. "
                    "Mỗi trường một mã riêng: đặt mã khác cho trường này."
                )
            yield doc.problem(["schools", index, "id"], message)
        else:
            by_id[school_id] = index
    if isinstance(name, str) and isinstance(commune, str):
        key = (canonical(commune), school_key(name))
        if key in by_name and by_name[key] != same_id_as:
            first = by_name[key]
            line = doc.position(["schools", first, "name"])[0]
            yield doc.problem(
                ["schools", index, "name"],
                f"Trường “{name}” ở {commune} đã có trong danh sách với mã "
                f"“{schools[first].get('id')}” (dòng {line}). Một trường chỉ ghi một lần: "
                "chuyển các lần nộp sang mục đó rồi xóa mục này.",
            )
        by_name.setdefault(key, index)


def school_key(name: str) -> str:
    """What two names of schools are compared by: the canonical form (NFC, invisible
    characters removed, spaces collapsed, case folded), tone marks folded too ("Truong tieu
    hoc Binh Thanh" is the same school as "Trường Tiểu học Bình Thạnh")."""
    return fold(canonical(name))


def same_name(first: str, second: str) -> bool:
    return school_key(first) == school_key(second)


def _submission(
    doc: Document,
    path: list[str | int],
    deadline_id: str,
    submission: Any,
    plan: PlanFacts | None,
    today: dt.date,
    out: list[Problem],
) -> None:
    if plan is not None and plan.deadlines and deadline_id not in plan.deadlines:
        folded = {fold(known): known for known in plan.deadlines}
        close = [folded[fold(deadline_id)]] if fold(deadline_id) in folded else []
        close = close or difflib.get_close_matches(
            fold(deadline_id)[:100], list(plan.deadlines), n=1, cutoff=0.6
        )
        guess = f" Có phải là “{close[0]}”?" if close else ""
        known = ", ".join(f"{key} ({title})" for key, (title, _) in plan.deadlines.items())
        out.append(
            doc.problem(
                path,
                f"Không có hạn nộp mã “{deadline_id}” trong data/plan.yml.{guess} "
                f"Các mã hạn nộp: {known}.",
                key=True,
            )
        )
        return
    check_submission_fields(doc, path, deadline_id, submission, plan, today, out)


def check_submission_fields(
    doc: Document,
    path: list[str | int],
    deadline_id: str,
    submission: Any,
    plan: PlanFacts | None,
    today: dt.date,
    out: list[Problem],
) -> None:
    """The rules of one submission for a deadline of the plan (in data/schools.yml or a file
    of data/submissions/): a model exactly where the deadline asks for one, real dates
    between the plan and today, signed before received."""
    if not isinstance(submission, dict):
        return
    if plan is not None and deadline_id in plan.deadlines:
        title, requires_model = plan.deadlines[deadline_id]
        if requires_model and "model" not in submission:
            out.append(
                doc.problem(
                    path,
                    f"Lần nộp cho hạn {deadline_id} ({title}) cần ghi mô hình đã đăng ký: thêm "
                    "mục model với hai dòng con name (tên mô hình) và kind (xây dựng mới hoặc "
                    "nhân rộng).",
                    key=True,
                )
            )
        if not requires_model and "model" in submission:
            out.append(
                doc.problem(
                    [*path, "model"],
                    "Chỉ ghi mô hình (model) cho hạn đăng ký mô hình, không ghi cho hạn "
                    f"{deadline_id} ({title}): xóa mục model ở đây.",
                    key=True,
                )
            )
    plan_date = plan.date if plan is not None else None
    received = real_date(doc, [*path, "received"], submission.get("received"), out)
    signed = real_date(doc, [*path, "document_date"], submission.get("document_date"), out)
    for field, day in (("received", received), ("document_date", signed)):
        if day is None:
            continue
        what = DATE_NAMES[field]
        if plan_date and day < plan_date:
            message = BEFORE_PLAN.format(what=what, day=show(day), plan=show(plan_date))
            out.append(doc.problem([*path, field], message))
        if day > today:
            message = AFTER_TODAY.format(what=what, day=show(day), today=show(today))
            out.append(doc.problem([*path, field], message))
    if received and signed and signed > received:
        message = SIGNED_AFTER_RECEIVED.format(signed=show(signed), received=show(received))
        out.append(doc.problem([*path, "document_date"], message))
