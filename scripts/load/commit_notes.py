"""Public wording for commits whose own message is not for readers: data/commit-notes.yml.

The site shows, for each change to data/schools.yml, who made it and the commit's message.
Staff write those messages in Vietnamese for readers; a commit made by developers (in
English, about code) gets its public wording from this file instead. Git history is not
changed. Display names of authors come from git's own `.mailmap`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from pathlib import Path

from scripts.common.problems import DataError, Problem
from scripts.common.schema import check as schema
from scripts.common.yamlread import Document, parse, read_source
from scripts.history.gitlog import History

NOTES_FILE = "data/commit-notes.yml"


def load_commit_notes(
    path: Path, name: str = NOTES_FILE, schema_dir: Path = schema.SCHEMA_DIR
) -> dict[str, str]:
    """Commit id → message to show. No file: no notes. DataError if the file is wrong."""
    if not path.exists():
        return {}
    doc = parse(read_source(path, name))
    problems = list(doc.problems)
    if doc.usable:
        problems += schema.check(doc, "commit-notes", schema_dir)
    if not problems:
        problems += _repeated_commits(doc)
    if problems:
        raise DataError(problems)
    return {note["commit"]: note["message"] for note in doc.data.get("notes") or []}


def _repeated_commits(doc: Document) -> list[Problem]:
    seen: set[str] = set()
    problems = []
    for i, note in enumerate(doc.data["notes"]):
        if note["commit"] in seen:
            message = f"Lần lưu {note['commit']} đã có lời nhắn ở trên: mỗi lần lưu chỉ một mục."
            problems.append(doc.problem(["notes", i, "commit"], message))
        seen.add(note["commit"])
    return problems


def with_notes(history: History, notes: Mapping[str, str]) -> History:
    """The history with the messages of `notes` in place of the commits' own."""
    if not notes:
        return history
    commits = [
        dataclasses.replace(entry, commit=dataclasses.replace(entry.commit, message=message))
        if (message := notes.get(entry.commit.sha)) is not None
        else entry
        for entry in history.commits
    ]
    return dataclasses.replace(history, commits=commits)
