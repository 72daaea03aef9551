"""Run one robustness input through articlekit and classify what happened."""

from __future__ import annotations

import json

import articlekit
from tests.robustness.mutators import Mutant
from tests.robustness.safety import unsafe_parts


def run_one(data: Mutant, *, format: str | None = None) -> tuple[str, list[str]]:
    """Parse ``data``; return (outcome, problems).

    ``outcome`` is ``"document"`` or the name of the ArticleKitError subclass raised. Any other
    exception propagates (that is the failure the suite looks for). ``problems`` lists unsafe
    parts of the Markdown rendering and invalid JSON output.
    """
    try:
        doc = articlekit.parse(data, format=format)
    except articlekit.ArticleKitError as exc:
        assert str(exc), "an ArticleKitError must carry a message"
        return type(exc).__name__, []
    problems = unsafe_parts(articlekit.to_markdown(doc, front_matter=True))
    encoded = articlekit.to_json(doc).encode("utf-8")  # strict: fails on lone surrogates
    json.loads(encoded)
    articlekit.to_text(doc)
    return "document", problems
