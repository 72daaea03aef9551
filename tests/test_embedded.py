"""Tests for articlekit.html.embedded: articles recovered from data embedded in a page."""

from __future__ import annotations

import json
import time

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit.html import embedded
from articlekit.html.embedded import (
    embedded_kinds,
    embedded_text_chars,
    find_embedded,
    recover_article,
)
from articlekit.model import Heading, Link, List, Paragraph, Quote, plain_text

SENTENCES = [
    "The river rose by two metres overnight and flooded the lower town.",
    "Residents were moved to the school gym before the bridge was closed.",
    "Engineers say the old levee held, but the new pumping station failed.",
    "The council will meet on Monday to decide how to pay for the repairs.",
    "Farmers upstream report that the spring harvest is likely to be lost.",
]
BODY = "\n\n".join(SENTENCES)


def page(*scripts: str, body: str = "<div id='app'></div>") -> lxml.html.HtmlElement:
    """Return the tree of a page whose head holds ``scripts`` (raw markup)."""
    markup = f"<html><head>{''.join(scripts)}</head><body>{body}</body></html>"
    return lxml.html.document_fromstring(markup)


def script(data: object, *, type_: str = "application/json", id_: str = "") -> str:
    ident = f' id="{id_}"' if id_ else ""
    return f'<script type="{type_}"{ident}>{json.dumps(data)}</script>'


def texts(blocks: tuple[object, ...] | None) -> list[str]:
    assert blocks is not None
    return [plain_text(b) for b in blocks]  # type: ignore[arg-type]


# --------------------------------------------------------------------------- JSON-LD


def test_jsonld_article_body_text_becomes_paragraphs() -> None:
    data = {"@context": "https://schema.org", "@type": "NewsArticle", "articleBody": BODY}
    root = page(script(data, type_="application/ld+json"))
    found = find_embedded(root)
    assert found is not None and found.kind == "jsonld"
    assert texts(found.blocks) == SENTENCES
    assert found.path.endswith("#articleBody")
    paths = [b.provenance.path if b.provenance else None for b in found.blocks]
    assert all(p is not None and "script" in p for p in paths)


def test_jsonld_in_a_graph_with_single_newlines_and_entities() -> None:
    body = "\n".join(SENTENCES).replace("two metres", "two &amp; a half metres")
    data = {"@graph": [{"@type": "WebPage"}, {"@type": "Article", "articleBody": body}]}
    blocks = recover_article(page(script(data, type_="application/ld+json")))
    assert texts(blocks)[0].startswith("The river rose by two & a half metres")
    assert len(texts(blocks)) == 5


def test_jsonld_article_body_with_html_keeps_structure() -> None:
    markup = (
        "<h2>What happened</h2>"
        + "".join(f"<p>{s}</p>" for s in SENTENCES[:3])
        + "<ul><li>Bridge closed</li><li>School open</li></ul>"
        + f"<blockquote>{SENTENCES[3]}</blockquote>"
        + f'<p>Read the <a href="https://example.org/r">report</a>. {SENTENCES[4]}</p>'
    )
    data = {"@type": "Article", "articleBody": markup}
    blocks = recover_article(page(script(data, type_="application/ld+json")))
    assert blocks is not None
    assert isinstance(blocks[0], Heading) and blocks[0].level == 2
    assert [type(b) for b in blocks[1:]] == [
        Paragraph,
        Paragraph,
        Paragraph,
        List,
        Quote,
        Paragraph,
    ]
    last = blocks[-1]
    assert isinstance(last, Paragraph) and isinstance(last.content[1], Link)


# --------------------------------------------------------------------------- frameworks


def test_next_data_html_body() -> None:
    data = {
        "props": {
            "pageProps": {
                "post": {"title": "Flood", "content": "".join(f"<p>{s}</p>" for s in SENTENCES)}
            }
        },
        "page": "/news/[slug]",
    }
    root = page(script(data, id_="__NEXT_DATA__"))
    found = find_embedded(root)
    assert found is not None and found.kind == "next-data"
    assert found.path.endswith("#props.pageProps.post.content")
    assert texts(found.blocks) == SENTENCES


def test_next_data_node_array_with_headings() -> None:
    nodes = [
        {"type": "heading", "level": 2, "text": "Overnight"},
        *({"type": "paragraph", "text": s} for s in SENTENCES[:3]),
        {"type": "image", "url": "/x.jpg"},
        {
            "type": "heading",
            "attrs": {"level": 3},
            "children": [{"text": "Next "}, {"text": "steps"}],
        },
        *({"type": "paragraph", "children": [{"text": s}]} for s in SENTENCES[3:]),
    ]
    root = page(
        script({"props": {"pageProps": {"article": {"blocks": nodes}}}}, id_="__NEXT_DATA__")
    )
    blocks = recover_article(root)
    assert blocks is not None
    assert [type(b).__name__ for b in blocks] == [
        "Heading", "Paragraph", "Paragraph", "Paragraph", "Heading", "Paragraph", "Paragraph"
    ]  # fmt: skip
    assert [b.level for b in blocks if isinstance(b, Heading)] == [2, 3]
    assert plain_text(blocks[4]) == "Next steps"


def test_nuxt_json_assignment_is_read() -> None:
    state = {"data": [{"article": {"body": BODY, "id": 7}}], "state": {}}
    root = page(f"<script>window.__NUXT__={json.dumps(state)};</script>")
    found = find_embedded(root)
    assert found is not None and found.kind == "nuxt"
    assert texts(found.blocks) == SENTENCES


def test_nuxt_function_expression_is_never_run() -> None:
    source = (
        "window.__NUXT__=(function(a,b){return {data:[{article:{body:a}}]}}"
        f"({json.dumps(BODY)},1));"
    )
    root = page(f"<script>{source}</script>")
    assert find_embedded(root) is None


def test_nuxt_data_flat_payload_resolves_indexes() -> None:
    payload = [{"data": 1}, {"article": 2}, {"title": 3, "body": 4}, "Flood", BODY]
    root = page(script(payload, id_="__NUXT_DATA__"))
    found = find_embedded(root)
    assert found is not None and found.kind == "nuxt"
    assert texts(found.blocks) == SENTENCES


def test_state_globals_and_json_parse() -> None:
    state = {
        "article": {"headline": "Flood", "bodyHtml": "".join(f"<p>{s}</p>" for s in SENTENCES)}
    }
    plain = page(f"<script>window.__INITIAL_STATE__ = {json.dumps(state)};</script>")
    assert texts(recover_article(plain)) == SENTENCES

    encoded = json.dumps(json.dumps(state))
    parsed = page(f"<script>window.__PRELOADED_STATE__ = JSON.parse({encoded});</script>")
    found = find_embedded(parsed)
    assert found is not None and found.kind == "state" and "__PRELOADED_STATE__" in found.path

    # a JavaScript object literal (unquoted keys) is not JSON: skipped, not evaluated
    literal = page("<script>window.__INITIAL_STATE__ = {article: {body: 'x'}};</script>")
    assert find_embedded(literal) is None


def test_apollo_and_relay_references_are_resolved() -> None:
    apollo = {
        "Post:1": {
            "__typename": "Post",
            "paragraphs": [{"__ref": f"Paragraph:{n}"} for n in range(5)],
        },
        **{
            f"Paragraph:{n}": {"__typename": "Paragraph", "type": "P", "text": s}
            for n, s in enumerate(SENTENCES)
        },
        "ROOT_QUERY": {"post": {"__ref": "Post:1"}},
    }
    root = page(f"<script>window.__APOLLO_STATE__ = {json.dumps(apollo)};</script>")
    assert texts(recover_article(root)) == SENTENCES

    records = {
        "client:1:body": {
            "__typename": "Body",
            "contents": {"__refs": [f"client:p{n}" for n in range(5)]},
        },
        **{
            f"client:p{n}": {"__typename": "Paragraph", "contents": {"__refs": [f"client:t{n}"]}}
            for n in range(5)
        },
        **{f"client:t{n}": {"__typename": "Text", "content": s} for n, s in enumerate(SENTENCES)},
    }
    relay = page(script({"props": {"pageProps": {"records": records}}}, id_="__NEXT_DATA__"))
    assert texts(recover_article(relay)) == SENTENCES


@pytest.mark.parametrize(
    "nodes",
    [
        # Contentful rich text
        {
            "nodeType": "document",
            "content": [
                {"nodeType": "heading-2", "content": [{"nodeType": "text", "value": "Overnight"}]},
                *(
                    {"nodeType": "paragraph", "content": [{"nodeType": "text", "value": s}]}
                    for s in SENTENCES
                ),
            ],
        },
        # Sanity portable text
        [
            {"_type": "block", "style": "h2", "children": [{"_type": "span", "text": "Overnight"}]},
            *(
                {"_type": "block", "style": "normal", "children": [{"_type": "span", "text": s}]}
                for s in SENTENCES
            ),
        ],
        # Editor.js
        {
            "blocks": [
                {"type": "header", "data": {"text": "Overnight", "level": 2}},
                *({"type": "paragraph", "data": {"text": s}} for s in SENTENCES),
            ]
        },
        # WordPress blocks
        [
            {"name": "core/heading", "attributes": {"content": "Overnight", "level": 2}},
            *({"name": "core/paragraph", "attributes": {"content": s}} for s in SENTENCES),
        ],
    ],
    ids=["contentful", "sanity", "editorjs", "wordpress"],
)
def test_cms_node_shapes(nodes: object) -> None:
    blocks = recover_article(page(script({"page": {"body": nodes}})))
    assert blocks is not None
    assert isinstance(blocks[0], Heading) and plain_text(blocks[0]) == "Overnight"
    assert blocks[0].level == 2
    assert texts(blocks[1:]) == SENTENCES


def test_richest_candidate_wins_and_jsonld_wins_ties() -> None:
    short = {"@type": "Article", "articleBody": "\n\n".join(SENTENCES[:4])}
    longer = {"props": {"pageProps": {"body": BODY}}}
    root = page(script(short, type_="application/ld+json"), script(longer, id_="__NEXT_DATA__"))
    found = find_embedded(root)
    assert found is not None and found.kind == "next-data"
    same = {"@type": "Article", "articleBody": BODY}
    root = page(script(longer, id_="__NEXT_DATA__"), script(same, type_="application/ld+json"))
    found = find_embedded(root)
    assert found is not None and found.kind == "jsonld"


# --------------------------------------------------------------------------- what is not an article


def test_nothing_found_on_a_plain_page() -> None:
    root = page(body="<p>Just a page.</p>")
    assert find_embedded(root) is None
    assert recover_article(root) is None
    assert embedded_text_chars(root) == 0
    assert embedded_kinds(root) == ()


def test_non_prose_strings_are_not_articles() -> None:
    data = {
        "content": "QUJD" * 200,  # base64
        "html": ".a{color:red}" * 60,  # CSS
        "text": "function(a){return a+1};" * 30,  # code
        "body": "tag " * 200,  # a word list without sentences
    }
    assert find_embedded(page(script(data))) is None


def test_comments_teasers_and_short_texts_are_skipped() -> None:
    data = {
        "comments": [{"text": BODY}],
        "relatedArticles": [{"body": BODY}],
        "article": {"body": SENTENCES[0]},
    }
    assert find_embedded(page(script(data))) is None


def test_hostile_scripts_do_not_crash_or_hang(monkeypatch: pytest.MonkeyPatch) -> None:
    deep = "[" * 200_000 + "]" * 200_000
    deep_object = '{"a":' * 50_000 + "1" + "}" * 50_000
    broken = '{"body": "unterminated'
    started = time.perf_counter()
    root = page(
        f'<script type="application/json">{deep}</script>',
        f"<script>window.__INITIAL_STATE__ = {deep_object};</script>",
        f'<script type="application/json">{broken}</script>',
        '<script type="application/ld+json">not json at all</script>',
        "<script>window.__DATA__ = JSON.parse('single quoted');</script>",
    )
    assert find_embedded(root) is None
    assert time.perf_counter() - started < 10
    # oversized scripts are not parsed at all
    monkeypatch.setattr(embedded, "MAX_SCRIPT_CHARS", 100)
    data = {"@type": "Article", "articleBody": BODY}
    assert find_embedded(page(script(data, type_="application/ld+json"))) is None


def test_embedded_kinds_lists_what_is_present() -> None:
    root = page(
        script({"@type": "WebSite"}, type_="application/ld+json"),
        script({"props": {}}, id_="__NEXT_DATA__"),
        "<script>window.__APOLLO_STATE__ = {};</script>",
    )
    assert embedded_kinds(root) == ("jsonld", "next-data", "state")
    assert find_embedded(root) is None


def test_embedded_text_chars_counts_the_recovered_text() -> None:
    data = {"@type": "Article", "articleBody": BODY}
    root = page(script(data, type_="application/ld+json"))
    assert embedded_text_chars(root) == sum(len(s) for s in SENTENCES)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.sampled_from([BODY, "<p>" + BODY + "</p>", "\ud800" + BODY, "x\x00" + BODY]),
    lambda children: (
        st.lists(children, max_size=6)
        | st.dictionaries(
            st.sampled_from(["body", "content", "text", "type", "level", "children", "__ref", "a"]),
            children,
            max_size=6,
        )
    ),
    max_leaves=30,
)


@given(data=json_values)
def test_any_json_state_gives_valid_blocks_or_none(data: object) -> None:
    roots = [
        page(script(data, id_="__NEXT_DATA__")),
        page(f"<script>window.__INITIAL_STATE__ = {json.dumps(data)};</script>"),
    ]
    for root in roots:
        blocks = recover_article(root)
        if blocks is not None:
            text = " ".join(plain_text(b) for b in blocks)
            assert len(text) >= embedded.MIN_EMBEDDED_CHARS - len(blocks)
            text.encode("utf-8")  # no lone surrogates
            assert "\x00" not in text


@pytest.mark.timeout(30)
def test_megabyte_identifier_in_a_script_is_scanned_in_linear_time() -> None:
    # quadratic before: an unbounded name pattern rescanned the identifier at every offset
    from articlekit.html.embedded import _assigned_json

    source = "x" * 2_000_000 + ' window.__INITIAL_STATE__ = {"a": 1}; var appState = [1];'
    assert [name for name, _ in _assigned_json(source)] == ["__INITIAL_STATE__", "appState"]


def test_jsonml_nodes_read_their_text_and_list_items() -> None:
    node = embedded._jsonml_node(["p", {"class": "x"}, "Tides ", ["em", {}, "rise"], " twice."])
    assert node == {"type": "p", "text": "Tides rise twice.", "items": [], "ordered": False}
    listed = embedded._jsonml_node(
        ["ol", {}, ["li", {}, "One ", ["b", {}, "bold"]], [], ["li", {}, "Two"], "tail"]
    )
    assert listed == {"type": "ol", "text": "tail", "items": ["One bold", "Two"], "ordered": True}
    # an li outside a list is text like any other element
    quoted = embedded._jsonml_node(["blockquote", {}, ["li", {}, "Said"]])
    assert quoted is not None and (quoted["text"], quoted["items"]) == ("Said", [])
    assert embedded._jsonml_node(["span", {}, "x"]) is None
    assert embedded._jsonml_node([]) is None


# What _ASSIGNMENT matches, found from each "=" (embedded._assignments): pieces of scripts
# that name, space and assign every way the pattern reads, and ways it refuses.
_SCRIPT_PIECES = (
    "window.", "self .", "var ", "const ", "let ", "__", "_", "$", "a", "Z9", "é", "State",
    "DATA", "Props", "Data", "STATE", " ", "\t", "\n", "\u00a0", "=", "==", "=>", "{", "[",
    "JSON.parse(", "JSON.parse (", "(", ".", ";", '"', "x" * 30,
)  # fmt: skip


def _finditer_assignments(source: str) -> list[tuple[str, int]]:
    return [(m.group(1), m.end()) for m in embedded._ASSIGNMENT.finditer(source)]


@pytest.mark.parametrize(
    "source",
    [
        'window.__INITIAL_STATE__ = {"a": 1}; var appState = [1];',
        "i['GoogleAnalyticsObject']=r;i[r]=i[r]||function(){};a.async=1",
        'self . pageData={"x": 1}, __A__ \n = JSON.parse("{}")',
        "x == {}; y => [1]; ok_Props = [2]",
        "a" * 61 + "State = {}; " + "a" * 60 + "State = {}",  # 66 characters: too long
        "__" + "b" * 60 + "__ = []; __" + "b" * 61 + "__ = []",
        "$élanData\u00a0=\u00a0{}; 9Data = {}",
    ],
)
def test_assignments_are_the_pattern_matches(source: str) -> None:
    assert list(embedded._assignments(source)) == _finditer_assignments(source)


@given(st.lists(st.sampled_from(_SCRIPT_PIECES), max_size=30).map("".join))
def test_assignments_are_the_pattern_matches_in_any_script(source: str) -> None:
    assert list(embedded._assignments(source)) == _finditer_assignments(source)
