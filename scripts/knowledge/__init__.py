"""The knowledge base: cited documents, glossary, guidance helpers and Word templates.

Same one-way flow as the tracker: load (YAML + JSON Schema) → model → render.
Nothing here imports MkDocs; the dvk-knowledge plugin (dvk_mkdocs/knowledge) adapts it.
"""
