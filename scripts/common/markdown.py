"""Small helpers for writing Markdown that carries text from the data safely."""

from __future__ import annotations

_ENTITIES = str.maketrans(
    {
        "&": "&amp;",
        '"': "&quot;",
        "'": "&#x27;",
        **{char: f"&#{ord(char)};" for char in "\\`*_[]{}()#+!|~<>"},
    }
)


def escape(text: str) -> str:
    """Text from the data, shown as text: HTML-escaped, Markdown punctuation neutralised.

    Escaping to HTML entities (rather than backslashes) works the same inside tables,
    links and lists, and the browser shows the original characters. One pass over the
    text, so that the "#" of an entity already written is never escaped again.
    """
    return text.translate(_ENTITIES)
