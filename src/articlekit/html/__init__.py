"""HTML parser (temporary: being written)."""

from __future__ import annotations

from typing import Any

from articlekit.model import Document


def parse_html(html: Any, *, url: str | None = None, encoding: str | None = None) -> Document:
    raise NotImplementedError
