"""A short tour of articlekit's Python API on the bundled seed article.

Run from the repository root:  python examples/python_example.py
"""

from __future__ import annotations

from pathlib import Path

import articlekit

HERE = Path(__file__).resolve().parent


def main() -> None:
    doc = articlekit.parse(HERE / "seed-article.txt")
    print("title:  ", doc.title)
    print("kicker: ", doc.metadata.kicker)
    print("headings:")
    for block in doc.walk():
        if isinstance(block, articlekit.Heading):
            print("  " * (block.level - 1), "-", articlekit.plain_text(block))
    for recs in doc.recommendations:
        print(f"{recs.title}:")
        for item in recs.items:
            print("  *", item.title)
    json_text = articlekit.to_json(doc)
    assert articlekit.from_json(json_text) == doc
    print(f"JSON: {len(json_text)} characters; Markdown:\n")
    print(articlekit.to_markdown(doc))


if __name__ == "__main__":
    main()
