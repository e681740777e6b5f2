"""Vietnamese text: folded for search and matching, sorted as a reader expects."""

from __future__ import annotations

from scripts.common.vietnamese import fold


def test_fold_matches_what_the_filter_expects() -> None:
    assert fold("Bình Thạnh") == fold("binh thanh") == "binh thanh"
    assert fold("Trường Mẫu giáo Bình Đông") == "truong mau giao binh dong"
    assert fold("Hòa") == fold("Hoà") == "hoa"
