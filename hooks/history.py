"""MkDocs adapter for the history of the data, read from git (scripts.tracker.history).

Thin on purpose. It adds:
- the "Cập nhật gần đây" page (tinh-hinh/cap-nhat/) and the Atom feed of status changes
  (tai-ve/cap-nhat.atom), both generated at build time;
- the "Lịch sử cập nhật" section at the end of every school page (tinh-hinh/truong/<id>/),
  whoever builds those pages;
- the messages of data/commit-notes.yml in place of commits' own, where those are not for
  readers (authors' display names come from git's .mailmap);
- the "Cập nhật lần cuối" line at the foot of hand-written pages, from the
  git-revision-date-localized plugin's date, in Vietnamese (overrides/partials/source-file.html).
"""

from __future__ import annotations

import json
import posixpath
import re
import sys
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.site.publisher import load_publisher  # noqa: E402
from scripts.tracker.commit_notes import load_commit_notes, with_notes  # noqa: E402
from scripts.tracker.dataset_cache import load_dataset_once  # noqa: E402
from scripts.tracker.history import read_history  # noqa: E402
from scripts.tracker.problems import DataError  # noqa: E402
from scripts.tracker.render.history import (  # noqa: E402
    by_school,
    describe,
    page_updated,
    recent_page,
    school_section,
    status_feed,
    when,
)
from scripts.tracker.render.schema_reference import field_reference  # noqa: E402

RECENT = "tinh-hinh/cap-nhat.md"
FEED = "tai-ve/cap-nhat.atom"
SCHOOL_PAGES = "tinh-hinh/truong/"
REFERENCE = re.compile(r"<!-- history:field-reference (\w+) -->")
"""Marker in a page, replaced by the reference of a data file's fields (schemas/NAME…)."""
FEED_TITLE = "Tình hình nộp văn bản “Dân vận khéo” — ngành Giáo dục huyện Bình Sơn"

_state: dict[str, Any] = {}


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


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    root = Path(config.config_file_path).parent
    try:
        notes = load_commit_notes(root / "data" / "commit-notes.yml")
    except DataError as error:
        raise PluginError("\n".join(map(str, error.problems))) from None
    history = with_notes(read_history(root / "data" / "schools.yml", root / ".cache"), notes)
    # hooks/tracker.py has already refused invalid data; this reads the same files.
    dataset = load_dataset_once(root / "data")
    entries = describe(history, dataset.plan)
    repo_url = (config.repo_url or "").rstrip("/")
    _state.update(
        history=history,
        entries=entries,
        by_school=by_school(entries),
        sample=dataset.sample,
        publisher=load_publisher(root / "data", config.site_name),
        commit_url=(lambda sha: f"{repo_url}/commit/{sha}") if repo_url else None,
    )
    return config


def on_files(files: Files, config: MkDocsConfig) -> Files:
    pages = {
        school_id: f
        for f in files.documentation_pages()
        if (school_id := school_id_of(f.src_uri)) is not None
    }
    site = config.site_url or "http://127.0.0.1:8000/"

    def link(school_id: str) -> str | None:
        page = pages.get(school_id)
        return posixpath.relpath(page.src_uri, posixpath.dirname(RECENT)) if page else None

    def url(school_id: str) -> str | None:
        page = pages.get(school_id)
        return site + page.url if page else None

    history, entries = _state["history"], _state["entries"]
    feed_link = posixpath.relpath(FEED, posixpath.dirname(RECENT))
    markdown = recent_page(
        history, entries, link, feed_link, _state["commit_url"], sample=_state["sample"]
    )
    files.append(File.generated(config, RECENT, content=markdown))
    feed = status_feed(
        entries,
        page_url=site + "tinh-hinh/cap-nhat/",
        feed_url=site + FEED,
        school_url=url,
        title=FEED_TITLE,
        sample=_state["sample"],
        publisher=_state["publisher"],
    )
    files.append(File.generated(config, FEED, content=feed))
    return files


def _reference(match: re.Match[str]) -> str:
    name = match.group(1)
    schema = json.loads((ROOT / "schemas" / f"{name}.schema.json").read_text(encoding="utf-8"))
    return field_reference(schema, f"data/{name}.yml")


def on_page_markdown(markdown: str, page: Page, **_: object) -> str:
    markdown = REFERENCE.sub(_reference, markdown)
    src_uri = page.file.src_uri
    school_id = school_id_of(src_uri)
    if school_id is not None:
        entries = _state["by_school"].get(school_id, [])
        if entries:
            page.meta["last_updated"] = f"Dữ liệu cập nhật lần cuối: {when(entries[0].commit)}"
        section = school_section(entries, _state["history"].notices, _state["commit_url"])
        return markdown.rstrip("\n") + "\n\n" + section
    if src_uri == RECENT:
        entries = _state["entries"]
        page.meta["last_updated"] = (
            f"Dữ liệu cập nhật lần cuối: {when(entries[0].commit)}"
            if entries
            else "Dữ liệu cập nhật lần cuối: chưa rõ (chưa có thay đổi nào trong lịch sử git)."
        )
        return markdown
    if page.file.abs_src_path is not None:  # a hand-written page: its date from git
        page.meta["last_updated"] = page_updated(
            page.meta.get("git_revision_date_localized_raw_iso_date"),
            bool(page.meta.get("git_revision_date_localized_hash")),
            shallow=_state["history"].shallow,
            has_git=_state["history"].repository,
        )
    return markdown
