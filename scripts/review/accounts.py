"""Which GitHub accounts made each commit of a pull request: pure, from the API's answer.

GitHub links a commit to an account by the commit's e-mail address; the API's list of a
pull request's commits (GET /repos/{owner}/{repo}/pulls/{number}/commits, fetched by
scripts/review/github_api.py) gives for each commit `author` and `committer` as accounts,
or null when the address belongs to no account.

A commit is judged by both its author's and its committer's account (so by the less
privileged of the two), except that the committer `web-flow` (GitHub itself, for commits
made in the browser and for merges by its buttons) is not a person and is left out.
A commit with no linked account, or missing from the list, has no rights at all.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

GITHUB_ITSELF = "web-flow"
"""The committer of commits made on github.com (web editor, "Update branch", merges)."""

Accounts = Mapping[str, tuple[str | None, ...]]
"""Commit id → the logins it is judged by (None: no account linked)."""


def _login(user: Any) -> str | None:
    if isinstance(user, Mapping) and isinstance(user.get("login"), str) and user["login"]:
        return str(user["login"])
    return None


def accounts_from_api(items: Sequence[Any]) -> dict[str, tuple[str | None, ...]]:
    """{commit id: (author login, committer login if another person)} from the API's list."""
    result: dict[str, tuple[str | None, ...]] = {}
    for item in items:
        if not isinstance(item, Mapping) or not isinstance(item.get("sha"), str):
            continue
        author = _login(item.get("author"))
        committer = _login(item.get("committer"))
        logins: list[str | None] = [author]
        if committer != GITHUB_ITSELF and (
            committer is None or author is None or committer.casefold() != author.casefold()
        ):
            logins.append(committer)
        result[item["sha"]] = tuple(dict.fromkeys(logins))
    return result


def read_commits_json(path: Path) -> dict[str, tuple[str | None, ...]]:
    """Recorded API output (a JSON list, or a list of pages), for tests and local runs."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if data and all(isinstance(page, list) for page in data):
        data = [item for page in data for item in page]
    if not isinstance(data, list):
        raise ValueError(f"{path}: cần một danh sách commit (JSON) như API của GitHub trả về")
    return accounts_from_api(data)


def logins_of(commit_id: str, accounts: Accounts | None, author: str | None) -> list[str | None]:
    """Whom one commit is judged as: `author` for every commit when given (locally)."""
    if author is not None:
        return [author]
    if accounts is None:
        return []
    return list(accounts.get(commit_id, (None,)))
