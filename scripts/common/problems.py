"""What is wrong with the data, where, and how to fix it.

Every check reports `Problem`s instead of raising at the first one, so a person editing the
data sees every mistake at once, each on its line.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a data file. Lines and columns count from 1, as editors show them."""

    file: str
    line: int
    column: int
    message: str
    """In Vietnamese: what is wrong and how to fix it."""

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


def sorted_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Sorted by file, line and column, each reported once."""
    return sorted(set(problems))


class DataError(Exception):
    """The data cannot be used: carries every problem found, sorted by file and line."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: list[Problem] = sorted_problems(problems)
        super().__init__("\n".join(map(str, self.problems)))


class UnreadableFileError(DataError):
    """A data file is missing or cannot be opened: nothing in it could be checked."""
