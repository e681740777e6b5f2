"""Points of the plan (I.1 … III.5, the opening and closing paragraphs) and their anchors.

The plan page (docs/ke-hoach/index.md) carries these anchors: #i-1 … #iii-5 for the numbered
points, #mo-dau for the opening paragraph and #ket-thuc for the closing one.
"""

from __future__ import annotations

import re

OPENING = "mo-dau"
CLOSING = "ket-thuc"
PLAN_PAGE = "ke-hoach/index.md"

_NUMBERED = re.compile(r"^(I|II|III)\.([1-5])$")


def anchor(point: str) -> str:
    """ "III.4" → "iii-4"; the opening and closing paragraphs keep their own ids."""
    if point in (OPENING, CLOSING):
        return point
    match = _NUMBERED.match(point)
    if not match:
        raise ValueError(f"không có mục “{point}” trong Kế hoạch")
    return f"{match.group(1).lower()}-{match.group(2)}"


def label(point: str) -> str:
    """How a reader names the point: "mục III.4", "phần mở đầu", "đoạn kết"."""
    if point == OPENING:
        return "phần mở đầu"
    if point == CLOSING:
        return "đoạn kết"
    anchor(point)  # validates
    return f"mục {point}"


def sort_key(point: str) -> tuple[int, int]:
    """Order points as they appear in the plan."""
    if point == OPENING:
        return (0, 0)
    if point == CLOSING:
        return (9, 0)
    section, number = point.split(".")
    return ({"I": 1, "II": 2, "III": 3}[section], int(number))
