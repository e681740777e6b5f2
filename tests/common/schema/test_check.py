"""One schema pipeline for every data file: the fast check and the full one agree, and the
same mistake gets the same words in any file."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import jsonschema_rs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.common.raw_text import INVISIBLE, RAW_CONTROL
from scripts.common.schema.check import check
from scripts.common.schema.files import DRAFT
from scripts.common.source import Source
from scripts.common.yamlread import parse
from scripts.load.datafile import KnowledgeDataError, load_checked
from tests.conftest import ROOT


def _patterns(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("pattern"), str):
            yield node["pattern"]
        for value in node.values():
            yield from _patterns(value)
    elif isinstance(node, list):
        for value in node:
            yield from _patterns(value)


REFUSED_BEFORE = (RAW_CONTROL, INVISIBLE, re.compile(r"[\t\n]"))
"""Characters refused before the schema: the regex engines read some of them differently
(ECMA's \\s has no U+0085 nor U+001C–U+001F, Python's "$" matches before a final newline)."""

PATTERNS = sorted(
    {p for f in (ROOT / "schemas").glob("*.json") for p in _patterns(json.loads(f.read_text()))}
)
TRICKY = st.one_of(
    st.text(max_size=30),
    st.text(alphabet="ab -./:\n\t đĐ0129<>\"'@&", max_size=20),
    st.sampled_from([" x", "x ", "", "١٢/٥/٢٠٢٢", "٢٠٢٢-٠٥-١٥", "ｘ", "x\u00a0", "\u3000x"]),
)


@pytest.mark.parametrize("pattern", PATTERNS)
@settings(max_examples=150, deadline=None)
@given(text=TRICKY)
def test_the_fast_check_and_the_explaining_one_agree_on_every_pattern(
    pattern: str, text: str
) -> None:
    """Only the fast one (jsonschema-rs, Rust regex) decides whether the slow one explains:
    where they disagree, a wrong value would pass or an error would go unexplained."""
    if any(pattern.search(text) for pattern in REFUSED_BEFORE):
        return  # never reaches the schema as valid data: the reader or the text check says so
    schema = {"$schema": DRAFT, "type": "string", "pattern": pattern}
    fast = jsonschema_rs.Draft202012Validator(schema).is_valid(text)
    full = jsonschema.Draft202012Validator(schema).is_valid(text)
    assert fast == full, (pattern, text)


def test_a_slip_in_a_long_list_is_put_on_its_line() -> None:
    schools = "".join(
        f"  - id: truong-{i}\n    name: Trường số {i}\n    level: {level}\n    commune: Châu Ổ\n"
        for i, level in enumerate(["TH", "THCS", "Tiểu học"])
    )
    doc = parse(Source("data/schools.yml", f"sample: true\nschools:\n{schools}".encode()))
    (problem,) = check(doc, "schools", names={"TH": "Tiểu học"})
    assert (problem.line, problem.column) == (13, 12)
    assert "“Tiểu học” không hợp lệ. Có phải là “TH”?" in problem.message


def test_the_same_mistake_reads_the_same_in_a_tracker_file_and_a_knowledge_file(
    tmp_path: Path,
) -> None:
    glossary = tmp_path / "glossary.yml"
    glossary.write_text("abbreviations:\n  - term: MN\n    expanson: Mầm non\n", "utf-8")
    with pytest.raises(KnowledgeDataError) as caught:
        load_checked(glossary, ROOT / "schemas" / "glossary.schema.json", display="data/g.yml")
    messages = [p.message for p in caught.value.problems]
    assert any(m.startswith("Không có mục “expanson”") for m in messages), messages
    assert any("Có phải là “expansion”?" in m for m in messages), messages
    plan = parse(Source("data/plan.yml", (ROOT / "data" / "plan.yml").read_bytes() + b"titel: x\n"))
    (problem,) = check(plan, "plan")
    assert problem.message.startswith("Không có mục “titel”")
    assert "Có phải là “title”?" in problem.message
