"""The status board: every school judged against every deadline, and the counts.

Computed once per build from the Dataset and the as-of date; every page and export
reads from it, so they all agree.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from scripts.common.vietnamese import sort_key
from scripts.model import LEVELS, DanVanModel, Dataset, Deadline, School, Submission
from scripts.status.judge import State, Status, status_of


@dataclass(frozen=True)
class Counts:
    """How many schools are in each state for one deadline."""

    by_state: dict[State, int] = field(default_factory=dict)

    def __getitem__(self, state: State) -> int:
        return self.by_state.get(state, 0)

    @property
    def total(self) -> int:
        return sum(self.by_state.values())

    @staticmethod
    def of(statuses: Iterable[Status]) -> Counts:
        by_state = dict.fromkeys(State, 0)
        for status in statuses:
            by_state[status.state] += 1
        return Counts(by_state)


@dataclass(frozen=True)
class Registration:
    """A "Dân vận khéo" model a school registered, with the submission that named it."""

    school: School
    deadline: Deadline
    submission: Submission
    model: DanVanModel


@dataclass(frozen=True)
class Board:
    dataset: Dataset
    as_of: dt.date
    schools: tuple[School, ...]
    """Every school, in Vietnamese alphabetical order of name."""
    statuses: dict[tuple[str, str], Status]
    """(school id, deadline id) → status."""

    @property
    def deadlines(self) -> tuple[Deadline, ...]:
        return self.dataset.plan.deadlines

    def status(self, school: School, deadline: Deadline) -> Status:
        return self.statuses[school.id, deadline.id]

    def counts(self, deadline: Deadline, schools: Iterable[School] | None = None) -> Counts:
        chosen = self.schools if schools is None else schools
        return Counts.of(self.status(school, deadline) for school in chosen)

    def by_level(self) -> list[tuple[str, tuple[School, ...]]]:
        """Schools grouped by level, in the plan's order of levels (unknown levels last)."""
        order = {level: i for i, level in enumerate(LEVELS)}
        groups = _group(self.schools, lambda s: s.level)
        return sorted(groups.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))

    def by_commune(self) -> list[tuple[str, tuple[School, ...]]]:
        """Schools grouped by commune, communes in Vietnamese alphabetical order."""
        groups = _group(self.schools, lambda s: s.commune)
        return sorted(groups.items(), key=lambda kv: sort_key(kv[0]))

    def submissions_count(self) -> int:
        """Submissions received by the as-of date (later ones have not happened yet)."""
        return sum(1 for status in self.statuses.values() if status.submission is not None)

    def models(self, school: School | None = None) -> list[Registration]:
        """Registered "Dân vận khéo" models, as of the as-of date.

        In the order of schools, then of deadlines.
        """
        found = []
        for each in self.schools if school is None else (school,):
            for deadline in self.deadlines:
                sub = self.status(each, deadline).submission
                if sub is not None and sub.model is not None:
                    found.append(Registration(each, deadline, sub, sub.model))
        return found


def _group(
    schools: Iterable[School], key: Callable[[School], str]
) -> dict[str, tuple[School, ...]]:
    groups: dict[str, list[School]] = {}
    for school in schools:
        groups.setdefault(key(school), []).append(school)
    return {k: tuple(v) for k, v in groups.items()}


def make_board(dataset: Dataset, as_of: dt.date) -> Board:
    schools = tuple(sorted(dataset.schools, key=lambda s: (sort_key(s.name), s.id)))
    statuses = {
        (school.id, deadline.id): status_of(school, deadline, as_of)
        for school in schools
        for deadline in dataset.plan.deadlines
    }
    return Board(dataset=dataset, as_of=as_of, schools=schools, statuses=statuses)
