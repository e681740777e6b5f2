"""The site's own scripts and styles as served: without their comments.

The project's JavaScript and CSS (docs/assets/, the service worker) explain themselves at
length in comments; a reader's phone need not download them. After the build, each file
loses the comments that stand on lines of their own (block comments from a line's start,
and lines that hold only a // comment) and its blank lines. Comments after code on the
same line are left: only whole lines are removed, so no string or regular expression that
happens to contain "/*" or "//" is ever cut. The indentation at the start of each line goes
too (it means nothing to a browser), except in a file with a backtick, where a template
string may span lines. Material's files (*.min.js, *.min.css) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

_BLOCK = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n", re.DOTALL | re.MULTILINE)
_LINE = re.compile(r"^[ \t]*//[^\n]*\n", re.MULTILINE)
_BLANK = re.compile(r"\n[ \t]*(?=\n)")
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def without_comments(text: str, *, line_comments: bool) -> str:
    """text without its whole-line comments and blank lines."""
    text = _BLOCK.sub("", text if text.endswith("\n") else text + "\n")
    if line_comments:
        text = _LINE.sub("", text)
    text = _BLANK.sub("", text).lstrip("\n")
    return text if "`" in text else _INDENT.sub("", text)


def own_files(site_dir: Path) -> Iterable[Path]:
    """The site's own scripts and styles: under assets/, not Material's minified bundles."""
    for pattern in ("assets/**/*.js", "assets/**/*.css"):
        for path in site_dir.glob(pattern):
            if ".min." not in path.name:
                yield path


def strip_comments(paths: Iterable[Path]) -> int:
    """Rewrite each file without its comments; return the bytes saved."""
    saved = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        lean = without_comments(text, line_comments=path.suffix == ".js")
        if lean != text:
            path.write_text(lean, encoding="utf-8")
            saved += len(text.encode("utf-8")) - len(lean.encode("utf-8"))
    return saved
