"""Put generated pages into the navigation under their hand-written index page."""

from __future__ import annotations

from typing import Any


def expand_section(nav: list[Any], index_src: str, children: list[dict[str, str]]) -> list[Any]:
    """Turn `- Title: index_src` into a section: the index page, then the children.

    Looks at the top level and inside sections; returns a new list, leaves `nav` unchanged.
    An entry that already is a section is left alone.
    """
    out: list[Any] = []
    for item in nav:
        if isinstance(item, dict) and len(item) == 1:
            ((title, value),) = item.items()
            if value == index_src:
                out.append({title: [index_src, *children]})
                continue
            if isinstance(value, list):
                out.append({title: expand_section(value, index_src, children)})
                continue
        out.append(item)
    return out
