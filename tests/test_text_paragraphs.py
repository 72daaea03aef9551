"""Wrapped paragraphs joined back: where w3m wrapped without a space, no space is added."""

from __future__ import annotations

import pytest

from articlekit.model import (
    CodeBlock,
    Heading,
    Inline,
    LineBreak,
    List,
    Paragraph,
    Quote,
    plain_text,
)
from articlekit.text import parse_text
from articlekit.text.rules import join_lines


@pytest.mark.parametrize(
    ("parts", "joined"),
    [
        (["each other.^", "[27] At"], "each other.^[27] At"),
        (["each other.", "[27] At"], "each other.[27] At"),
        (["internally.", "[citation needed]"], "internally.[citation needed]"),
        (["task execution (", "Heartbeat)."], "task execution (Heartbeat)."),
        (["events/", "requests"], "events/requests"),
        (["the hashtag #", "wontwork"], "the hashtag #wontwork"),
        (['the hashtag "#', 'wontwork".'], 'the hashtag "#wontwork".'),
        (["the Army", ", the Navy"], "the Army, the Navy"),
        (["native APIs", ". The"], "native APIs. The"),
        (["chief justice", "—were"], "chief justice—were"),
        (["the community.", "^[47]^[48] The"], "the community.^[47]^[48] The"),
        (["Marlborough Sounds", ")[140] and"], "Marlborough Sounds)[140] and"),
        (['the informal "', 'Kiwi" is'], 'the informal "Kiwi" is'),
        (['"brain drains', '" since the'], '"brain drains" since the'),
        (["8 (12): 452. doi", ":10.1016/0169-5347."], "8 (12): 452. doi:10.1016/0169-5347."),
        # ordinary wraps keep their space
        (["the Army", "and the Navy"], "the Army and the Navy"),
        (["the", ".NET runtime"], "the .NET runtime"),
        (["a b /", "c"], "a b / c"),
        (["wait", "— and see"], "wait — and see"),
        (["voici le résultat", ": il pleut"], "voici le résultat : il pleut"),
    ],
)
def test_join_lines_tight(parts: list[str], joined: str) -> None:
    assert join_lines(parts, tight=True) == joined


def test_join_lines_not_tight_keeps_spaces() -> None:
    assert join_lines(["each other.", "[27] At"]) == "each other. [27] At"
    assert join_lines(["the Army", ", the Navy"]) == "the Army , the Navy"


def test_wrap_column_is_the_common_full_width() -> None:
    from articlekit.text.lines import detect_layout, split_lines

    body = "   " + "word " * 14 + "end"  # 3 + 73 = 76 columns
    text = "\n".join([body] * 20 + ["   short line.", "   " + "x" * 90])
    layout = detect_layout(split_lines(text))
    assert layout.wrap_column == len(body)
    assert detect_layout(split_lines("one line\ntwo lines\n")).wrap_column is None


def test_w3m_ordinal_superscript_is_plain_text() -> None:
    from articlekit.model import plain_text
    from articlekit.text.inline import parse_inlines

    assert plain_text(parse_inlines("in the 19^th century and 2^15 bytes")) == (
        "in the 19th century and 2^15 bytes"
    )


_PROSE = (
    "The council met on Tuesday evening and decided that the library would stay\n"
    "open for another five years, after a long debate in which dozens of\n"
    "residents spoke for it and the mayor thanked them for coming out so late.\n"
)


def _kinds(text: str) -> list[tuple[str, str]]:
    from articlekit.model import CodeBlock, Paragraph, plain_text
    from articlekit.text import parse_text

    out = []
    for block in parse_text(text).blocks:
        if isinstance(block, CodeBlock):
            out.append(("code", block.code))
        elif isinstance(block, Paragraph):
            out.append(("paragraph", plain_text(block.content)))
    return out


def test_w3m_program_text_printed_flush_left_is_code() -> None:
    session = "$ hg clone public test-repo\nupdating to branch default\n0 files updated"
    drawing = " n │ zscore\n───┼────────\n 2 │ -0.75\n 3 │ -0.43"
    program = "WITH series AS (\n   SELECT *\n   FROM numbers\n),\nbounds AS (\n   SELECT n\n)"
    text = "\n\n".join([_PROSE, session, _PROSE, drawing, _PROSE, "$ hg init public", program])
    kinds = _kinds(text)
    assert [kind for kind, _ in kinds] == ["paragraph", "code"] * 2 + ["paragraph"] + ["code"] * 2
    assert ("code", session) in kinds
    assert ("code", "$ hg init public") in kinds
    assert ("code", program) in kinds


def test_prose_with_a_stray_indent_or_a_dollar_amount_stays_a_paragraph() -> None:
    stray = (
        "The Raspberry Pi Foundation started by a handful of volunteers in 2012 when\n"
        "they released the original Raspberry Pi 256MB Model B without knowing what to\n"
        " expect. In a short four-year period they have grown to over sixty full-time\n"
        "employees and have shipped over eight million units to-date."
    )
    money = "$ 5 million went to the library fund this year."
    kinds = _kinds("\n\n".join([_PROSE, stray, money, _PROSE]))
    assert [kind for kind, _ in kinds] == ["paragraph"] * 4


def test_lynx_chinese_paragraph_with_an_ideographic_first_line_indent_is_one() -> None:
    # lynx wraps at spaces only: Chinese runs on past its wrap column, so no wrap width is
    # measured; the paragraph's first line keeps the page's ideographic indent
    first = "\u3000\u3000所以，人乘坐飞机时醉得更快是个传说？纽约州立大学（State University of New"
    rest = "York，SUNY）社会学荣誉教授戴夫·汉森研究酒精和饮酒超过40年，他认为确实如此。"
    long_line = "他认为高原反应可能类似于宿醉，但它也可能类似于中毒。" * 4
    body = f"   {first}\n   {rest}\n\n   {long_line}\n   下一行。\n\n   [1]链接\n"
    text = f"标题\n\n{body}\nReferences\n\n   1. https://example.org/a\n"
    paragraphs = [p for kind, p in _kinds(text) if kind == "paragraph"]
    assert paragraphs[0].startswith("所以") and paragraphs[0].endswith("确实如此。")
    assert "State University of New York，SUNY" in paragraphs[0]
    assert paragraphs[1] == long_line + "下一行。"


def test_w3m_listing_cut_by_blank_lines_stays_code() -> None:
    listing = (
        "var expect = chai.expect;\n\n"
        'describe("Cow", function() {\n'
        '  describe("constructor", function() {\n'
        '    it("should have a default name", function() {\n'
        "      var cow = new Cow();\n\n"
        '    it("should set the name", function() {\n'
        '      var cow = new Cow("Kate");\n'
        '      expect(cow.name).to.equal("Kate");\n'
        "    });\n\n"
        "});"
    )
    text = "\n\n".join([_PROSE, "And its test suite, powered by Mocha and Chai:", listing, _PROSE])
    kinds = _kinds(text)
    assert [kind for kind, _ in kinds] == ["paragraph", "paragraph"] + ["code"] * 4 + ["paragraph"]
    assert ("code", "var expect = chai.expect;") in kinds and ("code", "});") in kinds


def test_w3m_configuration_section_is_code() -> None:
    config = "[extensions]\nrebase =\nevolve ="
    text = "\n\n".join([_PROSE, "Then add this to your configuration:", config, _PROSE])
    assert ("code", config) in _kinds(text)
    # a bracketed word over prose is not a configuration file
    prose = "[Update]\nThe library stays open, the council said on Tuesday."
    assert ("code", prose) not in _kinds("\n\n".join([_PROSE, prose, _PROSE]))


def test_page_footers_and_running_headers_of_a_paginated_text_are_dropped() -> None:
    page_break = (
        "de Jong                                                         [Page 2]\n\n\n"
        "Internet-Draft              remoteStorage                  December 2014\n"
    )
    text = "\n\n".join([_PROSE, page_break, _PROSE, "See [Page 2] of the report for more."])
    kinds = _kinds(text)
    assert [kind for kind, _ in kinds] == ["paragraph"] * 3
    assert kinds[2] == ("paragraph", "See [Page 2] of the report for more.")


def _rfc_page(number: int, body: str, *, header: bool) -> str:
    running = (
        "Internet-Draft              Example Storage                 May 2015\n\n" if header else ""
    )
    footer = f"Doe{' ' * 60}[Page {number}]"
    return f"{running}{body}\n\n{footer}\n\f"


_RFC_TEXT = (
    "Example Storage\n\n"
    "Versions: 00 01 02\n\n\n"
    + _rfc_page(
        1,
        "INTERNET DRAFT                                          J. Doe\n"
        "Intended Status: Informational                         May 2015\n\n"
        "Abstract\n\n"
        "   This draft describes a small protocol for storing documents on a\n"
        "   server that is hosted on another domain.",
        header=False,
    )
    + _rfc_page(
        2,
        "1. Introduction\n\n"
        "   The protocol has three parts:\n\n"
        "   o  a storage model,\n"
        "   o  requests and responses,\n"
        "   o  bearer tokens.\n\n"
        "      +--------+          +--------+\n"
        "      | client |  ---->   | server |\n"
        "      +--------+          +--------+",
        header=True,
    )
    + _rfc_page(
        3, "2. Terminology\n\n   The words MUST and SHOULD are used as in RFC 2119.", header=True
    )
)


def test_a_paginated_document_is_kept_as_printed() -> None:
    """An RFC-style text (footers "[Page N]" in sequence) is one code block, as a <pre>."""
    doc = parse_text(_RFC_TEXT)
    assert doc.title == "Example Storage"
    codes = [b for b in doc.blocks if isinstance(b, CodeBlock)]
    assert len(codes) == 1
    code = codes[0].code
    assert code.startswith("Versions: 00 01 02") or code.startswith("INTERNET DRAFT")
    assert "   o  a storage model," in code  # its columns kept
    assert "      | client |  ---->   | server |" in code
    assert code.rstrip().endswith("[Page 3]")
    assert not any(isinstance(b, (Heading, List)) for b in doc.blocks)


def test_footers_out_of_sequence_make_no_paginated_document() -> None:
    text = _RFC_TEXT.replace("[Page 2]", "[Page 7]").replace("[Page 3]", "[Page 12]")
    doc = parse_text(text)
    assert any(isinstance(b, Heading) for b in doc.blocks)


def _content(text: str) -> list[tuple[Inline, ...]]:
    """Return the inline content of each paragraph of ``text``, quotes' included."""
    out: list[tuple[Inline, ...]] = []
    for block in parse_text(text).blocks:
        inner = block.blocks if isinstance(block, Quote) else (block,)
        out.extend(b.content for b in inner if isinstance(b, Paragraph))
    return out


_WRAPPED = (
    "The letter that reached the editor last week was short, and it ended with a\n"
    "poem its writer said she had kept in a drawer for more than forty years now.\n"
)


def test_short_lines_of_an_indented_block_keep_their_breaks() -> None:
    # a poem: every line far shorter than the wrap width, each next word would have fitted
    poem = "    Roses are red,\n    violets are blue,\n    sugar is sweet,\n    and so are you.\n"
    content = _content(f"{_WRAPPED}\n{poem}\n{_WRAPPED}")[1]
    assert sum(isinstance(i, LineBreak) for i in content) == 3
    lines = ["Roses are red,", "violets are blue,", "sugar is sweet,", "and so are you."]
    assert plain_text(content) == "\n".join(lines)
    # a short note that shows no wrap width: the indented block alone
    note = _content("The poem reads:\n\n" + poem)
    assert sum(isinstance(i, LineBreak) for i in note[-1]) == 3


def test_wrapped_prose_and_unindented_unwrapped_lines_still_join() -> None:
    content = _content(f"{_WRAPPED}\n    {_WRAPPED.replace(chr(10), chr(10) + '    ')}\n")
    assert not any(isinstance(i, LineBreak) for c in content for i in c)
    # a flush block of an unwrapped text: its lines may be one sentence's
    flush = _content("Our office\n\nACME Corp.\n12 Main Street\nSpringfield\n")
    assert not any(isinstance(i, LineBreak) for c in flush for i in c)


def test_a_signature_in_a_wrapped_text_keeps_its_breaks() -> None:
    content = _content(f"{_WRAPPED}\n{_WRAPPED}\nBest regards,\nJane Doe\nEditor\n")
    assert sum(isinstance(i, LineBreak) for i in content[-1]) == 2


# one line a paragraph: a text with no wrap width, whose short lines join
_INTRO = (
    "Sourdough bread is made with a starter that holds wild yeast and bacteria. People "
    "ask us the same things again and again, so here are the answers we give most often.\n"
)
_OUTRO = (
    "We hope this helps you bake your first loaf. Write to us if you have another "
    "question and we will add it here.\n"
)


@pytest.mark.parametrize(
    ("exchange", "breaks"),
    [
        (
            "Q: How long does the starter take to get going?\n"
            "A: About five to seven days at room temperature, fed twice a day.\n"
            "Q: Can I keep the starter in the fridge?\n"
            "A: Yes, feed it once a week and take it out a day before you bake.\n",
            3,
        ),
        (
            "Question: How long does the starter take to get going?\n"
            "Answer: About five to seven days at room temperature, fed twice a day.\n",
            1,
        ),
        (
            "F: Wie lange braucht der Sauerteig, bis er arbeitet?\n"
            "A: Etwa eine Woche, wenn man ihn jeden Tag zweimal füttert.\n"
            "Frage: Und wann stehen Sie morgens auf, um ihn zu füttern?\n"
            "Antwort: Um drei Uhr, seit zwanzig Jahren, auch am Samstag.\n",
            3,
        ),
        (
            "**Q:** How long does the starter take to get going?\n"
            "**A:** About five to seven days at room temperature, fed twice a day.\n",
            1,
        ),
    ],
)
def test_questions_and_answers_each_start_a_line(exchange: str, breaks: int) -> None:
    text = f"Sourdough at home\n\n{_INTRO}\n{exchange}\n{_OUTRO}"
    content = next(c for c in _content(text) if "How" in plain_text(c) or "Wie" in plain_text(c))
    assert sum(isinstance(i, LineBreak) for i in content) == breaks
    assert plain_text(content).split("\n")[0].endswith("?")


def test_a_wrapped_question_goes_on_and_its_answer_starts_a_line() -> None:
    wrapped = _WRAPPED + "\n" + _WRAPPED.replace("editor", "baker")
    exchange = (
        "Q: How long does the starter take to get going, and how long does it need to\n"
        "rise a loaf of bread well enough to bake it on the same day in a warm room?\n"
        "A: About a week at room temperature, fed twice a day with flour and water, and\n"
        "then a day before you bake, as the recipe on the back of the bag tells you.\n"
    )
    content = _content(f"{wrapped}\n{exchange}\n{wrapped}")[2]
    assert sum(isinstance(i, LineBreak) for i in content) == 1
    assert plain_text(content).split("\n")[0].endswith("room?")


def test_an_answer_label_alone_joins_its_paragraph() -> None:
    # no question's label: "A:" in prose is no exchange
    menu = (
        "The bakery's menu lists the two dishes most of its guests order at noon, plan\n"
        "A: soup and a loaf, plan B: bread and cheese, each with a glass of cider too.\n"
    )
    content = _content(f"{_INTRO}\n{menu}\n{_INTRO}")[1]
    assert not any(isinstance(i, LineBreak) for i in content)


@pytest.mark.parametrize(
    "address",
    [
        "ACME Corp.\n12 Main Street\nSpringfield, IL 62701\n",
        "Beispiel GmbH\nHauptstraße 5\n10115 Berlin\n",
        "221B Baker Street\nLondon NW1 6XE\n",
    ],
)
def test_an_unindented_address_in_an_unwrapped_text_keeps_its_breaks(address: str) -> None:
    text = f"{_INTRO}\n{address}\n{_OUTRO}"  # lines of any length: no wrap width
    content = _content(text)[1]
    assert plain_text(content) == address.strip()
    # a street without a postal code and town under it may be a sentence's lines
    assert not any(isinstance(i, LineBreak) for i in _content("12 Main Street\nSpringfield\n")[0])
