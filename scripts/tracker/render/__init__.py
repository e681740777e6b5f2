"""Renderers: pure functions from the model to Markdown, HTML or file bytes."""
