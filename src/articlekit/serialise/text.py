"""Plain text (temporary: being written)."""

from __future__ import annotations

from articlekit.model import Document


def to_text(doc: Document) -> str:
    return doc.plain_text()
