"""Small helpers for writing Markdown that carries text from the data safely."""

from __future__ import annotations

# HTML's own characters and Markdown's punctuation, each to a numeric character reference.
_ENTITIES = {ord(c): f"&#{ord(c)};" for c in "&<>\"'\\`*_[]{}()#+!|~"}


def escape(text: str) -> str:
    """Text from the data, shown as text: HTML-escaped, Markdown punctuation neutralised.

    Escaping to HTML entities (rather than backslashes) works the same inside tables,
    links and lists, and the browser shows the original characters.
    """
    # One pass: replacing characters one after another would escape the "#" of "&#40;".
    return text.translate(_ENTITIES)
