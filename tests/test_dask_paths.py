"""articlekit.dask.list_paths, which needs no dask: what one path, a list and bad items give."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from articlekit.dask import list_paths


@pytest.fixture
def pages(tmp_path: Path) -> Path:
    folder = tmp_path / "pages"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.html").write_text("<p>A</p>", encoding="utf-8")
    (folder / "sub" / "b.html").write_text("<p>B</p>", encoding="utf-8")
    (folder / ".hidden.html").write_text("<p>H</p>", encoding="utf-8")
    return folder


def test_a_lone_path_is_one_path_not_its_characters(pages: Path) -> None:
    # a str is iterable: read item by item, "/tmp/.../pages" listed "/" (the whole disk)
    expected = [str(pages / "a.html"), str(pages / "sub" / "b.html")]
    assert list_paths([pages]) == expected
    assert list_paths(str(pages)) == expected
    assert list_paths(pages) == expected
    assert list_paths(os.fsencode(pages)) == expected
    assert list_paths([os.fsencode(pages / "a.html")]) == [str(pages / "a.html")]


def test_globs_expand_and_missing_paths_stay_to_be_reported(pages: Path) -> None:
    assert list_paths(str(pages / "*.html")) == [str(pages / "a.html")]
    missing = str(pages / "nope.html")
    assert list_paths([missing]) == [missing]


@pytest.mark.parametrize("item", [None, 3, 2.5])
def test_an_item_that_is_no_path_is_named(item: object) -> None:
    with pytest.raises(TypeError, match=r"each path must be a str, bytes or os.PathLike, got "):
        list_paths([item])  # type: ignore[list-item]
