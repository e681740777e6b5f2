"""Markers in hand-written pages that the tracker fills from the data at build time.

A marker is an HTML comment, so a page read without the build shows nothing in its place:
- `<!-- tracker:deadlines -->`: the plan's deadlines as a list (home page);
- `<!-- tracker:sample-note -->`: while the data is sample data, a sentence saying that the
  figures are illustrative (the home page's link to the status board); nothing otherwise;
- `<!-- tracker:communes-note -->`: which list of communes the schools are in (that of 2022);
- `<!-- tracker:school-finder -->`: the box “Tìm trường của bạn” (school_finder.py).
"""

from __future__ import annotations

from scripts.model import Dataset
from scripts.render.board.common import communes_note, raw_block
from scripts.render.board.deadlines import deadlines_list
from scripts.render.board.school_finder import finder_block

DEADLINES_MARKER = "<!-- tracker:deadlines -->"
SAMPLE_NOTE_MARKER = "<!-- tracker:sample-note -->"
COMMUNES_NOTE_MARKER = "<!-- tracker:communes-note -->"
FINDER_MARKER = "<!-- tracker:school-finder -->"

SAMPLE_NOTE = (
    " Số liệu ở đó hiện là **dữ liệu minh họa** để thử trang, không phải tình hình thật "
    "của các trường."
)


def expand_markers(markdown: str, dataset: Dataset, src: str = "index.md") -> str:
    """The page (source path `src`) with each tracker marker replaced by what the data says."""
    if "<!-- tracker:" not in markdown:
        return markdown
    if DEADLINES_MARKER in markdown:
        markdown = markdown.replace(DEADLINES_MARKER, deadlines_list(dataset.plan))
    if SAMPLE_NOTE_MARKER in markdown:
        markdown = markdown.replace(SAMPLE_NOTE_MARKER, SAMPLE_NOTE if dataset.sample else "")
    if COMMUNES_NOTE_MARKER in markdown:
        markdown = markdown.replace(COMMUNES_NOTE_MARKER, communes_note(dataset.communes))
    if FINDER_MARKER in markdown:
        markdown = markdown.replace(FINDER_MARKER, raw_block(finder_block(src)))
    return markdown
