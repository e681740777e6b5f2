"""Link every mention of a cited document and explain every abbreviation, in rendered HTML.

Only text is touched: tags, attributes, comments and scripts pass through byte for byte,
so the words a reader sees stay exactly the same (the plan page's fidelity test relies on it).
Nothing is linked inside headings, existing links, code or the page of the document itself;
abbreviations get an <abbr title> everywhere except headings, code and existing <abbr>.
"""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass

from scripts.load.documents import CitedDocument
from scripts.load.glossary import Glossary

_VOID = frozenset(
    [
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    ]
)
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_RAW = frozenset({"script", "style"})
_NO_TOUCH = _RAW | {"code", "pre", "kbd", "samp", "textarea", "svg", "title", "button"}
NO_LINK = _NO_TOUCH | _HEADINGS | {"a", "abbr"}
NO_ABBR = _NO_TOUCH | _HEADINGS | {"abbr"}


@dataclass(frozen=True)
class Annotator:
    """Compiled rules for one build: which text becomes a link or an abbreviation."""

    doc_pattern: re.Pattern[str] | None
    doc_groups: Mapping[str, CitedDocument]
    abbr_pattern: re.Pattern[str] | None
    glossary: Glossary | None
    numbers: tuple[str, ...] = ()
    """Text that every mention by number contains."""
    names: tuple[str, ...] = ()
    """Documents cited by name, casefolded: matched in any case."""
    terms: tuple[str, ...] = ()
    """The glossary's terms, as they must appear."""

    def _may_cite(self, text: str) -> bool:
        if any(number in text for number in self.numbers):
            return True
        lowered = text.casefold()
        return any(name in lowered for name in self.names)

    @classmethod
    def build(cls, documents: tuple[CitedDocument, ...], glossary: Glossary | None) -> Annotator:
        groups = {f"d{i}": doc for i, doc in enumerate(documents)}
        doc_pattern = (
            re.compile("|".join(f"(?P<{g}>{d.mention_pattern()})" for g, d in groups.items()))
            if groups
            else None
        )
        abbr_pattern = (
            re.compile(glossary.pattern()) if glossary and glossary.abbreviations else None
        )
        numbers = tuple(d.number for d in documents if d.number)
        names = tuple(n.casefold() for d in documents if not d.number for n in d.mentions)
        terms = tuple(a.term for a in glossary.abbreviations) if abbr_pattern and glossary else ()
        return cls(doc_pattern, groups, abbr_pattern, glossary, numbers, names, terms)

    def may_change(self, text: str) -> bool:
        """A cheap test on the raw HTML: is there anything to do at all?

        Plain substring tests for what every match must contain (a document's number or
        name, a glossary term): a regular expression with look-behinds and optional
        prefixes would try every position of a large page, at province scale thousands of
        times per build.
        """
        visible = html.unescape(_TAGS.sub(" ", text))
        return self._may_cite(visible) or bool(
            self.abbr_pattern
            and any(term in visible for term in self.terms)
            and self.abbr_pattern.search(visible)
        )

    def may_change_text(self, text: str) -> bool:
        """The plain substring test on one text node, already unescaped."""
        return self._may_cite(text) or any(term in text for term in self.terms)

    def _abbr(self, text: str) -> str:
        if not self.abbr_pattern or not self.glossary or not any(t in text for t in self.terms):
            return html.escape(text, quote=False)
        out, last = [], 0
        for match in self.abbr_pattern.finditer(text):
            item = self.glossary.lookup(match.group(0))
            out.append(html.escape(text[last : match.start()], quote=False))
            out.append(
                f'<abbr title="{html.escape(item.tooltip)}" tabindex="0">'
                f"{html.escape(match.group(0), quote=False)}</abbr>"
            )
            last = match.end()
        out.append(html.escape(text[last:], quote=False))
        return "".join(out)

    def text(
        self, text: str, *, link: bool, abbr: bool, hrefs: Mapping[str, str], skip: str | None
    ) -> str:
        """One text node as HTML: mentions linked (if allowed), abbreviations explained."""
        plain = self._abbr if abbr else (lambda t: html.escape(t, quote=False))
        if not link or not self.doc_pattern or not self._may_cite(text):
            return plain(text)
        out, last = [], 0
        for match in self.doc_pattern.finditer(text):
            doc = self.doc_groups[match.lastgroup or ""]
            href = hrefs.get(doc.id)
            if doc.id == skip or href is None:
                continue
            out.append(plain(text[last : match.start()]))
            out.append(
                f'<a class="doc-ref" href="{html.escape(href)}" '
                f'title="{html.escape(doc.link_title)}">'
                f"{plain(match.group(0))}</a>"
            )
            last = match.end()
        out.append(plain(text[last:]))
        return "".join(out)


_TAG = r"<(?:[^\"'>]++|\"[^\"]*+\"|'[^']*+')*+>"
"""A tag, up to the ">" that ends it: one inside a quoted attribute value does not."""
_TAGS = re.compile(_TAG)
_TOKEN = re.compile(rf"<!--.*?-->|<![^>]*>|<\?[^>]*>|{_TAG}|[^<]+|<", re.DOTALL)
_TAG_NAME = re.compile(r"</?\s*([a-zA-Z][a-zA-Z0-9-]*)")


def _rewrite(content: str, annotator: Annotator, hrefs: Mapping[str, str], skip: str | None) -> str:
    """Tags, comments and raw script/style pass through byte for byte; text is annotated.

    A small tokenizer rather than html.parser: it runs on every page of the site, and at
    province scale (thousands of school pages) the standard parser was most of the cost.
    """
    out: list[str] = []
    stack: list[str] = []
    position = 0
    while position < len(content):
        match = _TOKEN.match(content, position)
        assert match is not None  # the last alternative always matches
        token = match.group(0)
        position = match.end()
        if not token.startswith("<") or token == "<":
            open_tags = set(stack)
            text = html.unescape(token)
            if (open_tags & _NO_TOUCH) or not annotator.may_change_text(text):
                out.append(token)
            else:
                out.append(
                    annotator.text(
                        text,
                        link=not open_tags & NO_LINK,
                        abbr=not open_tags & NO_ABBR,
                        hrefs=hrefs,
                        skip=skip,
                    )
                )
            continue
        out.append(token)
        name_match = _TAG_NAME.match(token)
        if name_match is None:
            continue  # comment, declaration or processing instruction
        name = name_match.group(1).lower()
        if token.startswith("</"):
            if name in stack:
                while stack and stack.pop() != name:
                    pass
        elif name in _RAW:
            close = re.compile(rf"</{name}\s*>", re.IGNORECASE).search(content, position)
            end = close.end() if close else len(content)
            out.append(content[position:end])  # script or style: passed through untouched
            position = end
        elif name not in _VOID and not token.endswith("/>"):
            stack.append(name)
    return "".join(out)


def annotate(
    content: str, annotator: Annotator, hrefs: Mapping[str, str], skip: str | None = None
) -> str:
    """Rewrite a page's HTML: link document mentions to hrefs[doc.id], explain abbreviations.

    `hrefs` maps a document id to the URL of its page, relative to the page being rewritten;
    `skip` is the id of the document whose own page this is (its mentions stay plain).
    """
    if not annotator.may_change(content):
        return content
    return _rewrite(content, annotator, hrefs, skip)
