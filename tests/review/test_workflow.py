"""The pull-request workflow reviews the data change, safely, and GitHub knows who reviews what."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path
from typing import Any

import yaml

from scripts.review.permissions import Tier, path_tier
from tests.conftest import ROOT

PR = ROOT / ".github" / "workflows" / "pr.yml"


def _workflow(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["on"] = data.pop(True, data.get("on"))
    return data


def _review_job() -> dict[str, Any]:
    return _workflow(PR)["jobs"]["review"]


def _review_step() -> dict[str, Any]:
    return next(s for s in _review_job()["steps"] if "run.sh review" in s.get("run", ""))


def test_the_review_runs_mains_checker_on_each_commits_account() -> None:
    step = _review_step()
    assert step["env"]["BASE_SHA"] == "${{ github.event.pull_request.base.sha }}"
    assert step["env"]["HEAD_SHA"] == "${{ github.event.pull_request.head.sha }}"
    assert step["env"]["PR_NUMBER"] == "${{ github.event.pull_request.number }}"
    assert step["env"]["GITHUB_TOKEN"] == "${{ github.token }}"
    command = step["run"]
    assert command.startswith('bash run.sh review "$BASE_SHA" "$HEAD_SHA"')
    assert '--pr "$PR_NUMBER"' in command
    assert '--summary "$GITHUB_STEP_SUMMARY"' in command
    # The job's files are the base commit's: no file of the pull request runs.
    checkout = next(
        s for s in _review_job()["steps"] if s.get("uses", "").startswith("actions/checkout@")
    )
    assert checkout["with"]["ref"] == "${{ github.event.pull_request.base.sha }}"
    assert _review_job()["permissions"] == {"contents": "read", "pull-requests": "read"}
    runs = [s.get("run", "") for s in _review_job()["steps"]]
    assert not any("pip install" in r or "scripts.cli" in r for r in runs)


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


def _matches(pattern: str, path: str) -> bool:
    """A CODEOWNERS pattern (gitignore rules: `/` anchors, `**/` any folders, `*` no `/`)."""
    if pattern == "*":
        return True
    anchored = pattern.startswith("/") or "/" in pattern.rstrip("/")
    body = pattern.strip("/")
    regex = re.escape(body).replace(r"\*\*/", "(?:.*/)?").replace(r"\*", "[^/]*")
    regex = ("" if anchored else "(?:.*/)?") + regex
    regex += "/.*" if pattern.endswith("/") else "(?:/.*)?"
    return re.fullmatch(regex, path) is not None


def _owners(path: str) -> list[str]:
    """GitHub's rule: the last matching line of CODEOWNERS decides."""
    owners: list[str] = []
    for line in (ROOT / ".github" / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        pattern, *who = line.split()
        if _matches(pattern, path):
            owners = who
    return owners


OFFICE_TEAM, MAINTAINERS_TEAM = ["@vi-du-to-chuc/can-bo-phong"], ["@vi-du-to-chuc/bao-tri"]


def test_codeowners_office_reviews_data_maintainers_review_code() -> None:
    assert _owners("data/schools.yml") == OFFICE_TEAM
    assert _owners("data/editors.yml") == OFFICE_TEAM
    assert _owners("docs/huong-dan/cap-nhat-du-lieu.md") == OFFICE_TEAM
    for path in (".github/workflows/pr.yml", ".github/CODEOWNERS", "scripts/cli/validate.py"):
        assert _owners(path) == MAINTAINERS_TEAM, path
    assert _owners("dvk_mkdocs/status_board/git_history.py") == MAINTAINERS_TEAM
    assert _owners("mkdocs.yml") == MAINTAINERS_TEAM
    assert _owners("docs/assets/javascripts/offline.js") == MAINTAINERS_TEAM


def _repository_paths() -> list[str]:
    listed = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files"], capture_output=True, text=True, check=False
    ).stdout.split()
    extra = [  # paths a change might add
        "docs/tep-moi.md",
        "docs/a/b/anh.png",
        "docs/anh/IMG_0001.JPG",
        "docs/anh/Hinh.Jpg",
        "docs/hinh.svg",
        "docs/trang.html",
        "docs/.gitattributes",
        "docs/assets/javascripts/ghi-chu.md",
        "docs/overrides/main.html",
        "data/submissions/bao-cao-6-thang/th-binh-thanh.yml",
        "data/tep-moi.yml",
        "tests/conftest.py",
        ".gitattributes",
        "tep-moi.txt",
        "README.md",
    ]
    return sorted(set(listed + extra))


def test_codeowners_says_what_the_check_says() -> None:
    """Every path of the repository (and some a change might add): office staff review
    exactly what the check lets office staff change; everything else is a maintainer's."""
    wrong = [
        (path, _owners(path))
        for path in _repository_paths()
        if _owners(path) != (OFFICE_TEAM if path_tier(path) <= Tier.OFFICE else MAINTAINERS_TEAM)
    ]
    assert wrong == []


def test_the_pull_request_template_asks_what_from_whom_and_the_number() -> None:
    text = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    for asked in ("Trường:", "Văn bản:", "Số, ký hiệu văn bản:", "Ngày Phòng nhận được:"):
        assert re.search(rf"\*\*{re.escape(asked)}\*\*", text), asked
