"""lynx References sections."""

from __future__ import annotations

from articlekit.text.lines import split_lines
from articlekit.text.lynx import split_references

DUMP = """   Body with [1]a link and [2]another.

References

   1. https://example.org/a
   2. https://example.org/b c
"""


def test_references_are_cut_and_mapped() -> None:
    lines = split_lines(DUMP)
    end, urls = split_references(lines)
    assert lines.text[end] == "References"
    assert urls == {1: "https://example.org/a", 2: "https://example.org/b%20c"}


def test_visible_and_hidden_links() -> None:
    text = DUMP.replace("References\n", "References\n\n   Visible links:") + (
        "\n   Hidden links:\n   3. https://example.org/hidden\n"
    )
    end, urls = split_references(split_lines(text))
    assert set(urls) == {1, 2, 3}
    assert split_lines(text).text[end] == "References"


def test_prose_references_section_is_kept() -> None:
    text = "Text.\n\nReferences\n\nSmith, J. (2001). A book. Publisher.\n"
    lines = split_lines(text)
    assert split_references(lines) == (len(lines), {})


def test_no_references() -> None:
    lines = split_lines("Just text.\n")
    assert split_references(lines) == (len(lines), {})


def test_broken_urls_and_mailto_prose_stay_in_the_list() -> None:
    # a URL with a raw line break, a mailto: body of prose lines and a [USEMAP] label
    urls = "".join(f"   {n}. https://example.org/{n}\n" for n in range(3, 13))
    text = (
        DUMP.replace("References\n", "References\n\n   Visible links:")
        + urls
        + "  13. mailto:someone?subject=Tip&body=Look at this\n"
        + "I just read this interesting story on the site:\n"
        + "https://example.org/story\n"
        + "\n   Hidden links:\n  14. https://example.org/hidden\n   [USEMAP]\n"
        + "   file://localhost/tmp/page.html#map\n"
    )
    lines = split_lines(text)
    end, found = split_references(lines)
    assert lines.text[end] == "References"
    assert set(found) == set(range(1, 15))
