"""The two versions a review compares, read from git with GitPython.

A change is judged as GitHub's "Files changed" shows it: the data at the merge base of
BASE and HEAD against the data at HEAD. Only git objects are read, never the working tree,
so the checker can run from another checkout (main's) than the one under review.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # GitPython is imported when a review runs, not with the command line
    from git import Commit, Repo


def blob(commit: Commit, path: str) -> bytes | None:
    try:
        data: bytes = commit.tree[path].data_stream.read()
    except KeyError:
        return None
    return data


def changed_paths(base: Commit, head: Commit) -> list[str]:
    paths: set[str] = set()
    for item in base.diff(head):
        paths.update(p for p in (item.a_path, item.b_path) if p)
    return sorted(paths)


def export_data(commit: Commit, dest: Path) -> Path:
    """Write the commit's data/ folder to dest, for the validator (which reads files)."""
    data_dir = dest / "data"
    data_dir.mkdir(parents=True)
    try:
        tree = commit.tree["data"]
    except KeyError:
        return data_dir
    from git import Blob

    for item in tree.traverse():
        if isinstance(item, Blob):
            target = dest / item.path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(item.data_stream.read())
    return data_dir


def merge_base(repo: Repo, base: Commit, head: Commit) -> Commit:
    """Where HEAD left BASE: the first merge base, or BASE itself if there is none."""
    bases = repo.merge_base(base, head)
    return bases[0] if bases else base


def blobs_under(commit: Commit, folder: str) -> list[tuple[str, bytes]]:
    """(path, bytes) of every file under `folder` at the commit (none if it is absent)."""
    try:
        tree = commit.tree[folder]
    except KeyError:
        return []
    from git import Blob

    return [
        (str(item.path), item.data_stream.read())
        for item in tree.traverse()
        if isinstance(item, Blob)
    ]
