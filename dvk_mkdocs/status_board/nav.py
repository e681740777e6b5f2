"""The status pages in the "Tình hình thực hiện" section of the navigation."""

from __future__ import annotations

from collections.abc import Sequence

from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def _page(files: Files, src: str) -> Page:
    """The page of a generated source file (the plugin added it in on_files)."""
    file = files.get_file_from_path(src)
    if file is None or not isinstance(file.page, Page):
        raise KeyError(f"{src}: not a page of this build")
    return file.page


def place_status_pages(nav: Navigation, files: Files, sources: Sequence[str]) -> Navigation:
    """Put the pages of `sources` (the overview first) in the overview's section, in order.

    mkdocs.yml lists the overview (and may list others, e.g. recent changes): the pages it
    does not list go after the overview, in the given order. School pages are not in it.
    """
    pages = [_page(files, src) for src in sources]
    overview = pages[0]
    parent = overview.parent
    if parent is None:
        # mkdocs.yml lists only the overview: make it a section holding all status pages.
        section = Section(overview.title or "Tình hình thực hiện", [overview])
        nav.items[nav.items.index(overview)] = section
        parent = section
    children = parent.children
    listed = [p for p in pages if p in children]
    position = children.index(overview) + 1
    for page in pages:
        if page not in listed:
            children.insert(position, page)
        position = children.index(page) + 1
    for child in children:
        child.parent = parent
    ordered = _pages(nav.items)
    for prev, page in zip([None, *ordered], ordered, strict=False):
        page.previous_page = prev
        if prev is not None:
            prev.next_page = page
    if ordered:
        ordered[-1].next_page = None
    return Navigation(nav.items, ordered)


def _pages(items: list) -> list[Page]:
    found: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            found.append(item)
        elif isinstance(item, Section):
            found.extend(_pages(item.children))
    return found
