"""Markers in hand-written pages, replaced at build time by text made from the data.

A marker is an HTML comment: `<!-- kb:NAME -->` or `<!-- kb:NAME ARGUMENT -->`, e.g.
`<!-- kb:ngay bao-cao-nam -->` for the date of a deadline. An unknown marker is an error,
so a typo fails the build instead of leaving a gap on the page.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping

MARKER = re.compile(r"<!--\s*kb:(?P<name>[a-z-]+)(?:\s+(?P<arg>[^\s>]+))?\s*-->")


class MarkerError(ValueError):
    pass


def expand(markdown: str, handlers: Mapping[str, Callable[[str | None], str]]) -> str:
    """Replace every marker with what its handler returns for the argument."""

    def replace(match: re.Match[str]) -> str:
        name = match.group("name")
        if name not in handlers:
            known = ", ".join(sorted(handlers))
            raise MarkerError(f"không có đánh dấu “kb:{name}” (có: {known})")
        return handlers[name](match.group("arg"))

    return MARKER.sub(replace, markdown)
