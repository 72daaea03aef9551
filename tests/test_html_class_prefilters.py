"""Cheap tests before the class/id regexes never change an answer.

The class vocabulary's prefilter (``vocab.CLASS_VOCABULARY_PREFILTER``) never hides a match.

``clean._token_bits`` searches the class/id vocabulary patterns only in a token in which
the prefilter finds a word, and gives every other token no bits. That is the same answer
as searching every pattern (``clean._vocabulary_bits``) when each match of each pattern
holds one of the prefilter's words. A token that holds some is searched only with the
patterns whose source spells out one of the words it holds (``clean._WORD_PATTERNS``).
The checks: each pattern's alternatives, read from its parse, spell out a word of the
list mapped to the pattern; tokens built from the vocabulary's pieces and class tokens of
the shared corpus get the same bits both ways; and the trie matches exactly where one of
its words occurs.

The metadata walk's date-class test (``metadata._names_a_date``) searches the whole class
string once before reading it word by word.
"""

from __future__ import annotations

import gzip
import re
import string
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from hypothesis import given
from hypothesis import strategies as st

from articlekit.html import clean, metadata, vocab

try:  # the regex parser is a private module: re._parser from Python 3.11, sre_parse before
    from re import _constants as sre_constants
    from re import _parser as sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants  # type: ignore[no-redef]
    import sre_parse  # type: ignore[no-redef]

# The patterns clean._vocabulary_bits searches in a token (the modifier test runs only
# after one of them matched).
SEARCHED = {
    "REC_CLASS": vocab.REC_CLASS,
    "HIDDEN_CLASS": vocab.HIDDEN_CLASS,
    "STRONG_BOILERPLATE": vocab.STRONG_BOILERPLATE,
    "UNLIKELY_CLASS": vocab.UNLIKELY_CLASS,
    "DISCUSSION_CLASS": vocab.DISCUSSION_CLASS,
    "UNLIKELY_BESIDES_DISCUSSION": vocab.UNLIKELY_BESIDES_DISCUSSION,
    "CONTENT_HINT": vocab.CONTENT_HINT,
    "MAIN_CONTENT": vocab.MAIN_CONTENT,
    "COMMENT_CLASS": vocab.COMMENT_CLASS,
    "TEASER_CLASS": vocab.TEASER_CLASS,
    "GATE_CLASS": vocab.GATE_CLASS,
    "SOCIAL_EMBED_CLASS": vocab.SOCIAL_EMBED_CLASS,
    "AD_CLASS": vocab.AD_CLASS,
    "POSTER_CLASS": vocab.POSTER_CLASS,
}


def _required(items: Iterable[tuple[Any, Any]]) -> set[str] | None:
    """Return texts one of which every match of the parsed sequence ``items`` holds, or None
    when the sequence spells out no text for sure.

    A run of literal characters is such a text; so is what a group, an alternation (one
    text per alternative, all of them needed) or a repeat of at least one holds. Anchors,
    lookarounds and character sets consume no known text and end a run; of the candidates,
    the one with the longest shortest text is returned (the most telling).
    """
    candidates: list[set[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is sre_constants.LITERAL:
            run.append(chr(av))
            continue
        if run:
            candidates.append({"".join(run)})
            run = []
        found = _required_of(op, av)
        if found is not None:
            candidates.append(found)
    if run:
        candidates.append({"".join(run)})
    if not candidates:
        return None
    return max(candidates, key=lambda texts: min(len(text) for text in texts))


def _required_of(op: Any, av: Any) -> set[str] | None:
    """Return :func:`_required` of one non-literal item (None: it spells out nothing sure)."""
    if op is sre_constants.SUBPATTERN:
        _, add_flags, del_flags, sub = av
        return None if add_flags or del_flags else _required(sub.data)
    if op is sre_constants.BRANCH:
        alternatives = [_required(branch.data) for branch in av[1]]
        if any(found is None for found in alternatives):
            return None
        return set().union(*(found for found in alternatives if found is not None))
    if op in (sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT):
        low, _, sub = av
        return _required(sub.data) if low >= 1 else None
    return None


def _uncovered(pattern: re.Pattern[str], words: Iterable[str]) -> set[str]:
    """Return the texts ``pattern``'s matches must hold that hold none of ``words``
    (``{pattern.pattern}`` when its parse spells out no text for sure)."""
    required = _required(sre_parse.parse(pattern.pattern, pattern.flags).data)
    if required is None:
        return {pattern.pattern}
    return {text for text in required if not any(word in text for word in words)}


@pytest.mark.parametrize("name", sorted(SEARCHED))
def test_every_match_of_a_vocabulary_pattern_holds_a_prefilter_word(name: str) -> None:
    pattern = SEARCHED[name]
    if pattern.flags & re.IGNORECASE:
        words: tuple[str, ...] = vocab.CLASS_VOCABULARY_WORDS_ANY_CASE
    else:
        words = vocab.CLASS_VOCABULARY_WORDS
    missing = _uncovered(pattern, words)
    assert not missing, f"add a word of each to vocab.CLASS_VOCABULARY_WORDS: {missing}"


@pytest.mark.parametrize(
    ("pattern", "bit"), clean._SEARCHED_PATTERNS, ids=lambda x: getattr(x, "pattern", str(x))[:20]
)
def test_every_match_of_a_gated_pattern_holds_one_of_its_own_words(
    pattern: re.Pattern[str], bit: int
) -> None:
    # _patterns_to_search searches a pattern only when the token holds a word mapped to it
    own = tuple(word for word, bits in clean._WORD_PATTERNS.items() if bits & bit)
    assert own
    missing = _uncovered(pattern, own)
    assert not missing, f"texts holding no word mapped to the pattern: {missing}"


def test_no_vocabulary_word_holds_another() -> None:
    # (so at most one word starts at a position: CLASS_VOCABULARY_WORD_AT finds them all)
    words = vocab.CLASS_VOCABULARY_WORDS
    assert len(set(words)) == len(words)
    assert [(a, b) for a in words for b in words if a != b and a in b] == []
    assert [m[1] for m in vocab.CLASS_VOCABULARY_WORD_AT.finditer("post-comments")] == [
        "post",
        "comment",
    ]


def test_a_token_is_searched_only_with_the_patterns_of_its_words() -> None:
    may = clean._patterns_to_search("post-comments")
    assert may & clean._T_COMMENT and may & clean._T_HINT
    assert not may & (clean._T_HIDDEN | clean._T_TEASER | clean._T_GATE | clean._T_AD)
    assert clean._patterns_to_search("u-visually-hidden") == clean._T_HIDDEN
    assert clean._vocabulary_bits("post-comments", 0) == 0
    assert clean._vocabulary_bits("post-comments", may) == clean._vocabulary_bits("post-comments")


def test_the_word_check_finds_a_missing_word() -> None:
    # a pattern with a word the list lacks ("sticky") is caught, anchors and all
    assert _uncovered(re.compile(r"\bnav\b|(?:^|-)sticky(?:-|$)"), ("nav",)) == {"sticky"}
    assert _uncovered(re.compile(r"side-?bar|x+tra"), ("side",)) == {"tra"}
    assert _uncovered(re.compile(r"[a-z]+"), ("nav",)) == {"[a-z]+"}


def test_a_token_without_a_word_gets_no_bits() -> None:
    for token in ("row", "col-md-6", "wp-block-group", "container", "figure"):
        assert vocab.CLASS_VOCABULARY_PREFILTER.search(token) is None
        assert clean._vocabulary_bits(token) == 0
        assert clean._token_bits(token) == 0
    # the case-blind pattern's words match their case variants ("ſ" is a long s)
    assert clean._vocabulary_bits("ſr-only") == clean._token_bits("ſr-only") != 0


# Pieces of the vocabulary's words (and the characters around them in class names), so that
# the generated tokens come near the patterns' matches and their edges.
_PIECES = sorted(
    {piece for word in vocab.CLASS_VOCABULARY_WORDS for piece in (word, word[:2], word[2:])}
    | set(vocab.CLASS_VOCABULARY_WORDS_ANY_CASE)
    | {"-", "_", "--", "__", "s", "ing", "bar", "igation", "box", "has", "with", "no", "ſ", "ı"}
)
_TOKENS = st.one_of(
    st.lists(st.sampled_from(_PIECES), max_size=5).map("".join),
    st.text(alphabet=string.ascii_lowercase + string.digits + "-_:.", max_size=20),
)


@given(_TOKENS)
def test_prefiltered_bits_equal_the_searched_bits(token: str) -> None:
    assert clean._token_bits(token) == clean._vocabulary_bits(token)


@given(st.sets(st.text(alphabet="abc-", min_size=1, max_size=4), min_size=1), st.text("abc-"))
def test_a_word_trie_matches_where_one_of_its_words_occurs(words: set[str], text: str) -> None:
    trie = re.compile(vocab.word_trie(words))
    assert (trie.search(text) is not None) == any(word in text for word in words)


def _class_tokens(path: Path) -> set[str]:
    """Return the lower-cased class and id tokens of a gzipped page."""
    root = lxml.html.fromstring(gzip.decompress(path.read_bytes()))
    tokens: set[str] = set()
    for el in root.iter():
        for name in ("class", "id"):
            value = el.get(name)
            if value:
                tokens.update(value.lower().split())
    return tokens


def test_corpus_class_tokens_get_the_same_bits_both_ways(corpus: Path) -> None:
    pages = sorted((corpus / "trafilatura-eval" / "html").glob("*.html.gz"))[::6]
    tokens = set().union(*(_class_tokens(page) for page in pages))
    assert len(tokens) > 10_000
    skipped = [t for t in tokens if vocab.CLASS_VOCABULARY_PREFILTER.search(t) is None]
    assert len(skipped) > len(tokens) / 3  # the prefilter does skip most of the work
    assert [t for t in skipped if clean._vocabulary_bits(t)] == []
    searched = set(tokens).difference(skipped)
    assert [
        t
        for t in searched
        if clean._vocabulary_bits(t, clean._patterns_to_search(t)) != clean._vocabulary_bits(t)
    ] == []


def _names_a_date_by_word(names: str) -> bool:
    """metadata._names_a_date without its whole-string search first: word by word."""
    return any(
        metadata._DATE_WORD.search(word) is not None
        and metadata._NOT_DATE_WORD.search(word) is None
        for word in names.split()
    )


_NAME_PIECES = st.sampled_from(
    ["date", "DATE", "Datum", "dat", "e", "um", "post", "updated", "-", "_", " ", "ı", "picker"]
)


@given(st.one_of(st.lists(_NAME_PIECES, max_size=6).map("".join), st.text(max_size=20)))
def test_a_class_names_a_date_as_word_by_word(names: str) -> None:
    assert metadata._names_a_date(names) == _names_a_date_by_word(names)


def test_a_date_class_is_found_behind_the_gate() -> None:
    assert metadata._names_a_date("entry-meta post-Date")
    assert not metadata._names_a_date("updated-date")  # an update's date
    assert not metadata._names_a_date("entry-meta byline")
