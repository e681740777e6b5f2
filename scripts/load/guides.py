"""Guidance pages (docs/huong-dan/*.md) as the site knows them: from their front matter.

Each guidance page declares the points of the plan it serves, e.g. `points: [III.4, II.3]`,
the first being the main one. Index, calendar and tests read that list; nothing is repeated.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from scripts.load import points

GUIDE_DIR = "huong-dan/"


@dataclass(frozen=True)
class Guide:
    src: str
    title: str
    summary: str
    points: tuple[str, ...]


def guide_from(src: str, meta: Mapping[str, Any]) -> Guide | None:
    """The guide described by a page's front matter; None for pages that are not guides."""
    if not src.startswith(GUIDE_DIR) or src.endswith("index.md") or "points" not in meta:
        return None
    point_list = tuple(str(p) for p in meta["points"])
    for point in point_list:
        points.anchor(point)  # an unknown point is an error in the page, not a silent skip
    return Guide(src, str(meta["title"]), str(meta.get("description", "")), point_list)


def guides_for(guides: list[Guide], point: str) -> list[Guide]:
    """The guides that serve a point of the plan, main ones first."""
    serving = [g for g in guides if point in g.points]
    return sorted(serving, key=lambda g: (g.points.index(point), g.src))
