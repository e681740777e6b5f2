"""A Content-Security-Policy that allows only the site's own scripts and styles.

GitHub Pages cannot send headers, so the policy goes in a <meta> tag. The theme puts a
few small inline scripts in every page; rather than allowing inline script in general,
each page's policy lists the SHA-256 hashes of exactly the inline code on that page.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)([^>]*)>(.*?)</script>", re.DOTALL | re.I)
_INLINE_STYLE = re.compile(r"<style[^>]*>(.*?)</style>", re.DOTALL | re.I)
# Case-sensitive on purpose: every page is written by MkDocs and the project's own code,
# which write attributes in lower case; case-insensitive matching costs 5× at scale.
_STYLE_ATTR = re.compile(r"""\sstyle=(?:"([^"]*)"|'([^']*)')""")
_SCRIPT_TYPE = re.compile(r"""\btype=["']?([^"'\s>]+)""", re.I)
_EXECUTABLE_TYPES = {"", "text/javascript", "application/javascript", "module"}
_CHARSET = re.compile(r"<meta charset=[^>]*>", re.I)
_BLANK_LINK = re.compile(r"<a\b[^>]*\btarget=[\"']_blank[\"'][^>]*>", re.I)
_REL = re.compile(r"""\brel=(["'])(.*?)\1""", re.I)


def _hash(code: str) -> str:
    digest = hashlib.sha256(code.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def policy_for(html: str) -> str:
    """The policy for one page: own origin only, plus the hashes of its inline code."""
    scripts = []
    for attrs, code in _INLINE_SCRIPT.findall(html):
        kind = _SCRIPT_TYPE.search(attrs)
        if (kind.group(1).lower() if kind else "") in _EXECUTABLE_TYPES:
            scripts.append(_hash(code))
    styles = [_hash(code) for code in _INLINE_STYLE.findall(html)]
    found = _STYLE_ATTR.findall(html) if "style=" in html else []
    attributes = sorted({_hash(a or b) for a, b in found})
    if attributes:
        styles += ["'unsafe-hashes'", *attributes]
    directives = {
        "default-src": ["'self'"],
        "script-src": ["'self'", *dict.fromkeys(scripts)],
        "style-src": ["'self'", *dict.fromkeys(styles)],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "worker-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
    }
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def add_content_security_policy(html: str) -> str:
    """Insert the page's policy right after <meta charset>, before any script runs."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    match = _CHARSET.search(html)
    if match is None:
        raise ValueError("page has no <meta charset>: cannot place the security policy")
    return html[: match.end()] + tag + html[match.end() :]


def _with_noopener(tag: str) -> str:
    rel = _REL.search(tag)
    if rel is None:
        return tag[:-1] + ' rel="noopener noreferrer">'
    values = rel.group(2).split()
    values += [v for v in ("noopener", "noreferrer") if v not in values]
    return tag[: rel.start()] + f'rel="{" ".join(values)}"' + tag[rel.end() :]


def add_noopener(html: str) -> str:
    """Links that open a new tab get rel="noopener": the new page cannot reach this one."""
    if "_blank" not in html:
        return html
    return _BLANK_LINK.sub(lambda m: _with_noopener(m.group(0)), html)


def secure_page(html: str) -> str:
    return add_content_security_policy(add_noopener(html))
