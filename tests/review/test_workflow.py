"""The pull-request workflow reviews the data change, safely, and GitHub knows who reviews what."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from typing import Any

import yaml

from tests.conftest import ROOT

PR = ROOT / ".github" / "workflows" / "pr.yml"


def _workflow(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def _review_step() -> dict[str, Any]:
    steps = [s for job in _workflow(PR)["jobs"].values() for s in job["steps"]]
    return next(s for s in steps if "scripts.cli diff" in s.get("run", ""))


def test_the_review_runs_with_the_pr_author_passed_through_env() -> None:
    step = _review_step()
    assert step["env"]["PR_AUTHOR"] == "${{ github.event.pull_request.user.login }}"
    assert step["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    assert step["env"]["HEAD_SHA"] == "${{ github.event.pull_request.head.sha }}"
    command = step["run"]
    assert '--author "$PR_AUTHOR"' in command
    assert '--summary "$GITHUB_STEP_SUMMARY"' in command
    assert '"$BASE_SHA" "$HEAD_SHA"' in command


def test_no_expression_is_pasted_into_a_shell_line() -> None:
    """Untrusted text (a branch name, a title) in `run:` would be a script injection."""
    for path in (ROOT / ".github" / "workflows").glob("*.yml"):
        for job in _workflow(path)["jobs"].values():
            for step in job.get("steps", []):
                assert "${{" not in step.get("run", ""), f"{path.name}: {step.get('name')}"


def test_the_review_sees_the_whole_history() -> None:
    job = next(j for j in _workflow(PR)["jobs"].values() if _review_step() in j["steps"])
    checkout = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0


def _owners(path: str) -> list[str]:
    """GitHub's rule: the last matching line of CODEOWNERS decides."""
    owners: list[str] = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *who = line.split()
        if pattern == "*":
            matched = True
        elif pattern.endswith("/"):
            matched = path.startswith(pattern.lstrip("/"))
        else:
            matched = fnmatch.fnmatch(path, pattern.lstrip("/"))
        if matched:
            owners = who
    return owners


def test_codeowners_office_reviews_data_maintainers_review_code() -> None:
    office, maintainers = ["@vi-du-to-chuc/can-bo-phong"], ["@vi-du-to-chuc/bao-tri"]
    assert _owners("data/schools.yml") == office
    assert _owners("data/editors.yml") == office
    assert _owners("docs/huong-dan/cap-nhat-du-lieu.md") == office
    for path in (".github/workflows/pr.yml", ".github/CODEOWNERS", "scripts/cli/validate.py"):
        assert _owners(path) == maintainers, path
    assert _owners("dvk_mkdocs/status_board/git_history.py") == maintainers
    assert _owners("mkdocs.yml") == maintainers


def test_the_pull_request_template_asks_what_from_whom_and_the_number() -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for asked in ("Trường:", "Văn bản:", "Số, ký hiệu văn bản:", "Ngày Phòng nhận được:"):
        assert re.search(rf"\*\*{re.escape(asked)}\*\*", text), asked
