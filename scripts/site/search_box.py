"""Material's search box, named for screen readers.

Material draws its search as a `role="dialog"` with no name, so a screen reader announces
"dialog" and nothing more (Lighthouse's accessibility audit counts it as a failure). The
dialog gets the same name as the search field.
"""

from __future__ import annotations

SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
DIALOG_NAME = "Tìm kiếm trên trang"


def name_search_dialog(page_html: str) -> str:
    """The page with its search dialog named; a page without Material's search is unchanged."""
    if SEARCH_DIALOG not in page_html:
        return page_html
    named = SEARCH_DIALOG[:-1] + f' aria-label="{DIALOG_NAME}">'
    return page_html.replace(SEARCH_DIALOG, named, 1)
