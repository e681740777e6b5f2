"""Options of the knowledge base plugin (`dvk-knowledge` in mkdocs.yml)."""

from __future__ import annotations

from mkdocs.config import config_options as c
from mkdocs.config.base import Config


class KnowledgeConfig(Config):
    data_dir = c.Dir(exists=True, default="data")
    """plan.yml, documents.yml, glossary.yml, templates.yml and the plan's text; relative to
    mkdocs.yml."""
    schemas_dir = c.Dir(exists=True, default="schemas")
    """The JSON Schemas of those files (read again at every build)."""
    plan_text = c.Type(str, default="ke-hoach-dan-van-2022.txt")
    """The plan's original text, in data_dir: the glossary page lists the terms it uses."""
