"""Turn a recommendation widget or an "Also read: ..." paragraph into a Recommendations block.

An item is a *card*: the largest part of the widget whose links all point to one URL (an
image link and a title link to the same article make one card). Its title is the card's
heading, else its longest link text; its image and summary come from the same card.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Final, cast

import attrs
from lxml import etree
from lxml.html import HtmlElement

from articlekit._caseless import CaseBlind
from articlekit.html import vocab
from articlekit.html.clean import Stats
from articlekit.html.metadata import date_span
from articlekit.html.tree import collapse_ws, image_source, resolve_url, text_of
from articlekit.model import Block, Recommendation, Recommendations

__all__ = [
    "GENERIC_LINK_TEXT",
    "card_link_item",
    "is_action_link_text",
    "is_ad_click_url",
    "is_author_link",
    "is_contest_url",
    "is_counter_link_text",
    "is_generic_link_text",
    "is_home_link",
    "is_kicker_link",
    "is_linkless_widget",
    "is_listing_link_text",
    "is_person_link",
    "is_service_link_text",
    "is_shop_url",
    "is_site_home",
    "link_title",
    "rec_title",
    "recommendation_items",
    "recommendations_block",
    "without_author_items",
    "without_non_article_items",
]


# Link texts that say "go there" rather than name the article.
GENERIC_LINK_TEXT: Final = frozenset(
    {
        "read more", "more", "continue reading", "read", "weiterlesen", "mehr", "lire la suite",
        "lire", "leer más", "leia mais", "ver más", "voir", "see more", "view", "click here",
        "here", "»", "›", "→", "...", "…", "read the rest", "read full story",
        "read the full story", "read full article", "read the full article", "full story",
        "learn more", "mehr erfahren", "find out more", "zum artikel", "zum beitrag",
        "artikel lesen", "en savoir plus", "lire l'article", "seguir leyendo", "continuar lendo",
    }
)  # fmt: skip
# Shortest summary text worth keeping (characters): shorter text is a date or a label.
MIN_SUMMARY_CHARS: Final = 20
# A card's summary drawn as a box of its own rather than a <p>: its class or microdata
# names an excerpt ("m-post-card__excerpt", "teaser__summary", itemprop="description";
# a card template marks its excerpt itemprop="articleBody" too).
_SUMMARY_NAME: Final = re.compile(
    r"excerpt|summary|description|standfirst|abstract|\bdek\b|teaser-?text|articlebody",
    re.IGNORECASE,
)
_HEADINGS = ("h2", "h3", "h4", "h5", "h6", "h1")
# A title printed beside its widget is at most this long (characters), as one inside it.
MAX_SIBLING_TITLE_CHARS: Final = 80


# The first word of a link to a list of more of the same ("Mehr Videos", "More stories",
# "Weitere News", "Alle Artikel", "Plus d'actualités") rather than to one article.
_MORE_WORDS: Final = frozenset(
    {"more", "mehr", "weitere", "alle", "all", "plus", "más", "mais", "altri", "więcej"}
)
# Such a link names what it lists in one word; "More than 100 killed" is a headline.
MAX_MORE_LINK_WORDS: Final = 2
_LINK_DECORATION: Final = " :.!»›→•·…>+"


# What a button of a shop, a subscription, an account or a contact page says: the link
# does something to the reader's basket or account, it names no article. These phrases
# open such a button's text ("Subscribe to ET Prime", "Log in or sign up")...
_ACTION_PHRASE: Final = CaseBlind(
    r"(?:add to (?:cart|basket|bag)|buy now|shop now|order now|subscribe|sign up|sign in"
    r"|log ?in|contact us|in den warenkorb|jetzt kaufen|jetzt bestellen|heft bestellen"
    r"|abonnieren|jetzt abonnieren|ajouter au panier|s'abonner|abonnez-vous|se connecter"
    r"|s'inscrire|contactez-nous|añadir al carrito|suscríbete|iniciar sesión|assine"
    r"|cadastre-se|abbonati)\b"
)
# ...and these verbs are a button only alone: "Kaufen statt mieten", "Comprar casa en
# Madrid" are headlines.
_ACTION_WORD: Final = frozenset(
    {
        "buy", "kaufen", "bestellen", "acheter", "comprar", "acquista", "register",
        "registrieren", "registrarse", "registrati", "anmelden", "einloggen", "accedi",
        "contact", "kontakt", "contacto", "contato", "contatti", "donate", "spenden",
    }
)  # fmt: skip
# A button names at most a few more words; a headline opening with the verb is longer or
# asks ("Subscribe or not? ...").
MAX_ACTION_LINK_WORDS: Final = 5


def is_action_link_text(text: str) -> bool:
    """Return True for a shop's, a subscription's, an account's or a contact page's button
    text ("In den Warenkorb legen", "Heft bestellen", "Subscribe to ET Prime", "Log in or
    sign up", "Kontakt"): not a recommended article."""
    text = text.strip(_LINK_DECORATION)
    if text.casefold() in _ACTION_WORD:
        return True
    return (
        len(text.split()) <= MAX_ACTION_LINK_WORDS
        and "?" not in text
        and ":" not in text
        and _ACTION_PHRASE.match(text)
    )


def is_generic_link_text(text: str) -> bool:
    """Return True for "Read more"-style link text that does not name an article, and for
    a link to more of the same ("Mehr Videos", "mehr •••", "All posts")."""
    text = text.strip(_LINK_DECORATION)
    if not text:
        return True
    folded = text.casefold()
    if folded in GENERIC_LINK_TEXT:
        return True
    words = folded.split()
    return len(words) <= MAX_MORE_LINK_WORDS and words[0].rstrip(_LINK_DECORATION) in _MORE_WORDS


def _text(el: HtmlElement) -> str:
    return collapse_ws(text_of(el)).strip()


# A class that names a teaser's headline ("card__title", "teaserHeadline") or, before
# it, the line over or under it ("item__subtitle", "preTitle", "kicker", "dachzeile").
# (CaseBlind: searched in every class of every card; see articlekit._caseless)
_TITLE_CLASS: Final = CaseBlind(r"(?:title|headline|heading)(?:$|[-_\s])")
_KICKER_CLASS: Final = CaseBlind(
    r"(?:sub|pre|over|super|lead)[-_]?(?:title|headline|heading)|kicker|eyebrow|overline"
    r"|dachzeile|topline|roofline|standfirst"
)
# A card's parts (kicker, headline, standfirst, date) that are elements of their own: a
# headline has at least this many words; a shorter part is a kicker or a section name.
MIN_CARD_TITLE_WORDS: Final = 3
# Elements that end one part of a card and begin the next.
_PART_BREAKS: Final = vocab.BLOCK_TAGS | {"br", "time"}


def _card_parts(link: HtmlElement) -> list[str]:
    """Return the texts of ``link`` cut where a block, a line break or a ``<time>`` stands.

    ``<a><time>01.02.2022</time><div>News</div><b>Flash news of the day</b></a>`` gives
    ["News", "Flash news of the day"]: the text of ``<time>`` elements, of ``<figure>``
    elements outside their ``<figcaption>`` and parts that are only a date are left out.
    """
    parts: list[str] = []
    current: list[str] = []

    def cut() -> None:
        text = collapse_ws("".join(current)).strip()
        current.clear()
        if text and not _is_date_part(text):
            parts.append(text)

    # whether the text at this depth is left out: inside <time> or <figure>, except in
    # the <figcaption> that may hold a card's headline
    silent = [False]
    for event, node in etree.iterwalk(link, events=("start", "end")):
        tag = node.tag
        if not isinstance(tag, str):
            if event == "end" and node.tail and not silent[-1]:
                current.append(node.tail)
            continue
        if event == "start":
            if tag in _PART_BREAKS:
                cut()
            quiet = tag in _UNSPOKEN_TAGS or (silent[-1] and tag != "figcaption")
            silent.append(quiet)
            if node.text and not quiet and tag not in _SILENT_TAGS:
                current.append(node.text)
        else:
            silent.pop()
            if tag in _PART_BREAKS:
                cut()
            if node is not link and node.tail and not silent[-1]:
                current.append(node.tail)
    cut()
    return parts


_SILENT_TAGS: Final = frozenset({"script", "style", "template", "noscript"})
# Parts of a card that are not its title: a date, and what is laid over or under its
# picture ("Start the gallery (16 pictures)", a photo credit).
_UNSPOKEN_TAGS: Final = frozenset({"time", "figure"})


# A part that is only a date is short and holds a digit ("01.02.2022", "3 March 2024");
# the date search, ~10 us a part, runs only on such parts.
MAX_DATE_PART_CHARS: Final = 40
_DIGIT: Final = re.compile(r"\d")


def _is_date_part(text: str) -> bool:
    if len(text) > MAX_DATE_PART_CHARS or _DIGIT.search(text) is None:
        return False
    span = date_span(text)
    if span is None:
        return False
    rest = text[: span[0]] + text[span[1] :]
    return len(rest.split()) <= 1


def link_title(link: HtmlElement) -> tuple[str, str | None]:
    """Return the title of the article a teaser link names, and its summary when the link
    holds one.

    A link drawn around a whole card holds more than the title: a kicker, a date, a
    standfirst. The title is, in this order: the card's headline (see
    :func:`_headline_of`); the part the link's ``title`` attribute repeats; the first
    part of at least ``MIN_CARD_TITLE_WORDS`` words (parts are cut where blocks and
    ``<time>`` elements begin, see :func:`_card_parts`), else its longest part. The summary
    is the text after the title when it is at least ``MIN_SUMMARY_CHARS`` long. A link of
    plain text gives its text and no summary.
    """
    whole = _text(link)
    if len(link) == 0:
        return whole, None
    headline = _headline_of(link)
    if headline:
        if len(headline) + MIN_SUMMARY_CHARS > len(whole):
            return headline, None  # (no room for a summary beside it)
        return headline, _summary_after(_card_parts(link), headline)
    parts = _card_parts(link)
    attr = collapse_ws(link.get("title") or "").strip()
    if attr and len(parts) > 1 and attr in parts:
        return attr, _summary_after(parts, attr)
    if len(parts) < 2:
        return (parts[0] if parts else whole), None
    title = next(
        (part for part in parts if len(part.split()) >= MIN_CARD_TITLE_WORDS),
        max(parts, key=len),
    )
    return title, _summary_after(parts, title)


# A card's headings and elements with a class, in page order (one XPath in C: most of a
# card's elements have neither).
_HEADLINE_CANDIDATES: Final = etree.XPath(
    "descendant::*[@class or self::h1 or self::h2 or self::h3 or self::h4 or self::h5 or self::h6]"
)


def _headline_of(link: HtmlElement) -> str | None:
    """Return the text of the headline element inside a card link, if it has one.

    Candidates are its headings and the elements whose class names a title, less those
    whose class marks a kicker or a subtitle and those inside a ``<figure>`` (a label laid
    over the picture). When some candidates have at least
    ``MIN_CARD_TITLE_WORDS`` words the others are kickers and drop out; of the rest, the
    largest heading wins (``<h4>Column</h4><h3>Headline</h3>``), then the first element
    with a title class.
    """
    found: list[tuple[int, str]] = []
    for node in cast("list[HtmlElement]", _HEADLINE_CANDIDATES(link)):
        tag = node.tag
        cls = node.get("class") or ""
        if tag in _HEADINGS:
            rank = int(tag[1])
        elif cls and _TITLE_CLASS.search(cls):
            rank = 7
        else:
            continue
        if (cls and _KICKER_CLASS.search(cls)) or _in_figure(node, link):
            continue
        text = _text(node)
        if text:
            found.append((rank, text))
    if not found:
        return None
    long = [item for item in found if len(item[1].split()) >= MIN_CARD_TITLE_WORDS]
    return min(long or found, key=lambda item: item[0])[1]


def _in_link(node: HtmlElement, top: HtmlElement) -> bool:
    """Return True when ``node`` sits in a link below ``top`` (the headline of a card the
    link draws, not the title of the widget)."""
    parent = node.getparent()
    while parent is not None and parent is not top:
        if parent.tag == "a":
            return True
        parent = parent.getparent()
    return False


def _in_figure(node: HtmlElement, top: HtmlElement) -> bool:
    """Return True when ``node`` sits in a ``<figure>`` below ``top`` but not in its
    caption (a label laid over a card's picture: "Start the gallery", "Video 2:31")."""
    parent = node.getparent()
    while parent is not None and parent is not top:
        if parent.tag == "figcaption":
            return False
        if parent.tag == "figure":
            return True
        parent = parent.getparent()
    return False


def _summary_after(parts: list[str], title: str) -> str | None:
    """Return the text after ``title`` long enough to be a summary: the rest of the part
    that begins with the title (a title and a standfirst in inline elements), else the
    first part after it.
    """
    seen = False
    for part in parts:
        if seen and len(part) >= MIN_SUMMARY_CHARS and part != title:
            return part
        if part.startswith(title):
            rest = part[len(title) :].strip()
            if len(rest) >= MIN_SUMMARY_CHARS:
                return rest
        if title in part:
            seen = True
    return None


def rec_title(el: HtmlElement) -> str | None:
    """Return the widget's title: its first heading or leading label, when short."""
    for heading in el.iter(*_HEADINGS):
        text = _text(heading)
        if text and len(text) <= 80 and heading.find(".//a") is None and not _in_link(heading, el):
            return text
        break
    for node in el.iter():
        if not isinstance(node.tag, str):
            continue
        own = (node.text or "").strip()
        if own:
            if node.tag != "a" and vocab.is_rec_phrase(own):
                return collapse_ws(own).strip(" :")
            break
    return _title_before(el)


def _title_before(el: HtmlElement) -> str | None:
    """Return the recommendation title printed just before a widget that has none inside.

    Templates print the widget's heading beside it, not in it (``<h2>Related
    Articles</h2><div class="related-articles">...``, ``<h3>Das könnte Sie auch
    interessieren</h3><div class="relateditems">``): the nearest previous sibling with
    text is the title when it is a heading opening with a recommendation title's words, or
    any short element that is such a title whole ("Lesen Sie auch:"), holding no link."""
    prev = el.getprevious()
    while prev is not None:
        if isinstance(prev.tag, str):
            text = _text(prev)
            if text:
                if (
                    len(text) <= MAX_SIBLING_TITLE_CHARS
                    and prev.find(".//a") is None
                    and vocab.opens_with_rec_words(text)
                    and (prev.tag in _HEADINGS or vocab.is_rec_phrase(text))
                ):
                    return text.strip(" :")
                return None
        prev = prev.getprevious()
    return None


# A teaser's kicker drawn as a link of its own, to its section or topic ("Environment",
# "AI in Marketing", "Recht" over the headline): the link's class, or its parent's, names a
# kicker ("c-article-most-popular__link--kicker", "topline__link",
# "similar-posts__item__kicker"), or the link's own class a category or topic
# ("recommended-article-topic-2"). Its text is a section's name, not the teaser's title.
_KICKER_LINK_CLASS: Final = CaseBlind(r"kicker|topline|eyebrow|overline|dachzeile|roofline")
_TOPIC_LINK_CLASS: Final = CaseBlind(r"categor(?:y|ies)|topic")


def is_kicker_link(link: HtmlElement) -> bool:
    """Return True when ``link`` is a teaser's kicker or topic label linking to a section
    (see ``_KICKER_LINK_CLASS``), not the teaser's headline."""
    cls = link.get("class")
    if cls and (_KICKER_LINK_CLASS.search(cls) or _TOPIC_LINK_CLASS.search(cls)):
        return not _draws_card(link)
    parent = link.getparent()
    parent_cls = parent.get("class") if parent is not None else None
    return bool(parent_cls and _KICKER_LINK_CLASS.search(parent_cls)) and not _draws_card(link)


def _draws_card(link: HtmlElement) -> bool:
    """Return True when ``link`` holds a picture: it draws a teaser card (a "More on this
    topic" box names its card links "moreOnTopic__Link"), not a kicker's label."""
    return next(link.iter("img", "picture"), None) is not None


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
# Files a link downloads or shows instead of a page to read: pictures (a lightbox link
# around a photo), documents ("Download the press release as PDF"), archives and media.
_FILE_SUFFIXES: Final = (
    ".jpg", ".jpeg", ".png", ".gif", ".webp", ".avif", ".svg", ".bmp",
    ".pdf", ".doc", ".docx", ".odt", ".rtf", ".xls", ".xlsx", ".ods", ".csv", ".ppt", ".pptx",
    ".odp", ".zip", ".gz", ".tgz", ".rar", ".7z", ".epub", ".mobi",
    ".mp3", ".m4a", ".ogg", ".wav", ".mp4", ".m4v", ".mov", ".webm",
)  # fmt: skip


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


# A social network's profile of a person or a publisher: its host, then a handle or a page
# name alone ("facebook.com/dateveg", "twitter.com/datev", "youtube.com/datev") or under a
# profile segment ("linkedin.com/company/x", "youtube.com/channel/x", "xing.com/communities/
# groups/x"). A post or a video ("youtube.com/watch?v=", "instagram.com/p/x") is content.
_SOCIAL_PROFILE: Final = re.compile(
    r"(?:https?:)?//(?:www\.|m\.|de\.|fr\.|es\.)?(?:facebook\.com|twitter\.com|x\.com"
    r"|instagram\.com|youtube\.com|linkedin\.com|xing\.com|tiktok\.com|pinterest\.[a-z.]+"
    r"|threads\.net|t\.me)/"
    r"(?:(?:channel|c|user|company|in|communities|pages|profile)/[^?#]*|@?[\w.-]+/?)(?:[?#]|$)",
    re.IGNORECASE,
)
# The first path segments of those hosts that are pages of the network, not a profile.
_SOCIAL_PAGES: Final = frozenset(
    {"watch", "p", "reel", "status", "share", "sharer.php", "intent", "hashtag", "search",
     "login", "home", "explore", "shorts", "embed", "events", "groups", "photo.php"}
)  # fmt: skip


def is_social_profile(url: str) -> bool:
    """Return True when ``url`` is a social network's profile page ("Follow us": a
    publisher's Facebook page, a Twitter handle, a YouTube channel), which is no article
    to recommend."""
    if _SOCIAL_PROFILE.match(url) is None:
        return False
    path = url.split("//", 1)[-1].partition("/")[2].split("?")[0].split("#")[0]
    segments = path.lower().split("/")
    return segments[0] not in _SOCIAL_PAGES and "status" not in segments  # (a tweet)


def is_share_link(url: str) -> bool:
    """Return True when ``url`` is a social network's "share this page" endpoint."""
    return _SHARE_URL.match(url) is not None


def is_author_link(el: HtmlElement) -> bool:
    """Return True when ``el`` is, or holds, a link to its author: ``rel="author"`` or an
    ``<address>`` (HTML's element for the contact of an article's author). A byline's
    link is never recommended reading."""
    if el.tag == "address":
        return True
    return any("author" in (link.get("rel") or "").lower().split() for link in el.iter("a"))


def is_page_link(url: str) -> bool:
    """Return True when ``url`` can lead to another article: a web or relative address,
    not a phone number, an e-mail address, a file (a picture a lightbox link shows, a PDF
    or an archive to download, a podcast's audio) or a social network's share endpoint.
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
    r"|authors?|autor|autoren|autore|auteur|auteurs"
    # Blogger's labels ("/search/label/SPORT%20NEWS")
    r"|labels?"
    # a member's profile: "/u/BrandonMarcus", "/user/KB_Redaktion.html", "/profile/jdoe"
    r"|u|users?|profiles?|benutzer|nutzer",
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
    if is_date_archive(segments):
        return True
    if segments and segments[-1].startswith("@"):
        return True  # a profile by handle ("/@vincentvallet"); its articles go on after it
    for index in range(len(segments) - 1, -1, -1):
        if _INDEX_SEGMENT.fullmatch(segments[index]):
            return len(segments) - index - 1 <= MAX_INDEX_TAIL_SEGMENTS
    return False


def is_date_archive(segments: list[str]) -> bool:
    """Return True when a URL's path segments end in a year and a month, and maybe a day,
    with nothing after: ``/2022/12/``, ``/blog/2020/05/17/``, a blog's archive of a month
    or a day, which lists articles (a card's date links there). An article's own path goes
    on after the date with its slug. A year alone is not enough: ``/node/2015`` is an id.
    """
    for start in (len(segments) - 3, len(segments) - 2):
        if start < 0:
            continue
        year, *rest = segments[start:]
        if (
            len(year) == 4
            and year.isdigit()
            and year[:2] in ("19", "20")
            and all(len(part) <= 2 and part.isdigit() for part in rest)
            and 1 <= int(rest[0]) <= 12
        ):
            return True
    return False


def recommendation_items(
    widget: HtmlElement, base: str | None, *, page_url: str | None = None
) -> list[Recommendation]:
    """Return one Recommendation per distinct article URL linked from ``widget``.

    When several links lead to one URL (a picture link and a headline link), the item
    keeps the first title that names the article: a later link's text replaces a picture's
    alt text or a link's attribute, and a longer text replaces a kicker of fewer than
    ``MIN_CARD_TITLE_WORDS`` words.
    """
    seen: dict[str, int] = {}
    weak: set[int] = set()
    items: list[Recommendation] = []
    for link in widget.iter("a"):
        url = resolve_url(link.get("href"), base)
        if not url or url.startswith("#") or (page_url and url == page_url):
            continue
        if base and url.split("#")[0] == base.split("#")[0] and "#" in url:
            continue
        if not is_page_link(url) or is_author_link(link) or is_social_profile(url):
            continue
        if is_kicker_link(link):
            continue
        text, link_summary = link_title(link)
        from_text = bool(text)
        text = text or (link.get("title") or link.get("aria-label") or "").strip()
        if not text:
            img = link.find(".//img")
            if img is not None:
                text = (img.get("alt") or "").strip()
        if url in seen:
            index = seen[url]
            old = items[index]
            if (
                text
                and not is_generic_link_text(text)
                and ((index in weak and from_text) or len(text) > len(old.title))
                and (index in weak or len(old.title.split()) < MIN_CARD_TITLE_WORDS)
            ):
                items[index] = Recommendation(
                    title=text, url=url, image=old.image, summary=old.summary
                )
                if from_text:
                    weak.discard(index)
            continue
        card = _card_of(link, url, widget, base)
        headline = _headline_of(card) if card is not link else None
        title = headline or text
        if not title or (is_generic_link_text(title) and card is link):
            continue
        if title.startswith("©") or is_action_link_text(title):
            continue  # a picture's credit, a shop's or an account's button: no headline
        if is_index_link(url, title):
            continue
        image = None
        img = next(card.iter("img"), None) if card is not link else link.find(".//img")
        if img is not None:
            image = resolve_url(image_source(img), base)
        summary = link_summary if title == text else None
        if card is not link:
            summary = _card_summary(card, title) or summary
        seen[url] = len(items)
        if not (from_text or headline) or is_generic_link_text(title):
            weak.add(len(items))
        items.append(Recommendation(title=title, url=url, image=image, summary=summary))
    return items


def _card_summary(card: HtmlElement, title: str) -> str | None:
    """Return a card's summary: its first ``<p>`` of ``MIN_SUMMARY_CHARS`` or more that is
    not the title, else the first such box named as an excerpt (``_SUMMARY_NAME``)."""
    for para in card.iter("p"):
        candidate = _text(para)
        if len(candidate) >= MIN_SUMMARY_CHARS and candidate != title:
            return candidate
    for el in card.iter("div", "span", "section"):
        names = f"{el.get('class') or ''} {el.get('itemprop') or ''}"
        if not _SUMMARY_NAME.search(names):
            continue
        candidate = _text(el)
        if len(candidate) >= MIN_SUMMARY_CHARS and candidate != title:
            return candidate
    return None


def is_home_link(url: str) -> bool:
    """Return True when ``url`` is a site's home page (``https://example.org/``, ``/``)."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    if "//" in path:
        path = path.split("//", 1)[1].partition("/")[2]
    return not path.strip("/")


def card_link_item(link: HtmlElement, url: str, base: str | None) -> Recommendation | None:
    """Return the item of a link drawn around blocks (``<a href><h3>..</h3><p>..</p></a>``).

    Its title and summary are :func:`link_title`'s (a card's kicker, headline and date are
    parts of their own), a ``<p>`` inside giving the summary first; its image comes from
    inside. None for a card without text, or one naming an index page (an author's
    portrait and name linking to the author's page).
    """
    title, summary = link_title(link)
    if not title or is_index_link(url, title):
        return None
    img = next(link.iter("img"), None)
    image = resolve_url(image_source(img), base) if img is not None else None
    for para in link.iter("p"):
        candidate = _text(para)
        if len(candidate) >= MIN_SUMMARY_CHARS and candidate != title:
            summary = candidate
            break
    return Recommendation(title=title, url=url, image=image, summary=summary)


def is_linkless_widget(stats: Stats | None) -> bool:
    """Return True for a recommendation widget whose links hold no text: a card whose
    headline is plain text under a link laid over the whole card (``<div>Headline<a
    href="/other-story"></a></div>``, an empty "stretched" link), or whose links hold
    only pictures. It names no item, yet its headline and pictures are the widget's,
    not the article's: they are left out of the body rather than read as its text.
    """
    return stats is not None and stats.anchors > 0 and stats.links == 0


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


def without_author_items(blocks: list[Block], authors: Iterable[str]) -> list[Block]:
    """Return ``blocks`` with no recommendation item named after one of the article's
    ``authors``: the link of an author box ("Patrick Allan" to the author's own site), or
    an author's profile among a publisher's reading links, leads to a person, not to an
    article. A block left without items goes."""
    names = {collapse_ws(name).strip().casefold() for name in authors}
    names.discard("")
    if not names:
        return blocks
    return _without_items(blocks, lambda i: collapse_ws(i.title).strip().casefold() in names)


def _without_items(blocks: list[Block], drop: Callable[[Recommendation], bool]) -> list[Block]:
    """Return ``blocks`` with the items ``drop`` names taken out of their top-level
    recommendation blocks; a block left without items goes."""
    if not any(isinstance(block, Recommendations) for block in blocks):
        return blocks
    out: list[Block] = []
    for block in blocks:
        if isinstance(block, Recommendations):
            items = tuple(item for item in block.items if not drop(item))
            if not items:
                continue
            if len(items) != len(block.items):
                block = attrs.evolve(block, items=items)
        out.append(block)
    return out


# A site's home page, with no query but a tracking or paging one ("https://itnext.io/
# ?source=post_recirc", "/?page=0,1"): the masthead's logo, a network's list of sister
# sites or a blogroll names a site, not an article. A query naming a post ("/?p=123")
# is an article.
_HOME_QUERY_KEYS: Final = frozenset({"source", "ref", "page", "from", "origin", "via"})


def is_site_home(url: str) -> bool:
    """Return True when ``url`` is a site's home page, with at most a tracking or paging
    query (``https://www.python.org/``, ``https://theascent.pub/?source=post_internal``)."""
    if not is_home_link(url):
        return False
    query = url.split("#", 1)[0].partition("?")[2]
    keys = (pair.partition("=")[0].lower() for pair in query.split("&") if pair)
    return all(key in _HOME_QUERY_KEYS or key.startswith("utm_") for key in keys)


# Ad servers' click addresses: a link through them is a paid placement counted by the ad
# server (a sidebar's "Anzeige" text ads, a sponsored "You may like" box), not the site's
# own reading.
_AD_SERVERS: Final = (
    "doubleclick.net", "googleadservices.com", "googlesyndication.com", "tradedoubler.com",
    "adform.net", "awin1.com", "adnxs.com", "smartadserver.com", "criteo.com", "zanox.com",
    "linksynergy.com",
)  # fmt: skip
# (the host is the server or one of its subdomains: "pubads.g.doubleclick.net")
_AD_SERVER_HOSTS: Final = _AD_SERVERS + tuple("." + host for host in _AD_SERVERS)


def _host(url: str) -> str:
    """Return the lower-case host of an absolute or scheme-relative ``url``, else ""."""
    if "//" not in url:
        return ""
    rest = url.split("//", 1)[1]
    end = len(rest)
    for sep in "/?#:":
        found = rest.find(sep)
        if 0 <= found < end:
            end = found
    return rest[:end].lower()


def _url_path(url: str) -> str:
    """Return the path of ``url`` without its query and fragment, and without the leading
    slash (``https://example.org/a/b?x`` gives ``a/b``)."""
    path = url.split("#", 1)[0].split("?", 1)[0]
    if "//" in path:
        return path.split("//", 1)[1].partition("/")[2]
    return path.lstrip("/")


def is_ad_click_url(url: str) -> bool:
    """Return True when ``url`` goes through an ad server's click counter."""
    return _is_ad_server(_host(url))


def _is_ad_server(host: str) -> bool:
    return host.endswith(_AD_SERVER_HOSTS) or host in _AD_SERVERS


# Link texts that are only an ad's label ("Sponsored" over a paid teaser, "Anzeige" linking
# to the advertising terms): they name no article.
_AD_LABELS: Final = frozenset(
    {"sponsored", "sponsored content", "gesponsert", "anzeige", "advertisement", "werbung",
     "publicité", "publicidad", "pubblicità", "promoted", "paid content", "ad", "ads"}
)  # fmt: skip
# The pages of a site's footer and cookie notice: its imprint, privacy and terms pages,
# its newsletter sign-up, its advertising and "about" pages.
_SERVICE_PAGES: Final = frozenset(
    {
        "impressum", "imprint", "datenschutz", "datenschutzerklärung", "datenschutzhinweise",
        "privacy", "privacy policy", "privacy notice", "privacy statement", "cookie policy",
        "cookie settings", "cookie-einstellungen", "cookies", "terms", "terms of use",
        "terms of service", "terms and conditions", "terms & conditions", "agb",
        "nutzungsbedingungen", "netiquette", "mediadaten", "media kit", "legal notice",
        "mentions légales", "politique de confidentialité", "cgu", "aviso legal",
        "política de privacidad", "disclaimer", "newsletter", "about us", "über uns",
        "advertise", "advertise with us", "werben", "sitemap", "jobs", "karriere", "careers",
        "print", "print this page", "print this article", "print article", "drucken",
        "artikel drucken", "seite drucken", "imprimer", "imprimer cet article", "imprimir",
    }
)  # fmt: skip
# "Terms of Use & Grievance Redressal": a service page's name, then what else it covers.
_SERVICE_PREFIX: Final = CaseBlind(
    r"(?:terms (?:of use|of service|and conditions)|privacy policy)\b"
)
# Such a name runs to a few words; a headline opening with "Privacy policy" is longer.
MAX_SERVICE_LINK_WORDS: Final = 6


def is_service_link_text(text: str) -> bool:
    """Return True for the name of a site's service page ("Impressum", "Privacy policy",
    "AGB", "Newsletter", "Mediadaten") or for an ad's label ("Sponsored", "Anzeige"): a
    footer's or a cookie notice's link, not recommended reading."""
    folded = collapse_ws(text).strip(_LINK_DECORATION).casefold()
    if folded in _SERVICE_PAGES or folded in _AD_LABELS:
        return True
    return len(folded.split()) <= MAX_SERVICE_LINK_WORDS and bool(_SERVICE_PREFIX.match(folded))


# A contest's or a prize draw's page ("/gewinnspiele/", "/services/concours/"): a path
# segment names it. Not an article to read but a form to enter.
_CONTEST_SEGMENT: Final = re.compile(
    r"/(?:gewinnspiele?|verlosung(?:en)?|sweepstakes?|giveaways?|contests?|concours"
    r"|concorsi|concorso|sorteos?)(?:/|$)"
)


def is_contest_url(url: str) -> bool:
    """Return True when a path segment of ``url`` names a contest or a prize draw
    (``/gewinnspiele/``, ``/wuh/gewinnspiele/``, ``/services/concours/...``)."""
    return _is_contest_path(_url_path(url))


def _is_contest_path(path: str) -> bool:
    # (on "/" + the lower-case path: the search then only starts at a slash)
    return _CONTEST_SEGMENT.search("/" + path.lower()) is not None


# A shop: a host that opens with "shop", "store" or a coupon site's name
# ("shop.example.de/product/1", "gutscheine.example.de/gutscheine/x"), or a path segment
# of coupons ("/gutscheine/x"). A product or a voucher, not reading (a "/deals/" path is
# often a newsroom's article about offers).
_SHOP_HOST: Final = (
    "shop.", "store.", "gutschein.", "gutscheine.", "coupon.", "coupons.", "deal.", "deals.",
    "voucher.", "vouchers.",
)  # fmt: skip
_SHOP_SEGMENT: Final = re.compile(
    r"(?:[^/]*/)?(?:gutscheine|coupons|vouchers|shop)(?:/|$)", re.IGNORECASE
)


def is_shop_url(url: str) -> bool:
    """Return True when ``url`` leads to a shop's product, a voucher or a deal."""
    return _is_shop(_host(url), _url_path(url))


def _is_shop(host: str, path: str) -> bool:
    return host.startswith(_SHOP_HOST) or _SHOP_SEGMENT.match(path) is not None


# A link named like a recommendation widget ("Most popular", "More News", "Trending
# Tickers", "weitere Artikel", "mehr zu Kredit", "MÁS DE ESPECTÁCULOS") leads to the list
# that the widget shows a part of; a headline that opens so is longer ("Most Popular Baby
# Names of 2024").
MAX_LISTING_LINK_WORDS: Final = 3


def is_listing_link_text(text: str) -> bool:
    """Return True when ``text`` is a recommendation widget's title, in at most
    ``MAX_LISTING_LINK_WORDS`` words: the link leads to a listing, not to one article."""
    text = collapse_ws(text).strip(_LINK_DECORATION)
    return 0 < len(text.split()) <= MAX_LISTING_LINK_WORDS and bool(
        vocab.opens_with_rec_words(text)
    )


# More pages of a person: a member's ("/members/127862": a community post's author box) or
# a writer's ("/writer/jane_doe/": the bylines of a "Most read" list). Asked of the final
# items only: a card of such a link (an avatar and a name) must stay a card, so that its
# picture does not fall into the body.
_PERSON_SEGMENT: Final = re.compile(r"members?|mitglieder|writers?", re.IGNORECASE)
_PERSON_PATH: Final = re.compile(r"(?:^|/)(?:members?|mitglieder|writers?)/", re.IGNORECASE)


def is_person_link(url: str, title: str) -> bool:
    """Return True when ``url`` names a member's or a writer's page in a few words
    (``/members/127862`` "fri.juli", ``/writer/jane_doe/`` "Jane Doe")."""
    if len(title.split()) > MAX_INDEX_TITLE_WORDS:
        return False
    path = _url_path(url)
    if _PERSON_PATH.search(path) is None:
        return False  # (the fast test first: few addresses hold such a segment)
    segments = [s for s in path.split("/") if s]
    return any(
        _PERSON_SEGMENT.fullmatch(segment) and len(segments) - index - 1 <= MAX_INDEX_TAIL_SEGMENTS
        for index, segment in enumerate(segments)
    )


# A counter shown as a link: a comment or message count ("673 messages", "Comments (74
# posted)", "12 Kommentare") or a bare number (a "like" count linking to a sign-in page).
_COUNTER_TEXT: Final = CaseBlind(
    r"\W*(?:\d[\d.,]*\s*(?:comments?|messages?|replies|responses|kommentare?|commentaires?"
    r"|comentarios?|reacties)|(?:comments?|kommentare?|commentaires?|comentarios?)\W*\d)"
)
_LETTER: Final = re.compile(r"[^\W\d_]")
# A count runs to a few words; "Comments: 5 reasons why ..." is a headline.
MAX_COUNTER_LINK_WORDS: Final = 4


def is_counter_link_text(text: str) -> bool:
    """Return True when ``text`` is a counter rather than a title: no letter at all
    ("827"), or a count of comments or messages ("673 messages", "Comments (74 posted)")."""
    if _LETTER.search(text) is None:
        return True
    return len(text.split()) <= MAX_COUNTER_LINK_WORDS and bool(_COUNTER_TEXT.match(text))


# A call to install an app, or to click for one ("Get Fox Business on the go by clicking
# here", "Click here to get the Fox News app", "Download our app"): it sells an app, it
# names no article. A bare "Click here for the second half of this story" is a genuine
# item (a labelled one), so clicking counts only with what it gets.
_CLICK_OR_APP: Final = CaseBlind(
    r"\b(?:get|download|install) (?:the|our) (?:\S+ ){0,3}app\b|\bon the go by clicking here\b"
    r"|\bclick(?:ing)? here to (?:get|download|install|subscribe|sign up|follow)\b"
)


def is_click_or_app_text(text: str) -> bool:
    """Return True for a link text that asks to click or to install an app."""
    return _CLICK_OR_APP.search(text)


def non_article_item(item: Recommendation) -> bool:
    """Return True for an item that leads to no article: a call to click or to install an
    app (:func:`is_click_or_app_text`), a site's home page, an ad server's click address,
    a service page or an ad label, a listing named like a widget,
    a counter, a contest, a shop's product or voucher, a member's or writer's page, or a
    tag, topic or author page (:func:`is_index_link`, for the items of link paragraphs
    that did not ask it)."""
    title = item.title
    words = len(title.split())
    if is_click_or_app_text(title):
        return True
    # (the tests of the title ask for a few words: most titles are longer and skip them)
    if words <= MAX_SERVICE_LINK_WORDS:
        if is_service_link_text(title) or is_listing_link_text(title):
            return True
        if is_counter_link_text(title):
            return True
    elif _LETTER.search(title) is None:
        return True  # (a counter without a letter)
    url = item.url
    if url is None:
        return False
    if is_site_home(url):
        return True
    host, path = _host(url), _url_path(url)
    if _is_ad_server(host) or _is_contest_path(path) or _is_shop(host, path):
        return True
    return words <= MAX_INDEX_TITLE_WORDS and (
        is_index_link(url, title) or is_person_link(url, title)
    )


# A section of a site is named in a few words ("Politics", "Life in the City", "Internet
# of Things") at a shallow path ("/news/cloud/", "/bengaluru#bengaluru-crime"); an article
# has a headline, or a slug with an id, deeper down. Four words is the longest section
# name seen (the 19 menus on both corpora and the outside set's); two segments the
# deepest section path.
MAX_SECTION_TITLE_WORDS: Final = 4
MAX_SECTION_SEGMENTS: Final = 2
# (words of letters joined by hyphens; [^\W\d] holds "_" too, so an underscore needs no
# separator of its own: "[-_]" there made "a_b_c..." match in exponentially many ways)
_SECTION_SLUG: Final = re.compile(r"[^\W\d]+(?:-[^\W\d]+)*", re.UNICODE)


def is_section_link(item: Recommendation) -> bool:
    """Return True for an item that names a section of the site: a title of a few words
    and a path of at most two segments whose last is a slug without digits."""
    if item.url is None or len(item.title.split()) > MAX_SECTION_TITLE_WORDS:
        return False
    segments = [s for s in _url_path(item.url).split("/") if s]
    return (
        0 < len(segments) <= MAX_SECTION_SEGMENTS
        and _SECTION_SLUG.fullmatch(segments[-1].rsplit(".", 1)[0]) is not None
    )


def is_section_menu(block: Recommendations) -> bool:
    """Return True for an untitled block every item of which is a section of the site
    (:func:`is_section_link`): a menu of sections ("Crime | Politics | Infrastructure")
    that a news site repeats in its mega-menu and footer, not reading to recommend. A
    titled block ("See also") is left alone: its title says it was put there for the
    reader, and an encyclopedia's articles have the same short titles and paths."""
    return block.title is None and all(is_section_link(item) for item in block.items)


# The label of a previous/next article link before the article's title ("← Previous:
# Chasing Quick Fixes", "Next article: ...", "Vorheriger Artikel: ..."): the label is the
# box's, the title is the item's.
_PREV_NEXT_LABEL: Final = re.compile(
    r"^\W*(?:previous|prev|next|older|newer|vorheriger|nächster|précédent|suivant|anterior"
    r"|siguiente|próximo|precedente|successivo)(?:\s+(?:post|story|article|artikel|beitrag"
    r"|entry|article|articolo|artículo|notícia))?\s*[:\-–—»›→]+\s*(?=\w)",
    re.IGNORECASE,
)


def without_prev_next_label(item: Recommendation) -> Recommendation:
    """Return ``item`` with a previous/next label taken off the front of its title ("←
    Previous: Chasing Quick Fixes" is "Chasing Quick Fixes"); a label alone stays, as it
    is all the link says."""
    match = _PREV_NEXT_LABEL.match(item.title)
    if match is None:
        return item
    return attrs.evolve(item, title=item.title[match.end() :])


def without_non_article_items(blocks: list[Block]) -> list[Block]:
    """Return ``blocks`` with no item that :func:`non_article_item` rejects in their
    top-level recommendation blocks, without menus of the site's sections
    (:func:`is_section_menu`) and without the short section links of untitled blocks
    (:func:`is_short_section_link`); a block left without items goes.

    This runs once the article's blocks are final, so a dropped item's text goes with it:
    it never falls back into the body as a paragraph, and the body does not change.
    """
    cleaned = (
        _with_clean_titles(b) if isinstance(b, Recommendations) else b
        for b in _without_items(blocks, non_article_item)
    )
    out: list[Block] = []
    for b in cleaned:
        if isinstance(b, Recommendations):
            if is_section_menu(b):
                continue
            b = _without_section_links(b)
            if not b.items:
                continue
        out.append(b)
    return out


# A section's slug is a name of one or two words ("funding", "global-markets",
# "tech-and-gadgets" once its "and" is left out); an article's slug, even one without an id
# ("best-gaming-chairs", "death-stranding-on-pc-is-a-great-version"), has three or more.
MAX_SECTION_SLUG_WORDS: Final = 2
_SLUG_WORD_SPLIT: Final = re.compile(r"[-_]+")
_SLUG_JOINERS: Final = frozenset({"and", "und", "et", "y", "e", "i", "of", "the"})


def is_short_section_link(item: Recommendation) -> bool:
    """Return True for a section link (:func:`is_section_link`) whose last path segment is
    a name of at most :data:`MAX_SECTION_SLUG_WORDS` words ("/tech/funding", "/markets/
    global-markets"): a section for sure, even beside articles in one untitled block.

    :func:`is_section_link` alone also takes an article whose slug has no id
    ("/best-gaming-chairs/" under "Best chair for gaming"), which only a block made of
    nothing but such links (a menu: :func:`is_section_menu`) may lose.
    """
    if item.url is None or not is_section_link(item):
        return False
    segments = [s for s in _url_path(item.url).split("/") if s]
    words = _SLUG_WORD_SPLIT.split(segments[-1].rsplit(".", 1)[0].lower())
    return len([w for w in words if w and w not in _SLUG_JOINERS]) <= MAX_SECTION_SLUG_WORDS


def _without_section_links(block: Recommendations) -> Recommendations:
    """Return an untitled ``block`` without its short section links
    (:func:`is_short_section_link`): a footer's cloud or a mega-menu's column mixes the
    site's sections ("Funding", "Global markets") with a few of its stories. A titled
    block is left as it is (see :func:`is_section_menu`)."""
    if block.title is not None:
        return block
    items = tuple(item for item in block.items if not is_short_section_link(item))
    if len(items) == len(block.items):
        return block
    return attrs.evolve(block, items=items)


def _with_clean_titles(block: Recommendations) -> Recommendations:
    """Return ``block`` with its items' titles cleaned (:func:`without_prev_next_label`)."""
    items = tuple(without_prev_next_label(item) for item in block.items)
    if all(a is b for a, b in zip(items, block.items, strict=True)):
        return block
    return attrs.evolve(block, items=items)
