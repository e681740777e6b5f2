"""Options of the hardening plugin (`dvk-hardening` in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class HardeningConfig(Config):
    redirects = c.File(exists=True, default="data/redirects.yml")
    """Old address → new address of pages that moved (relative to mkdocs.yml); each old
    address gets a page that sends the reader on."""
    offline = c.Type(bool, default=True)
    """Write the service worker (sw.js) and the offline page: pages once opened work
    without a connection."""
