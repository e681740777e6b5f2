"""The hardening plugin, over scripts/site (hardening, search index).

- the "edit this page" link only when the repository is known (REPO_URL in mkdocs.yml);
  a local build has none, and the link would point nowhere;
- search that finds Vietnamese with or without diacritics: the search language that loads
  the folding (docs/assets/javascripts/lunr/min/lunr.vi.min.js) is checked, words on either
  side of a line break are kept apart, and the index is written as plain UTF-8;
- checklist boxes named by their item's text, and the search dialog named, for screen
  readers;
- pages that moved keep their old address (data/redirects.yml): a page there sends the
  reader on;
- the project's own scripts and styles served without their comments;
- the service worker (sw.js at the site root) and the offline page;
- last, every page's Content-Security-Policy and safe new-tab links;
- first of all, no symbolic link in the project folder (scripts/site/symlinks.py): a link
  could publish a file from outside the repository.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from scripts.site.addresses import read_redirects, write_redirects
from scripts.site.checklists import name_checkboxes
from scripts.site.comments import own_files, strip_comments
from scripts.site.offline import WORKER_NAME, write_offline_files
from scripts.site.search_box import name_search_dialog
from scripts.site.search_index import compact_index, search_language_problem, separate_line_breaks
from scripts.site.security import secure_page
from scripts.site.symlinks import find_symlinks, symlink_message

from ..errors import stop_on_data_error
from .config import HardeningConfig


class HardeningPlugin(BasePlugin[HardeningConfig]):
    def __init__(self) -> None:
        self._redirects: dict[str, str] = {}

    # Before every other plugin reads anything (the status board reads data/ on_config).
    @event_priority(100)
    def _refuse_symlinks(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        links = find_symlinks(root, skip=[Path(config.site_dir)])
        docs = Path(config.docs_dir)
        if not docs.resolve().is_relative_to(root.resolve()):
            links += [f"{docs.name}/{p}" for p in find_symlinks(docs)]
        if links:
            raise PluginError(symlink_message(root, links))
        return config

    def _configure(self, config: MkDocsConfig) -> MkDocsConfig:
        if not config.repo_url:
            config.edit_uri = None
        search = config.plugins.get("material/search")
        if search is not None:
            problem = search_language_problem(search.config.lang)
            if problem:
                raise PluginError(problem)
        # Read before building, so that a bad edit stops the build at once.
        with stop_on_data_error():
            self._redirects = read_redirects(Path(self.config.redirects))
        return config

    on_config = CombinedEvent(_refuse_symlinks, _configure)

    # After the status board has put its finished tables back (-50): they are covered too.
    @event_priority(-75)
    def on_page_content(self, html: str, **_: object) -> str:
        html = separate_line_breaks(html)
        return name_checkboxes(html) if "task-list-item" in html else html

    # Last: the policy hashes the page's scripts and styles as finally written.
    @event_priority(-100)
    def on_post_page(self, output: str, **_: object) -> str:
        return secure_page(name_search_dialog(output))

    # Last, as on_post_page: pages from theme templates (the 404 page) are secured too.
    @event_priority(-100)
    def on_post_template(self, output_content: str, template_name: str, **_: object) -> str:
        if template_name.endswith(".html"):
            return secure_page(name_search_dialog(output_content))
        return output_content

    # After Material's search has written its index (on_post_build, default priority).
    @event_priority(-50)
    def on_post_build(self, config: MkDocsConfig) -> None:
        site_dir = Path(config.site_dir)
        index = site_dir / "search" / "search_index.json"
        if index.is_file():
            index.write_text(compact_index(index.read_text(encoding="utf-8")), encoding="utf-8")
        for page in write_redirects(site_dir, self._redirects, config.site_url or "/"):
            page.write_text(secure_page(page.read_text(encoding="utf-8")), encoding="utf-8")
        # The project's own scripts and styles are served without their comments.
        strip_comments(own_files(site_dir))
        if self.config.offline:
            # After every build (mkdocs serve included): the version follows the built assets.
            info = config.extra.get("site_info") or {}  # dvk-site-info: the note about time
            write_offline_files(site_dir, config.site_name, secure_page, info.get("time_note", ""))
            strip_comments([site_dir / WORKER_NAME])
