"""Fast per-school reading gives exactly what reading the whole file with YAML gives."""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.history.snapshot import BlockCache, changed_schools, parse_whole, read_version

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=30)
IDS = st.from_regex(r"[a-z][a-z0-9]{0,8}(-[a-z0-9]{1,5})?", fullmatch=True)
SUBMISSION = st.fixed_dictionaries(
    {"received": st.dates().map(lambda d: d.strftime("%d/%m/%Y"))},
    optional={"number": TEXT, "note": TEXT, "model": st.fixed_dictionaries({"name": TEXT})},
)
SCHOOL = st.fixed_dictionaries(
    {"id": IDS, "name": TEXT},
    optional={
        "level": st.sampled_from(["MN", "TH", "TH&THCS"]),
        "submissions": st.dictionaries(
            st.sampled_from(["dang-ky-mo-hinh", "bao-cao-6-thang", "bao-cao-nam"]), SUBMISSION
        ),
    },
)


def _dump(schools: list[dict], indent_list: bool, crlf: bool, comments: bool) -> str:
    body = yaml.safe_dump(
        {"sample": True, "schools": schools},
        allow_unicode=True,
        sort_keys=False,
        indent=2,
        width=60,
    )
    lines = body.splitlines()
    if indent_list and "schools:" in lines:  # PyYAML writes "- id:" at column 0; people indent
        start = lines.index("schools:")
        body = "\n".join(lines[: start + 1] + ["  " + line for line in lines[start + 1 :]]) + "\n"
    if comments:
        body = "# Đầu tệp\n" + body.replace("\n  - id:", "\n  # một trường\n  - id:")
    return body.replace("\n", "\r\n") if crlf else body


@settings(max_examples=60, deadline=None)
@given(
    schools=st.lists(SCHOOL, max_size=6, unique_by=lambda s: s["id"]),
    indent_list=st.booleans(),
    crlf=st.booleans(),
    comments=st.booleans(),
)
def test_block_reading_matches_whole_reading(
    schools: list[dict], indent_list: bool, crlf: bool, comments: bool
) -> None:
    text = _dump(schools, indent_list, crlf, comments)
    fast = read_version(text, BlockCache())
    assert fast.schools == parse_whole(text).schools


def test_only_changed_blocks_are_parsed() -> None:
    cache = BlockCache()
    blocks = [f"  - id: s{i}\n    name: Trường {i}\n" for i in range(50)]
    old = read_version("sample: true\nschools:\n" + "".join(blocks), cache)
    blocks[7] = "  - id: s7\n    name: Trường số 7\n"
    new = read_version("sample: true\nschools:\n" + "".join(blocks), cache)
    assert changed_schools(old, new, cache) == [
        (
            "s7",
            {"id": "s7", "fields": {"name": "Trường 7"}, "submissions": {}},
            {"id": "s7", "fields": {"name": "Trường số 7"}, "submissions": {}},
        )
    ]
    assert cache.parsed_count == 2


@pytest.mark.parametrize(
    "text",
    [
        "schools: [{id: a, name: A}]\n",  # flow style
        "schools:\n  a:\n    name: A\n",  # an older shape: a mapping keyed by id
        "- id: a\n  name: A\n",  # an older shape: just the list
        "schools:\n  -\n    id: a\n    name: A\n",  # the item's content on the next line
    ],
)
def test_unusual_layouts_are_read_whole(text: str) -> None:
    snapshot = read_version(text, BlockCache())
    assert snapshot.readable
    assert snapshot.schools["a"]["fields"] == {"name": "A"}


def test_broken_yaml_is_unreadable_with_its_line() -> None:
    snapshot = read_version("schools:\n  - id: a\n    name: [\n", BlockCache())
    assert snapshot.schools == {}
    assert not snapshot.readable
    assert snapshot.problems and snapshot.problems[0].startswith("lỗi cú pháp YAML (dòng")
