"""The knowledge base: cited documents, glossary, guidance helpers and Word templates.

Same one-way flow as the tracker: load (YAML + JSON Schema) → model → render.
Nothing here imports MkDocs; hooks/knowledge.py adapts it.
"""
