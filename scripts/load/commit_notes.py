"""Public wording for commits whose own message is not for readers: data/commit-notes.yml.

The site shows, for each change to data/schools.yml, who made it and the commit's message.
Staff write those messages in Vietnamese for readers; a commit made by developers (in
English, about code) gets its public wording from this file instead. Git history is not
changed (scripts/history/notes.py puts the wording in place). Display names of authors come
from git's own `.mailmap`.
"""

from __future__ import annotations

from pathlib import Path

from scripts.common.problems import DataError, Problem
from scripts.common.project import SCHEMA_DIR
from scripts.common.schema.check import check
from scripts.common.source import read_source
from scripts.common.yamlread import Document, parse

NOTES_FILE = "data/commit-notes.yml"


def load_commit_notes(
    path: Path, name: str = NOTES_FILE, schema_dir: Path = SCHEMA_DIR
) -> dict[str, str]:
    """Commit id → message to show. No file: no notes. DataError if the file is wrong."""
    if not path.exists():
        return {}
    doc = parse(read_source(path, name))
    problems = list(doc.problems)
    if doc.usable:
        problems += check(doc, "commit-notes", schema_dir)
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
