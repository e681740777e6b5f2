"""Syntax errors put on the line of the real mistake, saying what it is."""

from __future__ import annotations

from scripts.common.problems import Problem
from scripts.common.source import Source
from scripts.common.yamlread import parse

SCHOOL = "schools:\n  - id: th-binh-thanh\n    name: Trường A\n"


def only_problem(text: str) -> Problem:
    (problem,) = parse(Source("data/schools.yml", text.encode())).problems
    return problem


def test_several_lines_without_colons_are_reported_on_the_first() -> None:
    problem = only_problem(SCHOOL + "    level TH\n    commune Bình Thạnh\n    note: x\n")
    assert (problem.line, problem.column) == (4, 5)
    assert problem.message.startswith("Thiếu dấu hai chấm “:” sau level: viết “level: TH”")


def test_a_value_with_spaces_is_not_taken_for_a_missing_colon() -> None:
    problem = only_problem(SCHOOL + "    level: TH\n   commune: Bình Thạnh\n")
    assert "Thiếu dấu hai chấm" not in problem.message
    assert (problem.line, problem.column) == (5, 4)


def test_a_line_under_a_key_aligns_with_the_group_below_it() -> None:
    text = SCHOOL + (
        "    submissions:\n      bao-cao-6-thang:\n   received: 28/5/2022\n        number: 25/BC\n"
    )
    problem = only_problem(text)
    assert (problem.line, problem.column) == (6, 4)
    assert "“number” ở dòng 7 bắt đầu ở cột 9" in problem.message


def test_a_misaligned_dash_is_compared_with_the_other_dashes() -> None:
    problem = only_problem(SCHOOL + "    level: TH\n   - id: b\n    name: B\n")
    assert (problem.line, problem.column) == (5, 4)
    assert "dấu “- ” ở dòng 2 bắt đầu ở cột 3" in problem.message
