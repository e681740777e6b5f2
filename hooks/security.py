"""MkDocs adapter: every built page gets its Content-Security-Policy and safe new-tab links."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from scripts.site.security import secure_page  # noqa: E402


def on_post_page(output: str, **_: object) -> str:
    return secure_page(output)


def on_post_template(output_content: str, template_name: str, **_: object) -> str:
    """Static pages rendered from theme templates (the 404 page) get the same treatment."""
    if template_name.endswith(".html"):
        return secure_page(output_content)
    return output_content
