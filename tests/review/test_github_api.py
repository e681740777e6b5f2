"""The one call to GitHub's API: every page of a pull request's commits, with the token."""

from __future__ import annotations

import io
import json
import urllib.request
from typing import Any

import pytest

from scripts.review.github_api import fetch_pr_commits


def test_every_page_is_read_with_the_token(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[urllib.request.Request] = []
    pages = {1: [{"sha": f"{i:040x}"} for i in range(100)], 2: [{"sha": "f" * 40}]}

    def urlopen(request: urllib.request.Request, timeout: float) -> Any:
        asked.append(request)
        page = int(request.full_url.rsplit("page=", 1)[1])
        return io.BytesIO(json.dumps(pages.get(page, [])).encode())

    monkeypatch.setattr(urllib.request, "urlopen", urlopen)
    items = fetch_pr_commits("vi-du/kho", 7, "khoa-chi-doc")
    assert len(items) == 101
    assert [r.full_url for r in asked] == [
        "https://api.github.com/repos/vi-du/kho/pulls/7/commits?per_page=100&page=1",
        "https://api.github.com/repos/vi-du/kho/pulls/7/commits?per_page=100&page=2",
    ]
    assert asked[0].get_header("Authorization") == "Bearer khoa-chi-doc"


def test_only_https_is_asked() -> None:
    with pytest.raises(ValueError, match="https://"):
        fetch_pr_commits("vi-du/kho", 7, "khoa", api="http://api.github.com")
