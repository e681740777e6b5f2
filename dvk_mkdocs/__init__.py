"""The project's MkDocs plugins: the thin adapter between MkDocs and the core in scripts/.

One package per capability, shaped like Material for MkDocs' own plugins
(`material/plugins/<name>/`: a `plugin.py` with the plugin, a `config.py` with its typed
options):

- `status_board`: the data (loaded and validated once per build), the status pages,
  downloads, QR codes, the git history of each school, recent changes and their feed;
- `knowledge`: cited documents, glossary tooltips, calendar, Word templates, heading anchors;
- `hardening`: the edit link, search checks, accessible checklists, published addresses
  and redirects, the offline service worker, and last the security policy of every page.

They are registered as entry points of the project (pyproject.toml) and named in
mkdocs.yml under `plugins:`. Nothing in scripts/ imports MkDocs or this package.
The package's name is the project's (Dân vận khéo) and the framework it adapts to, so it
can neither collide with another distribution's top-level package nor be mistaken for core.
"""
