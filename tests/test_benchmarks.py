"""Tests of the benchmark scorers (benchmarks/common.py, benchmarks/structure.py).

The benchmark numbers are only as good as the scoring behind them, so the scorers are tested
here on tiny inputs. Nothing here needs the bench virtualenv (no third-party extractor).
"""

from __future__ import annotations

import time
from pathlib import Path

import lxml.html
import pytest
from benchmarks import common, structure
from benchmarks.structure import Structure, score_structure

from articlekit.model import (
    Document,
    Figure,
    Heading,
    Image,
    LineBreak,
    List,
    ListItem,
    Paragraph,
    Quote,
    Recommendation,
    Recommendations,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
)


def _p(text: str) -> Paragraph:
    return Paragraph(content=(Text(text=text),))


# --------------------------------------------------------------------------- snippet scoring


def test_collapse_ws_folds_newlines_tabs_and_nbsp() -> None:
    assert common.collapse_ws("  a\n\tb\xa0\xa0c  ") == "a b c"


def test_score_snippets_counts_each_kind() -> None:
    text = "The article body.\nIt goes on here."
    result = common.score_snippets(
        text,
        with_=["article body", "goes on", "not in the text"],
        without=["Share on Facebook", "body."],
    )
    assert (result.counts.tp, result.counts.fn, result.counts.fp, result.counts.tn) == (2, 1, 1, 1)
    assert result.missed == ("not in the text",)
    assert result.leaked == ("body.",)


def test_score_snippets_collapses_whitespace_on_both_sides() -> None:
    result = common.score_snippets("one\n\n  two", with_=["one two", "one\ttwo"], without=[])
    assert result.counts.tp == 2


def test_score_snippets_ignores_invisible_characters() -> None:
    # a soft hyphen in the page or in the snippet decides nothing
    result = common.score_snippets(
        "Klima\u00adwandel und Wald", with_=["Klimawandel", "Klima\u00adwandel und"], without=[]
    )
    assert result.counts.tp == 2


def test_structure_ignores_invisible_characters() -> None:
    truth = Structure(paragraphs=["Réac\u00adtion au projet"])
    assert (
        score_structure(truth, Structure(paragraphs=["Réaction au projet"]))["paragraph_f1"] == 1.0
    )


def test_score_snippets_without_text_finds_nothing() -> None:
    result = common.score_snippets(None, with_=["a", "b"], without=["c"])
    assert (result.counts.tp, result.counts.fn, result.counts.fp, result.counts.tn) == (0, 2, 0, 1)


def test_counts_precision_recall_f1_over_totals() -> None:
    total = common.Counts()
    total.add(common.Counts(tp=3, fn=1, fp=1, tn=5))
    total.add(common.Counts(tp=1, fn=1, fp=0, tn=2))
    assert total.precision == pytest.approx(4 / 5)
    assert total.recall == pytest.approx(4 / 6)
    assert total.f1 == pytest.approx(2 * 0.8 * (4 / 6) / (0.8 + 4 / 6))
    assert total.accuracy == pytest.approx(11 / 14)


def test_counts_are_zero_safe() -> None:
    empty = common.Counts()
    assert (empty.precision, empty.recall, empty.f1, empty.accuracy) == (0.0, 0.0, 0.0, 0.0)


# --------------------------------------------------------------------------- running tools


def test_run_timed_reports_ok_error_crash() -> None:
    assert common.run_timed(lambda: "text").value == "text"
    ok = common.run_timed(lambda: "text")
    assert ok.status == "ok"

    def fails() -> None:
        raise KeyError("boom")

    def not_written() -> None:
        raise NotImplementedError

    assert common.run_timed(fails, expected_errors=(KeyError,)).status == "error"
    crashed = common.run_timed(not_written, expected_errors=(KeyError,))
    assert crashed.status == "crash"
    assert crashed.message.startswith("NotImplementedError")


def test_run_timed_stops_a_stalled_call() -> None:
    def stall() -> None:
        while True:
            time.sleep(0.01)

    started = time.perf_counter()
    outcome = common.run_timed(stall, timeout=0.2)
    assert outcome.status == "timeout"
    assert time.perf_counter() - started < 5


def test_visible_text_drops_scripts_and_head() -> None:
    raw = b"<html><head><title>T</title><style>x{}</style></head><body><p>Hi</p>"
    raw += b"<script>var a;</script><div>there</div></body></html>"
    assert common.visible_text(raw).split("\n") == ["Hi", "there"]


def test_decode_with_dammit_follows_the_declared_charset() -> None:
    raw = '<meta charset="iso-8859-1"><p>Gr\u00fc\u00dfe</p>'.encode("iso-8859-1")
    assert "Gr\u00fc\u00dfe" in common.decode_with_dammit(raw)


def test_unknown_tool_is_unavailable_with_a_reason() -> None:
    with pytest.raises(common.ToolUnavailable, match="unknown tool"):
        common.load_tool("no-such-extractor")


def test_meta_key_ignores_case_space_punctuation_and_by() -> None:
    assert common.meta_key("  Hello,   WORLD! ") == "hello world"
    assert common.meta_key("By Jane Doe", byline=True) == common.meta_key("jane doe")
    assert common.meta_key("By Jane Doe") == "by jane doe"
    assert common.meta_key(None) == ""


def test_scaled_page_repeats_only_the_body() -> None:
    raw = b"<html><head><title>t</title></head><BODY class=x><p>a</p></BODY></html>"
    assert common.scaled_page(raw, 3) == (
        b"<html><head><title>t</title></head><BODY class=x><p>a</p><p>a</p><p>a</p></BODY></html>"
    )
    assert common.scaled_page(b"<p>no body</p>", 3) is None


def test_format_table_aligns_columns() -> None:
    table = common.format_table(["tool", "F1"], [["a", 0.5], ["longer", 1.0]])
    lines = table.splitlines()
    assert lines[0] == "| tool   |    F1 |"
    assert lines[2] == "| a      | 0.500 |"
    assert len({len(line) for line in lines}) == 1
    assert common.format_table(["x"], []).count("\n") == 1


def test_corpus_loaders_find_every_page(corpus: Path) -> None:
    pages = common.load_trafilatura_eval(corpus)
    assert len(pages) == 343
    assert all(page.path.is_file() for page in pages)
    assert sum(page.url is None for page in pages) == 11  # "hard::..." keys are names
    assert len(common.load_readability_pages(corpus)) == 130


# --------------------------------------------------------------------------- structure


def test_structure_from_html_reads_each_part() -> None:
    html = """<html><head><title>x</title></head><body>
      <h1>Title</h1><h3>Part <em>one</em></h3>
      <p>First   para<br>graph.</p>
      <ul><li>one<ul><li>two</li></ul> tail</li><li><p>in item</p></li></ul>
      <blockquote><p>quoted</p></blockquote>
      <table><tr><td><table><tr><td><p>cell para</p></td><td>b</td></tr></table></td></tr></table>
      <figure><img src="a.png" alt="alt text"><figcaption>cap</figcaption></figure>
      <script>var no;</script></body></html>"""
    found = structure.structure_from_html(html, title="Title")
    assert found.title == "Title"
    assert found.headings == [(1, "Title"), (3, "Part one")]
    assert found.list_items == ["one tail", "two", "in item"]
    assert found.paragraphs == ["First para graph.", "quoted"]
    assert (found.tables, found.figures) == (1, 1)
    assert "var" not in found.body_text
    assert "alt" not in found.body_text
    assert found.body_text.startswith("Title Part one First para graph.")


def test_paragraphs_of_layout_cells_count() -> None:
    # a cell outside any table, or of a one-column table, only wraps the page's flow
    root = lxml.html.fromstring(
        "<div><td><p>orphan</p></td><table><tr><td><p>one column</p></td></tr>"
        "<tr><td><p>again</p></td></tr></table>"
        "<table><tr><td><p>data</p></td><td>x</td></tr></table></div>"
    )
    assert structure.structure_from_tree(root).paragraphs == ["orphan", "one column", "again"]


def test_q_text_is_quoted_and_quote_glyphs_compare_as_one() -> None:
    root = lxml.html.fromstring("<div><p>She said <q>no</q>.</p><ul><li><q>Yes</q></li></ul></div>")
    truth = structure.structure_from_tree(root)
    assert truth.paragraphs == ['She said "no".']
    # w3m draws a <q> with typographic marks, lynx with straight ones: both match
    pred = Structure(paragraphs=["She said \u201cno\u201d."], list_items=['"Yes"'])
    counts = structure.structure_counts(truth, pred)
    assert (counts["paragraph"].tp, counts["list_item"].tp) == (1, 1)
    # a different word is still a miss
    other = structure.structure_counts(truth, Structure(paragraphs=["She said \u201cyes\u201d."]))
    assert other["paragraph"].tp == 0


def test_nested_paragraphs_count_once_each() -> None:
    root = lxml.html.fromstring("<div><p><span><p>inner</p></span> </p><p>next</p></div>")
    assert structure.structure_from_tree(root).paragraphs == ["inner", "next"]


def test_structure_from_html_of_empty_input_is_empty() -> None:
    assert structure.structure_from_html("  ", title="t") == Structure(title="t")


def test_structure_from_document_walks_blocks() -> None:
    doc = Document(
        title="T",
        blocks=(
            Heading(level=2, content=(Text(text="Section"),)),
            Paragraph(
                content=(
                    Text(text="Hello "),
                    Strong(content=(Text(text="big"),)),
                    LineBreak(),
                    Text(text="world"),
                    Image(src="i.png", alt="ALT"),
                )
            ),
            List(
                items=(
                    ListItem(
                        blocks=(_p("item one"), List(items=(ListItem(blocks=(_p("inner"),)),)))
                    ),
                )
            ),
            Quote(blocks=(_p("quoted"),)),
            Table(rows=(TableRow(cells=(TableCell(content=(Text(text="c"),)),)),)),
            Figure(image=Image(src="f.png"), caption=(Text(text="cap"),)),
            Recommendations(title="Also read", items=(Recommendation(title="Other story"),)),
        ),
    )
    found = structure.structure_from_document(doc)
    assert found.title == "T"
    assert found.headings == [(2, "Section")]
    assert found.paragraphs == ["Hello big world", "quoted"]
    assert found.list_items == ["item one", "inner"]
    assert (found.tables, found.figures) == (1, 2)
    assert "Other story" not in found.body_text
    assert "ALT" not in found.body_text
    assert found.body_text == "Section Hello big world item one inner quoted c cap"


def test_first_paragraph_is_the_first_in_document_order_wherever_it_stands() -> None:
    root = lxml.html.fromstring("<div><ol><li><p>in an item</p></li></ol><p>body</p></div>")
    found = structure.structure_from_tree(root)
    assert found.paragraphs == ["body"]
    assert found.first_paragraph == "in an item"
    doc = Document(
        blocks=(
            Heading(level=2, content=(Text(text="Section"),)),
            List(items=(ListItem(blocks=(_p("item"),)),)),
            _p("body"),
        )
    )
    assert structure.structure_from_document(doc).first_paragraph == "item"
    assert structure.structure_from_document(Document()).first_paragraph == ""


def test_excerpt_is_the_description_else_the_first_paragraph() -> None:
    shape = Structure(first_paragraph="First words.")
    assert structure.excerpt_of("Declared summary", shape) == "Declared summary"
    assert structure.excerpt_of("  ", shape) == "First words."
    assert structure.excerpt_of(None, shape) == "First words."
    assert structure.excerpt_of(None, Structure()) is None


def test_html_and_document_of_the_same_article_score_perfectly() -> None:
    html = "<h2>Intro</h2><p>One two.</p><ol><li>first</li><li>second</li></ol>"
    doc = Document(
        blocks=(
            Heading(level=2, content=(Text(text="Intro"),)),
            _p("One two."),
            List(
                ordered=True,
                items=(ListItem(blocks=(_p("first"),)), ListItem(blocks=(_p("second"),))),
            ),
        )
    )
    scores = score_structure(
        structure.structure_from_html(html), structure.structure_from_document(doc)
    )
    assert all(scores[key] == 1.0 for key in scores if key.endswith("_f1"))
    assert scores["table_count_error"] == scores["figure_count_error"] == 0.0


def test_score_structure_partial_matches() -> None:
    truth = Structure(
        title="The Title",
        headings=[(1, "The Title"), (2, "A"), (2, "B")],
        paragraphs=["p1", "p2", "p2"],
        list_items=["x"],
        tables=2,
        figures=1,
        body_text="one two three four",
    )
    pred = Structure(
        headings=[(3, "A"), (2, "B")],
        paragraphs=["p2", "p3"],
        tables=1,
        figures=3,
        body_text="one two five",
    )
    scores = score_structure(truth, pred)
    # the title heading is left out: truth has A, B; pred has A at the wrong level
    assert scores["heading_text_f1"] == 1.0
    assert scores["heading_f1"] == pytest.approx(0.5)
    assert scores["heading_shift_f1"] == pytest.approx(0.5)  # no one shift fits both
    # multiset: p2 twice in truth, once in pred -> tp 1, fp 1 (p3), fn 2
    assert scores["paragraph_f1"] == pytest.approx(2 / (2 + 1 + 2))
    assert scores["list_item_f1"] == 0.0
    assert scores["token_f1"] == pytest.approx(4 / (4 + 1 + 2))
    assert scores["table_count_f1"] == pytest.approx(2 / 3)
    assert scores["table_count_error"] == 1.0
    assert scores["figure_count_error"] == 2.0


def test_heading_shift_forgives_a_uniform_level_shift() -> None:
    truth = Structure(headings=[(2, "A"), (3, "B"), (3, "C")])
    shifted = Structure(headings=[(1, "A"), (2, "B"), (2, "C"), (1, "extra")])
    scores = score_structure(truth, shifted)
    assert scores["heading_f1"] == 0.0
    assert scores["heading_shift_f1"] == pytest.approx(6 / 7)


def test_empty_sides_score_one_and_matches_add_up() -> None:
    assert score_structure(Structure(), Structure())["heading_f1"] == 1.0
    total = structure.Match(1, 0, 1) + structure.Match(0, 1, 0)
    assert (total.tp, total.fp, total.fn) == (1, 1, 1)
    assert total.f1 == pytest.approx(0.5)


def test_typed_lists_are_found_in_paragraphs_and_pre_only() -> None:
    from benchmarks.text_accuracy import has_typed_list, reachable_items

    assert has_typed_list("<p>+ Added a<br>+ Added b<br>+ Added c</p>")
    assert has_typed_list("<pre>  1. poll\n  2. push\n  3. update</pre>")
    # a paragraph's source newlines are spaces, and a real list is not typed
    assert not has_typed_list("<p>a\n+ b\n+ c\n+ d</p>")
    assert not has_typed_list("<ul><li>a</li><li>b</li><li>c</li></ul>")
    folded = reachable_items(
        Structure(list_items=["He said stop here"]),
        Structure(list_items=["He said “stop here”"]),
    )
    assert (folded.tp, folded.fp, folded.fn) == (1, 0, 0)


def test_plain_text_documents_in_pre_and_invisible_marks() -> None:
    from benchmarks.text_accuracy import is_preformatted_document, without_invisible_marks

    rfc = "Internet-Draft  remoteStorage\n\n   This draft describes a protocol by which ..."
    assert is_preformatted_document(f"<body><pre>{rfc}</pre></body>")
    assert not is_preformatted_document(f"<body><p>An intro.</p><pre>{rfc}</pre></body>")
    assert not is_preformatted_document(
        "<body><div>" + "Long prose in a div. " * 20 + f"</div><pre>{rfc}</pre></body>"
    )
    found = without_invisible_marks(
        Structure(
            title="Netan\u00adyahu", paragraphs=["Vladi\u00admir Putin"], body_text="a\u00adb"
        )
    )
    assert (found.title, found.paragraphs, found.body_text) == (
        "Netanyahu",
        ["Vladimir Putin"],
        "ab",
    )
    marks = without_invisible_marks(Structure(paragraphs=["174°E\ufeff / \ufeff42°S \u200f@vi"]))
    assert marks.paragraphs == ["174°E / 42°S @vi"]


def _dying_worker(conn: object) -> None:
    """A robustness worker that dies (as a segfault would) on the input b"die"."""
    import os

    while True:
        job = conn.recv()  # type: ignore[attr-defined]
        if job is None:
            return
        if job[0] == b"die":
            os._exit(3)
        conn.send(("document", [], None))  # type: ignore[attr-defined]


def test_robustness_pool_counts_a_dead_worker_and_goes_on(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import multiprocessing as mp

    from benchmarks import robustness

    if mp.get_start_method() != "fork":
        pytest.skip("the patched worker reaches the child only with the fork start method")
    monkeypatch.setattr(robustness, "_worker", _dying_worker)
    pool = robustness._Pool(1, 10.0)
    try:
        jobs = [("a", b"x", None), ("b", b"die", None), ("c", b"y", None)]
        results = pool.run(iter(jobs))
    finally:
        pool.close()
    assert [(name, outcome) for name, outcome, _, _ in results] == [
        ("a", "document"),
        ("b", "died:exit 3"),
        ("c", "document"),
    ]


def test_render_textfield_one_block_per_line() -> None:
    from benchmarks import text_render

    page = (
        b"<html><head><title>T</title><style>p{}</style></head><body><h1>Title</h1>"
        b"<p>First <a href='/x'>para</a>graph.</p><ul><li><p>Item one</p><p>its text</p></li>"
        b"<li>Item two</li></ul><pre>code line 1\n  code line 2</pre>"
        b"<table><tr><td>a</td><td>b</td></tr></table><script>x()</script></body></html>"
    )
    assert text_render.render_textfield(page, "utf-8").splitlines() == [
        "Title",
        "First paragraph.",
        "- Item one",
        "its text",
        "- Item two",
        "code line 1",
        "  code line 2",
        "a b",
    ]


def test_render_browser_copy_follows_inner_text() -> None:
    from benchmarks import text_render

    page = (
        b"<html><head><title>T</title></head><body><h1>Title</h1><div>By <b>Jo</b>\n Smith</div>"
        b"<p>First   <a href='/x'>para</a>graph <q>here</q>.</p><p>Two<br>lines</p>"
        b"<ul><li>Item one</li>"
        b"<li hidden>no</li><li style='color: red; display:none'>no</li><li>Item two</li></ul>"
        b"<pre>code\n  line 2</pre><table><thead><tr><th>h1</th><th>h2</th></tr></thead>"
        b"<tbody><tr><td> a </td><td>b</td></tr></tbody></table><script>x()</script>"
        b"<details><summary>More</summary>folded</details><h2>Sub</h2>end</body></html>"
    )
    assert text_render.render_browser_copy(page, "utf-8") == (
        "Title\n\nBy Jo Smith\n\nFirst paragraph \u201chere\u201d.\n\n"
        "Two\nlines\n\nItem one\nItem two\n"
        "code\n  line 2\nh1\th2\na\tb\nMore\n\nSub\n\nend\n"
    )


def test_render_inner_text_sets_only_paragraphs_apart() -> None:
    from benchmarks import text_render

    page = b"<html><body><h2>Head</h2><ul><li>one</li><li>two</li></ul><p>Para.</p></body></html>"
    assert text_render.render_inner_text(page, "utf-8") == "Head\none\ntwo\n\nPara.\n"
    assert text_render.render_browser_copy(page, "utf-8") == "Head\n\none\ntwo\n\nPara.\n"


def test_render_browser_copy_needs_no_recursion() -> None:
    from benchmarks import text_render

    # 1200 elements deep: past Python's recursion limit, within libxml2's huge_tree limit
    page = b"<html><body>" + b"<div><span>" * 600 + b"deep" + b"</span></div>" * 600
    assert text_render.render_browser_copy(page + b"</body></html>", "utf-8") == "deep\n"


def test_shingle_counts_match_multisets_and_normalise() -> None:
    from benchmarks import shingle_accuracy as sa

    assert sa.page_counts("one two three four five", "one two three four five") == (1.0, 0.0, 0.0)
    # truth has two shingles, the extraction one of them and one of its own
    tp, fp, fn = sa.page_counts("a b c d e", "a b c d x")
    assert (tp, fp, fn) == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    # a repeated shingle counts as often as it occurs (a doubled paragraph is a false positive)
    tp, fp, fn = sa.page_counts("w x y z", "w x y z. w x y z")
    assert tp > 0 and fp > 0 and fn == 0
    # texts shorter than a shingle are one shingle; nothing on both sides gives zeros
    assert sa.page_counts("short", "short") == (1.0, 0.0, 0.0)
    assert sa.page_counts("", "") == (0.0, 0.0, 0.0)


def test_shingle_scores_are_per_page_means() -> None:
    from benchmarks import shingle_accuracy as sa

    run = sa.Run(tool=common.Tool("t", lambda raw, url: ""))
    run.counts = [(1.0, 0.0, 0.0), (0.5, 0.5, 0.0)]
    run.exact = [True, False]
    precision, recall, f1, exact = run.scores()
    assert precision == pytest.approx(0.75)
    assert recall == pytest.approx(1.0)
    assert f1 == pytest.approx(2 * 0.75 / 1.75)
    assert exact == 0.5


def test_shingle_loader_pairs_truth_with_pages(tmp_path: Path) -> None:
    import gzip
    import json

    from benchmarks import shingle_accuracy as sa

    (tmp_path / "html").mkdir()
    (tmp_path / "ground-truth.json").write_text(
        json.dumps({"k1": {"articleBody": "Body text", "url": "https://e.x/a"}})
    )
    (tmp_path / "html" / "k1.html.gz").write_bytes(gzip.compress(b"<p>Body text</p>"))
    (page,) = sa.load_pages(tmp_path)
    assert (page.key, page.url, page.body) == ("k1", "https://e.x/a", "Body text")
    (tmp_path / "html" / "k1.html.gz").unlink()
    with pytest.raises(SystemExit, match="no html file"):
        sa.load_pages(tmp_path)


def test_shingle_halves_split_ids_by_first_character() -> None:
    from benchmarks import shingle_accuracy as sa

    assert sa.halves(["0a", "7f", "8b", "F0", "3c"]) == ([0, 1, 4], [2, 3])
    run = sa.Run(tool=common.Tool("t", lambda raw, url: ""))
    run.counts = [(1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.5, 0.0, 0.5)]
    run.exact = [True, False, False]
    assert run.scores([0])[2] == 1.0
    assert run.scores([1]) == (0.0, 0.0, 0.0, 0.0)
    assert run.scores([2])[:2] == (1.0, 0.5)


def test_shingle_halves_can_split_by_the_sha1_of_the_id() -> None:
    import hashlib

    from benchmarks import shingle_accuracy as sa

    keys = ["0001", "0002", "0003", "0004", "0005", "0006"]
    digits = [hashlib.sha1(key.encode()).hexdigest()[0] for key in keys]
    # plain ids like these all start with "0": every page would be dev
    assert sa.halves(keys) == (list(range(6)), [])
    dev, holdout = sa.halves(keys, hashed=True)
    assert dev == [i for i, d in enumerate(digits) if d in "01234567"]
    assert holdout == [i for i, d in enumerate(digits) if d not in "01234567"]
    assert [sa.split_key(key, hashed=True) for key in keys] == digits
    assert sa.split_key("Ab") == "a"


def test_shingle_subset_table_scores_each_subset(tmp_path: Path) -> None:
    from benchmarks import shingle_accuracy as sa

    pages = [
        sa.Page("0a", None, "", tmp_path / "a", "news"),
        sa.Page("8b", None, "", tmp_path / "b", "news"),
        sa.Page("1c", None, "", tmp_path / "c", "forum"),
    ]
    run = sa.Run(tool=common.Tool("t", lambda raw, url: ""))
    run.counts = [(1.0, 0.0, 0.0), (0.5, 0.5, 0.0), (0.0, 1.0, 0.0)]
    run.exact = [True, False, False]
    dev, holdout = sa.halves([page.key for page in pages])
    headers, rows = sa.subset_table([run], pages, dev, holdout)
    assert headers[:3] == ["subset", "pages (dev/holdout)", "tool"]
    assert rows[0][:3] == ["forum", "1 (1/0)", "t"]
    assert rows[0][-2:] == ["0.000", "-"]
    assert rows[1][:3] == ["news", "2 (1/1)", "t"]
    assert rows[1][3:6] == ["0.750", "1.000", f"{2 * 0.75 / 1.75:.3f}"]
    assert rows[1][-2:] == ["1.000", f"{2 * 0.5 / 1.5:.3f}"]


def test_shingle_text_tools_read_the_rendering(tmp_path: Path) -> None:
    from benchmarks import shingle_accuracy as sa

    raw, parsed = sa.text_tools("w3m")
    assert (raw.name, parsed.name) == ("w3m raw", "w3m parse_text")
    dump = "Home | News | Sport\n\nA Title\n\n" + "An article paragraph of several words. " * 8
    assert raw.text(dump.encode(), None) == dump
    got = parsed.text(dump.encode(), "https://e.x/a")
    assert got is not None and "An article paragraph" in got
    # a text tool reads <id>.txt of its folder; a missing rendering reads as None
    (tmp_path / "k1.txt").write_text("text", encoding="utf-8")
    run = sa.Run(tool=parsed, rendering=tmp_path)
    page = sa.Page("k1", None, "truth", tmp_path / "k1.html.gz")
    assert run.source(page, b"<html>") == b"text"
    assert run.source(sa.Page("k2", None, "", tmp_path / "k2.html.gz"), b"<html>") is None
    assert sa.Run(tool=raw).source(page, b"<html>") == b"<html>"


def test_shingle_text_mode_scores_renderings_per_tool(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import gzip
    import json

    from benchmarks import shingle_accuracy as sa
    from benchmarks import text_render

    body = "The council voted on Tuesday to build a new bridge over the river. " * 4
    page = f"<html><body><nav><a href=/>Home</a></nav><p>{body}</p></body></html>"
    corpus, out = tmp_path / "set", tmp_path / "out"
    (corpus / "html").mkdir(parents=True)
    (corpus / "ground-truth.json").write_text(
        json.dumps({"0a": {"articleBody": body, "url": None}, "8b": {"articleBody": body}})
    )
    for key in ("0a", "8b"):
        (corpus / "html" / f"{key}.html.gz").write_bytes(gzip.compress(page.encode()))
    # the outside set is rendered with text_render's own renderers, cached per tool
    assert text_render.render_shingle_corpus(corpus, out, ("textfield",)) == {"textfield": 2}
    assert text_render.render_shingle_corpus(corpus, out, ("textfield",)) == {"textfield": 0}
    assert "council voted" in (out / "textfield" / "0a.txt").read_text(encoding="utf-8")
    (out / "textfield" / "8b.txt").unlink()  # a missing rendering scores as empty
    monkeypatch.setattr(sa, "forbid_network", lambda: None)
    argv = ["--corpus", str(corpus), "--text-renderings", str(out), "--text-tools", "textfield"]
    assert sa.main([*argv, "--tools", "", "--halves", "--json", str(tmp_path / "s.json")]) == 0
    table = capsys.readouterr().out
    assert "textfield raw" in table and "textfield parse_text" in table
    assert "F1 dev (1)" in table and "missing 1" in table
    assert "articlekit" not in table  # --tools "": no HTML tool
    scores = json.loads((tmp_path / "s.json").read_text())
    assert scores["textfield parse_text"]["0a"]["f1"] == pytest.approx(1.0)
    assert scores["textfield raw"]["0a"]["p"] < 1.0  # the menu's "Home" is in the raw text
    assert scores["textfield parse_text"]["8b"]["f1"] == 0.0


def test_output_hashes_tell_changed_pages(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import output_hashes

    page = b"<html><body><article><p>A sentence of the article, long enough.</p></article>"
    same = output_hashes.fingerprint(page, None)
    assert len(same) == 12 and same == output_hashes.fingerprint(page, None)
    changed = output_hashes.fingerprint(page.replace(b"sentence", b"line"), None)
    assert changed != same
    assert output_hashes.fingerprint(b"", None) == "error UnsupportedInputError"
    before, after = tmp_path / "before.tsv", tmp_path / "after.tsv"
    before.write_text(f"a/1\t{same}\na/2\t{same}\n")
    after.write_text(f"a/1\t{same}\na/2\t{changed}\n")
    assert output_hashes.compare(before, before) == 0
    assert output_hashes.compare(before, after) == 1


# --------------------------------------------------------------------------- instructions.py

_ANNOTATE_SAMPLE = """\
--------------------------------------------------------------------------------
Profile data file 'callgrind.out.2' (creator: callgrind-3.19.0)
--------------------------------------------------------------------------------
Ir
--------------------------------------------------------------------------------
2,500,000 (100.0%)  PROGRAM TOTALS

--------------------------------------------------------------------------------
Ir                  file:function
--------------------------------------------------------------------------------
2,500,000 (100.0%)  ./csu/../csu/libc-start.c:__libc_start_main [/usr/lib/libc.so.6]
2,400,000 (96.00%)  /tmp/build/Python/ceval.c:_PyEval_EvalFrameDefault [/lib/libpython3.11.so.1.0]
  300,000 (12.00%)  ???:lxml_iter [/lxml/etree.so]
   20,000 ( 0.80%)  ???:PyUnicode_New [/lib/libpython3.11.so.1.0]

"""


def test_instructions_picks_pages_spread_over_the_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import instructions

    assert instructions.pick_pages(343, 25)[:3] == [0, 13, 27]
    assert instructions.pick_pages(343, 25)[-1] == 329
    assert len(set(instructions.pick_pages(343, 25))) == 25
    assert instructions.pick_pages(3, 5) == [0, 1, 2]


def test_instructions_reads_totals_dumps_and_annotate_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.syspath_prepend(str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import instructions

    assert instructions.callgrind_total("events: Ir\nfn=x\n1 5\ntotals: 1234\n") == 1234
    assert instructions.callgrind_total("summary: 77\n") == 77
    with pytest.raises(ValueError):
        instructions.callgrind_total("events: Ir\n")
    # callgrind names its dumps out.1, out.2 ... and the last one out
    for name, count in (("callgrind.out", 5), ("callgrind.out.2", 300), ("callgrind.out.1", 90)):
        (tmp_path / name).write_text(f"events: Ir\ntotals: {count}\n")
    run = instructions.read_run(sorted(tmp_path.iterdir()), rounds=2)
    assert (run.total, run.inside, run.inside_file.name) == (395, 300, "callgrind.out.2")
    (tmp_path / "callgrind.out.3").write_text("totals: 1\n")
    with pytest.raises(RuntimeError, match="expected 3 callgrind dumps"):
        instructions.read_run(sorted(tmp_path.iterdir()), rounds=2)
    # the functions on the stack at the dump (the whole part each) are left out
    rows = instructions.top_functions(_ANNOTATE_SAMPLE, 2, total=2_500_000)
    assert rows == [
        (2_400_000, "ceval.c:_PyEval_EvalFrameDefault [libpython3.11.so.1.0]"),
        (300_000, "???:lxml_iter [etree.so]"),
    ]
    assert len(instructions.top_functions(_ANNOTATE_SAMPLE, 10, total=2_500_000)) == 3
    assert len(instructions.top_functions(_ANNOTATE_SAMPLE, 10, total=10**9)) == 4
