"""Indented command lines (text/commands.py): a code block, not a quote."""

from __future__ import annotations

import pytest

import articlekit
from articlekit.model import CodeBlock, Quote
from articlekit.text.commands import STRONG, WEAK, command_strength, reads_as_commands


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("pip install x", STRONG),  # a common command first
        ("./configure --prefix=/usr", STRONG),
        ("tool convert --force y", STRONG),  # an option
        ("export PATH=$HOME/bin", STRONG),
        ("print(total)", STRONG),  # a call
        ("$ make check", STRONG),  # a prompt
        ("tool convert y", WEAK),  # a lower-case identifier, no function word
        ("fog comes", WEAK),
        ("tool convert the file", 0),  # "the": prose
        ("We shall fight on the beaches", 0),
        ("and we shall never surrender.", 0),  # a sentence's end
        ("git is fast. Use it", 0),  # a sentence's end inside the line
        ("https://example.org/a/b", 0),  # a web address alone decides nothing
        ("Read more at https://example.org/a/b", 0),
        ("[50]Privacy Policy | [51]Terms of use | [52]Social Media/Press", 0),  # a menu
        ("Home | About | Privacy Policy", 0),
        ("", 0),
        ("x " * 100, 0),  # too long for a command
    ],
)
def test_command_strength(line: str, expected: int) -> None:
    assert command_strength(line) == expected


def test_weak_lines_need_a_colon_above_or_a_strong_line() -> None:
    weak = ["tool convert y", "tool check y"]
    assert not reads_as_commands(weak)
    assert reads_as_commands(weak, introduced=True)
    assert reads_as_commands([*weak, "", "cd build"])
    assert not reads_as_commands(["cd build", "and then the rest"], introduced=True)
    assert not reads_as_commands(["", ""], introduced=True)


def _parse(text: str) -> articlekit.Document:
    return articlekit.parse_text(text)


def test_run_this_keeps_each_command_on_its_own_line() -> None:
    doc = _parse("Run this:\n\n    pip install x\n    tool convert y\n")
    assert doc.blocks[-1] == CodeBlock(code="pip install x\ntool convert y")
    markdown = articlekit.to_markdown(doc)
    assert "pip install x\ntool convert y\n" in markdown
    assert "pip install x tool convert y" not in markdown


def test_weak_commands_under_a_colon_keep_a_blank_line_and_nesting() -> None:
    text = (
        "Convert the files one by one, then check them:\n\n"
        "    tool convert y\n\n    tool check y\n      verbose\n\n"
        "Both commands print nothing when all is well with the files.\n"
    )
    code = [b for b in _parse(text).blocks if isinstance(b, CodeBlock)]
    assert code == [CodeBlock(code="tool convert y\n\ntool check y\n  verbose")]


def test_weak_lines_without_a_colon_stay_a_quote() -> None:
    text = (
        "Convert the files one by one, then check them.\n\n"
        "    tool convert y\n    tool check y\n\n"
        "Both commands print nothing when all is well with the files.\n"
    )
    assert any(isinstance(b, Quote) for b in _parse(text).blocks)
