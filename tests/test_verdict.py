"""Tests for articlekit.verdict: what a page was, and how sure we are."""

from __future__ import annotations

import gzip
from pathlib import Path

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

import articlekit
from articlekit.model import (
    VERDICT_KINDS,
    Document,
    Heading,
    Link,
    Paragraph,
    Recommendation,
    Recommendations,
    Text,
    Verdict,
)
from articlekit.verdict import (
    PageSignals,
    article_score,
    doc_features,
    empty_score,
    find_status_hint,
    judge,
    looks_like_consent_wall,
    looks_like_error_page,
    looks_like_listing,
    looks_like_paywall_stub,
    page_signals,
)

NONARTICLES = Path(__file__).parent / "data" / "nonarticles"

PROSE = (
    "The committee met on Tuesday to discuss the new budget, which adds money for schools "
    "and for repairing the old bridge over the river. "
)


def para(text: str) -> Paragraph:
    return Paragraph(content=(Text(text=text),))


def article_doc(paragraphs: int = 8, title: str | None = "Budget approved") -> Document:
    return Document(title=title, blocks=tuple(para(PROSE * 2) for _ in range(paragraphs)))


def root_of(markup: str) -> lxml.html.HtmlElement:
    return lxml.html.document_fromstring(markup)


def signal(verdict: Verdict, name: str) -> float:
    return next(s.value for s in verdict.signals if s.name == name)


# --------------------------------------------------------------------------- status hints


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("404", "404"),
        ("Error 404", "404"),
        ("404 - Page not found | Example", "404"),
        ("Fehler 500", "500"),
        ("410 Gone", "410"),
        ("Page not found", "not-found"),
        ("Seite nicht gefunden – Stadtwerke", "not-found"),
        ("Página no encontrada", "not-found"),
        ("ページが見つかりません", "not-found"),
        ("500 recipes for the summer", None),
        ("Top 404 tips for gardeners", None),
        ("Budget 2024: what changes", None),
        (None, None),
        ("", None),
    ],
)
def test_find_status_hint(text: str | None, expected: str | None) -> None:
    assert find_status_hint(text) == expected


# --------------------------------------------------------------------------- page signals


def test_page_signals_in_one_pass() -> None:
    markup = (
        """<html><head><title>Error 404 | Site</title>
    <meta property="og:type" content="website">
    <script type="application/ld+json">{"@graph": [{"@type": ["WebPage", "CollectionPage"]},
      {"@type": "NewsArticle", "isAccessibleForFree": false}]}</script>
    <script>var hidden = "we use cookies";</script></head>
    <body><div id="onetrust-banner">We use cookies. Accept all</div>
    <h1>Not here</h1>
    <article><h2><a href="/a">A headline that is long enough</a></h2><time>today</time></article>
    <p>Short.</p><p>"""
        + PROSE
        + """</p>
    <div class="paywall">Subscribe to continue reading</div>
    <form><input type="password" name="pw"></form>
    <p>The page you are looking for <a href="/">is gone</a></p></body></html>"""
    )
    signals = page_signals(root_of(markup))
    assert signals.title_text == "Error 404 | Site"
    assert signals.status_hint == "404"
    assert signals.h1_texts == ("Not here",)
    assert signals.og_type == "website"
    assert signals.jsonld_types == ("webpage", "collectionpage", "newsarticle")
    assert signals.accessible_for_free is False
    assert signals.headline_links == 1
    assert signals.article_elements == 1 and signals.time_elements == 1
    assert signals.page_paragraphs == 1
    assert signals.consent_markup and signals.consent_phrases == 2  # script text not counted
    assert signals.paywall_markup and signals.paywall_phrases >= 1 and signals.paywall_marker
    assert signals.password_field
    assert signals.error_phrases == 1
    link_text = len("A headline that is long enough") + len("is gone")
    assert signals.page_link_chars == link_text
    assert 0 < signals.page_link_density < 0.5


def test_page_signals_skip_comments_and_hidden_titles() -> None:
    markup = (
        "<html><body><!-- we use cookies, accept all --><p>x</p>tail"
        "<svg><title>Error 404</title></svg></body></html>"
    )
    signals = page_signals(root_of(markup))
    assert signals.page_text_chars == len("x") + len("tail")
    assert signals.consent_phrases == 0
    assert signals.title_text is None and signals.status_hint is None


def test_page_signals_of_a_bare_page_are_defaults() -> None:
    signals = page_signals(root_of("<html><body></body></html>"))
    assert signals == PageSignals()
    assert not signals.consent_marker and not signals.paywall_marker


# --------------------------------------------------------------------------- predicates


def test_predicates_are_damped_by_prose() -> None:
    page = PageSignals(
        consent_phrases=3,
        consent_markup=True,
        paywall_phrases=2,
        paywall_markup=True,
        status_hint="404",
        headline_links=30,
        article_elements=20,
    )
    long = doc_features(article_doc(10))
    short = doc_features(Document(blocks=(para("Sorry."),)))
    for predicate in (
        looks_like_consent_wall,
        looks_like_paywall_stub,
        looks_like_error_page,
        looks_like_listing,
    ):
        assert predicate(short, page) > 0.5, predicate.__name__
        assert predicate(long, page) < 0.1, predicate.__name__
    assert article_score(long, page) > 0.9
    assert article_score(short, page) < 0.1


def test_empty_score_falls_with_text_and_with_visible_page_text() -> None:
    nothing = doc_features(Document())
    assert empty_score(nothing, PageSignals()) == 1.0
    busy_page = PageSignals(page_text_chars=3000, page_link_chars=2400)
    assert empty_score(nothing, busy_page) < 0.5
    assert empty_score(doc_features(article_doc(2)), PageSignals()) == 0.0


def test_doc_features_separate_prose_from_teasers() -> None:
    teaser = Heading(level=2, content=(Link(url="/a", content=(Text(text="A teaser title"),)),))
    links = Paragraph(content=(Link(url="/b", content=(Text(text=PROSE),)),))
    recs = Recommendations(items=(Recommendation(title="x"), Recommendation(title="y")))
    features = doc_features(Document(blocks=(teaser, para(PROSE), links, recs)))
    assert features.linked_headings == 1 and features.headings == 1
    assert features.prose_paragraphs == 1 and features.prose_chars == len(PROSE.strip())
    assert features.recommendation_items == 2
    assert 0.4 < features.link_density < 0.6


# --------------------------------------------------------------------------- judge


def test_article_is_judged_article_with_high_confidence() -> None:
    verdict = judge(article_doc())
    assert verdict.kind == "article"
    assert verdict.confidence > 0.9
    assert signal(verdict, "prose_paragraphs") == 8
    assert {f"score_{k}" for k in VERDICT_KINDS} <= {s.name for s in verdict.signals}


def test_empty_document_is_empty() -> None:
    verdict = judge(Document())
    assert verdict.kind == "empty" and verdict.confidence == 1.0


BRIEF = "The council approved the new budget on Tuesday after a debate that ran past midnight."


@pytest.mark.parametrize("with_page", [False, True])
def test_a_short_page_with_a_paragraph_of_prose_is_an_article(with_page: bool) -> None:
    # 85 characters of real text were "no text worth the name"
    doc = Document(blocks=(para(BRIEF),))
    page = PageSignals(page_text_chars=len(BRIEF)) if with_page else None
    verdict = judge(doc, page=page)
    assert verdict.kind == "article"
    assert 0.0 < verdict.confidence < 0.2  # short: a weak verdict
    assert signal(verdict, "score_empty") == 0.0
    html = f"<html><body><p>{BRIEF}</p></body></html>"
    assert articlekit.parse(html, require_article=True).verdict.kind == "article"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "text", ["Please enable JavaScript to continue.", "Keine Treffer f\u00fcr \u201exyzzy\u201c."]
)
def test_a_line_shorter_than_prose_stays_empty(text: str) -> None:
    assert judge(Document(blocks=(para(text),))).kind == "empty"


def test_short_document_texts_without_page_signals() -> None:
    consent = Document(
        blocks=(para("We use cookies to improve your experience. Accept all or reject all."),)
    )
    assert judge(consent).kind == "consent"
    paywall = Document(
        blocks=(para("The council met on Monday."), para("Subscribe to continue reading."))
    )
    assert judge(paywall).kind == "paywall"
    error = Document(title="Page not found", blocks=(para("Sorry, nothing here."),))
    assert judge(error).kind == "error"


def test_long_articles_with_banners_stay_articles() -> None:
    doc = Document(
        title="404 errors explained: why pages vanish",
        blocks=(
            *article_doc(10).blocks,
            para("We use cookies. Accept all. Subscribe to continue reading."),
        ),
    )
    page = PageSignals(consent_phrases=3, consent_markup=True, paywall_markup=True)
    verdict = judge(doc, page=page)
    assert verdict.kind == "article" and verdict.confidence > 0.7


def test_listing_from_page_signals() -> None:
    cards = tuple(
        block
        for n in range(12)
        for block in (
            Heading(
                level=2,
                content=(Link(url=f"/n/{n}", content=(Text(text=f"Headline number {n}"),)),),
            ),
            para(f"A one-line summary of story {n}."),
        )
    )
    page = PageSignals(
        headline_links=12, article_elements=12, og_type="website", jsonld_types=("collectionpage",)
    )
    verdict = judge(Document(blocks=cards), page=page)
    assert verdict.kind == "listing"
    assert signal(verdict, "jsonld_listing") == 1.0


def test_confidence_is_lower_when_kinds_compete() -> None:
    clean = Document(blocks=tuple(para(PROSE * 2) for _ in range(4)))
    contested = Document(blocks=(*clean.blocks, para("Subscribe to continue reading.")))
    assert judge(clean).kind == judge(contested).kind == "article"
    assert judge(contested).confidence < judge(clean).confidence
    assert 0.0 <= judge(contested).confidence <= 1.0


# --------------------------------------------------------------------------- real pages


@pytest.mark.parametrize("path", sorted(NONARTICLES.glob("*.html")), ids=lambda p: p.stem)
def test_nonarticle_pages_are_not_articles(path: Path) -> None:
    data = path.read_bytes()
    doc = articlekit.parse_html(data)
    verdict = judge(doc, page=page_signals(root_of(data.decode("utf-8"))))
    expected = path.name.split("-", 1)[0]
    assert verdict.kind != "article", verdict
    if expected in ("consent", "paywall", "error"):
        assert verdict.kind == expected, verdict


def test_dev_articles_are_articles(corpus: Path) -> None:
    pages = sorted((corpus / "trafilatura-eval" / "html").glob("*.html.gz"))[::12]
    pages += sorted((corpus / "readability-pages").glob("*/source.html.gz"))[::12]
    judged = []
    for path in pages:
        data = gzip.decompress(path.read_bytes())
        doc = articlekit.parse_html(data)
        text, _ = articlekit.decode.decode_bytes(data)
        root = lxml.html.document_fromstring(text.encode("utf-8"))
        judged.append(judge(doc, page=page_signals(root)).kind)
    # benchmarks/verdict_accuracy.py: recall 0.98 on all 473 dev pages
    assert judged.count("article") >= 0.9 * len(judged)


def test_doc_features_text_measures_match_the_joined_text() -> None:
    from articlekit.verdict import HEAD_CHARS

    paragraphs = [
        Paragraph(content=(Text(text=f"  Block {i}\n with   spaced  words, "),)) for i in range(400)
    ]
    blank = Paragraph(content=(Text(text="   "),))
    blocks = (*paragraphs, blank, Heading(level=2, content=(Text(text="End"),)))
    doc = Document(blocks=blocks)
    joined = " ".join(doc.plain_text().split())
    facts = doc_features(doc)
    assert facts.text_chars == len(joined)
    from articlekit.verdict import _normalised_length

    assert _normalised_length(doc.body, HEAD_CHARS) == (len(joined), joined[:HEAD_CHARS])
    assert _normalised_length(doc.body[:1], HEAD_CHARS) == (
        len("Block 0 with spaced words,"),
    ) * 1 + ("Block 0 with spaced words,",)


@pytest.mark.parametrize(
    "text",
    [
        "  Page\u00a0NOT \t found\u2019s\n\n ",
        "\u3000Ｐａｇｅ\u2009not\u200afound\u2028",
        "\x1c\x1d\x1e\x1fword\x85end\u00a0",
        "",
        "   ",
        "İstanbul ΣΟΦΊΑ",
    ],
)
def test_normalise_is_the_regex_collapse(text: str) -> None:
    import re

    from articlekit.verdict import _normalise

    # the definition it replaced: every \s run one space, ends stripped, lower-cased
    expected = re.sub(r"\s+", " ", text.replace("\u2019", "'").replace("\u00a0", " "))
    assert _normalise(text) == expected.strip().lower()


@pytest.mark.parametrize(
    ("phrase", "anchor"),
    [
        ("page you are looking for", "looking"),
        ("page not found", "not"),
        ("subscribe now", ""),
        ("会員限定", ""),
    ],
)
def test_anchor_word_is_the_longest_inner_word(phrase: str, anchor: str) -> None:
    from articlekit.verdict import _anchor_word

    assert _anchor_word(phrase) == anchor


@pytest.mark.parametrize(
    "text",
    [
        "we could not find the page you are looking for, sorry",
        "the homepage not foundation",  # a phrase inside longer words still counts
        "subscribe to continue reading this article",
        "a page you are looking at",
        "nothing to see here",
    ],
)
def test_phrase_keys_skip_only_texts_without_a_phrase(text: str) -> None:
    from articlekit.verdict import (
        _PHRASE_KEYS,
        CONSENT_PHRASES,
        ERROR_PHRASES,
        PAYWALL_PHRASES,
        _distinct_normalised,
    )

    for pattern in (CONSENT_PHRASES, PAYWALL_PHRASES, ERROR_PHRASES):
        keys = _PHRASE_KEYS[pattern]
        every = [*keys.always, *(k for group in keys.by_anchor.values() for k in group)]
        holds = any(key in text for key in every)
        assert keys.any_in(text, set(text.split(" "))) == holds
        found = len({m.group(0) for m in pattern.finditer(text)})
        assert _distinct_normalised(pattern, text) == found


def test_doc_features_read_lists_quotes_and_links_as_the_joined_text() -> None:
    from articlekit.model import List, ListItem, Quote

    def linked(before: str, link: str, after: str) -> Paragraph:
        return Paragraph(
            content=(
                Text(text=before),
                Link(url="https://example.org/a", content=(Text(text=link),)),
                Text(text=after),
            )
        )

    blocks = (
        Quote(blocks=(para("  We use   cookies to  measure the audience. "),)),
        para(PROSE),
        List(
            items=(
                ListItem(blocks=(linked("See ", " the  list ", " here."),)),
                ListItem(blocks=(para("A second\titem"), Quote(blocks=(para("deep"),)))),
            )
        ),
        linked("Read ", "the budget", " now"),
        Heading(level=2, content=(Text(text="  The   end "),)),
    )
    doc = Document(blocks=blocks)
    facts = doc_features(doc)
    joined = " ".join(doc.plain_text().split())
    assert facts.text_chars == len(joined)
    link_chars = sum(len(" ".join(ref.text.split())) for ref in doc.links())
    assert link_chars == len("the list") + len("the budget")
    assert facts.link_density == link_chars / len(joined)
    assert facts.consent_phrases == 1  # found in the quote that opens the body
    assert (facts.headings, facts.prose_paragraphs) == (1, 1)


def test_phrase_tests_skip_phrases_outside_ascii_in_ascii_text() -> None:
    from articlekit.verdict import _PHRASE_KEYS, CONSENT_PHRASES, ERROR_PHRASES, _distinct

    keys = _PHRASE_KEYS[CONSENT_PHRASES]
    assert set(keys.ascii_always) < set(keys.always)
    assert all(key.isascii() for key in keys.ascii_always)
    # the phrases are found where they are, in ASCII text and in text outside it
    assert _distinct(CONSENT_PHRASES, "We and our partners use cookies. Accept all") == 2
    assert _distinct(CONSENT_PHRASES, "当社はcookieを使用します") == 1
    assert _distinct(ERROR_PHRASES, "ページが見つかりません") == 1
    assert _distinct(ERROR_PHRASES, "Error 404: the page does not exist") >= 1
    assert _distinct(CONSENT_PHRASES, "A story about cookies and partners") == 0


@pytest.mark.parametrize(
    ("text", "collapsed"),
    [
        ("one two three", True),
        ("", True),
        ("one  two", False),
        (" one", False),
        ("one ", False),
        ("one\ntwo", False),
        ("one\u00a0two", False),
        ("one\ttwo", False),
        ("one\x01two", False),  # (a control: not white space, but not printable either)
    ],
)
def test_is_collapsed_says_when_splitting_and_joining_changes_nothing(
    text: str, collapsed: bool
) -> None:
    from articlekit.verdict import _is_collapsed

    assert _is_collapsed(text) is collapsed
    if collapsed:
        assert " ".join(text.split()) == text


@given(st.text(alphabet=st.sampled_from(["a", "b", " ", "\n", "\t", "\u00a0", "\u2003", "é"])))
def test_is_collapsed_only_when_text_is_its_words_joined(text: str) -> None:
    from articlekit.verdict import _is_collapsed

    if _is_collapsed(text):
        assert " ".join(text.split()) == text
    elif text.isprintable():
        assert " ".join(text.split()) != text


def test_signal_values_keep_their_number_type() -> None:
    # counts stay integers and ratios floats, in the model and in the JSON (a compiled
    # build stores a variable typed ``float`` as a C double: 3 would come back as 3.0)
    paragraph = "A sentence of prose, long enough to count as a paragraph of an article. " * 4
    doc = articlekit.parse_html(f"<html><body><article><p>{paragraph}</p></article></body></html>")
    assert doc.verdict is not None
    values = {s.name: s.value for s in doc.verdict.signals}
    assert type(values["prose_paragraphs"]) is int
    assert type(values["link_density"]) is float
    assert '"name":"prose_paragraphs","value":1}' in articlekit.to_json(doc).replace(" ", "")


def _facts_reference(inlines: tuple[object, ...], in_link: bool = False) -> tuple[str, int, int]:
    """_inline_facts read recursively: text, outermost links' text length, and the
    whitespace-collapsed length of every link's text."""
    from articlekit.model import Code, Image, LineBreak

    text = ""
    linked = collapsed = 0
    for node in inlines:
        if isinstance(node, Text):
            text += node.text
        elif isinstance(node, Code):
            text += node.code
        elif isinstance(node, LineBreak):
            text += "\n"
        elif isinstance(node, Image):
            text += node.alt
        else:
            inner, inner_linked, inner_collapsed = _facts_reference(
                node.content,  # type: ignore[attr-defined]
                in_link or isinstance(node, Link),
            )
            text += inner
            collapsed += inner_collapsed
            if isinstance(node, Link):
                collapsed += len(" ".join(inner.split()))
                if not in_link:
                    linked += len(inner)
            else:
                linked += inner_linked
    return text, linked, collapsed


def test_inline_facts_read_nested_links_and_the_text_after_them() -> None:
    import random

    from articlekit.model import Code, Emphasis, Image, LineBreak, Strong
    from articlekit.verdict import _inline_facts

    rng = random.Random(24)

    def inlines(depth: int) -> tuple[object, ...]:
        out: list[object] = []
        for _ in range(rng.randint(0, 4)):
            pick = rng.random()
            if depth > 3 or pick < 0.4:
                out.append(Text(text=rng.choice(["a ", " b", "c  d", "", "x\ny"])))
            elif pick < 0.5:
                out.append(Code(code="k = 1"))
            elif pick < 0.6:
                out.append(LineBreak())
            elif pick < 0.7:
                out.append(Image(src="https://example.com/i.png", alt="pic "))
            elif pick < 0.8:
                out.append(Emphasis(content=inlines(depth + 1)))  # type: ignore[arg-type]
            elif pick < 0.9:
                out.append(Strong(content=inlines(depth + 1)))  # type: ignore[arg-type]
            else:
                out.append(Link(url="https://example.com/", content=inlines(depth + 1)))  # type: ignore[arg-type]
        return tuple(out)

    nested = (
        Text(text="see "),
        Link(
            url="https://example.com/",
            content=(
                Text(text="one  two"),
                Emphasis(
                    content=(Link(url="https://example.com/b", content=(Text(text=" three "),)),)
                ),
            ),
        ),
        Text(text=" after"),
    )
    assert _inline_facts(nested) == ("see one  two three  after", 15, 18)
    assert _facts_reference(nested) == ("see one  two three  after", 15, 18)
    for _ in range(3000):
        content = inlines(0)
        assert _inline_facts(content) == _facts_reference(content), content
