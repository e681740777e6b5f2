"""Everything the status board adds to the site, from a Dataset and an as-of date.

`generate` returns plain data: Markdown pages by source path and files by path. The
MkDocs plugin (dvk_mkdocs/status_board) only hands them to MkDocs; tests and the
benchmark call this directly.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from scripts.export.csv_file import csv_bytes
from scripts.export.ics_file import ics_bytes
from scripts.export.json_file import json_bytes, schema_bytes
from scripts.export.qr_codes import qr_svg
from scripts.export.xlsx_file import xlsx_bytes
from scripts.load.publisher import Publisher, unnamed
from scripts.model import Dataset
from scripts.render import site_paths as paths
from scripts.render.board.data_reference_page import data_reference_page
from scripts.render.board.deadline_page import deadline_page
from scripts.render.board.downloads_page import downloads_page
from scripts.render.board.models_page import models_page
from scripts.render.board.next_steps import NO_STEPS, NextStep
from scripts.render.board.overview import overview_page
from scripts.render.board.retired_page import retired_school_page
from scripts.render.board.school_finder import finder_data
from scripts.render.board.school_page import school_page
from scripts.render.board.submission_form import (
    FormSettings,
    many_page_path,
    many_schools_page,
    rules_script,
)
from scripts.render.board.table_page import table_page
from scripts.status.board import Board, make_board

SCHOOLS_IN_SEARCH = False
"""School pages stay out of the search index (see README, "Hiệu năng"): at province
scale they would make the index every reader downloads many times larger, and the table
of all schools (in the index) already finds a school by name."""


@dataclass(frozen=True)
class GeneratedSite:
    board: Board
    pages: dict[str, str]
    """Source path ("tinh-hinh/index.md") → Markdown."""
    files: dict[str, bytes]
    """Path in the site ("tai-ve/tinh-hinh-nop.csv") → content."""
    late: tuple[str, ...]
    """Files still to make, by `late_files`: the Excel workbook and the schools' QR codes.
    For a thousand schools they take seconds, so the hook has a second process make and
    write them (`write_late_files`) while MkDocs renders the pages."""
    dataset: Dataset
    as_of: dt.date
    site_url: str
    nav: tuple[str, ...]
    """The pages of the "Tình hình thực hiện" section, in order; school pages are not in it."""


def generate(
    dataset: Dataset,
    as_of: dt.date,
    site_url: str,
    *,
    publisher: Publisher | None = None,
    form: FormSettings | None = None,
    steps: Mapping[str, NextStep] = NO_STEPS,
) -> GeneratedSite:
    """The status board's pages and files; `publisher` (data/site.yml) signs the A4 sheets
    and produces the calendar (none given: the site names only itself); `steps` (guide and
    Word template of each deadline, `next_steps`) are linked from the school pages. With
    `form`, each school page carries the form "Ghi nhận nộp" and each deadline a page for
    many schools."""
    publisher = publisher or unnamed()
    board = make_board(dataset, as_of)
    pages: dict[str, str] = {
        paths.OVERVIEW: overview_page(board, site_url),
        paths.TABLE: table_page(board),
        paths.MODELS: models_page(board),
        paths.DOWNLOADS_PAGE: downloads_page(board, site_url),
        paths.DATA_REFERENCE: data_reference_page(board),
    }
    for deadline in board.deadlines:
        pages[paths.deadline_page(deadline.id)] = deadline_page(
            board, deadline, with_form=form is not None
        )
    for school in board.schools:
        pages[paths.school_page(school.id)] = school_page(
            board,
            school,
            site_url,
            publisher,
            searchable=SCHOOLS_IN_SEARCH,
            form=form,
            steps=steps,
        )
    for school_id in dataset.retired_ids:  # printed addresses keep opening
        pages[paths.school_page(school_id)] = retired_school_page(board, school_id)

    files: dict[str, bytes] = {
        paths.CSV: csv_bytes(board, site_url),
        paths.JSON: json_bytes(board, site_url),
        paths.JSON_SCHEMA: schema_bytes(),
        paths.FINDER_DATA: finder_data(board),
        paths.ICS: ics_bytes(board, site_url, publisher),
        paths.PLAN_QR: qr_svg(paths.absolute(site_url, paths.PLAN_PAGE), title="Kế hoạch"),
        paths.OVERVIEW_QR: qr_svg(
            paths.absolute(site_url, paths.OVERVIEW), title="Tình hình thực hiện"
        ),
    }
    if form is not None:
        files[paths.FORM_RULES] = rules_script(dataset)
        for deadline in board.deadlines:
            pages[many_page_path(deadline.id)] = many_schools_page(board, deadline, form)
    late = (
        paths.XLSX,
        *(paths.school_qr(school_id) for school_id, _ in _qr_codes(board)),
    )

    nav = (
        paths.OVERVIEW,
        *(paths.deadline_page(d.id) for d in board.deadlines),
        paths.TABLE,
        paths.MODELS,
        paths.DOWNLOADS_PAGE,
        paths.DATA_REFERENCE,
    )
    return GeneratedSite(
        board=board,
        pages=pages,
        files=files,
        late=late,
        nav=nav,
        dataset=dataset,
        as_of=as_of,
        site_url=site_url,
    )


def late_files(dataset: Dataset, as_of: dt.date, site_url: str) -> dict[str, bytes]:
    """The files of `GeneratedSite.late`. A plain function of plain data: a worker process
    can run it."""
    board = make_board(dataset, as_of)
    files = {paths.XLSX: xlsx_bytes(board, site_url)}
    for school_id, title in _qr_codes(board):
        url = paths.absolute(site_url, paths.school_page(school_id))
        files[paths.school_qr(school_id)] = qr_svg(url, title=title)
    return files


def write_late_files(dataset: Dataset, as_of: dt.date, site_url: str, site_dir: str) -> list[str]:
    """Make the late files and write them into the built site; returns their paths.

    Run by the hook's second process, so that writing a thousand small files does not
    hold up the build either."""
    root = Path(site_dir)
    made = late_files(dataset, as_of, site_url)
    for folder in {(root / path).parent for path in made}:
        folder.mkdir(parents=True, exist_ok=True)
    for path, content in made.items():
        (root / path).write_bytes(content)
    return list(made)


def _qr_codes(board: Board) -> list[tuple[str, str]]:
    """(school id, title) of every school page's QR code: current schools, then retired
    ones, whose printed codes must still scan."""
    return [(school.id, school.name) for school in board.schools] + [
        (school_id, f"Mã trường {school_id}") for school_id in board.dataset.retired_ids
    ]
