"""Whether a change's author may make it, against data/editors.yml (scripts/load/editors.py).

Office staff (`schools: all`) may change everything. A school's clerk may change only the
entries of the schools listed for their account in data/schools.yml. Files that decide how
the site is built and checked (the list of editors, the workflows, the code) are for office
staff only. Pure functions: the review passes what changed.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from scripts.load.editors import EDITORS_FILE, Editors

SCHOOLS_FILE = "data/schools.yml"

OFFICE_ONLY: tuple[str, ...] = (
    "data/",
    ".github/",
    "scripts/",
    "dvk_mkdocs/",
    "schemas/",
    "overrides/",
    ".ci/",
    "mkdocs.yml",
    ".mailmap",
    "run.sh",
    "requirements.txt",
    "requirements-dev.txt",
    "constraints.txt",
    "pyproject.toml",
)
"""Paths only office staff may change (data/schools.yml is checked school by school).

A prefix ending in "/" covers a folder. The list, the workflows and the code decide what
the check itself does, so a clerk's change to them is refused outright.
"""


def office_only(path: str) -> bool:
    if path == SCHOOLS_FILE:
        return False
    return any(path == p or (p.endswith("/") and path.startswith(p)) for p in OFFICE_ONLY)


@dataclass(frozen=True)
class SchoolTouched:
    """A school whose entry a change adds, removes or edits."""

    school_id: str
    name: str


def scope_of(login: str, editors: Editors) -> str:
    """What the account may change, in words: "chỉ được sửa các trường: a, b"."""
    editor = editors.find(login)
    if editor is None:
        return f"chưa có trong {EDITORS_FILE}, nên không được sửa dữ liệu trường nào"
    if editor.is_office:
        return "là người quản lý dữ liệu, được sửa mọi dữ liệu"
    return "chỉ được sửa các trường: " + (", ".join(sorted(editor.schools)) or "không trường nào")


def refusals(
    login: str,
    editors: Editors,
    changed_paths: Iterable[str],
    schools: Iterable[SchoolTouched],
    shared_part_changed: bool = False,
) -> list[str]:
    """Why `login` may not make this change, one Vietnamese sentence per school or file.

    [] if allowed. `shared_part_changed` is True when data/schools.yml changes outside any
    school's entry (e.g. `sample:` or `retired:`), which only office staff may do.
    """
    editor = editors.find(login)
    account = f"@{login.strip().lstrip('@')}"
    if editor is not None and editor.is_office:
        return []
    reasons = [
        f"{account} không được sửa trường “{school.name}” (mã {school.school_id})."
        for school in schools
        if editor is None or not editor.may_edit(school.school_id)
    ]
    not_office = (
        f"{account} không phải người quản lý dữ liệu (ghi “schools: all” trong {EDITORS_FILE})"
    )
    if shared_part_changed:
        reasons.append(
            f"{not_office}: không được sửa phần chung của {SCHOOLS_FILE} (ngoài mục của "
            "các trường), ví dụ “sample” hay “retired”."
        )
    reasons += [
        f"{not_office}: không được sửa {path}."
        for path in sorted(set(changed_paths))
        if office_only(path)
    ]
    return reasons
