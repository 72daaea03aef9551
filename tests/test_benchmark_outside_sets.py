"""Tests of benchmarks/outside_sets.py, which builds the outside sets from benchmark copies.

Each test builds a tiny fake repository in ``tmp_path`` in the layout of the benchmark it
stands for (a few made-up pages, no real data, no network) and checks which pages the
builder keeps and what it writes.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from benchmarks import outside_sets as osets


def _truth(key: str, kind: str, text: str, url: str | None) -> dict[str, Any]:
    """Return a truth file of the WCEB / WCXB schema for one made-up page."""
    return {
        "schema_version": "2.0",
        "url": url,
        "file_id": key,
        "_internal": {"page_type": {"primary": kind}},
        "ground_truth": {"title": f"Page {key}", "main_content": text},
    }


def _write(root: Path, rel: str, data: bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


def _page(key: str) -> bytes:
    return gzip.compress(f"<html><body><p>page {key}</p></body></html>".encode(), mtime=0)


def _wceb(
    root: Path, pages: dict[str, tuple[str, str, str]], *, no_html: tuple[str, ...] = ()
) -> Path:
    """Write a fake WCEB: ``pages`` maps an id to (kind, text, url)."""
    for key, (kind, text, url) in pages.items():
        truth = json.dumps(_truth(key, kind, text, url)).encode()
        _write(root, f"benchmark/ground-truth/{key}.json", truth)
        if key not in no_html:
            _write(root, f"release/html/{key}.html.gz", _page(key))
    return root


def _sha_first(keys: list[str], n: int) -> list[str]:
    return sorted(keys, key=lambda k: hashlib.sha256(k.encode()).hexdigest())[:n]


def test_sha256_order_is_the_hex_digest_order() -> None:
    keys = [f"{i:04d}" for i in range(1, 30)]
    got = osets.sha256_order(keys)
    assert got == _sha_first(keys, len(keys))
    assert got != sorted(keys)  # not the ids' own order


def test_select_keeps_every_article_and_the_first_of_each_other_kind() -> None:
    items = [osets.Item(f"{i:04d}", None, "t", "article", "") for i in range(1, 8)]
    forum = [f"{i:04d}" for i in range(10, 30)]
    items += [osets.Item(key, None, "t", "forum", "") for key in forum]
    items += [osets.Item("0099", None, "t", "product", "")]
    chosen = osets.select(items, 5)
    keys = [item.key for item in chosen]
    assert keys == sorted(keys)
    assert {item.key for item in chosen if item.kind == "article"} == {
        f"{i:04d}" for i in range(1, 8)
    }
    assert {item.key for item in chosen if item.kind == "forum"} == set(_sha_first(forum, 5))
    assert [item.key for item in chosen if item.kind == "product"] == ["0099"]  # fewer than 5


def test_wceb_set(tmp_path: Path) -> None:
    pages = {
        f"{i:04d}": ("service", f"service text {i}", f"https://s.example/{i}") for i in range(1, 60)
    }
    pages["0100"] = ("article", "an article", "https://a.example/1")
    pages["0101"] = ("blog", "a blog post", "https://a.example/2")
    repo = _wceb(tmp_path / "wceb", pages, no_html=("0002",))
    out = tmp_path / "out"
    assert osets.main(["wceb", "--repo", str(repo), "--out", str(out)]) == 0
    truth = json.loads((out / "ground-truth.json").read_text())
    services = [k for k, (kind, _, _) in pages.items() if kind == "service" and k != "0002"]
    assert {k for k, v in truth.items() if v["subset"] == "service"} == set(
        _sha_first(services, 50)
    )
    assert truth["0101"] == {
        "articleBody": "a blog post",
        "url": "https://a.example/2",
        "subset": "article",
    }
    assert "0002" not in truth  # no saved page
    assert (out / "html" / "0100.html.gz").read_bytes() == (
        repo / "release/html/0100.html.gz"
    ).read_bytes()
    assert sorted(p.name[:4] for p in (out / "html").iterdir()) == sorted(truth)
    subsets = json.loads((out / "subsets.json").read_text())
    assert sorted(subsets["article"]) == ["0100", "0101"]
    assert json.loads((out / "build.json").read_text())["left out"] == {"no saved page": 1}


def _wcxb(root: Path) -> Path:
    """A fake WCXB: dev and test folders, a page in both, pages also in WCEB or aeb."""
    pages: dict[str, dict[str, tuple[str, str, str | None]]] = {
        "dev": {
            "0001": ("article", "kept article", "https://x.example/1"),
            "0002": ("article", "same url as a WCEB page", "https://w.example/1"),
            "0003": (
                "article",
                "  the  WCEB   text\nof a page " + "x" * 300,
                "https://x.example/3",
            ),
            "0004": ("article", "same url as an aeb page", "https://aeb.example/1"),
            "0005": ("forum", "", "https://x.example/5"),
            "0006": ("forum", "no url", None),
            "0007": ("article", "first copy", "https://x.example/7"),
            "0008": ("article", "the aeb text", "https://x.example/8"),
        },
        "test": {
            "0007": ("forum", "second copy", "https://x.example/7"),
            **{
                f"{i:04d}": ("listing", f"listing {i}", f"https://l.example/{i}")
                for i in range(10, 80)
            },
        },
    }
    for folder, group in pages.items():
        for key, (kind, text, url) in group.items():
            truth = json.dumps(_truth(key, kind, text, url)).encode()
            _write(root, f"{folder}/ground-truth/{key}.json", truth)
            _write(root, f"{folder}/html/{key}.html.gz", _page(f"{folder} {key}"))
    return root


def _aeb(root: Path) -> Path:
    truth = {
        "a1": {"articleBody": "an aeb article", "url": "https://aeb.example/1"},
        "a2": {"articleBody": "the aeb text", "url": "https://aeb.example/2"},
    }
    _write(root, "ground-truth.json", json.dumps(truth).encode())
    for key in truth:
        _write(root, f"html/{key}.html.gz", _page(key))
    return root


def test_wcxb_and_wcxb_articles_sets(tmp_path: Path) -> None:
    wceb = _wceb(
        tmp_path / "wceb",
        {
            "0001": ("article", "a WCEB page", "https://w.example/1"),
            # the same text as WCXB's 0003 but for white space and an added last line
            "0002": (
                "article",
                "the WCEB text of a page " + "x" * 300 + "\n\n4 Answers",
                "https://w.example/2",
            ),
        },
    )
    aeb = tmp_path / "aeb"
    assert osets.main(["aeb", "--repo", str(_aeb(tmp_path / "aeb-repo")), "--out", str(aeb)]) == 0
    assert sorted(json.loads((aeb / "ground-truth.json").read_text())) == ["a1", "a2"]
    wcxb_repo = _wcxb(tmp_path / "wcxb-repo")
    out = tmp_path / "wcxb"
    args = ["wcxb", "--repo", str(wcxb_repo), "--wceb-repo", str(wceb), "--aeb", str(aeb)]
    assert osets.main([*args, "--out", str(out)]) == 0
    truth = json.loads((out / "ground-truth.json").read_text())
    listings = [f"{i:04d}" for i in range(10, 80)]
    assert {k for k, v in truth.items() if v["subset"] == "listing"} == set(
        _sha_first(listings, 60)
    )
    assert {k for k, v in truth.items() if v["subset"] == "article"} == {"0001", "0007"}
    assert truth["0007"]["articleBody"] == "first copy"  # the dev folder's copy
    page = gzip.decompress((out / "html" / "0007.html.gz").read_bytes())
    assert b"dev 0007" in page
    left_out = json.loads((out / "build.json").read_text())["left out"]
    assert left_out == {"second copy": 1, "in WCEB or aeb": 4, "empty truth": 1, "no URL": 1}

    articles = tmp_path / "wcxb-articles"
    assert osets.main(["wcxb-articles", "--wcxb", str(out), "--out", str(articles)]) == 0
    sub = json.loads((articles / "ground-truth.json").read_text())
    assert sub == {k: v for k, v in truth.items() if v["subset"] == "article"}
    link = articles / "html" / "0001.html.gz"
    assert link.is_symlink() and link.resolve() == (out / "html" / "0001.html.gz").resolve()


@pytest.mark.skipif(shutil.which("git") is None, reason="needs git")
def test_a_git_directory_is_read_at_head(tmp_path: Path) -> None:
    work = _aeb(tmp_path / "work")
    env = ["-c", "user.name=t", "-c", "user.email=t@example.invalid"]
    subprocess.run(["git", "init", "-q", str(work)], check=True)
    subprocess.run(["git", "-C", str(work), "add", "."], check=True)
    subprocess.run(["git", "-C", str(work), *env, "commit", "-q", "-m", "x"], check=True)
    (work / "ground-truth.json").write_text("{}")  # not committed: HEAD is what counts
    repo = osets.Repo(work / ".git")
    assert repo.is_git_dir
    assert repo.names("html") == ["a1.html.gz", "a2.html.gz"]
    assert sorted(repo.read_json("ground-truth.json")) == ["a1", "a2"]
    got = repo.read_many(["html/a2.html.gz", "html/none.html.gz"])
    assert got["html/a2.html.gz"] == _page("a2")
    assert got["html/none.html.gz"] is None
    out = tmp_path / "out"
    osets.build_aeb(repo, out)
    assert json.loads((out / "build.json").read_text())["commit"] == repo.commit()
