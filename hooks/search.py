"""MkDocs adapter for search that finds Vietnamese with or without diacritics.

The folding itself runs in the browser (docs/assets/javascripts/lunr/min/lunr.vi.min.js);
this hook checks the search language that loads it, keeps words on either side of a line
break apart in the index, and writes the index in UTF-8. The logic lives in
scripts.tracker.search_index.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.tracker.search_index import (  # noqa: E402
    compact_index,
    search_language_problem,
    separate_line_breaks,
)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    search = config.plugins.get("material/search")
    if search is not None:
        problem = search_language_problem(search.config.lang)
        if problem:
            raise PluginError(problem)
    return config


def on_page_content(html: str, **_: object) -> str:
    return separate_line_breaks(html)


def on_post_build(config: MkDocsConfig, **_: object) -> None:
    # Hooks run after the plugins listed in mkdocs.yml: the search plugin has written it.
    index = Path(config.site_dir) / "search" / "search_index.json"
    if index.is_file():
        index.write_text(compact_index(index.read_text(encoding="utf-8")), encoding="utf-8")
