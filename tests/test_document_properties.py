"""The properties every Document holds, checked on one stream of generated documents.

Drawing a document (``tests/strategies.py``'s ``documents``, with provenance, metadata
sources and a verdict: ``full_documents``) costs ~50 ms of CPU, checking a property a few
ms: the properties of the model, the JSON round trip, ``to_text``, ``inline_lines``,
``to_markdown`` and ``chunk`` therefore run on the same examples (200 in the ``ci``
profile, 50 in ``dev``) instead of each test drawing as many documents of its own. Each
property is a ``check_*`` function beside the other tests of what it checks; a failure
names it in the traceback. (The serialisers and ``chunk`` read no provenance, sources or
verdict.)
"""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from articlekit.model import Document
from tests.test_chunk import check_chunk_properties
from tests.test_json import check_round_trip_is_exact, full_documents
from tests.test_markdown import check_markdown_properties
from tests.test_model import check_hashable_and_equal_to_itself
from tests.test_text_serialiser import (
    check_inline_lines_lose_only_repeated_alt_text,
    check_text_holds_every_paragraph_in_order,
)


@given(
    doc=full_documents(),
    indent=st.sampled_from([None, 0, 2]),
    max_chars=st.integers(min_value=80, max_value=400),
    overlap=st.integers(min_value=1, max_value=30),
    max_tokens=st.integers(min_value=8, max_value=60),
)
def test_document_properties(
    doc: Document, indent: int | None, max_chars: int, overlap: int, max_tokens: int
) -> None:
    check_hashable_and_equal_to_itself(doc)
    check_round_trip_is_exact(doc, indent)
    check_text_holds_every_paragraph_in_order(doc)
    check_inline_lines_lose_only_repeated_alt_text(doc)
    check_markdown_properties(doc)
    check_chunk_properties(doc, max_chars, overlap, max_tokens)
