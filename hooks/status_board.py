"""MkDocs adapter for the status board (scripts.tracker.status_site).

Thin on purpose. It works out the as-of date, loads the data, asks the core for the
generated pages and files, and hands them to MkDocs:
- on_config: as-of date (TRACKER_AS_OF, else mkdocs.yml extra.tracker.as_of, else the
  build date in Vietnam), load the data (validated, shared with the other hooks),
  generate the pages and files;
- on_files: add the pages (tinh-hinh/…) and files (tai-ve/…) to the build, in memory,
  and start a second process that makes the slow files (the Excel workbook, the schools'
  QR codes) and writes them into the site (MkDocs has emptied it by then);
- on_nav: put the overview, deadline pages, table, models and downloads pages in the
  "Tình hình thực hiện" section. School pages stay out of the nav (not_in_nav);
- on_page_markdown / on_page_content: blocks of finished HTML (tables of thousands of
  rows) skip Markdown and go straight into the page: Markdown would only pass them
  through, after parsing them at length;
- on_post_build: wait for the second process, and check that it wrote every file.
Nothing generated is written to docs/ or committed.
"""

from __future__ import annotations

import importlib
import logging
import os
import sys
from concurrent.futures import Future, ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.site.publisher import load_publisher  # noqa: E402
from scripts.tracker.clock import today_in_vietnam  # noqa: E402
from scripts.tracker.model import Dataset  # noqa: E402
from scripts.tracker.render.board_common import RAW_END, RAW_START  # noqa: E402
from scripts.tracker.site_url import check_site_url  # noqa: E402
from scripts.tracker.status import AS_OF_ENV, resolve_as_of  # noqa: E402
from scripts.tracker.status_site import (  # noqa: E402
    GeneratedSite,
    generate,
    write_late_files,
)

TEST_DATASET_ENV = "TRACKER_TEST_DATASET"
"""Tests only: "module:function" returning a Dataset, built instead of loading data/.

This is how the escaping tests build the site from data the validator would refuse.
"""

log = logging.getLogger("mkdocs.hooks.status_board")

_state: dict[str, GeneratedSite] = {}
_raw_blocks: dict[str, list[str]] = {}
_late: dict[str, Future] = {}


def _load(config: MkDocsConfig) -> Dataset:
    factory = os.environ.get(TEST_DATASET_ENV)
    if factory:
        # MkDocs restores sys.path after loading a hook: the project root is gone by now.
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        module, _, name = factory.partition(":")
        return getattr(importlib.import_module(module), name)()
    from scripts.tracker.dataset_cache import load_dataset_once
    from scripts.tracker.problems import DataError

    data_dir = Path(config.config_file_path).parent / "data"
    try:
        # hooks/tracker.py has loaded (and would have refused) the same files: shared.
        return load_dataset_once(data_dir)
    except DataError as error:
        raise PluginError(
            "Dữ liệu có lỗi, chưa dựng được trang:\n" + "\n".join(map(str, error.problems))
        ) from None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    # A local site_url puts dead addresses into QR codes, the calendar and the exports.
    verdict = check_site_url(config.site_url, os.environ)
    if verdict is not None and verdict.refused:
        raise PluginError(verdict.message)
    if verdict is not None:
        log.info(verdict.message)  # a warning would fail `mkdocs build --strict` locally
    tracker = (config.extra or {}).get("tracker") or {}
    try:
        as_of = resolve_as_of(os.environ.get(AS_OF_ENV), tracker.get("as_of"), today_in_vietnam())
    except ValueError as error:
        raise PluginError(str(error)) from None
    publisher = load_publisher(Path(config.config_file_path).parent / "data", config.site_name)
    _state["site"] = generate(_load(config), as_of, config.site_url or "", publisher=publisher)
    return config


def _start_late_files(site: GeneratedSite, site_dir: str) -> None:
    """Make the Excel file and the QR codes in a second process while MkDocs renders pages."""
    if str(ROOT) not in sys.path:  # the worker imports scripts.tracker as this process does
        sys.path.insert(0, str(ROOT))
    _late.pop("future", None)
    try:
        executor = ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn"))
        _late["future"] = executor.submit(
            write_late_files, site.dataset, site.as_of, site.site_url, site_dir
        )
        executor.shutdown(wait=False)
    except OSError as error:  # no second process here: make them in this one, at the end
        log.info("Tệp Excel và mã QR được tạo trong cùng tiến trình (%s)", error)


def on_post_build(config: MkDocsConfig) -> None:
    """The late files (Excel workbook, schools' QR codes) are in the built site."""
    site = _state["site"]
    future = _late.pop("future", None)
    made = (
        future.result()
        if future is not None
        else write_late_files(site.dataset, site.as_of, site.site_url, config.site_dir)
    )
    missing = set(site.late) - set(made)
    if missing:
        raise PluginError(f"Thiếu tệp: {', '.join(sorted(missing))}")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _state["site"]
    _start_late_files(site, config.site_dir)  # MkDocs has emptied site_dir by now
    placed_by_on_nav = set(site.nav[1:])
    for path, content in [*site.pages.items(), *site.files.items()]:
        existing = files.get_file_from_path(path)
        if existing is not None:  # a hand-written page at a generated address: replaced
            files.remove(existing)
        inclusion = (
            InclusionLevel.NOT_IN_NAV if path in placed_by_on_nav else InclusionLevel.UNDEFINED
        )
        files.append(File.generated(config, path, content=content, inclusion=inclusion))
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    site = _state["site"]
    pages = [files.get_file_from_path(src).page for src in site.nav]
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


def _token(src: str, i: int) -> str:
    """A paragraph no data can produce (data text never reaches a page unescaped)."""
    return f"TRACKERRAWHTML{i}X{abs(hash(src))}"


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    if RAW_START not in markdown:
        return markdown
    src = page.file.src_uri
    blocks: list[str] = []
    parts = markdown.split(RAW_START)
    out = [parts[0]]
    for part in parts[1:]:
        block, _sep, rest = part.partition(RAW_END)
        out.append(f"\n\n{_token(src, len(blocks))}\n\n{rest}")
        blocks.append(block)
    _raw_blocks[src] = blocks
    return "".join(out)


def on_page_content(html: str, page: Page, **_: object) -> str:
    blocks = _raw_blocks.pop(page.file.src_uri, None)
    if not blocks:
        return html
    for i, block in enumerate(blocks):
        token = f"<p>{_token(page.file.src_uri, i)}</p>"
        if token not in html:
            raise PluginError(f"{page.file.src_uri}: khối HTML {i} bị mất khi dựng trang")
        html = html.replace(token, block, 1)
    return html
