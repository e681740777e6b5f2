"""The GitHub Actions workflows: least privilege, checks before deploy, and actionlint-clean."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    # YAML 1.1 reads the key `on` as True.
    if True in data:
        data["on"] = data.pop(True)
    return data


def _by_trigger(trigger: str) -> dict[str, Any]:
    matches = [w for w in map(_load, WORKFLOWS) if trigger in w["on"]]
    assert len(matches) == 1, f"exactly one workflow runs on {trigger}"
    return matches[0]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_read_only_by_default(path: Path) -> None:
    workflow = _load(path)
    assert workflow["permissions"] == {"contents": "read"}
    assert "pull_request_target" not in workflow["on"]
    for name, job in workflow["jobs"].items():
        extra = job.get("permissions", {})
        if name != "deploy":
            assert all(v == "read" for v in extra.values()), f"{name} only reads: {extra}"


PINNED = re.compile(r"^\s*(?:- )?uses: (?P<action>[\w.-]+/[\w./-]+)@(?P<ref>\S+)(?P<rest>.*)$")


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_third_party_actions_are_pinned_by_commit_with_the_version_in_a_comment(
    path: Path,
) -> None:
    """A tag (@v4) can be moved to other code; a full commit id cannot."""
    lines = path.read_text(encoding="utf-8").splitlines()
    uses = [line for line in lines if re.match(r"^\s*(?:- )?uses:", line)]
    assert uses, "the workflow uses actions"
    for line in uses:
        match = PINNED.match(line)
        assert match, line
        assert re.fullmatch(r"[0-9a-f]{40}", match["ref"]), f"not a full commit id: {line}"
        assert re.fullmatch(r" # v\d+\.\d+\.\d+", match["rest"]), f"no version comment: {line}"


def test_the_build_only_reads_and_the_deploy_job_alone_writes_to_pages() -> None:
    jobs = _by_trigger("push")["jobs"]
    assert jobs["build"]["permissions"] == {"contents": "read"}
    assert jobs["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert "run" not in str(jobs["deploy"]["steps"]), "the deploy job runs no repository file"
    assert all("run" not in step for step in jobs["pages"]["steps"])


def test_pull_requests_are_checked() -> None:
    workflow = _by_trigger("pull_request")
    commands = " ".join(
        step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]
    )
    assert "run.sh test" in commands, "the PR check runs the README's test command"


def test_deploy_needs_the_checks_and_has_minimal_rights() -> None:
    workflow = _by_trigger("push")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["concurrency"]["group"]
    jobs = workflow["jobs"]
    deploy = jobs["deploy"]
    assert deploy["permissions"] == {"pages": "write", "id-token": "write"}
    assert any(s.get("uses", "").startswith("actions/deploy-pages@") for s in deploy["steps"])

    def upstream(job: str) -> set[str]:
        needs = jobs[job].get("needs", [])
        needs = [needs] if isinstance(needs, str) else needs
        return set(needs).union(*(upstream(n) for n in needs))

    assert "check" in upstream("deploy"), "deploy runs only after the checks pass"
    build_steps = jobs["build"]["steps"]
    assert any(s.get("uses", "").startswith("actions/upload-pages-artifact@") for s in build_steps)
    assert any("--strict" in s.get("run", "") for s in build_steps)
    checkout = next(s for s in build_steps if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["fetch-depth"] == 0, "the build reads the full git history"


def test_the_site_is_rebuilt_every_day_just_after_midnight_in_vietnam() -> None:
    workflow = _by_trigger("schedule")
    assert workflow == _by_trigger("push"), "the nightly rebuild is the publishing workflow"
    assert "workflow_dispatch" in workflow["on"], "and it can be run on demand"
    [entry] = workflow["on"]["schedule"]
    minute, hour, day, month, weekday = entry["cron"].split()
    assert (day, month, weekday) == ("*", "*", "*"), "every day"
    assert minute.isdigit() and hour.isdigit(), "one fixed time"
    vietnam = (int(hour) + 7) % 24  # cron is in UTC; Vietnam is UTC+7 all year
    assert vietnam == 0 and 0 < int(minute) < 30, f"00:{int(minute):02d} in Vietnam"
    for name, job in workflow["jobs"].items():
        assert "if" not in job, f"{name} runs on every trigger, the schedule included"


def test_actionlint_finds_no_problem() -> None:
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    assert actionlint, "actionlint is installed by requirements-dev.txt"
    result = subprocess.run(
        [actionlint, *map(str, WORKFLOWS)], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_does_catch_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    broken.write_text(
        "on: push\npermissions:\n  contents: raed\njobs:\n  a:\n    runs-on: ubuntu-latest\n"
        "    steps:\n      - run: echo hi\n",
        encoding="utf-8",
    )
    actionlint = shutil.which("actionlint", path=str(Path(sys.executable).parent))
    result = subprocess.run([actionlint, str(broken)], capture_output=True, text=True)
    assert result.returncode == 1
    assert "broken.yml:3:" in result.stdout
