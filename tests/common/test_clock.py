""" "Today" is Vietnam's date everywhere, whatever the time zone of the machine (CI: UTC).

The clock is fixed at 23:30 UTC on 15/5/2022, when it is already 06:30 on 16/5/2022 in
Vietnam: the hour at which a check in UTC would refuse a document received "today".
No sleeping, no real time: scripts.common.clock.utc_now is replaced.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

import pytest

from scripts.cli.main import main as cli_main
from scripts.common import clock
from scripts.common.problems import DataError
from scripts.common.source import Source
from scripts.load.dataset import load_dataset, load_sources
from tests.conftest import ROOT

LATE_EVENING_UTC = dt.datetime(2022, 5, 15, 23, 30, tzinfo=dt.UTC)
VIETNAM_TODAY = dt.date(2022, 5, 16)
PLAN = Source("data/plan.yml", (ROOT / "data" / "plan.yml").read_bytes())


def _schools(received: str) -> str:
    return (
        "sample: true\nschools:\n"
        "  - id: th-binh-thanh\n"
        "    name: Trường Tiểu học Bình Thạnh (minh họa)\n"
        "    level: TH\n"
        "    commune: Bình Thạnh\n"
        "    submissions:\n"
        "      bao-cao-6-thang:\n"
        f"        received: {received}\n"
    )


@pytest.fixture
def late_evening_utc(monkeypatch: pytest.MonkeyPatch) -> dt.datetime:
    monkeypatch.setattr(clock, "utc_now", lambda: LATE_EVENING_UTC)
    return LATE_EVENING_UTC


def test_at_23_30_utc_it_is_already_tomorrow_in_vietnam(late_evening_utc: dt.datetime) -> None:
    assert clock.today_in_vietnam() == VIETNAM_TODAY
    assert clock.today_in_vietnam(dt.datetime(2022, 5, 15, 16, 59, tzinfo=dt.UTC)) == dt.date(
        2022, 5, 15
    )
    with pytest.raises(ValueError):
        clock.today_in_vietnam(dt.datetime(2022, 5, 15, 23, 30))  # no time zone: no date


def test_the_validator_accepts_a_document_received_today_in_vietnam(
    late_evening_utc: dt.datetime,
) -> None:
    dataset = load_sources(PLAN, Source("data/schools.yml", _schools("16/5/2022").encode()))
    assert dataset.schools[0].submissions[0].received == VIETNAM_TODAY

    with pytest.raises(DataError) as caught:
        load_sources(PLAN, Source("data/schools.yml", _schools("17/5/2022").encode()))
    [problem] = caught.value.problems
    assert "Ngày nhận 17/5/2022 sau ngày hôm nay (16/5/2022)" in problem.message


def test_the_command_line_check_uses_vietnam_today(
    late_evening_utc: dt.datetime, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schools = tmp_path / "schools.yml"
    schools.write_text(_schools("16/5/2022"), encoding="utf-8")
    assert cli_main(["validate", str(schools)]) == 0
    assert capsys.readouterr().out.startswith("Hợp lệ: 1 trường")


def test_the_builds_loader_and_the_export_use_vietnam_today(
    late_evening_utc: dt.datetime, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "plan.yml").write_bytes(PLAN.data)
    (data / "schools.yml").write_text(_schools("16/5/2022"), encoding="utf-8")
    assert load_dataset(data).schools[0].id == "th-binh-thanh"  # as dvk-status-board loads

    monkeypatch.delenv("TRACKER_AS_OF", raising=False)
    out = io.StringIO()
    args = [
        "export",
        "--format",
        "json",
        "--data",
        str(data),
        "--site-url",
        "https://vi-du.invalid/",
    ]
    assert cli_main(args, out) == 0
    assert json.loads(out.getvalue())["as_of"] == VIETNAM_TODAY.isoformat()


def test_no_other_reading_of_the_clock_in_scripts() -> None:
    """Every "today" goes through clock.today_in_vietnam; only clock.utc_now reads the time."""
    pattern = re.compile(r"date\.today\(|datetime\.now\(|datetime\.utcnow\(|time\.time\(")
    found = {
        path.relative_to(ROOT).as_posix()
        for package in ("scripts", "dvk_mkdocs")
        for path in (ROOT / package).rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    }
    assert found == {"scripts/common/clock.py"}
    assert "return dt.datetime.now(dt.UTC)" in (ROOT / "scripts/common/clock.py").read_text()
