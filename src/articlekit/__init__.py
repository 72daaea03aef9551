"""articlekit: scraped web articles (HTML or plain text) to a typed document, and back out.

Typical use::

    import articlekit

    doc = articlekit.parse(open("page.html", "rb").read(), url="https://example.org/a")
    print(doc.title, doc.metadata.authors)
    print(articlekit.to_markdown(doc))

Every public name is listed in ``__all__``; everything else is private.
"""

from __future__ import annotations

from articlekit._api import parse
from articlekit._types import InputFormat, Source
from articlekit.errors import (
    ArticleKitError,
    DecodeError,
    NotAnArticleError,
    ParseError,
    PluginError,
    SchemaError,
    UnsupportedInputError,
)
from articlekit.html import parse_html
from articlekit.model import (
    VERDICT_KINDS,
    Block,
    Code,
    CodeBlock,
    Document,
    Emphasis,
    FieldSource,
    Figure,
    Heading,
    Image,
    Inline,
    LineBreak,
    Link,
    LinkRef,
    List,
    ListItem,
    Metadata,
    Paragraph,
    Provenance,
    Quote,
    Recommendation,
    Recommendations,
    Rule,
    Signal,
    SourceInfo,
    Strong,
    Table,
    TableCell,
    TableRow,
    Text,
    Verdict,
    plain_text,
    walk,
)
from articlekit.serialise.json import SCHEMA_ID, from_json, to_json
from articlekit.serialise.markdown import to_markdown
from articlekit.serialise.text import to_text
from articlekit.text import parse_text

__version__ = "0.1.0"

__all__ = [
    "SCHEMA_ID",
    "VERDICT_KINDS",
    "ArticleKitError",
    "Block",
    "Code",
    "CodeBlock",
    "DecodeError",
    "Document",
    "Emphasis",
    "FieldSource",
    "Figure",
    "Heading",
    "Image",
    "Inline",
    "InputFormat",
    "LineBreak",
    "Link",
    "LinkRef",
    "List",
    "ListItem",
    "Metadata",
    "NotAnArticleError",
    "Paragraph",
    "ParseError",
    "PluginError",
    "Provenance",
    "Quote",
    "Recommendation",
    "Recommendations",
    "Rule",
    "SchemaError",
    "Signal",
    "Source",
    "SourceInfo",
    "Strong",
    "Table",
    "TableCell",
    "TableRow",
    "Text",
    "UnsupportedInputError",
    "Verdict",
    "__version__",
    "from_json",
    "parse",
    "parse_html",
    "parse_text",
    "plain_text",
    "to_json",
    "to_markdown",
    "to_text",
    "walk",
]
