"""The history of data/schools.yml and of the submission files beside it (data/submissions/),
read from git with GitPython.

For every commit that changed the file, which schools it changed and how (before and after
records, see scripts.history.snapshot). Words come later, from scripts.history.changes,
because they depend on the current plan (deadline titles and due dates).

Fast by construction:
- one `git log --raw` lists the commits with the file's blob before and after each;
- blobs come through GitPython's persistent `git cat-file --batch`;
- each version is split into per-school blocks and only blocks never seen before are
  parsed (snapshot.BlockCache);
- the result for each commit is cached on disk by commit id (scripts/history/cache.py,
  `.cache/`, git-ignored), so a rebuild reads only the commits it has not seen.

Never fails the build: no git, no commits, a shallow clone or an unreadable old version
each give a notice in Vietnamese and as much history as can be read.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scripts.common.vietnamese import format_date
from scripts.history.cache import CommitCache, decode, encode
from scripts.history.commits import CommitChanges, CommitInfo, History, SchoolChange
from scripts.history.records import Record
from scripts.history.snapshot import BlockCache, Snapshot, changed_schools, read_version
from scripts.history.submission_files import read_entries, with_submission
from scripts.load.submissions import SUBMISSIONS_DIR, file_place

if TYPE_CHECKING:  # GitPython is imported only when history is read
    from git import Repo

NULL_SHA = "0" * 40


@dataclass(frozen=True)
class _LogEntry:
    commit: CommitInfo
    parents: tuple[str, ...]
    old_blob: str
    new_blob: str
    """The register's blobs before and after (NULL_SHA: unchanged by this commit, or absent)."""
    files: tuple[tuple[str, str, str], ...] = ()
    """(path, old blob, new blob) of each submission file the commit changed."""


NO_GIT = (
    "Bản sao mã nguồn này không có lịch sử git, nên không hiển thị được lịch sử cập nhật. "
    "Trang web chính thức được dựng từ kho đầy đủ."
)
NO_COMMITS = "Kho git chưa có lần lưu (commit) nào: chưa có lịch sử cập nhật."
SHALLOW = (
    "Bản sao này chỉ có một phần lịch sử git (bản sao nông): các thay đổi trước ngày "
    "{date} không có ở đây. Trang web chính thức được dựng từ lịch sử đầy đủ."
)


def _parse_log(output: str, register: str = "") -> Iterator[_LogEntry]:
    """Entries of `git log --raw` in the format of read_history (record and unit separators).

    Lines for `register` (or, without it, any path not under data/submissions/) give the
    register's blobs; lines for submission files are listed in `files`."""
    for chunk in output.split("\x1e"):
        if not chunk.strip():
            continue
        parts = chunk.split("\x1f")
        if len(parts) < 6:
            continue
        sha, parents, author, date, message, raw = parts[:6]
        old_blob = new_blob = NULL_SHA
        files: list[tuple[str, str, str]] = []
        for line in raw.splitlines():
            if line.startswith(":"):
                head, _, path = line[1:].partition("\t")
                meta = head.split()
                if len(meta) < 4:
                    continue
                if path != register and file_place(path) is not None:
                    files.append((path, meta[2], meta[3]))
                elif not register or path == register or not path:
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
            files=tuple(files),
        )


class _Versions:
    """Snapshots of blobs, read through git cat-file, with a small LRU in memory."""

    def __init__(self, repo: Repo, size: int = 16, register_path: str = "") -> None:
        self.repo = repo
        self.register_path = register_path
        self.blocks = BlockCache()
        self.lru: OrderedDict[str, Snapshot] = OrderedDict()
        self.size = size
        self.read_count = 0

    def data(self, blob: str) -> bytes | None:
        """A small file's bytes (a submission file); None if absent or unreadable."""
        if blob == NULL_SHA:
            return None
        try:
            data: bytes = self.repo.odb.stream(bytes.fromhex(blob)).read()
        except Exception:  # a missing object in a partial clone, a corrupt pack
            return None
        return data

    def register_at(self, sha: str, path: str) -> Snapshot:
        """The register as it is at a commit (for the names of schools whose submission
        files changed while the register did not)."""
        try:
            blob = self.repo.commit(sha).tree[path].hexsha
        except (KeyError, ValueError):
            return Snapshot()
        return self.get(blob)

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
    changes = {school_id: (before, after) for school_id, before, after in pairs}
    if entry.files:
        _add_file_changes(entry, versions, new, changes, result.notes)
    result.changes = [SchoolChange(school_id, b, a) for school_id, (b, a) in changes.items()]
    for problem in new.problems:
        result.notes.append(f"Một phần tệp không đọc được: {problem}.")
    return result


def _add_file_changes(
    entry: _LogEntry,
    versions: _Versions,
    new: Snapshot,
    changes: dict[str, tuple[Record | None, Record | None]],
    notes: list[str],
) -> None:
    """The submission files the commit changed, as changes to their schools' records.

    A school whose register entry changed too keeps that change, with the submissions set
    on both sides; the others are read from the register as it is at the commit (so a
    submission moved from the register into its own file is no change at all)."""
    register = new if entry.new_blob != NULL_SHA else None
    for path, old_blob, new_blob in entry.files:
        place = file_place(path)
        if place is None:
            continue
        deadline_id = place[0]
        old, now = read_entries(versions.data(old_blob)), read_entries(versions.data(new_blob))
        if now is None:
            notes.append(f"Không đọc được tệp {path} ở lần lưu này: bỏ qua.")
            continue
        for school_id in dict.fromkeys([*now, *(old or {})]):
            was, is_now = (old or {}).get(school_id), now.get(school_id)
            if was == is_now:
                continue
            if school_id in changes:  # the register entry changed too (added, removed…)
                before, after = changes[school_id]
                changes[school_id] = (
                    with_submission(before, school_id, deadline_id, was) if before else None,
                    with_submission(after, school_id, deadline_id, is_now) if after else None,
                )
                continue
            if register is None:
                register = versions.register_at(entry.commit.sha, versions.register_path)
            record = register.schools.get(school_id)
            changes[school_id] = (
                with_submission(record, school_id, deadline_id, was),
                with_submission(record, school_id, deadline_id, is_now),
            )
    for school_id, (before, after) in list(changes.items()):
        if before == after:
            del changes[school_id]


def _open_repo(path: Path) -> Repo:
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


def _read(repo: Repo, data_file: Path, cache_dir: Path | None) -> History:
    if repo.working_tree_dir is None or not repo.head.is_valid():
        return History(notices=[NO_COMMITS], available=False)
    relative = data_file.relative_to(Path(repo.working_tree_dir).resolve()).as_posix()
    # The submission files beside the register (data/submissions/) are followed too.
    folder = relative.rpartition("/")[0]
    submissions = f"{folder}/{SUBMISSIONS_DIR}" if folder else SUBMISSIONS_DIR
    output = repo.git.log(
        "--no-merges",
        "--raw",
        "--no-abbrev",
        "--no-renames",
        "--format=%x1e%H%x1f%P%x1f%aN%x1f%aI%x1f%B%x1f",
        "--",
        relative,
        submissions,
    )
    entries = list(_parse_log(output, relative))
    history = History()
    shallow_file = Path(repo.common_dir) / "shallow"
    boundary = set(shallow_file.read_text().split()) if shallow_file.exists() else set()
    history.shallow = bool(boundary)

    cache = CommitCache(
        cache_dir / "history.json" if cache_dir else None, f"{relative} {submissions}/"
    )
    versions = _Versions(repo, register_path=relative)
    produced_by = {e.new_blob: e for e in entries if e.new_blob != NULL_SHA}
    for entry in entries:
        if entry.commit.sha in boundary:
            # The first commit of a shallow clone looks as if it created the whole file.
            history.notices.append(SHALLOW.format(date=format_date(entry.commit.local_date.date())))
            continue
        cached = cache.get(entry.commit.sha)
        if cached is not None:
            result = decode(entry.commit, cached)
        else:
            result = _process(entry, versions, produced_by)
            cache.put(entry.commit.sha, encode(result))
        history.commits.append(result)
        history.notices.extend(f"Lần lưu {entry.commit.short}: {n}" for n in result.notes)
    if boundary and not any(e.commit.sha in boundary for e in entries):
        # The file's changes all fall inside the shallow part; older ones may be missing.
        oldest = min((e.commit.local_date.date() for e in entries), default=None)
        history.notices.append(SHALLOW.format(date=format_date(oldest) if oldest else "?"))
    cache.save({e.commit.sha for e in entries})
    return history
