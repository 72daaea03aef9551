"""Tests of benchmarks/mercury_truth.py, which reads expected values out of JS test files.

The inputs are tests written here in the style of that repository's (not copied from it):
only plain string literals may become truth, everything else is counted as skipped.
"""

from __future__ import annotations

from collections import Counter

import pytest
from benchmarks import mercury_truth as mt

TEST_SOURCE = r"""
describe('SomeExtractor', () => {
  describe('initial test case', () => {
    let result;
    let url;
    beforeAll(() => {
      url = 'https://news.example/2020/01/02/story';
      const html = fs.readFileSync('./fixtures/news.example.html');
      result = Mercury.parse(url, { html, fallback: false });
    });

    it('returns the title', async () => {
      const { title } = await result;
      assert.equal(title, `It's a "title" / with (parens)`);
    });

    it('returns the author', async () => {
      const { author } = await result;
      assert.equal(author, 'Ann Lee and Bo Chen');
    });

    it('returns the date_published', async () => {
      const { date_published } = await result;
      assert.equal(date_published, computeDate('2020-01-02'));
    });

    it('returns the lead_image_url', async () => {
      const { lead_image_url } = await result;
      assert.equal(lead_image_url, null);
    });

    it('returns the content', async () => {
      const { content } = await result;
      const $ = cheerio.load(content || '');
      // a regex with a quote and a paren: /[')]/ must not confuse the reader
      const cleaned = content.replace(/[')]/g, '');
      const first13 = excerptContent(
        $('*')
          .first()
          .text(),
        13
      );
      assert.equal(first13, 'The first words\u2019 of the story');
    });
  });

  it('works with a second page', async () => {
    const html = fs.readFileSync('./fixtures/news.example--two.html');
    const uri = "https://news.example/other";
    const { title } = await Mercury.parse(uri, { html });
    const last = excerptContent($('p').last().text(), 5);
    assert.equal(title, 'Second');
    assert.equal(last, 'not the first words');
  });
});
"""


def test_cases_take_literals_and_count_the_rest() -> None:
    skipped: Counter[str] = Counter()
    cases = list(mt.cases_of(TEST_SOURCE, skipped))
    assert [c.fixture for c in cases] == [
        "./fixtures/news.example.html",
        "./fixtures/news.example--two.html",
    ]
    first, second = cases
    assert first.url == "https://news.example/2020/01/02/story"
    assert first.values == {
        "title": 'It\'s a "title" / with (parens)',
        "author": "Ann Lee and Bo Chen",
        "lead_image_url": None,
        "first_words": "The first words\u2019 of the story",
    }
    assert second.url == "https://news.example/other"
    assert second.values == {"title": "Second"}
    assert skipped == Counter(
        {
            "date_published: not a plain string literal": 1,
            "first_words: not the content's first element": 1,
        }
    )


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("'a\\'b'", "a'b"),
        ('"tab\\there"', "tab\there"),
        ("`multi\nline`", "multi\nline"),
        ("'\\u00e9\\x41'", "\u00e9A"),
        ("null", None),
    ],
)
def test_read_literal(source: str, value: str | None) -> None:
    assert mt.read_literal(source, 0) == (value, len(source))


@pytest.mark.parametrize("source", ["`a ${b}`", "someCall()", "nullish", "'open"])
def test_read_literal_refuses_expressions(source: str) -> None:
    assert mt.read_literal(source, 0) is None


def test_restore_meta_content() -> None:
    page = (
        b'<meta name="og:title" value="T"><meta content="kept" value="x">'
        b'<input value="v"><meta charset="utf-8">'
    )
    fixed, changed = mt.restore_meta_content(page)
    assert changed == 1
    assert fixed == (
        b'<meta name="og:title" content="T"><meta content="kept" value="x">'
        b'<input value="v"><meta charset="utf-8">'
    )


def test_fixture_id() -> None:
    assert mt.fixture_id("./fixtures/www.news.example--feature.html") == "www.news.example--feature"
    assert mt.fixture_id("./elsewhere/page.html") is None
