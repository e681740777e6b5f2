"""Link pages to the repository only when we know where it is.

The publishing workflow sets REPO_URL (mkdocs.yml reads it). A local build has no
public repository: then the "edit this page" link is dropped instead of pointing nowhere.
"""

from __future__ import annotations

from mkdocs.config.defaults import MkDocsConfig


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not config.repo_url:
        config.edit_uri = None
    return config
