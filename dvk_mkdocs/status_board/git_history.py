"""The history of the data, read from git (scripts.history.gitlog), on the site.

- the "Cập nhật gần đây" page (tinh-hinh/cap-nhat/) and the Atom feed of status changes
  (tai-ve/cap-nhat.atom), generated at build time;
- the "Lịch sử cập nhật" section at the end of every school page (tinh-hinh/truong/<id>/),
  whoever builds those pages;
- the messages of data/commit-notes.yml in place of commits' own, where those are not for
  readers (authors' display names come from git's .mailmap);
- the "Cập nhật lần cuối" line at the foot of hand-written pages, from the
  git-revision-date-localized plugin's date, in Vietnamese (overrides/partials/source-file.html);
- the reference of a data file's fields (from its schema) where a page asks for it.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from scripts.common.schema.files import read_schema
from scripts.history.commits import History
from scripts.history.gitlog import read_history
from scripts.history.notes import with_notes
from scripts.load.commit_notes import load_commit_notes
from scripts.load.publisher import Publisher
from scripts.model import Dataset
from scripts.render.history_pages import (
    Entry,
    by_school,
    describe,
    page_updated,
    recent_page,
    school_section,
    status_feed,
    when,
)
from scripts.render.schema_reference import field_reference

RECENT = "tinh-hinh/cap-nhat.md"
FEED = "tai-ve/cap-nhat.atom"
SCHOOL_PAGES = "tinh-hinh/truong/"
REFERENCE = re.compile(r"<!-- history:field-reference (\w+) -->")
"""Marker in a page, replaced by the reference of a data file's fields (schemas/NAME…)."""


def school_id_of(src_uri: str) -> str | None:
    """The school id of a school page: tinh-hinh/truong/<id>.md or …/<id>/index.md."""
    if not src_uri.startswith(SCHOOL_PAGES):
        return None
    rest = src_uri[len(SCHOOL_PAGES) :]
    if rest.endswith("/index.md"):
        rest = rest.removesuffix("/index.md")
    elif rest.endswith(".md"):
        rest = rest.removesuffix(".md")
    else:
        return None
    return rest if rest and "/" not in rest and rest != "index" else None


@dataclass(frozen=True)
class HistoryPages:
    """What one build knows of the history: made in on_config, read by the later events."""

    history: History
    entries: Sequence[Entry]
    by_school: Mapping[str, Sequence[Entry]]
    sample: bool
    commit_url: Callable[[str], str] | None
    schemas_dir: Path
    publisher: Publisher

    @classmethod
    def read(
        cls,
        dataset: Dataset,
        data_dir: Path,
        schemas_dir: Path,
        cache_dir: Path,
        repo_url: str | None,
        publisher: Publisher,
    ) -> HistoryPages:
        """The history of data/schools.yml from git. DataError if commit-notes.yml is wrong."""
        notes = load_commit_notes(data_dir / "commit-notes.yml", schema_dir=schemas_dir)
        history = with_notes(read_history(data_dir / "schools.yml", cache_dir), notes)
        entries = describe(history, dataset.plan)
        repo = (repo_url or "").rstrip("/")
        return cls(
            history=history,
            entries=entries,
            by_school=by_school(entries),
            sample=dataset.sample,
            commit_url=(lambda sha: f"{repo}/commit/{sha}") if repo else None,
            schemas_dir=schemas_dir,
            publisher=publisher,
        )

    def add_files(self, files: Files, config: MkDocsConfig, site_url: str, feed_title: str) -> None:
        """The recent changes page and the feed, generated in memory."""
        pages = {
            school_id: f
            for f in files.documentation_pages()
            if (school_id := school_id_of(f.src_uri)) is not None
        }

        def link(school_id: str) -> str | None:
            page = pages.get(school_id)
            return posixpath.relpath(page.src_uri, posixpath.dirname(RECENT)) if page else None

        def url(school_id: str) -> str | None:
            page = pages.get(school_id)
            return site_url + page.url if page else None

        feed_link = posixpath.relpath(FEED, posixpath.dirname(RECENT))
        markdown = recent_page(
            self.history, self.entries, link, feed_link, self.commit_url, sample=self.sample
        )
        files.append(File.generated(config, RECENT, content=markdown))
        feed = status_feed(
            self.entries,
            page_url=site_url + "tinh-hinh/cap-nhat/",
            feed_url=site_url + FEED,
            school_url=url,
            title=feed_title,
            sample=self.sample,
            publisher=self.publisher,
        )
        files.append(File.generated(config, FEED, content=feed))

    def _reference(self, match: re.Match[str]) -> str:
        name = match.group(1)
        path = self.schemas_dir / f"{name}.schema.json"
        schema = read_schema(path, f"{self.schemas_dir.name}/{path.name}")
        shown = "data/submissions/<mã hạn nộp>/<mã trường>.yml" if name == "submissions" else ""
        return field_reference(schema, shown or f"data/{name}.yml")

    def page_markdown(self, markdown: str, page: Page) -> str:
        """A page's Markdown with its history: the section of a school page, the dates."""
        markdown = REFERENCE.sub(self._reference, markdown)
        src_uri = page.file.src_uri
        school_id = school_id_of(src_uri)
        if school_id is not None:
            entries = self.by_school.get(school_id, [])
            if entries:
                page.meta["last_updated"] = f"Dữ liệu cập nhật lần cuối: {when(entries[0].commit)}"
            section = school_section(entries, self.history.notices, self.commit_url)
            return markdown.rstrip("\n") + "\n\n" + section
        if src_uri == RECENT:
            page.meta["last_updated"] = (
                f"Dữ liệu cập nhật lần cuối: {when(self.entries[0].commit)}"
                if self.entries
                else "Dữ liệu cập nhật lần cuối: chưa rõ (chưa có thay đổi nào trong lịch sử git)."
            )
            return markdown
        if page.file.abs_src_path is not None:  # a hand-written page: its date from git
            page.meta["last_updated"] = page_updated(
                page.meta.get("git_revision_date_localized_raw_iso_date"),
                bool(page.meta.get("git_revision_date_localized_hash")),
                shallow=self.history.shallow,
                has_git=self.history.repository,
            )
        return markdown
