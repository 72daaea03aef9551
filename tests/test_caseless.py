"""Fast paths that must answer exactly as the plain regex searches they replace."""

from __future__ import annotations

import re

import pytest

from articlekit._caseless import CaseBlind
from articlekit._chars import INVISIBLE, drop_invisible
from articlekit.html import vocab

# ASCII and non-ASCII text, upper and lower case, with and without the words
SAMPLES = [
    "",
    "title",
    "Card__Title",
    "teaserHeadline big",
    "SUBTITLE",
    "pre-title",
    "headliner",
    "Cookie-Banner",
    "my-CMP box",
    "xcmpx",
    "Überschrift TITLE",
    "Tıtle",  # dotless i: case-blind, "title" matches it
    "\u017fubtitle",  # long s
    "\u212aicker",  # Kelvin sign
    "\u0130TLE",
    "d\u00e9tail-heading",
    "display: NONE",
    "Display :none;",
    "visibility:Hidden",
    "color: red",
    "display:block; /* none */",
    "visibility: hidden\u00e9",
]

PATTERNS = [
    r"(?:title|headline|heading)(?:$|[-_\s])",
    r"(?:sub|pre|over)[-_]?(?:title|headline)|kicker",
    r"cookie|consent|\bcmp\b|cmp-",
    r"^\W*(?:related|read more|à lire)\b",
]


@pytest.mark.parametrize("source", PATTERNS)
def test_case_blind_answers_as_the_ignorecase_regex(source: str) -> None:
    blind = re.compile(source, re.IGNORECASE)
    fast = CaseBlind(source)
    for text in SAMPLES:
        assert fast.search(text) == (blind.search(text) is not None), text
        assert fast.match(text) == (blind.match(text) is not None), text
    assert fast.pattern == source


@pytest.mark.parametrize("source", [r"Title", r"(?-i:x)title", "\u0131tem", "\u017fub"])
def test_case_blind_refuses_patterns_whose_lower_case_form_differs(source: str) -> None:
    with pytest.raises(ValueError):
        CaseBlind(source)


def test_case_blind_allows_upper_case_escapes() -> None:
    fast = CaseBlind(r"^\W*read\b\S*")
    assert fast.match("** READ on")
    assert not fast.match("reader")


@pytest.mark.parametrize("style", SAMPLES)
def test_is_hiding_style_answers_as_hidden_style(style: str) -> None:
    assert vocab.is_hiding_style(style) == (vocab.HIDDEN_STYLE.search(style) is not None)


@pytest.mark.parametrize(
    "text",
    [
        "plain",
        "caf\u00e9",
        "re\u00adaction",
        "a\u200bb",
        "x\u2060y",
        "\ufeffz",
        "\u00c3\u00ad",
        "日本",
    ],
)
def test_drop_invisible_matches_the_pattern(text: str) -> None:
    assert drop_invisible(text) == INVISIBLE.sub("", text)


REC_TEXTS = [
    "Related articles",
    "RELATED: more news",
    "» Read more: the story",
    "Lesen Sie auch - Klima",
    "À lire aussi : la suite",
    "Ähnliche Beiträge",
    "Readers say",
    "The related story",
    "   ",
    "Mehr zum Thema",
    "mehr zu",
]


@pytest.mark.parametrize("text", REC_TEXTS)
def test_rec_word_tests_answer_as_their_patterns(text: str) -> None:
    assert vocab.opens_with_rec_words(text) == (vocab.REC_START.match(text) is not None)
    assert vocab.opens_with_rec_prefix(text) == (vocab.REC_PREFIX.match(text) is not None)
    assert vocab.is_rec_phrase(text) == (vocab.REC_PHRASE.match(text) is not None)


@pytest.mark.parametrize(
    "text", ["The Verge", "BBC_News-24", "", "  ", "Le Monde.fr", "Süddeutsche Zeitung", "ｗｉｄｅ"]
)
def test_metadata_key_ascii_path_matches_the_general_one(text: str) -> None:
    import unicodedata

    from articlekit.html.metadata import _NOT_ALNUM, _key

    assert _key(text) == _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


def test_consent_words_answer_as_the_plain_pattern() -> None:
    from articlekit.verdict import _CONSENT_ATTR

    plain = re.compile(
        r"cookie|consent|gdpr|\bcmp\b|cmp-|didomi|onetrust|cookiebot|usercentrics|sp_message|"
        r"qc-cmp|truste|privacy-wall|tcf",
        re.IGNORECASE,
    )
    for text in ["cmp", "xcmp", "cmpx", "a cmp b", "CMP_box", "qc-cmp-ui", "cmp-", "o cmpé", ""]:
        assert _CONSENT_ATTR.search(text) == (plain.search(text) is not None), text


@pytest.mark.parametrize(
    "text",
    [
        "",
        "plain",
        "Müller – “quoted”",
        "日本語のテキスト",
        "emoji 🙂 here",
        "\u2e7f\u2e80",
        "\ufeff",
    ],
)
def test_weighted_len_counts_wide_characters_twice(text: str) -> None:
    from articlekit.verdict import _weighted_len, _wide_chars

    wide = sum(1 for ch in text if ch >= "\u2e80")
    assert _wide_chars(text) == wide
    assert _weighted_len(text) == len(text) + wide


# class names of byline elements: ASCII, capitals, non-ASCII, the "posted" boundaries
BYLINE_LABELS = [
    "",
    "post-meta-author author-name vcard  ",
    "c-article-byline__author-link u-inline  author",
    "Author-Box Bio",
    "byline AUTHOR-EMAIL",
    "published-date  ",
    "Published_On entry-date",
    "date-Published",
    "pubDate",
    "PUB-DATE",
    "entry-meta Posted-On",
    "posted",
    "posted by",
    "xposted",
    "re-posted-at",
    "post posted_date",
    "postedx",
    "posted-",
    "Ärzte posted",
    "éposted",
    "autor Über-uns",
    "ABOUT the author",
    "\u017fomething posted",  # long s: case-blind, not ASCII
    "MA\u0130L",  # dotted capital I
    "Kommentar-Box",
    "mehr-lesen MORE",
]


@pytest.mark.parametrize("label", BYLINE_LABELS)
def test_byline_class_tests_answer_as_the_ignorecase_patterns(label: str) -> None:
    from articlekit.html.metadata import _NOT_BYLINE_CLASS, _PUBLISHED_CLASS

    not_byline = re.compile(r"comment|avatar|bio|about|box|related|more|mail", re.IGNORECASE)
    published = re.compile(
        r"publish(?:ed)?[-_]?(?:date|time|on)|(?:date|time)[-_]?published|pub[-_]?date"
        r"|(?<![a-z])posted(?:[-_]?(?:on|at|date))?(?![\w-])",
        re.IGNORECASE,
    )
    assert _NOT_BYLINE_CLASS.search(label) == (not_byline.search(label) is not None)
    assert _PUBLISHED_CLASS.search(label) == (published.search(label) is not None)
    for variant in (label.upper(), label.title(), label.swapcase()):
        assert _NOT_BYLINE_CLASS.search(variant) == (not_byline.search(variant) is not None)
        assert _PUBLISHED_CLASS.search(variant) == (published.search(variant) is not None)
