"""The site-information plugin: who runs the site, and the note about time.

- on_config: `site_author` and the footer (`copyright`) name whoever data/site.yml says
  runs the site, never the office that issued the plan (it no longer exists); the note
  about time, the plan's credit line and the publisher go into `config.extra["site_info"]`
  for the theme (overrides/main.html, overrides/partials/copyright.html) and for the
  offline page (dvk-hardening).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority

from scripts.load.plan import load_plan
from scripts.load.publisher import load_publisher
from scripts.render.plan_notes import plan_credit, time_note_html

from ..errors import stop_on_data_error
from .config import SiteInfoConfig

SITE_INFO = "site_info"
"""The key of `config.extra` that the theme and dvk-hardening read."""


class SiteInfoPlugin(BasePlugin[SiteInfoConfig]):
    # First: the other plugins and the theme read what it puts into the config.
    @event_priority(100)
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        data = Path(self.config.data_dir)
        schemas = Path(self.config.schemas_dir)
        with stop_on_data_error():
            plan = load_plan(data / "plan.yml", "data/plan.yml", schema_dir=schemas)
            publisher = load_publisher(data, config.site_name, schemas / "site.schema.json")
        config.site_author = publisher.name
        config.copyright = publisher.credit_html()
        config.extra[SITE_INFO] = {
            "time_note": time_note_html(plan.issuer, plan.date),
            "plan_credit": plan_credit(plan.issuer, plan.date),
            "publisher": {
                "name": publisher.name,
                "contact_url": publisher.contact_url,
                "configured": publisher.configured,
            },
        }
        return config
