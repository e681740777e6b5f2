"""QR codes (SVG, segno) for the public addresses of the plan, the overview and each school.

Mask pattern fixed: segno otherwise tries all eight and keeps the best, which costs
about seven times as much (13 ms against 2 ms a code, seconds for a province's schools).
Any mask gives a valid code that every reader decodes (the tests decode them); the
error correction level M survives a crease or a stain on a printed notice.
"""

from __future__ import annotations

import io

import segno

MASK = 0


def qr_svg(url: str, *, title: str = "") -> bytes:
    """A scalable SVG (no fixed size: CSS sizes it), black on white, with a quiet zone."""
    code = segno.make(url, error="m", micro=False, mask=MASK, boost_error=False)
    out = io.BytesIO()
    code.save(
        out,
        kind="svg",
        scale=1,
        border=4,
        dark="#000",
        light="#fff",
        omitsize=True,
        xmldecl=False,
        svgns=True,
        title=title or None,
        desc=url,
        nl=False,
    )
    return out.getvalue()
