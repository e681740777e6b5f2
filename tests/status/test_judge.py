"""Status is computed from the data and an as-of date: each state and its edges."""

from __future__ import annotations

import datetime as dt

import pytest

from scripts.common.clock import today_in_vietnam
from scripts.model import Deadline, School, Submission
from scripts.status.as_of import resolve_as_of
from scripts.status.judge import DUE_RULE, State, Status, status_of

D = dt.date
DUE = D(2022, 5, 15)
DEADLINE = Deadline(id="dang-ky-mo-hinh", title="Đăng ký mô hình", due=DUE, section="III.4")


def school(*received: dt.date) -> School:
    return School(
        id="th-binh-thanh",
        name="Trường Tiểu học Bình Thạnh",
        level="TH",
        commune="Bình Thạnh",
        submissions=tuple(Submission("dang-ky-mo-hinh", day, "15/KH-THBT") for day in received),
    )


def test_submitted_before_the_due_date_is_on_time() -> None:
    status = status_of(school(D(2022, 5, 2)), DEADLINE, as_of=D(2022, 6, 1))
    assert status.state is State.ON_TIME
    assert status.submission is not None and status.submission.number == "15/KH-THBT"


def test_submitted_on_the_due_date_is_on_time() -> None:
    status = status_of(school(DUE), DEADLINE, as_of=DUE)
    assert status == Status(State.ON_TIME, school(DUE).submissions[0], 0)
    assert status.text == "Đã nộp đúng hạn"


def test_submitted_the_day_after_is_one_day_late() -> None:
    status = status_of(school(D(2022, 5, 16)), DEADLINE, as_of=D(2022, 6, 1))
    assert (status.state, status.days_late) == (State.LATE, 1)
    assert status.text == "Nộp trễ hạn (1 ngày)"
    assert status.short_text == "Trễ 1 ngày"


def test_nothing_submitted_before_the_due_date_is_not_yet_due() -> None:
    assert status_of(school(), DEADLINE, as_of=D(2022, 5, 1)).state is State.NOT_DUE


def test_nothing_submitted_on_the_due_date_is_still_not_due() -> None:
    assert status_of(school(), DEADLINE, as_of=DUE).state is State.NOT_DUE


def test_nothing_submitted_the_day_after_the_due_date_is_missing() -> None:
    status = status_of(school(), DEADLINE, as_of=D(2022, 5, 16))
    assert status.state is State.MISSING
    assert status.submission is None
    assert status.text == "Chưa nộp (quá hạn)"


def test_a_school_added_after_the_deadline_passed_is_missing_for_it() -> None:
    """A school that joins the list in June has not sent the May registration: missing."""
    later = School(id="mn-moi", name="Trường Mầm non Mới", level="MN", commune="Bình Minh")
    assert status_of(later, DEADLINE, as_of=D(2022, 6, 20)).state is State.MISSING


def test_a_submission_after_the_as_of_date_has_not_happened_yet() -> None:
    """A build for an earlier date shows what the site showed then."""
    late_school = school(D(2022, 5, 20))
    assert status_of(late_school, DEADLINE, as_of=D(2022, 5, 14)).state is State.NOT_DUE
    assert status_of(late_school, DEADLINE, as_of=D(2022, 5, 18)).state is State.MISSING
    assert status_of(late_school, DEADLINE, as_of=D(2022, 5, 20)).days_late == 5


def test_every_state_has_a_distinct_label_icon_and_short_label() -> None:
    for attribute in ("label", "icon", "short", "slug"):
        values = [getattr(state, attribute) for state in State]
        assert all(values) and len(set(values)) == len(values), attribute
    assert [state.rank for state in State] == [0, 1, 2, 3]


def test_the_rule_says_the_due_date_counts_as_on_time() -> None:
    assert "đúng hạn" in DUE_RULE and "hôm sau" in DUE_RULE


@pytest.mark.parametrize(
    ("env", "config", "expected"),
    [
        (None, None, D(2026, 1, 2)),
        ("", None, D(2026, 1, 2)),
        (None, D(2022, 6, 1), D(2022, 6, 1)),
        (None, "2022-06-01", D(2022, 6, 1)),
        ("2022-05-30", D(2022, 6, 1), D(2022, 5, 30)),
        (" 2022-05-30 ", None, D(2022, 5, 30)),
    ],
)
def test_as_of_comes_from_env_then_config_then_build_date(env, config, expected) -> None:
    assert resolve_as_of(env, config, today=D(2026, 1, 2)) == expected


@pytest.mark.parametrize(
    ("env", "config"), [("30/5/2022", None), (None, "hôm nay"), ("2022-02-31", None)]
)
def test_a_wrong_as_of_date_is_refused_in_vietnamese(env, config) -> None:
    with pytest.raises(ValueError, match="không phải là ngày hợp lệ"):
        resolve_as_of(env, config, today=D(2026, 1, 2))


def test_build_date_is_the_date_in_vietnam() -> None:
    evening_utc = dt.datetime(2022, 5, 15, 18, 30, tzinfo=dt.UTC)
    assert today_in_vietnam(evening_utc) == D(2022, 5, 16)
    assert today_in_vietnam(dt.datetime(2022, 5, 15, 16, 59, tzinfo=dt.UTC)) == D(2022, 5, 15)
