"""Indented lines that are commands or code, not a quotation.

A text typed by hand (a README, an e-mail, a forum post) sets commands in by a few
columns under the sentence that introduces them::

    Run this:

        pip install x
        tool convert y

The parser reads a run of lines indented past the body as a quote (lynx and w3m indent a
``<blockquote>``), and a quote's lines are joined into a paragraph: the two commands read
as one line, "pip install x tool convert y". :func:`reads_as_commands` tells such a run
from quoted prose, line by line:

* a line that ends a sentence (a full stop, a question or exclamation mark, a comma), or
  holds a sentence's end inside it, is prose;
* a line with code punctuation (an option ``--force`` or `` -v``, a path ``./a``,
  ``~/b``, ``a/b``, an assignment ``x=1``, a call ``f()`` or ``f(x)``, braces, a ``;`` at
  its end, a shell's ``&&`` or prompt) or whose first word is a common command
  (``pip``, ``git``, ``cd``, ...) is a command: a *strong* line;
* a line whose first word is a lower-case identifier (``tool``, ``make``) and which holds
  no function word of a language (``the``, ``and``, ``der``: prose's glue) is a command
  too, but a *weak* one: a quoted line of prose in lower case would read the same.

A run is commands when every line is a command and one of them is strong, or the text
just above the run ends in a colon (it introduces them). A URL is not code punctuation:
a quoted line that cites a web address stays prose; and a line holding a text browser's
link marker (``[12]Privacy Policy``) is a menu's, not a command.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Final

from articlekit._language import is_function_word

__all__ = ["COMMAND_WORDS", "command_strength", "reads_as_commands"]

#: First words of a command line: package managers, version control, shells' builtins and
#: the common Unix tools, as a README or a how-to sets them in under a sentence.
COMMAND_WORDS: Final = frozenset(
    [
        "apt",
        "apt-get",
        "aptitude",
        "brew",
        "cargo",
        "cd",
        "chmod",
        "chown",
        "cmake",
        "composer",
        "conda",
        "cp",
        "curl",
        "dnf",
        "docker",
        "docker-compose",
        "dotnet",
        "echo",
        "export",
        "gcc",
        "gem",
        "git",
        "go",
        "gradle",
        "grep",
        "helm",
        "java",
        "javac",
        "kubectl",
        "ls",
        "make",
        "mkdir",
        "mv",
        "mvn",
        "node",
        "npm",
        "npx",
        "pacman",
        "perl",
        "php",
        "pip",
        "pip3",
        "pipx",
        "pnpm",
        "poetry",
        "python",
        "python3",
        "rm",
        "rustup",
        "scp",
        "sed",
        "ssh",
        "sudo",
        "systemctl",
        "tar",
        "terraform",
        "touch",
        "uv",
        "unzip",
        "wget",
        "yarn",
        "yum",
        "zip",
    ]
)

# A line that ends a sentence (or a clause: a comma), or holds a sentence's end inside it.
_SENTENCE_END: Final = re.compile(r"[.!?,…]['\"’”)]?$|[a-z][.!?] +[A-Z]")
# A web address: cited in prose as well as in code, so it decides nothing.
_URL: Final = re.compile(r"\b(?:https?|ftp)://\S+|\bwww\.\S+")
# Code punctuation: an option, a path, an assignment, a call, braces, a statement's end,
# a conjunction of commands, a prompt (not " | ": a menu's separator as often as a pipe).
_CODE_SIGN: Final = re.compile(
    r"(?:^|\s)--?[A-Za-z]"  # an option: --force, -v
    r"|(?:^|\s)(?:\.{1,2}|~)?/\w"  # a path from the root, here or home: /etc, ./a, ~/b
    r"|\w/\w"  # a path inside a word: src/main.py
    r"|\w=\S|\s=\s"  # an assignment
    r"|\w\([^()]*\)"  # a call: f(), print(x)
    r"|[{}]|;$|&&|::|->"
    r"|^(?:\$|>>>|#|%) "  # a prompt
)
# A text browser's link marker ("[12]Home"): a line of links, a menu's or a footer's.
_LINK_MARKER: Final = re.compile(r"\[\d{1,5}\]")
# A command's first word: a lower-case identifier, as a program's name is written.
_IDENTIFIER: Final = re.compile(r"[a-z][a-z0-9_.+-]*")
# A word of prose, for the function-word test.
_WORD: Final = re.compile(r"[^\W\d_]+")

MAX_COMMAND_LINE_CHARS = 160

STRONG: Final = 2
WEAK: Final = 1


def command_strength(line: str) -> int:
    """Return how surely ``line`` (stripped) is a command or a line of code:
    :data:`STRONG` (code punctuation or a common command first), :data:`WEAK` (a
    lower-case identifier first, no function word) or 0 (prose)."""
    if (
        not line
        or len(line) > MAX_COMMAND_LINE_CHARS
        or _SENTENCE_END.search(line)
        or _LINK_MARKER.search(line)
    ):
        return 0
    text = _URL.sub(" ", line).strip()
    if not text:
        return 0  # a web address alone
    first = text.split()[0]
    if _CODE_SIGN.search(text) or first in COMMAND_WORDS:
        return STRONG
    if _IDENTIFIER.fullmatch(first) is None:
        return 0
    # a letter alone ("x", "y") is an argument as often as a word ("a", Spanish "y")
    words = [word.lower() for word in _WORD.findall(text) if len(word) > 1]
    if any(is_function_word(word) for word in words):
        return 0
    return WEAK


def reads_as_commands(lines: Sequence[str], *, introduced: bool = False) -> bool:
    """Return True when the indented ``lines`` (stripped; blank ones are skipped) are
    commands or code: every line is one and one at least is :data:`STRONG`, or every line
    is one and the text above ends in a colon (``introduced``)."""
    strengths = [command_strength(line) for line in lines if line]
    if not strengths or not all(strengths):
        return False
    return introduced or STRONG in strengths
