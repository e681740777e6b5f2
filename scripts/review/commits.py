"""What each commit of a pull request changes, read from git for the permission check.

A commit is judged by its own change: against its parent, or, for a merge (GitHub's
"Update branch" button makes one), only what differs from every parent, i.e. what the
merge itself wrote. Only git objects are read (GitPython), never a working tree.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import yaml

from scripts.history.changes import school_name
from scripts.history.snapshot import Snapshot, parse_whole
from scripts.load.editors import EDITORS_FILE
from scripts.review.permissions import (
    SCHOOLS_FILE,
    SUBMISSION_FILE,
    Change,
    SchoolTouched,
    active_html,
)
from scripts.review.versions import blob

if TYPE_CHECKING:
    from git import Commit

SYMLINK_MODE = 0o120000


def _paths(old: Commit | None, new: Commit) -> set[str]:
    from git import NULL_TREE

    items = old.diff(new) if old is not None else new.diff(NULL_TREE, R=True)
    return {p for item in items for p in (item.a_path, item.b_path) if p}


def _snapshot(commit: Commit | None) -> Snapshot:
    text = blob(commit, SCHOOLS_FILE) if commit is not None else None
    return parse_whole(text) if text is not None else Snapshot()


def _readable_before(parent: Commit | None, inside: set[str]) -> Snapshot:
    """The parent's data/schools.yml, or, if it cannot be read, the last readable one.

    A commit that repairs a broken file is judged against the file before it broke (within
    the pull request), not as adding every school.
    """
    while parent is not None:
        snapshot = _snapshot(parent)
        if snapshot.readable or parent.hexsha not in inside or not parent.parents:
            return snapshot
        parent = parent.parents[0]
    return Snapshot()


def _schools(before: Snapshot, after: Snapshot) -> tuple[list[SchoolTouched], bool]:
    if not after.readable:
        # A commit that breaks the file: nothing to attribute yet. The next commit is compared
        # with the last readable version, and the validator refuses a file still broken.
        return [], False
    touched = []
    for school_id in dict.fromkeys([*after.schools, *before.schools]):
        old, new = before.schools.get(school_id), after.schools.get(school_id)
        if old != new:
            touched.append(SchoolTouched(school_id, school_name(new or old, school_id)))
    return touched, before.meta != after.meta


def submission_ids(data: bytes | None) -> frozenset[str] | None:
    """The top-level keys (school ids) of a submission file; None if it is not a mapping."""
    if data is None:
        return frozenset()
    try:
        raw: Any = yaml.safe_load(data)
    except yaml.YAMLError:
        return None
    if raw is None:
        return frozenset()
    if not isinstance(raw, dict) or not all(isinstance(k, str) for k in raw):
        return None
    return frozenset(raw)


def maintainer_logins(data: bytes | None) -> frozenset[str] | None:
    """Who data/editors.yml names as maintainers, read leniently; None if unreadable."""
    try:
        raw: Any = yaml.safe_load(data or b"") or {}
    except yaml.YAMLError:
        return None
    if not isinstance(raw, dict):
        return None
    return frozenset(
        str(item.get("github", "")).casefold()
        for item in raw.get("editors") or []
        if isinstance(item, dict) and item.get("role") == "maintainer"
    )


def _change(old: Commit | None, new: Commit, inside: set[str]) -> Change:
    paths = _paths(old, new)
    schools: list[SchoolTouched] = []
    shared = False
    if SCHOOLS_FILE in paths:
        schools, shared = _schools(_readable_before(old, inside), _snapshot(new))
    submissions: dict[str, frozenset[str] | None] = {}
    for path in sorted(paths):
        if SUBMISSION_FILE.fullmatch(path):
            before = submission_ids(blob(old, path) if old is not None else None)
            after = submission_ids(blob(new, path))
            submissions[path] = None if before is None or after is None else before | after
    pages: dict[str, str] = {}
    for path in sorted(paths):
        if path.startswith("docs/") and path.lower().endswith((".md", ".markdown", ".html")):
            data = blob(new, path)
            found = active_html(data.decode("utf-8", "replace")) if data is not None else None
            if found:
                pages[path] = found
    maintainers = False
    if EDITORS_FILE in paths:
        old_list = maintainer_logins(blob(old, EDITORS_FILE) if old is not None else None)
        new_list = maintainer_logins(blob(new, EDITORS_FILE))
        maintainers = old_list is None or new_list is None or old_list != new_list
    return Change(
        paths=tuple(sorted(paths)),
        schools=tuple(schools),
        shared_part_changed=shared,
        submission_schools=submissions,
        active_pages=pages,
        maintainers_changed=maintainers,
    )


def _common(changes: list[Change]) -> Change:
    """What a merge changed against every parent: the intersection of its diffs."""
    first, *rest = changes
    paths = set(first.paths).intersection(*(c.paths for c in rest))
    ids = set.intersection(*({s.school_id for s in c.schools} for c in changes))
    return Change(
        paths=tuple(sorted(paths)),
        schools=tuple(s for s in first.schools if s.school_id in ids),
        shared_part_changed=all(c.shared_part_changed for c in changes),
        submission_schools={p: v for p, v in first.submission_schools.items() if p in paths},
        active_pages={p: v for p, v in first.active_pages.items() if p in paths},
        maintainers_changed=all(c.maintainers_changed for c in changes),
    )


def commit_change(commit: Commit, inside: Iterable[str] = ()) -> Change:
    """What this one commit changes; `inside` are the pull request's commits (ids)."""
    members = set(inside)
    if not commit.parents:
        return _change(None, commit, members)
    changes = [_change(parent, commit, members) for parent in commit.parents]
    return changes[0] if len(changes) == 1 else _common(changes)


def added_symlinks(start: Commit, head: Commit) -> list[str]:
    """Symbolic links (git mode 120000) that the change adds or rewrites, by path."""
    return sorted(
        item.b_path
        for item in start.diff(head)
        if item.b_path and item.b_mode == SYMLINK_MODE and not item.deleted_file
    )
