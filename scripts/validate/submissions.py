"""The submission files (data/submissions/<deadline-id>/<file>.yml): parsed strictly, checked
against their schema, the plan, the register of schools and each other.

Rules beyond the schema: the folder is a deadline of the plan; every key is the id of a
school of data/schools.yml (a retired id is refused: that school is off the list); a file
named after a school holds that school only, a file for several schools is named
`nhieu-truong-…`; each submission follows the same rules as one written in the schools file
(scripts/validate/schools.py); and a school's submission for a deadline is written once in
the whole data: a second one is an error on its line naming the file and line of the first.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.common.problems import Problem
from scripts.common.project import SCHEMA_DIR
from scripts.common.schema.check import check
from scripts.common.source import Source
from scripts.common.yamlread import Document, parse
from scripts.load.submissions import MANY_SCHOOLS_PREFIX, SUBMISSIONS_DIR, file_place
from scripts.validate.plan import PlanFacts
from scripts.validate.schools import check_submission_fields
from scripts.validate.text import check_text


@dataclass(frozen=True)
class Register:
    """What the submission files are checked against, read from data/schools.yml."""

    names: dict[str, str]
    """School id → name (the id itself when the name cannot be read)."""
    retired: frozenset[str]
    embedded: dict[tuple[str, str], int]
    """(school id, deadline id) → line, for submissions still written in the schools file."""
    file: str = "data/schools.yml"


def register_of(doc: Document | None) -> Register | None:
    """The school ids, retired ids and embedded submissions of a (possibly broken) schools
    file; None when it could not be read (then ids are not checked)."""
    if doc is None or not isinstance(doc.data, dict):
        return None
    schools = doc.data.get("schools")
    retired = doc.data.get("retired")
    names: dict[str, str] = {}
    embedded: dict[tuple[str, str], int] = {}
    for index, school in enumerate(schools if isinstance(schools, list) else []):
        if not isinstance(school, dict) or not isinstance(school.get("id"), str):
            continue
        school_id = school["id"]
        name = school.get("name")
        names.setdefault(school_id, name if isinstance(name, str) else school_id)
        submissions = school.get("submissions")
        for deadline_id in submissions if isinstance(submissions, dict) else {}:
            line = doc.position(["schools", index, "submissions", deadline_id], key=True)[0]
            embedded.setdefault((school_id, str(deadline_id)), line)
    return Register(
        names=names,
        retired=frozenset(r for r in retired if isinstance(r, str))
        if isinstance(retired, list)
        else frozenset(),
        embedded=embedded,
        file=doc.name,
    )


@dataclass(frozen=True)
class SubmissionFile:
    """One submission file, parsed: its deadline (the folder) and document."""

    name: str
    deadline_id: str
    doc: Document


def validate_submissions(
    sources: Sequence[Source],
    plan: PlanFacts | None,
    register: Register | None,
    *,
    today: dt.date,
    schema_dir: Path = SCHEMA_DIR,
) -> tuple[list[SubmissionFile], list[Problem]]:
    """Parse and check every submission file; (the files, their problems)."""
    files: list[SubmissionFile] = []
    problems: list[Problem] = []
    first: dict[tuple[str, str], tuple[str, int]] = {}
    if register is not None:
        first = {key: (register.file, line) for key, line in register.embedded.items()}
    for source in sources:
        place = file_place(source.name)
        if place is None:
            problems.append(_misplaced(source.name))
            continue
        deadline_id, stem = place
        doc = parse(source)
        problems += doc.problems
        if not doc.usable:
            continue
        more = check(doc, "submissions", schema_dir)
        more += check_text(doc)
        known_deadline = _deadline(doc, deadline_id, plan, more)
        data = doc.data if isinstance(doc.data, dict) else {}
        more += _file_name(doc, stem, data)
        for school_id, submission in data.items():
            path: list[str | int] = [school_id]
            if not isinstance(school_id, str):
                continue
            more += _school(doc, school_id, register)
            if known_deadline:
                check_submission_fields(doc, path, deadline_id, submission, plan, today, more)
            key = (school_id, deadline_id)
            line = doc.position(path, key=True)[0]
            if key in first:
                more.append(_duplicate(doc, school_id, deadline_id, first[key], register, plan))
            else:
                first[key] = (doc.name, line)
        problems += doc.not_refused(more)
        files.append(SubmissionFile(source.name, deadline_id, doc))
    return files, problems


def _misplaced(name: str) -> Problem:
    return Problem(
        name,
        1,
        1,
        f"Tệp này đặt sai chỗ hoặc sai tên: mỗi lần nộp là một tệp "
        f"data/{SUBMISSIONS_DIR}/<mã hạn nộp>/<mã trường>.yml, ví dụ "
        f"data/{SUBMISSIONS_DIR}/bao-cao-nam/th-binh-thanh.yml (đuôi .yml). Chuyển tệp vào "
        "đúng thư mục của hạn nộp, hoặc xóa tệp nếu không dùng.",
    )


def _deadline(doc: Document, deadline_id: str, plan: PlanFacts | None, out: list[Problem]) -> bool:
    """True when the folder names a deadline of the plan (or the plan cannot be read)."""
    if plan is None or not plan.deadlines or deadline_id in plan.deadlines:
        return plan is not None and deadline_id in plan.deadlines
    close = difflib.get_close_matches(deadline_id, list(plan.deadlines), n=1, cutoff=0.6)
    guess = f" Có phải là “{close[0]}”?" if close else ""
    known = ", ".join(f"{key} ({title})" for key, (title, _) in plan.deadlines.items())
    out.append(
        Problem(
            doc.name,
            1,
            1,
            f"Thư mục “{deadline_id}” không phải mã một hạn nộp trong data/plan.yml.{guess} "
            f"Tệp phải nằm trong thư mục mang mã hạn nộp: {known}.",
        )
    )
    return False


def _file_name(doc: Document, stem: str, data: dict[Any, Any]) -> list[Problem]:
    """`<school-id>.yml` holds that school only; several schools: `nhieu-truong-….yml`."""
    if stem.startswith(MANY_SCHOOLS_PREFIX) or not data:
        return []
    keys = [k for k in data if isinstance(k, str)]
    if keys == [stem]:
        return []
    if len(keys) == 1:
        return [
            doc.problem(
                [keys[0]],
                f"Tên tệp ({stem}.yml) phải là mã của trường ghi trong tệp ({keys[0]}): đổi "
                f"tên tệp thành {keys[0]}.yml, hoặc sửa mã trường cho đúng.",
                key=True,
            )
        ]
    return [
        doc.problem(
            [keys[1]],
            f"Tệp {stem}.yml mang tên một trường nhưng ghi {len(keys)} trường. Mỗi trường một "
            f"tệp <mã trường>.yml; tệp ghi nhiều trường cùng lúc đặt tên bắt đầu bằng "
            f"“{MANY_SCHOOLS_PREFIX}”, ví dụ {MANY_SCHOOLS_PREFIX}2026-12-02-a1b2.yml.",
            key=True,
        )
    ]


def _school(doc: Document, school_id: str, register: Register | None) -> list[Problem]:
    if register is None or school_id in register.names:
        return []
    if school_id in register.retired:
        message = (
            f"Mã “{school_id}” là mã của một trường đã bỏ khỏi danh sách (retired trong "
            f"{register.file}): không ghi nhận nộp cho trường này. Kiểm tra lại mã trường."
        )
    else:
        close = difflib.get_close_matches(school_id, list(register.names), n=1, cutoff=0.7)
        guess = f" Có phải là “{close[0]}” ({register.names[close[0]]})?" if close else ""
        message = (
            f"Không có trường mã “{school_id}” trong {register.file}.{guess} Ghi đúng mã "
            "trường (xem trên trang của trường), hoặc thêm trường vào danh sách trước."
        )
    return [doc.problem([school_id], message, key=True)]


def _duplicate(
    doc: Document,
    school_id: str,
    deadline_id: str,
    where: tuple[str, int],
    register: Register | None,
    plan: PlanFacts | None,
) -> Problem:
    name = register.names.get(school_id, school_id) if register else school_id
    title = plan.deadlines[deadline_id][0] if plan and deadline_id in plan.deadlines else ""
    what = f"{deadline_id} ({title})" if title else deadline_id
    return doc.problem(
        [school_id],
        f"{name} (mã {school_id}) đã có lần nộp cho hạn {what} ở {where[0]}, dòng "
        f"{where[1]}. Mỗi trường chỉ ghi một lần nộp cho mỗi hạn: giữ một chỗ (sửa tệp đó "
        "nếu cần) và xóa chỗ còn lại.",
        key=True,
    )
