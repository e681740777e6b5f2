"""Status of a school for a deadline: computed from the data, never typed.

The plan says "trước ngày 15/5/2022". The office reads that as "by the end of
15/5/2022": a submission received on the due date is on time, one received the
day after is late by one day. The site states this rule (DUE_RULE).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from scripts.model import Deadline, School, Submission

DUE_RULE = (
    "Hạn “trước ngày …” trong kế hoạch được hiểu là hết ngày đó: văn bản nhận được "
    "trong ngày hạn chót vẫn tính là đúng hạn; nhận từ ngày hôm sau là trễ hạn."
)


class State(StrEnum):
    """The four states, in the order a reader scans them."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_DUE = "not_due"

    @property
    def label(self) -> str:
        return _LABELS[self]

    @property
    def icon(self) -> str:
        """A text symbol, so that the state never relies on colour alone."""
        return _ICONS[self]

    @property
    def short(self) -> str:
        """A short label for narrow table cells: "Chưa nộp"."""
        return _SHORT[self]

    @property
    def slug(self) -> str:
        """The state in CSS class names and data attributes: "not-due"."""
        return self.value.replace("_", "-")

    @property
    def rank(self) -> int:
        """Position in the reading order, for sorting."""
        return list(State).index(self)


_LABELS = {
    State.ON_TIME: "Đã nộp đúng hạn",
    State.LATE: "Nộp trễ hạn",
    State.MISSING: "Chưa nộp (quá hạn)",
    State.NOT_DUE: "Chưa đến hạn",
}
_ICONS = {State.ON_TIME: "✔", State.LATE: "⏱", State.MISSING: "✘", State.NOT_DUE: "…"}
_SHORT = {
    State.ON_TIME: "Đúng hạn",
    State.LATE: "Trễ hạn",
    State.MISSING: "Chưa nộp",
    State.NOT_DUE: "Chưa đến hạn",
}


@dataclass(frozen=True)
class Status:
    state: State
    submission: Submission | None = None
    days_late: int = 0

    @property
    def text(self) -> str:
        """The label with the detail a reader needs: "Nộp trễ hạn (3 ngày)"."""
        if self.state is State.LATE:
            return f"{self.state.label} ({self.days_late} ngày)"
        return self.state.label

    @property
    def short_text(self) -> str:
        """The short label with the detail: "Trễ 3 ngày"."""
        if self.state is State.LATE:
            return f"Trễ {self.days_late} ngày"
        return self.state.short


def status_of(school: School, deadline: Deadline, as_of: dt.date) -> Status:
    """Judge one school against one deadline as things stood at the end of `as_of`.

    A submission received after `as_of` has not happened yet as of that date, so a
    build for an earlier date reproduces what the site showed then.
    """
    submission = school.submission(deadline.id)
    if submission is not None and submission.received <= as_of:
        days_late = (submission.received - deadline.due).days
        if days_late <= 0:
            return Status(State.ON_TIME, submission)
        return Status(State.LATE, submission, days_late)
    if as_of > deadline.due:
        return Status(State.MISSING)
    return Status(State.NOT_DUE)
