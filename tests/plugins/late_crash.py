"""Stand-ins for the second process's work, to make it fail (imported by the child itself)."""

from __future__ import annotations

import os


def crash(*_: object) -> None:
    """Dies at once without a word, as when the system kills it (out of memory)."""
    os._exit(70)
