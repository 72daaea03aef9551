"""articlekit: scraped web articles (HTML or plain text) to a typed document, and back out.

Typical use::

    import articlekit

    doc = articlekit.parse(open("page.html", "rb").read(), url="https://example.org/a")
    print(doc.title, doc.metadata.authors)
    print(articlekit.to_markdown(doc))

Every public name is listed in ``__all__``; everything else is private.
"""

from __future__ import annotations

from articlekit import rules
from articlekit._api import parse
from articlekit._build import compiled
from articlekit._types import InputFormat, Source
from articlekit.batch import convert_many
from articlekit.chunk import Chunk, chunk
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
from articlekit.limits import MAX_INPUT_BYTES
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
from articlekit.registry import Parser, register_parser
from articlekit.rules import RuleError, SiteRule, load_rules
from articlekit.serialise.json import SCHEMA_ID, from_json, json_schema, to_json
from articlekit.serialise.markdown import to_markdown
from articlekit.serialise.text import to_text
from articlekit.text import parse_text
from articlekit.warc import WarcRecord, iter_warc

__version__ = "0.1.0"

__all__ = [
    "MAX_INPUT_BYTES",
    "SCHEMA_ID",
    "VERDICT_KINDS",
    "ArticleKitError",
    "Block",
    "Chunk",
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
    "Parser",
    "PluginError",
    "Provenance",
    "Quote",
    "Recommendation",
    "Recommendations",
    "Rule",
    "RuleError",
    "SchemaError",
    "Signal",
    "SiteRule",
    "Source",
    "SourceInfo",
    "Strong",
    "Table",
    "TableCell",
    "TableRow",
    "Text",
    "UnsupportedInputError",
    "Verdict",
    "WarcRecord",
    "__version__",
    "chunk",
    "compiled",
    "convert_many",
    "from_json",
    "iter_warc",
    "json_schema",
    "load_rules",
    "parse",
    "parse_html",
    "parse_text",
    "plain_text",
    "register_parser",
    "rules",
    "to_json",
    "to_markdown",
    "to_text",
    "walk",
]
