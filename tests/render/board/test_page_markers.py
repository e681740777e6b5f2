"""Markers in hand-written pages filled from the data: deadlines, the sample note, communes."""

from __future__ import annotations

import dataclasses

from scripts.load.dataset import load_dataset
from scripts.render.board.page_markers import (
    COMMUNES_NOTE_MARKER,
    DEADLINES_MARKER,
    SAMPLE_NOTE,
    SAMPLE_NOTE_MARKER,
    expand_markers,
)
from tests.conftest import ROOT

PAGE = (
    f"Hạn nộp:\n\n{DEADLINES_MARKER}\nXem tình hình.{SAMPLE_NOTE_MARKER}\n\n"
    f"{COMMUNES_NOTE_MARKER}\n"
)


def test_each_marker_is_replaced_by_what_the_data_says() -> None:
    dataset = load_dataset(ROOT / "data")
    page = expand_markers(PAGE, dataset)
    assert "<!-- tracker:" not in page
    assert "- **15/5/2022** — Đăng ký mô hình" in page
    assert page.index("15/5/2022") < page.index("30/5/2022") < page.index("30/10/2022")
    assert "Xem tình hình. Số liệu ở đó hiện là **dữ liệu minh họa**" in page
    assert "Xã, thị trấn theo danh sách năm 2022 của huyện Bình Sơn" in page


def test_real_data_gets_no_sample_note() -> None:
    dataset = dataclasses.replace(load_dataset(ROOT / "data"), sample=False)
    page = expand_markers(PAGE, dataset)
    assert SAMPLE_NOTE not in page and "Xem tình hình.\n" in page


def test_a_page_without_markers_is_left_as_it_is() -> None:
    text = "# Trang\n\n<!-- kb:ngay bao-cao-nam -->\n"
    assert expand_markers(text, load_dataset(ROOT / "data")) is text
