"""Property tests: whatever valid data the dumper writes, the loader reads back unchanged,
and a line duplicated anywhere in it is refused, never merged."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts.common.problems import DataError
from scripts.common.schema.files import schema
from scripts.common.source import Source
from scripts.common.vietnamese import fold
from scripts.load.communes import CURRENT_COMMUNES, load_communes
from scripts.load.dataset import load_sources
from scripts.model import (
    LEVELS,
    Contact,
    DanVanModel,
    Dataset,
    Deadline,
    ModelKind,
    Plan,
    School,
    Submission,
)
from scripts.validate.text import text_messages
from tests.dump import dump_plan, dump_schools, dump_submissions, scalar

TODAY = dt.date(2100, 1, 1)
CURRENT = load_communes(CURRENT_COMMUNES)
LINK = r"https://[a-z0-9]{1,10}\.[a-z]{2,6}(/[A-Za-z0-9._~%-]*)*"
NUMBER = schema("schools")["$defs"]["submission"]["properties"]["number"]["pattern"]

_VOWELS = "aăâeêioôơuưy"
_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
LETTERS = (
    "".join(unicodedata.normalize("NFC", base + tone) for base in _VOWELS for tone in _TONES)
    + "bcdđghklmnpqrstvx"
)
ALPHABET = LETTERS + LETTERS.upper() + "0123456789 :#-'\"“”,.()/&!?%@*…–<>[]{}|~`"
TRICKY = [
    "true", "False", "null", "~", "yes", "no", "on", "1", "0x1F", "1e3", "2022-05-15",
    ".inf", "-", "- a", "? x", "#1", "a: b", "a #b", "'q'", '"q"', "@x", "`x`", "a:", "%x",
    "Trường Tiểu học: cơ sở 2", "TH&THCS", "& nbsp;",
]  # fmt: skip


def acceptable(text: str) -> bool:
    return text == text.strip() and bool(text) and not any(text_messages(text, "note"))


texts = st.one_of(st.text(ALPHABET, min_size=1, max_size=60), st.sampled_from(TRICKY)).filter(
    acceptable
)
_SYMBOL = st.text("ABCDĐGHKLMNPQRSTUVX0123456789", min_size=1, max_size=8)
numbers = st.builds(
    lambda number, letter, year, parts, joins: (
        f"{number}{letter}{year}/"
        + "".join(join + part for join, part in zip(joins, parts, strict=False))[1:]
    ),
    st.integers(0, 9999),
    st.sampled_from(["", "a", "B"]),
    st.sampled_from(["", "/2022"]),
    st.lists(_SYMBOL, min_size=1, max_size=3),
    st.lists(st.sampled_from("-.&"), min_size=3, max_size=3),
).filter(lambda number: re.fullmatch(NUMBER, number) is not None)
slugs = st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    date = draw(st.dates(dt.date(2000, 1, 1), dt.date(2090, 12, 31)))
    ids = draw(st.lists(slugs, min_size=1, max_size=4, unique=True))
    deadlines = tuple(
        Deadline(
            id=deadline_id,
            title=draw(texts),
            due=draw(st.dates(date, dt.date(2099, 12, 31))),
            section=draw(st.from_regex(r"[IVX]{1,4}\.[0-9]{1,2}", fullmatch=True)),
            requires_model=draw(st.booleans()),
            description=draw(
                st.one_of(st.just(""), texts, st.just(("Một câu rất dài " * 12).strip()))
            ),
        )
        for deadline_id in ids
    )
    return Plan(draw(slugs), draw(texts), draw(texts), draw(texts), date, deadlines)


@st.composite
def submissions(draw: st.DrawFn, plan: Plan) -> tuple[Submission, ...]:
    chosen = draw(st.lists(st.sampled_from(plan.deadlines), unique_by=lambda d: d.id))
    result = []
    for deadline in chosen:
        received = draw(st.dates(plan.date, TODAY))
        signed = draw(st.one_of(st.none(), st.dates(plan.date, received)))
        model = None
        if deadline.requires_model:
            model = DanVanModel(draw(texts), draw(st.sampled_from(ModelKind)))
        result.append(
            Submission(
                deadline_id=deadline.id,
                received=received,
                number=draw(st.one_of(st.just(""), numbers)),
                document_date=signed,
                model=model,
                note=draw(st.one_of(st.just(""), texts)),
                link=draw(
                    st.one_of(
                        st.just(""),
                        st.from_regex(LINK, fullmatch=True),
                    )
                ),
            )
        )
    return tuple(result)


@st.composite
def datasets(draw: st.DrawFn, min_schools: int = 0) -> Dataset:
    plan = draw(plans())
    school = st.builds(
        School,
        id=slugs,
        name=texts,
        level=st.sampled_from(LEVELS),
        commune=st.sampled_from(CURRENT.names),
        contact=st.one_of(st.none(), st.builds(Contact, texts, texts)),
        submissions=submissions(plan),
    )
    schools = draw(
        st.lists(
            school,
            min_size=min_schools,
            max_size=8,
            unique_by=(lambda s: s.id, lambda s: (s.commune, fold(s.name))),
        )
    )
    taken = {s.id for s in schools}
    retired = draw(st.lists(slugs.filter(lambda i: i not in taken), max_size=3, unique=True))
    return Dataset(
        plan=plan,
        schools=tuple(schools),
        sample=draw(st.booleans()),
        sources={"plan": "plan.yml", "communes": "data/communes.yml", "schools": "schools.yml"},
        retired_ids=tuple(retired),
        communes=CURRENT,
    )


def reload(dataset: Dataset, schools_text: str | None = None) -> Dataset:
    """Load the dataset dumped as a register and one file per submission, or from
    `schools_text` alone (submissions written under each school, as older files did)."""
    files = (
        []
        if schools_text
        else [
            Source(f"data/{name}", text.encode())
            for name, text in dump_submissions(dataset).items()
        ]
    )
    return load_sources(
        Source("plan.yml", dump_plan(dataset.plan).encode()),
        Source("schools.yml", (schools_text or dump_schools(dataset)).encode()),
        submissions=files,
        today=TODAY,
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets())
def test_any_valid_dataset_survives_dump_and_load(dataset: Dataset) -> None:
    rank = {d.id: i for i, d in enumerate(dataset.plan.deadlines)}
    in_plan_order = tuple(
        dataclasses.replace(
            s, submissions=tuple(sorted(s.submissions, key=lambda x: rank[x.deadline_id]))
        )
        for s in dataset.schools
    )
    # Read from their files, each school's submissions come in the plan's order.
    assert reload(dataset) == dataclasses.replace(dataset, schools=in_plan_order)
    assert reload(dataset, dump_schools(dataset, inline=True)) == dataset


@given(texts)
def test_a_scalar_reads_back_as_the_same_string(text: str) -> None:
    schools = f"schools:\n  - id: a\n    name: {scalar(text)}\n    level: TH\n    commune: Châu Ổ\n"
    plan = Plan("p", "t", "i", "p", dt.date(2022, 1, 1), (Deadline("d", "t", TODAY, "I.1"),))
    loaded = load_sources(
        Source("plan.yml", dump_plan(plan).encode()), Source("s.yml", schools.encode())
    )
    assert loaded.schools[0].name == text


_FOLDED = re.compile(r": >-$")
_KEY_OR_ITEM = re.compile(r"^ *(- )?[a-z0-9_-]+(:( |$)|$)")


def duplicable_lines(text: str) -> list[int]:
    """Indexes of lines holding a key or a list item (not comments, not folded text)."""
    lines = text.split("\n")
    found, folded_indent = [], None
    for index, line in enumerate(lines):
        indent = len(line) - len(line.lstrip())
        if folded_indent is not None and indent > folded_indent:
            continue
        folded_indent = indent if _FOLDED.search(line) else None
        if line and not line.startswith("#") and _KEY_OR_ITEM.match(line):
            found.append(index)
    return found


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(min_schools=1), st.data())
def test_a_line_duplicated_anywhere_is_refused_never_merged(
    dataset: Dataset, data: st.DataObject
) -> None:
    text = dump_schools(dataset, inline=True)
    lines = text.split("\n")
    index = data.draw(st.sampled_from(duplicable_lines(text)), label="duplicated line")
    broken = "\n".join([*lines[: index + 1], lines[index], *lines[index + 1 :]])
    with pytest.raises(DataError) as caught:
        reload(dataset, broken)
    copy_line = index + 2
    on_copy = [p.message for p in caught.value.problems if p.line == copy_line]
    assert any("hai lần" in m or "đã dùng" in m for m in on_copy), (
        lines[index],
        caught.value.problems,
    )


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets(min_schools=1), st.data())
def test_a_damaged_file_gets_messages_never_a_crash(dataset: Dataset, data: st.DataObject) -> None:
    """Typing slips anywhere: a character deleted, inserted or replaced."""
    text = dump_schools(dataset, inline=True)
    at = data.draw(st.integers(0, len(text) - 1), label="position")
    char = data.draw(st.sampled_from(" \t\n:-#&*!'\"[]{}|>%@`\u0301\x00a"), label="character")
    how = data.draw(st.sampled_from(["delete", "insert", "replace"]), label="slip")
    damaged = {
        "delete": text[:at] + text[at + 1 :],
        "insert": text[:at] + char + text[at:],
        "replace": text[:at] + char + text[at + 1 :],
    }[how]
    try:
        reload(dataset, damaged)
    except DataError as error:
        lines = damaged.split("\n")
        for problem in error.problems:
            assert 1 <= problem.line <= len(lines) + 1
            assert problem.column >= 1
            assert problem.message
