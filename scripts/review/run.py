"""The review of a change: what a pull request does to the data, and whether it may merge.

`review` compares the data at the merge base of BASE and HEAD with the data at HEAD (what
GitHub's "Files changed" shows), school by school; warns about what is unusual; checks the
data at HEAD with the validator; refuses symbolic links and schools deleted without being
retired; and, with an author (every commit judged as that account) or the accounts of each
commit (GitHub's API, scripts/review/accounts.py), checks every commit of the change against
data/editors.yml as it is at BASE (a change cannot widen its own author's rights). Each job
has its module: versions (git), commits (each commit's change), data_checks (validator),
lost_schools, plan_changes, permissions, report (Markdown); the command line is command.py,
and `bash run.sh review` runs it from a checkout of BASE (the checker never comes from the
change under review).
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
from scripts.review.accounts import Accounts, logins_of
from scripts.review.commits import added_symlinks, commit_change
from scripts.review.data_checks import removed_communes, validate_data
from scripts.review.lost_schools import lost_schools, retired_ids
from scripts.review.permissions import SCHOOLS_FILE, refusals
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
    accounts: Accounts | None = None,
    as_of: dt.date | None = None,
    many: int = MANY_SCHOOLS,
    validate: Callable[[Path], list[str]] = validate_data,
    read_plan: Callable[[Path], Plan] = load_plan,
    read_editors: Callable[[Path], Editors] = load_editors,
) -> Review:
    """Compare the data of `head` with that of its merge base with `base`.

    `validate(data_dir)` returns the problems of the data at HEAD (empty when valid);
    `read_plan` and `read_editors` read those files from an exported data folder.
    With `author`, every commit is judged as that account; with `accounts` (commit id →
    logins), each commit as its own accounts; with neither, no permission is checked.
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
            judged = author is not None or accounts is not None
            if judged:
                # The list as it was before the change: a change cannot widen its own rights.
                # With no list at BASE nobody has rights (a change that deleted the list must
                # not let the next one write its own).
                listed = base_data / Path(EDITORS_FILE).name
                editors = read_editors(listed) if listed.exists() else Editors(())
        before = _snapshot(start)
        after = _snapshot(head_commit)
        diff = compare_versions(before.schools, after.schools, plan, as_of, many)
        invalid += [
            f"{path}: liên kết tượng trưng (symbolic link) không được có trong kho: trang có "
            "thể công bố một tệp ở ngoài kho. Xóa liên kết, đặt chính tệp vào đúng chỗ."
            for path in added_symlinks(start, head_commit)
        ]
        if before.readable and after.readable:
            invalid += lost_schools(
                before.schools, after.schools, retired_ids(blob(head_commit, SCHOOLS_FILE))
            )
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
        judged_as: list[str] = []
        if judged:
            commits = list(repo.iter_commits(f"{start.hexsha}..{head_commit.hexsha}"))
            inside = {c.hexsha for c in commits}
            for one in reversed(commits):  # oldest first
                change = commit_change(one, inside)
                for login in logins_of(one.hexsha, accounts, author):
                    label = f"@{login}" if login else f"{one.hexsha[:7]} (không gắn tài khoản)"
                    if label not in judged_as:
                        judged_as.append(label)
                    for reason in refusals(login, editors or Editors(()), change):
                        # Judged by its own accounts, each refusal names its commit.
                        where = f"Commit {one.hexsha[:7]}"
                        text = f"{where} {reason}" if not login else reason
                        if login and author is None:
                            text = f"{where}: {reason}"
                        if text not in refused:
                            refused.append(text)
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
            commit_accounts=judged_as if accounts is not None and author is None else None,
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
