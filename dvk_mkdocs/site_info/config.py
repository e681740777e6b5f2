"""Options of the site-information plugin (`dvk-site-info` in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class SiteInfoConfig(Config):
    data_dir = c.Dir(exists=True, default="data")
    """site.yml (who runs the site) and plan.yml (who issued the plan, and when); relative
    to mkdocs.yml."""
    schemas_dir = c.Dir(exists=True, default="schemas")
    """The JSON Schemas of those files (read again at every build)."""
