"""Who runs the site (data/site.yml): named in the footer, the A4 sheets, the feed, the calendar.

The plan is always presented as issued by its issuer (data/plan.yml); whoever runs the site
today is another matter, and nobody is named who has not been configured: with no name
set, the site names only itself (its `site_name`). The same setting serves the build and
the export command, so it is read here, in the core, not in a MkDocs hook.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.load.datafile import load_checked

ROOT = Path(__file__).resolve().parent.parent.parent
SITE_FILE = "site.yml"
SCHEMA = ROOT / "schemas" / "site.schema.json"
MKDOCS_FILE = ROOT / "mkdocs.yml"


@dataclass(frozen=True)
class Publisher:
    """Who runs the site. `configured` is False when data/site.yml names nobody."""

    name: str
    contact_url: str | None = None
    configured: bool = False

    @property
    def credit(self) -> str:
        """The footer's first line, as plain text."""
        if self.configured:
            return f"Trang do {self.name} vận hành."
        return self.name

    @property
    def maker(self) -> str:
        """Who made a file, in a sentence: "Lịch do {maker} lập."."""
        return self.name if self.configured else f"trang “{self.name}”"

    def credit_html(self) -> str:
        """The footer's first line as HTML, with the contact page linked when there is one."""
        text = html.escape(self.credit, quote=False)
        if self.contact_url:
            href = html.escape(self.contact_url)
            text += f' <a href="{href}" rel="noopener">Liên hệ</a>'
        return text


def load_publisher(data_dir: Path, site_name: str, schema: Path = SCHEMA) -> Publisher:
    """The publisher of data/site.yml, or the site itself when no name is set.

    A missing file names nobody, like an empty one. A file that is wrong raises
    KnowledgeDataError with the line and column of every problem.
    """
    path = data_dir / SITE_FILE
    raw: dict[str, Any] = {}
    if path.exists():
        raw = load_checked(path, schema, display=f"data/{SITE_FILE}") or {}
    given = raw.get("publisher") or {}
    name = given.get("name")
    if not name:
        return Publisher(name=site_name)
    return Publisher(name=name, contact_url=given.get("contact_url"), configured=True)


class _ConfigLoader(yaml.SafeLoader):
    """mkdocs.yml's own tags (!ENV, !relative) read as nothing: only plain keys are wanted."""


_ConfigLoader.add_multi_constructor("!", lambda loader, suffix, node: None)


def read_site_name(config_file: Path = MKDOCS_FILE) -> str:
    """`site_name` of mkdocs.yml, for the command line (the build gets it from MkDocs)."""
    with config_file.open(encoding="utf-8") as stream:
        config = yaml.load(stream, Loader=_ConfigLoader)
    return str(config["site_name"])


def unnamed() -> Publisher:
    """Nobody configured: the site names itself (for callers that were given no publisher)."""
    return Publisher(name=read_site_name())
