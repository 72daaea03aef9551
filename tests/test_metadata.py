"""Tests for articlekit.html.metadata: each source, each normalisation, hostile input."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from articlekit.decode import decode_bytes
from articlekit.html.metadata import (
    MAX_HOME_LINKS,
    MAX_VALUE_CHARS,
    byline_element_text,
    collect_candidates,
    date_from_url,
    extract_metadata,
    normalize_authors,
    normalize_date,
    normalize_language,
    parse_jsonld,
    strip_site_name,
)
from articlekit.html.tree import parse_tree
from articlekit.model import Metadata

KNOWN_SOURCES = {
    "jsonld",
    "og",
    "twitter",
    "meta",
    "dc",
    "itemprop",
    "time",
    "byline",
    "rel-author",
    "rel-tag",
    "url",
    "h1",
    "title",
    "html-lang",
    "link-canonical",
}


def page(head: str = "", body: str = "", *, lang: str | None = None) -> lxml.html.HtmlElement:
    attr = f' lang="{lang}"' if lang is not None else ""
    return lxml.html.document_fromstring(
        f"<!DOCTYPE html><html{attr}><head>{head}</head><body>{body}<p>x</p></body></html>"
    )


def extract(
    head: str = "", body: str = "", *, url: str | None = None
) -> tuple[str | None, Metadata]:
    return extract_metadata(page(head, body), url=url)


def jsonld(obj: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


# --------------------------------------------------------------------------- title

TITLE_CASES = [
    pytest.param(
        jsonld({"@type": "NewsArticle", "headline": "From JSON-LD"})
        + '<meta property="og:title" content="From OG"><title>From title</title>',
        "",
        "From JSON-LD",
        "jsonld",
        id="jsonld-first",
    ),
    pytest.param(
        '<meta property="og:title" content="From OG"><title>From title</title>',
        "",
        "From OG",
        "og",
        id="og-over-title",
    ),
    pytest.param(
        '<meta name="twitter:title" content="From Twitter"><title>From title</title>',
        "",
        "From Twitter",
        "twitter",
        id="twitter",
    ),
    pytest.param(
        '<meta name="og:title" content="OG by name"><meta property="dc:title" content="DC">',
        "",
        "DC",
        "dc",
        id="dublin-core-over-og",
    ),
    pytest.param(
        '<meta name="og:title" content="Given in name">'
        '<meta property="og:title" content="Given in property">',
        "",
        "Given in property",
        "og",
        id="property-beats-name",
    ),
    pytest.param(
        '<meta property="og:title" content="og:title content" name="ignored">'
        '<meta property="twitter:title og:title" content="Shared value">',
        "",
        "og:title content",
        "og",
        id="space-separated-properties",
    ),
    pytest.param(
        "<title>A Long Enough Article Title | Example Site</title>"
        '<meta property="og:site_name" content="Example Site">',
        "",
        "A Long Enough Article Title",
        "title",
        id="site-name-suffix-stripped",
    ),
    pytest.param(
        "<title>Some Headline About Things - Daily Planet</title>",
        "<h1>Some Headline About Things</h1>",
        "Some Headline About Things",
        "h1",
        id="h1-inside-title",
    ),
    pytest.param("", "<h1>Only A Heading Here</h1>", "Only A Heading Here", "h1", id="h1-only"),
    pytest.param(
        "<title>Mozilla - Wikipedia</title>",
        "<h1>Mozilla</h1>",
        "Mozilla",
        "h1",
        id="short-h1-first",
    ),
    pytest.param(
        "<title>Some Headline About Things | Brand</title>",
        "<h1>Brand</h1>",
        "Some Headline About Things | Brand",
        "title",
        id="logo-h1-last-part-ignored",
    ),
    pytest.param(
        "<title>Some Headline About Things | The Daily Planet</title>"
        '<meta property="og:site_name" content="The Daily Planet">',
        "<h1>The Daily Planet</h1>",
        "Some Headline About Things",
        "title",
        id="logo-h1-naming-site-ignored",
    ),
    pytest.param(
        "<title>Title &amp; entities   and\n spaces</title>",
        "",
        "Title & entities and spaces",
        "title",
        id="entities-whitespace",
    ),
    pytest.param(
        jsonld({"@type": "Article", "headline": "A summary sentence", "name": "New Zealand"})
        + "<title>New Zealand - Wikipedia</title>",
        "",
        "New Zealand",
        "jsonld",
        id="jsonld-name-confirmed-by-title",
    ),
    pytest.param(
        jsonld({"@type": "VideoObject", "name": "Side video"})
        + jsonld({"@type": "NewsArticle", "headline": "The story"}),
        "",
        "The story",
        "jsonld",
        id="article-beats-embedded-video",
    ),
    pytest.param(
        jsonld({"@type": "NewsArticle", "headline": "cmsname"})
        + '<meta property="og:title" content="Plumber jailed after the boiler blast">'
        + "<title>Plumber jailed after the boiler blast</title>",
        "",
        "Plumber jailed after the boiler blast",
        "og",
        id="jsonld-placeholder-headline-ignored",
    ),
    pytest.param(
        jsonld({"@type": "NewsArticle", "headline": "Harry and Meghan talk about leaving"})
        + "<title>What we learned from Meghan's interview</title>",
        "",
        "Harry and Meghan talk about leaving",
        "jsonld",
        id="jsonld-reworded-headline-kept",
    ),
    pytest.param(
        jsonld({"@type": "NewsArticle", "headline": "宇航员在太空中喝酒会怎么样"})
        + "<title>宇航员喝酒后果很严重</title>",
        "",
        "宇航员在太空中喝酒会怎么样",
        "jsonld",
        id="jsonld-cjk-headline-kept",
    ),
    # a social headline in og:title; the <title> repeats the headline the page shows
    pytest.param(
        '<meta property="og:title" content="It has been a rough year for the rocket maker">'
        "<title>What Is Holding Up the Rocket Launch? - Daily Planet</title>",
        "<h1>What Is Holding Up the Rocket Launch?</h1>",
        "What Is Holding Up the Rocket Launch?",
        "h1",
        id="h1-confirmed-by-title-over-social-headline",
    ),
    pytest.param(
        '<meta property="og:title" content="Rocket Launch Slips Again">'
        "<title>Rocket Launch Slips Again: Engineers Find a Leak</title>",
        "<h1>Rocket Launch Slips Again: Engineers Find a Leak</h1>",
        "Rocket Launch Slips Again: Engineers Find a Leak",
        "h1",
        id="h1-with-subtitle-confirmed-by-title",
    ),
    pytest.param(
        '<meta property="og:title" content="Rocket Launch Slips Again (Published 2016)">'
        "<title>Rocket Launch Slips Again - Daily Planet</title>",
        "<h1>Rocket Launch Slips Again</h1>",
        "Rocket Launch Slips Again",
        "h1",
        id="declared-title-with-a-bracketed-part",
    ),
    # one headline spelt twice, a word more or less, or the <title> naming og:title too
    pytest.param(
        '<meta property="og:title" content="Seven secrets hotel owners keep">'
        "<title>The seven secrets hotel owners keep</title>",
        "<h1>The seven secrets hotel owners keep</h1>",
        "Seven secrets hotel owners keep",
        "og",
        id="h1-a-word-longer-keeps-og",
    ),
    pytest.param(
        '<meta property="og:title" content="How we built Acme’s ATF - a task framework">'
        "<title>How we built Acme ATF: a task framework</title>",
        "<h1>How we built Acme ATF: a task framework</h1>",
        "How we built Acme’s ATF - a task framework",
        "og",
        id="h1-respelt-keeps-og",
    ),
    pytest.param(  # compared without the site's name: one word apart
        '<meta property="og:title" content="Launch Checklist | Daily Planet">'
        '<meta property="og:site_name" content="Daily Planet">'
        "<title>Your Launch Checklist - Daily Planet</title>",
        "<h1>Your Launch Checklist</h1>",
        "Launch Checklist",
        "og",
        id="h1-respelt-against-og-without-its-site",
    ),
    pytest.param(
        '<meta property="og:title" content="Rocket Launch Slips Again">'
        "<title>The Daily Planet Weblog | Rocket Launch Slips Again</title>",
        "<h1>The Daily Planet Weblog</h1>",
        "Rocket Launch Slips Again",
        "og",
        id="title-names-og-title-too",
    ),
    pytest.param("", "", None, None, id="nothing"),
]


@pytest.mark.parametrize(("head", "body", "title", "source"), TITLE_CASES)
def test_title_sources(head: str, body: str, title: str | None, source: str | None) -> None:
    got, meta = extract(head, body)
    assert got == title
    assert meta.source_of("title") == source


def test_svg_title_is_not_the_page_title() -> None:
    got, _ = extract("", "<svg><title>icon</title></svg><h1>Real Heading Of Page</h1>")
    assert got == "Real Heading Of Page"


@pytest.mark.parametrize(
    ("declared", "expected"),
    [
        ("https://www.newsnation.in", "newsnation.in"),
        ("http://www.tmz.com/", "tmz.com"),
        ("www.chocolate.com", "chocolate.com"),
        ("MacRumors.com", "MacRumors.com"),
        ("The Daily Planet", "The Daily Planet"),
    ],
)
def test_site_name_given_as_an_address_is_its_host(declared: str, expected: str) -> None:
    _, meta = extract(f'<meta property="og:site_name" content="{declared}">', "")
    assert meta.site_name == expected


def test_site_name_read_from_the_end_of_the_title_when_none_is_declared() -> None:
    _, meta = extract(
        "<title>Winda w chmurach | Dwutygodnik</title>", "", url="https://www.dwutygodnik.com/a/1"
    )
    assert (meta.site_name, meta.source_of("site_name")) == ("Dwutygodnik", "title")
    # a last part that does not name the address's site is no site name; nor is a
    # declared name ever replaced
    _, meta = extract(
        "<title>Winda w chmurach | Obyczaje</title>", "", url="https://www.dwutygodnik.com/a/1"
    )
    assert meta.site_name is None
    _, meta = extract(
        '<title>Winda w chmurach | Dwutygodnik</title><meta property="og:site_name" content="DT">',
        "",
        url="https://www.dwutygodnik.com/a/1",
    )
    assert meta.site_name == "DT"


def test_site_name_in_a_title_encoded_twice_is_read_and_stripped() -> None:
    # the title's bytes were UTF-8 read as Latin-1 upstream: "\u2019" is "\u00e2\x80\x99",
    # "\u00ae" is "\u00c2\u00ae"; compared as written, the last part named no site
    got, meta = extract(
        "<title>How To Get Toddlers To Sleep | JOHNSON\u00e2\x80\x99S\u00c2\u00ae</title>",
        "",
        url="https://www.johnsonsbaby.com/tips/sleep",
    )
    assert got == "How To Get Toddlers To Sleep"
    assert meta.site_name == "JOHNSON\u2019S\u00ae"


def test_site_name_from_url_host_is_stripped() -> None:
    got, _ = extract("<title>How to Build a Terrarium | eHow</title>", url="https://www.ehow.com/x")
    assert got == "How to Build a Terrarium"


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        ("Article Title Here – Site", "Site", "Article Title Here"),
        ("Article Title Here - Site", "Site", "Article Title Here"),
        ("Article Title Here | Site", "site", "Article Title Here"),
        ("Site | Article Title Here", "Site", "Article Title Here"),
        ("Site :: Article Title Here", "Site", "Article Title Here"),
        ("Article Title Here › Some Party", "Some Party", "Article Title Here"),
        ("Article Title Here | Le Monde", "Le Monde.fr", "Article Title Here"),
        ("Weekly Issue 85 – Firefox Nightly News", "Firefox Nightly News", "Weekly Issue 85"),
        ("Post Title Here – Hacks – the Web blog", "Hacks – the Web blog", "Post Title Here"),
        ("Mozilla - Wikipedia", "Wikipedia", "Mozilla - Wikipedia"),  # rest too short
        ("Article About Site Things", "Site", "Article About Site Things"),  # not at an end
        ("Article Title Here | Other", "Site", "Article Title Here | Other"),
        ("Article Title Here | Site", None, "Article Title Here | Site"),
        ("Article Title Here | Site", "", "Article Title Here | Site"),
        ("Site", "Site", "Site"),
    ],
)
def test_strip_site_name(title: str, site: str | None, expected: str) -> None:
    assert strip_site_name(title, site) == expected


# --------------------------------------------------------------------------- authors

AUTHOR_CASES = [
    (["By Jane Doe"], ("Jane Doe",)),
    (["by: Jane Doe"], ("Jane Doe",)),
    (["Written by Jane Doe"], ("Jane Doe",)),
    (["Jane Doe and John Roe"], ("Jane Doe", "John Roe")),
    (["Jane Doe & John Roe"], ("Jane Doe", "John Roe")),
    (["Jane Doe, John Roe, Ann Poe"], ("Jane Doe", "John Roe", "Ann Poe")),
    (["Jane Doe; John Roe"], ("Jane Doe", "John Roe")),
    (["Jong, Michiel de"], ("Jong, Michiel de",)),  # last name first: one person
    (["Von Anna Schmidt und Max Müller"], ("Anna Schmidt", "Max Müller")),
    (["Par Sébastien Farcis"], ("Sébastien Farcis",)),
    (["Por Ana Pérez y Juan Gómez"], ("Ana Pérez", "Juan Gómez")),
    (["Di Mario Rossi e Luca Bianchi"], ("Mario Rossi", "Luca Bianchi")),
    # a capitalised "Di" before one capitalised word opens a surname, not a byline
    (["Di Maio"], ("Di Maio",)),
    (["Di Caprio, Luca Bianchi"], ("Di Caprio", "Luca Bianchi")),
    (["Di Maio e Luca Bianchi"], ("Di Maio", "Luca Bianchi")),
    (["Luigi Di Maio"], ("Luigi Di Maio",)),
    (["di Maio"], ("Maio",)),  # lower case: the label
    (["Di: Maio"], ("Maio",)),  # with a colon: the label
    (["Door Jan de Vries"], ("Jan de Vries",)),
    (["Przez Jan Kowalski i Anna Nowak"], ("Jan Kowalski", "Anna Nowak")),
    (["作者：张三"], ("张三",)),
    (["Jane Doe", "JANE DOE", "jane doe"], ("Jane Doe",)),
    (["https://www.facebook.com/janedoe"], ()),
    (["@janedoe"], ()),
    (["Bradley M. Kuhn (http://ebb.org/bkuhn/)"], ("Bradley M. Kuhn",)),
    (["Kooman, F."], ("Kooman, F.",)),  # an initial keeps its point
    (["By John Smith Jr."], ("John Smith Jr.",)),
    (["Bund der Energieverbraucher e.V."], ("Bund der Energieverbraucher e.V.",)),
    (["By Jane Doe."], ("Jane Doe",)),  # a sentence's point is not the name's
    (["   "], ()),
    (["x" * 500], ()),
    # a role named beside a person goes; a role alone or beside a phrase stays
    (["TOM KRISHER, AP Auto Writer"], ("TOM KRISHER",)),
    (["Jane Doe", "Staff Reporter"], ("Jane Doe",)),
    (["CNN Staff"], ("CNN Staff",)),
    (["Staff", "news service reports"], ("Staff", "news service reports")),
    (["Текст: Венера Ерофеева", "Гость"], ("Венера Ерофеева",)),
]


@pytest.mark.parametrize(("values", "expected"), AUTHOR_CASES)
def test_normalize_authors(values: list[str], expected: tuple[str, ...]) -> None:
    assert normalize_authors(values) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Ben Silverman, Games Editor", ("Ben Silverman",)),
        ("Our Foreign Staff", ()),
        ("Michael Isikoff Trump’s inauguration: ticket packages", ()),
        ("Jan de Vries", ("Jan de Vries",)),
    ],
)
def test_visible_bylines_drop_roles_and_phrases(value: str, expected: tuple[str, ...]) -> None:
    assert normalize_authors([value], visible=True) == expected


def test_metadata_authors_are_trusted_more_than_visible_text() -> None:
    assert normalize_authors(["Contributors to Wikimedia projects"]) == (
        "Contributors to Wikimedia projects",
    )


AUTHOR_SOURCE_CASES = [
    pytest.param(
        jsonld({"@type": "NewsArticle", "author": {"@type": "Person", "name": "Ann Lee"}}),
        "",
        ("Ann Lee",),
        "jsonld",
        id="jsonld-object",
    ),
    pytest.param(
        jsonld(
            {
                "@type": "BlogPosting",
                "author": [{"name": "Ann Lee"}, "Bo Chen", {"givenName": "Cy", "familyName": "Ng"}],
            }
        ),
        "",
        ("Ann Lee", "Bo Chen", "Cy Ng"),
        "jsonld",
        id="jsonld-list",
    ),
    pytest.param(
        jsonld(
            {
                "@context": "https://schema.org",
                "@graph": [
                    {"@type": "WebSite", "name": "Site"},
                    {"@type": ["Article"], "author": {"name": "Graph Author"}},
                ],
            }
        ),
        "",
        ("Graph Author",),
        "jsonld",
        id="jsonld-graph",
    ),
    pytest.param(
        '<meta name="author" content="Meta Person">', "", ("Meta Person",), "meta", id="meta"
    ),
    pytest.param(
        '<meta name="DC.creator" content="Dc Person">', "", ("Dc Person",), "dc", id="dublin-core"
    ),
    pytest.param(
        '<meta property="article:author" content="https://facebook.com/someone">'
        '<meta property="article:author" content="Og Person">',
        "",
        ("Og Person",),
        "og",
        id="article-author-url-skipped",
    ),
    pytest.param(
        "", '<a rel="author" href="/u/x">Rel Person</a>', ("Rel Person",), "rel-author", id="rel"
    ),
    pytest.param(
        "",
        '<span itemprop="author" itemscope><span itemprop="name">Item Person</span>'
        '<span itemprop="jobTitle">Editor</span></span>',
        ("Item Person",),
        "itemprop",
        id="itemprop-with-name",
    ),
    pytest.param(
        "",
        '<div class="byline">By Visible Person | Updated 3 hours ago</div>',
        ("Visible Person",),
        "byline",
        id="byline-class",
    ),
    pytest.param(
        "",
        '<div class="FeatureByline"> By <b>Camel Case</b><br>March 25, 2015</div>',
        ("Camel Case",),
        "byline",
        id="byline-camelcase",
    ),
    pytest.param(
        "",
        '<p class="author-name">GILLIAN MOHNEY March 11, 2015 3:46 PM</p>'
        '<div class="byline">By Someone Else</div>',
        ("GILLIAN MOHNEY",),
        "byline",
        id="first-byline-wins",
    ),
    pytest.param(
        "",
        '<div class="comment-author">Commenter Name</div>',
        (),
        None,
        id="comment-author-ignored",
    ),
    pytest.param(
        '<meta property="og:site_name" content="Diario EL PAIS Uruguay">'
        + jsonld({"@type": "NewsArticle", "author": ["Eduardo Barreneche", "Diario El Pais"]}),
        "",
        ("Eduardo Barreneche",),
        "jsonld",
        id="publisher-dropped-from-people",
    ),
    pytest.param(
        '<meta property="og:site_name" content="BBC News"><meta name="author" content="BBC News">',
        "",
        ("BBC News",),
        "meta",
        id="site-as-only-author-kept",
    ),
]


@pytest.mark.parametrize(("head", "body", "authors", "source"), AUTHOR_SOURCE_CASES)
def test_author_sources(head: str, body: str, authors: tuple[str, ...], source: str | None) -> None:
    _, meta = extract(head, body)
    assert meta.authors == authors
    assert meta.source_of("authors") == source


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024-10-31", "2024-10-31"),
        ("2024-10-31T10:00:00Z", "2024-10-31T10:00:00+00:00"),
        ("2024-10-31T10:00:00.123456+01:00", "2024-10-31T10:00:00+01:00"),
        ("2024-10-31T10:00:00-0500", "2024-10-31T10:00:00-05:00"),
        ("2024-10-31 10:00", "2024-10-31T10:00:00"),
        ("2017-11-03 03:01:00.000000", "2017-11-03T03:01:00"),
        ("20241031", "2024-10-31"),
        ("2024/10/31", "2024-10-31"),
        ("Thu, 31 Oct 2024 10:00:00 +0100", "2024-10-31T10:00:00+01:00"),
        ("October 31, 2024", "2024-10-31"),
        ("Oct. 31st, 2024", "2024-10-31"),
        ("31 octobre 2024", "2024-10-31"),
        ("31. Oktober 2024 10:00", "2024-10-31T10:00:00"),
        ("31 de octubre de 2024", "2024-10-31"),
        ("April 28, 2019 at 6:01 pm", "2019-04-28T18:01:00"),
        ("  2024-10-31  ", "2024-10-31"),
        ("1850-01-01", None),
        ("2024-02-30", None),
        ("2024-10-31T25:00", None),
        ("2024-10-31T10:00+25:00", None),
        ("yesterday", None),
        ("", None),
        ("9" * 10_000, None),
        # day first with points, as German, Polish, Russian pages write dates
        ("19.11.2021", "2021-11-19"),
        ("Veröffentlicht am 19.11.2021, 10:15 Uhr", "2021-11-19T10:15:00"),
        ("20.06.2019 11:43", "2019-06-20T11:43:00"),
        ("5. 3. 2024 um 9:02", "2024-03-05T09:02:00"),
        ("31.02.2021", None),
        ("1.2.3.2024", None),
    ],
)
def test_normalize_date(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.org/2024/10/31/some-story/", "2024-10-31"),
        ("https://x.org/news/2024-10-31-some-story", "2024-10-31"),
        ("https://x.org/2024/1/5/story", "2024-01-05"),
        ("https://x.org/20241031/story", "2024-10-31"),
        ("https://x.org/2024/10/story", None),
        ("https://x.org/2024/13/40/story", None),
        ("https://x.org/item/12345678901/", None),
        ("http://[::1", None),
    ],
)
def test_date_from_url(url: str, expected: str | None) -> None:
    assert date_from_url(url) == expected


DATE_CASES = [
    pytest.param(
        jsonld({"@type": "Article", "datePublished": "2024-01-02", "dateModified": "2024-01-05"})
        + '<meta property="article:published_time" content="2023-12-31">',
        "",
        None,
        ("2024-01-02", "jsonld"),
        ("2024-01-05", "jsonld"),
        id="jsonld",
    ),
    pytest.param(
        '<meta property="article:published_time" content="2024-01-02T08:00:00+02:00">'
        '<meta property="og:updated_time" content="2024-01-03T09:00:00+02:00">',
        "",
        None,
        ("2024-01-02T08:00:00+02:00", "og"),
        ("2024-01-03T09:00:00+02:00", "og"),
        id="open-graph",
    ),
    pytest.param(
        '<meta name="dc.date" content="2024-01-02">',
        "",
        None,
        ("2024-01-02", "dc"),
        (None, None),
        id="dublin-core",
    ),
    pytest.param(
        '<meta name="date" content="not a date"><meta name="pubdate" content="20240102">',
        "",
        None,
        ("2024-01-02", "meta"),
        (None, None),
        id="meta-skips-unparseable",
    ),
    pytest.param(
        "",
        '<span itemprop="datePublished" content="2024-01-02">Jan 2</span>'
        '<time itemprop="dateModified" datetime="2024-01-04">Jan 4</time>',
        None,
        ("2024-01-02", "itemprop"),
        ("2024-01-04", "itemprop"),
        id="itemprop",
    ),
    pytest.param(
        "",
        '<time datetime="2020-05-05">old</time><time pubdate datetime="2024-01-02">x</time>',
        None,
        ("2024-01-02", "time"),
        (None, None),
        id="time-pubdate-before-first",
    ),
    pytest.param(
        "",
        '<time datetime="2024-01-02T10:00">x</time>',
        None,
        ("2024-01-02T10:00:00", "time"),
        (None, None),
        id="time-first",
    ),
    pytest.param(
        "",
        "",
        "https://x.org/2024/01/02/story",
        ("2024-01-02", "url"),
        (None, None),
        id="url",
    ),
    pytest.param(
        "",
        '<time datetime="2020-05-05">teaser</time>'
        '<span class="article-publish-date">November 19, 2019, 9:02 AM</span>',
        None,
        ("2019-11-19T09:02:00", "class"),
        (None, None),
        id="class-named-date-before-first-time",
    ),
    pytest.param(
        "",
        '<input type="hidden" class="published_date" value="2019-11-18 23:41:18">'
        '<div class="publisher">Daily Example, founded 1998</div>',
        None,
        ("2019-11-18T23:41:18", "class"),
        (None, None),
        id="class-named-hidden-value",
    ),
]


@pytest.mark.parametrize(("head", "body", "url", "published", "modified"), DATE_CASES)
def test_date_sources(
    head: str,
    body: str,
    url: str | None,
    published: tuple[str | None, str | None],
    modified: tuple[str | None, str | None],
) -> None:
    _, meta = extract(head, body, url=url)
    assert (meta.published, meta.source_of("published")) == published
    assert (meta.modified, meta.source_of("modified")) == modified


# --------------------------------------------------------------------------- language


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("en-us", "en-US"),
        ("en_US", "en-US"),
        ("pt-br", "pt-BR"),
        ("zh-hant-tw", "zh-Hant-TW"),
        ("es-419", "es-419"),
        ("de-DE-1996", "de-DE-1996"),
        ("en, fr", "en"),
        ("x-default", None),
        ("und", None),
        ("english please", None),
        ("12", None),
        ("", None),
    ],
)
def test_normalize_language(value: str, expected: str | None) -> None:
    assert normalize_language(value) == expected


@pytest.mark.parametrize(
    ("lang", "head", "expected"),
    [
        ("pt-br", '<meta property="og:locale" content="en_US">', ("pt-BR", "html-lang")),
        ("", '<meta property="og:locale" content="fr_FR">', ("fr-FR", "og")),
        (None, '<meta http-equiv="Content-Language" content="de">', ("de", "meta")),
        (None, jsonld({"@type": "Article", "inLanguage": "it"}), ("it", "jsonld")),
        (None, "", (None, None)),
    ],
)
def test_language_sources(
    lang: str | None, head: str, expected: tuple[str | None, str | None]
) -> None:
    _, meta = extract_metadata(page(head, lang=lang))
    assert (meta.language, meta.source_of("language")) == expected


# --------------------------------------------------------------------------- other fields

FIELD_CASES = [
    pytest.param(
        '<meta property="og:site_name" content="OG Site">'
        + jsonld({"@type": "Article", "publisher": {"name": "LD Site"}}),
        "site_name",
        "OG Site",
        "og",
        id="site-og",
    ),
    pytest.param(
        jsonld({"@type": "Article", "publisher": {"@type": "Organization", "name": "LD Site"}}),
        "site_name",
        "LD Site",
        "jsonld",
        id="site-jsonld-publisher",
    ),
    pytest.param(
        jsonld({"@graph": [{"@type": "WebSite", "name": "Graph Site"}, {"@type": "Article"}]}),
        "site_name",
        "Graph Site",
        "jsonld",
        id="site-jsonld-website",
    ),
    pytest.param(
        '<meta name="application-name" content="App Site">',
        "site_name",
        "App Site",
        "meta",
        id="site-application-name",
    ),
    pytest.param(
        '<meta name="description" content="Meta desc">'
        '<meta property="og:description" content="OG desc">',
        "description",
        "OG desc",
        "og",
        id="description-og-over-meta",
    ),
    pytest.param(
        '<meta name="twitter:description" content="Tw desc">',
        "description",
        "Tw desc",
        "twitter",
        id="description-twitter",
    ),
    pytest.param(
        '<meta name="DC.Description.Abstract" content="An abstract.">'
        '<meta name="twitter:description" content="Tw desc">',
        "description",
        "An abstract.",
        "dc",
        id="description-dublin-core-abstract",
    ),
    pytest.param(
        jsonld({"@type": "Article", "description": "LD desc"})
        + '<meta property="og:description" content="OG desc">',
        "description",
        "LD desc",
        "jsonld",
        id="description-jsonld-first",
    ),
    pytest.param(
        '<link rel="canonical" href="/canonical/path"><meta property="og:url" content="https://x.org/og">',
        "canonical_url",
        "https://x.org/canonical/path",
        "link-canonical",
        id="canonical-made-absolute",
    ),
    pytest.param(
        '<meta property="og:url" content="https://x.org/og">',
        "canonical_url",
        "https://x.org/og",
        "og",
        id="canonical-og-url",
    ),
    pytest.param(
        '<meta property="og:image" content="/img/a.jpg">',
        "image",
        "https://x.org/img/a.jpg",
        "og",
        id="image-og-absolute",
    ),
    pytest.param(
        '<meta name="twitter:image" content="data:image/png;base64,AAAA">'
        + jsonld(
            {"@type": "Article", "image": {"@type": "ImageObject", "url": "https://cdn/x.png"}}
        ),
        "image",
        "https://cdn/x.png",
        "jsonld",
        id="image-data-url-skipped",
    ),
    pytest.param(
        '<base href="https://cdn.example/base/"><meta property="og:image" content="a.jpg">',
        "image",
        "https://cdn.example/base/a.jpg",
        "og",
        id="image-base-element",
    ),
]


@pytest.mark.parametrize(("head", "field", "value", "source"), FIELD_CASES)
def test_field_sources(head: str, field: str, value: str, source: str) -> None:
    _, meta = extract(head, url="https://x.org/story")
    assert getattr(meta, field) == value
    assert meta.source_of(field) == source


@pytest.mark.parametrize(
    ("head", "body", "tags", "source"),
    [
        (
            '<meta property="article:tag" content="Politics">'
            '<meta property="article:tag" content="EU">'
            '<meta name="keywords" content="ignored">',
            "",
            ("Politics", "EU"),
            "og",
        ),
        ('<meta name="keywords" content="a, b; c, A, ,">', "", ("a", "b", "c"), "meta"),
        (jsonld({"@type": "Article", "keywords": ["x", "y"]}), "", ("x", "y"), "jsonld"),
        (jsonld({"@type": "Article", "keywords": "x, y"}), "", ("x", "y"), "jsonld"),
        (
            "",
            '<a rel="tag" href="/t/1">One</a><a rel="tag" href="/t/2">Two</a>',
            ("One", "Two"),
            "rel-tag",
        ),
        ("", "", (), None),
    ],
)
def test_tags(head: str, body: str, tags: tuple[str, ...], source: str | None) -> None:
    _, meta = extract(head, body)
    assert meta.tags == tags
    assert meta.source_of("tags") == source


FULL_PAGE = (
    jsonld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Full Page Headline Here",
            "author": {"name": "Ann Lee"},
            "datePublished": "2024-01-02T03:04:05Z",
            "dateModified": "2024-01-03",
            "publisher": {"name": "The Site"},
            "keywords": "a,b",
            "image": "https://x.org/i.jpg",
            "description": "About it.",
        }
    )
    + '<link rel="canonical" href="https://x.org/c">'
)


def test_every_set_field_has_a_known_source() -> None:
    title, meta = extract_metadata(page(FULL_PAGE, lang="en"), url="https://x.org/s")
    assert title == "Full Page Headline Here"
    fields = {
        "title": title,
        "authors": meta.authors,
        "published": meta.published,
        "modified": meta.modified,
        "site_name": meta.site_name,
        "language": meta.language,
        "description": meta.description,
        "tags": meta.tags,
        "image": meta.image,
        "canonical_url": meta.canonical_url,
    }
    assert all(fields.values())
    recorded = {s.field: s.source for s in meta.sources}
    assert set(recorded) == set(fields)
    assert set(recorded.values()) <= KNOWN_SOURCES
    assert meta.published == "2024-01-02T03:04:05+00:00"


def test_utc_date_takes_the_publishers_zone_from_another_source() -> None:
    # JSON-LD in UTC, the social card the same instant at -08:00: the local date is printed
    ld = '{"@type": "NewsArticle", "datePublished": "2017-02-24T01:18:13Z"}'
    _, meta = extract(
        f'<script type="application/ld+json">{ld}</script>'
        '<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">'
    )
    assert meta.published == "2017-02-23T17:18:13-08:00"
    assert meta.source_of("published") == "og"


def test_utc_date_kept_when_no_source_states_the_same_instant() -> None:
    ld = '{"@type": "NewsArticle", "datePublished": "2017-02-24T01:18:13Z"}'
    _, meta = extract(
        f'<script type="application/ld+json">{ld}</script>'
        # a wall-clock time mislabelled, another instant; a date alone is no twin either
        '<meta property="article:published_time" content="2017-02-24T01:18:13+02:00">'
        '<meta name="date" content="2017-02-23">'
    )
    assert meta.published == "2017-02-24T01:18:13+00:00"
    assert meta.source_of("published") == "jsonld"


def test_modified_date_takes_the_publishers_zone_too() -> None:
    _, meta = extract(
        '<meta property="article:modified_time" content="2020-05-01T22:30:00Z">'
        '<meta property="og:updated_time" content="2020-05-02T00:30:00+02:00">'
    )
    assert meta.modified == "2020-05-02T00:30:00+02:00"


def test_unset_fields_have_no_source() -> None:
    title, meta = extract_metadata(page())
    assert title is None
    assert meta == Metadata()
    assert meta.sources == ()


def test_extraction_does_not_modify_the_tree() -> None:
    root = page(FULL_PAGE, '<div class="byline">By X Y</div><time datetime="2024-01-01">t</time>')
    before = etree.tostring(root)
    extract_metadata(root, url="https://x.org/2024/01/01/s")
    assert etree.tostring(root) == before


# --------------------------------------------------------------------------- hostile input


@pytest.mark.parametrize(
    ("script", "expected"),
    [
        ('{"@type": "Article", "headline": "Trailing",}', "Trailing"),
        ('{"@type": "Article", "author": [{"name": "A"},], "headline": "In list",}', "In list"),
        ('<!-- {"@type": "Article", "headline": "Commented"} -->', "Commented"),
        ('//<![CDATA[\n{"@type": "Article", "headline": "Cdata"}\n//]]>', "Cdata"),
        ('{"@type": "Article", "headline": "Ben &amp; Jerry&#39;s"}', "Ben & Jerry's"),
        (
            "{&quot;@type&quot;: &quot;Article&quot;, &quot;headline&quot;: &quot;Escaped&quot;}",
            "Escaped",
        ),
        ('{"@type": "Person"} {"@type": "Article", "headline": "Second object"}', "Second object"),
        ('[{"@type": "Article", "headline": "In array"}]', "In array"),
        ('{"@type": "http://schema.org/NewsArticle", "headline": "Type URL"}', "Type URL"),
        ('{"@type": "Article", "headline": "Raw\nnewline"}', "Raw newline"),
    ],
)
def test_damaged_jsonld_is_repaired(script: str, expected: str) -> None:
    title, _ = extract(f'<script type="application/ld+json">{script}</script>')
    assert title == expected


@pytest.mark.parametrize(
    "script",
    [
        "{",
        "not json at all",
        "[" * 100_000 + "]" * 100_000,
        '{"@type": "Article", "headline": ' + "[" * 50_000 + "]" * 50_000 + "}",
        '{"@type": ["Article", 3, null], "headline": 5, "author": {"name": {"x": [1, 2]}}}',
        '{"@type": "Article", "author": ' + '{"name": ' * 200 + '"deep"' + "}" * 200 + "}",
        '{"@graph": {"@graph": {"@graph": []}}}',
        "null",
        "12",
        '"just a string"',
        '{"@type": "Article", "datePublished": 20240101, "image": [null, 3, {}], "keywords": 7}',
    ],
)
def test_hostile_jsonld_never_raises(script: str) -> None:
    title, meta = extract(f'<script type="application/ld+json">{script}</script>')
    assert title is None or isinstance(title, str)
    assert isinstance(meta, Metadata)


def test_parse_jsonld_returns_every_value() -> None:
    assert parse_jsonld('{"a": 1}\n{"b": 2};') == [{"a": 1}, {"b": 2}]
    assert parse_jsonld("") == []
    assert parse_jsonld("{" * 10) == []


def test_huge_values_are_ignored() -> None:
    huge = "x" * (MAX_VALUE_CHARS * 3)
    title, meta = extract(
        f'<meta property="og:title" content="{huge}"><title>Normal Title</title>'
        f'<meta name="description" content="{huge}"><meta name="author" content="{huge}">'
    )
    assert title == "Normal Title"
    assert meta.description is None
    assert meta.authors == ()


def test_many_values_are_bounded() -> None:
    tags = "".join(f'<meta property="article:tag" content="tag{i}">' for i in range(500))
    _, meta = extract(tags)
    assert 0 < len(meta.tags) <= 64


@given(st.text(min_size=1, max_size=300))
def test_arbitrary_head_text_never_raises(text: str) -> None:
    markup = (
        f"<html lang='{text[:5]}'><head><title>{text}</title><meta name='author' content='{text}'>"
        f"<meta property='article:published_time' content='{text}'>"
        f"<script type='application/ld+json'>{text}</script></head>"
        f"<body><div class='byline'>{text}</div><time datetime='{text}'>t</time></body></html>"
    )
    try:
        root = lxml.html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return
    title, _ = extract_metadata(root, url="https://x.org/" + text[:20])
    assert title is None or title.strip() == title


@given(st.text(max_size=200))
def test_normalisers_never_raise(text: str) -> None:
    date = normalize_date(text)
    assert date is None or date[:4].isdigit()
    lang = normalize_language(text)
    assert lang is None or lang == lang.strip()
    assert all(name.strip() for name in normalize_authors([text]))
    assert all(name.strip() for name in normalize_authors([text], visible=True))
    assert isinstance(strip_site_name(text, text[:5]), str)
    url_date = date_from_url(text)
    assert url_date is None or len(url_date) == len("2024-10-31")


@given(
    st.integers(1000, 2999),
    st.integers(0, 13),
    st.integers(0, 32),
    st.sampled_from(["", "T10:20", "T10:20:30Z", "T23:59:59+05:30", " 00:00:00-0800"]),
)
def test_normalize_date_round_trips_valid_iso_dates(
    year: int, month: int, day: int, time: str
) -> None:
    text = f"{year:04d}-{month:02d}-{day:02d}{time}"
    result = normalize_date(text)
    try:
        import datetime as dt

        dt.date(year, month, day)
        valid = 1990 <= year <= 2100
    except ValueError:
        valid = False
    if not valid:
        assert result is None
    else:
        assert result is not None
        assert result.startswith(f"{year:04d}-{month:02d}-{day:02d}")
        assert normalize_date(result) == result  # idempotent


# --------------------------------------------------------------------------- corpus


def _corpus_pages(corpus: Path) -> list[Path]:
    pages = sorted((corpus / "readability-pages").glob("*/source.html.gz"))
    pages += sorted((corpus / "trafilatura-eval" / "html").glob("*.html.gz"))
    if not pages:
        pytest.skip(f"no corpus pages under {corpus}")
    return pages


def test_never_raises_on_corpus_pages(corpus: Path) -> None:
    titled = 0
    pages = _corpus_pages(corpus)
    for path in pages:
        html, _ = decode_bytes(gzip.decompress(path.read_bytes()))
        root = parse_tree(html)  # the HTML parser's own tree, as parse_html builds it
        title, meta = extract_metadata(root, url="https://example.org/2024/01/02/page")
        assert isinstance(meta, Metadata), path
        assert meta.published is None or meta.published[:4].isdigit(), path
        titled += bool(title)
    assert titled >= len(pages) * 0.9


# --------------------------------------------------------------------------- h1, site name, credits


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [
        pytest.param(
            "Shared History — extension for Tools",
            '<h1 class="heading">extension for Tools</h1><h1>Shared History¶</h1>',
            "Shared History",
            id="h1-of-earliest-part-beats-site-header-h1",
        ),
        pytest.param(
            "Shared History — extension for Tools",
            "<h1>Shared History§</h1>",
            "Shared History",
            id="permalink-mark-dropped",
        ),
        pytest.param(
            "A Long Article Title | Some Blog",
            "<h1>Some Blog Header</h1><h1>A Long Article Title</h1>",
            "A Long Article Title",
            id="only-matching-h1-counts",
        ),
        pytest.param(
            "Site Header Words | A Long Article Title",
            "<h1>A Long Article Title</h1>",
            "A Long Article Title",
            id="single-h1-of-last-part",
        ),
    ],
)
def test_h1_inside_title(title: str, body: str, expected: str) -> None:
    got, meta = extract(f"<title>{title}</title>", body)
    assert got == expected
    assert meta.source_of("title") == "h1"


@pytest.mark.parametrize(
    ("head", "expected", "source"),
    [
        pytest.param(
            '<meta property="og:site_name" content="Nowiny.cz - Víte, co se děje">'
            + jsonld({"@type": "NewsArticle", "publisher": {"name": "Nowiny.cz"}}),
            "Nowiny.cz",
            "jsonld",
            id="tagline-dropped-when-short-form-declared",
        ),
        pytest.param(
            '<meta property="og:site_name" content="Widgetworks Inc">'
            + jsonld({"@type": "NewsArticle", "publisher": {"name": "Widgetworks"}}),
            "Widgetworks",
            "jsonld",
            id="legal-form-dropped-when-short-form-declared",
        ),
        pytest.param(
            '<meta property="og:site_name" content="Hacks – the developer blog">',
            "Hacks – the developer blog",
            "og",
            id="single-declaration-kept-whole",
        ),
        pytest.param(
            '<meta property="og:site_name" content="Daily Planet">'
            + jsonld({"@type": "NewsArticle", "publisher": {"name": "Planet Media Group"}}),
            "Daily Planet",
            "og",
            id="unrelated-second-name-ignored",
        ),
        pytest.param(
            '<meta property="og:site_name" content="Le Monde">'
            '<meta name="application-name" content="Le">',
            "Le Monde",
            "og",
            id="short-fragment-ignored",
        ),
        pytest.param(
            '<meta property="og:site_name" content="Planetary">'
            '<meta name="application-name" content="Planet">',
            "Planetary",
            "og",
            id="prefix-inside-a-word-ignored",
        ),
    ],
)
def test_site_name_prefers_declared_short_form(head: str, expected: str, source: str) -> None:
    _, meta = extract(head)
    assert meta.site_name == expected
    assert meta.source_of("site_name") == source


@pytest.mark.parametrize(
    ("body", "authors"),
    [
        pytest.param(
            '<p class="byline author">Written by Rob Example<br>Edited by Betty Sample</p>',
            ("Rob Example",),
            id="edited-by-cut",
        ),
        pytest.param(
            '<span class="byline">Reporting by Ann Lee; Editing by Bo Chen</span>',
            ("Ann Lee",),
            id="reporting-by-prefix-editing-by-cut",
        ),
        pytest.param(
            '<div class="byline">By Ann Lee and Bo Chen Photos by Cy Dee</div>',
            ("Ann Lee", "Bo Chen"),
            id="photos-by-cut",
        ),
        pytest.param(
            '<div class="byline">By Ann Lee, additional reporting by Cy Dee</div>',
            ("Ann Lee",),
            id="additional-reporting-cut",
        ),
    ],
)
def test_byline_stops_at_second_credit(body: str, authors: tuple[str, ...]) -> None:
    _, meta = extract("", body)
    assert meta.authors == authors
    assert meta.source_of("authors") == "byline"


@pytest.mark.parametrize(
    ("body", "authors"),
    [
        pytest.param(
            '<div class="byline">By Ann Lee for The Daily Planet</div>',
            ("Ann Lee",),
            id="for-an-outlet",
        ),
        pytest.param(
            '<div class="byline">By Ann Lee and Bo Chen for the Evening Post</div>',
            ("Ann Lee", "Bo Chen"),
            id="two-names-for-an-outlet",
        ),
        pytest.param(
            '<p class="auteur">Par Anne Dupont pour Le Quotidien</p>', ("Anne Dupont",), id="pour"
        ),
        pytest.param('<div class="byline">By Ann Lee in Paris</div>', ("Ann Lee",), id="in-place"),
        pytest.param(
            '<div class="byline">By Ann Lee @annlee</div>', ("Ann Lee",), id="handle-after"
        ),
        pytest.param(
            '<div class="byline">By Ann Lee ann.lee@example.org</div>',
            ("Ann Lee",),
            id="email-after",
        ),
        # upper-case "For" and "In" may be a name's own words: no cut
        pytest.param(
            '<div class="byline">By Faith For Ever</div>', ("Faith For Ever",), id="capital-for"
        ),
    ],
)
def test_byline_stops_at_an_outlet_a_place_or_an_address(
    body: str, authors: tuple[str, ...]
) -> None:
    _, meta = extract("", body)
    assert meta.authors == authors


@pytest.mark.parametrize(
    ("body", "authors"),
    [
        ('<div class="byline">Di Maio</div>', ("Di Maio",)),
        ('<div class="byline">By Di Caprio</div>', ("Di Caprio",)),
        ('<div class="byline">Di Mario Rossi</div>', ("Mario Rossi",)),
        ('<div class="byline">di Luigi Di Maio</div>', ("Luigi Di Maio",)),
    ],
)
def test_a_visible_byline_keeps_a_surname_that_opens_with_di(
    body: str, authors: tuple[str, ...]
) -> None:
    _, meta = extract("", body)
    assert meta.authors == authors


@pytest.mark.parametrize(
    ("head", "title"),
    [
        pytest.param(
            '<title>Code Coverage For Frontends | Code | Ann Lee</title><meta name="author" '
            'content="Ann Lee">',
            "Code Coverage For Frontends | Code",
            id="sole-author-at-end-removed",
        ),
        pytest.param(
            "<title>Ann Lee | Remembering a Colleague</title>"
            '<meta name="author" content="Ann Lee">',
            "Ann Lee | Remembering a Colleague",
            id="author-at-start-kept",
        ),
        pytest.param(
            '<title>Code Coverage For Frontends | Ann Lee</title><meta name="author" '
            'content="Ann Lee, Bo Chen">',
            "Code Coverage For Frontends | Ann Lee",
            id="one-of-several-authors-kept",
        ),
        pytest.param(
            '<title>Short | Ann Lee</title><meta name="author" content="Ann Lee">',
            "Short | Ann Lee",
            id="too-short-remainder-kept-whole",
        ),
    ],
)
def test_title_loses_sole_author_at_end(head: str, title: str) -> None:
    got, _ = extract(head)
    assert got == title


@pytest.mark.parametrize(
    ("head", "authors"),
    [
        pytest.param(
            '<meta name="DC.creator" content="Name Form"><meta property="dc:creator" '
            'content="Property Form">',
            ("Property Form",),
            id="property-form-wins",
        ),
        pytest.param(
            '<meta name="DC.creator" content="Ann Lee"><meta name="DC.creator" content="Bo Chen">',
            ("Ann Lee", "Bo Chen"),
            id="name-form-list-kept",
        ),
        pytest.param(
            '<meta property="dc:creator" content="Ann Lee"><meta property="dc:creator" '
            'content="Bo Chen"><meta name="dc.creator" content="Cy Dee">',
            ("Ann Lee", "Bo Chen"),
            id="property-form-list-kept",
        ),
    ],
)
def test_one_meta_key_declared_both_ways(head: str, authors: tuple[str, ...]) -> None:
    _, meta = extract(head)
    assert meta.authors == authors
    assert meta.source_of("authors") == "dc"


def test_title_loses_declared_site_name_with_tagline() -> None:
    head = (
        "<title>A Long Opinion Piece | AOC media - Analyse Opinion Critique</title>"
        '<meta property="og:site_name" content="AOC media - Analyse Opinion Critique">'
        '<meta name="application-name" content="AOC media">'
    )
    got, meta = extract(head)
    assert got == "A Long Opinion Piece"
    assert meta.site_name == "AOC media"


def test_tags_declared_both_ways_merge() -> None:
    head = '<meta property="article:tag" content="alpha"><meta name="article:tag" content="beta">'
    _, meta = extract(head)
    assert meta.tags == ("alpha", "beta")


# --------------------------------------------------------------------------- site-name tails


@pytest.mark.parametrize(
    ("head", "body", "url", "title"),
    [
        pytest.param(
            "<title>Quiet streets of the old town – My website</title>",
            "",
            None,
            "Quiet streets of the old town",
            id="en-dash-site-noun",
        ),
        pytest.param(
            "<title>Planting roses in spring | Garden Club Forum</title>",
            "",
            None,
            "Planting roses in spring",
            id="pipe-forum",
        ),
        pytest.param(
            "<title>Snow maps in high resolution - Bergseiten.ch</title>",
            "",
            None,
            "Snow maps in high resolution",
            id="domain-name-tail",
        ),
        pytest.param(
            "<title>Why the fish left the river - what comes next</title>",
            "",
            None,
            "Why the fish left the river - what comes next",
            id="headline-clause-kept",
        ),
        pytest.param(
            "<title>Harbour reopens after the storm · Tidewatch</title>",
            '<header><a href="/"><img src="l.png" alt="Tidewatch"></a></header>',
            None,
            "Harbour reopens after the storm",
            id="home-link-logo-alt",
        ),
        pytest.param(
            "<title>Harbour reopens after the storm · Tidewatch</title>",
            '<a href="https://www.tide.example/">Tidewatch</a>',
            "https://tide.example/news/1",
            "Harbour reopens after the storm",
            id="home-link-absolute",
        ),
        pytest.param(
            "<title>Harbour reopens after the storm · Tidewatch</title>",
            '<a href="https://other.example/">Tidewatch</a><a href="#">Tidewatch</a>',
            "https://tide.example/news/1",
            "Harbour reopens after the storm · Tidewatch",
            id="other-host-and-anchor-are-not-home",
        ),
        pytest.param(
            "<title>Chapter 3: The long night [Story Archive]</title>",
            '<h1><a href="/">Story Archive <sup>beta</sup></a></h1>',
            None,
            "Chapter 3: The long night",
            id="bracketed-site-name",
        ),
        pytest.param(
            "<title>Chapter 3: The long night (part two)</title>",
            '<a href="/">Story Archive</a>',
            None,
            "Chapter 3: The long night (part two)",
            id="bracketed-subtitle-kept",
        ),
        pytest.param(
            "<title>Owls of the year announced | Schweizer Jäger Online</title>",
            "",
            "https://schweizerjaeger.example/a",
            "Owls of the year announced",
            id="host-transliterated",
        ),
        pytest.param(
            "<title>Owls of the year announced | Nordic Vogelwarte</title>",
            "",
            "https://www.vogelwarte.example/a",
            "Owls of the year announced",
            id="host-inside-name",
        ),
        pytest.param(
            "<title>Owls of the year announced - pictures on vogelwarte</title>",
            "",
            "https://www.vogelwarte.example/a",
            "Owls of the year announced - pictures on vogelwarte",
            id="host-inside-phrase-kept",
        ),
        pytest.param(
            "<title>Race report from the final day - Ski Antholz</title>",
            "",
            "https://www.ski-antholz.example/r",
            "Race report from the final day",
            id="hyphenated-host",
        ),
        pytest.param(
            "<title>Race report from the final day - Home</title>",
            '<a href="/">Home</a>',
            None,
            "Race report from the final day - Home",
            id="home-word-is-not-a-name",
        ),
    ],
)
def test_title_loses_site_like_tail(head: str, body: str, url: str | None, title: str) -> None:
    got, _ = extract(head, body, url=url)
    assert got == title


def test_home_links_are_bounded_candidates() -> None:
    # a long text is a teaser, not a name: it takes a slot and files nothing
    body = f'<a href="/">{"x" * 500}</a>' + "".join(f'<a href="/">Site {i}</a>' for i in range(50))
    cands = collect_candidates(page("", body))
    assert cands["home-link:text"] == [f"Site {i}" for i in range(MAX_HOME_LINKS - 1)]


def test_strip_site_name_ignores_accents() -> None:
    assert strip_site_name("Un article assez long | Liberation", "Libération") == (
        "Un article assez long"
    )


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (
            "Martin Untersinger (avec Damien Leloup et Morgane Tual)",
            ("Martin Untersinger", "Damien Leloup", "Morgane Tual"),
        ),
        ("Jane Doe (with John Roe)", ("Jane Doe", "John Roe")),
        ("Anna Schmidt (mit Max Müller)", ("Anna Schmidt", "Max Müller")),
        ("Richard (R.J.) Eskow", ("Richard (R.J.) Eskow",)),  # a nickname, not a co-author
    ],
)
def test_bracketed_coauthors_are_split(value: str, expected: tuple[str, ...]) -> None:
    assert normalize_authors([value]) == expected
    assert normalize_authors([value], visible=True) == expected


def test_twitter_card_value_attribute_is_read() -> None:
    head = (
        '<meta name="twitter:description" value="A summary written for the card.">'
        '<meta name="twitter:title" value="The Card Title">'
        '<meta name="description" value="not a twitter tag, ignored">'
    )
    got, meta = extract(head)
    assert got == "The Card Title"
    assert meta.description == "A summary written for the card."
    assert meta.source_of("description") == "twitter"


def test_meta_value_attribute_is_ignored_outside_twitter_cards() -> None:
    _, meta = extract('<meta name="description" value="ignored">')
    assert meta.description is None


@pytest.mark.parametrize(
    ("values", "visible", "expected"),
    [
        (["AuthorAndreas Kalt"], True, ("Andreas Kalt",)),  # label run into the name
        (["ByJane Doe"], False, ("Jane Doe",)),
        (["Byron Lee"], True, ("Byron Lee",)),  # not a label: no capital after "By"
        (["admin"], False, ()),
        (["publisher"], False, ()),
        (["anónimo"], False, ()),
        (["Posted"], True, ()),
        (["Copyright Example Media GmbH & Co. KG - all rights reserved"], False, ()),
    ],
)
def test_placeholder_and_glued_authors(
    values: list[str], visible: bool, expected: tuple[str, ...]
) -> None:
    assert normalize_authors(values, visible=visible) == expected


@pytest.mark.parametrize(
    "body",
    [
        '<p class="byline">Sara Lind Stand: 01.02.2023</p>',
        '<p class="byline">Sara Lind Aktualisiert am 1. Februar</p>',
        '<p class="byline">Sara Lind publié le 1er février</p>',
        '<p class="byline">Sara Lind Actualizado el lunes</p>',
    ],
)
def test_byline_stops_at_date_labels_in_other_languages(body: str) -> None:
    _, meta = extract("", body)
    assert meta.authors == ("Sara Lind",)


@pytest.mark.parametrize(
    ("body", "authors"),
    [
        # an author card: the name part over the job title
        (
            '<div class="author_card"><p class="author_card-name">Ada Brandt</p>'
            '<p class="author_card-job_title">Senior Data Engineer</p></div>',
            ("Ada Brandt",),
        ),
        (
            '<div class="author"><div class="author--name"><a href="/autor/ole">Ole Berg</a>'
            '</div><div class="author--description">Mitglied der Abend News-Redaktion</div></div>',
            ("Ole Berg",),
        ),
        # two name parts are two authors; a breadcrumb's itemprop="name" is no name part
        (
            '<p class="byline">By <span class="byline__name">Ada Brandt</span> and '
            '<span class="byline__name">Ole Berg</span></p>',
            ("Ada Brandt", "Ole Berg"),
        ),
        (
            '<div class="article-author">von <a class="author-link">Ole Berg</a> in '
            '<span itemprop="name">Autos</span></div>',
            ("Ole Berg",),
        ),
    ],
)
def test_author_card_gives_its_name_part(body: str, authors: tuple[str, ...]) -> None:
    _, meta = extract("", body)
    assert meta.authors == authors


@pytest.mark.parametrize(
    "value", ["  a\u00a0 b\t\nc  ", "\u3000x\u2009y\u2028", "a &amp;\u00a0b", "", " \x1c "]
)
def test_clean_collapses_whitespace_as_the_regex_did(value: str) -> None:
    import html
    import re

    from articlekit.html.metadata import _clean

    expected = re.sub(r"\s+", " ", html.unescape(value)).strip()
    assert _clean(value) == expected


def test_jsonld_author_given_as_a_reference_is_looked_up_in_the_graph() -> None:
    # WordPress's SEO plugins write the article's author and publisher as @id references
    # to Person and Organization objects elsewhere in the same @graph
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "Organization", "@id": "https://x.org/#org", "name": "Example Times"},
            {
                "@type": "Article",
                "@id": "https://x.org/a/#article",
                "headline": "A headline of some words",
                "author": {"@id": "https://x.org/#/schema/person/29"},
                "publisher": {"@id": "https://x.org/#org"},
            },
            {"@type": "Person", "@id": "https://x.org/#/schema/person/29", "name": "Josh Doe"},
        ],
    }
    _, meta = extract(jsonld(graph))
    assert meta.authors == ("Josh Doe",)
    assert meta.source_of("authors") == "jsonld"
    assert meta.site_name == "Example Times"
    # a reference to nothing on the page, or to itself, names nobody
    graph["@graph"] = [
        {"@type": "Article", "@id": "#a", "headline": "A headline", "author": {"@id": "#nobody"}},
        {"@type": "Person", "@id": "#loop", "author": {"@id": "#loop"}},
    ]
    _, meta = extract(jsonld(graph))
    assert meta.authors == ()


@pytest.mark.parametrize(
    ("markup", "text", "tags"),
    [
        # a list of names: its items set apart, to be read as several people
        ("<div>By <ul><li>Ann Lee</li><li>Bo Chen</li></ul></div>", "By ; Ann Lee; Bo Chen", False),
        # a list of more than MAX_LISTED_NAMES items is a list of tags: items joined by a space
        (
            "<div>filed under <ul>"
            + "".join(f"<li><a>{t}</a></li>" for t in ("Alpha", "Beta", "Gamma", "Delta", "Eta"))
            + "</ul></div>",
            "filed under Alpha Beta Gamma Delta Eta",
            True,
        ),
        # a line break sets apart what it breaks, as a list item does
        ("<div>Ann &amp;amp; Bo<br>May 3</div>", "Ann & Bo; May 3", False),
        ("<div>" + "x" * 401 + "</div>", "", False),  # a container, not a byline
    ],
)
def test_byline_element_text_is_read_once_with_its_list_items_set_apart(
    markup: str, text: str, tags: bool
) -> None:
    assert byline_element_text(lxml.html.fragment_fromstring(markup)) == (text, tags)


def test_an_element_with_a_class_alone_and_one_with_more_attributes_are_both_read() -> None:
    # the walk takes a class-only element by a shorter path: its byline class is read as
    # before, and so is the Unix time beside a class on another element
    html = (
        "<html><body><article><h1>Tides</h1>"
        '<div class="byline">By Ann Lee</div>'
        '<span class="stamp" data-timestamp="1466522845">Jun 21</span>'
        "<p>Why the tide rose twice.</p></article></body></html>"
    )
    _, meta = extract_metadata(parse_tree(html))
    assert meta.authors == ("Ann Lee",)
    assert meta.published == "2016-06-21T15:27:25+00:00"
