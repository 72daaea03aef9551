"""YAML metadata headers on top of a text article (text/header.py)."""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

import articlekit
from articlekit.model import Heading, Paragraph, plain_text
from articlekit.text import parse_text
from articlekit.text.header import read_header

BODY = (
    "The harbour town grew around its fishing fleet in the nineteenth century, and its old\n"
    "warehouses now hold a museum, a market hall and a dozen small workshops.\n\n"
    "## Winter\n\n"
    "Visitors arrive by ferry in summer; in winter the road over the pass is often closed\n"
    "for days, and the town keeps to itself until the spring thaw opens it again.\n"
)

HEADER = """---
title: "Harbourtown: a year by the sea"
author: Ada Berg
date: "2024-03-05"
updated: 2024-03-07T10:15:00+01:00
sitename: The Coast Weekly
description: >
  A fishing town, its museum
  and its winters.
tags: [travel, 'sea, coast', towns]
categories:
  - Europe
lang: en
url: https://coast.example/harbourtown
image: https://coast.example/img/harbour.jpg
fingerprint: "5f2d281d7a232abc"
---
"""


def test_a_header_is_metadata_and_no_text() -> None:
    doc = parse_text(HEADER + BODY)
    assert doc.title == "Harbourtown: a year by the sea"
    meta = doc.metadata
    assert meta.authors == ("Ada Berg",)
    assert meta.published == "2024-03-05"
    assert meta.modified == "2024-03-07T10:15:00+01:00"
    assert meta.site_name == "The Coast Weekly"
    assert meta.description == "A fishing town, its museum and its winters."
    assert meta.tags == ("travel", "sea", "coast", "towns")
    assert meta.language == "en"
    assert meta.canonical_url == "https://coast.example/harbourtown"
    assert meta.image == "https://coast.example/img/harbour.jpg"
    assert meta.source_of("title") == "header" and meta.source_of("authors") == "header"
    text = articlekit.to_text(doc)
    assert "fingerprint" not in text and "sitename" not in text and "---" not in text
    assert isinstance(doc.blocks[0], Paragraph)
    assert plain_text(doc.blocks[0]).startswith("The harbour town")
    assert any(isinstance(b, Heading) and plain_text(b) == "Winter" for b in doc.blocks)


def test_block_lists_of_authors_and_a_body_title_copy() -> None:
    text = "---\ntitle: Harbourtown\nauthors:\n  - Ada Berg\n  - Bo Lind\n---\n\n# Harbourtown\n\n"
    doc = parse_text(text + BODY)
    assert doc.title == "Harbourtown"
    assert doc.metadata.authors == ("Ada Berg", "Bo Lind")
    # the title repeated as the body's first heading is not kept twice
    assert not any(isinstance(b, Heading) and plain_text(b) == "Harbourtown" for b in doc.blocks)


def test_what_is_no_header_stays_text() -> None:
    # a rule over a heading underlined by "---": "Harbourtown" is no field
    setext = "---\nHarbourtown\n---\n\n" + BODY
    assert read_header(setext) == (None, setext)
    assert parse_text(setext).title == "Harbourtown"  # read as before: the heading
    # not on the first line, or never closed: no header
    late = "\n---\ntitle: x\n---\n" + BODY
    assert read_header(late) == (None, late)
    unclosed = "---\ntitle: x\n" + BODY
    assert read_header(unclosed)[0] is None
    assert read_header("--- \n---\n" + BODY)[0] is None  # nothing between the lines


def test_line_numbers_stay_and_crlf_and_bom_are_read() -> None:
    source = "\ufeff" + HEADER.replace("\n", "\r\n") + BODY
    header, rest = read_header(source)
    assert header is not None and header.title == "Harbourtown: a year by the sea"
    assert rest.count("\n") == source.count("\n")
    assert rest.strip().startswith("The harbour town")


def test_a_header_of_only_unknown_fields_gives_no_metadata() -> None:
    doc = parse_text("---\nlayout: post\ncomments: true\n---\n" + BODY)
    assert doc.metadata.authors == () and doc.metadata.site_name is None
    assert "layout" not in articlekit.to_text(doc)


def test_a_labelled_line_between_rules_is_text() -> None:
    # no key of a header: an article's own note between two rules stays its text
    text = "---\nNote: this story was updated with the mayor's reply.\n---\n\n" + BODY
    assert read_header(text) == (None, text)
    assert "the mayor's reply" in articlekit.to_text(parse_text(text))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.sampled_from(["---", "...", "title: a", "- x", "  y", "k:", "[", "", "z"]), max_size=12
    ),
    st.text(max_size=40),
)
def test_random_headers_never_fail(lines: list[str], tail: str) -> None:
    text = "\n".join(lines) + "\n" + tail
    header, rest = read_header(text)
    assert rest.count("\n") == text.count("\n") or header is None
    if text.strip():
        with contextlib.suppress(articlekit.ArticleKitError):
            parse_text(text)


def test_a_reader_services_labelled_header() -> None:
    # "Title:", "URL Source:", "Published Time:" lines over "Markdown Content:"
    head = (
        "Title: Harbourtown: a year by the sea\n\nURL Source: https://coast.example/h\n\n"
        "Published Time: 2024-03-05T08:00:00Z\n\nMarkdown Content:\n"
    )
    doc = parse_text(head + BODY)
    assert doc.title == "Harbourtown: a year by the sea"
    assert doc.metadata.canonical_url == "https://coast.example/h"
    assert doc.metadata.published == "2024-03-05T08:00:00Z"
    assert "URL Source" not in articlekit.to_text(doc)
    # a text that opens with "Title:" but holds no such header stays as it was
    plain = "Title: notes on the harbour\nThe town grew around its fleet.\n\n" + BODY
    assert read_header(plain) == (None, plain)
