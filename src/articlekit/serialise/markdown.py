"""Markdown (temporary: being written)."""

from __future__ import annotations

from articlekit.model import Document


def to_markdown(doc: Document, *, front_matter: bool = False) -> str:
    raise NotImplementedError
