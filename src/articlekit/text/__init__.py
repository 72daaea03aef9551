"""Plain-text parser (temporary: being written)."""

from __future__ import annotations

from articlekit.model import Document


def parse_text(text: str, *, url: str | None = None) -> Document:
    raise NotImplementedError
