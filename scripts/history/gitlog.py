"""The history of data/schools.yml, read from git with GitPython.

For every commit that changed the file, which schools it changed and how (before and after
records, see scripts.history.snapshot). Words come later, from scripts.history.changes,
because they depend on the current plan (deadline titles and due dates).

Fast by construction:
- one `git log --raw` lists the commits with the file's blob before and after each;
- blobs come through GitPython's persistent `git cat-file --batch`;
- each version is split into per-school blocks and only blocks never seen before are
  parsed (snapshot.BlockCache);
- the result for each commit is cached on disk by commit id (`.cache/`, git-ignored), so
  a rebuild reads only the commits it has not seen.

Never fails the build: no git, no commits, a shallow clone or an unreadable old version
each give a notice in Vietnamese and as much history as can be read.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts.common.clock import VIETNAM
from scripts.common.vietnamese import format_date
from scripts.history.snapshot import BlockCache, Record, Snapshot, changed_schools, read_version

ENGINE_VERSION = 1
"""Bump when what is cached per commit changes: old cache files are then ignored."""

NULL_SHA = "0" * 40


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


@dataclass(frozen=True)
class _LogEntry:
    commit: CommitInfo
    parents: tuple[str, ...]
    old_blob: str
    new_blob: str


NO_GIT = (
    "Bản sao mã nguồn này không có lịch sử git, nên không hiển thị được lịch sử cập nhật. "
    "Trang web chính thức được dựng từ kho đầy đủ."
)
NO_COMMITS = "Kho git chưa có lần lưu (commit) nào: chưa có lịch sử cập nhật."
SHALLOW = (
    "Bản sao này chỉ có một phần lịch sử git (bản sao nông): các thay đổi trước ngày "
    "{date} không có ở đây. Trang web chính thức được dựng từ lịch sử đầy đủ."
)


def _parse_log(output: str) -> Iterator[_LogEntry]:
    """Entries of `git log --raw` in the format of read_history (record and unit separators)."""
    for chunk in output.split("\x1e"):
        if not chunk.strip():
            continue
        parts = chunk.split("\x1f")
        if len(parts) < 6:
            continue
        sha, parents, author, date, message, raw = parts[:6]
        old_blob = new_blob = NULL_SHA
        for line in raw.splitlines():
            if line.startswith(":"):
                meta = line[1:].split("\t", 1)[0].split()
                if len(meta) >= 4:
                    old_blob, new_blob = meta[2], meta[3]
        yield _LogEntry(
            commit=CommitInfo(
                sha=sha.strip(),
                author=author,
                date=dt.datetime.fromisoformat(date),
                message=message.strip(),
            ),
            parents=tuple(parents.split()),
            old_blob=old_blob,
            new_blob=new_blob,
        )


class _Cache:
    """Per-commit results on disk, keyed by commit id (JSON, written atomically)."""

    def __init__(self, path: Path | None, key: str) -> None:
        self.path = path
        self.key = key
        self.entries: dict[str, Any] = {}
        self.dirty = False
        if path is None or not path.exists():
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if data.get("engine") == ENGINE_VERSION and data.get("key") == key:
            self.entries = data.get("commits", {})

    def get(self, sha: str) -> Any:
        return self.entries.get(sha)

    def put(self, sha: str, value: Any) -> None:
        self.entries[sha] = value
        self.dirty = True

    def save(self, keep: set[str]) -> None:
        if self.path is None or not (self.dirty or set(self.entries) - keep):
            return
        data = {
            "engine": ENGINE_VERSION,
            "key": self.key,
            "commits": {k: v for k, v in self.entries.items() if k in keep},
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, self.path)
        except OSError:
            pass  # a cache that cannot be written only makes the next build slower


class _Versions:
    """Snapshots of blobs, read through git cat-file, with a small LRU in memory."""

    def __init__(self, repo: Any, size: int = 16) -> None:
        self.repo = repo
        self.blocks = BlockCache()
        self.lru: OrderedDict[str, Snapshot] = OrderedDict()
        self.size = size
        self.read_count = 0

    def get(self, blob: str) -> Snapshot:
        if blob == NULL_SHA:
            return Snapshot()
        found = self.lru.get(blob)
        if found is not None:
            self.lru.move_to_end(blob)
            return found
        try:
            data = self.repo.odb.stream(bytes.fromhex(blob)).read()
        except Exception:  # a missing object in a partial clone, a corrupt pack
            snapshot = Snapshot(readable=False, problems=["không lấy được nội dung từ git"])
        else:
            self.read_count += 1
            snapshot = read_version(data, self.blocks)
        self.lru[blob] = snapshot
        if len(self.lru) > self.size:
            self.lru.popitem(last=False)
        return snapshot


def _encode(entry: CommitChanges) -> dict[str, Any]:
    return {
        "changes": [[c.school_id, c.before, c.after] for c in entry.changes],
        "notes": entry.notes,
    }


def _decode(commit: CommitInfo, data: dict[str, Any]) -> CommitChanges:
    return CommitChanges(
        commit=commit,
        changes=[SchoolChange(s, b, a) for s, b, a in data["changes"]],
        notes=list(data["notes"]),
    )


def _process(
    entry: _LogEntry, versions: _Versions, produced_by: dict[str, _LogEntry]
) -> CommitChanges:
    """Compare the commit's version of the file with its parent's, leniently.

    Whether a version can be read is known only once its changed blocks are parsed, so the
    comparison is made first and its readability checked after.
    """
    result = CommitChanges(commit=entry.commit)
    new = versions.get(entry.new_blob)
    old_blob, seen = entry.old_blob, set()
    while True:
        old = versions.get(old_blob)
        pairs = changed_schools(old, new, versions.blocks) if new.readable and old.readable else []
        if not new.readable:
            reasons = "; ".join(new.problems)
            result.notes.append(f"Không đọc được tệp ở lần lưu này ({reasons}): bỏ qua.")
            return result
        if old.readable:
            break
        # An unreadable parent version: compare with the last version that could be read.
        seen.add(old_blob)
        producer = produced_by.get(old_blob)
        old_blob = producer.old_blob if producer else NULL_SHA
        if old_blob in seen:
            old_blob = NULL_SHA
    result.changes = [SchoolChange(school_id, before, after) for school_id, before, after in pairs]
    for problem in new.problems:
        result.notes.append(f"Một phần tệp không đọc được: {problem}.")
    return result


def _open_repo(path: Path) -> Any:
    import git  # GitPython; imported here so that importing this module never needs git

    return git.Repo(path, search_parent_directories=True)


def read_history(
    data_file: Path, cache_dir: Path | None = None, *, use_cache: bool = True
) -> History:
    """The history of `data_file` (normally data/schools.yml) in the repository holding it."""
    import git

    data_file = data_file.resolve()
    try:
        repo = _open_repo(data_file.parent)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return History(notices=[NO_GIT], available=False, repository=False)
    try:
        return _read(repo, data_file, cache_dir if use_cache else None)
    except git.GitCommandError as error:
        return History(
            notices=[f"Không đọc được lịch sử git ({error.status}): lịch sử cập nhật bị bỏ qua."],
            available=False,
        )
    finally:
        repo.close()


def _read(repo: Any, data_file: Path, cache_dir: Path | None) -> History:
    if repo.working_tree_dir is None or not repo.head.is_valid():
        return History(notices=[NO_COMMITS], available=False)
    relative = data_file.relative_to(Path(repo.working_tree_dir).resolve()).as_posix()
    output = repo.git.log(
        "--no-merges",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        "--format=%x1e%H%x1f%P%x1f%aN%x1f%aI%x1f%B%x1f",
        "--",
        relative,
    )
    entries = list(_parse_log(output))
    history = History()
    shallow_file = Path(repo.common_dir) / "shallow"
    boundary = set(shallow_file.read_text().split()) if shallow_file.exists() else set()
    history.shallow = bool(boundary)

    cache = _Cache(cache_dir / "history.json" if cache_dir else None, relative)
    versions = _Versions(repo)
    produced_by = {e.new_blob: e for e in entries}
    for entry in entries:
        if entry.commit.sha in boundary:
            # The first commit of a shallow clone looks as if it created the whole file.
            history.notices.append(SHALLOW.format(date=format_date(entry.commit.local_date.date())))
            continue
        cached = cache.get(entry.commit.sha)
        if cached is not None:
            result = _decode(entry.commit, cached)
        else:
            result = _process(entry, versions, produced_by)
            cache.put(entry.commit.sha, _encode(result))
        history.commits.append(result)
        history.notices.extend(f"Lần lưu {entry.commit.short}: {n}" for n in result.notes)
    if boundary and not any(e.commit.sha in boundary for e in entries):
        # The file's changes all fall inside the shallow part; older ones may be missing.
        oldest = min((e.commit.local_date.date() for e in entries), default=None)
        history.notices.append(SHALLOW.format(date=format_date(oldest) if oldest else "?"))
    cache.save({e.commit.sha for e in entries})
    return history
