"""Turn a recommendation widget or an "Also read: ..." paragraph into a Recommendations block.

An item is a *card*: the largest part of the widget whose links all point to one URL (an
image link and a title link to the same article make one card). Its title is the card's
heading, else its longest link text; its image and summary come from the same card.
"""

from __future__ import annotations

import re
from typing import Final

from lxml.html import HtmlElement

from articlekit.html import vocab
from articlekit.html.tree import collapse_ws, image_source, resolve_url
from articlekit.model import Recommendation, Recommendations

__all__ = [
    "GENERIC_LINK_TEXT",
    "card_link_item",
    "is_generic_link_text",
    "is_home_link",
    "rec_title",
    "recommendation_items",
    "recommendations_block",
]


# Link texts that say "go there" rather than name the article.
GENERIC_LINK_TEXT: Final = frozenset(
    {
        "read more", "more", "continue reading", "read", "weiterlesen", "mehr", "lire la suite",
        "lire", "leer más", "leia mais", "ver más", "voir", "see more", "view", "click here",
        "here", "»", "›", "→", "...", "…",
    }
)  # fmt: skip
# Shortest summary text worth keeping (characters): shorter text is a date or a label.
MIN_SUMMARY_CHARS: Final = 20
_HEADINGS = ("h2", "h3", "h4", "h5", "h6", "h1")


def is_generic_link_text(text: str) -> bool:
    """Return True for "Read more"-style link text that does not name an article."""
    return text.strip(" :.!»›→").casefold() in GENERIC_LINK_TEXT or not text.strip(" :.!»›→")


def _text(el: HtmlElement) -> str:
    return collapse_ws(el.text_content()).strip()


def rec_title(el: HtmlElement) -> str | None:
    """Return the widget's title: its first heading or leading label, when short."""
    for heading in el.iter(*_HEADINGS):
        text = _text(heading)
        if text and len(text) <= 80 and heading.find(".//a") is None:
            return text
        break
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        own = (node.text or "").strip()
        if own:
            if node.tag != "a" and vocab.REC_PHRASE.match(own):
                return collapse_ws(own).strip(" :")
            break
    return None


def _card_of(link: HtmlElement, url: str, widget: HtmlElement, base: str | None) -> HtmlElement:
    card = link
    node = link.getparent()
    while node is not None and node is not widget:
        for other in node.iter("a"):
            href = resolve_url(other.get("href"), base)
            if href and href != url:
                return card
        card = node
        node = node.getparent()
    return card


_OTHER_SCHEME: Final = re.compile(r"[a-z][a-z0-9+.-]*:", re.IGNORECASE)
_FILE_SUFFIXES: Final = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp")


# The share endpoints of social networks: a link there posts the page, it leads nowhere.
_SHARE_URL: Final = re.compile(
    r"(?:https?:)?//(?:[\w-]+\.)*(?:"
    r"facebook\.com/share(?:r|\.php|/|\?)|twitter\.com/(?:intent/|share(?:\?|/|$))"
    r"|x\.com/intent/"
    r"|pinterest\.[a-z.]+/pin/create|linkedin\.com/(?:shareArticle|sharing/)"
    r"|reddit\.com/submit|api\.whatsapp\.com/send|wa\.me/\?|t(?:elegram)?\.me/share"
    r"|vk\.com/share|xing\.com/(?:spi/)?share|tumblr\.com/(?:widgets/)?share"
    r"|getpocket\.com/(?:save|edit)|news\.ycombinator\.com/submitlink"
    r"|plus\.google\.com/share|bsky\.app/intent/|mastodonshare\.com"
    r")",
    re.IGNORECASE,
)


def is_share_link(url: str) -> bool:
    """Return True when ``url`` is a social network's "share this page" endpoint."""
    return _SHARE_URL.match(url) is not None


def is_page_link(url: str) -> bool:
    """Return True when ``url`` can lead to another article: a web or relative address,
    not a phone number, an e-mail address, a picture (a lightbox link around a photo) or
    a social network's share endpoint.
    """
    if _OTHER_SCHEME.match(url) and not url[:8].lower().startswith(("http://", "https://")):
        return False
    if is_share_link(url):
        return False
    path = url.split("#", 1)[0].split("?", 1)[0].lower()
    return not path.endswith(_FILE_SUFFIXES)


# Path segments that open a site's index pages: tags, categories, topics, authors.
_INDEX_SEGMENT: Final = re.compile(
    r"tags?|category|categories|categorie|categoria|kategorie|kategorien|rubrik|rubrique"
    r"|ressort|temas?|thema|themen|topics?|sujets?|schlagwort|stichwort|keywords?"
    r"|authors?|autor|autoren|autore|auteur|auteurs",
    re.IGNORECASE,
)
# An index page is named in a few words ("Donald Trump", "More in Storage"); an article
# filed under such a path has a headline ("Wie Inhalte der AfD den Wahlkampf ...").
MAX_INDEX_TITLE_WORDS: Final = 5
# Segments an index page's own path has after its last index segment ("/tag/sixers/",
# "/stichwort/autor/olivier-bot/s.html"); an article filed under a topic is deeper
# ("/themen/detail/nachricht/synod-meets-again.html").
MAX_INDEX_TAIL_SEGMENTS: Final = 2


def is_index_link(url: str, title: str) -> bool:
    """Return True when ``url`` and ``title`` name a tag, category, topic or author page.

    Such a page lists articles; a block of them ("Related topics: Sixers, NBA") is the
    page's tags, not recommended reading.
    """
    if len(title.split()) > MAX_INDEX_TITLE_WORDS:
        return False
    path = url.split("#", 1)[0].split("?", 1)[0]
    if "//" in path:
        path = path.split("//", 1)[1].partition("/")[2]
    segments = [s for s in path.split("/") if s]
    for index in range(len(segments) - 1, -1, -1):
        if _INDEX_SEGMENT.fullmatch(segments[index]):
            return len(segments) - index - 1 <= MAX_INDEX_TAIL_SEGMENTS
    return False


def recommendation_items(
    widget: HtmlElement, base: str | None, *, page_url: str | None = None
) -> list[Recommendation]:
    """Return one Recommendation per distinct article URL linked from ``widget``."""
    seen: dict[str, int] = {}
    items: list[Recommendation] = []
    for link in widget.iter("a"):
        url = resolve_url(link.get("href"), base)
        if not url or url.startswith("#") or (page_url and url == page_url):
            continue
        if base and url.split("#")[0] == base.split("#")[0] and "#" in url:
            continue
        if not is_page_link(url):
            continue
        text = _text(link) or (link.get("title") or link.get("aria-label") or "").strip()
        if not text:
            img = link.find(".//img")
            if img is not None:
                text = (img.get("alt") or "").strip()
        if url in seen:
            index = seen[url]
            old = items[index]
            if text and not is_generic_link_text(text) and len(text) > len(old.title):
                items[index] = Recommendation(
                    title=text, url=url, image=old.image, summary=old.summary
                )
            continue
        card = _card_of(link, url, widget, base)
        heading = next((h for h in card.iter(*_HEADINGS)), None) if card is not link else None
        title = _text(heading) if heading is not None else text
        if not title or (is_generic_link_text(title) and card is link):
            continue
        if is_index_link(url, title):
            continue
        image = None
        img = next(card.iter("img"), None) if card is not link else link.find(".//img")
        if img is not None:
            image = resolve_url(image_source(img), base)
        summary = None
        if card is not link:
            for para in card.iter("p"):
                candidate = _text(para)
                if len(candidate) >= MIN_SUMMARY_CHARS and candidate != title:
                    summary = candidate
                    break
        seen[url] = len(items)
        items.append(Recommendation(title=title, url=url, image=image, summary=summary))
    return items


def is_home_link(url: str) -> bool:
    """Return True when ``url`` is a site's home page (``https://example.org/``, ``/``)."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    if "//" in path:
        path = path.split("//", 1)[1].partition("/")[2]
    return not path.strip("/")


def card_link_item(link: HtmlElement, url: str, base: str | None) -> Recommendation | None:
    """Return the item of a link drawn around blocks (``<a href><h3>..</h3><p>..</p></a>``).

    Its title is its heading, else the longest text of one of its innermost blocks (a
    card's kicker, headline and date are blocks of their own); its image and summary come
    from inside. None for a card without text, or one naming an index page (an author's
    portrait and name linking to the author's page).
    """
    heading = next(link.iter(*_HEADINGS), None)
    title = _text(heading) if heading is not None else ""
    if not title:
        for node in link.iterdescendants():
            if (
                isinstance(node.tag, str)
                and node.tag in vocab.BLOCK_TAGS
                and not any(child.tag in vocab.BLOCK_TAGS for child in node)
            ):
                text = _text(node)
                if len(text) > len(title):
                    title = text
    if not title:
        title = _text(link)
    if not title or is_index_link(url, title):
        return None
    img = next(link.iter("img"), None)
    image = resolve_url(image_source(img), base) if img is not None else None
    summary = None
    for para in link.iter("p"):
        candidate = _text(para)
        if len(candidate) >= MIN_SUMMARY_CHARS and candidate != title:
            summary = candidate
            break
    return Recommendation(title=title, url=url, image=image, summary=summary)


def recommendations_block(
    widget: HtmlElement,
    base: str | None,
    *,
    title: str | None = None,
    page_url: str | None = None,
    links_from: HtmlElement | None = None,
) -> Recommendations | None:
    """Return the Recommendations block for ``widget``, or None when it links nowhere."""
    items = recommendation_items(
        links_from if links_from is not None else widget, base, page_url=page_url
    )
    if title is None:
        title = rec_title(widget)
    if title is not None:
        items = [item for item in items if item.title != title]
    if not items:
        return None
    return Recommendations(title=title, items=tuple(items))
