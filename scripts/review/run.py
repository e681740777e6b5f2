"""The review of a change: what a pull request does to the data, and whether it may merge.

`review` compares the data at the merge base of BASE and HEAD with the data at HEAD (what
GitHub's "Files changed" shows), school by school; warns about what is unusual; checks the
data at HEAD with the validator; and, with an author, checks the change against
data/editors.yml as it is at BASE (a change cannot widen its own author's rights). Each job
has its module: versions (git), data_checks (validator), plan_changes, permissions, report
(Markdown); the command line is command.py.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from scripts.common.clock import today_in_vietnam
from scripts.history.changes import MANY_SCHOOLS, compare_versions
from scripts.history.snapshot import Snapshot, parse_whole
from scripts.history.submission_files import SUBMISSIONS_PATH, is_submission_path, overlay
from scripts.load.editors import EDITORS_FILE, Editors, load_editors
from scripts.load.plan import PLAN_FILE as PLAN_NAME
from scripts.load.plan import load_plan
from scripts.model import Plan
from scripts.review.data_checks import removed_communes, validate_data
from scripts.review.permissions import SCHOOLS_FILE, SchoolTouched, refusals
from scripts.review.plan_changes import plan_changes
from scripts.review.report import PLAN_FILE, Review, review_markdown
from scripts.review.submission_files import describe_file
from scripts.review.versions import blob, blobs_under, changed_paths, export_data, merge_base

if TYPE_CHECKING:
    from git import Commit


def review(
    repo_path: Path,
    base: str,
    head: str = "HEAD",
    *,
    author: str | None = None,
    as_of: dt.date | None = None,
    many: int = MANY_SCHOOLS,
    validate: Callable[[Path], list[str]] = validate_data,
    read_plan: Callable[[Path], Plan] = load_plan,
    read_editors: Callable[[Path], Editors] = load_editors,
) -> Review:
    """Compare the data of `head` with that of its merge base with `base`.

    `validate(data_dir)` returns the problems of the data at HEAD (empty when valid);
    `read_plan` and `read_editors` read those files from an exported data folder.
    """
    import git  # GitPython; imported here so that importing this module never needs git

    repo = git.Repo(repo_path, search_parent_directories=True)
    try:
        base_commit, head_commit = repo.commit(base), repo.commit(head)
        start = merge_base(repo, base_commit, head_commit)
        as_of = as_of or today_in_vietnam()
        with tempfile.TemporaryDirectory() as tmp:
            head_data = export_data(head_commit, Path(tmp) / "head")
            base_data = export_data(base_commit, Path(tmp) / "base")
            plan = None
            try:
                plan = read_plan(head_data / PLAN_NAME)
            except Exception:  # the validator below says what is wrong with it
                plan = None
            invalid = validate(head_data) + removed_communes(base_data, head_data)
            editors = None
            if author is not None:
                # The list as it was before the change: a change cannot widen its own rights.
                # Only when there was no list yet (the change that adds it) is the new one used.
                listed = base_data / Path(EDITORS_FILE).name
                if not listed.exists():
                    listed = head_data / Path(EDITORS_FILE).name
                editors = read_editors(listed) if listed.exists() else Editors(())
        before = _snapshot(start)
        after = _snapshot(head_commit)
        diff = compare_versions(before.schools, after.schools, plan, as_of, many)
        plan_lines, plan_warnings = plan_changes(
            blob(start, PLAN_FILE), blob(head_commit, PLAN_FILE)
        )
        paths = changed_paths(start, head_commit)
        recorded = [
            line
            for path in paths
            if is_submission_path(path)
            for line in describe_file(
                path, blob(start, path), blob(head_commit, path), after.schools, plan
            )
        ]
        refused: list[str] = []
        if author is not None:
            touched = [SchoolTouched(d.school_id, d.name) for d in diff.schools]
            shared = before.meta != after.meta
            refused = refusals(author, editors or Editors(()), paths, touched, shared)
        markdown = review_markdown(
            start=start,
            head=head_commit,
            as_of=as_of,
            diff=diff,
            before=before,
            after=after,
            plan_lines=plan_lines,
            warnings=[*plan_warnings, *diff.warnings],
            paths=paths,
            recorded=recorded,
            invalid=invalid,
            author=author,
            refused=refused,
            editors=editors,
        )
        return Review(markdown, not invalid and not refused, invalid, refused, diff)
    finally:
        repo.close()


def _snapshot(commit: Commit) -> Snapshot:
    """The schools at a commit: the register (data/schools.yml) read leniently, with the
    submissions of every file of data/submissions/ added to their school's record."""
    text = blob(commit, SCHOOLS_FILE)
    register = parse_whole(text) if text is not None else Snapshot()
    files = blobs_under(commit, SUBMISSIONS_PATH)
    if not files or not register.readable:
        return register
    return Snapshot(
        schools=overlay(register.schools, files),
        problems=register.problems,
        meta=register.meta,
    )
