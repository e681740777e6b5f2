"""MkDocs adapter for the status board (scripts.tracker.status_site).

Thin on purpose. It works out the as-of date, loads the data, asks the core for the
generated pages and files, and hands them to MkDocs:
- on_config: as-of date (TRACKER_AS_OF, else mkdocs.yml extra.tracker.as_of, else the
  build date in Vietnam), load and validate the data, generate everything;
- on_files: add the pages (tinh-hinh/…) and files (tai-ve/…) to the build, in memory;
- on_nav: put the overview, deadline pages, table, models and downloads pages in the
  "Tình hình thực hiện" section. School pages stay out of the nav (not_in_nav).
Nothing generated is written to docs/ or committed.
"""

from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.tracker.model import Dataset  # noqa: E402
from scripts.tracker.status import AS_OF_ENV, resolve_as_of, today_in_vietnam  # noqa: E402
from scripts.tracker.status_site import GeneratedSite, generate  # noqa: E402

TEST_DATASET_ENV = "TRACKER_TEST_DATASET"
"""Tests only: "module:function" returning a Dataset, built instead of loading data/.

This is how the escaping tests build the site from data the validator would refuse.
"""

_state: dict[str, GeneratedSite] = {}


def _load(config: MkDocsConfig) -> Dataset:
    factory = os.environ.get(TEST_DATASET_ENV)
    if factory:
        # MkDocs restores sys.path after loading a hook: the project root is gone by now.
        if str(ROOT) not in sys.path:
            sys.path.insert(0, str(ROOT))
        module, _, name = factory.partition(":")
        return getattr(importlib.import_module(module), name)()
    from scripts.tracker.dataset import load_dataset
    from scripts.tracker.problems import DataError

    data_dir = Path(config.config_file_path).parent / "data"
    try:
        return load_dataset(data_dir, today=today_in_vietnam())
    except DataError as error:
        raise PluginError(
            "Dữ liệu có lỗi, chưa dựng được trang:\n" + "\n".join(map(str, error.problems))
        ) from None


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    tracker = (config.extra or {}).get("tracker") or {}
    try:
        as_of = resolve_as_of(os.environ.get(AS_OF_ENV), tracker.get("as_of"), today_in_vietnam())
    except ValueError as error:
        raise PluginError(str(error)) from None
    _state["site"] = generate(_load(config), as_of, config.site_url or "")
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    site = _state["site"]
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
