"""The history with the public wording of data/commit-notes.yml in place of commits' own.

Git history is not changed: only what the site shows of a commit's message.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

from scripts.history.commits import History


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
