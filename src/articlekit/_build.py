"""Which build of articlekit is running: pure Python, or with modules compiled by mypyc."""

from __future__ import annotations

import sys
from importlib.machinery import EXTENSION_SUFFIXES


def compiled() -> bool:
    """Return True when some of articlekit's modules run compiled (a build made with
    ``ARTICLEKIT_COMPILE=1``, docs/compiled.md), False for the pure
    Python build.

    A compiled module is a C extension: its file ends with an extension suffix
    (``.cpython-311-x86_64-linux-gnu.so``, ``.pyd``, ...) instead of ``.py``. The modules
    compiled are all imported by ``import articlekit``, so looking at those imported is enough.
    """
    for name, module in list(sys.modules.items()):
        if name != "articlekit" and not name.startswith("articlekit."):
            continue
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(tuple(EXTENSION_SUFFIXES)):
            return True
    return False
