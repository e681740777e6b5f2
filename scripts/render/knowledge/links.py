"""Relative links between source files, as MkDocs resolves Markdown links."""

from __future__ import annotations

import posixpath


def relative(from_src: str, to_src: str) -> str:
    """The Markdown link from the page `from_src` to the file `to_src` (both docs-relative)."""
    return posixpath.relpath(to_src, posixpath.dirname(from_src) or ".")
