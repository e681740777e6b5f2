"""“Tìm trường của bạn”: a box on the home page and the overview that finds a school.

Typing part of a school's name or commune, with or without diacritics, lists the matching
schools with their state for each deadline; a tap opens the school's page. The small
script docs/assets/javascripts/school-finder.js does it from a small JSON file of the
schools (`finder_data`, tinh-hinh/tim-truong.json), fetched only when the reader first
types. The script needs no Vietnamese rules of its own beyond vietnamese-fold.js: each
school carries its folded text, computed here.

The site search finds a school by its name too: `search_entries` gives one short entry per
school (its name, level and commune, linking to its page), which the plugin adds to the
search index; the school pages themselves stay out of it, so the index grows by a few
dozen bytes per school, not by every school's page.

Without JavaScript the box is a form that opens the list of all schools filtered by the
words typed (tinh-hinh/danh-sach/?q=…), and a link to that list.
"""

from __future__ import annotations

import html
import json

from scripts.common.vietnamese import fold
from scripts.model import LEVEL_NAMES
from scripts.render import site_paths as paths
from scripts.render.board.common import escape
from scripts.status.board import Board
from scripts.status.judge import State

FINDER_ID = "tim-truong"


def finder_data(board: Board) -> bytes:
    """The finder's JSON: deadlines, states, and per school its id, name, commune, folded
    text and state for each deadline (in the deadlines' order), in name order."""
    data = {
        "deadlines": [d.title for d in board.deadlines],
        "states": {s.value: {"icon": s.icon, "label": s.label} for s in State},
        "schools": [
            [
                school.id,
                school.name,
                school.commune,
                f"{fold(school.name)} / {fold(school.commune)}",
                [board.status(school, d).state.value for d in board.deadlines],
                [board.status(school, d).short_text for d in board.deadlines],
            ]
            for school in board.schools
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def finder_block(src: str) -> str:
    """The finder's HTML on the page with source path `src` (a raw HTML block)."""
    table = paths.relative(src, paths.TABLE)
    data = paths.relative(src, paths.FINDER_DATA)
    script = paths.relative(src, paths.FINDER_SCRIPT)
    school = paths.relative(src, paths.school_page("ID"))
    return (
        f'<section class="school-finder" id="{FINDER_ID}" data-school-finder '
        f'data-src="{escape(data)}" data-school-url="{escape(school)}" data-search-exclude '
        'aria-labelledby="tim-truong-tieu-de">\n'
        '<h2 id="tim-truong-tieu-de">Tìm trường của bạn</h2>\n'
        f'<form class="school-finder__form" action="{escape(table)}" method="get" role="search" '
        'aria-label="Tìm trường của bạn">\n'
        '<label for="school-finder-q">Tên trường hoặc xã, thị trấn, có dấu hay không dấu '
        "đều được</label>\n"
        '<div class="school-finder__row">'
        '<input id="school-finder-q" name="q" type="search" autocomplete="off" '
        'spellcheck="false" enterkeyhint="search" placeholder="Ví dụ: binh thanh">'
        '<button type="submit" class="md-button">Tìm</button></div>\n'
        "</form>\n"
        '<p class="school-finder__count" role="status" aria-live="polite" '
        "data-school-finder-count></p>\n"
        '<ul class="school-finder__results" data-school-finder-results hidden></ul>\n'
        f'<p class="school-finder__all"><a href="{escape(table)}">Xem danh sách tất cả các '
        "trường</a></p>\n"
        f'<script src="{escape(script)}" defer></script>\n'
        "</section>"
    )


def search_entries(board: Board) -> list[dict[str, str]]:
    """One search index entry per school: its page, its name as the title, and its level
    and commune as the text (Material's index format: location, title, text). The index
    holds HTML, which the results show as such: the data's text is escaped."""
    return [
        {
            "location": paths.url_of(paths.school_page(school.id)),
            "title": html.escape(school.name, quote=False),
            "text": html.escape(
                f"{LEVEL_NAMES.get(school.level, school.level)}, {school.commune}", quote=False
            ),
        }
        for school in board.schools
    ]
