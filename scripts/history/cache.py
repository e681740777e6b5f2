"""What was read of each commit, kept on disk by commit id (`.cache/history.json`).

A rebuild reads only the commits it has not seen. JSON, written atomically; a cache that
cannot be read or written only makes the next build slower. Bump ENGINE_VERSION when what
is kept per commit changes: old files are then ignored.
"""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any, TypedDict

from scripts.history.commits import CommitChanges, CommitInfo, SchoolChange

ENGINE_VERSION = 1
"""Bump when what is cached per commit changes: old cache files are then ignored."""


class CachedCommit(TypedDict):
    """What is kept of one commit: its school changes as [id, before, after], its notes."""

    changes: list[list[Any]]
    """[school id, record before or None, record after or None], as JSON keeps them."""
    notes: list[str]


class CommitCache:
    """Per-commit results on disk, keyed by commit id (JSON, written atomically)."""

    def __init__(self, path: Path | None, key: str) -> None:
        self.path = path
        self.key = key
        self.entries: dict[str, CachedCommit] = {}
        self.dirty = False
        if path is None or not path.exists():
            return
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return
        if data.get("engine") == ENGINE_VERSION and data.get("key") == key:
            self.entries = data.get("commits", {})

    def get(self, sha: str) -> CachedCommit | None:
        return self.entries.get(sha)

    def put(self, sha: str, value: CachedCommit) -> None:
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


def encode(entry: CommitChanges) -> CachedCommit:
    return {
        "changes": [[c.school_id, c.before, c.after] for c in entry.changes],
        "notes": entry.notes,
    }


def decode(commit: CommitInfo, data: CachedCommit) -> CommitChanges:
    return CommitChanges(
        commit=commit,
        changes=[SchoolChange(s, b, a) for s, b, a in data["changes"]],
        notes=list(data["notes"]),
    )
