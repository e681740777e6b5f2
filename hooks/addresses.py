"""MkDocs adapter: pages that moved keep their old address (data/redirects.yml)."""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.site.addresses import read_redirects, write_redirects  # noqa: E402
from scripts.site.security import secure_page  # noqa: E402
from scripts.tracker.problems import DataError  # noqa: E402

_redirects: dict[str, str] = {}


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read the redirects before building, so that a bad edit stops the build at once."""
    try:
        redirects = read_redirects(Path(config.config_file_path).parent / "data" / "redirects.yml")
    except DataError as error:
        raise PluginError("\n".join(map(str, error.problems))) from None
    _redirects.clear()
    _redirects.update(redirects)
    return config


def on_post_build(config: MkDocsConfig) -> None:
    site_url = config.site_url or "/"
    for page in write_redirects(Path(config.site_dir), _redirects, site_url):
        page.write_text(secure_page(page.read_text(encoding="utf-8")), encoding="utf-8")
