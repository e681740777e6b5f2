"""The history of a data file as plain objects: commits, and what each did to each school.

Built by scripts/history/gitlog.py from git; put in words by scripts/history/changes.py and
scripts/render/history_pages.py.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from scripts.common.clock import VIETNAM
from scripts.history.records import Record


@dataclass(frozen=True)
class CommitInfo:
    sha: str
    author: str
    date: dt.datetime
    """The author date, timezone-aware."""
    message: str

    @property
    def short(self) -> str:
        return self.sha[:7]

    @property
    def summary(self) -> str:
        return self.message.strip().splitlines()[0] if self.message.strip() else ""

    @property
    def local_date(self) -> dt.datetime:
        return self.date.astimezone(VIETNAM)


@dataclass(frozen=True)
class SchoolChange:
    """One school in one commit: its record before and after (None: absent)."""

    school_id: str
    before: Record | None
    after: Record | None


@dataclass
class CommitChanges:
    """What one commit did to the file."""

    commit: CommitInfo
    changes: list[SchoolChange] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """What could not be read in this commit, in Vietnamese."""


@dataclass
class History:
    """The file's history, newest commit first."""

    commits: list[CommitChanges] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)
    """Why the history may be incomplete (no git, shallow clone, unreadable versions)."""
    available: bool = True
    """False when there is no git history at all."""
    shallow: bool = False
    """True in a shallow clone: older commits are missing."""
    repository: bool = True
    """False when the files are not in a git repository at all."""

    def for_school(self, school_id: str) -> list[tuple[CommitInfo, SchoolChange]]:
        """The changes to one school, newest first."""
        return [
            (entry.commit, change)
            for entry in self.commits
            for change in entry.changes
            if change.school_id == school_id
        ]

    def by_school(self) -> dict[str, list[tuple[CommitInfo, SchoolChange]]]:
        """Every school's changes, newest first, in one pass."""
        result: dict[str, list[tuple[CommitInfo, SchoolChange]]] = {}
        for entry in self.commits:
            for change in entry.changes:
                result.setdefault(change.school_id, []).append((entry.commit, change))
        return result
