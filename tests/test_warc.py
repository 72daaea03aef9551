"""Tests for WARC input: which records come out, with what URL, charset and body."""

from __future__ import annotations

import gzip
import io
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

pytest.importorskip("warcio", reason="the 'warc' extra (warcio) is not installed")

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from articlekit import ArticleKitError, UnsupportedInputError
from articlekit.warc import is_warc_path, iter_warc

Page = tuple[str, bytes, str, int]  # url, body, Content-Type, HTTP status


def html_page(n: int) -> bytes:
    return (
        f"<html><head><title>Page {n}</title></head><body><article><h1>Page {n}</h1>"
        f"<p>Paragraph number {n} of a generated article, long enough to be content.</p>"
        "</article></body></html>"
    ).encode()


def write_warc(path: Path, pages: Sequence[Page], *, compress: bool = True) -> Path:
    """Write ``pages`` as WARC response records (plus a request record before each)."""
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=compress)
        for url, body, content_type, status in pages:
            request = writer.create_warc_record(
                url,
                "request",
                payload=io.BytesIO(b""),
                http_headers=StatusAndHeaders(
                    "GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True
                ),
            )
            writer.write_record(request)
            headers = StatusAndHeaders(
                f"{status} X", [("Content-Type", content_type)], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
    return path


def generated_warc(path: Path, count: int, *, compress: bool = True) -> Path:
    """Write ``count`` HTML pages, plus an image, a 404 and a redirect that must be skipped."""
    pages: list[Page] = [
        (f"https://example.org/news/{n}.html", html_page(n), "text/html; charset=utf-8", 200)
        for n in range(count)
    ]
    pages.insert(1, ("https://example.org/logo.png", b"\x89PNG\r\n", "image/png", 200))
    pages.insert(2, ("https://example.org/gone", b"<html>gone</html>", "text/html", 404))
    pages.insert(3, ("https://example.org/moved", b"", "text/html", 301))
    return write_warc(path, pages, compress=compress)


@pytest.mark.parametrize("compress", [True, False])
def test_yields_only_successful_html_responses(tmp_path: Path, compress: bool) -> None:
    name = "crawl.warc.gz" if compress else "crawl.warc"
    path = generated_warc(tmp_path / name, 5, compress=compress)
    records = list(iter_warc(path))
    assert [r.url for r in records] == [f"https://example.org/news/{n}.html" for n in range(5)]
    assert all(r.charset == "utf-8" for r in records)
    assert records[0].data == html_page(0)
    assert all(r.record_id.startswith("<urn:uuid:") for r in records)
    assert len({r.record_id for r in records}) == 5


def test_record_unpacks_as_url_bytes_charset_id(tmp_path: Path) -> None:
    body = "<p>caf\u00e9</p>".encode("latin-1")
    path = write_warc(
        tmp_path / "a.warc.gz",
        [("http://x.test/a", body, "application/xhtml+xml; charset=ISO-8859-1", 200)],
    )
    url, data, charset, record_id = next(iter_warc(path))
    assert (url, data, charset) == ("http://x.test/a", body, "ISO-8859-1")
    assert record_id


def test_content_encoding_is_undone(tmp_path: Path) -> None:
    body = gzip.compress(html_page(1))
    path = tmp_path / "enc.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        headers = StatusAndHeaders(
            "200 OK",
            [("Content-Type", "text/html"), ("Content-Encoding", "gzip")],
            protocol="HTTP/1.1",
        )
        writer.write_record(
            writer.create_warc_record(
                "http://x.test/", "response", payload=io.BytesIO(body), http_headers=headers
            )
        )
    (record,) = list(iter_warc(path))
    assert record.data == html_page(1)
    assert record.charset is None


def _middle_of_record(path: Path, number: int) -> int:
    """Return the file offset halfway through the ``number``-th record."""
    with path.open("rb") as stream:
        iterator = ArchiveIterator(stream)
        for index, _record in enumerate(iterator):
            if index == number:
                offset: int = iterator.get_record_offset() + iterator.get_record_length() // 2
                return offset
    raise AssertionError(f"no record {number}")


# (garbage inside an uncompressed record would read as its content: not a detectable case)
@pytest.mark.parametrize(
    ("compress", "garbage"), [(True, b""), (False, b""), (True, b"\x00garbage\xff" * 50)]
)
def test_damaged_archive_names_the_file(tmp_path: Path, compress: bool, garbage: bytes) -> None:
    path = generated_warc(tmp_path / "cut.warc.gz", 20, compress=compress)
    data = path.read_bytes()
    cut = _middle_of_record(path, 21)  # a response record (each follows its request)
    path.write_bytes(data[:cut] + garbage)
    seen: list[str] = []
    with pytest.raises(UnsupportedInputError, match=r"cut\.warc\.gz: (truncated|not a|damaged)"):
        for record in iter_warc(path):
            seen.append(record.url)
    assert 0 < len(seen) < 20  # the records before the damage came through


def test_garbage_after_a_complete_archive(tmp_path: Path) -> None:
    path = generated_warc(tmp_path / "tail.warc.gz", 3)
    path.write_bytes(path.read_bytes() + b"trailing junk" * 20)
    with pytest.raises(UnsupportedInputError, match=r"tail\.warc\.gz"):
        list(iter_warc(path))


def test_not_a_warc_at_all(tmp_path: Path) -> None:
    path = tmp_path / "fake.warc"
    path.write_text("this is just text, not an archive\n")
    with pytest.raises(UnsupportedInputError, match=r"fake\.warc: not a WARC file"):
        list(iter_warc(path))


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UnsupportedInputError, match="cannot open WARC file"):
        list(iter_warc(tmp_path / "none.warc.gz"))


def test_missing_extra_is_named(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "warcio.archiveiterator", None)
    with pytest.raises(ArticleKitError, match=r"'warc' extra: pip install 'articlekit\[warc\]'"):
        list(iter_warc(tmp_path / "x.warc.gz"))


@pytest.mark.parametrize(
    ("name", "expected"),
    [("a.warc", True), ("a.WARC.GZ", True), ("a.warc.gz", True), ("a.gz", False), ("warc", False)],
)
def test_is_warc_path(name: str, expected: bool) -> None:
    assert is_warc_path(name) is expected


@pytest.mark.parametrize("compress", [True, False])
def test_record_without_content_length_is_damage_not_the_end(
    tmp_path: Path, compress: bool
) -> None:
    # Bytes after a cut can decompress into something warcio reads as a record without a
    # Content-Length, which it then reads to the end of the file: the records after the
    # damage would be lost without a word (seen about once in 1,500 random cuts).
    name = "good.warc.gz" if compress else "good.warc"
    good = generated_warc(tmp_path / name, 2, compress=compress).read_bytes()
    headless = (
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\n"
        b"WARC-Target-URI: https://example.org/x\r\n\r\n"
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>rest of the file</p>"
    )
    path = tmp_path / ("bad.warc.gz" if compress else "bad.warc")
    # (a gzipped WARC holds one gzip member per record)
    path.write_bytes(good + (gzip.compress(headless) if compress else headless))
    with pytest.raises(
        UnsupportedInputError,
        match=r"bad\.warc(\.gz)?: damaged WARC file: record \d+ has no Content-Length",
    ):
        list(iter_warc(path))
