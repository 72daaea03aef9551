"""articlekit's own Markdown read back by the text parser keeps the document's structure."""

from __future__ import annotations

from pathlib import Path

from benchmarks import common, structure

import articlekit
from articlekit.model import CodeBlock, Heading, Paragraph, plain_text, walk
from tests.conftest import CorpusParse

PAGE = """<html lang="en"><head><title>Harbour news</title></head><body><article>
<h1>Harbour news</h1>
<p>The harbour office opened a new pier on Monday, and the first ferry tied up at noon.</p>
<h2>What changes</h2>
<ol><li><strong>The clerk</strong><br>keeps the office open until six.</li>
<li>The pilots<ul><li>bring ships in at night</li><li>and in fog</li></ul></li></ol>
<blockquote><p>"It is a good day for the town," the mayor said at the opening.</p></blockquote>
<pre><code class="language-python">print("pier")</code></pre>
<table><tr><th>Pier</th><th>Berths</th></tr><tr><td>North</td><td>4</td></tr></table>
<p>More ferries will follow in the spring, when the second pier is finished as well.</p>
</article></body></html>"""


def _kinds(doc: articlekit.Document) -> list[str]:
    return [type(block).__name__ for block in walk(doc.blocks)]


def test_a_documents_markdown_reads_back_as_the_same_blocks() -> None:
    doc = articlekit.parse_html(PAGE)
    again = articlekit.parse_text(articlekit.to_markdown(doc))
    assert again.title == doc.title
    assert _kinds(again) == _kinds(doc)
    for kind in (Heading, Paragraph):
        ours = [plain_text(b) for b in walk(doc.blocks) if isinstance(b, kind)]
        assert ours == [plain_text(b) for b in walk(again.blocks) if isinstance(b, kind)]
    (code,) = [b for b in walk(again.blocks) if isinstance(b, CodeBlock)]
    assert code.language == "python"


def test_the_corpus_reads_back_from_its_markdown(
    corpus: Path, corpus_document: CorpusParse
) -> None:
    # readability-pages: parse_html, to_markdown, parse_text; the second reading's
    # structure scored against the first's (pooled F1), a floor under the figures of
    # session 10 (heading 0.946, list item 0.726, paragraph 0.966, table 0.968)
    totals: dict[str, structure.Match] = {}
    for page in common.load_readability_pages(corpus):
        doc = corpus_document(page.dir / "source.html.gz", "http://fakehost/test/page.html")
        markdown = articlekit.to_markdown(doc)
        if not markdown.strip():
            continue
        first = structure.structure_from_document(doc)
        second = structure.structure_from_document(articlekit.parse_text(markdown))
        for part, match in structure.structure_counts(first, second).items():
            totals[part] = totals.get(part, structure.Match(0, 0, 0)) + match
    assert totals["heading"].f1 >= 0.93
    assert totals["list_item"].f1 >= 0.70
    assert totals["paragraph"].f1 >= 0.95
    assert totals["table"].f1 >= 0.95
