"""Pieces every status page shares: front matter, notices, state badges, bars, tables.

Pages are Markdown for headings and short text, with raw HTML blocks for tables and
bars (Python-Markdown passes them through untouched, which is also what keeps a table
of thousands of schools fast). Every piece of text from the data goes through
`escape`, which is safe in both places.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import posixpath
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from scripts.common.markdown import escape
from scripts.common.vietnamese import format_date
from scripts.model import CommuneList
from scripts.render.site_paths import relative
from scripts.status.board import Board, Counts
from scripts.status.judge import DUE_RULE, State, Status

__all__ = ["escape"]

NUM = ' class="tracker-num"'

ICON = '<span class="tracker-state__icon" aria-hidden="true"></span>'
"""A state's icon, drawn by tracker.css from the state's class (an SVG mask in the state's
colour): no emoji or symbol that a phone without the font would show as an empty box."""

SAMPLE_NOTICE = (
    "Tên trường, số văn bản, ngày nộp và mô hình ở đây là dữ liệu minh họa "
    "để thử trang, không phải tình hình thật của các trường."
)


def communes_note(communes: CommuneList | None) -> str:
    """Which list of communes the schools are grouped by: that of 2022, not today's.

    "Xã, thị trấn theo danh sách năm 2022 của huyện Bình Sơn: 22 xã, thị trấn đúng vào ngày
    12/4/2022, không phải đơn vị hành chính hiện nay (danh sách thôi dùng từ ngày 01/7/2025)."
    Plain text; empty without a list (datasets built in tests).
    """
    if communes is None:
        return ""
    text = (
        f"Xã, thị trấn theo danh sách năm {communes.valid_on.year} của {communes.district}: "
        f"{len(communes.communes)} xã, thị trấn đúng vào ngày {format_date(communes.valid_on)}, "
        "không phải đơn vị hành chính hiện nay"
    )
    if communes.ended_on is not None:
        text += f" (danh sách thôi dùng từ ngày {format_date(communes.ended_on)})"
    return text + "."


def communes_label(communes: CommuneList | None) -> str:
    """The short form, for a filter's hint: "Danh sách xã, thị trấn năm 2022"."""
    if communes is None:
        return ""
    return f"Danh sách xã, thị trấn năm {communes.valid_on.year}"


RAW_START = "<!-- tracker:html -->"
RAW_END = "<!-- /tracker:html -->"


def raw_block(html: str) -> str:
    """A block of finished HTML, marked so that the MkDocs hook can keep it out of Markdown.

    Without the hook it is an ordinary raw HTML block, which Markdown passes through
    unchanged; with it, a table of thousands of rows skips Markdown's HTML parsing.
    """
    inner = html.replace(RAW_START, "").replace(RAW_END, "").strip()  # blocks do not nest
    return f"\n{RAW_START}\n{inner}\n{RAW_END}\n\n"


def front_matter(title: str, description: str, *, searchable: bool = False, **extra: object) -> str:
    """YAML front matter. JSON strings are valid YAML, so any text is quoted safely.

    Material writes the title into the page unescaped, so it is given escaped here.

    Status pages stay out of the site search unless `searchable`: they repeat the plan's
    phrases (“Dân vận khéo”, “Báo cáo 6 tháng”) in every title and row, and would push the
    plan and the guidance, where a reader learns about them, off the first results. The
    table of all schools is searchable: it finds a school by its name.
    """
    meta: dict[str, object] = {"title": escape(title), "description": escape(description)}
    if not searchable:
        meta["search"] = {"exclude": True}
    meta.update(extra)
    lines = ["---"]
    for key, value in meta.items():
        lines.append(f"{key}: {json.dumps(value, ensure_ascii=False)}")
    lines.append("---")
    return "\n".join(lines) + "\n\n"


def header(board: Board, *, rule: bool = False) -> str:
    """What every status page opens with: the sample-data notice and the as-of date."""
    parts = []
    if board.dataset.sample:
        parts.append(f'!!! warning "Dữ liệu minh họa"\n\n    {SAMPLE_NOTICE}\n')
    as_of = (
        f'<p class="tracker-as-of">Tình hình tính đến hết ngày '
        f'<time datetime="{board.as_of.isoformat()}">{format_date(board.as_of)}</time>.'
    )
    if rule:
        as_of += f" {escape(DUE_RULE)}"
    parts.append(as_of + "</p>\n")
    return "\n".join(parts) + "\n"


def badge(status: Status, *, short: bool = False) -> str:
    """A state shown with its icon and its words; the colour only adds to them."""
    state = status.state
    text = status.short_text if short else status.text
    title = f' title="{escape(status.text)}"' if short and status.text != text else ""
    return (
        f'<span class="tracker-state tracker-state--{state.slug}"{title}>'
        f"{ICON} "
        f"{escape(text)}</span>"
    )


def state_label(state: State) -> str:
    return (
        f'<span class="tracker-state tracker-state--{state.slug}">'
        f"{ICON} "
        f"{escape(state.label)}</span>"
    )


def _num(x: float) -> str:
    return f"{x:.2f}".rstrip("0").rstrip(".")


def bar(counts: Counts) -> str:
    """A stacked bar of the four states, in inline SVG (no inline style: the site's
    Content-Security-Policy allows none). Decorative: the numbers are written beside it."""
    total = counts.total
    parts = []
    x = 0.0
    for state in State:
        n = counts[state]
        if n and total:
            width = 100 * n / total
            parts.append(
                f'<rect class="tracker-bar__part tracker-state--{state.slug}" x="{_num(x)}" '
                f'y="0" width="{_num(width)}" height="1">'
                f"<title>{escape(state.label)}: {n}</title></rect>"
            )
            x += width
    return (
        '<svg class="tracker-bar" viewBox="0 0 100 1" preserveAspectRatio="none" '
        f'aria-hidden="true" focusable="false">{"".join(parts)}</svg>'
    )


def counts_list(counts: Counts) -> str:
    items = "".join(
        f"<li>{state_label(state)}: <strong>{counts[state]}</strong></li>" for state in State
    )
    return (
        f'<ul class="tracker-counts" aria-label="Số trường theo tình trạng, '
        f'trên tổng số {counts.total} trường">{items}</ul>'
    )


def scroll_box(label: str) -> str:
    """The opening of a box that scrolls sideways. Keyboard users scroll it too: it takes
    the focus, and it is a named region."""
    return f'<div class="tracker-scroll" tabindex="0" role="region" aria-label="{escape(label)}">'


@dataclass(frozen=True)
class Cards:
    """How a table of schools shows below 600 px (tracker.css, "Thẻ trên điện thoại"):
    each row a card, its title and states first, without sideways scrolling.

    Column indexes: `title` (the school's name) opens the card, after its `number` if
    any; `lead` (the states) come right under it; `meta` (level, commune) share one
    short line; every other column follows on its own line, after its header as a label.
    The table stays a table at desktop width, for screen readers too.
    """

    title: int
    number: int | None = None
    lead: tuple[int, ...] = ()
    meta: tuple[int, ...] = ()

    def role(self, column: int) -> str:
        """The cell's class for the card layout ("" for a labelled line)."""
        if column == self.title:
            return "card-title"
        if column == self.number:
            return "card-number"
        if column in self.lead:
            return "card-lead"
        if column in self.meta:
            return "card-meta"
        return ""


_TAG = re.compile(r"<[^>]+>")


def plain_label(header_html: str) -> str:
    """A header's words, for a data-label attribute: tags dropped, quotes escaped."""
    text = html.unescape(_TAG.sub("", header_html))
    return html.escape(" ".join(text.split()), quote=True)


def cell_attrs(cards: Cards, column: int, label: str, extra_class: str = "") -> str:
    """The attributes that place a cell on its card: a role class, or a label."""
    classes = " ".join(c for c in (extra_class, cards.role(column)) if c)
    attrs = f' class="{classes}"' if classes else ""
    # A lone state needs no label; states of several deadlines are told apart by it.
    if label and (not cards.role(column) or (column in cards.lead and len(cards.lead) > 1)):
        attrs += f' data-label="{label}"'
    return attrs


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    label: str,
    attrs: str = "",
    caption: str = "",
    numeric: Sequence[int] = (),
    cards: Cards | None = None,
) -> str:
    """An HTML table. Header and cell strings must already be safe HTML.

    Wrapped in a scrolling box, so that a wide table never widens the page on a phone;
    with `cards`, a phone shows each row as a card instead (no scrolling at all).
    """
    num = set(numeric)
    head = "".join(
        f'<th scope="col"{NUM if i in num else ""}>{h}</th>' for i, h in enumerate(headers)
    )
    if cards is None:
        cell = ["<td" + (NUM if i in num else "") + ">" for i in range(len(headers))]
    else:
        labels = [plain_label(h) for h in headers]
        cell = [
            "<td" + cell_attrs(cards, i, labels[i], "tracker-num" if i in num else "") + ">"
            for i in range(len(headers))
        ]
        attrs += " data-cards"
    body = "\n".join(
        "<tr>" + "".join(f"{cell[i]}{c}</td>" for i, c in enumerate(row)) + "</tr>" for row in rows
    )
    cap = f"<caption>{caption}</caption>" if caption else ""
    return raw_block(
        f"{scroll_box(label)}\n<table{attrs}>{cap}\n"
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>\n</div>"
    )


def short_state_label(state: State) -> str:
    return (
        f'<span class="tracker-state tracker-state--{state.slug}" title="{escape(state.label)}">'
        f"{ICON} "
        f"{escape(state.short)}</span>"
    )


def counts_table(groups: Iterable[tuple[str, Counts]], first_header: str, label: str) -> str:
    """Rows of counts per group (a level, a commune), with a small bar each.

    Group names are HTML already (escaped by the caller).
    """
    headers = [first_header, "Số trường"] + [short_state_label(s) for s in State] + ["Tỉ lệ"]
    rows = [
        [name, str(counts.total)] + [str(counts[s]) for s in State] + [bar(counts)]
        for name, counts in groups
    ]
    return table(headers, rows, label=label, numeric=range(1, 2 + len(State)), cards=Cards(title=0))


def link(href: str, text_html: str) -> str:
    return f'<a href="{escape(href)}">{text_html}</a>'


def date_or_blank(day: dt.date | None) -> str:
    return format_date(day) if day else ""


def md_link(from_src: str, to_src: str, anchor: str = "") -> str:
    """A Markdown link target from one source file to another (MkDocs checks it)."""
    rel = posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
    return rel + (f"#{anchor}" if anchor else "")


def plan_anchor(section: str) -> str:
    """ "III.4" → "iii-4", the agreed anchors of the plan page."""
    return section.strip().lower().replace(".", "-")


def download_link(text: str, from_src: str, path: str) -> str:
    """A link that downloads the file (with its own name) instead of opening it.

    In HTML, not Markdown: some files (the Excel workbook) are written after the pages,
    where MkDocs' link check cannot see them; tests check every link of the built site.
    """
    name = posixpath.basename(path)
    href = relative(from_src, path)
    return f'<a href="{escape(href)}" download="{escape(name)}">{escape(text)}</a>'
