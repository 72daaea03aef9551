"""Build script. The default install is pure Python and needs nothing from here:
pyproject.toml describes the package.

With ``ARTICLEKIT_COMPILE=1`` in the environment the hot modules of the HTML pipeline
(``to_text(parse_html(...))``) are compiled to C extensions with mypyc (shipped with mypy;
needs a C compiler)::

    pip install mypy
    ARTICLEKIT_COMPILE=1 pip install --no-build-isolation .
    # or, in a checkout:
    ARTICLEKIT_COMPILE=1 python setup.py build_ext --inplace

The compiled build gives the same output as the pure one (docs/compiled.md);
``articlekit.compiled()`` says which one is running.
"""

from __future__ import annotations

import os

from setuptools import setup

#: The modules compiled, relative to src/articlekit. A module left out (the model, whose attrs
#: classes mypyc cannot build, the text parser, the CLI, ...) stays Python and works with the
#: compiled ones as before.
COMPILED_MODULES = (
    "_caseless.py",
    "_chars.py",
    "decode.py",
    "html/blocks.py",
    "html/metadata.py",
    "html/recommendations.py",
    "html/score.py",
    "html/tree.py",
    "html/vocab.py",
    "serialise/text.py",
)


def ext_modules() -> list[object]:
    """Return the mypyc extensions when ``ARTICLEKIT_COMPILE=1``, else none."""
    if os.environ.get("ARTICLEKIT_COMPILE", "") != "1":
        return []
    from mypyc.build import mypycify

    # (paths from the project directory, where pip and ``python setup.py`` run)
    paths = [os.path.join("src", "articlekit", *name.split("/")) for name in COMPILED_MODULES]
    return list(
        mypycify(
            ["--config-file", "pyproject.toml", *paths],
            opt_level="3",
            group_name="articlekit",
        )
    )


setup(ext_modules=ext_modules())
