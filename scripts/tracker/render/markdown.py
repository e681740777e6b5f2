"""Small helpers for writing Markdown that carries text from the data safely."""

from __future__ import annotations

import html


def escape(text: str) -> str:
    """Text from the data, shown as text: HTML-escaped, Markdown punctuation neutralised.

    Escaping to HTML entities (rather than backslashes) works the same inside tables,
    links and lists, and the browser shows the original characters.
    """
    escaped = html.escape(text, quote=True)
    for char in "\\`*_[]{}()#+!|~<>":
        escaped = escaped.replace(char, f"&#{ord(char)};")
    return escaped
