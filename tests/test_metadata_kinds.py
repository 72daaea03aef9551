"""Metadata rules for kinds of page found on the dev half of an outside metadata set.

Each fixture is a few lines written here; each test fails without its rule.
"""

from __future__ import annotations

import lxml.html
import pytest

import articlekit
from articlekit.html.metadata import (
    date_from_url,
    date_span,
    extract_metadata,
    first_name_first,
    has_digit,
    in_language_zone,
    name_from_profile_url,
    normalize_authors,
    normalize_date,
    strip_site_name,
)
from articlekit.model import Metadata


def extract(
    head: str = "", body: str = "", *, url: str | None = None
) -> tuple[str | None, Metadata]:
    root = lxml.html.document_fromstring(
        f"<!DOCTYPE html><html><head>{head}</head><body>{body}<p>x</p></body></html>"
    )
    return extract_metadata(root, url=url)


# --------------------------------------------------------------------------- dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019年4月4日", "2019-04-04"),
        ("2019年04月04日 09:00", "2019-04-04T09:00:00"),
        ("公開日：2019年02月22日 14時30分", "2019-02-22T14:30:00"),
        ("２０１９年４月１１日（木）２２時２２分", "2019-04-11T22:22:00"),
        ("2019년 4월 4일", "2019-04-04"),
        ("2019年13月4日", None),
        ("12019年4月4日", None),
    ],
)
def test_cjk_dates(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


def test_pub_date_class_names_the_publication_date() -> None:
    _, meta = extract(body='<div class="pub-date">March 9 2017 4:21 PM</div><p>Text.</p>')
    assert meta.published == "2017-03-09T16:21:00"
    assert meta.source_of("published") == "class"


def test_url_day_takes_the_time_of_the_same_day() -> None:
    body = '<time datetime="2016-12-15T15:33:00-05:00">December 15, 2016</time>'
    _, meta = extract(body=body, url="https://news.example/2016/12/15/story")
    assert meta.published == "2016-12-15T15:33:00-05:00"
    assert meta.source_of("published") == "time"


def test_url_day_keeps_its_day_over_another_days_time() -> None:
    # a <time> of another day belongs to a teaser or a comment: the URL's day stays
    body = '<time datetime="2016-12-14T09:00:00-05:00">December 14, 2016</time>'
    _, meta = extract(body=body, url="https://news.example/2016/12/15/story")
    assert meta.published == "2016-12-15"
    assert meta.source_of("published") == "url"


# --------------------------------------------------------------------------- authors


def test_citation_authors_name_every_author() -> None:
    head = "".join(
        f'<meta name="citation_author" content="{name}">'
        for name in ("Ann Lee", "Bo Chen", "Cy Dee")
    )
    body = '<div class="byline">Ann Lee</div>'
    _, meta = extract(head, body)
    assert meta.authors == ("Ann Lee", "Bo Chen", "Cy Dee")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Smith, John", "John Smith"),
        ("Lee, Ann B.", "Ann B. Lee"),
        ("Jong, Michiel de", "Michiel de Jong"),
        ("van der Berg, Jan", "Jan van der Berg"),
        ("Contente-Cuomo, Tania", "Tania Contente-Cuomo"),
        ("O'Brien, Pat", "Pat O'Brien"),
        ("Kooman, F.", "F. Kooman"),
        ("Das, Amitava", "Amitava Das"),
        ("Smith, John; Lee, Ann", "John Smith; Ann Lee"),
        # left as they are: two people, a suffix, a degree, a role, an organisation
        ("John Smith, Ann Lee", "John Smith, Ann Lee"),
        ("Smith, Jr.", "Smith, Jr."),
        ("Lee, MD", "Lee, MD"),
        ("Ann Lee, Editor", "Ann Lee, Editor"),
        ("Nordex, SE", "Nordex, SE"),
        ("Lab, Research Group", "Lab, Research Group"),
        ("Smith, john", "Smith, john"),
        ("J., Ann", "J., Ann"),
        ("Smith, Ann, Bo", "Smith, Ann, Bo"),
        ("田中, 宏昌", "田中, 宏昌"),
        ("Ann Lee", "Ann Lee"),
    ],
)
def test_first_name_first_reorders_a_catalogue_name(value: str, expected: str) -> None:
    assert first_name_first(value) == expected


@pytest.mark.parametrize(
    "tag",
    [
        '<meta name="citation_author" content="Smith, John">'
        '<meta name="citation_author" content="Lee, Ann">',
        '<meta name="DC.creator" content="Smith, John"><meta name="DC.creator" content="Lee, Ann">',
        '<meta name="dcterms.creator" content="Smith, John">'
        '<meta name="dcterms.creator" content="Lee, Ann">',
        '<meta name="citation_authors" content="Smith, John; Lee, Ann">',
        '<meta name="bepress_citation_author" content="Smith, John">'
        '<meta name="bepress_citation_author" content="Lee, Ann">',
        '<meta name="eprints.creators_name" content="Smith, John">'
        '<meta name="eprints.creators_name" content="Lee, Ann">',
    ],
)
def test_scholarly_author_tags_written_surname_first_give_bylines(tag: str) -> None:
    _, meta = extract(tag)
    assert meta.authors == ("John Smith", "Ann Lee")


def test_a_visible_byline_with_a_comma_is_not_reordered() -> None:
    _, meta = extract(body='<h1>A headline</h1><div class="byline">By Lee, Chen</div>')
    assert "Chen Lee" not in meta.authors
    _, meta = extract('<meta name="author" content="Smith, John">')
    assert meta.authors == ("Smith, John",)


def test_meta_author_that_no_byline_shows_gives_way_to_a_confirmed_one() -> None:
    head = (
        '<meta name="author" content="Big Media Group">'
        '<meta property="article:author" content="Ann Lee">'
    )
    _, meta = extract(head, '<div class="byline">By Ann Lee</div>')
    assert meta.authors == ("Ann Lee",)
    assert meta.source_of("authors") == "og"


def test_meta_author_stays_when_a_byline_shows_it_or_nothing_confirms_another() -> None:
    head = (
        '<meta name="author" content="Ann Lee"><meta property="article:author" content="Bo Chen">'
    )
    # the byline names the meta author: it stays
    _, meta = extract(head, '<div class="byline">By Ann Lee</div>')
    assert meta.authors == ("Ann Lee",)
    # the byline names nobody declared (a teaser's byline): the first source stays
    _, meta = extract(head, '<div class="byline">By Cy Dee</div>')
    assert meta.authors == ("Ann Lee",)
    # no byline at all: nothing contradicts the meta author
    _, meta = extract(head)
    assert meta.authors == ("Ann Lee",)


# --------------------------------------------------------------------------- titles


SITE = '<meta property="og:site_name" content="NEWS">'


@pytest.mark.parametrize(
    ("social", "h1"),
    [
        # a section and the network's name after the story
        ("Why the Rain Stopped Early | NEWS Politics", "Why the Rain Stopped Early"),
        # a section label before it
        ("Opinion | Enough talk about the weather", "Enough talk about the weather"),
    ],
)
def test_social_title_gives_way_to_the_h1_part(social: str, h1: str) -> None:
    got, meta = extract(f'<meta property="og:title" content="{social}">{SITE}', f"<h1>{h1}</h1>")
    assert got == h1
    assert meta.source_of("title") == "h1"


def test_social_title_keeps_parts_a_logo_h1_names() -> None:
    # the <h1> is the site's logo text: neither the first nor the longest part
    social = "A long story about a weekend trip to the hills :: Blog Network ::"
    head = f'<meta property="og:title" content="{social}">'
    got, _ = extract(head, "<h1>Blog Network</h1>")
    assert got == social


@pytest.mark.parametrize(
    ("title", "site", "expected"),
    [
        (
            "ツリーを描画できる「Treeviz」:phpspot開発日誌",
            "phpspot開発日誌",
            "ツリーを描画できる「Treeviz」",
        ),
        ("Review of the new phone: Gadget Weekly", "Gadget Weekly", "Review of the new phone"),
        # a subtitle after the colon is no site name
        ("Review of the new phone: worth it", "Gadget Weekly", "Review of the new phone: worth it"),
        # too little would stay
        ("Review: Gadget Weekly", "Gadget Weekly", "Review: Gadget Weekly"),
    ],
)
def test_site_name_after_a_colon(title: str, site: str, expected: str) -> None:
    assert strip_site_name(title, site) == expected


# --------------------------------------------------------------------------- second round


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2018-10-29T10:15-500", "2018-10-29T10:15:00-05:00"),
        ("2018-10-29T10:15+530", "2018-10-29T10:15:00+05:30"),
        ("2018-10-29T10:15-2500", None),
    ],
)
def test_offset_without_its_leading_zero(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


def test_datetime_of_an_edit_is_no_time() -> None:
    _, meta = extract(body='<p>Text <ins datetime="2016-10-14T09:00:00Z">added</ins>.</p>')
    assert meta.published is None


@pytest.mark.parametrize(
    ("cls", "published"),
    [
        ("posted", "2019-04-04T09:00:00"),
        ("entry-posted-on", "2019-04-04T09:00:00"),
        ("posted-by", None),  # the author's element
    ],
)
def test_posted_class_names_the_publication_date(cls: str, published: str | None) -> None:
    _, meta = extract(body=f'<p class="{cls}">By KJ : 2019年04月04日 09:00</p>')
    assert meta.published == published


@pytest.mark.parametrize("cls", ["date", "post-date", "pubdate"])
def test_a_date_badge_in_parts_is_read_with_its_parts_apart(cls: str) -> None:
    body = (
        f'<div class="{cls}"><span class="month">Apr</span> <span class="day">04</span>'
        '<span class="year">2013</span></div>'
    )
    _, meta = extract(body=body)
    assert meta.published == "2013-04-04"


def test_a_date_badge_ignores_the_script_inside_it() -> None:
    body = '<div class="date"><span>04</span><script>var n = 7;</script><span>Apr 2013</span></div>'
    _, meta = extract(body=body)
    assert meta.published == "2013-04-04"


@pytest.mark.parametrize(
    "byline",
    [
        '<p class="author"><a>Post</a>by <a>woodfan</a> » 21.01.2009, 05:42</p>',
        '<div class="byline">By Ann Lee | April 13, 2020</div>',
    ],
)
def test_the_first_bylines_date_is_a_last_resort(byline: str) -> None:
    _, meta = extract(body=byline)
    assert meta.published is not None
    assert meta.published.startswith(("2009-01-21", "2020-04-13"))
    assert meta.source_of("published") == "byline"


def test_a_bylines_update_date_is_not_the_publication() -> None:
    _, meta = extract(body='<div class="byline">Ann Lee | Updated: April 13, 2020</div>')
    assert meta.published is None


def test_a_later_bylines_date_is_a_teasers() -> None:
    body = (
        '<div class="byline">By Ann Lee</div>'
        '<ul><li><div class="byline">By Bo Chen, April 13, 2020</div></li></ul>'
    )
    _, meta = extract(body=body)
    assert meta.published is None


def test_a_date_source_beats_the_bylines_date() -> None:
    body = '<div class="byline">By Ann Lee, April 13, 2020</div><p class="date">May 3, 2021</p>'
    _, meta = extract(body=body)
    assert meta.published == "2021-05-03"


def test_agency_credit_leaves_a_byline_with_a_name() -> None:
    _, meta = extract(body='<div class="byline">Ann Lee / TNN / Updated</div>')
    assert meta.authors == ("Ann Lee",)
    _, meta = extract(body='<div class="byline">By AP</div>')
    assert meta.authors == ("AP",)


# ------------------------------------------------------------------ the date after the <h1>


def test_date_written_after_the_h1_is_the_last_resort() -> None:
    body = "<h1>A headline</h1><p class='dek'>A standfirst.</p><p>By Ann Lee | April 13, 2020</p>"
    _, meta = extract(body=body)
    assert meta.published == "2020-04-13"
    assert meta.source_of("published") == "h1"


@pytest.mark.parametrize(
    "line",
    [
        "<p>Updated March 5, 2025</p>",
        "<p><span>Last updated:</span> <span>March 5, 2025</span></p>",
        "<p>Zuletzt aktualisiert am 05.03.2025</p>",
        "<p>Mis à jour le 5 mars 2025</p>",
    ],
)
def test_date_after_the_h1_labelled_as_an_update_is_the_modified_date(line: str) -> None:
    head = '<meta property="article:published_time" content="2025-03-01">'
    _, meta = extract(head, f"<h1>A headline</h1>{line}<p>The story begins here.</p>")
    assert meta.published == "2025-03-01"
    assert meta.modified == "2025-03-05"
    # without another date, the update's is the closest to the publication the page tells
    _, meta = extract(body=f"<h1>A headline</h1>{line}<p>The story begins here.</p>")
    assert meta.published == "2025-03-05"
    assert meta.modified == "2025-03-05"
    # ... and its source says so, for a reader who wants the publication alone
    assert meta.source_of("published") == "update"
    assert meta.source_of("modified") == "h1"


def test_update_line_older_than_the_declared_publication_is_no_modified_date() -> None:
    head = '<meta property="article:published_time" content="2026-03-05">'
    _, meta = extract(head, "<h1>A headline</h1><p>Updated August 21, 2024</p>")
    assert meta.published == "2026-03-05"
    assert meta.modified is None


def test_date_after_the_h1_inside_a_sentence_does_not_count() -> None:
    body = (
        "<h1>Club evening</h1><p>The next meeting of the club takes place on "
        "5 February 2020 from 7 pm in the back room of the cafe.</p>"
    )
    _, meta = extract(body=body)
    assert meta.published is None


def test_declared_date_wins_over_the_date_after_the_h1() -> None:
    head = '<meta property="article:published_time" content="2020-04-12T08:00:00Z">'
    _, meta = extract(head, "<h1>A headline</h1><p>April 13, 2020</p>")
    assert meta.published == "2020-04-12T08:00:00+00:00"


def test_date_after_the_h1_gives_the_url_day_its_time() -> None:
    body = "<h1>A headline</h1><div><span>Dec 15, 2016 2:57 PM</span></div>"
    _, meta = extract(body=body, url="https://news.example/2016/12/15/story")
    assert meta.published == "2016-12-15T14:57:00"


def test_indentation_after_the_h1_does_not_use_up_the_text_searched() -> None:
    # a template's nested wrappers, each indented: about 60 printed characters, but
    # over 300 with the white space between the tags
    pad = "\n" + " " * 40
    body = (
        f"<div>{pad}<div>{pad}<h1>A headline</h1>{pad}<h2>A standfirst of some words</h2>"
        + "".join(f"{pad}<div>{pad}<figure>{pad}</figure>{pad}</div>" for _ in range(3))
        + f"{pad}</div>{pad}<div>{pad}<div>Press release of 20.01.2022</div>{pad}</div></div>"
    )
    _, meta = extract(body=body)
    assert meta.published == "2022-01-20"


def test_byline_after_indentation_under_the_h1_is_found() -> None:
    pad = "\n" + " " * 60
    wrappers = "".join(f"{pad}<div>{pad}<div>{pad}</div>{pad}</div>" for _ in range(4))
    body = f"<h1>A headline</h1>{wrappers}<span class='teaser-cat'>von Anna Schmidt</span>"
    _, meta = extract(body=body)
    assert meta.authors == ("Anna Schmidt",)


def test_by_line_of_a_list_far_under_the_h1_signs_a_thread_not_the_page() -> None:
    pad = "\n" + " " * 60
    menu = "".join(
        f"{pad}<li>{pad}<a href='/f{i}'>Forum section {i}</a>{pad}</li>" for i in range(16)
    )
    body = f"<h1>Help forum (Page 1 of 79)</h1><ul>{menu}</ul><p>by <cite>someone13</cite></p>"
    _, meta = extract(body=body)
    assert meta.authors == ()


def test_date_in_a_labelled_table_row_after_the_h1_is_a_record_not_the_page() -> None:
    body = (
        "<h1>Example Foundation</h1><p>From the encyclopedia</p><table class='infobox'>"
        "<tr><th>Founded</th><td>February 28, 1998<span> (<span>1998-02-28</span>)</span>"
        "</td></tr></table>"
    )
    _, meta = extract(body=body)
    assert meta.published is None


def test_printed_text_after_the_h1_still_ends_the_search() -> None:
    filler = "<p>" + "A sentence of the article that runs on. " * 8 + "</p>"
    _, meta = extract(body=f"<h1>A headline</h1>{filler}<div>20.01.2022</div>")
    assert meta.published is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("By Ann Lee, Senior Correspondent", False),
        ("Published April 13, 2020", True),
        ("２０１９年４月４日", True),  # full-width digits are digits to the date patterns
        ("٥/٣/٢٠٢٤", True),  # so are Arabic-Indic ones
    ],
)
def test_has_digit_reads_digits_as_the_date_patterns_do(text: str, expected: bool) -> None:
    assert has_digit(text) is expected


def test_date_span_of_a_text_without_digits_is_none() -> None:
    assert date_span("By Ann Lee | Staff writer") is None
    assert date_span("By Ann Lee | April 13, 2020") == (13, 27)


def test_text_after_the_h1_is_bounded() -> None:
    body = "<h1>A headline</h1>" + "<div></div>" * 5000 + "<p>April 13, 2020</p>"
    _, meta = extract(body=body)
    assert meta.published is None


@pytest.mark.timeout(60)
def test_site_name_after_a_colon_is_found_in_linear_time() -> None:
    # strip_site_name takes any string: a run of spaces made the colon pattern retry from
    # every space (quadratic; minutes at this length)
    title = "Story " + " " * 200_000 + "x"
    assert strip_site_name(title, "Gadget Weekly") == title
    spaced = "Review of the new phone" + " :" * 50_000 + "  :  Gadget Weekly"
    assert strip_site_name(spaced, "Gadget Weekly") == "Review of the new phone" + " :" * 50_000


# ------------------------------------------------------------------ zone after a written time


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Updated: Oct 9, 2019, 11:05 IST", "2019-10-09T11:05:00+05:30"),
        ("Dec 1st 2016 1:01PM EST", "2016-12-01T13:01:00-05:00"),
        ("April 28, 2019 at 6:01 pm CEST", "2019-04-28T18:01:00+02:00"),
        ("Dec 15, 2016 2:57 PM (UTC)", "2016-12-15T14:57:00+00:00"),
        # generic US zones follow daylight saving time by the date's rules
        ("March 9 2017 4:21 PM ET", "2017-03-09T16:21:00-05:00"),
        ("March 13 2017 4:21 PM ET", "2017-03-13T16:21:00-04:00"),
        ("July 4, 2006 9:00 AM PT", "2006-07-04T09:00:00-07:00"),
        ("October 30, 2006 9:00 AM PT", "2006-10-30T09:00:00-08:00"),
        # not a zone: a longer word, a lower-case word, a date without a time
        ("Dec 1st 2016 1:01PM ESTABLISHED", "2016-12-01T13:01:00"),
        ("Dec 1st 2016 1:01 est", "2016-12-01T01:01:00"),
        ("March 9, 2017 ET", "2017-03-09"),
    ],
)
def test_zone_abbreviation_after_a_written_time(value: str, expected: str) -> None:
    assert normalize_date(value) == expected


# ------------------------------------------------------------------ more declared sources


def test_cxense_author_tag() -> None:
    _, meta = extract('<meta name="cXenseParse:author" content="Desk Staff">')
    assert meta.authors == ("Desk Staff",)
    assert meta.source_of("authors") == "meta"


def test_standard_author_tag_wins_over_the_cxense_one() -> None:
    head = '<meta name="author" content="Ann Lee"><meta name="cXenseParse:author" content="lee">'
    _, meta = extract(head)
    assert meta.authors == ("Ann Lee",)


@pytest.mark.parametrize(
    "name",
    [
        "shareaholic:article_author_name",
        "article_author",
        "article-author",
        "analytics:author",
        "analyticsAttributes.author",
        "vr:author",
        "bc:authors",
    ],
)
def test_plugin_and_analytics_author_tags(name: str) -> None:
    # a share plugin's or an analytics tag that a personal blog fills with its author
    _, meta = extract(f'<meta name="{name}" content="Wolfgang Michal">')
    assert meta.authors == ("Wolfgang Michal",)
    assert meta.source_of("authors") == "meta"


def test_visible_byline_wins_over_a_plugin_author_tag() -> None:
    # such a tag may hold the publisher: the byline element names the writer
    head = '<meta name="article-author" content="Example Tax &amp; Accounting">'
    _, meta = extract(head, '<h2>Story</h2><div class="author">Abby Colson</div>')
    assert meta.authors == ("Abby Colson",)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("<b>[</b>田中宏昌，<b>ITmedia]</b>", ("田中宏昌",)),
        ("[By Ann Lee]", ("Ann Lee",)),
        ("(By Ann Lee, Reuters)", ("Ann Lee",)),
        ("【田中宏昌】", ("田中宏昌",)),
    ],
)
def test_byline_set_whole_in_brackets(byline: str, expected: tuple[str, ...]) -> None:
    # an opening bracket cut a byline's tail, so a byline in brackets named nobody
    _, meta = extract(body=f'<h2>Story</h2><div id="byline">{byline}</div>')
    assert meta.authors == expected


def test_outlet_after_a_cjk_name_and_a_full_width_comma() -> None:
    assert normalize_authors(["田中宏昌，ITmedia"], visible=True) == ("田中宏昌",)


# ------------------------------------------------------------------ the byline after the <h1>


def test_byline_after_the_h1_wins_over_a_teasers_byline_element() -> None:
    body = (
        "<h1>Settlement payments can begin</h1><p>The court defers.</p>"
        '<div><span>By <a href="/author/ann-lee"> Ann Lee </a></span>'
        "<span>December 14, 2016</span></div><p>Story text.</p>"
        '<ul><li><a href="/other">Other story</a> <span class="byline">By Bo Chen</span></li></ul>'
    )
    _, meta = extract(body=body)
    assert meta.authors == ("Ann Lee",)
    assert meta.source_of("authors") == "h1"


@pytest.mark.parametrize(
    "after",
    [
        "<p>Photo by Ann Lee</p>",  # a picture's credit
        "<p>Autor kontaktieren</p>",  # a label, not a byline
        "<p>The club met by the lake, as every year, with Ann Lee in the chair.</p>",
    ],
)
def test_no_byline_after_the_h1(after: str) -> None:
    _, meta = extract(body="<h1>A headline</h1>" + after)
    assert meta.authors == ()


def test_declared_author_wins_over_the_byline_after_the_h1() -> None:
    head = '<meta name="author" content="Ann Lee">'
    _, meta = extract(head, "<h1>A headline</h1><p>By Ann Lee</p>")
    assert meta.source_of("authors") == "meta"


def test_byline_after_the_h1_confirms_a_later_declared_author() -> None:
    # a publishing group's name in <meta name="author"> on every page; the byline under
    # the headline names the writer, whom a later tag declares
    head = (
        '<meta name="author" content="Big Media Group">'
        '<meta name="cXenseParse:author" content="Ann Lee">'
    )
    _, meta = extract(head, "<h1>A headline</h1><p>Von Ann Lee</p>")
    assert meta.authors == ("Ann Lee",)


# ------------------------------------------------------------------ a time's offset from its twin


def test_time_without_offset_takes_it_from_a_source_with_the_same_time() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2017-11-03T03:01:00"}</script>'
        '<meta property="article:modified_time" content="2017-11-04T09:00:00+01:00">'
    )
    _, meta = extract(head, '<time datetime="2017-11-03T03:01:30-04:00">Nov 3</time>')
    assert meta.published == "2017-11-03T03:01:30-04:00"  # the first twin, to the minute
    assert meta.source_of("published") == "time"


@pytest.mark.parametrize(
    "other",
    [
        "2017-11-03T03:02:00-04:00",  # another minute
        "2017-11-03T03:01:00Z",  # "Z" on a local time is a template's habit
        "2017-11-03",  # no time
    ],
)
def test_time_without_offset_stays_without_a_twin(other: str) -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"datePublished": "2017-11-03T03:01:00"}</script>'
    )
    _, meta = extract(head, f'<time datetime="{other}">Nov 3</time>')
    assert meta.published == "2017-11-03T03:01:00"


# ------------------------------------------------------------------ an element named for a date


@pytest.mark.parametrize(
    ("element", "expected"),
    [
        ('<span class="date date-icon">26. Januar 2022</span>', "2022-01-26"),
        ('<div class="newsDate">27.02.2020</div>', "2020-02-27"),
        ('<h2 class="date-header"><span>Friday, December 23, 2016</span></h2>', "2016-12-23"),
        ('<div class="field field--name-field-publishing-date">13.01.2022</div>', "2022-01-13"),
        # the markup's indentation does not make the text too long
        (
            '<p class="meta date">' + " " * 120 + "2019年2月27日" + "\n\t" * 60 + "</p>",
            "2019-02-27",
        ),
    ],
)
def test_element_named_for_a_date_is_the_last_resort(element: str, expected: str) -> None:
    _, meta = extract(body=element + "<p>Text of the article.</p>")
    assert meta.published == expected
    assert meta.source_of("published") == "class"


@pytest.mark.parametrize(
    "element",
    [
        '<span class="last-updated">26. Januar 2022</span>',
        '<span class="event-date">26. Januar 2022</span>',
        '<span class="comment-date">26. Januar 2022</span>',
        '<span class="reference-accessdate">26. Januar 2022</span>',
        # a sentence, not a date line
        '<span class="date">The club voted on 26 January 2022 to move its meetings to the '
        "back room of the cafe on the market square.</span>",
        '<span class="date">Tomorrow</span>',
    ],
)
def test_element_named_for_another_date_or_holding_none(element: str) -> None:
    _, meta = extract(body=element)
    assert meta.published is None


def test_declared_date_wins_over_the_element_named_for_a_date() -> None:
    head = '<meta property="article:published_time" content="2022-01-25T08:00:00+01:00">'
    _, meta = extract(head, '<span class="date">26. Januar 2022</span>')
    assert meta.published == "2022-01-25T08:00:00+01:00"


def test_date_after_the_h1_wins_over_the_element_named_for_a_date() -> None:
    body = (
        '<ul><li><a href="/other">Other story</a> <span class="date">3 May 2021</span></li></ul>'
        "<h1>A headline</h1><p>By Ann Lee | April 13, 2020</p>"
    )
    _, meta = extract(body=body)
    assert meta.published == "2020-04-13"
    assert meta.source_of("published") == "h1"


# ------------------------------------------------------------------ a byline cut at its date


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Von <a>MORITZ GATHMANN</a> am 21. April 2020", ("MORITZ GATHMANN",)),
        ("By Ann Lee on May 3, 2021", ("Ann Lee",)),
        ("Par Ann Lee le 3 mai 2021", ("Ann Lee",)),
        # a name ending in "Le" keeps it
        ("By Kim Le | May 3, 2021", ("Kim Le",)),
    ],
)
def test_byline_cut_at_its_date_loses_the_dates_preposition(
    byline: str, expected: tuple[str, ...]
) -> None:
    _, meta = extract(body=f'<div class="byline">{byline}</div>')
    assert meta.authors == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("4.\u20092.\u20092022.", "2022-02-04"),  # thin spaces, a full stop after the year
        ("Datum: 17.01.2021.", "2021-01-17"),
        ("1.2.2022.3", None),  # a version number, not a date
    ],
)
def test_dotted_date_followed_by_a_full_stop(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


# ------------------------------------------------------------------ the date line above the <h1>


def test_date_line_just_before_the_h1() -> None:
    body = (
        '<div class="kicker"><span>24. April 2020</span> | <a href="/politik">Politik</a></div>'
        "<h1>A headline</h1><p>The article's text, without a date.</p>"
    )
    _, meta = extract(body=body)
    assert meta.published == "2020-04-24"
    assert meta.source_of("published") == "h1"


def test_text_before_the_h1_is_read_nearest_first_within_its_node_budget() -> None:
    from articlekit.html.metadata import _text_nodes_before

    root = lxml.html.fromstring(
        "<html><body><div>top<p>a<b>b</b>c</p>d<script>x</script>e<h1>H</h1></div></body></html>"
    )
    h1 = next(root.iter("h1"))
    # each tail, then the subtree backwards; a script's text is never read
    assert list(_text_nodes_before(h1, 30)) == ["e", "d", "c", "b", "a", "top"]
    # every text or tail looked at counts, empty or not: the script's tail, the <p>'s
    # tail, the <b>'s tail
    assert list(_text_nodes_before(h1, 3)) == ["e", "d", "c"]


@pytest.mark.parametrize(
    "before",
    [
        # more text between the date and the headline than a kicker holds
        "<p>3 May 2021</p><p>" + "A teaser's summary runs on for a while. " * 5 + "</p>",
        '<script>var published = "3 May 2021";</script>',
        # a date inside a sentence
        "<p>The club met on 3 May 2021 in the back room of the old cafe, "
        "as it does every year.</p>",
        # beyond the nodes looked through
        "<p>3 May 2021</p>" + "<span></span>" * 100,
    ],
)
def test_no_date_line_before_the_h1(before: str) -> None:
    _, meta = extract(body=before + "<h1>A headline</h1><p>Text.</p>")
    assert meta.published is None


# ------------------------------------------------------------------ the site as the declared author


_SITE_AS_AUTHOR = (
    '<meta property="og:site_name" content="Garden Weekly">'
    '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A headline", '
    '"author": {"@type": "Organization", "name": "Garden Weekly"}}</script>'
)


def test_site_declared_as_author_gives_way_to_a_visible_byline() -> None:
    body = '<h1>A headline</h1><div class="byline">By Ann Lee</div>'
    _, meta = extract(_SITE_AS_AUTHOR, body)
    assert meta.authors == ("Ann Lee",)
    assert meta.source_of("authors") == "h1"  # the byline line under the headline


@pytest.mark.parametrize(
    "body",
    [
        "<h1>A headline</h1><p>No byline here.</p>",
        '<h1>A headline</h1><div class="byline">By GW</div>',  # initials, not a person
    ],
)
def test_site_declared_as_author_stays_without_a_persons_byline(body: str) -> None:
    _, meta = extract(_SITE_AS_AUTHOR, body)
    assert meta.authors == ("Garden Weekly",)


def test_person_declared_as_author_stays_over_another_visible_byline() -> None:
    head = _SITE_AS_AUTHOR.replace(
        '"Organization", "name": "Garden Weekly"', '"Person", "name": "Bo Chen"'
    )
    _, meta = extract(head, '<h1>A headline</h1><div class="byline">By Ann Lee</div>')
    assert meta.authors == ("Bo Chen",)


def _jsonld_authors(authors: str) -> str:
    return (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A headline",'
        f' "author": {authors}}}</script>'
    )


@pytest.mark.parametrize(
    ("authors", "expected"),
    [
        pytest.param(
            '[{"@type": "Person", "name": "Ann Lee"},'
            ' {"@type": "Organization", "name": "Daily Planet"}]',
            ("Ann Lee",),
            id="person-and-organisation",
        ),
        pytest.param(
            '[{"@type": "Person", "name": "Ann Lee"},'
            ' {"@type": "NewsMediaOrganization", "name": "Planet Wire"},'
            ' {"@type": "Person", "name": "Bo Chen"}]',
            ("Ann Lee", "Bo Chen"),
            id="two-people-and-an-agency",
        ),
        pytest.param(
            '[{"@type": "Organization", "name": "Daily Planet"},'
            ' {"@type": "Organization", "name": "Planet Wire"}]',
            ("Daily Planet", "Planet Wire"),
            id="organisations-only-stay",
        ),
        pytest.param(
            '["Ann Lee", {"@type": "Organization", "name": "Daily Planet"}]',
            ("Ann Lee", "Daily Planet"),
            id="untyped-name-keeps-the-list",
        ),
    ],
)
def test_jsonld_author_list_names_its_people_not_their_organisation(
    authors: str, expected: tuple[str, ...]
) -> None:
    _, meta = extract(_jsonld_authors(authors), "<p>Text.</p>")
    assert meta.authors == expected


def test_jsonld_author_typed_organisation_gives_way_to_a_persons_byline() -> None:
    head = _jsonld_authors('{"@type": "Organization", "name": "Daily Planet"}')
    _, meta = extract(head, '<div class="byline">By Ann Lee</div>')
    assert meta.authors == ("Ann Lee",)
    # typed a person, the same name stays
    head = _jsonld_authors('{"@type": "Person", "name": "Daily Planet"}')
    _, meta = extract(head, '<div class="byline">By Ann Lee</div>')
    assert meta.authors == ("Daily Planet",)


# ------------------------------------------------------------------ labelled dates


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("<dl><dt>Published</dt><dd>May 3, 2021</dd></dl>", "2021-05-03"),
        ("<dl><dt>Publication date:</dt>\n<!-- x --><dd> 3 May 2021 </dd></dl>", "2021-05-03"),
        ("<dl><dt><span>Published</span></dt><dd>May 3, 2021</dd></dl>", "2021-05-03"),
        ("<ul><li><strong>Veröffentlicht am:</strong> 03.05.2021</li></ul>", "2021-05-03"),
        ("<p><b>Posted</b> on May 3, 2021</p>", "2021-05-03"),
        (
            '<div class="field-label">Date published</div><div class="field-item">'
            "May 3, 2021</div>",
            "2021-05-03",
        ),
        ('<span class="meta-label">Publié le 3 mai 2021</span>', "2021-05-03"),
        ("<table><tr><th>Published</th><td>3 May 2021</td></tr></table>", "2021-05-03"),
        # a bare "Date", a release date (a store's or an archive's record of the item)
        ("<ul><li><strong>Date</strong>\n03.05.2021</li></ul>", "2021-05-03"),
        ('<span class="label">Datum</span> <span class="value">03.05.2021</span>', "2021-05-03"),
        ("<dl><dt>配信開始日</dt><dd>2021/5/3</dd></dl>", "2021-05-03"),
        ("<dl><dt>Release date</dt><dd>May 3, 2021</dd></dl>", "2021-05-03"),
    ],
)
def test_a_label_names_the_publication_date(body: str, expected: str) -> None:
    _, meta = extract(body=body)
    assert meta.published == expected
    assert meta.source_of("published") == "label"


@pytest.mark.parametrize(
    "body",
    [
        # an encyclopedia's infobox: the date of the event or of the work described
        "<table><tr><th>Released</th><td>3 May 2021</td></tr></table>",
        "<table><tr><th>Date</th><td>3 May 2021</td></tr></table>",
        # a label that names no date, or a value too long to be one
        "<dl><dt>Author</dt><dd>3 May 2021</dd></dl>",
        "<dl><dt>Published</dt><dd>in the May 3, 2021 issue of a magazine that ran the"
        " story with a long note about its sources</dd></dl>",
        "<p><b>Published</b></p><script>var d = '2021-05-03';</script>",
        "<dl><dt>Last updated</dt><dd>May 3, 2021</dd></dl>",  # a modification
    ],
)
def test_no_labelled_publication_date(body: str) -> None:
    _, meta = extract(body=body)
    assert meta.published is None


def test_a_label_names_the_modification_date() -> None:
    _, meta = extract(body="<dl><dt>Last updated:</dt><dd>May 4, 2021</dd></dl>")
    assert meta.modified == "2021-05-04"
    assert meta.source_of("modified") == "label"


# ------------------------------------------------------------------ JSON-LD without its type


def test_schema_org_json_in_a_script_without_type() -> None:
    head = (
        '<script>{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"headline": "A headline", "datePublished": "2022-01-28T06:00:00+01:00"}</script>'
    )
    _, meta = extract(head, "<h1>A headline</h1>")
    assert meta.published == "2022-01-28T06:00:00+01:00"
    assert meta.source_of("published") == "jsonld"


@pytest.mark.parametrize(
    "script",
    [
        '<script type="text/javascript">{"@context": "https://schema.org",'
        ' "datePublished": "2022-01-28"}</script>',  # a program's own type: not read
        '<script>var x = {"@context": "https://schema.org", "datePublished": "2022-01-28"}'
        "</script>",
        '<script>{"@context": "https://example.org", "datePublished": "2022-01-28"}</script>',
    ],
)
def test_other_scripts_are_not_json_ld(script: str) -> None:
    _, meta = extract(script, "<h1>A headline</h1>")
    assert meta.published is None


# ------------------------------------------------------------------ Unix times


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("1466522845", "2016-06-21T15:27:25+00:00"),
        ("1466522845000", "2016-06-21T15:27:25+00:00"),
        ("20160621", "2016-06-21"),  # eight digits: the compact ISO form
        ("146652284", None),  # nine digits: 1974, a count or an id
        ("14665228450", None),
        ("9999999999", None),  # 2286
        ("１４６６５２２８４５", None),  # full-width digits are no machine's time
    ],
)
def test_unix_times(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


def test_unix_time_in_a_data_attribute_is_the_first_time() -> None:
    body = (
        '<h1>A post</h1><span data-time="30">0:30</span>'  # a duration: not a time
        '<a href="/p/1"><span data-time="1466522845" data-time-ms="1466522845000">'
        "Jun 21</span></a>"
        '<span data-time-ms="1466523020000">Jun 21</span>'
    )
    _, meta = extract(body=body)
    assert meta.published == "2016-06-21T15:27:25+00:00"
    assert meta.source_of("published") == "time"


def test_unix_time_in_json_ld() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "A post",'
        ' "datePublished": 1466522845000, "dateModified": true}</script>'
    )
    _, meta = extract(head, "<h1>A post</h1>")
    assert meta.published == "2016-06-21T15:27:25+00:00"
    assert meta.source_of("published") == "jsonld"
    assert meta.modified is None


# ------------------------------------------------------------------ "Staff" as a name


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("By Jamie Staff", ("Jamie Staff",)),  # a real surname
        ("By TMZ Staff", ("TMZ Staff",)),  # a desk's credit: all the byline says
        ("By Ann Lee, Times Staff", ("Ann Lee",)),  # beside a person: a role
        ("By Ann Lee and Jamie Staff", ("Ann Lee",)),
        ("Staff Writer", ()),
        ("By Staff", ()),
        ("By Ann Lee Globe Staff", ()),
        ("By Editor Staff", ()),
    ],
)
def test_staff_as_the_last_word_of_a_visible_byline(byline: str, expected: tuple[str, ...]) -> None:
    assert normalize_authors([byline], visible=True) == expected


# ------------------------------------------------------------------ a date inside the <h1>


def test_a_date_set_in_the_heading_under_the_headline() -> None:
    body = "<h1>A headline<br><small><span></span> 02.02.2022 • <span>Sport</span></small></h1>"
    _, meta = extract(body=body)
    assert meta.published == "2022-02-02"
    assert meta.source_of("published") == "h1"


@pytest.mark.parametrize(
    "h1",
    [
        "<h1><span>Results of May 3, 2021</span></h1>",  # the headline's own words
        "<h1>Results of May 3, 2021</h1>",
    ],
)
def test_a_date_in_the_headline_itself_is_not_the_pages(h1: str) -> None:
    _, meta = extract(body=h1 + "<p>Text.</p>")
    assert meta.published is None


# ------------------------------------------------------------------ more date spellings


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("15 августа 2016, 13:43", "2016-08-15T13:43:00"),  # Russian, genitive
        ("15 серпня 2016", "2016-08-15"),  # Ukrainian
        ("wtorek, 11 maja 2021, 11:49", "2021-05-11T11:49:00"),  # Polish
        ("1 października 2020", "2020-10-01"),  # a twelve-letter month name
        ("3 mei 2021", "2021-05-03"),  # Dutch
        ("23.09.22", "2022-09-23"),  # a two-digit year, as a whole text
        ("17.7.11, 10:15", "2011-07-17T10:15:00"),
        ("Version 1.2.22", None),  # inside a longer text: a version number
        ("32.09.22", None),
        ("5 participants 2020", None),
    ],
)
def test_more_date_spellings(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


def test_a_russian_date_line_above_the_headline() -> None:
    body = '<p class="rubric">Германия</p><p>15 августа 2016, 13:43</p><h1>Заголовок</h1>'
    _, meta = extract(body=body)
    assert meta.published == "2016-08-15T13:43:00"
    assert meta.source_of("published") == "h1"


# ------------------------------------------------------------------ a profile URL as the author


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://www.example.com/editors/jon-fingas", "Jon Fingas"),
        ("https://example.org/author/john-patrick-pullen/", "John Patrick Pullen"),
        ("https://example.de/autoren/S/Caspar_Schwietering/index", "Caspar Schwietering"),
        ("https://example.fr/auteur/5631-alexandre-hervaud", "Alexandre Hervaud"),
        ("https://example.fr/auteur/2005-afp", None),  # one word: a handle or an agency
        ("https://example.org/author/admin", None),
        ("https://social.example/peoplemag", None),  # no profile folder
        ("https://example.org/jon-fingas", None),
        ("https://example.org/author/ann-lee-2", None),  # digits: an id, not a name
        ("/@handle", None),
        ("Ann Lee", None),
    ],
)
def test_name_from_profile_url(url: str, expected: str | None) -> None:
    assert name_from_profile_url(url) == expected


def test_profile_url_as_the_last_author_source() -> None:
    head = '<meta property="article:author" content="https://example.com/editors/jon-fingas">'
    _, meta = extract(head, "<h1>A headline</h1><p>Text.</p>")
    assert meta.authors == ("Jon Fingas",)
    assert meta.source_of("authors") == "og"


def test_a_byline_comes_before_the_profile_url() -> None:
    head = '<meta property="article:author" content="https://example.com/editors/jon-fingas">'
    _, meta = extract(head, '<h1>A headline</h1><div class="byline">By Ann Lee</div>')
    assert meta.authors == ("Ann Lee",)


# ------------------------------------------------------------------ the outlet after a name


@pytest.mark.parametrize(
    ("author", "expected"),
    [
        ("Rob Picheta, CNN", ("Rob Picheta",)),  # the site's credit after the name
        ("Rob Picheta, Reuters", ("Rob Picheta, Reuters",)),  # another outlet: kept as given
        ("Picheta, CNN", ("Picheta, CNN",)),  # one word before the comma: not a name
    ],
)
def test_the_sites_credit_after_a_declared_name(author: str, expected: tuple[str, ...]) -> None:
    head = f'<meta property="og:site_name" content="CNN"><meta name="author" content="{author}">'
    _, meta = extract(head, "<h1>A headline</h1>", url="https://edition.cnn.com/2021/a.html")
    assert meta.authors == expected


# ------------------------------------------------------------------ a permalink's time


_THREAD = (
    '<div><a href="/ann/status/1"><span data-time-ms="1466477165000">Jun 21</span></a></div>'
    '<div><a href="/ann/status/2"><span data-time-ms="1466522845000">Jun 21</span></a></div>'
)


def test_the_time_in_a_link_to_the_page_is_its_own() -> None:
    _, meta = extract(body=_THREAD, url="https://social.example/ann/status/2")
    assert meta.published == "2016-06-21T15:27:25+00:00"


def test_without_a_permalink_the_first_time_stays() -> None:
    _, meta = extract(body=_THREAD, url="https://social.example/ann/status/3")
    assert meta.published == "2016-06-21T02:46:05+00:00"


def test_a_blogs_permalink_time_element() -> None:
    body = (
        '<aside><time datetime="2020-01-01">Jan 1</time></aside>'
        '<h1>A post</h1><a href="https://blog.example/2021/post/" rel="bookmark">'
        '<time datetime="2021-05-03T10:00:00+02:00">May 3</time></a>'
    )
    _, meta = extract(body=body, url="https://blog.example/2021/post")
    assert meta.published == "2021-05-03T10:00:00+02:00"


def test_a_link_to_the_home_page_is_no_permalink() -> None:
    body = (
        '<time datetime="2020-01-01">Jan 1</time>'
        '<a href="/"><time datetime="2021-05-03">May 3</time></a>'
    )
    _, meta = extract(body=body, url="https://blog.example/")
    assert meta.published == "2020-01-01"


# ------------------------------------------------- session 15: teasers, credits, organisations


@pytest.mark.parametrize("credit", ["det/dpa", "dpa/lno", "APA/AP"])
def test_a_credit_of_slashed_codes_is_one_credit(credit: str) -> None:
    assert normalize_authors([credit]) == (credit,)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [("Lee/Chen", ("Lee", "Chen")), ("Ann Lee / Bo Chen", ("Ann Lee", "Bo Chen"))],
)
def test_slashed_names_are_still_two_people(byline: str, expected: tuple[str, ...]) -> None:
    assert normalize_authors([byline]) == expected


@pytest.mark.parametrize(
    "declared",
    [
        "ann_lee",
        "ann.lee",
        "annlee42",
        "example.de",
        "Example Media GmbH",
        "Verein für Wald e.V.",
        "Landesanstalt für Wald",
    ],
)
def test_a_declared_author_that_is_no_person_gives_way_to_the_byline(declared: str) -> None:
    head = f'<meta name="author" content="{declared}">'
    _, meta = extract(head, '<div class="byline">Ann Lee</div>')
    assert meta.authors == ("Ann Lee",)


@pytest.mark.parametrize("handle", ["annlee42", "Marianne1", "delta201"])
def test_a_declared_account_name_with_digits_is_an_author(handle: str) -> None:
    _, meta = extract(f'<meta name="author" content="{handle}">', "<p>Text.</p>")
    assert meta.authors == (handle,)


def test_a_declared_account_name_stays_before_a_one_word_byline() -> None:
    head = (
        '<script type="application/ld+json">{"@type": "BlogPosting", "author": "annlee42"}</script>'
    )
    _, meta = extract(head, '<div class="byline">Reader</div>')
    assert meta.authors == ("annlee42",)


@pytest.mark.parametrize("value", ["Ann Lee 2019", "12345", "r2", "Ann2Lee", "ann_12"])
def test_digits_outside_an_account_name_are_still_noise(value: str) -> None:
    assert normalize_authors([value]) == ()


def test_a_forum_posts_microdata_author_may_be_an_account_name() -> None:
    body = (
        '<div itemscope itemtype="https://schema.org/DiscussionForumPosting">'
        '<div itemprop="author" itemscope itemtype="https://schema.org/Person">'
        '<span itemprop="name">woodfan13</span></div>'
        '<div itemprop="text">My first bench.</div></div>'
    )
    _, meta = extract(body=body)
    assert meta.authors == ("woodfan13",)


@pytest.mark.parametrize(
    "byline",
    [
        "<span>Ann Lee</span><span>December 5, 2023</span>",
        "<b>Ann Lee</b><i>Mon Jul 03, 2017 8:12 am</i>",
        "<a>Ann Lee</a><em>Contributor</em>",
        "<span>Ann Lee</span><span>Reviewed by Bo Chen</span>",
    ],
)
def test_a_date_role_or_label_run_into_a_byline_name_goes(byline: str) -> None:
    _, meta = extract(body=f'<div class="byline">{byline}</div>')
    assert meta.authors == ("Ann Lee",)


@pytest.mark.parametrize("name", ["Bo McDonald", "Sam DeMay", "Elin SanSone", "Ann LeeMayfair"])
def test_capitals_inside_a_name_stay(name: str) -> None:
    _, meta = extract(body=f'<div class="byline">{name}</div>')
    assert meta.authors == (name,)


@pytest.mark.parametrize(
    "byline",
    [
        '<div class="author"><a href="/blog/category/tools">Tools</a></div>',
        '<a class="author" href="https://example.org/tag/garden/">Garden</a>',
    ],
)
def test_a_byline_element_that_is_a_category_link_names_nobody(byline: str) -> None:
    _, meta = extract(body=byline + '<p class="byline">By Ann Lee</p>')
    assert meta.authors == ("Ann Lee",)


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ('<div class="author"><a href="/author/ann-lee/">Ann Lee</a></div>', ("Ann Lee",)),
        (
            '<div class="author"><a href="/tag/a">Ann Lee</a>, <a href="/tag/b">Bo Chen</a></div>',
            ("Ann Lee", "Bo Chen"),
        ),
    ],
)
def test_a_byline_element_with_more_than_a_category_link_stays(
    byline: str, expected: tuple[str, ...]
) -> None:
    _, meta = extract(body=byline)
    assert meta.authors == expected


def test_the_bylines_date_is_read_only_when_no_other_source_gives_one() -> None:
    body = '<div class="byline">By Ann Lee, May 3, 2021 10:00 EST</div>'
    _, meta = extract(body=body, url="https://example.org/2021/05/03/story")
    assert meta.published == "2021-05-03"
    assert meta.source_of("published") == "url"


def test_a_visible_account_name_with_digits_is_still_noise() -> None:
    assert normalize_authors(["annlee42"], visible=True) == ()


def test_a_declared_person_stays_before_the_byline() -> None:
    head = '<meta name="author" content="Kim Se">'
    _, meta = extract(head, '<div class="byline">Ann Lee</div>')
    assert meta.authors == ("Kim Se",)


def test_a_declared_organisation_stays_without_a_persons_byline() -> None:
    _, meta = extract('<meta name="author" content="Example Media GmbH">', "<p>Text.</p>")
    assert meta.authors == ("Example Media GmbH",)


@pytest.mark.parametrize(
    "cls",
    ["post-autor", "dates_auteurs", "article-autorin", "autorenzeile", "newsArticleAuthorBlock"],
)
def test_byline_classes_in_other_languages_and_camel_case(cls: str) -> None:
    _, meta = extract(body=f'<p class="{cls}">Von Ann Lee</p>')
    assert meta.authors == ("Ann Lee",)


@pytest.mark.parametrize("cls", ["doc-autorefs", "autoresize", "author-email"])
def test_classes_that_only_look_like_a_byline(cls: str) -> None:
    _, meta = extract(body=f'<span class="{cls}">Ann Lee</span>')
    assert meta.authors == ()


@pytest.mark.parametrize(
    "byline",
    [
        "Posted on September 21, 2020 by Ann Lee",
        "Published May 3, 2021 by Ann Lee | 3 comments",
        "Veröffentlicht am 3.5.2021 von Ann Lee",
        "Publié le 3 mai 2021 par Ann Lee",
    ],
)
def test_a_byline_that_opens_with_its_date(byline: str) -> None:
    _, meta = extract(body=f'<div class="entry-author">{byline}</div>')
    assert meta.authors == ("Ann Lee",)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("17/02/2022", "2022-02-17"),
        ("12/14/2016", "2016-12-14"),
        ("29-10-2021", "2021-10-29"),
        ("05/29/2007 09:49:00", "2007-05-29T09:49:00"),
        ("2/26/2015 7:11 AM PST", "2015-02-26T07:11:00-08:00"),
        ("Thu, 09/25/2025 - 11:38", "2025-09-25T11:38:00"),
    ],
)
def test_a_slashed_date_whose_order_shows(value: str, expected: str) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize("value", ["5/3/2024", "13/13/2020", "31/02/2022", "1/2/3/2020"])
def test_a_slashed_date_of_either_order_or_none_is_not_read(value: str) -> None:
    assert normalize_date(value) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/news/29-10-2021", "2021-10-29"),
        ("https://example.org/news/12-14-2016.html", "2016-12-14"),
        ("https://example.org/news/5-3-2021", None),
        ("https://example.org/news/29-10-2021-a-story", None),
    ],
)
def test_a_url_segment_that_is_a_date_alone(url: str, expected: str | None) -> None:
    assert date_from_url(url) == expected


@pytest.mark.parametrize(
    "name",
    ["published-date", "published_date", "publication_date", "citation_publication_date"],
)
def test_meta_tags_naming_the_publication_date(name: str) -> None:
    _, meta = extract(f'<meta name="{name}" content="2021-02-16">')
    assert meta.published == "2021-02-16"
    assert meta.source_of("published") == "meta"


@pytest.mark.parametrize(
    ("name", "source"),
    [
        ("DC.date.issued", "dc"),
        ("DC.date.created", "dc"),
        ("dcterms.issued", "dc"),
        ("dcterms.created", "dc"),
        ("prism.publicationDate", "meta"),
        ("citation_online_date", "meta"),
        ("bepress_citation_date", "meta"),
        ("eprints.date", "meta"),
    ],
)
def test_dublin_core_prism_and_citation_dates_are_the_publication_date(
    name: str, source: str
) -> None:
    _, meta = extract(f'<meta name="{name}" content="2021-03-04">')
    assert meta.published == "2021-03-04"
    assert meta.source_of("published") == source


@pytest.mark.parametrize("name", ["DC.date.modified", "dcterms.modified", "prism.modificationDate"])
def test_dublin_core_and_prism_modification_dates(name: str) -> None:
    _, meta = extract(f'<meta name="{name}" content="2021-03-05">')
    assert meta.modified == "2021-03-05"
    assert meta.published is None


def test_a_citation_date_that_is_a_year_alone_gives_way_to_a_full_one() -> None:
    head = (
        '<meta name="citation_publication_date" content="2021">'
        '<meta name="citation_online_date" content="2021/03/04">'
    )
    _, meta = extract(head)
    assert meta.published == "2021-03-04"
    _, meta = extract('<meta name="citation_publication_date" content="2021">')
    assert meta.published is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [("2023 Jan 7", "2023-01-07"), ("2024 June 30", "2024-06-30"), ("2023 Foo 7", None)],
)
def test_a_date_written_year_first_with_the_months_name(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


def test_a_year_first_date_inside_a_longer_text_is_not_read() -> None:
    assert normalize_date("Volume 2023 Jan 7 to 9") is None


# ------------------------------------------------------- a local time in a one-zone language


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ja", "2019-04-04T09:00:00+09:00"),  # Japan: one zone, no daylight saving time
        ("ko-KR", "2019-04-04T09:00:00+09:00"),
        ("zh-Hant-TW", "2019-04-04T09:00:00+08:00"),  # Taiwan, as China, at UTC+8
        ("en", "2019-04-04T09:00:00"),  # spoken in many zones: no offset is guessed
        ("es", "2019-04-04T09:00:00"),
    ],
)
def test_local_time_takes_the_one_zone_of_the_page_language(lang: str, expected: str) -> None:
    root = lxml.html.document_fromstring(
        f'<html lang="{lang}"><body><h1>A headline</h1>'
        '<time datetime="2019-04-04T09:00:00">4/4</time><p>x</p></body></html>'
    )
    _, meta = extract_metadata(root)
    assert meta.published == expected


def test_language_zone_keeps_a_stated_offset_and_a_day_alone() -> None:
    assert in_language_zone("2019-04-04T09:00:00+00:00", "ja") == "2019-04-04T09:00:00+00:00"
    assert in_language_zone("2019-04-04", "ja") == "2019-04-04"
    assert in_language_zone("2019-04-04T09:00:00", None) == "2019-04-04T09:00:00"


def test_language_zone_applies_to_the_modified_date_too() -> None:
    head = '<meta property="article:modified_time" content="2019-04-05T10:30:00">'
    root = lxml.html.document_fromstring(
        f'<html lang="ja"><head>{head}</head><body><h1>見出し</h1><p>x</p></body></html>'
    )
    _, meta = extract_metadata(root)
    assert meta.modified == "2019-04-05T10:30:00+09:00"


def test_language_guessed_from_the_text_gives_its_zone() -> None:
    body = "".join(
        f"<p>これは日本語の記事の段落です。番号{i}の文章が続きます。"
        "東京の天気は晴れで、気温は二十度まで上がる見込みです。</p>"
        for i in range(12)
    )
    doc = articlekit.parse_html(
        f"<html><body><article><h1>見出しです</h1><p>2019年4月4日 09:00</p>{body}"
        "</article></body></html>"
    )
    assert doc.metadata.language == "ja"
    assert doc.metadata.source_of("language") == "text"
    assert doc.metadata.published == "2019-04-04T09:00:00+09:00"


@pytest.mark.parametrize(
    ("lang", "stated", "expected"),
    [
        ("zh", "2019-04-05T10:00:00+09:00", "2019-04-04T09:00:00+09:00"),  # not China's +08:00
        ("ja", "2019-04-05T10:00:00-07:00", "2019-04-04T09:00:00-07:00"),
        ("ja", "2019-04-05T10:00:00Z", "2019-04-04T09:00:00+09:00"),  # "Z" states nothing
        ("zh", None, "2019-04-04T09:00:00+08:00"),
        ("en", "2019-04-05T10:00:00-07:00", "2019-04-04T09:00:00"),  # no zone is guessed
    ],
)
def test_language_zone_yields_to_an_offset_the_page_states(
    lang: str, stated: str | None, expected: str
) -> None:
    head = f'<meta property="article:modified_time" content="{stated}">' if stated else ""
    root = lxml.html.document_fromstring(
        f'<html lang="{lang}"><head>{head}</head><body><h1>A headline</h1>'
        '<time datetime="2019-04-04T09:00:00">4/4</time><p>x</p></body></html>'
    )
    _, meta = extract_metadata(root)
    assert meta.published == expected


def test_guessed_language_zone_yields_to_an_offset_the_page_states() -> None:
    body = "".join(
        f"<p>これは日本語の記事の段落です。番号{i}の文章が続きます。"
        "東京の天気は晴れで、気温は二十度まで上がる見込みです。</p>"
        for i in range(12)
    )
    doc = articlekit.parse_html(
        '<html><head><meta property="article:modified_time" content="2019-04-05T10:00:00-07:00">'
        f"</head><body><article><h1>見出しです</h1><p>2019年4月4日 09:00</p>{body}"
        "</article></body></html>"
    )
    assert doc.metadata.language == "ja"
    assert doc.metadata.published == "2019-04-04T09:00:00-07:00"
    assert doc.metadata.modified == "2019-04-05T10:00:00-07:00"


# ----------------------------------------------------- "written by" in other languages


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Verfasst von Anna Schmidt", "Anna Schmidt"),
        ("Écrit par Jean Dupont", "Jean Dupont"),
        ("Escrito por Ana García", "Ana García"),
        ("Scritto da Marco Rossi", "Marco Rossi"),
        ("Geschreven door Jan de Vries", "Jan de Vries"),
    ],
)
def test_written_by_line_under_the_h1_in_other_languages(line: str, name: str) -> None:
    _, meta = extract(body=f"<h1>A headline</h1><p>{line}</p>")
    assert meta.authors == (name,)


@pytest.mark.parametrize(
    "byline",
    [
        "<span>By</span> <a href='/u/cara'>Cara Stiles</a>",
        "<span class='sr-only'>| By </span> <span>Cara Stiles</span> | <time>April 13</time>",
        "<em>By</em><span>Cara Stiles</span>",
    ],
)
def test_lead_word_in_an_element_of_its_own_takes_the_next_text(byline: str) -> None:
    _, meta = extract(body=f"<h1>A headline</h1><div>{byline}</div>")
    assert meta.authors == ("Cara Stiles",)


# --------------------------------------------------------------------------- session 17


@pytest.mark.parametrize("mark", ["⋅", "∙", "‧", "｜", "¦"])
def test_byline_is_cut_at_a_dot_or_bar_before_its_date(mark: str) -> None:
    _, meta = extract(body=f"<h1>A headline</h1><p>By Cara Stiles {mark} 4 min read</p>")
    assert meta.authors == ("Cara Stiles",)


@pytest.mark.parametrize(
    "label",
    [
        "Autor/a:",
        "Autor(a):",
        "Autor*in:",
        "Autor:in:",
        "Autor_in:",
        "Auteur·e :",
        "Auteur(e) :",
        "Auteure :",
        "Autorka:",
        "Autrice:",
        "Författare:",
        "Forfatter:",
        "Kirjoittaja:",
        "Yazar:",
        "Szerző:",
    ],
)
def test_author_labels_of_more_languages_open_the_line_under_the_h1(label: str) -> None:
    _, meta = extract(body=f"<h1>A headline</h1><p>{label} Cara Stiles</p>")
    assert meta.authors == ("Cara Stiles",)


@pytest.mark.parametrize("label", ["Autor/a:", "Autor*in:", "Auteur·e :", "Autorka:"])
def test_author_labels_of_more_languages_leave_a_byline_elements_name(label: str) -> None:
    body = f"<h1>A headline</h1><div><span class='author'>{label} Cara Stiles</span></div>"
    _, meta = extract(body=body)
    assert meta.authors == ("Cara Stiles",)


def test_author_label_with_a_colon_glued_to_the_name_keeps_the_name_whole() -> None:
    assert normalize_authors(["Autor:Ingrid Meyer"]) == ("Ingrid Meyer",)
    assert normalize_authors(["Autor:in: Ingrid Meyer"]) == ("Ingrid Meyer",)


@pytest.mark.parametrize(
    "first_h1",
    [
        "<h1><a href='/'><img src='/logo.png' alt=''></a></h1>",
        "<h1><a href='/'>Daily Planet</a></h1>",
        "<h1>Blog</h1>",
    ],
)
def test_dateline_and_byline_are_read_under_the_h1_that_holds_the_headline(
    first_h1: str,
) -> None:
    menu = "".join(f"<li><a href='/s{i}'>Section number {i}</a></li>" for i in range(30))
    body = (
        f"<header>{first_h1}<nav><ul>{menu}</ul></nav></header>"
        "<article><h1>Storm hits the coast at dawn</h1>"
        "<p>By Cara Stiles | March 4, 2024</p><p>Text of the story.</p></article>"
    )
    head = "<title>Storm hits the coast at dawn | Daily Planet</title>"
    _, meta = extract(head=head, body=body)
    assert meta.authors == ("Cara Stiles",)
    assert meta.published == "2024-03-04"


def test_first_h1_stays_when_no_later_h1_is_a_declared_title() -> None:
    menu = "".join(f"<li><a href='/s{i}'>Section number {i}</a></li>" for i in range(30))
    body = (
        "<h1>Storm hits the coast</h1><p>By Cara Stiles</p>"
        f"<nav><ul>{menu}</ul></nav><h1>Other news of the week</h1><p>By Bo Lind</p>"
    )
    _, meta = extract(head="<title>Storm hits the coast</title>", body=body)
    assert meta.authors == ("Cara Stiles",)


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("By Dieter Hogen with Uta Pippig", ("Dieter Hogen", "Uta Pippig")),
        ("Von Ann Lee mit Bo Chen", ("Ann Lee", "Bo Chen")),
        ("Par Jean Dupont avec Marie Curie", ("Jean Dupont", "Marie Curie")),
        ("By Ann Lee with additional reporting by Bo Chen", ("Ann Lee",)),
    ],
)
def test_a_coauthor_after_with_is_a_second_author(byline: str, names: tuple[str, ...]) -> None:
    _, meta = extract(body=f"<h1>A headline</h1><div><span class='author'>{byline}</span></div>")
    assert meta.authors == names


def test_with_before_an_agency_or_a_capitalised_word_of_a_name_joins_nobody() -> None:
    assert normalize_authors(["By Ann Lee with Reuters"]) == ("Ann Lee with Reuters",)
    assert normalize_authors(["Ahmed Con Salah"]) == ("Ahmed Con Salah",)


@pytest.mark.parametrize("lead", ["Post by »", "Beitrag von »"])
def test_a_forum_posts_lead_and_arrow_are_no_part_of_the_name(lead: str) -> None:
    body = f"<h1>A thread</h1><p class='author'>{lead} Cara Stiles</p>"
    _, meta = extract(body=body)
    assert meta.authors == ("Cara Stiles",)


def test_microdata_authors_of_teasers_the_byline_does_not_name_are_left_out() -> None:
    cards = "".join(
        f"<div class='card'><h3>Story {i}</h3><div itemprop='author' itemscope>"
        f"<span itemprop='name'>By {name}</span></div></div>"
        for i, name in enumerate(["Bo Lind", "Dag Holm", "Eva Berg"])
    )
    body = (
        "<h1>A headline</h1><div class='byline'>by Cara Stiles</div><p>Text.</p>"
        f"<aside>{cards}</aside>"
    )
    _, meta = extract(body=body)
    assert meta.authors == ("Cara Stiles",)


@pytest.mark.parametrize("reply", ["itemtype='https://schema.org/Comment'", "itemprop='comment'"])
def test_microdata_authors_of_comments_are_no_authors_of_the_post(reply: str) -> None:
    comments = "".join(
        f"<div {reply} itemscope><span itemprop='author'>{name}</span><p>Words.</p></div>"
        for name in ("Bo Lind", "Dag Holm")
    )
    body = (
        "<div itemscope itemtype='https://schema.org/DiscussionForumPosting'>"
        "<h1>A thread</h1><span itemprop='author'>Cara Stiles</span><p>Question.</p>"
        f"{comments}</div>"
    )
    _, meta = extract(body=body)
    assert meta.authors == ("Cara Stiles",)


@pytest.mark.parametrize("name", ["undefined", "system", "team"])
def test_placeholder_accounts_are_no_authors(name: str) -> None:
    assert normalize_authors([name]) == ()


def test_a_byline_elements_list_of_tags_gives_no_names() -> None:
    words = ["Alpha", "Beta", "Gamma", "Delta", "Eta"]
    tags = "".join(f"<li><a href='/t/{t}'>{t}</a></li>" for t in words)
    body = f"<h1>A headline</h1><div class='byline'>filed under <ul>{tags}</ul></div>"
    _, meta = extract(body=body)
    assert meta.authors == ()


@pytest.mark.parametrize(
    "bio",
    [
        "Cara Stiles is a reporter at the Evening Courier.",
        "Cara Stiles ist Redakteurin im Ressort Politik.",
        "Cara Stiles est journaliste au service culture.",
        "Cara Stiles es periodista de la sección de cultura.",
    ],
)
def test_an_author_bio_in_a_byline_element_gives_its_subject(bio: str) -> None:
    _, meta = extract(body=f"<h1>A headline</h1><p>Text.</p><div class='author'>{bio}</div>")
    assert meta.authors == ("Cara Stiles",)


@pytest.mark.parametrize(
    "credits",
    ["Text und Interview:", "Text & Fotos:", "Words and pictures:", "Texte et photos :"],
)
def test_credits_joined_before_one_colon_leave_the_name(credits: str) -> None:
    body = f"<h1>A headline</h1><div class='article-author'><p>{credits} Cara Stiles</p></div>"
    _, meta = extract(body=body)
    assert meta.authors == ("Cara Stiles",)


#: Pages of one rule each (the page's body, the authors read from it), named by the rule.
AUTHOR_PAGES = [
    pytest.param(
        '<div class="entry-meta"><span class="meta-prep-author">Posted </span>'
        '<a href="/2018/04/x">April 2018</a></div>'
        '<span class="author vcard">Walter Stein</span>',
        ("Walter Stein",),
        id="byline_label_alone_gives_way_to_the_next_byline",
    ),
    # post_class() prints a teaser's tags as slugs: "tag-bylaws" is a topic, not a byline
    pytest.param(
        '<article class="post hentry category-news tag-bylaws">'
        '<a href="/c/news">News</a> \u2022 <a href="/x">Council votes on parking</a></article>'
        '<span class="author-name">Lena Vogt</span>',
        ("Lena Vogt",),
        id="wordpress_tag_slug_is_no_byline_class",
    ),
    pytest.param(
        '<div class="byline tag-local">By Lena Vogt</div>',
        ("Lena Vogt",),
        id="byline_class_beside_a_tag_slug_still_counts",
    ),
    pytest.param(
        '<div class="byline"><div class="author-name"><span>By</span> '
        '<a href="/people/ann-lee">Ann Lee</a><span class="author-title">Staff Writer</span>'
        "</div></div>",
        ("Ann Lee",),
        id="author_name_part_loses_its_job_title_part",
    ),
    pytest.param(
        '<div class="byline"><a rel="author" href="/a/ann">Ann Lee</a></div>'
        "<ul><li>Teaser <a rel=author href='/a/bo'>Bo Chen</a></li>"
        "<li>Teaser <a rel=author href='/a/cy'>Cy Dee</a></li></ul>",
        ("Ann Lee",),
        id="rel_author_links_are_cut_to_the_first_bylines_names",
    ),
    pytest.param(
        '<div class="byline">Staff report</div>'
        "<p><a rel=author href='/a/bo'>Bo Chen</a> and <a rel=author href='/a/cy'>Cy Dee</a></p>",
        ("Bo Chen", "Cy Dee"),
        id="rel_author_links_stay_when_the_byline_names_none_of_them",
    ),
    pytest.param(
        "<h1>A headline</h1><p>By Ann Lee and Bo Chen | April 13, 2020</p>",
        ("Ann Lee", "Bo Chen"),
        id="byline_after_the_h1_is_cut_at_its_date",
    ),
    pytest.param(
        '<h1>A headline</h1><p>Text.</p><div class="byline">By Jamie Staff</div>',
        ("Jamie Staff",),
        id="a_byline_element_naming_jamie_staff",
    ),
    pytest.param(
        "<h1>A headline</h1><p>By <span itemprop='author'>Ann Lee</span></p>"
        "<ul><li>Teaser <span itemprop='author'>Bo Chen</span></li>"
        "<li>Teaser <span itemprop='author'>Cy Dee</span></li></ul>",
        ("Ann Lee",),
        id="itemprop_authors_are_cut_to_the_first_bylines_names",
    ),
    pytest.param(
        "<div class='byline'>By <span itemprop='author'>Ann Lee</span> and "
        "<span itemprop='author'>Bo Chen</span></div>",
        ("Ann Lee", "Bo Chen"),
        id="itemprop_co_authors_named_in_the_byline_stay",
    ),
    pytest.param(
        '<div class="author">Ann Lee, Datum: 3.5.2021</div>',
        ("Ann Lee",),
        id="a_date_label_ends_a_byline",
    ),
    pytest.param(
        '<div class="byline">Updated May 3, 2021 by Bo Chen</div>',
        (),
        id="an_update_line_names_no_author",
    ),
    pytest.param(
        "<div class='documentByLine'><span class='documentAuthor'>erstellt von "
        "<a href='/author/dominique'>Dominique</a> — </span></div><h1>Ein Titel</h1>",
        ("Dominique",),
        id="created_by_label_in_a_byline_element_is_no_part_of_the_name",
    ),
    pytest.param(
        "<h1>Syntax</h1><svg><text>GROUP</text><text>BY</text><text>expr</text></svg>",
        (),
        id="lead_word_alone_before_a_lower_case_word_names_nobody",
    ),
    pytest.param(
        "<h1>A headline</h1><div><span>By</span> <time>April 13, 2021</time></div>",
        (),
        id="lead_word_alone_before_a_date_names_nobody",
    ),
    pytest.param(
        "<h1>A headline</h1><div class='byline'>Cara Stiles ⋅ Sept. 4, 2023</div>",
        ("Cara Stiles",),
        id="byline_element_is_cut_at_a_dot_operator_before_a_written_date",
    ),
    pytest.param(
        "<h1>A headline</h1><p class='byline'>Text: Cara Stiles, Fotos: Bo Lind</p>",
        ("Cara Stiles",),
        id="a_second_credit_after_its_label_is_cut_from_a_byline",
    ),
    pytest.param(
        "<h1>A headline</h1><div class='post-author'>Cara Stiles @ Example Works</div>",
        ("Cara Stiles",),
        id="byline_is_cut_at_an_at_sign_before_the_employer",
    ),
    pytest.param(
        "<h1>A headline</h1><div class='byline'>by Staff</div>"
        "<span itemprop='author'>Bo Lind</span><span itemprop='author'>Dag Holm</span>",
        ("Bo Lind", "Dag Holm"),
        id="microdata_authors_stay_when_the_byline_names_no_person",
    ),
    pytest.param(
        "<div itemprop='mainEntity' itemscope itemtype='https://schema.org/Question'>"
        "<h1>How to?</h1><span itemprop='author'>Cara Stiles</span>"
        "<div itemprop='suggestedAnswer' itemscope itemtype='https://schema.org/Answer'>"
        "<span itemprop='author'>Bo Lind</span></div></div>",
        ("Cara Stiles",),
        id="microdata_author_of_a_question_stays_beside_its_answers_authors",
    ),
    pytest.param(
        "<h1>A headline</h1><div><span>By <ul class='comma-list'>"
        "<li><a href='/a/cara'>Cara Stiles</a></li><li><a href='/a/bo'>Bo Lind</a></li>"
        "</ul></span></div>",
        ("Cara Stiles", "Bo Lind"),
        id="names_in_list_items_of_a_byline_are_several_authors",
    ),
    pytest.param(
        "<h1>A headline</h1><ul class='byline'><li>Cara Stiles</li><li>Staff Writer</li></ul>",
        ("Cara Stiles",),
        id="a_name_and_its_role_in_list_items_of_a_byline_element_give_the_name",
    ),
    pytest.param(
        "<h1>A headline</h1><nav class='documentByLine'><a href='/t/x'>Cara Stiles</a></nav>",
        (),
        id="a_navigation_element_is_no_byline",
    ),
    pytest.param(
        "<h1>A headline</h1><div class='byline-section'><span class='author'>Cara Stiles"
        "</span> <span class='publication'>Evening Courier Times</span></div>",
        ("Cara Stiles",),
        id="the_outlets_credit_in_a_byline_element_is_no_part_of_the_name",
    ),
]


@pytest.mark.parametrize(("body", "authors"), AUTHOR_PAGES)
def test_authors_of_a_page(body: str, authors: tuple[str, ...]) -> None:
    _, meta = extract(body=body)
    assert meta.authors == authors


#: Pages of one rule each (the page's body, the published read from it), named by the rule.
PUBLISHED_PAGES = [
    pytest.param(
        '<h1>記事</h1><div class="pubdate">2019年4月4日</div>',
        "2019-04-04",
        id="cjk_date_in_a_class_named_element",
    ),
    pytest.param(
        '<div class="story-stamp" datetime="2016-10-13 17:00:00 -0400">Oct 13, 2016</div>',
        "2016-10-13T17:00:00-04:00",
        id="datetime_attribute_of_another_element_is_a_time",
    ),
    pytest.param(
        "<h1>A headline</h1><p>Published March 1, 2025</p><p>Updated March 5, 2025</p>",
        "2025-03-01",
        id="date_after_the_h1_before_its_update_is_the_published_date",
    ),
    pytest.param(
        "<h1>A headline</h1><table><tr><td>By Ann Lee, April 13, 2020</td></tr></table>",
        "2020-04-13",
        id="date_in_a_table_cell_without_a_label_after_the_h1_counts",
    ),
    # "5/3/2024" is May 3 or March 5: the readable date after it is taken
    pytest.param(
        "<h1>A headline</h1><p>5/3/2024</p><p>By Ann Lee | April 13, 2020</p>",
        "2020-04-13",
        id="date_after_the_h1_passes_over_a_date_it_cannot_read",
    ),
    pytest.param(
        "<h1>見出し</h1><p>山田太郎</p><p>２０１９年４月４日</p>",
        "2019-04-04",
        id="full_width_cjk_date_after_the_h1_is_found",
    ),
    pytest.param(
        "<h1>A headline</h1><div>Ann Lee / <span>Updated: Oct 9, 2019, 11:05 IST</span></div>",
        "2019-10-09T11:05:00+05:30",
        id="date_after_the_h1_keeps_its_zone",
    ),
    pytest.param(
        "<p>3 May 2021</p><h1>A headline</h1><p>By Ann Lee | April 13, 2020</p>",
        "2020-04-13",
        id="date_after_the_h1_wins_over_the_date_before_it",
    ),
    pytest.param(
        "<h1>A headline</h1><p>May 2, 2021</p><dl><dt>Date</dt><dd>May 3, 2021</dd></dl>",
        "2021-05-02",
        id="a_bare_date_label_comes_after_the_date_after_the_h1",
    ),
    pytest.param(
        '<aside><time datetime="2020-01-01">Jan 1</time></aside>'
        "<dl><dt>Published</dt><dd>May 3, 2021</dd></dl>",
        "2021-05-03",
        id="a_publication_label_comes_before_the_first_time",
    ),
    pytest.param(
        '<time datetime="2016-06-20">Jun 20</time><span data-utime="1466522845">x</span>',
        "2016-06-20",
        id="a_time_element_comes_before_a_later_unix_time",
    ),
    pytest.param(
        "<h1>A headline <small>02.02.2022</small></h1><p>March 3, 2022</p>",
        "2022-02-02",
        id="a_date_inside_the_heading_wins_over_one_after_it",
    ),
]


@pytest.mark.parametrize(("body", "published"), PUBLISHED_PAGES)
def test_publication_date_of_a_page(body: str, published: str | None) -> None:
    _, meta = extract(body=body)
    assert meta.published == published


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            '<h1>A headline</h1><div><span>By</span> <a href="/a/ann">Ann Lee</a> and'
            ' <a href="/a/bo">Bo Chen</a></div>',
            ("Ann Lee", "Bo Chen"),
            id="by-in-its-own-element-then-two-links",
        ),
        pytest.param(
            '<h1>A headline</h1><p><span>By</span> <a href="/a">Ann Lee</a>, <a href="/b">Bo'
            ' Chen</a> and <a href="/c">Cy Dee</a> | May 3, 2021</p>',
            ("Ann Lee", "Bo Chen", "Cy Dee"),
            id="three-links-then-a-date",
        ),
        pytest.param(
            '<h1>A headline</h1><div><span>Authors:</span> <a href="/a">Ann Lee</a>,'
            ' <a href="/b">Bo Chen</a></div>',
            ("Ann Lee", "Bo Chen"),
            id="label-in-its-own-element",
        ),
        # the line ends at a block: the paragraph after the name is no part of it
        pytest.param(
            '<h1>A headline</h1><div><span>By</span> <a href="/a">Ann Lee</a>'
            "<p>Long paragraph that goes on and on here.</p></div>",
            ("Ann Lee",),
            id="a-block-ends-the-line",
        ),
        # a line that names nobody after the name: the name alone, as before
        pytest.param(
            '<h1>A headline</h1><div><span>By</span> <a href="/a">Ann Lee</a> posted this'
            " story</div>",
            ("Ann Lee",),
            id="words-after-the-name",
        ),
    ],
)
def test_byline_lead_in_an_element_of_its_own_reads_the_whole_line(
    body: str, expected: tuple[str, ...]
) -> None:
    _, meta = extract(body=body)
    assert meta.authors == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        pytest.param(
            '<span class="author">Ann Lee</span><span class="author">Bo Chen</span>',
            ("Ann Lee", "Bo Chen"),
            id="spans",
        ),
        pytest.param(
            '<a href="/a">Ann Lee</a><a href="/b">Bo Chen</a><a href="/c">Cy Dee</a>',
            ("Ann Lee", "Bo Chen", "Cy Dee"),
            id="links",
        ),
        # one-word parts run together are one name's parts: no list
        pytest.param("<span>Ann</span><span>Lee</span>", ("AnnLee",), id="name-parts"),
    ],
)
def test_names_that_markup_runs_together_in_a_byline_are_set_apart(
    byline: str, expected: tuple[str, ...]
) -> None:
    _, meta = extract(body=f'<div class="authors">{byline}</div>')
    assert meta.authors == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("10:15 AM EDT May 3, 2021", "2021-05-03T10:15:00-04:00"),
        ("Published 10:15 AM EDT May 3, 2021", "2021-05-03T10:15:00-04:00"),
        ("4:21 PM ET, Thu March 9, 2017", "2017-03-09T16:21:00-05:00"),
        ("9:02 a.m. on May 3, 2021", "2021-05-03T09:02:00"),
        ("14:15 BST, 3 May 2021", "2021-05-03T14:15:00+01:00"),
        ("Mon 3 May 2021 14.15 BST", "2021-05-03T14:15:00+01:00"),
        # no "am"/"pm" and no zone, or a point without a zone: no time
        ("12:30 May 3, 2021", "2021-05-03"),
        ("Chapter 10: May 3, 2021", "2021-05-03"),
        ("May 3, 2021 12.30", "2021-05-03"),
        ("3.5 May 3, 2021", "2021-05-03"),
    ],
)
def test_time_written_before_the_date_or_with_a_point(value: str, expected: str) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize(
    ("body", "published"),
    [
        pytest.param(
            "<h1>A headline</h1><p>10:15 AM EDT May 3, 2021</p>",
            "2021-05-03T10:15:00-04:00",
            id="under-the-headline",
        ),
        pytest.param(
            "<h1>A headline</h1><p>Updated 4:21 PM ET, Thu March 9, 2017</p>"
            "<p>First published 3:00 PM ET, Thu March 9, 2017</p>",
            "2017-03-09T15:00:00-05:00",
            id="an-update-with-its-time-before-the-date",
        ),
        pytest.param(
            "<h1>A headline</h1><p>Mon 3 May 2021 14.15 BST</p>",
            "2021-05-03T14:15:00+01:00",
            id="point-time-and-zone",
        ),
    ],
)
def test_the_time_around_a_date_under_the_headline_is_read(body: str, published: str) -> None:
    _, meta = extract(body=body)
    assert meta.published == published


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        # a script's date string: the offset after "GMT" is the time's
        (
            "Tue Dec 13 2016 13:06:00 GMT-0500 (Eastern Standard Time)",
            "2016-12-13T13:06:00-05:00",
        ),
        ("3 May 2021, 14:15 UTC+2", "2021-05-03T14:15:00+02:00"),
        ("2016-12-13T18:06:00GMT+01:00", "2016-12-13T18:06:00+01:00"),
        # Go's time.String: the zone's name after its offset
        ("2016-12-13 18:06:00 +0000 UTC", "2016-12-13T18:06:00+00:00"),
        ("2016-12-13 18:06:00 -0500 EST", "2016-12-13T18:06:00-05:00"),
        # an ISO time with a zone's name for its offset: the offset the name means then
        ("2016-12-13T18:06:00 EST", "2016-12-13T18:06:00-05:00"),
        ("2016-07-13T18:06:00 ET", "2016-07-13T18:06:00-04:00"),
        ("2024-03-01 09:30 (CET)", "2024-03-01T09:30:00+01:00"),
        ("2016-12-13T18:06:00.250 PDT", "2016-12-13T18:06:00-07:00"),
        ("2016-12-13T18:06:00 EST by the desk", None),  # more than a zone: no date
        ("2016-12-13T18:06:00 XYZ", None),  # no zone this reader knows
        ("2016/12/13 18:06:00", "2016-12-13T18:06:00"),
        # a time set apart from its date by a mark
        ("Dec 13, 2016 | 6:06 PM EST", "2016-12-13T18:06:00-05:00"),
        ("Dec. 13, 2016 / 6:06 PM ET", "2016-12-13T18:06:00-05:00"),
        ("13 December 2016 • 6:06pm", "2016-12-13T18:06:00"),
        ("13 December 2016 | 4 min read", "2016-12-13"),
    ],
)
def test_offsets_after_gmt_and_times_set_apart(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


def test_the_time_after_a_mark_comes_with_the_date_under_the_headline() -> None:
    _, meta = extract(body="<h1>A headline</h1><p>By Ann Lee | Dec 13, 2016 | 6:06 PM EST</p>")
    assert meta.published == "2016-12-13T18:06:00-05:00"


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        pytest.param("Ann Lee<br>Senior Correspondent", ("Ann Lee",), id="name-then-role"),
        pytest.param("Ann Lee<br>Bo Chen", ("Ann Lee", "Bo Chen"), id="two-names"),
        pytest.param("By<br>Ann Lee", ("Ann Lee",), id="label-then-name"),
    ],
)
def test_a_line_break_in_a_byline_element_sets_its_lines_apart(
    byline: str, expected: tuple[str, ...]
) -> None:
    _, meta = extract(body=f'<p class="byline">{byline}</p>')
    assert meta.authors == expected


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        pytest.param("By Ann Lee, Reuters", ("Ann Lee",), id="agency"),
        pytest.param("By Ann Lee, M.D.", ("Ann Lee, M.D.",), id="degree"),
        pytest.param("By John Smith, Jr.", ("John Smith, Jr.",), id="generational-suffix"),
        pytest.param("By Lee, Ann", ("Lee, Ann",), id="surname-first"),
        pytest.param("By Ann Lee, Bo Chen", ("Ann Lee", "Bo Chen"), id="two-names"),
    ],
)
def test_one_word_after_a_comma_in_a_visible_byline_is_a_credit(
    byline: str, expected: tuple[str, ...]
) -> None:
    _, meta = extract(body=f'<div class="byline">{byline}</div>')
    assert meta.authors == expected


def test_one_word_after_a_comma_in_a_declared_author_stays() -> None:
    _, meta = extract('<meta name="author" content="Ann Lee, Reuters">')
    assert meta.authors == ("Ann Lee, Reuters",)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        pytest.param(
            '<div class="meta"><span class="author">Ann Lee</span>, <span class="author">Bo'
            ' Chen</span>, <span class="author">Cy Dee</span> and <span class="author">Dan'
            " Fox</span></div>",
            ("Ann Lee", "Bo Chen", "Cy Dee", "Dan Fox"),
            id="four-siblings",
        ),
        pytest.param(
            '<div class="author-name">Ann Lee</div><div class="author-name">Bo Chen</div>',
            ("Ann Lee", "Bo Chen"),
            id="adjacent-blocks",
        ),
        # more than a joiner between them: a later byline element is no part of the first
        pytest.param(
            '<div class="meta"><span class="author">Ann Lee</span> wrote this with help'
            ' from <span class="author">Bo Chen</span></div>',
            ("Ann Lee",),
            id="words-between",
        ),
        pytest.param(
            '<span class="author">Ann Lee</span>, <span class="author-bio">Bo Chen</span>',
            ("Ann Lee",),
            id="another-class",
        ),
    ],
)
def test_sibling_byline_elements_with_the_same_class_are_one_byline(
    body: str, expected: tuple[str, ...]
) -> None:
    _, meta = extract(body=body)
    assert meta.authors == expected


# --------------------------------------------------------------------------- kickers


@pytest.mark.parametrize(
    ("head", "body", "title", "kicker"),
    [
        # the <h1> shows the headline alone; og:title joins the kicker with a colon
        (
            '<meta property="og:title" content="Siemens und Adani: Kaeser verarscht Neubauer">',
            "<h1>Kaeser verarscht Neubauer</h1>",
            "Kaeser verarscht Neubauer",
            "Siemens und Adani",
        ),
        # the kicker in an element of its own at the start of the <h1>; a dash in the title
        (
            "<title>Olympische Spiele in Paris - Getränke per Schiff - Example.de</title>",
            '<h1> <span class="subtitle">Olympische Spiele in Paris</span>'
            " Getränke per Schiff </h1>",
            "Getränke per Schiff",
            "Olympische Spiele in Paris",
        ),
        # the dash between them printed in a hidden element of the <h1>
        (
            '<meta property="og:title" content="Zoonosen – Wie Epidemien entstehen">',
            '<h1><span class="head">Zoonosen</span><span aria-hidden="true"> – </span>'
            "<span>Wie Epidemien entstehen</span></h1>",
            "Wie Epidemien entstehen",
            "Zoonosen",
        ),
    ],
)
def test_a_kicker_before_the_headline_is_the_kicker(
    head: str, body: str, title: str, kicker: str
) -> None:
    got, meta = extract(head, body)
    assert (got, meta.kicker) == (title, kicker)
    assert meta.source_of("title") == "h1"


@pytest.mark.parametrize(
    ("title", "h1"),
    [
        # the <h1> shows the title whole: the colon is the headline's own
        ("Evolve: Shared Mutable History", "Evolve: Shared Mutable History"),
        # a first part that says the rest again (a self-titled album)
        ("Lust for Youth: Lust for Youth", "Lust for Youth"),
        # a first part too long for a kicker is a clause of the headline
        (
            "When the river rose over the old town walls: the night Passau went under",
            "the night Passau went under",
        ),
        # no <h1> is the rest of the title
        ("Review: A quiet film about loud people", "Reviews"),
    ],
)
def test_no_kicker_is_taken_off_a_title_the_page_shows_whole(title: str, h1: str) -> None:
    got, meta = extract(f'<meta property="og:title" content="{title}">', f"<h1>{h1}</h1>")
    assert (got, meta.kicker) == (title, None)


def test_the_body_still_finds_the_headline_with_its_kicker() -> None:
    html = (
        "<html><head><title>Olympische Spiele in Paris - Getränke per Schiff</title></head>"
        '<body><article><h1><span class="subtitle">Olympische Spiele in Paris</span>'
        " Getränke per Schiff</h1>"
        + "<p>Ein Schiff bringt Getränke in die Stadt, jeden Morgen und jeden Abend.</p>" * 4
        + "</article></body></html>"
    )
    doc = articlekit.parse_html(html)
    assert (doc.title, doc.metadata.kicker) == ("Getränke per Schiff", "Olympische Spiele in Paris")
    assert not any(isinstance(block, articlekit.Heading) for block in doc.blocks)


# --------------------------------------------------------------------------- forum bylines


@pytest.mark.parametrize(
    ("icon", "lead"),
    [("Beitrag", "von"), ("Post", "by")],
)
def test_a_forum_post_label_run_into_by_is_a_label(icon: str, lead: str) -> None:
    # phpBB prints the post's icon as a text hidden by the style sheet, run into "by"
    _, meta = extract(
        body=f'<div class="post"><p class="author"><a href="#p1"><span class="icon" '
        f'title="{icon}">{icon}</span></a><span>{lead} </span><a href="/member/5">'
        "Ann Lee</a> » 21.01.2009, 05:42</p><p>Text.</p></div>"
    )
    assert meta.authors == ("Ann Lee",)


# --------------------------------------------------------------------------- year-first dates


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2019/04/04 公開", "2019-04-04"),
        ("2019/04/04 09:00 公開", "2019-04-04T09:00:00"),
        ("2019.04.04 09:00 配信", "2019-04-04T09:00:00"),
        ("公開日：2019/04/04(木)", "2019-04-04"),
        ("2019/04/04（木） 14:30", "2019-04-04T14:30:00"),
        ("2019.04.04 Thu", "2019-04-04"),
        ("Posted 2019.04.04 Thursday 9:15 pm", "2019-04-04T21:15:00"),
        ("2019/04/04 Foo 10:00", "2019-04-04"),  # a word that is no weekday: the day alone
        ("v2019.04.04.1", None),  # a version
        ("see /2019/04/04/ here", None),  # a path
        ("2019/13/04 公開", None),
    ],
)
def test_a_year_first_date_inside_a_text(value: str, expected: str | None) -> None:
    assert normalize_date(value) == expected


@pytest.mark.parametrize(
    "body",
    [
        # in the text after the <h1>
        "<h1>NUCで最新SSDを比較してみた</h1><div>2019/04/04(木) 14:30 公開</div>",
        # in an element whose class names a date
        '<h1>NUCで最新SSDを比較してみた</h1><p class="date">2019/04/04(木) 14:30 公開</p>',
    ],
)
def test_a_year_first_date_on_a_japanese_page(body: str) -> None:
    root = lxml.html.document_fromstring(
        f'<html lang="ja"><body>{body}<p>本文です。</p></body></html>'
    )
    _, meta = extract_metadata(root)
    assert meta.published == "2019-04-04T14:30:00+09:00"


# --------------------------------------------------------------------------- body bylines

_PROSE = "<p>Die Energiepreise steigen weiter, und viele Haushalte suchen nach Hilfe.</p>"


def _page_with_line(head: str, line: str, after: str = "") -> articlekit.Document:
    """A page whose article holds ``line`` between its paragraphs (a byline line under
    the ``<h1>`` is the ``h1`` source's, and one closing the text an author's card)."""
    return articlekit.parse_html(
        f"<html><head>{head}</head><body><article><h1>Entlastungen auf einen Blick</h1>"
        f"{_PROSE * 5}{line}{_PROSE * 3}{after}</article></body></html>"
    )


@pytest.mark.parametrize(
    ("head", "line", "authors"),
    [
        # the page declares an organisation: a line of the article names the author
        (
            '<meta name="author" content="Bund der Verbraucher e.V.">',
            "<h5><em>Von Leonora Holling</em></h5>",
            ("Leonora Holling",),
        ),
        # nobody declared; a second credit after the name goes
        ("", "<p><em>Text von Christian Seiler Illustration von Markus Roost</em></p>", None),
        # a CMS's first name for its user: the line spells the whole name
        ('<meta name="author" content="Linda">', "<p>Written by Linda McCall</p>", None),
        # a role after a comma goes
        ("", "<p>Von Uta Lee, Projektleiterin der HSS</p>", ("Uta Lee",)),
    ],
)
def test_a_byline_line_of_the_article_names_its_author(
    head: str, line: str, authors: tuple[str, ...] | None
) -> None:
    doc = _page_with_line(head, line)
    expected = authors or (("Christian Seiler",) if "Seiler" in line else ("Linda McCall",))
    assert doc.metadata.authors == expected
    assert doc.metadata.source_of("authors") == "body"


def test_a_byline_line_does_not_replace_a_declared_person() -> None:
    doc = _page_with_line('<meta name="author" content="Bo Chen">', "<p>Von Ann Lee</p>")
    assert doc.metadata.authors == ("Bo Chen",)


def test_byline_lines_under_each_post_of_a_listing_name_nobody() -> None:
    posts = "".join(
        f"<h3>Thread {n}</h3><p>by {name}</p><p>Eine Frage zu Heizkosten und Preisen.</p>"
        for n, name in enumerate(("ann", "Bo Chen", "cy", "Di Eng"))
    )
    doc = _page_with_line("", "", posts)
    assert doc.metadata.authors == ()
