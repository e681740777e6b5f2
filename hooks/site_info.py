"""MkDocs adapter: who runs the site, and the note about time on every page.

Thin on purpose: it reads data/site.yml and data/plan.yml through scripts/site and puts
what the theme shows into the config: the author and footer (site_author, copyright: the
configured publisher, never the plan's issuer), and the note about time and the plan's
credit line that overrides/main.html and overrides/partials/copyright.html show.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.site.plan_notes import plan_credit, time_note_html  # noqa: E402
from scripts.site.publisher import load_publisher  # noqa: E402
from scripts.tracker.load import load_plan  # noqa: E402
from scripts.tracker.problems import DataError  # noqa: E402


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data = Path(config.config_file_path).parent / "data"
    try:
        plan = load_plan(data / "plan.yml", "data/plan.yml")
        publisher = load_publisher(data, config.site_name)
    except DataError as error:
        raise PluginError("Dữ liệu chưa đúng:\n" + "\n".join(map(str, error.problems))) from None
    config.site_author = publisher.name
    config.copyright = publisher.credit_html()
    config.extra["site_info"] = {
        "time_note": time_note_html(plan.issuer, plan.date),
        "plan_credit": plan_credit(plan.issuer, plan.date),
        "publisher": {
            "name": publisher.name,
            "contact_url": publisher.contact_url,
            "configured": publisher.configured,
        },
    }
    return config
