"""Build the outside body-text sets of ``shingle_accuracy.py`` from copies of public benchmarks.

Run from the project root (any Python 3.10+; only the standard library and ``git`` are
used; nothing is downloaded: fetch or clone the repositories first)::

    python benchmarks/outside_sets.py aeb --repo AEB_REPO --out /work/aeb
    python benchmarks/outside_sets.py wceb --repo WCEB_REPO --out /work/wceb
    python benchmarks/outside_sets.py wcxb --repo WCXB_REPO --wceb-repo WCEB_REPO \\
        --aeb /work/aeb --out /work/wcxb
    python benchmarks/outside_sets.py wcxb-articles --wcxb /work/wcxb --out /work/wcxb-articles
    python benchmarks/outside_sets.py all --aeb-repo AEB_REPO --wceb-repo WCEB_REPO \\
        --wcxb-repo WCXB_REPO --root /work        # the four above, into /work/<name>

Each ``*_REPO`` is a checkout of the repository or its git directory (a bare clone or a
mirror: then ``HEAD`` is read with ``git``; files the mirror lacks, such as large result
files, are never needed). The sets, and the pages in them, stay outside this repository.

Every set is written in the layout ``shingle_accuracy.py`` reads: ``ground-truth.json``
maps a page id to ``{"articleBody", "url", "subset"}`` (``subset``: the page kind, for
``--by-subset``) and ``html/<id>.html.gz`` is the page as the benchmark saved it, byte for
byte. ``subsets.json`` maps each kind to its ids and ``build.json`` records the source
commit and what was left out and why. Score with ``--hash-ids`` for the three sets whose
ids are not hashes (``0001`` ...).

- ``aeb``: the article-extraction benchmark of Scrapinghub
  (``scrapinghub/article-extraction-benchmark``: ``ground-truth.json`` and
  ``html/<id>.html.gz``, 181 news and blog articles). Copied as it is.
- ``wceb``: the first release of the web content extraction benchmark of 2026
  (``tiptopjaw/web-content-extraction-benchmark``: ``benchmark/ground-truth/<id>.json``,
  truth in ``ground_truth.main_content``, the kind in ``_internal.page_type.primary``,
  pages in ``release/html/<id>.html.gz``; 1,000 pages, one without a saved page). Kept:
  every ``article`` page (``blog``, two pages, counts as ``article``) and 50 pages of each
  other kind, chosen by the sha256 of the page id (the kind's ids in the order of their
  sha256 hex digest, the first 50): 752 pages.
- ``wcxb``: WCXB v1.0, the later and larger release of that benchmark
  (``Murrough-Foley/web-content-extraction-benchmark``, CC-BY-4.0: ``dev/`` and ``test/``
  each with ``ground-truth/<id>.json`` and ``html/<id>.html.gz``; 2,008 pages of 7 kinds).
  Left out, in this order: the second copy of a page both folders hold (the ``test/``
  one), pages whose URL or truth text is also one of WCEB's (all 1,000 of its pages, not
  only the sampled ones) or aeb's, pages with an empty truth and pages without a URL. Two
  truth texts count as the same when their first 200 characters are, white space aside
  (one WCXB forum thread has the truth of a WCEB page plus an answer count, and the same
  saved page). Of the rest: every ``article`` page and up to 60 pages of each other kind,
  chosen by the sha256 of the page id as above: 840 pages (WCXB's own dev/test split is
  not used).
- ``wcxb-articles``: the ``article`` pages of a built ``wcxb`` set (510), its ``html/``
  files symbolic links to the set's: the input of ``text_render.py --shingle-corpus``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The kind every page of a set built from a one-kind benchmark has, and the kind all of
#: whose pages the multi-kind sets keep.
ARTICLE = "article"
#: WCEB kinds read as another kind (two ``blog`` pages; WCXB has no such kind).
KIND_ALIASES = {"blog": ARTICLE}
#: Pages taken of each kind other than ``article``.
WCEB_PER_KIND = 50
WCXB_PER_KIND = 60
#: WCXB's folders, in the order a page's first copy is taken from.
WCXB_FOLDERS = ("dev", "test")
#: Two truth texts are of the same page when their first this many characters (runs of
#: white space read as one space) are the same.
SAME_OPENING = 200


# --------------------------------------------------------------------------- reading a repository


class Repo:
    """Read files of a checkout, or of ``HEAD`` of a git directory (bare clone or mirror)."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.is_git_dir = (path / "HEAD").is_file() and (path / "objects").is_dir()
        if not self.is_git_dir and not path.is_dir():
            raise SystemExit(f"{path}: no such directory")

    def _git(self, *args: str, data: bytes | None = None) -> bytes:
        return subprocess.run(
            ["git", f"--git-dir={self.path}", *args],
            input=data,
            capture_output=True,
            check=True,
        ).stdout

    def commit(self) -> str | None:
        """Return the commit read (``HEAD``); ``None`` for a folder that is no git repository."""
        try:
            if self.is_git_dir:
                return self._git("rev-parse", "HEAD").decode().strip()
            out = subprocess.run(
                ["git", "-C", str(self.path), "rev-parse", "HEAD"],
                capture_output=True,
                check=True,
            ).stdout
            return out.decode().strip()
        except (OSError, subprocess.CalledProcessError):
            return None

    def names(self, folder: str) -> list[str]:
        """Return the sorted names of the files directly in *folder* (relative to the root)."""
        if self.is_git_dir:
            out = self._git("ls-tree", "--name-only", "HEAD", folder.rstrip("/") + "/")
            return sorted(line.rsplit("/", 1)[-1] for line in out.decode().splitlines() if line)
        where = self.path / folder
        return sorted(p.name for p in where.iterdir() if p.is_file()) if where.is_dir() else []

    def read_many(self, paths: Sequence[str]) -> dict[str, bytes | None]:
        """Return the bytes of each of *paths*, ``None`` for one that is absent."""
        if not self.is_git_dir:
            found: dict[str, bytes | None] = {}
            for rel in paths:
                file = self.path / rel
                found[rel] = file.read_bytes() if file.is_file() else None
            return found
        request = "".join(f"HEAD:{rel}\n" for rel in paths).encode()
        out = self._git("cat-file", "--batch", data=request)
        result: dict[str, bytes | None] = {}
        pos = 0
        for rel in paths:
            end = out.index(b"\n", pos)
            header = out[pos:end].split()
            pos = end + 1
            if len(header) == 3 and header[1] == b"blob":
                size = int(header[2])
                result[rel] = out[pos : pos + size]
                pos += size + 1
            else:  # "<name> missing", or an object that is no file
                result[rel] = None
        return result

    def read_json(self, rel: str) -> Any:
        """Return the parsed JSON file *rel*."""
        data = self.read_many([rel])[rel]
        if data is None:
            raise SystemExit(f"{self.path}: no {rel}")
        return json.loads(data)


# --------------------------------------------------------------------------- selection


@dataclass(frozen=True)
class Item:
    """One page of a benchmark: its id, truth, kind and where its saved page is."""

    key: str
    url: str | None
    body: str
    kind: str
    html: str  # path of the saved page inside the repository


def sha256_order(keys: Iterable[str]) -> list[str]:
    """Return *keys* in the order of the sha256 hex digest of each (UTF-8)."""
    return sorted(keys, key=lambda key: hashlib.sha256(key.encode("utf-8")).hexdigest())


def select(items: Iterable[Item], per_kind: int) -> list[Item]:
    """Keep every ``article`` item and the first *per_kind* of each other kind in sha256
    order of their ids; return them sorted by id."""
    by_kind: dict[str, dict[str, Item]] = {}
    for item in items:
        by_kind.setdefault(item.kind, {})[item.key] = item
    chosen: list[Item] = []
    for kind, group in by_kind.items():
        keys = list(group) if kind == ARTICLE else sha256_order(group)[:per_kind]
        chosen.extend(group[key] for key in keys)
    return sorted(chosen, key=lambda item: item.key)


def page_kind(truth: Mapping[str, Any]) -> str:
    """Return the kind a WCEB / WCXB truth file gives its page (``_internal.page_type``)."""
    internal = truth.get("_internal") or {}
    kind = str((internal.get("page_type") or {}).get("primary") or "")
    return KIND_ALIASES.get(kind, kind)


def truth_text(truth: Mapping[str, Any]) -> str:
    """Return the main-content truth of a WCEB / WCXB truth file ('' when it has none)."""
    return str((truth.get("ground_truth") or {}).get("main_content") or "")


def text_key(text: str) -> str:
    """Return what two truth texts of the same page share: the opening ``SAME_OPENING``
    characters of the text with each run of white space read as one space."""
    return " ".join(text.split())[:SAME_OPENING]


def wceb_items(repo: Repo) -> tuple[list[Item], list[str]]:
    """Return WCEB's pages that have a saved page, and the ids of those that have none."""
    keys = [name[: -len(".json")] for name in repo.names("benchmark/ground-truth")]
    keys = [key for key in keys if key]
    truths = repo.read_many([f"benchmark/ground-truth/{key}.json" for key in keys])
    pages = set(repo.names("release/html"))
    items: list[Item] = []
    no_page: list[str] = []
    for key in keys:
        data = truths[f"benchmark/ground-truth/{key}.json"]
        if data is None:
            continue
        truth = json.loads(data)
        if f"{key}.html.gz" not in pages:
            no_page.append(key)
            continue
        items.append(
            Item(
                key,
                truth.get("url"),
                truth_text(truth),
                page_kind(truth),
                f"release/html/{key}.html.gz",
            )
        )
    return items, no_page


def known_pages(wceb: Repo, aeb: Path | None) -> tuple[set[str], set[str]]:
    """Return the URLs and the truth texts' ``text_key`` of every WCEB page (all of its
    truth files) and of every page of the aeb set at *aeb* (a built set or a checkout)."""
    urls: set[str] = set()
    texts: set[str] = set()
    names = wceb.names("benchmark/ground-truth")
    if not names:
        raise SystemExit(f"{wceb.path}: no benchmark/ground-truth/ (is it WCEB?)")
    truths = wceb.read_many([f"benchmark/ground-truth/{name}" for name in names])
    for data in truths.values():
        if data is not None:
            truth = json.loads(data)
            if truth.get("url"):
                urls.add(truth["url"])
            if truth_text(truth).strip():
                texts.add(text_key(truth_text(truth)))
    if aeb is not None:
        items = json.loads((aeb / "ground-truth.json").read_text(encoding="utf-8"))
        for item in items.values():
            if item.get("url"):
                urls.add(item["url"])
            if (item.get("articleBody") or "").strip():
                texts.add(text_key(item["articleBody"]))
    return urls, texts


def wcxb_items(
    repo: Repo, known_urls: set[str], known_texts: set[str]
) -> tuple[list[Item], Counter[str]]:
    """Return WCXB's pages that may be chosen and the count of those left out, by reason."""
    left_out: Counter[str] = Counter()
    seen: set[str] = set()
    items: list[Item] = []
    for folder in WCXB_FOLDERS:
        names = repo.names(f"{folder}/ground-truth")
        truths = repo.read_many([f"{folder}/ground-truth/{name}" for name in names])
        for name in names:
            key = name[: -len(".json")]
            data = truths[f"{folder}/ground-truth/{name}"]
            if data is None or not name.endswith(".json"):
                continue
            if key in seen:
                left_out["second copy"] += 1
                continue
            seen.add(key)
            truth = json.loads(data)
            url, body = truth.get("url"), truth_text(truth)
            if url in known_urls or (body.strip() and text_key(body) in known_texts):
                left_out["in WCEB or aeb"] += 1
            elif not body.strip():
                left_out["empty truth"] += 1
            elif not url:
                left_out["no URL"] += 1
            else:
                items.append(Item(key, url, body, page_kind(truth), f"{folder}/html/{key}.html.gz"))
    return items, left_out


# --------------------------------------------------------------------------- writing a set


def write_set(
    out: Path,
    chosen: Sequence[Item],
    pages: Mapping[str, bytes | Path],
    *,
    info: Mapping[str, Any],
) -> None:
    """Write *chosen* to *out*: ``html/<id>.html.gz`` (bytes, or a symbolic link to a path),
    ``ground-truth.json``, ``subsets.json`` and ``build.json``."""
    html = out / "html"
    if html.exists():
        shutil.rmtree(html)
    html.mkdir(parents=True)
    for item in chosen:
        page = pages[item.key]
        target = html / f"{item.key}.html.gz"
        if isinstance(page, Path):
            target.symlink_to(page)
        else:
            target.write_bytes(page)
    truth = {
        item.key: {"articleBody": item.body, "url": item.url, "subset": item.kind}
        for item in chosen
    }
    subsets: dict[str, list[str]] = {}
    for item in chosen:
        subsets.setdefault(item.kind, []).append(item.key)
    kinds = {kind: len(keys) for kind, keys in sorted(subsets.items())}
    dump = {**info, "pages": len(chosen), "kinds": kinds}
    (out / "subsets.json").write_text(
        json.dumps(subsets, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    (out / "build.json").write_text(json.dumps(dump, indent=1) + "\n", encoding="utf-8")
    (out / "ground-truth.json").write_text(
        json.dumps(truth, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"{out}: {len(chosen)} pages {kinds}")


def read_pages(repo: Repo, chosen: Sequence[Item]) -> dict[str, bytes | Path]:
    """Return the saved page of each of *chosen*; stop when one is absent."""
    data = repo.read_many([item.html for item in chosen])
    pages: dict[str, bytes | Path] = {}
    for item in chosen:
        page = data[item.html]
        if page is None:
            raise SystemExit(f"{repo.path}: no {item.html}")
        pages[item.key] = page
    return pages


def build_aeb(repo: Repo, out: Path) -> None:
    """Copy the article-extraction benchmark (all of its pages) into *out*."""
    truth = repo.read_json("ground-truth.json")
    chosen = [
        Item(key, item.get("url"), item.get("articleBody") or "", ARTICLE, f"html/{key}.html.gz")
        for key, item in sorted(truth.items())
    ]
    write_set(out, chosen, read_pages(repo, chosen), info={"set": "aeb", "commit": repo.commit()})


def build_wceb(repo: Repo, out: Path) -> None:
    """Build the WCEB set (every article, 50 pages of each other kind) into *out*."""
    items, no_page = wceb_items(repo)
    if not items:
        raise SystemExit(f"{repo.path}: no benchmark/ground-truth/*.json with a release/html page")
    chosen = select(items, WCEB_PER_KIND)
    info = {"set": "wceb", "commit": repo.commit(), "left out": {"no saved page": len(no_page)}}
    write_set(out, chosen, read_pages(repo, chosen), info=info)


def build_wcxb(repo: Repo, wceb: Repo, aeb: Path | None, out: Path) -> None:
    """Build the WCXB set (every article, up to 60 pages of each other kind) into *out*."""
    urls, texts = known_pages(wceb, aeb)
    items, left_out = wcxb_items(repo, urls, texts)
    if not items:
        raise SystemExit(f"{repo.path}: no dev/ or test/ ground-truth/*.json left (is it WCXB?)")
    chosen = select(items, WCXB_PER_KIND)
    print(f"{repo.path}: left out {dict(left_out)}; {len(items)} pages to choose from")
    info = {
        "set": "wcxb",
        "commit": repo.commit(),
        "wceb commit": wceb.commit(),
        "left out": dict(left_out),
    }
    write_set(out, chosen, read_pages(repo, chosen), info=info)


def build_articles(wcxb: Path, out: Path) -> None:
    """Write the ``article`` pages of the built set *wcxb* into *out*, pages linked."""
    truth = json.loads((wcxb / "ground-truth.json").read_text(encoding="utf-8"))
    chosen = [
        Item(key, item.get("url"), item.get("articleBody") or "", ARTICLE, f"html/{key}.html.gz")
        for key, item in sorted(truth.items())
        if item.get("subset") == ARTICLE
    ]
    pages: dict[str, bytes | Path] = {item.key: (wcxb / item.html).resolve() for item in chosen}
    write_set(out, chosen, pages, info={"set": "wcxb-articles", "from": str(wcxb.resolve())})


# --------------------------------------------------------------------------- command line


def main(argv: Sequence[str] | None = None) -> int:
    """Build the set the command names; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    sub = parser.add_subparsers(dest="command", required=True)
    aeb = sub.add_parser("aeb", help="copy the article-extraction benchmark")
    aeb.add_argument("--repo", type=Path, required=True)
    aeb.add_argument("--out", type=Path, required=True)
    wceb = sub.add_parser("wceb", help="752 pages of WCEB")
    wceb.add_argument("--repo", type=Path, required=True)
    wceb.add_argument("--out", type=Path, required=True)
    wcxb = sub.add_parser("wcxb", help="840 pages of WCXB v1.0")
    wcxb.add_argument("--repo", type=Path, required=True)
    wcxb.add_argument(
        "--wceb-repo", type=Path, required=True, help="WCEB, whose pages are left out"
    )
    wcxb.add_argument(
        "--aeb", type=Path, help="a built aeb set (or checkout), whose pages are left out"
    )
    wcxb.add_argument("--out", type=Path, required=True)
    articles = sub.add_parser("wcxb-articles", help="the article pages of a built wcxb set")
    articles.add_argument("--wcxb", type=Path, required=True)
    articles.add_argument("--out", type=Path, required=True)
    every = sub.add_parser("all", help="the four sets, into ROOT/aeb, ROOT/wceb, ...")
    every.add_argument("--aeb-repo", type=Path, required=True)
    every.add_argument("--wceb-repo", type=Path, required=True)
    every.add_argument("--wcxb-repo", type=Path, required=True)
    every.add_argument("--root", type=Path, required=True)
    args = parser.parse_args(argv)

    if args.command == "aeb":
        build_aeb(Repo(args.repo), args.out)
    elif args.command == "wceb":
        build_wceb(Repo(args.repo), args.out)
    elif args.command == "wcxb":
        build_wcxb(Repo(args.repo), Repo(args.wceb_repo), args.aeb, args.out)
    elif args.command == "wcxb-articles":
        build_articles(args.wcxb, args.out)
    else:
        root: Path = args.root
        build_aeb(Repo(args.aeb_repo), root / "aeb")
        build_wceb(Repo(args.wceb_repo), root / "wceb")
        build_wcxb(Repo(args.wcxb_repo), Repo(args.wceb_repo), root / "aeb", root / "wcxb")
        build_articles(root / "wcxb", root / "wcxb-articles")
    return 0


if __name__ == "__main__":
    sys.exit(main())
