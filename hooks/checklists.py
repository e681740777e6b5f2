"""MkDocs adapter: checklist boxes get the item's text as their accessible name."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.site.checklists import name_checkboxes  # noqa: E402


def on_page_content(html: str, **_: object) -> str:
    return name_checkboxes(html) if "task-list-item" in html else html
