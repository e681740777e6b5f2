"""The board: every school judged against every deadline, counted, in Vietnamese order."""

from __future__ import annotations

import pytest

from scripts.common.vietnamese import sort_key
from scripts.render.board.generate import GeneratedSite
from scripts.status.judge import State
from tests.tracker_data import generated_board


@pytest.fixture
def board_site() -> GeneratedSite:
    return generated_board()


def _counts(board_site: GeneratedSite, deadline_id: str) -> dict[State, int]:
    deadline = board_site.board.dataset.plan.deadline(deadline_id)
    return board_site.board.counts(deadline).by_state


def test_counts_per_deadline(board_site: GeneratedSite) -> None:
    assert _counts(board_site, "dang-ky-mo-hinh") == {
        State.ON_TIME: 2,
        State.LATE: 1,
        State.MISSING: 2,
        State.NOT_DUE: 0,
    }
    assert _counts(board_site, "bao-cao-6-thang") == {
        State.ON_TIME: 1,
        State.LATE: 1,
        State.MISSING: 3,
        State.NOT_DUE: 0,
    }
    # The annual report received on 20/10 is after the as-of date: not yet received.
    assert _counts(board_site, "bao-cao-nam")[State.NOT_DUE] == 5


def test_schools_are_in_vietnamese_alphabetical_order(board_site: GeneratedSite) -> None:
    names = [s.name for s in board_site.board.schools]
    assert names == sorted(names, key=sort_key)
    assert names.index("Trường Mầm non Bình Thanh") < names.index("Trường Mẫu giáo Bình Đông")
