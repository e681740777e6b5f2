"""Render: pure functions from the model to what a reader sees: Markdown, HTML and Word."""
