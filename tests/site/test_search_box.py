from __future__ import annotations

from bs4 import BeautifulSoup

from scripts.site.search_box import DIALOG_NAME, SEARCH_DIALOG, name_search_dialog


def test_the_search_dialog_gets_a_name() -> None:
    page = f"<body>{SEARCH_DIALOG}<input></div></body>"
    dialog = BeautifulSoup(name_search_dialog(page), "html.parser").select_one("[role=dialog]")
    assert dialog is not None
    assert dialog["aria-label"] == DIALOG_NAME


def test_a_page_without_search_is_left_alone() -> None:
    page = '<div role="dialog" aria-label="Khác"></div>'
    assert name_search_dialog(page) == page
