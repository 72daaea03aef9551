"""Serialisers: Document to JSON, Markdown and plain text (pure functions of the Document)."""
