"""Input limits and non-page inputs: size limit, gzip decompression, binary file kinds."""

from __future__ import annotations

import gzip
import io
import json
import subprocess
from pathlib import Path

import pytest

import articlekit
from articlekit.limits import MAX_INPUT_BYTES, binary_kind, gunzip_bounded
from tests.test_cli import invoke

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "examples" / "seed-article.txt").read_bytes()


def test_gzip_input_is_decompressed() -> None:
    assert articlekit.parse(gzip.compress(SEED)) == articlekit.parse(SEED)


def test_gzip_bomb_is_refused_within_the_limit() -> None:
    bomb = gzip.compress(b"<p>" + b"a" * 5_000_000)
    with pytest.raises(articlekit.UnsupportedInputError, match="expands past"):
        articlekit.parse(bomb, max_bytes=1_000_000)


def test_corrupt_gzip_is_a_clear_error() -> None:
    with pytest.raises(articlekit.UnsupportedInputError, match="cannot be decompressed"):
        gunzip_bounded(b"\x1f\x8b\x08\x00garbage", "x.gz")


def test_gzip_cut_short_is_an_error_not_the_part_before_the_cut() -> None:
    # a download stopped half-way gave the article's first part as if it were all of it
    whole = gzip.compress(SEED)
    with pytest.raises(articlekit.UnsupportedInputError) as caught:
        articlekit.parse(whole[: len(whole) // 2])
    assert "cannot be decompressed (truncated or corrupt: the stream stops after" in str(
        caught.value
    )
    with pytest.raises(articlekit.UnsupportedInputError, match="truncated"):
        gunzip_bounded(whole[:-4], "x.gz")  # the length field missing: the end unchecked


def test_every_member_of_a_multi_member_gzip_is_read() -> None:
    # `cat a.gz b.gz` is one gzip file: only the first member was read, the rest lost
    half = len(SEED) // 2
    joined = gzip.compress(SEED[:half]) + gzip.compress(SEED[half:])
    assert gunzip_bounded(joined, "x.gz") == SEED
    assert gunzip_bounded(gzip.compress(SEED) + b"\0" * 512, "x.gz") == SEED  # padding
    with pytest.raises(articlekit.UnsupportedInputError, match="expands past"):
        gunzip_bounded(joined, "x.gz", max_bytes=len(SEED) - 1)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (b"%PDF-1.7\n...", "PDF"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
        (b"\xff\xd8\xff\xe0JFIF", "JPEG"),
        (b"PK\x03\x04\x14\x00", "ZIP"),
    ],
)
def test_binary_kinds_are_named(data: bytes, kind: str) -> None:
    assert kind in (binary_kind(data) or "")
    with pytest.raises(articlekit.UnsupportedInputError, match=kind):
        articlekit.parse(data + b"<html><body><p>text</p></body></html>")


@pytest.mark.parametrize("limit", [-1, -2, 1.5, True, "100"])
def test_a_limit_that_is_no_byte_count_is_a_value_error(limit: object, tmp_path: Path) -> None:
    # -1 refused every input as "too large ... the limit is -1"; below it, a stream was
    # read whole (read(-2)) before being refused
    page = tmp_path / "page.html"
    page.write_bytes(SEED)
    for source in (SEED, SEED.decode(), page, io.BytesIO(SEED)):
        with pytest.raises(ValueError, match=r"max_bytes must be a whole number of bytes >= 0"):
            articlekit.parse(source, max_bytes=limit)  # type: ignore[arg-type]
    with pytest.raises(articlekit.UnsupportedInputError, match="limit is 0"):
        articlekit.parse(SEED, max_bytes=0)


def test_size_limit_names_the_limit() -> None:
    assert MAX_INPUT_BYTES == 64 * 1024 * 1024
    with pytest.raises(articlekit.UnsupportedInputError, match=r"too large.*limit is 100"):
        articlekit.parse(SEED, max_bytes=100)
    with pytest.raises(articlekit.UnsupportedInputError, match="characters"):
        articlekit.parse(SEED.decode(), max_bytes=100)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the ``articlekit`` command with ``args``, in this process (see ``invoke``)."""
    return invoke(args)


def test_cli_chunks_writes_one_json_line_per_chunk() -> None:
    out = _cli(
        "convert",
        str(ROOT / "examples" / "seed-article.txt"),
        "-f",
        "chunks",
        "--max-chars",
        "1200",
        "--no-progress",
        "-o",
        "-",
    )
    assert out.returncode == 0, out.stderr
    chunks = [json.loads(line) for line in out.stdout.splitlines()]
    assert len(chunks) >= 5
    assert [c["index"] for c in chunks] == list(range(len(chunks)))
    assert all(c["title"] == chunks[0]["title"] for c in chunks)
    assert any(c["heading_path"] == ["What You Will Learn"] for c in chunks)


def test_cli_max_bytes_fails_the_input(tmp_path: Path) -> None:
    out = _cli(
        "convert",
        str(ROOT / "examples" / "seed-article.txt"),
        "--max-bytes",
        "100",
        "--no-progress",
        "-o",
        str(tmp_path),
    )
    assert out.returncode == 1
    assert "too large" in out.stderr
    assert list(tmp_path.iterdir()) == []


def test_cli_overlap_must_be_smaller_than_chunk() -> None:
    out = _cli("convert", "x.txt", "-f", "chunks", "--max-chars", "10", "--overlap", "10")
    assert out.returncode == 2
    assert "--overlap" in out.stderr


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_decoded_not_refused_as_binary(encoding: str) -> None:
    page = (
        "<html><body><article><h1>Zürich</h1><p>Ein langer Absatz über Zürich, mit Kommas, "
        "und vielen Wörtern, damit er als Inhalt zählt.</p></article></body></html>"
    )
    doc = articlekit.parse(page.encode(encoding))
    assert doc.title == "Zürich"
    assert "Ein langer Absatz über Zürich" in articlekit.to_text(doc)


def test_a_file_past_the_limit_is_refused_by_its_size_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a stray 20 GB file in a directory being converted was read whole, then refused: the
    # batch ran out of memory before it could report it
    page = tmp_path / "big.html"
    page.write_bytes(b"<p>" + b"word " * 2000 + b"</p>")

    def read_whole(self: Path) -> bytes:
        raise AssertionError(f"{self} read whole")

    monkeypatch.setattr(Path, "read_bytes", read_whole)
    with pytest.raises(articlekit.UnsupportedInputError, match=r"too large \(10,007 bytes"):
        articlekit.parse(page, max_bytes=1000)
    assert "word word" in articlekit.to_text(articlekit.parse(page, max_bytes=20000))
    results = dict(articlekit.convert_many([page]))
    assert isinstance(results[str(page)], articlekit.Document)


def test_a_stream_is_read_no_further_than_the_limit() -> None:
    stream = io.BytesIO(b"<p>" + b"word " * 200_000 + b"</p>")
    with pytest.raises(articlekit.UnsupportedInputError, match="more than the limit of 1,000"):
        articlekit.parse(stream, max_bytes=1000)
    assert stream.tell() == 1001


def test_cli_standard_input_is_read_no_further_than_the_limit() -> None:
    done = invoke(["convert", "-", "--max-bytes", "1000", "-o", "-"], stdin=b"a" * 5000)
    assert done.returncode == 1
    assert "<stdin>: input is too large (more than the limit of 1,000 bytes" in done.stderr


def test_convert_many_refuses_a_url_that_is_no_string(tmp_path: Path) -> None:
    with pytest.raises(TypeError, match=r"^convert_many\(\) expects url as a str or None"):
        list(articlekit.convert_many([tmp_path], url=5))  # type: ignore[arg-type]
