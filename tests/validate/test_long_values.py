"""A value far too long is refused fast: lengths before patterns, every pattern linear.

Before, a 200,000-letter name took 66 s to refuse (two patterns tried again from every letter);
1 MB would have outlasted CI. The bound asserted here is generous (a shared 2-core machine);
the figures are printed by the benchmark (`bash run.sh test -m benchmark -s`).
"""

from __future__ import annotations

import datetime as dt
import json
import re
import time
from collections.abc import Callable

import pytest

from scripts.common.characters import REFUSED
from scripts.common.dates import DATE_PATTERN
from scripts.common.problems import DataError, Problem
from scripts.common.raw_text import RAW_CONTROL
from scripts.common.source import Source
from scripts.load.dataset import load_sources
from scripts.validate import text
from tests.conftest import ROOT

MEGABYTE = 1024 * 1024
BOUND_SECONDS = 10.0
TODAY = dt.date(2026, 11, 25)


def schools_with(name: str = "Trường Tiểu học Bình Thạnh", note: str = "Gửi qua thư") -> bytes:
    return (
        "sample: true\nretired: []\nschools:\n  - id: th-binh-thanh\n"
        f"    name: {name}\n    level: TH\n    commune: Bình Thạnh\n    submissions:\n"
        f"      bao-cao-6-thang:\n        received: 28/5/2022\n        note: {note}\n"
    ).encode()


def refused(data: bytes) -> tuple[list[Problem], float]:
    plan = Source("data/plan.yml", (ROOT / "data" / "plan.yml").read_bytes())
    started = time.perf_counter()
    with pytest.raises(DataError) as caught:
        load_sources(plan, Source("data/schools.yml", data), today=TODAY)
    return caught.value.problems, time.perf_counter() - started


LONG_VALUES: dict[str, Callable[[], tuple[bytes, int, str]]] = {
    "name": lambda: (schools_with(name="a" * MEGABYTE), 5, "Tên trường (name) dài quá 200 ký tự"),
    "note": lambda: (schools_with(note="a" * MEGABYTE), 11, "Ghi chú (note) dài quá 500 ký tự"),
}


@pytest.mark.parametrize("field", LONG_VALUES)
def test_a_one_megabyte_value_is_refused_fast_on_its_line(field: str) -> None:
    data, line, gist = LONG_VALUES[field]()
    problems, seconds = refused(data)
    assert seconds < BOUND_SECONDS, f"{seconds:.1f} s"
    (problem,) = problems  # the schema's limit; the text check does not say it again
    assert problem.line == line
    assert gist in problem.message


# Inputs that make a backtracking pattern retry from every character, 256 KiB each (a
# quadratic pattern takes minutes on them: the old e-mail pattern took 66 s on 200,000 letters).
QUARTER = MEGABYTE // 4
ADVERSARIAL = [
    "a" * QUARTER,
    "a" * QUARTER + " ",
    "[" * QUARTER,
    "[a" * (QUARTER // 2),
    "]" + " " * QUARTER,
    "<a" * (QUARTER // 2),
    "&a" * (QUARTER // 2),
    "0" * QUARTER,
    "0 " * (QUARTER // 2),
    "@" * QUARTER,
    "a@" * (QUARTER // 2),
    "a@" + "b" * QUARTER,
    "1/" * (QUARTER // 2),
]

PATTERNS = {
    "control": text.CONTROL_PATTERN,
    "html": text.HTML_PATTERN,
    "markdown_link": text.MARKDOWN_LINK_PATTERN,
    "phone": text.PHONE_PATTERN,
    "email": text.EMAIL_PATTERN,
    "date": DATE_PATTERN,
    "raw_control": RAW_CONTROL.pattern,
    "invisible": REFUSED.pattern,
}


def _schema_patterns(node: object) -> set[str]:
    if isinstance(node, dict):
        found = {node["pattern"]} if isinstance(node.get("pattern"), str) else set()
        return found.union(*(_schema_patterns(value) for value in node.values()))
    if isinstance(node, list):
        return set().union(*(_schema_patterns(value) for value in node))
    return set()


# The schemas' patterns run in Python too, when the schema's errors are explained.
PATTERNS.update(
    (f"schema {pattern}", pattern)
    for path in sorted((ROOT / "schemas").glob("*.json"))
    for pattern in sorted(_schema_patterns(json.loads(path.read_text(encoding="utf-8"))))
)


@pytest.mark.parametrize("name", PATTERNS)
def test_every_text_pattern_is_linear_on_long_input(name: str) -> None:
    """Even on values the length check would stop, no pattern takes long."""
    pattern = re.compile(PATTERNS[name])
    started = time.perf_counter()
    for value in ADVERSARIAL:
        pattern.search(value)
    seconds = time.perf_counter() - started
    assert seconds < BOUND_SECONDS, f"{name}: {seconds:.1f} s on {len(ADVERSARIAL) / 4} MB"


def test_values_over_the_length_limit_get_only_the_length_message() -> None:
    value = "<b>" + "[a](b)" * 2000  # HTML and links, but far too long to look at
    assert len(value) > text.MAX_TEXT_LENGTH
    (message,) = text.text_messages(value, "note")
    assert "quá 10.000 ký tự" in message


@pytest.mark.benchmark
@pytest.mark.parametrize("field", LONG_VALUES)
def test_benchmark_one_megabyte_value(field: str) -> None:
    data, _, _ = LONG_VALUES[field]()
    times = sorted(refused(data)[1] for _ in range(5))
    print(
        f"\n1 MB {field}: refused in {times[0]:.2f}–{times[-1]:.2f} s "
        f"(best and worst of 5; whole check: read, schema, rules)"
    )
