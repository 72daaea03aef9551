"""The build: ``articlekit.compiled()`` and the opt-in compiled build of setup.py."""

from __future__ import annotations

import subprocess
import sys
import types
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

import articlekit
import articlekit.html.tree

ROOT = Path(__file__).resolve().parent.parent


def _module(name: str, file: str | None) -> types.ModuleType:
    module = types.ModuleType(name)
    if file is not None:
        module.__file__ = file
    return module


def test_compiled_says_which_build_runs() -> None:
    # the tree module is compiled in every compiled build (setup.py's COMPILED_MODULES)
    path = articlekit.html.tree.__file__
    assert path is not None
    assert articlekit.compiled() is path.endswith(tuple(EXTENSION_SUFFIXES))


@pytest.mark.parametrize(
    ("modules", "expected"),
    [
        # pure: Python files, a module without a file, and lxml's own extension
        (
            {
                "articlekit": _module("articlekit", "/x/articlekit/__init__.py"),
                "articlekit.html.tree": _module("articlekit.html.tree", "/x/tree.py"),
                "articlekit.virtual": _module("articlekit.virtual", None),
                "lxml.etree": _module("lxml.etree", "/x/lxml/etree" + EXTENSION_SUFFIXES[0]),
                "articlekit_plugin": _module("articlekit_plugin", "/x/p" + EXTENSION_SUFFIXES[0]),
            },
            False,
        ),
        # one compiled module is enough
        (
            {
                "articlekit": _module("articlekit", "/x/articlekit/__init__.py"),
                "articlekit.html.tree": _module(
                    "articlekit.html.tree", "/x/articlekit/html/tree" + EXTENSION_SUFFIXES[0]
                ),
            },
            True,
        ),
    ],
)
def test_compiled_looks_at_articlekit_modules_only(
    monkeypatch: pytest.MonkeyPatch, modules: dict[str, types.ModuleType], expected: bool
) -> None:
    for name in [n for n in sys.modules if n == "articlekit" or n.startswith("articlekit.")]:
        monkeypatch.delitem(sys.modules, name)
    for name, module in modules.items():
        monkeypatch.setitem(sys.modules, name, module)
    assert articlekit.compiled() is expected


def _setup_names() -> list[str]:
    namespace: dict[str, object] = {}
    source = (ROOT / "setup.py").read_text()
    start = source.index("COMPILED_MODULES = (")
    exec(source[start : source.index(")", start) + 1], namespace)
    names = namespace["COMPILED_MODULES"]
    assert isinstance(names, tuple)
    return list(names)


def test_setup_compiles_existing_modules() -> None:
    names = _setup_names()
    assert "html/tree.py" in names
    for name in names:
        assert (ROOT / "src" / "articlekit" / name).is_file(), name


def test_default_install_needs_no_mypyc() -> None:
    # without ARTICLEKIT_COMPILE=1, setup.py builds no extension and never imports mypyc
    code = (
        "import sys, runpy\n"
        "sys.modules['mypyc'] = None\n"  # any import of mypyc fails
        "sys.argv = ['setup.py', '--name']\n"
        "import setuptools\n"
        "captured = {}\n"
        "setuptools.setup = lambda **kw: captured.update(kw)\n"
        "runpy.run_path('setup.py', run_name='__main__')\n"
        "print(captured['ext_modules'])\n"
    )
    env = {"PATH": "/usr/bin:/bin", "ARTICLEKIT_COMPILE": "0"}
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "[]"


def test_benchmarks_name_the_build_they_measure(monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks import common

    monkeypatch.setattr(articlekit, "compiled", lambda: False)
    assert common.articlekit_build().startswith("articlekit build: pure Python, from ")
    monkeypatch.setattr(articlekit, "compiled", lambda: True)
    line = common.articlekit_build()
    assert line.startswith("articlekit build: compiled (mypyc), from ")
    assert line.endswith("articlekit")
