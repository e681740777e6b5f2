"""Each file in tests/data_corpus/ holds one mistake a person makes when editing by hand.

The file says what the mistake is ("# Lỗi: …") and what the check must answer
("# expect: LINE:COLUMN gist"): exactly those positions, each message containing its gist,
and nothing else. Files whose name starts with "plan" are plan files; the others are school
lists, checked against the repository's data/plan.yml.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from scripts.cli.main import main as cli_main
from scripts.common.problems import DataError, Problem
from scripts.common.yamlread import Source
from scripts.load.dataset import load_sources, validate_plan
from tests.conftest import ROOT

CORPUS = sorted((ROOT / "tests" / "data_corpus").glob("*.yml"))
PLAN = ROOT / "data" / "plan.yml"
TODAY = dt.date(2026, 11, 25)
_EXPECT = re.compile(rb"^# expect: (\d+):(\d+) (.+)$")


def expectations(path: Path) -> list[tuple[int, int, str]]:
    """The `# expect:` lines, read from the raw bytes (one corpus file is not UTF-8)."""
    found = []
    for raw in path.read_bytes().split(b"\n"):
        if match := _EXPECT.match(raw):
            found.append((int(match[1]), int(match[2]), match[3].decode("utf-8")))
    return found


def problems_of(path: Path) -> list[Problem]:
    source = Source(path.name, path.read_bytes())
    if path.name.startswith("plan"):
        return validate_plan(source)[1]
    with pytest.raises(DataError) as caught:
        load_sources(Source("data/plan.yml", PLAN.read_bytes()), source, today=TODAY)
    return caught.value.problems


def test_the_corpus_covers_at_least_thirty_mistakes() -> None:
    assert len(CORPUS) >= 30
    described = [p for p in CORPUS if p.read_bytes().startswith("# Lỗi: ".encode())]
    assert described == CORPUS, "each corpus file starts by saying what its mistake is"


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_each_mistake_is_reported_on_its_line(path: Path) -> None:
    expected = expectations(path)
    assert expected, f"{path.name} has no # expect: line"
    problems = problems_of(path)
    assert [(p.line, p.column) for p in problems] == [(line, col) for line, col, _ in expected]
    for problem, (_, _, gist) in zip(problems, expected, strict=True):
        assert gist in problem.message
        assert problem.file == path.name


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_the_command_line_fails_with_file_line_and_column(
    path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)
    shown = path.relative_to(ROOT).as_posix()
    assert cli_main(["validate", "--today", TODAY.isoformat(), shown]) == 1
    out, err = capsys.readouterr()
    prefixes = [f"{shown}:{line}:{col}: " for line, col, _ in expectations(path)]
    lines = out.splitlines()
    assert [line[: len(prefix)] for line, prefix in zip(lines, prefixes, strict=True)] == prefixes
    assert "lỗi" in err
