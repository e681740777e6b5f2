"""Blocks of finished HTML (tables of thousands of rows) that skip Markdown.

The core marks them (RAW_START … RAW_END); Markdown would only pass them through, after
parsing them at length. Each is swapped for a placeholder paragraph before Markdown and put
back into the page's HTML after it.
"""

from __future__ import annotations

from scripts.render.board.common import RAW_END, RAW_START


def _token(src: str, i: int) -> str:
    """A paragraph no data can produce (data text never reaches a page unescaped)."""
    return f"TRACKERRAWHTML{i}X{abs(hash(src))}"


class RawBlocks:
    """The blocks held back from Markdown, by page, during one build."""

    def __init__(self) -> None:
        self._held: dict[str, list[str]] = {}

    def reset(self) -> None:
        self._held.clear()

    def hold(self, src: str, markdown: str) -> str:
        """The Markdown with each block replaced by its placeholder."""
        if RAW_START not in markdown:
            return markdown
        blocks: list[str] = []
        parts = markdown.split(RAW_START)
        out = [parts[0]]
        for part in parts[1:]:
            block, _sep, rest = part.partition(RAW_END)
            out.append(f"\n\n{_token(src, len(blocks))}\n\n{rest}")
            blocks.append(block)
        self._held[src] = blocks
        return "".join(out)

    def restore(self, src: str, html: str) -> str:
        """The page's HTML with its blocks back; ValueError if a placeholder was lost."""
        blocks = self._held.pop(src, None)
        if not blocks:
            return html
        for i, block in enumerate(blocks):
            token = f"<p>{_token(src, i)}</p>"
            if token not in html:
                raise ValueError(f"{src}: khối HTML {i} bị mất khi dựng trang")
            html = html.replace(token, block, 1)
        return html
