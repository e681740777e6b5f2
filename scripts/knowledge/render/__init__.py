"""Renderers for the knowledge base: pure functions from the model to Markdown, HTML or bytes."""
