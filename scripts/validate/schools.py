"""What a schema cannot check: identities, references between files, dates, safe text.

Each check reads the plain values of a parsed document defensively (the schema may have
failed too) and reports Problems on the line of the value concerned. Pure functions.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from scripts.common.dates import DATE_PATTERN, DateError, parse_date, show
from scripts.common.problems import Problem
from scripts.common.vietnamese import fold
from scripts.common.yamlread import Document

_DATE_SHAPE = re.compile(DATE_PATTERN)
# One quick look for anything suspicious; the details are worked out only on a match.
_SUSPICIOUS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]|<[A-Za-z/!?]|&#?\w+;|\]\(|!\[|\]\[")
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_HTML = re.compile(r"</?[A-Za-z][^>]*>?|<[!?][^>]*>?|&#?\w+;")
_MARKDOWN_LINK = re.compile(r"!?\[[^\]]*\]\s*[(\[]")
# Phone numbers (Vietnamese, 9–11 digits) and e-mail addresses: not on a public site.
_PERSONAL = re.compile(r"(?<![\d/])(?:\+84|0)(?:[ .-]?\d){8,10}(?![\d/])|[\w.+-]+@[\w-]+\.\w")
_PERSONAL_KEYS = frozenset({"name", "role", "note"})


@dataclass(frozen=True)
class PlanFacts:
    """What the schools file is checked against, read from a plan that may be broken."""

    date: dt.date | None
    deadlines: dict[str, tuple[str, bool]]
    """deadline id → (title, requires_model)."""


def date_of(value: Any) -> dt.date | None:
    if isinstance(value, str) and _DATE_SHAPE.match(value):
        try:
            return parse_date(value)
        except DateError:
            return None
    return None


def plan_facts(doc: Document) -> PlanFacts | None:
    """The plan's date and deadline ids, as far as they can be read; None if unreadable."""
    data = doc.data
    if not isinstance(data, dict):
        return None
    deadlines = {}
    for item in data.get("deadlines") or []:
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            title = item.get("title") if isinstance(item.get("title"), str) else item["id"]
            deadlines.setdefault(item["id"], (title, item.get("requires_model") is True))
    return PlanFacts(date_of(data.get("date")), deadlines)


def real_date(
    doc: Document, path: list[str | int], value: Any, out: list[Problem]
) -> dt.date | None:
    """A well-shaped date that does not exist (31/02/2022) is reported into `out`.

    Badly shaped dates are left to the schema, which says which forms are accepted.
    """
    if not isinstance(value, str) or not _DATE_SHAPE.match(value):
        return None
    try:
        return parse_date(value)
    except DateError as error:
        out.append(doc.problem(path, str(error)))
        return None


def check_text(doc: Document) -> list[Problem]:
    """No control characters, HTML or Markdown links in any text value."""
    problems: list[Problem] = []
    _walk_text(doc, doc.data, [], problems)
    return problems


def _walk_text(doc: Document, value: Any, path: list[str | int], out: list[Problem]) -> None:
    if isinstance(value, str):
        key = path[-1] if path else None
        if _SUSPICIOUS.search(value) or (key in _PERSONAL_KEYS and _PERSONAL.search(value)):
            out.extend(doc.problem(path, message) for message in text_messages(value, key))
    elif isinstance(value, dict):
        for key, item in value.items():
            path.append(key)
            _walk_text(doc, item, path, out)
            path.pop()
    elif isinstance(value, list):
        for index, item in enumerate(value):
            path.append(index)
            _walk_text(doc, item, path, out)
            path.pop()


def text_messages(value: str, key: object = None) -> Iterator[str]:
    """Why a text value is refused (control characters, HTML, Markdown links, and in names,
    roles and notes phone numbers or e-mail addresses); nothing if it is fine."""
    if match := _CONTROL.search(value):
        char = match.group()
        if char in "\r\n\u2028\u2029":
            yield (
                "Giá trị này bị xuống dòng: viết trên một dòng (nối các dòng lại, "
                "bỏ dấu | hoặc > ở đầu nếu có)."
            )
        else:
            name = " (phím Tab)" if char == "\t" else ""
            yield (
                f"Có ký tự điều khiển U+{ord(char):04X}{name} trong giá trị: xóa ký tự này, "
                "chỉ dùng chữ, số, dấu câu và dấu cách."
            )
    if match := _HTML.search(value):
        yield (
            f"Không dùng thẻ HTML hay mã ký tự HTML (“{match.group()[:30]}”) trong dữ liệu: "
            "trang web hiển thị đúng nguyên văn, nên chỉ ghi chữ thường. Xóa phần này."
        )
    if key in _PERSONAL_KEYS and _PERSONAL.search(value):
        yield (
            "Không ghi số điện thoại hay địa chỉ e-mail: dữ liệu này hiện trên trang công "
            "khai. Xóa phần đó; người phụ trách chỉ ghi họ tên và chức vụ."
        )
    if _MARKDOWN_LINK.search(value):
        yield (
            "Không dùng liên kết Markdown dạng [chữ](địa chỉ) hay hình ![…](…) trong dữ liệu: "
            "trang hiển thị nguyên văn. Ghi địa chỉ https://… vào mục link của lần nộp."
        )


def repeated(doc: Document, key: str, field: str) -> Iterator[tuple[int, str, int]]:
    """Items of the list `key` whose text `field` an earlier item has already:
    (index, value, line of the first one)."""
    items = doc.data.get(key) if isinstance(doc.data, dict) else None
    seen: dict[str, int] = {}
    for index, item in enumerate(items if isinstance(items, list) else []):
        value = item.get(field) if isinstance(item, dict) else None
        if not isinstance(value, str):
            continue
        if value in seen:
            yield index, value, doc.position([key, seen[value], field])[0]
        else:
            seen[value] = index


def check_plan(doc: Document) -> list[Problem]:
    """Deadline ids unique; every date real; no deadline before the plan itself."""
    data = doc.data
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    plan_date = real_date(doc, ["date"], data.get("date"), problems)
    for index, deadline_id, line in repeated(doc, "deadlines", "id"):
        problems.append(
            doc.problem(
                ["deadlines", index, "id"],
                f"Mã hạn nộp “{deadline_id}” đã dùng cho hạn nộp ở dòng {line}: "
                "mỗi hạn nộp một mã riêng.",
            )
        )
    deadlines = data.get("deadlines")
    for index, item in enumerate(deadlines if isinstance(deadlines, list) else []):
        if not isinstance(item, dict):
            continue
        due = real_date(doc, ["deadlines", index, "due"], item.get("due"), problems)
        if due and plan_date and due < plan_date:
            problems.append(
                doc.problem(
                    ["deadlines", index, "due"],
                    f"Hạn chót {show(due)} trước ngày ban hành Kế hoạch ({show(plan_date)}): "
                    "kiểm tra lại ngày, tháng, năm.",
                )
            )
    return problems


def check_schools(doc: Document, plan: PlanFacts | None, today: dt.date) -> list[Problem]:
    """Ids unique and never reused, no school twice, submissions that fit the plan."""
    data = doc.data
    if not isinstance(data, dict):
        return []
    problems: list[Problem] = []
    retired = data.get("retired")
    retired_lines = {}
    for index, item in enumerate(retired if isinstance(retired, list) else []):
        if isinstance(item, str):
            retired_lines.setdefault(item, doc.position(["retired", index])[0])
    schools = data.get("schools")
    by_id: dict[str, int] = {}
    by_name: dict[tuple[str, str], int] = {}
    for index, school in enumerate(schools if isinstance(schools, list) else []):
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
            if isinstance(name, str) and other.get("name") == name:
                message = (
                    f"Trường “{name}” (mã {school_id}) có hai mục: mục này trùng với mục ở dòng "
                    f"{line}, có thể do dán hai lần. Chuyển các lần nộp sang một mục rồi xóa "
                    "mục thừa."
                )
            else:
                other_name = other.get("name")
                whose = f"“{other_name}”" if isinstance(other_name, str) else "trường"
                message = (
                    f"Mã trường “{school_id}” đã dùng cho {whose} ở dòng {line}. "
                    "Mỗi trường một mã riêng: đặt mã khác cho trường này."
                )
            yield doc.problem(["schools", index, "id"], message)
        else:
            by_id[school_id] = index
    if isinstance(name, str) and isinstance(commune, str):
        key = (commune, fold(name))
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
        close = difflib.get_close_matches(deadline_id, list(plan.deadlines), n=1, cutoff=0.6)
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
    for field, day, what in (
        ("received", received, "Ngày nhận"),
        ("document_date", signed, "Ngày văn bản"),
    ):
        if day is None:
            continue
        if plan_date and day < plan_date:
            out.append(
                doc.problem(
                    [*path, field],
                    f"{what} {show(day)} trước ngày ban hành Kế hoạch ({show(plan_date)}): "
                    "kiểm tra lại ngày, tháng, năm (có thể gõ nhầm).",
                )
            )
        if day > today:
            out.append(
                doc.problem(
                    [*path, field],
                    f"{what} {show(day)} sau ngày hôm nay ({show(today)}): chỉ ghi văn bản đã "
                    "nhận; kiểm tra lại ngày, tháng, năm (có thể gõ nhầm).",
                )
            )
    if received and signed and signed > received:
        out.append(
            doc.problem(
                [*path, "document_date"],
                f"Ngày văn bản {show(signed)} sau ngày nhận {show(received)}: văn bản phải được "
                "ký trước khi gửi. Kiểm tra lại hai ngày này.",
            )
        )
