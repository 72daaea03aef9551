"""Hypothesis strategies that build arbitrary, valid articlekit Documents.

Text is drawn from an alphabet rich in Markdown and HTML metacharacters so that the
serialisers' escaping is exercised on every example. Nesting is bounded with
``st.recursive`` so examples stay small enough for 200+ runs in CI.
"""

from __future__ import annotations

from hypothesis import strategies as st

from articlekit.model import (
    Block,
    Code,
    CodeBlock,
    Document,
    Emphasis,
    Figure,
    Heading,
    Image,
    Inline,
    LineBreak,
    Link,
    List,
    ListItem,
    Metadata,
    Paragraph,
    Quote,
    Recommendation,
    Recommendations,
    Rule,
    SourceInfo,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
)

METACHARS = "#*_[]()`<>|!\\-+.=~&;:\"'/ \t1234567890"
ALPHABET = st.one_of(
    st.sampled_from(list(METACHARS)),
    st.characters(codec="utf-8", categories=("L", "N", "P", "S", "Zs")),
)

#: Text that may contain anything a page can carry (no NUL, no lone surrogates).
any_text = st.text(alphabet=ALPHABET, max_size=40)
#: Non-blank text, for fields whose validators reject blanks.
words = st.text(alphabet=ALPHABET, min_size=1, max_size=30).filter(lambda s: s.strip() != "")
urls = st.one_of(
    st.sampled_from(
        [
            "https://example.org/a",
            "https://example.org/a b?c=(d)&e=<f>",
            "/relative/path",
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "vbscript:msgbox",
            "data:text/html;base64,PHNjcmlwdD4=",
            "data:image/png;base64,iVBORw0KGgo=",
            "mailto:someone@example.org",
            "",
        ]
    ),
    st.builds(lambda s: "https://example.org/" + s, any_text),
)
opt_text = st.none() | any_text
opt_words = st.none() | words
languages = st.none() | st.sampled_from(["python", "js", "c++", "a`b", "x y"])


def _leaf_inlines() -> st.SearchStrategy[Inline]:
    return st.one_of(
        st.builds(Text, text=words),
        st.builds(Code, code=words),
        st.builds(Image, src=urls, alt=any_text, title=opt_text),
        st.just(LineBreak()),
    )


inlines: st.SearchStrategy[Inline] = st.recursive(
    _leaf_inlines(),
    lambda children: st.one_of(
        st.builds(Emphasis, content=st.lists(children, min_size=1, max_size=3).map(tuple)),
        st.builds(Strong, content=st.lists(children, min_size=1, max_size=3).map(tuple)),
        st.builds(
            Link,
            url=urls,
            content=st.lists(children, min_size=1, max_size=3).map(tuple),
            title=opt_text,
        ),
    ),
    max_leaves=6,
)
inline_runs = st.lists(inlines, min_size=1, max_size=5).map(tuple)

recommendation = st.builds(
    Recommendation, title=words, url=st.none() | urls, image=st.none() | urls, summary=opt_text
)
table_cell = st.builds(
    TableCell,
    content=st.lists(inlines, max_size=3).map(tuple),
    header=st.booleans(),
)


@st.composite
def tables(draw: st.DrawFn) -> Table:
    width = draw(st.integers(min_value=1, max_value=4))
    height = draw(st.integers(min_value=1, max_value=4))
    rows = tuple(
        TableRow(cells=tuple(draw(table_cell) for _ in range(width))) for _ in range(height)
    )
    header_rows = draw(st.integers(min_value=0, max_value=min(1, height)))
    caption = draw(st.lists(inlines, max_size=2).map(tuple))
    return Table(rows=rows, header_rows=header_rows, caption=caption)


leaf_blocks: st.SearchStrategy[Block] = st.one_of(
    st.builds(Heading, level=st.integers(min_value=1, max_value=6), content=inline_runs),
    st.builds(Paragraph, content=inline_runs),
    st.builds(CodeBlock, code=any_text, language=languages),
    tables(),
    st.builds(
        Figure,
        image=st.builds(Image, src=urls, alt=any_text, title=opt_text),
        caption=st.lists(inlines, max_size=3).map(tuple),
    ),
    st.just(Rule()),
    st.builds(
        Recommendations,
        title=opt_words,
        items=st.lists(recommendation, min_size=1, max_size=4).map(tuple),
    ),
)


def _containers(children: st.SearchStrategy[Block]) -> st.SearchStrategy[Block]:
    item = st.builds(ListItem, blocks=st.lists(children, min_size=1, max_size=3).map(tuple))
    return st.one_of(
        st.builds(
            List,
            ordered=st.booleans(),
            start=st.integers(min_value=0, max_value=1000),
            items=st.lists(item, min_size=1, max_size=4).map(tuple),
        ),
        st.builds(Quote, blocks=st.lists(children, min_size=1, max_size=3).map(tuple)),
    )


blocks: st.SearchStrategy[Block] = st.recursive(leaf_blocks, _containers, max_leaves=8)

metadata = st.builds(
    Metadata,
    authors=st.lists(words, max_size=3).map(tuple),
    published=st.none() | st.sampled_from(["2024-10-31", "2024-10-31T12:00:00+00:00"]),
    modified=st.none() | st.sampled_from(["2024-11-01T08:30:00Z"]),
    site_name=opt_words,
    language=st.none() | st.sampled_from(["en", "de", "fr-FR", "zh"]),
    description=opt_text,
    kicker=opt_words,
    tags=st.lists(words, max_size=3).map(tuple),
    image=st.none() | urls,
    canonical_url=st.none() | urls,
)

documents: st.SearchStrategy[Document] = st.builds(
    Document,
    title=opt_words,
    metadata=metadata,
    blocks=st.lists(blocks, max_size=6).map(tuple),
    source=st.builds(
        SourceInfo,
        url=st.none() | urls,
        format=st.none() | st.sampled_from(["html", "text"]),
        parser=st.none() | st.sampled_from(["html", "text"]),
        encoding=st.none() | st.sampled_from(["utf-8", "windows-1252"]),
    ),
)
