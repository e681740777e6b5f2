"""The one call to GitHub's API: the commits of a pull request (the edge of the review).

GET {api}/repos/{owner}/{repo}/pulls/{number}/commits, page by page (100 a page; GitHub
lists at most 250), with the workflow's read-only token. Standard library only (urllib).
What the answer means is decided in scripts/review/accounts.py.
"""

from __future__ import annotations

import json
import urllib.request
from typing import Any

PAGE = 100
MOST = 250
"""GitHub lists at most 250 commits of a pull request; later ones are missing (no rights)."""


def fetch_pr_commits(
    repository: str, number: int, token: str, api: str = "https://api.github.com"
) -> list[Any]:
    """Every listed commit of pull request `number` of `owner/repo`, as the API gives it."""
    if not api.startswith("https://"):
        raise ValueError(f"Địa chỉ API của GitHub phải bắt đầu bằng https://: {api}")
    items: list[Any] = []
    page = 1
    while len(items) < MOST:
        request = urllib.request.Request(
            f"{api.rstrip('/')}/repos/{repository}/pulls/{number}/commits"
            f"?per_page={PAGE}&page={page}",
            headers={
                "Accept": "application/vnd.github+json",
                "Authorization": f"Bearer {token}",
                "X-GitHub-Api-Version": "2022-11-28",
                "User-Agent": "dan-van-kheo-review",
            },
        )
        with urllib.request.urlopen(request, timeout=30) as response:
            batch = json.loads(response.read().decode("utf-8"))
        if not isinstance(batch, list):
            raise ValueError("GitHub trả về dữ liệu không phải danh sách commit")
        items += batch
        if len(batch) < PAGE:
            break
        page += 1
    return items
