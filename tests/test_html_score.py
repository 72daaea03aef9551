"""Tests for articlekit.html.score: each scoring ingredient alone, then together."""

from __future__ import annotations

import pytest

from articlekit.html.clean import Stats, label_page
from articlekit.html.score import (
    CLASS_WEIGHT,
    class_weight,
    paragraph_vote,
    score_candidates,
    tag_prior,
)
from articlekit.html.tree import parse_tree


@pytest.mark.parametrize(
    ("stats", "expected"),
    [
        (Stats(text=50), 1.5),
        (Stats(text=250, commas=2), 5.5),
        (Stats(text=1000, commas=1), 5.0),  # length counts at most 3 points
        (Stats(text=100, links=50), 1.0),  # half links: half the vote
        (Stats(text=100, links=100), 0.0),
    ],
)
def test_paragraph_vote(stats: Stats, expected: float) -> None:
    assert paragraph_vote(stats) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("tag", "expected"), [("div", 5), ("article", 8), ("li", -3), ("h2", -5), ("span", 0)]
)
def test_tag_prior(tag: str, expected: int) -> None:
    assert tag_prior(tag) == expected


@pytest.mark.parametrize(
    ("attrs", "sign"),
    [
        ('class="post-body"', 1),
        ('class="sidebar"', -1),
        ('id="comments"', -1),
        ('class="row"', 0),
        ('itemprop="articleBody"', 1),
    ],
)
def test_class_weight_sign(attrs: str, sign: int) -> None:
    el = parse_tree(f"<body><div {attrs}>x</div></body>").find(".//div")
    assert el is not None
    weight = class_weight(el)
    assert (weight > 0) - (weight < 0) == sign
    if sign:
        assert abs(weight) >= CLASS_WEIGHT


def test_article_body_marker_outweighs_plain_class() -> None:
    root = parse_tree('<body><div class="entry-content">x</div><div class="text">y</div></body>')
    marked, plain = root.findall(".//div")
    assert class_weight(marked) > class_weight(plain)


def test_votes_reach_parent_more_than_grandparent() -> None:
    para = "Words, words, and more words in a sentence that is long enough. " * 2
    root = parse_tree(
        f"<body><div id='g'><div id='p'><p>{para}</p><p>{para}</p></div></div></body>"
    )
    scores = score_candidates(label_page(root), root)
    parent = root.find(".//div[@id='p']")
    grand = root.find(".//div[@id='g']")
    assert parent is not None and grand is not None
    assert scores[parent] > scores[grand] > 0


def test_link_heavy_container_scores_low() -> None:
    text = "A sentence with a comma, and some more text to make it count. "
    links = "".join(f"<a href='/{i}'>{text}</a>" for i in range(3))
    root = parse_tree(
        f"<body><div id='a'><p>{text * 2}</p><p>{text * 2}</p></div>"
        f"<div id='b'><p>{links}</p><p>{links}</p></div></body>"
    )
    scores = score_candidates(label_page(root), root)
    a, b = root.find(".//div[@id='a']"), root.find(".//div[@id='b']")
    assert scores[a] > scores.get(b, 0.0)


def test_class_weight_is_the_same_when_the_class_string_comes_again() -> None:
    # the class/id points are memoised per string; the itemprop marker is not part of it
    root = parse_tree(
        '<body><div class="post-body sidebar">x</div><div class="post-body sidebar">y</div>'
        '<div class="post-body sidebar" itemprop="articleBody">z</div></body>'
    )
    first, again, marked = root.findall(".//div")
    assert class_weight(first) == class_weight(again) == class_weight(first)
    assert class_weight(marked) == class_weight(first) + 30
