"""JSON (temporary: being written)."""

from __future__ import annotations

from articlekit.model import Document

SCHEMA_ID = "articlekit/1"


def to_json(doc: Document, *, indent: int | None = None) -> str:
    raise NotImplementedError


def from_json(data: str | bytes) -> Document:
    raise NotImplementedError
