"""The status board plugin: loads the data once per build and adds what comes from it.

- on_config: the site's address checked (a local one warns, and is refused when CI is set);
  the as-of date (TRACKER_AS_OF, else the `as_of` option, else the build date in Vietnam);
  the data, loaded and validated (a bad edit stops the build with the
  validator's messages); the generated pages and files; the history read from git;
- on_files: the pages (tinh-hinh/…) and files (tai-ve/…) added in memory, and the second
  process started that makes the Excel workbook and the QR codes into the site;
- on_nav: the status pages in the "Tình hình thực hiện" section (school pages stay out);
- on_page_markdown / on_page_content: the `<!-- tracker:… -->` markers of hand-written
  pages (deadlines, sample-data and communes notes), the history of school pages, and
  blocks of finished HTML that skip Markdown;
- on_post_build: the second process waited for, every file it owes checked; if it crashed
  or left a file out, the built site is emptied and the build stops (PluginError);
- on_build_error / on_shutdown: the second process stopped.

Nothing generated is written to docs/ or committed. Every piece of state lives on the
instance and is made again in on_config: `mkdocs serve` keeps the instance across rebuilds.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.meta import get_data

from scripts.common.clock import today_in_vietnam
from scripts.load.dataset import load_dataset
from scripts.load.guides import GUIDE_DIR, Guide, guide_from
from scripts.load.publisher import load_publisher
from scripts.load.templates import load_templates
from scripts.model import Dataset
from scripts.render.board.generate import GeneratedSite, generate
from scripts.render.board.next_steps import next_steps
from scripts.render.board.page_markers import expand_markers
from scripts.render.board.school_finder import search_entries
from scripts.render.board.submission_form import FormSettings
from scripts.site.search_index import with_entries
from scripts.site.site_url import check_site_url
from scripts.status.as_of import AS_OF_ENV, resolve_as_of

from ..errors import stop_on_data_error
from .config import StatusBoardConfig
from .git_history import HistoryPages
from .late_files import LateFiles, discard_site, failed_build_message
from .nav import place_status_pages
from .raw_html import RawBlocks

log = logging.getLogger("mkdocs.plugins.dvk_status_board")

AS_OF_OPTION = "mkdocs.yml, mục as_of của plugin dvk-status-board"


def read_guides(docs_dir: Path) -> list[Guide]:
    """The guidance pages (docs/huong-dan/*.md) from their front matter, as the knowledge
    plugin reads them; read here too, since the pages are generated in on_config."""
    guides = []
    for path in sorted((docs_dir / GUIDE_DIR).glob("*.md")):
        meta = get_data(path.read_text(encoding="utf-8"))[1]
        guide = guide_from(GUIDE_DIR + path.name, meta)
        if guide is not None:
            guides.append(guide)
    return guides


@dataclass(frozen=True)
class _Build:
    dataset: Dataset
    site: GeneratedSite
    history: HistoryPages


class StatusBoardPlugin(BasePlugin[StatusBoardConfig]):
    def __init__(self) -> None:
        self._build: _Build | None = None
        self._raw = RawBlocks()
        self._late = LateFiles()

    @property
    def build(self) -> _Build:
        if self._build is None:
            raise PluginError("dvk-status-board: on_config has not run for this build")
        return self._build

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self._late.stop()  # a process left by an interrupted build, if any
        self._raw.reset()
        self._build = None
        # A local site_url puts dead addresses into QR codes, the calendar and the exports.
        verdict = check_site_url(config.site_url, os.environ)
        if verdict is not None and verdict.refused:
            raise PluginError(verdict.message)
        if verdict is not None:
            log.info(verdict.message)  # a warning would fail `mkdocs build --strict` locally
        try:
            as_of = resolve_as_of(
                os.environ.get(AS_OF_ENV), self.config.as_of, today_in_vietnam(), AS_OF_OPTION
            )
        except ValueError as error:
            raise PluginError(str(error)) from None
        data_dir, schemas_dir = Path(self.config.data_dir), Path(self.config.schemas_dir)
        with stop_on_data_error():
            dataset = load_dataset(data_dir, schema_dir=schemas_dir)
            publisher = load_publisher(data_dir, config.site_name, schemas_dir / "site.schema.json")
            # What a school does about a deadline it has not met: the guidance pages (their
            # front matter) and the Word templates, as the knowledge base knows them.
            steps_guides = read_guides(Path(config.docs_dir))
            steps_templates = load_templates(
                data_dir / "templates.yml", schemas_dir / "templates.schema.json", dataset.plan
            )
            history = HistoryPages.read(
                dataset,
                data_dir,
                schemas_dir,
                Path(self.config.cache_dir),
                config.repo_url,
                publisher,
            )
        self._build = _Build(
            dataset=dataset,
            site=generate(
                dataset,
                as_of,
                config.site_url or "",
                publisher=publisher,
                form=FormSettings(config.repo_url or "", self.config.submission_branch),
                steps=next_steps(dataset.plan, steps_guides, steps_templates),
            ),
            history=history,
        )
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        site = self.build.site
        self._late.start(
            site.dataset,
            site.as_of,
            site.site_url,
            config.site_dir,
            second=self.config.second_process,
        )
        placed_by_on_nav = set(site.nav[1:])
        generated: list[tuple[str, str | bytes]] = [*site.pages.items(), *site.files.items()]
        for path, content in generated:
            existing = files.get_file_from_path(path)
            if existing is not None:  # a hand-written page at a generated address: replaced
                files.remove(existing)
            inclusion = (
                InclusionLevel.NOT_IN_NAV if path in placed_by_on_nav else InclusionLevel.UNDEFINED
            )
            files.append(File.generated(config, path, content=content, inclusion=inclusion))
        site_url = config.site_url or "http://127.0.0.1:8000/"
        self.build.history.add_files(files, config, site_url, self.config.feed_title)
        return files

    def on_nav(self, nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
        return place_status_pages(nav, files, self.build.site.nav)

    # After git-revision-date-localized has dated the page (the history reads its date).
    @event_priority(-50)
    def on_page_markdown(self, markdown: str, page: Page, **_: object) -> str:
        # <!-- tracker:… -->
        markdown = expand_markers(markdown, self.build.dataset, page.file.src_uri)
        markdown = self._raw.hold(page.file.src_uri, markdown)
        with stop_on_data_error():  # a schema file read for a field reference
            return self.build.history.page_markdown(markdown, page)

    # After the knowledge base has annotated the page: the finished tables are not scanned.
    @event_priority(-50)
    def on_page_content(self, html: str, page: Page, **_: object) -> str:
        try:
            return self._raw.restore(page.file.src_uri, html)
        except ValueError as error:
            raise PluginError(str(error)) from None

    # After Material's search has written its index (0), before dvk-hardening compacts it.
    @event_priority(-25)
    def on_post_build(self, config: MkDocsConfig) -> None:
        """The late files (Excel workbook, schools' QR codes) are in the built site, and
        each school has a short entry in the search index (its name, level and commune)."""
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.is_file():
            entries = search_entries(self.build.site.board)
            text = with_entries(index.read_text(encoding="utf-8"), entries)
            index.write_text(text, encoding="utf-8")
        try:
            made = self._late.finish()
        except RuntimeError as error:
            discard_site(config.site_dir)
            raise PluginError(failed_build_message(str(error), config.site_dir)) from None
        missing = set(self.build.site.late) - set(made)
        if missing:
            discard_site(config.site_dir)
            cause = f"thiếu tệp {', '.join(sorted(missing))}."
            raise PluginError(failed_build_message(cause, config.site_dir))

    def on_build_error(self, *, error: Exception) -> None:
        self._late.stop()

    def on_shutdown(self) -> None:
        """The end of `mkdocs serve` (or build). Defining it makes MkDocs keep this instance
        across the rebuilds of `mkdocs serve`: hence every build's state is made in on_config."""
        self._late.stop()
