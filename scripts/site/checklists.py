"""Checklist boxes that a screen reader can name.

pymdownx.tasklist draws each "- [ ]" item as a checkbox whose text sits outside its label,
so assistive technology announces an unnamed box. Each box gets the item's text as its name.
"""

from __future__ import annotations

import html
import re

_ITEM = re.compile(
    r'(<li class="task-list-item">\s*<label class="task-list-control">\s*<input type="checkbox")'
    r"([^>]*>)(.*?)</li>",
    re.DOTALL,
)
_TAG = re.compile(r"<[^>]+>")


def name_checkboxes(page_html: str) -> str:
    def named(match: re.Match[str]) -> str:
        text = " ".join(html.unescape(_TAG.sub(" ", match.group(3))).split())
        label = html.escape(text, quote=True)
        return f'{match.group(1)} aria-label="{label}"{match.group(2)}{match.group(3)}</li>'

    return _ITEM.sub(named, page_html)
