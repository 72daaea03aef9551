"""Plain-text articles: :func:`parse_text` turns a text dump into a Document.

See ``docs/text.md`` for the layouts it reads (the seed layout, lynx, w3m, html2text) and
how the rule chain in :mod:`articlekit.text.rules` works.
"""

from __future__ import annotations

from articlekit.text.parser import parse_text

__all__ = ["parse_text"]
