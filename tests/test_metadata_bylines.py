"""Byline defects of kinds found on the dev halves of the outside sets (WCXB, WCEB).

Each fixture is a few lines written here; each test fails without its rule.
"""

from __future__ import annotations

import lxml.html
import pytest

from articlekit.html.metadata import byline_names, extract_metadata, normalize_authors
from articlekit.model import Metadata


def extract(head: str = "", body: str = "") -> Metadata:
    root = lxml.html.document_fromstring(
        f"<!DOCTYPE html><html><head>{head}</head><body>{body}<p>x</p></body></html>"
    )
    return extract_metadata(root)[1]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a handle run into the name, no domain after it
        ("by April Glaser@aprilaser Dec 15, 2016", ("April Glaser",)),
        ("By Ann Lee@annlee", ("Ann Lee",)),
        # an e-mail address after the name still goes with its local part
        ("By Ann Lee ann.lee@example.org", ("Ann Lee",)),
    ],
)
def test_a_handle_run_into_the_name_goes(line: str, expected: tuple[str, ...]) -> None:
    assert byline_names(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("May 18, 2023 By Sara Harberson In", ("Sara Harberson",)),
        ("By Ann Lee in", ("Ann Lee",)),
        ("Par Jean Dupont dans Société", ("Jean Dupont",)),
        ("Par Jean Dupont Dans Politique", ("Jean Dupont",)),
        ("Por João Silva Em Notícias", ("João Silva",)),
        ("By Ann Lee and Bo Chen In", ("Ann Lee", "Bo Chen")),
        # a capitalised "In" opens a name, or is a link of its own
        ("By In Gyo-jin", ("In Gyo-jin",)),
        ("Sign In", ()),
    ],
)
def test_a_categorys_preposition_after_the_name_goes(line: str, expected: tuple[str, ...]) -> None:
    assert byline_names(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ann Lee, Master Horticulturalist", ("Ann Lee",)),
        ("Paul Frew, Home and Digital Security Expert", ("Paul Frew",)),
        ("Ann Lee, Contributing Editor", ("Ann Lee",)),
        ("Ann Lee Senior Reporter", ()),
        ("Ann Lee Redattrice", ()),
        ("Ann Lee Korrespondentin", ()),
        ("Ann Lee Dziennikarka", ()),
    ],
)
def test_job_titles_are_no_names(line: str, expected: tuple[str, ...]) -> None:
    assert byline_names(line) == expected


def test_a_declared_author_loses_its_job_titles() -> None:
    value = "Nicole Forbes, Master Horticulturalist & Garden Educator"
    assert normalize_authors([value]) == ("Nicole Forbes",)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "Daniel Burstein, Senior Director, Content & Marketing, Sherpa and Meclabs Institute",
            ("Daniel Burstein",),
        ),
        # co-authors after a title are still read
        ("Ann Lee, Senior Reporter, and Bo Chen, Staff Writer", ("Ann Lee", "Bo Chen")),
        ("Ann Lee, Staff Writer and Bo Chen, Contributor", ("Ann Lee", "Bo Chen")),
        ("Ann Lee, Bo Chen, Cy Dee", ("Ann Lee", "Bo Chen", "Cy Dee")),
    ],
)
def test_a_job_title_after_the_name_ends_the_byline(line: str, expected: tuple[str, ...]) -> None:
    assert normalize_authors([line], visible=True) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        # a category's link run into the name: the name after it
        ("Website ToolsNataly Birch", ("Nataly Birch",)),
        ("Website ToolsNataly Birch and Andrian Valeanu", ("Nataly Birch", "Andrian Valeanu")),
        # a join inside the first word, or no name of two words after it: as written
        ("KellyAnne Conway", ("KellyAnne Conway",)),
        ("Ann Lee ToolsNataly", ("Ann Lee ToolsNataly",)),
        ("By Jeff VanderMeer", ("Jeff VanderMeer",)),
        ("By Ann McDonald", ("Ann McDonald",)),
        ("By Ann MacKenzie", ("Ann MacKenzie",)),
        ("By StarredSkies", ("StarredSkies",)),  # one word: an account's name
    ],
)
def test_a_label_run_into_the_name_goes(line: str, expected: tuple[str, ...]) -> None:
    assert byline_names(line) == expected


@pytest.mark.parametrize("text", ["The Author", "Sign In", "Log In", "My account"])
def test_an_author_boxs_heading_and_account_links_are_no_names(text: str) -> None:
    meta = extract(body=f'<div class="author">{text}</div><div class="author">Ann Lee</div>')
    assert meta.authors == ("Ann Lee",)


def test_an_author_boxs_archive_link_names_the_author() -> None:
    meta = extract(body='<p class="author_links"><a>View all posts by Ray Ansari</a></p>')
    assert meta.authors == ("Ray Ansari",)


def test_dublin_core_creator_name_is_read() -> None:
    meta = extract('<meta name="DC.creator.name" content="Lee, Ann">')
    assert meta.authors == ("Ann Lee",)
    assert meta.source_of("authors") == "dc"


@pytest.mark.parametrize(
    ("label", "authors"),
    [
        ("Written by", ("Ann Lee",)),
        ("Geschrieben von", ("Ann Lee",)),
        ("Est. reading time", ()),
    ],
)
def test_a_link_previews_written_by_names_the_author(label: str, authors: tuple[str, ...]) -> None:
    head = (
        f'<meta name="twitter:label1" content="{label}">'
        '<meta name="twitter:data1" content="Ann Lee">'
    )
    meta = extract(head)
    assert meta.authors == authors
    if authors:
        assert meta.source_of("authors") == "twitter"


def test_a_link_previews_written_by_in_its_second_label() -> None:
    head = (
        '<meta name="twitter:label1" content="Est. reading time">'
        '<meta name="twitter:data1" content="3 minutes">'
        '<meta name="twitter:label2" content="Written by">'
        '<meta name="twitter:data2" content="Ann Lee">'
    )
    assert extract(head).authors == ("Ann Lee",)


def test_a_link_previews_written_by_staff_is_no_name() -> None:
    head = (
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Staff">'
    )
    assert extract(head).authors == ()


def test_a_link_previews_written_by_gives_way_to_a_declared_author() -> None:
    head = (
        '<meta name="author" content="Bo Chen">'
        '<meta name="twitter:label1" content="Written by">'
        '<meta name="twitter:data1" content="Ann Lee">'
    )
    assert extract(head).authors == ("Bo Chen",)


def _review(name: str) -> str:
    return (
        '<div itemprop="review" itemscope itemtype="https://schema.org/Review">'
        f'<span itemprop="author">{name}</span><p>Great sound.</p></div>'
    )


def test_customers_reviews_of_a_product_name_no_author() -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/Product"><h1>Headphones II</h1>'
        f"{_review('Martin')}{_review('Vast')}</div>"
    )
    assert extract(body=body).authors == ()


def test_the_one_review_of_a_product_names_its_author() -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/Product"><h1>Headphones II</h1>'
        f"{_review('Ann Lee')}</div>"
    )
    assert extract(body=body).authors == ("Ann Lee",)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Jan Hvizdak, postmaster@example.net", ("Jan Hvizdak",)),
        ("Ann Lee (ann.lee@example.org)", ("Ann Lee",)),
        ("Ann Lee <ann@example.org>, Bo Chen", ("Ann Lee", "Bo Chen")),
        ("ann.lee@example.org", ()),
    ],
)
def test_an_email_address_beside_a_declared_name_goes(
    value: str, expected: tuple[str, ...]
) -> None:
    assert normalize_authors([value]) == expected


@pytest.mark.parametrize(
    "cls",
    ["authorized-dealer-link", "authority-badge", "authoring-tools", "writeReview-productDetails"],
)
def test_a_class_that_only_starts_like_author_or_writer_is_no_byline(cls: str) -> None:
    assert extract(body=f'<div class="{cls}">Authorized Dealer</div>').authors == ()


@pytest.mark.parametrize("cls", ["author-name", "authorName", "writer", "Writer-line"])
def test_author_and_writer_classes_are_still_bylines(cls: str) -> None:
    assert extract(body=f'<div class="{cls}">Ann Lee</div>').authors == ("Ann Lee",)
