"""Type aliases for what callers may pass to the public API."""

from __future__ import annotations

import os
from typing import BinaryIO, Literal, Union

__all__ = ["InputFormat", "Source"]

#: Anything ``articlekit.parse`` accepts: text, raw bytes, a path, or a binary file object.
Source = Union[str, bytes, "os.PathLike[str]", BinaryIO]

#: The input formats the built-in parsers understand; ``None`` or ``"auto"`` sniffs.
InputFormat = Literal["auto", "html", "text"]
