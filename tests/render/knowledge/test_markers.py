"""Markers in hand-written pages (<!-- kb:NAME ARG -->), replaced by text from the data."""

from __future__ import annotations

import pytest

from scripts.render.knowledge.markers import MarkerError, expand


def test_markers_are_replaced_and_unknown_ones_fail() -> None:
    handlers = {"ngay": lambda arg: f"<{arg}>"}
    assert expand("Hạn <!-- kb:ngay bao-cao-nam -->.", handlers) == "Hạn <bao-cao-nam>."
    with pytest.raises(MarkerError, match="kb:ngayy"):
        expand("<!-- kb:ngayy x -->", handlers)


def test_a_marker_without_argument_and_text_around_it() -> None:
    handlers = {"lich": lambda arg: f"[{arg}]"}
    assert expand("A <!--kb:lich--> B <!-- kb:lich x -->", handlers) == "A [None] B [x]"
    assert expand("không có đánh dấu", handlers) == "không có đánh dấu"
