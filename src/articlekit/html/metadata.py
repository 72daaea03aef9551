"""Article metadata from a whole HTML page: title, authors, dates, site name and more.

Two stages, so that which source wins is data rather than statement order:

1. :func:`collect_candidates` walks the page's elements once (``meta``, ``link``,
   ``script[type=ld+json]``, ``time``, ``h1``, microdata, byline-like classes ...) and files
   every value it finds under a key ``"<source>:<name>"`` -- ``"og:title"``,
   ``"jsonld:author"``, ``"meta:description"``, ``"time:pubdate"``. The part before the
   first colon is the source recorded in :attr:`Metadata.sources` (``jsonld``, ``og``,
   ``twitter``, ``meta``, ``dc``, ``itemprop``, ``time``, ``byline``, ``rel-author``,
   ``rel-tag``, ``url``, ``h1``, ``title``, ``html-lang``, ``link-canonical``). Texts of
   links to the site's home page are filed as ``"home-link:text"``: evidence of the site's
   name for cleaning the title, never a field's value.
2. Each field takes the first usable value from its ordered tuple of keys
   (:data:`TITLE_SOURCES`, :data:`AUTHOR_SOURCES`, ...) and normalises it: dates to ISO 8601,
   languages to BCP 47 tags, authors to de-duplicated names without "By".

Everything here is pure: the tree is only read. Malformed or hostile input (broken JSON-LD,
huge attribute values, absurd dates) is skipped, never raised.
"""

from __future__ import annotations

import html
import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any, Final
from urllib.parse import urlsplit

from lxml import etree

from articlekit._caseless import CaseBlind
from articlekit._chars import replace_controls
from articlekit._months import month_numbers
from articlekit._zones import ZONE_AFTER_TIME, ZONE_NAMES, zone_offset
from articlekit.html.tree import join_url, percent_controls
from articlekit.model import FieldSource, Metadata

__all__ = [
    "AUTHOR_SOURCES",
    "CANONICAL_SOURCES",
    "DESCRIPTION_SOURCES",
    "IMAGE_SOURCES",
    "LANGUAGE_SOURCES",
    "LAST_FIRST_AUTHOR_SOURCES",
    "MODIFIED_SOURCES",
    "PUBLISHED_SOURCES",
    "SITE_NAME_SOURCES",
    "TAG_SOURCES",
    "TITLE_SOURCES",
    "UPDATE_SOURCE",
    "Candidates",
    "byline_names",
    "collect_candidates",
    "date_from_url",
    "extract_metadata",
    "first_name_first",
    "name_from_profile_url",
    "normalize_authors",
    "normalize_date",
    "normalize_language",
    "parse_jsonld",
    "strip_site_name",
]

#: Key -> values found on the page, in document order.
Candidates = dict[str, list[str]]

# --------------------------------------------------------------------------- precedence
# Each field takes the first key of its tuple that yields a usable value. The order follows
# what publishers fill in deliberately (structured data, then social cards, then generic
# meta names, then visible markup); it was checked against the readability-pages corpus
# (benchmarks/metadata_accuracy.py).

#: Title: structured data first; ``<title>`` last because it usually carries the site name.
#: When ``<title>`` is chosen and an ``<h1>`` is one of its separator-delimited parts, the
#: ``<h1>`` wins (it is the title without the site name); ``h1`` alone is the last resort.
TITLE_SOURCES: Final = (
    "jsonld:headline",
    "dc:title",
    "og:title",
    "twitter:title",
    "meta:parsely-title",
    "meta:title",
    "title:text",
    "h1:text",
)
#: The author source read off the labelled data of a link preview (:func:`_labelled_author`).
TWITTER_WRITTEN_BY: Final = "twitter:written-by"
AUTHOR_SOURCES: Final = (
    "jsonld:author",
    "dc:creator",
    # Dublin Core's creator written as a refinement ("DC.creator.name")
    "dc:creator.name",
    # scholarly pages: one <meta name="citation_author"> per author (Google Scholar's tags)
    "meta:citation_author",
    # the same in older or other scholarly tags: Highwire's list in one tag ("Smith,
    # John; Lee, Ann"), bepress Digital Commons' and EPrints repositories' one per author
    "meta:citation_authors",
    "meta:bepress_citation_author",
    "meta:eprints.creators_name",
    "meta:author",
    "meta:parsely-author",
    "meta:byl",
    "meta:sailthru.author",
    # cXense's tag, filled by the CMS for the site's analytics ("cXenseParse:author")
    "meta:cxenseparse:author",
    "og:article:author",
    "itemprop:author",
    "rel-author:text",
    # the "By Ann Lee" line just after the first <h1>: the article's own, where the first
    # byline-classed element may be a teaser's in a list of stories above or beside it
    "h1:byline",
    "byline:text",
    # other analytics and share plugins' tags a CMS fills with the byline (after the
    # visible bylines: some hold the publisher, "Thomson Reuters Tax & Accounting")
    "meta:article_author",
    "meta:article-author",
    "meta:shareaholic:article_author_name",
    "meta:analytics:author",
    "meta:analyticsattributes.author",
    "meta:vr:author",
    "meta:bc:authors",
    # the "Written by" pair of labelled data that an SEO plugin (Yoast) writes for link
    # previews: <meta name="twitter:label1" content="Written by"> and twitter:data1
    TWITTER_WRITTEN_BY,
    # last: the name in the address of the profile that ``article:author`` gives instead
    # of a name (".../editors/jon-fingas", ".../people/evan-halper"), as Open Graph meant
    "og:article:author-url",
)
PUBLISHED_SOURCES: Final = (
    "jsonld:datePublished",
    "og:article:published_time",
    "meta:parsely-pub-date",
    "dc:date",
    "dc:created",
    "dc:issued",
    "meta:date",
    "meta:pubdate",
    "meta:publishdate",
    "meta:publish-date",
    "meta:publish_date",
    "meta:published-date",
    "meta:published_date",
    "meta:publication-date",
    "meta:publication_date",
    # scholarly pages' citation tags (one per article, as `citation_author` is)
    "meta:citation_publication_date",
    "meta:citation_date",
    # the date a scholarly article went online, when its publication date is a year alone
    "meta:citation_online_date",
    # bepress Digital Commons' and EPrints repositories' own tags
    "meta:bepress_citation_date",
    "meta:eprints.date",
    # PRISM, the publishing industry's metadata (magazines, journals)
    "meta:prism.publicationdate",
    "meta:prism:publicationdate",
    "meta:article.published",
    "meta:article:published_time",
    "meta:sailthru.date",
    "itemprop:datePublished",
    "time:pubdate",
    # A date in the URL path is the publisher's own for this article; the first <time>
    # on the page may belong to a teaser or a comment, so it comes last.
    "url:date",
    # an element whose class names the publication date ("article-publish-date",
    # "published_date"): the page's own label, ahead of the first <time> on the page
    "class:published",
    # a label in an element of its own before the date ("<dt>Published</dt><dd>May 3,
    # 2021</dd>", "<strong>Veröffentlicht:</strong> 03.05.2021"): the page's own words
    "label:published",
    # the time in a link to the page's own address (a permalink: "<a href=this-page><time
    # ...>"), where the first time on the page may be a post's above it in a thread
    "time:permalink",
    "time:first",
    # a date written in the text just after the page's first <h1> ("Headline" then "By Ann
    # Lee, December 14, 2016"): the last resort of a page that declares none
    "h1:date",
    # a date line just before the first <h1> ("24. April 2020 | Politics" above the
    # headline), when none follows it
    "h1:before",
    # a bare "Date" or a "Release date" label before a date (a store's or an archive's
    # record of the item)
    "label:date",
    # the text of an element whose class or id names a date ("date", "post-date",
    # "newsDate", "date-header", "field--name-field-publishing-date"): when all else fails
    "class:date",
    # a date in the page's first byline element, after the name ("Post by ann » 21.01.2009,
    # 05:42" over a forum's opening post, "By Ann Lee | May 3, 2021")
    "byline:date",
    # last, the date of the last change under the headline ("Updated: Oct 9, 2019"),
    # when the page gives no other date: the closest to its publication it tells
    "h1:modified",
)
MODIFIED_SOURCES: Final = (
    "jsonld:dateModified",
    "og:article:modified_time",
    "og:updated_time",
    "dc:modified",
    "meta:prism.modificationdate",
    "meta:prism:modificationdate",
    "meta:last-modified",
    "meta:article.updated",
    "meta:article:modified_time",
    "itemprop:dateModified",
    "label:modified",  # "<dt>Last updated</dt><dd>...</dd>"
    "h1:modified",  # "Updated March 5, 2025" under the headline (_date_after)
)
#: The source recorded for ``published`` when the only date the page gives is that of
#: its last change ("Updated: May 3, 2021" under the headline): the publication was on
#: that day or before it. The date is kept, as the truths of the benchmarks take it
#: (Postlight's ``date_published``), and ``modified`` holds it too.
UPDATE_SOURCE: Final = "update"
SITE_NAME_SOURCES: Final = (
    "og:site_name",
    "jsonld:publisher",
    "meta:application-name",
    "meta:apple-mobile-web-app-title",
)
LANGUAGE_SOURCES: Final = (
    "html-lang:lang",
    "meta:content-language",
    "og:locale",
    "dc:language",
    "jsonld:inLanguage",
    "itemprop:inLanguage",
)
DESCRIPTION_SOURCES: Final = (
    "jsonld:description",
    "dc:description",
    "dc:description.abstract",  # Dublin Core's refinement (IETF drafts, repositories)
    "dc:abstract",  # dcterms.abstract
    "og:description",
    "meta:description",
    "twitter:description",
)
TAG_SOURCES: Final = (
    "og:article:tag",
    "meta:keywords",
    "meta:news_keywords",
    "meta:parsely-tags",
    "jsonld:keywords",
    "rel-tag:text",
)
IMAGE_SOURCES: Final = (
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
    "jsonld:image",
    "itemprop:image",
)
CANONICAL_SOURCES: Final = ("link-canonical:href", "og:url")
#: The candidates that are URLs: their control characters are percent-encoded, not dropped.
_URL_KEYS: Final = frozenset(IMAGE_SOURCES + CANONICAL_SOURCES)

# --------------------------------------------------------------------------- bounds
# Limits that keep hostile pages cheap. Real values are far below them: the longest
# description in readability-pages is ~700 characters, the largest JSON-LD script ~60 kB.
MAX_VALUE_CHARS: Final = 5_000  # longer meta/JSON-LD strings are ignored, not truncated
MAX_VALUES_PER_KEY: Final = 64
MAX_JSONLD_SCRIPT_CHARS: Final = 2_000_000
MAX_JSONLD_OBJECTS: Final = 500
MAX_JSONLD_DEPTH: Final = 12
MAX_AUTHORS: Final = 20
MAX_AUTHOR_CHARS: Final = 80
MAX_AUTHOR_WORDS: Final = 7
MAX_TAGS: Final = 50
MAX_TAG_CHARS: Final = 100
MAX_BYLINE_CHARS: Final = 200  # a "byline" element with more text is a container, not a byline
MAX_H1S: Final = 10
MAX_BYLINES: Final = 3  # byline elements read per page; later ones belong to teasers
MAX_BYLINE_JOINER_CHARS: Final = 5  # ", ", " and ", " & " between two names' elements
# Byline-like or itemprop=author elements whose text is read per page; real pages have a
# handful (readability-pages: at most 11 and 3), hostile ones thousands of nested ones.
MAX_CHECKED_ELEMENTS: Final = 100
MAX_AUTHOR_SCAN_NODES: Final = 100  # an author card is small; nested cards must stay linear
#: A title left after removing the site name must keep at least this many characters,
#: otherwise the site name is kept ("Mozilla - Wikipedia" stays whole).
MIN_STRIPPED_TITLE_CHARS: Final = 10
#: A site name found inside a title part ("Schweizerische Vogelwarte" for the host
#: vogelwarte.ch) must have this many letters and digits; shorter ones ("news", "blog") are
#: words of headlines too. Only a title's last part is searched, and only when it has at
#: most ``MAX_SITE_TAIL_WORDS`` words.
MIN_CONTAINED_SITE_CHARS: Final = 6
#: A last title part longer than this many words is a second clause of the headline
#: ("Rene Benko-Firma Signa in Sorge – Finanzdaten und Berater-Auftrag"), not a site name,
#: unless it is the declared name itself. The site names in readability-pages and
#: trafilatura-eval titles have at most 5 words ("Parco Nazionale d'Abruzzo, Lazio e Molise"
#: aside, which no rule here names).
MAX_SITE_TAIL_WORDS: Final = 5
#: Links to the site's home page read as the site's name ("V8", "Archive of Our Own"):
#: only the first few, and only short texts (a logo link, not a teaser).
MAX_HOME_LINKS: Final = 4
MAX_HOME_LINK_CHARS: Final = 60
#: Home links are looked for among the page's first anchors only (a logo link opens the
#: page): in readability-pages and trafilatura-eval the first one is the median page's
#: 2nd anchor and within the first 55 on 95% of the pages that have one; checking every
#: anchor cost ~5% more instructions in the metadata walk.
MAX_HOME_LINK_ANCHORS: Final = 60
#: An ``<h1>`` must have this many characters to replace a ``<title>`` that contains it.
MIN_H1_TITLE_CHARS: Final = 10
#: A kicker, the label set over a headline ("Olympische Spiele in Paris", "100.
#: Geburtstag", "Exclusive"), has at most this many words; a longer first part of a title
#: is a clause of the headline.
MAX_KICKER_WORDS: Final = 6
#: A shorter declared site name must keep this many letters and digits to replace a longer
#: one ("Spiceworks" for "Spiceworks Inc"); shorter ones ("Le" of "Le Monde") are fragments.
MIN_SITE_KEY_CHARS: Final = 4
EARLIEST_YEAR: Final = 1990  # the web; older dates on a page are rarely its publication date
LATEST_YEAR: Final = 2100

# --------------------------------------------------------------------------- vocabulary

# JSON-LD types in order of trust for the page's own metadata. Article pages often embed
# VideoObject or Recipe objects for side content, so those only count after true articles.
_ARTICLE_TYPES: Final = frozenset(
    {
        "article",
        "newsarticle",
        "blogposting",
        "report",
        "scholarlyarticle",
        "techarticle",
        "socialmediaposting",
        "liveblogposting",
        "discussionforumposting",
        "opinionnewsarticle",
        "analysisnewsarticle",
        "reportagenewsarticle",
        "reviewnewsarticle",
        "backgroundnewsarticle",
        "medicalwebpage",
    }
)
_WORK_TYPES: Final = frozenset({"creativework", "review", "howto", "recipe", "videoobject"})
_PAGE_TYPES: Final = frozenset({"webpage", "itempage", "aboutpage", "qapage", "collectionpage"})
_SITE_TYPES: Final = frozenset({"website", "organization", "newsmediaorganization", "corporation"})

# The label of an author's name in languages and forms the lead words below do not cover:
# "Autor/a:", "Autor(a):" (Spanish, Portuguese), "Autor*in:", "Autor:in:", "AutorIn:"
# (German), "Auteur·e :", "Auteur(e) :", "Auteure :" (French), "Autorka:" (Polish, Czech),
# "Autrice:", "Autori:" (Italian), "Författare:" (Swedish), "Forfatter:" (Danish,
# Norwegian), "Kirjoittaja:" (Finnish), "Yazar:" (Turkish), "Szerző:" (Hungarian). Only
# followed by a colon (``_BYLINE_PREFIX``): "Autor:Ingrid" is "Ingrid", not "-grid".
_AUTHOR_LABEL_WORDS: Final = (
    r"autor(?:[/_*:·.]in(?:nen)?|\(in(?:nen)?\)|innen|/a|\(a\)|/as|\(as\)|ka|ki|i|e|en)"
    r"|autor(?:in|es|a)?|auteur(?:[·.]e|\(e\)|e)?s?|autrice|autori|autore|author(?:s)?"
    r"|författare|forfatter|kirjoittaja|yazar|szerző"
)
# "By", "Von", "Par" ... in front of a byline, possibly followed by ":".
# Credits joined before one colon: "Text und Interview:", "Text & Fotos:", "Words and
# pictures:", "Texte et photos :" (the person named after it did both).
_CREDIT_WORDS: Final = (
    r"(?:text|texte|texto|tekst|words|interview|fotos?|photos?|photographs|bilder?|pictures"
    r"|illustrations?|recherche|research|reporting|grafik|video)"
)
_BYLINE_PREFIX: Final = re.compile(
    # the author's label in more languages and in its gender-inclusive forms, with its
    # colon (first: "Autor" alone would leave "/a:" of "Autor/a:")
    rf"^\s*(?:{_AUTHOR_LABEL_WORDS})\s*[:：]\s*|"
    rf"^\s*{_CREDIT_WORDS}(?:\s*(?:,|&|\+|\s(?:and|und|et|y|e|en|og|och|i))\s*{_CREDIT_WORDS})+"
    r"\s*[:：]\s*|"
    r"^\s*(?:(?:written|posted|words|story|reported|reporting|text|photos?)\s+by|"
    # the link to the author's archive in an author's box ("View all posts by Ann Lee")
    r"(?:view\s+)?(?:all|more)\s+(?:posts|articles|stories)\s+by|"
    # a forum's "Post by", "Beitrag von": run together ("Postby", "Beitragvon") where the
    # first word is an icon's text, hidden by the style sheet (phpBB)
    r"post\s*by|beitrag\s*von|"
    # "written by" in other languages: "erstellt von", "écrit par", "escrito por" ...
    r"(?:erstellt|verfasst|geschrieben|gepostet)\s+von|(?:écrit|rédigé)\s+par|"
    r"(?:escrito|redactado)\s+por|scritto\s+da|geschreven\s+door|napisane\s+przez|"
    r"by|von|par|por|di|door|"
    r"przez|av|af|от|від|автор(?:ы)?|author(?:s)?|autor(?:in|es|a)?|auteur|autore|text|texto|"
    r"texte|tekst|текст)\b\s*:?\s*|^\s*(?:作者|文|記者|记者)\s*[:：]?\s*",
    re.IGNORECASE,
)
# A label that also opens surnames: the Italian "by" ("Di Mario Rossi") and "Di Maio",
# "Di Caprio" (:func:`_without_byline_label`).
_SURNAME_LABELS: Final = frozenset({"di"})
# Words that join two names: "A and B", "A und B", "A et B" ...
_AUTHOR_JOINERS: Final = re.compile(
    r"\s+(?:and|&|und|et|y|e|i|en|og|och|és|a|и|та)\s+|\s*[;/|]\s*|\s*、\s*", re.IGNORECASE
)
# Co-authors named in brackets after the first: "A (avec B et C)", "A (with B)", "A (mit B)".
_BRACKETED_COAUTHORS: Final = re.compile(
    r"\s*\(\s*(?:with|avec|mit|con|com|met|med|sammen\s+med)\s+([^()]+)\)", re.IGNORECASE
)
# The same without brackets, "Dieter Hogen with Uta Pippig", "Ann Lee mit Bo Chen": a
# co-author only when a name of two capitalised words follows (:func:`_coauthor_joined`).
# (lower case only: "Con", "Med" may be names' own words)
_WITH_COAUTHOR: Final = re.compile(r"\s+(?:with|avec|mit|con|com|met|med)(?:\s+|$)")
_AUTHOR_NOISE: Final = re.compile(
    r"https?:|www\.|@|\.com\b|\.org\b|\d|©|\bcopyright\b|rights\s+reserved", re.IGNORECASE
)
# An account name with digits, as a blog's or a forum's software declares its author
# ("happyface313", "delta201", "Marianne1"): one word, letters first, digits at its end.
# Kept when declared (JSON-LD, meta tags); digits elsewhere mean a date or an id.
_DECLARED_HANDLE: Final = re.compile(r"[^\W\d_]{2,}[^\W_]*\d{1,4}")
# A byline label run into the name by markup without a space ("AuthorAndreas Kalt" from
# "<span>Author</span><a>Andreas Kalt</a>"): the label, then a capital letter.
_GLUED_BYLINE_LABEL: Final = re.compile(r"^(?:[Aa]uthor|[Aa]utor(?:in)?|[Bb]y|[Vv]on)(?=[A-Z])")
# Accounts a CMS fills in when nobody is named, and byline labels left without a name
# ("Posted" before a date link): never a person.
_PLACEHOLDER_AUTHORS: Final = frozenset(
    {"admin", "administrator", "publisher", "webmaster", "root", "user", "guest", "author"}
    | {"unknown", "anonymous", "anonym", "anonyme", "anónimo", "anonimo", "unbekannt"}
    | {"none", "null", "n/a", "posted", "gepostet", "geschrieben", "verfasst", "гость"}
    # a script's empty value, a forum's system account, a CMS's default team account
    | {"undefined", "system", "team"}
    # an author box's heading and the account links a byline element holds beside it
    | {"the author", "about the author", "sign in", "log in", "login", "sign up"}
    | {"my account", "register", "subscribe"}
)
_URL_IN_TEXT: Final = re.compile(r"\(?\s*(?:https?://|www\.)\S*\s*\)?", re.IGNORECASE)
# An e-mail address beside the name ("Jan Hvizdak, jan@example.org", "Ann Lee
# (ann@example.org)"): it goes as a URL does, and the name stays.
_EMAIL_IN_TEXT: Final = re.compile(r"[<(]?[\w.+-]+@[\w-]+(?:\.[\w-]+)+[>)]?")
# Lower-case words a personal name may contain ("Michiel de Jong", "Ludwig van Beethoven").
_NAME_PARTICLES: Final = frozenset(
    {"de", "del", "della", "der", "di", "da", "das", "do", "dos", "du", "la", "le", "van"}
    | {"von", "den", "ten", "ter", "zu", "bin", "ibn", "al", "el", "y", "e", "et", "st"}
)
# Words that make a byline part a role or a desk, not a person ("Games Editor", "Staff").
_ROLE_WORDS: Final = frozenset(
    {"editor", "editors", "reporter", "reporters", "correspondent", "correspondents"}
    | {"writer", "writers", "staff", "contributor", "contributors", "columnist", "producer"}
    | {"journalist", "journalists", "redaktion", "redakteur", "redakteurin", "rédaction"}
    | {"rédacteur", "rédactrice", "redacción", "redação", "redazione", "newsroom", "desk"}
    | {"agency", "manager", "director", "photographer"}
    # an author card's job title beside the name ("Master Horticulturalist & Garden
    # Educator", "Digital Security Expert", "Senior Analyst"), and the reporter's,
    # writer's and editor's titles of other languages ("Periodista", "Redattrice",
    # "Korrespondentin", "Dziennikarka", "Skribent")
    | {"expert", "experts", "specialist", "educator", "horticulturalist", "horticulturist"}
    | {"analyst", "strategist", "consultant", "dietitian", "nutritionist", "freelancer"}
    | {"periodista", "redactor", "redactora", "reportero", "reportera", "corresponsal"}
    | {"colaborador", "colaboradora", "columnista", "jornalista", "repórter", "colunista"}
    | {"giornalista", "redattore", "redattrice", "corrispondente", "collaboratore"}
    | {"collaboratrice", "journaliste", "correspondant", "correspondante", "chroniqueur"}
    | {"chroniqueuse", "reporterin", "korrespondent", "korrespondentin", "kolumnist"}
    | {"kolumnistin", "chefredakteur", "chefredakteurin", "redacteur", "verslaggever"}
    | {"redaktor", "redaktorka", "dziennikarz", "dziennikarka", "redaktör", "skribent"}
)
_WEEKDAYS: Final = (
    "monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|"
    "donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
)
# Text after these in a byline element is a date, a role or a share bar, not a name.
_BYLINE_CUT: Final = re.compile(
    r"[|•·⋅∙‧｜¦\d(\[]|\s[-–—@]\s|\b(?:last\s+)?(?:updated|published|modified)\b|"
    # a second credit after a label ("Text: Ann Lee, Fotos: Bo Chen")
    r"\b(?:fotos?|photos?|bilder?|illustrations?|il+ustrat(?:or|orin|eur|rice|ore)|"
    r"grafik(?:en)?|video|kamera|camera|"
    r"übersetzung|translation|traduction|traducción|tradução|traduzione)\s*:|"
    # the same date labels in other languages ("Stand:" is German for "as of")
    # and a bare date label ("Ann Lee, Datum: 3.5.2021")
    r"\b(?:stand\s*:|(?:date|datum|fecha|data|дата)\s*:|"
    r"aktualisiert|veröffentlicht|publié|mis\s+à\s+jour|actualizado|"
    r"publicado|atualizado|aggiornato|pubblicato|opublikowano|zaktualizowano)|"
    # a second credit on the same line: "Written by A Edited by B", "A; Editing by B"
    r"\b(?:edited|editing|photos?|photographs?|illustrations?|graphics|translated|produced|"
    r"additional\s+reporting|fact[- ]checked|reviewed)\s+by\b|"
    # ... and in German and French ("Text von Ann Lee Illustration von Bo Chen")
    r"\b(?:fotos?|bilder?|illustrations?|grafik(?:en)?)\s+(?:von|par)\b|"
    r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d|"
    rf"\b(?:{_WEEKDAYS})\b|"
    # the outlet or the place after the names ("By Ann Lee for The Daily Planet", "Par
    # Ann Lee pour Le Monde", "By Ann Lee in Paris"), or the category after them ("Ann
    # Lee in Politics", "Ann Lee dans Société", "Ann Lee em Notícias"): lower case, as
    # no name's own word is ("For" and "In" may be), also at the end, the category's
    # link left out of the text ("By Ann Lee in")
    r"\s(?-i:for|für|pour|para|in|dans|em)(?:\s|$)|"
    # ... and capitalised before a capitalised category ("Par Ann Lee Dans Politique";
    # "In" there may be a Korean name's own word; as the last word see _TRAILING_IN)
    r"\s(?-i:Dans|Em)\s(?=[A-ZÀ-Ý])|"
    # a handle or an e-mail address after the name ("By Ann Lee @annlee", "Ann Lee
    # ann.lee@example.org"), or a handle run into it ("April Glaser@aprilaser": a
    # letter before the "@" and no domain after it)
    r"\s@\w|\s[\w.+-]+@[\w-]+\.\w|(?<=[^\W\d_])@\w",
    re.IGNORECASE,
)
# A class word naming a byline, in English, German, Spanish, Italian, Polish ("autor",
# "autore") or French and Dutch ("auteur"), after a separator or a camelCase boundary
# ("liveArticleAuthorBlock"); "autor" as a whole word ("autorefs", "autoresize" are not),
# "author" not as the start of "authorized", "authority" or "authoring" (a shop's
# "authorized-dealer-link"), "writer" not across a camelCase boundary (a shop's
# "writeReview-productDetails" is "write" and "Review").
_BYLINE_CLASS: Final = re.compile(
    r"byline|autor(?:en)?zeile"  # the German word for a byline
    r"|(?:^|[\s_-])(?:author(?!i[sz]|it|ing)|(?-i:[Ww]riter|WRITER)|byl"
    r"|autor(?:e|es|en|in|a|s)?(?![a-z])|auteur|verfasser)"
    r"|(?-i:[a-z](?:Author|Byline|Writer|Auteur|Autor(?![a-z])))",
    re.IGNORECASE,
)
# WordPress's post classes carry the post's tags and categories as slugs ("tag-bylmeetswiser",
# "category-writers-corner"): words of the post's topic, not a byline's class.
_TAXONOMY_CLASS: Final = re.compile(r"(?:^|(?<=\s))(?:tag|category)-\S*")
# The address of a category's or a tag's archive ("/blog/category/tools", "/tag/ai/"):
# a byline element whose whole text links there names a section, not a person.
_TAXONOMY_HREF: Final = re.compile(r"/(?:category|categories|tag|tags)/", re.IGNORECASE)
# ("author-email": an address, not a name). Case-blind through CaseBlind: compiled with
# ``re.IGNORECASE`` the engine tried all eight words at every character, ~10 us for a
# byline element's 40 characters of class names, ~1 us on the names lower-cased.
_NOT_BYLINE_CLASS: Final = CaseBlind(r"comment|avatar|bio|about|box|related|more|mail")

# Separators between a title and its site name: "A | S", "A - S", "A – S", "A :: S" ...
# A match starts at the first space of a run ("(?<!\s)"): started at every space of a long
# run, as ``strip_site_name`` may be given one, the search took quadratic time.
_TITLE_SEPARATOR: Final = re.compile(r"(?<!\s)(?:\s+(?:[|\-–—·•»›/]|::|\\)\s+|\s*[|｜_]\s*(?=\S))")
# The colons of a title. A colon is no title separator ("Title: Subtitle"), but a last
# part after the last colon that is the site's name is the site's.
_COLONS: Final = (":", "：")
# A bracketed last part of a title: "Chapter 1 [Archive of Our Own]", "Article (Site)".
_BRACKET_TAIL: Final = re.compile(r"(?<!\s)\s*(?:\[([^\[\]]{2,80})\]|\(([^()]{2,80})\))\s*$")
# Nouns that end the name of a site ("My website", "MyOOS Community Forum", "Tech Blog",
# "Schweizer Jäger Online"): a title's last part ending in one names the site, not the story.
_SITE_NOUNS: Final = frozenset(
    {"website", "site", "homepage", "blog", "weblog", "forum", "forums", "wiki", "online"}
    | {"webseite", "webseiten", "sitio", "portal", "blogue", "blogg"}
)
# A title part that is a host name: "Gipfelbuch.ch", "Example.com", "heise.de".
_DOMAIN_NAME: Final = re.compile(r"^(?:www\.)?[^\W_](?:[\w-]*\w)?(?:\.[\w-]+)*\.[a-z]{2,6}$", re.I)
# Texts of home-page links that are navigation, not the site's name.
_HOME_WORDS: Final = frozenset(
    {"home", "homepage", "start", "startseite", "accueil", "inicio", "início", "home page"}
    | {"główna", "strona główna", "главная", "首页", "ホーム", "index", "back", "top"}
)
# Transliterations that hosts use for letters their names have ("jaeger" for "Jäger").
_HOST_SPELLING: Final = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "æ": "ae"})
_SKIP_TEXT_TAGS: Final = frozenset({"script", "style", "noscript", "template"})
_PERMALINK_MARKS: Final = "¶§#🔗⚓"
_BREAK_TAGS: Final = frozenset({"br", "p", "div", "li", "td", "th", "tr", "h1", "h2", "h3", "h4"})
_LANG_TAG: Final = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def _more_month_names(*months: tuple[str, ...]) -> dict[str, int]:
    """Return a table from each name of ``months`` (January's names first) to its month."""
    return {name: number for number, names in enumerate(months, start=1) for name in names}


_ISO_DATE: Final = re.compile(
    r"^\s*(?P<y>\d{4})-?(?P<m>\d{2})-?(?P<d>\d{2})"
    r"(?:[T\s]+(?P<H>\d{2}):?(?P<M>\d{2})(?::?(?P<S>\d{2})(?:[.,]\d+)?)?"
    r"\s*(?P<tz>Z|(?:UTC|GMT)?[+-]\d{2}(?::?\d{2})?|[+-]\d{3}|UTC|GMT)?"
    # the zone's name after its offset, as Go's time.String writes it ("+0000 UTC")
    r"(?:(?:(?<=[+-]\d{4})|(?<=[+-]\d\d:\d\d))\s+[A-Z]{3,5})?)?\s*$",
    re.IGNORECASE,
)
# An ISO 8601 date and time followed by a zone's name instead of an offset
# ("2016-12-13T18:06:00 EST", "2024-03-01 09:30 (CET)"), as some CMSs print a local time.
_ISO_NAMED_ZONE: Final = re.compile(
    r"\s*(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})[T\s]+(?P<H>\d{2}):(?P<M>\d{2})"
    r"(?::(?P<S>\d{2})(?:[.,]\d+)?)?"
)
# (with the time that may follow: "2016/12/13 18:06:00")
_SLASH_DATE: Final = re.compile(
    r"^\s*(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})"
    r"(?:\s+(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?)?\s*$"
)
# (with the Portuguese "fevereiro", "março" without its cedilla and "März" without its
# umlaut, which the text reader lacks: see articlekit._months)
_MONTHS: Final = month_numbers(
    # Dutch, Polish, Russian and Ukrainian month names, as dates are written in them ("3
    # mei 2021", "3 maja 2021", "15 августа 2016", "15 серпня 2016": the genitive after
    # the day, and the nominative), read by the metadata only (see articlekit._months)
    _more_month_names(
        ("januari", "stycznia", "styczeń", "января", "январь", "січня", "січень"),
        ("februari", "lutego", "luty", "февраля", "февраль", "лютого", "лютий"),
        ("maart", "marca", "marzec", "марта", "март", "березня", "березень"),
        ("kwietnia", "kwiecień", "апреля", "апрель", "квітня", "квітень"),
        ("mei", "maja", "maj", "мая", "май", "травня", "травень"),
        ("czerwca", "czerwiec", "июня", "июнь", "червня", "червень"),
        ("lipca", "lipiec", "июля", "июль", "липня", "липень"),
        ("augustus", "sierpnia", "sierpień", "августа", "август", "серпня", "серпень"),
        ("września", "wrzesień", "сентября", "сентябрь", "вересня", "вересень"),
        ("października", "październik", "октября", "октябрь", "жовтня", "жовтень"),
        ("listopada", "listopad", "ноября", "ноябрь", "листопада", "листопад"),
        ("grudnia", "grudzień", "декабря", "декабрь", "грудня", "грудень"),
    )
)
_WORDY_DATE: Final = re.compile(
    r"(?:(?P<d1>\d{1,2})(?:st|nd|rd|th)?\.?\s+(?:de\s+)?(?P<m1>[^\W\d_]{3,12})\.?,?\s+(?:de\s+)?"
    r"(?P<y1>\d{4})|(?P<m2>[^\W\d_]{3,12})\.?\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y2>\d{4}))"
    r"(?:,?\s+(?:at\s+)?(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?\s*(?P<ampm>[ap]\.?m\.?)?)?",
    re.IGNORECASE,
)
_URL_DATE: Final = re.compile(
    r"/(?P<y>(?:19|20)\d{2})[/-](?P<m>[01]?\d)[/-](?P<d>[0-3]?\d)(?:[/_.-]|$)"
    r"|/(?P<y2>(?:19|20)\d{2})(?P<m2>[01]\d)(?P<d2>[0-3]\d)(?:/|$)"
)

# A path segment that is a date alone, year last ("/29-10-2021", "/12-14-2016.html").
_URL_DATE_SEGMENT: Final = re.compile(r"/(\d{1,2}-\d{1,2}-(?:19|20)\d{2})(?:\.html?)?(?:/|$)")

# --------------------------------------------------------------------------- small helpers


def _clean(value: str | None) -> str:
    """Return ``value`` with entities decoded, whitespace collapsed, ends stripped
    (control characters are dealt with in the fields chosen: :func:`_without_controls`)."""
    if not value:
        return ""
    if "&" in value:
        value = html.unescape(value)
    return " ".join(value.split())  # (a \s+ substitution and a strip, without a regex)


def _without_controls(value: str | None) -> str | None:
    """Return a chosen field's ``value`` with its control characters dealt with
    (:func:`articlekit._chars.replace_controls`): once a field, not for each of the ~130
    candidates a page offers."""
    if not value or value.isprintable():
        return value
    return " ".join(replace_controls(value).split()) or None


# Everything but letters and digits: ``\W`` and ``_`` are exactly the characters for which
# ``str.isalnum()`` is False (checked over all of Unicode); one substitution in C instead
# of a Python step per character.
_NOT_ALNUM: Final = re.compile(r"[\W_]+")


# ASCII text's own key, by one ``str.translate`` (ASCII is its own NFKC form, its case
# folding is ``lower``): a regex substitution cost ~9,000 instructions a key.
_ASCII_NOT_ALNUM: Final = {code: None for code in range(128) if not chr(code).isalnum()}


def _key(text: str) -> str:
    """Return a comparison key: case-folded letters and digits only."""
    if text.isascii():
        return text.lower().translate(_ASCII_NOT_ALNUM)
    return _NOT_ALNUM.sub("", unicodedata.normalize("NFKC", text).casefold())


def _source_of(key: str) -> str:
    return key.split(":", 1)[0]


def _add(cands: Candidates, key: str, value: object) -> None:
    """File ``value`` under ``key`` when it is a non-blank string within the limits."""
    if not isinstance(value, str) or len(value) > MAX_VALUE_CHARS * 2:
        return
    values = cands.get(key)
    if values is None:
        values = cands[key] = []
    elif len(values) >= MAX_VALUES_PER_KEY:
        return
    text = _clean_url(value) if key in _URL_KEYS else _clean(value)
    if text and len(text) <= MAX_VALUE_CHARS:
        values.append(text)


def _clean_url(value: str) -> str:
    """Return an image's or a canonical URL's ``value`` as :func:`_clean` does, its
    control characters dealt with as in a body link's (docs/model.md): tabs and line ends
    dropped, the others percent-encoded (``/a%01b``), none at its ends
    (:func:`articlekit.html.tree.percent_controls`)."""
    if "&" in value:
        value = html.unescape(value)
    if not value.isprintable():
        value = percent_controls(value)
    return " ".join(value.split())


def _text_of(
    el: etree._Element, limit: int = MAX_VALUE_CHARS, item: str = " ", line: str = " "
) -> str:
    """Return the text inside ``el`` (scripts, styles and comments left out), or "" when it
    exceeds ``limit`` characters: such an element is a container, not a title or a byline,
    and stopping early keeps nested containers from costing quadratic time.

    ``item`` is put before each list item: a byline's text asks for "; ", as a list of
    names ("<li>Ann Lee</li><li>Bo Chen</li>", commas drawn by the style sheet) names
    several people, and a list of a name and a role or a date sets them apart. ``line``
    stands for a ``<br>`` ("Ann Lee<br>Senior Correspondent" in a byline element)."""
    parts: list[str] = []
    size = 0
    for node in el.iter():
        tag = node.tag
        if tag in _BREAK_TAGS:  # "Name<br>Date" must not read "NameDate"
            parts.append(item if tag == "li" else line if tag == "br" else " ")
        # (each text read once: lxml makes a new string every time)
        if isinstance(tag, str) and tag not in _SKIP_TEXT_TAGS and (text := node.text):
            parts.append(text)
            size += len(text)
        if node is not el and (tail := node.tail):
            parts.append(tail)
            size += len(tail)
        if size > limit:
            return ""
    return "".join(parts)


def _parts_apart(el: etree._Element, text: str) -> str:
    """Return the short ``text`` of ``el`` with its elements' texts set apart by spaces,
    as a date badge draws them in boxes of their own (``<span class="month">Apr</span>
    <span class="day">04</span><span class="year">2013</span>`` reads "Apr 042013"
    run together: "Apr 04 2013"); ``text`` itself when ``el`` has no child element."""
    if len(el) == 0:
        return text
    parts: list[str] = []
    for node in el.iter():
        if isinstance(node.tag, str) and node.tag not in _SKIP_TEXT_TAGS and node.text:
            parts.append(node.text.strip())
        if node is not el and node.tail:
            parts.append(node.tail.strip())
    return " ".join(part for part in parts if part)


def _attr(el: etree._Element, name: str) -> str:
    value = el.get(name)
    return value if isinstance(value, str) else ""


# --------------------------------------------------------------------------- normalisation


def _valid_year(year: int) -> bool:
    return EARLIEST_YEAR <= year <= LATEST_YEAR


def _offset(tz: str | None) -> timezone | None:
    if not tz:
        return None
    tz = tz.upper()
    if tz in ("Z", "UTC", "GMT"):
        return timezone.utc
    tz = tz.removeprefix("UTC").removeprefix("GMT")  # "GMT+01:00"
    sign = -1 if tz[0] == "-" else 1
    digits = tz[1:].replace(":", "")
    if len(digits) == 3:  # "-500": an offset written without its leading zero
        digits = "0" + digits
    hours, minutes = int(digits[:2]), int(digits[2:4] or 0)
    if hours > 23 or minutes > 59:
        raise ValueError(f"bad offset {tz!r}")
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _render(
    year: int,
    month: int,
    day: int,
    hour: str | None,
    minute: str | None,
    second: str | None,
    tz: str | None,
) -> str | None:
    if not _valid_year(year):
        return None
    try:
        if hour is None:
            return datetime(year, month, day).date().isoformat()
        stamp = datetime(
            year, month, day, int(hour), int(minute or 0), int(second or 0), tzinfo=_offset(tz)
        )
    except ValueError:
        return None
    return stamp.isoformat(timespec="seconds")


def normalize_date(value: str) -> str | None:
    """Return ``value`` as an ISO 8601 date or datetime string, or None if it is no date.

    A datetime keeps the offset it was given (``Z`` becomes ``+00:00``; none stays none) and
    drops fractions of a second. Accepted: ISO 8601 and its compact forms, ``2024/10/31``,
    RFC 2822 (``Thu, 31 Oct 2024 10:00:00 +0100``) and written dates in several languages
    (``October 31, 2024``, ``31 octobre 2024``, ``31. Oktober 2024 10:00``), dates in
    Chinese, Japanese and Korean (``2019年4月4日 09:00``) and year-first numeric dates
    inside a text (``公開日：2019/04/04(木) 14:30``). Years outside 1990-2100 are
    rejected.
    """
    text = _clean(value)[:100]
    if not text:
        return None
    match = _ISO_DATE.match(text)
    if match:
        return _render(
            int(match["y"]),
            int(match["m"]),
            int(match["d"]),
            match["H"],
            match["M"],
            match["S"],
            match["tz"],
        )
    named = _iso_named_zone(text)
    if named is not None:
        return named
    match = _SLASH_DATE.match(text)
    if match:
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
        return _render(year, month, day, match["H"], match["M"], match["S"], None)
    if re.match(r"^[A-Za-z]{3},\s", text):
        try:
            stamp = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError, OverflowError):
            stamp = None
        if stamp is not None and _valid_year(stamp.year):
            return stamp.isoformat(timespec="seconds")
    if text.isdigit():
        return _epoch_date(text)
    return (
        _wordy_date(text)
        or _dotted_date(text)
        or _cjk_date(text)
        or _ordered_date(text)
        or _year_first_date(text)
        or _year_first_numeric_date(text)
    )


def _iso_named_zone(text: str) -> str | None:
    """Return an ISO date and time whose zone is written as its name ("... 18:06:00 EST")
    with the offset that name means at that time, or None for any other text."""
    match = _ISO_NAMED_ZONE.match(text)
    if match is None:
        return None
    zone = ZONE_AFTER_TIME.match(text, match.end())
    if zone is None or text[zone.end() :].strip(" )") != "":
        return None
    try:
        local = datetime(
            int(match["y"]), int(match["m"]), int(match["d"]), int(match["H"]), int(match["M"])
        )
    except ValueError:
        return None
    if not _valid_year(local.year):
        return None
    offset = zone_offset(zone, local)
    return _render(local.year, local.month, local.day, match["H"], match["M"], match["S"], offset)


# A date written year first with the month's name, as a whole text: "2023 Jan 7", "2024
# June 30" (scholarly citation tags and PubMed write it so).
_YEAR_FIRST_DATE: Final = re.compile(
    r"(?P<y>\d{4})\s+(?P<m>[^\W\d_]{3,12})\.?\s+(?P<d>\d{1,2})", re.IGNORECASE
)


def _year_first_date(text: str) -> str | None:
    """Return the date of a whole text written year, month name, day, or None."""
    match = _YEAR_FIRST_DATE.fullmatch(text)
    if match is None:
        return None
    month = _MONTHS.get(match["m"].casefold())
    if month is None:
        return None
    return _render(int(match["y"]), month, int(match["d"]), None, None, None, None)


#: Digits of a Unix time in seconds (10: from September 2001) or in milliseconds (13), as
#: JavaScript writes it (``Date.now()``, ``data-time-ms="1466522845000"``). Fewer digits
#: are a count or an id as often as a time, and years before 2001 are rarely written so.
_EPOCH_DIGITS: Final = frozenset({10, 13})


def _epoch_date(digits: str) -> str | None:
    """Return the Unix time ``digits`` (seconds or milliseconds) as a UTC datetime, or
    None when it has another length (``20240131`` is the compact ISO form, read above)."""
    if len(digits) not in _EPOCH_DIGITS or not digits.isascii():
        return None
    seconds = int(digits) // (1000 if len(digits) == 13 else 1)
    stamp = datetime.fromtimestamp(seconds, tz=timezone.utc)
    if not _valid_year(stamp.year):
        return None
    return stamp.isoformat(timespec="seconds")


# A date written day first with points (German, Polish, Russian, Czech, ... and many CMS
# date fields: "19.11.2021", "Veröffentlicht am 19.11.2021, 10:15 Uhr", "5. 3. 2024 um
# 9:02"): the order is always day, month, year (no locale writes month first with points).
_DOTTED_DATE: Final = re.compile(
    r"(?<![\d.])(?P<d>\d{1,2})\.\s?(?P<m>\d{1,2})\.\s?(?P<y>\d{4})(?!\d|\.\d)"
    r"(?:,?\s+(?:um\s+|à\s+|o\s+|в\s+|at\s+)?(?P<H>\d{1,2})[:.](?P<M>\d{2})(?![\d.])"
    r"(?::(?P<S>\d{2}))?)?"
)


# A dotted date with a two-digit year as a whole text ("23.09.22", "23.09.22, 10:15"), as
# date fields of German-speaking CMSs print it: the year is 20yy. Never inside a longer
# text, where "1.2.22" is as often a version number.
_SHORT_DOTTED_DATE: Final = re.compile(
    r"^(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{2})(?:,?\s+(?P<H>\d{1,2}):(?P<M>\d{2}))?$"
)


def _dotted_date(text: str) -> str | None:
    short = _SHORT_DOTTED_DATE.match(text)
    if short is not None:
        return _render(
            2000 + int(short["y"]), int(short["m"]), int(short["d"]), short["H"], short["M"],
            None, None,
        )  # fmt: skip
    return _numeric_date(_DOTTED_DATE, text)


def _numeric_date(pattern: re.Pattern[str], text: str) -> str | None:
    """Return the first date ``pattern`` finds in ``text``, rendered, or None. The pattern
    names its parts ``y``, ``m``, ``d`` and, optionally, ``H``, ``M`` and ``S``."""
    match = pattern.search(text)
    if match is None:
        return None
    parts = match.groupdict()
    return _render(
        int(parts["y"]), int(parts["m"]), int(parts["d"]), parts.get("H"), parts.get("M"),
        parts.get("S"), None,
    )  # fmt: skip


# A date as Chinese, Japanese and Korean pages write it: "2019年4月4日", "2019年02月22日
# 14時30分", "2019년 4월 4일 09:00", with an optional weekday in brackets before the time
# ("2019年4月4日(木) 09:00"). Full-width digits are digits to ``\d`` and ``int``.
_CJK_DATE: Final = re.compile(
    r"(?<!\d)(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]"
    r"(?:\s*[(（][^)）]{1,4}[)）])?"
    r"(?:\s*(?P<H>\d{1,2})\s*[:：時시]\s*(?P<M>\d{2})(?!\d))?"
)


def _cjk_date(text: str) -> str | None:
    return _numeric_date(_CJK_DATE, text)


# A date written year first with slashes or points inside a text ("2019/04/04 09:00 公開",
# "公開日：2019.04.04(木) 14:30", "2019/04/04 Thu"), as Japanese, Chinese and Korean pages
# print it; a weekday in brackets or as a word may stand before the time. Only a year of
# 19xx or 20xx, and nothing run into it: "v2019.04.04.1" and "/2019/04/04/" are no dates
# here (a whole text "2019/04/04" is ``_SLASH_DATE``'s).
_YEAR_FIRST_NUMERIC: Final = re.compile(
    r"(?<![\w/.])(?P<y>(?:19|20)\d{2})(?P<sep>[/.])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?![\w/]|\.\d)(?:\s*[(（][^)）\d]{1,4}[)）]|\s+(?i:[a-z]{3,9})\.?(?![\w.]))?"
    r"(?:\s*(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?!\d)"
    r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?)(?![A-Za-z]))?)?"
)


def _year_first_numeric_date(text: str) -> str | None:
    """Return the first year-first numeric date in ``text`` (:data:`_YEAR_FIRST_NUMERIC`),
    with its time, rendered, or None; after a word that is no weekday, the day alone."""
    match = _YEAR_FIRST_NUMERIC.search(text)
    if match is None:
        return None
    day = int(match["y"]), int(match["m"]), int(match["d"])
    word = match.group(0)[match.end("d") - match.start() :].split(None, 1)
    if word and word[0][:1].isalpha() and word[0].rstrip(".").casefold() not in _WEEKDAY_SET:
        return _render(*day, None, None, None, None)  # (a word that is no weekday: the day)
    hour = match["H"]
    if hour is not None and match["ampm"]:  # "2022.04.28 05:03 pm"
        hour = str(int(hour) % 12 + (12 if match["ampm"][0].lower() == "p" else 0))
    return _render(*day, hour, match["M"], match["S"], None)


_WEEKDAY_WORDS: Final = rf"{_WEEKDAYS}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"
_WEEKDAY_SET: Final = frozenset(_WEEKDAY_WORDS.split("|"))
# A time after the date that the date pattern leaves: set apart by a mark ("Dec 13, 2016
# | 6:06 PM EST", "Dec. 13, 2016 / 6:06 PM ET", "13 December 2016 • 6:06pm") or written
# with a point ("Mon 3 May 2021 14.15 BST", where the zone tells it from other numbers).
_TIME_AFTER: Final = re.compile(
    r"(?:,?\s+(?:at\s+)?|\s*[|/•·–—-]\s*(?:at\s+)?)(?P<H>\d{1,2})(?P<sep>[:.])(?P<M>\d{2})"
    r"(?::(?P<S>\d{2}))?(?!\d)(?:\s*(?P<ampm>[ap]\.?m\.?)(?![A-Za-z]))?",
    re.IGNORECASE,
)


def _time_after(text: str, end: int) -> re.Match[str] | None:
    """Return the match of a time just after the date that ends at ``end`` in ``text``
    (:data:`_TIME_AFTER`), or None; one with a point needs a zone after it."""
    match = _TIME_AFTER.match(text, end)
    if match is None or match["sep"] == ":":
        return match
    return match if ZONE_AFTER_TIME.match(text, match.end()) is not None else None


# A time written before its date ("10:15 AM EDT May 3, 2021", "4:21 PM ET, Thu March 9,
# 2017", "9:02 a.m. on May 3, 2021", "14.15 BST, 3 May 2021"): with "am"/"pm" or a zone,
# then only separators, "on" and a weekday up to the date (the end of the text searched).
_TIME_BEFORE: Final = re.compile(
    r"(?<![\d:.])(?P<H>\d{1,2})(?P<sep>[:.])(?P<M>\d{2})(?::(?P<S>\d{2}))?"
    rf"(?:\s*(?P<ampm>[ap]\.?m\.?)(?![A-Za-z]))?(?:\s*\(?(?-i:(?P<zone>{ZONE_NAMES}))\)?(?![A-Za-z]))?"
    rf"[\s,|·•-]*(?:on\s+)?(?:(?:{_WEEKDAY_WORDS})\.?,?\s+)?$",
    re.IGNORECASE,
)


def time_before(text: str, end: int) -> re.Match[str] | None:
    """Return the match of a time written just before the date that starts at ``end`` in
    ``text`` (:data:`_TIME_BEFORE`), or None; a time with a point ("14.15") needs its zone,
    and one with neither "am"/"pm" nor a zone is no time ("12:30 May 3": a score, a
    chapter)."""
    if end == 0 or not has_digit(text[max(0, end - 30) : end]):
        return None
    match = _TIME_BEFORE.search(text, max(0, end - 40), end)
    if match is None or not (match["ampm"] or match["zone"]):
        return None
    return match if match["sep"] == ":" or match["zone"] else None


def _wordy_date(text: str) -> str | None:
    match = _WORDY_DATE.search(text)
    if not match:
        return None
    if match["m1"]:
        month_name, day, year = match["m1"], match["d1"], match["y1"]
    else:
        month_name, day, year = match["m2"], match["d2"], match["y2"]
    month = _MONTHS.get(month_name.casefold())
    if month is None:
        return None
    timed: re.Match[str] | None = match
    if match["H"] is None:  # "May 3, 2021 | 6:06 PM", "10:15 AM EDT May 3, 2021"
        timed = _time_after(text, match.end()) or time_before(text, match.start())
    hour = timed["H"] if timed is not None else None
    if timed is None or hour is None:
        return _render(int(year), month, int(day), None, None, None, None)
    if timed["ampm"]:
        h = int(hour) % 12 + (12 if timed["ampm"][0].lower() == "p" else 0)
        hour = str(h)
    rendered = _render(int(year), month, int(day), hour, timed["M"], timed["S"], None)
    if rendered is None:
        return None
    zone = None
    if timed.end() > match.start():  # (a time after the date: its zone follows it)
        zone = ZONE_AFTER_TIME.match(text, timed.end())
    elif timed["zone"]:  # (a time before the date)
        zone = ZONE_AFTER_TIME.match(timed["zone"])
    if zone is None:
        return rendered
    offset = zone_offset(zone, datetime.fromisoformat(rendered))
    return _render(int(year), month, int(day), hour, timed["M"], timed["S"], offset)


# A date of numbers joined by slashes or hyphens, the year last ("17/02/2022",
# "12/14/2016 10:30 AM", "29-10-2021"), with the time that may follow.
_SLASHED_DATE: Final = re.compile(
    r"(?<![\d/.-])(?P<a>\d{1,2})(?P<sep>[/-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4})(?![\d/.-])"
    r"(?:,?\s+(?:at\s+|um\s+|à\s+|-\s+)?(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2}))?(?!\d)"
    r"(?:\s*(?P<ampm>[AaPp]\.?[Mm]\.?))?)?"
)


def _ordered_date(text: str) -> str | None:
    """Return the date of numbers joined by slashes or hyphens in ``text`` when its order
    shows in the numbers: "17/02/2022" (17 is no month) is day first, as Europe writes it,
    "12/14/2016" month first, as the United States do. "5/3/2024" could be either and
    gives None, as does a date whose two numbers are both over 12."""
    match = _SLASHED_DATE.search(text)
    if match is None:
        return None
    first, second = int(match["a"]), int(match["b"])
    if first > 12 >= second:
        day, month = first, second
    elif second > 12 >= first:
        month, day = first, second
    else:
        return None
    hour = match["H"]
    if hour is not None and match["ampm"]:
        hour = str(int(hour) % 12 + (12 if match["ampm"][0].lower() == "p" else 0))
    rendered = _render(int(match["y"]), month, day, hour, match["M"], match["S"], None)
    if rendered is None or hour is None:
        return rendered
    zone = ZONE_AFTER_TIME.match(text, match.end())
    if zone is None:
        return rendered
    offset = zone_offset(zone, datetime.fromisoformat(rendered))
    return _render(int(match["y"]), month, day, hour, match["M"], match["S"], offset)


# A numeric date written in a sentence or a dateline: 2024-03-05, 05.03.2024, 5/3/2024.
_NUMERIC_DATE: Final = re.compile(
    r"(?<!\d)(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}|\d{1,2}/\d{1,2}/\d{2,4})(?!\d)"
)


# Any decimal digit, as ``\d`` reads one in the date patterns (Unicode digits included).
_DIGIT: Final = re.compile(r"\d")


def has_digit(text: str) -> bool:
    """Return True when ``text`` holds a decimal digit: every written or numeric date
    pattern (:data:`_WORDY_DATE`, :data:`_NUMERIC_DATE`, :data:`_CJK_DATE`) needs one.

    One search for a character class in C, where the case-blind ``_WORDY_DATE`` is tried
    at every position of the text (~20 us for a 50-character byline without a date).
    """
    return _DIGIT.search(text) is not None


def date_span(text: str) -> tuple[int, int] | None:
    """Return where the first date written in ``text`` stands (start, end), or None.

    A written date in one of the languages of :func:`normalize_date` (with the time that
    follows it, if any), or a numeric one (``2024-03-05``, ``05.03.2024``, ``5/3/2024``).
    """
    if not has_digit(text):
        return None  # (most texts asked: bylines, headlines, captions)
    match = _WORDY_DATE.search(text)
    if match is not None and _MONTHS.get((match["m1"] or match["m2"]).casefold()):
        return match.span()
    numeric = _NUMERIC_DATE.search(text)
    return numeric.span() if numeric is not None else None


def date_from_url(url: str) -> str | None:
    """Return the ISO date in a URL path such as ``/2024/10/31/`` or ``/20241031/``, or None."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    match = _URL_DATE.search(path)
    if not match:
        # a segment that is a date alone, day or month first ("/meldungen/29-10-2021")
        last = _URL_DATE_SEGMENT.search(path)
        return _ordered_date(last.group(1)) if last is not None else None
    year, month, day = (
        (match["y"], match["m"], match["d"])
        if match["y"]
        else (match["y2"], match["m2"], match["d2"])
    )
    return _render(int(year), int(month), int(day), None, None, None, None)


# The folder of an author's profile page in its address ("/author/", "/staff/",
# "/people/", "/editors/", "/by/", "/autoren/", "/auteur/", "/profile/" ...), then the
# slug of the name ("jon-fingas", "5631-alexandre-hervaud" after a numeric id,
# "Caspar_Schwietering").
_PROFILE_FOLDER: Final = re.compile(
    r"^(?:authors?|autor(?:en)?|auteurs?|autore|editors?|staff|people|person|by|profiles?"
    r"|contributors?|writers?|journalists?|reporters?|columnists?)$",
    re.IGNORECASE,
)
_PROFILE_SLUG: Final = re.compile(r"^(?:\d+-)?([^\W\d_]{2,}(?:[-_][^\W\d_]{2,}){1,3})$")


def name_from_profile_url(url: str) -> str | None:
    """Return the person's name spelled by a profile page's address, or None.

    ``https://www.engadget.com/editors/jon-fingas`` gives "Jon Fingas": a path segment
    naming a profile folder, then a slug of two to four words of letters (a numeric id
    before it is dropped; an index page after it and a folder of initials before it are
    passed over). One word (a handle such
    as ``/author/admin``, a social network's ``/peoplemag``) gives None: it is no name.
    """
    if not url.startswith(("http://", "https://", "//", "/")):
        return None
    try:
        path = urlsplit(url).path
    except ValueError:
        return None
    parts = [part for part in path.split("/") if part]
    if parts and parts[-1].lower().startswith("index"):
        parts.pop()
    folders = parts[:-1]
    if folders and len(folders[-1]) == 1:
        folders.pop()  # an index by initial: "/autoren/S/Caspar_Schwietering"
    if not folders or _PROFILE_FOLDER.match(folders[-1]) is None:
        return None
    slug = _PROFILE_SLUG.match(parts[-1])
    if slug is None:
        return None
    words = re.split(r"[-_]", slug.group(1))
    return " ".join(word[:1].upper() + word[1:] for word in words)


def normalize_language(value: str) -> str | None:
    """Return ``value`` as a BCP 47 tag (``en``, ``pt-BR``, ``zh-Hant-TW``), or None.

    Underscores become hyphens (``en_US`` from ``og:locale``), the language is lower case,
    a script subtag title case and a region upper case; of a list (``"en, fr"``) the first
    is kept.
    """
    text = _clean(value).split(",")[0].split(";")[0].strip().replace("_", "-")
    if not text or not _LANG_TAG.match(text):
        return None
    parts = text.split("-")
    if parts[0].lower() in ("x", "i", "und", "mul", "zxx", "xx"):
        return None
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 4 and part.isalpha():
            out.append(part.title())
        elif (len(part) == 2 and part.isalpha()) or (len(part) == 3 and part.isdigit()):
            out.append(part.upper())
        else:
            out.append(part.lower())
    return "-".join(out)


# A credit of short codes joined by slashes: an editor's initials and an agency ("det/dpa",
# "dpa/lno", "APA/AP"), as German-language news writes it: one credit, not two people.
# Each code is in one case: "Lee/Chen" are two surnames.
_CODE_CREDIT: Final = re.compile(r"(?:[a-z]{2,5}|[A-Z]{2,5})(?:\s?/\s?(?:[a-z]{2,5}|[A-Z]{2,5}))+")


#: A name's generational suffix or its holder's degree after a comma ("John Smith, Jr.",
#: "Ann Lee, MD", "Ann Lee, M.D."): part of the name as the byline gives it.
_NAME_SUFFIXES: Final = frozenset(
    {"jr", "sr", "ii", "iii", "iv", "md", "ma", "ms", "msc", "bsc", "phd", "rn", "do"}
    | {"mba", "mph", "dvm", "jd", "dds", "pharmd", "np", "lcsw", "rd", "cpa", "esq"}
)


def _split_names(text: str, visible: bool = False) -> list[str]:
    if _CODE_CREDIT.fullmatch(text.strip()):
        return [text.strip()]
    parts = [p for p in _AUTHOR_JOINERS.split(text) if p and p.strip()]
    names: list[str] = []
    for part in parts:
        pieces = [p.strip() for p in part.replace("，", ",").split(",") if p.strip()]
        # "Jong, Michiel de" is one name written last-name first; "Kim, Jett" lists two.
        if len(pieces) > 1 and all(len(p.split()) >= 2 for p in pieces):
            names.extend(pieces)
        elif visible and _credit_after_name(pieces):
            names.append(pieces[0])  # "Ann Lee, Reuters": the outlet's or the degree's word
        else:
            names.append(" ".join(pieces) if len(pieces) > 2 else ", ".join(pieces))
    return names


def _credit_after_name(pieces: Sequence[str]) -> bool:
    """Return True when the comma parts ``pieces`` of a visible byline are a name of two
    words or more and one word after it: an outlet or an agency ("Ann Lee, Reuters",
    "Ann Lee, CNN"), not a generational suffix or a degree ("John Smith, Jr.", "Ann Lee,
    M.D.") nor a surname written first ("Lee, Ann")."""
    return (
        len(pieces) == 2
        and (len(pieces[0].split()) >= 2 or _cjk_name(pieces[0]))
        and len(pieces[1].split()) == 1
        and pieces[1].replace(".", "").casefold() not in _NAME_SUFFIXES
    )


def _cjk_name(text: str) -> bool:
    """Return True for a name in Chinese, Japanese or Korean script (written without
    spaces between its parts: "田中宏昌", one word that is a whole name)."""
    return " " not in text and _CJK_WORD.search(text) is not None


# What a name's ends lose: punctuation and brackets left by the byline around it.
_NAME_EDGES: Final = " \t,;:.-–—|•·⋅∙‧｜¦»«›‹\"'“”‘’()[]"
# A name ending in an initial or a generational suffix keeps the point after it.
_ENDS_IN_INITIAL: Final = re.compile(r"(?:^|[\s,.])(?:[^\W\d_]|Jr|Sr)$")


def _without_byline_label(text: str) -> str:
    """Return ``text`` without the byline label that opens it ("By", "Von", "Di" ...).

    A capitalised "Di" before a single capitalised word opens a surname ("Di Maio",
    "Di Caprio", "Luigi Di Maio and Ann Lee" split to "Di Maio"): a label only before a
    name of two words or more ("Di Mario Rossi") or with a colon ("Di: Maio")."""
    match = _BYLINE_PREFIX.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    label = match.group().strip()
    if label[:1].isupper() and label.casefold() in _SURNAME_LABELS:
        first = _AUTHOR_JOINERS.split(rest.split(",", 1)[0], maxsplit=1)[0].split()
        if len(first) == 1 and first[0][:1].isupper():
            return text
    return rest


def _clean_name(name: str, *, visible: bool, accounts: bool) -> str | None:
    unprefixed = _without_byline_label(name).lstrip(_NAME_EDGES)
    name = unprefixed.rstrip(_NAME_EDGES)
    if unprefixed[len(name) : len(name) + 1] == "." and _ENDS_IN_INITIAL.search(name):
        name += "."  # "Kooman, F.", "John Smith Jr.": the point is the name's own
    name = _GLUED_BYLINE_LABEL.sub("", name, count=1)
    if not name or name.casefold() in _PLACEHOLDER_AUTHORS:
        return None
    if _AUTHOR_NOISE.search(name) and not (accounts and _DECLARED_HANDLE.fullmatch(name)):
        return None
    words = name.split()
    if len(name) > MAX_AUTHOR_CHARS or len(words) > MAX_AUTHOR_WORDS:
        return None
    if not any(ch.isalpha() for ch in name):
        return None
    if not visible:  # meta and JSON-LD authors are set on purpose
        return name
    lowered = [w.casefold().strip(".,") for w in words]
    if any(w in _ROLE_WORDS for w in lowered) and not _staff_as_name(words):
        return None
    if len(words) > 1 and _GLUED_TEXTS.search(name) is not None:
        name = _name_after_glued_label(name)
    # Names are capitalised (CJK has no case): a lower-case word other than a particle
    # means a phrase ("ticket packages") picked up from around the byline.
    if len(words) > 1 and any(
        w[0].islower() and w.casefold() not in _NAME_PARTICLES for w in words if w[0].isalpha()
    ):
        return None
    return name


# Two texts that markup runs together without a space inside a visible byline's name
# ("Website ToolsNataly Birch": a category's link, then the author's): a word of a capital
# and four lower-case letters or more, then a capital and a lower-case letter. Names with
# an inner capital have a shorter first part ("McDonald", "DeShawn", "MacKenzie",
# "FitzGerald") or a particle ("VanderMeer", "DellaVedova").
_GLUED_TEXTS: Final = re.compile(
    r"\b(?!(?:Vand[ae]|Vanden|Della|Delle|Dello)\B)[A-ZÀ-Ý][a-zß-ÿ]{4,}(?=[A-ZÀ-Ý][a-zß-ÿ])"
)


def _name_after_glued_label(name: str) -> str:
    """Return the name after a label that markup ran into it ("Website ToolsNataly
    Birch" is Nataly Birch: a category's link, then the author's), or ``name`` as it is
    when that is not clear: the join is inside the first word ("KellyAnne Conway" may be
    a name written so), the part after it is not two capitalised words or more, or it
    holds another join."""
    match = _GLUED_TEXTS.search(name)
    if match is None or " " not in name[: match.start()]:
        return name
    tail = name[match.end() :].split()
    if len(tail) < 2 or not all(word[:1].isupper() for word in tail):
        return name
    rest = " ".join(tail)
    return rest if _GLUED_TEXTS.search(rest) is None else name


def _staff_as_name(words: Sequence[str]) -> bool:
    """Return True when ``words`` end in "Staff" as a name's last word: "Jamie Staff" (a
    real surname), or "TMZ Staff", a desk's credit that is all the byline says. Two words,
    the first capitalised and naming no role ("Staff Writer", "Sports Editor Staff" are
    roles). Beside a person's name such a part still goes (:func:`_without_roles`)."""
    return (
        len(words) == 2
        and words[1] in ("Staff", "STAFF")
        and words[0][:1].isupper()
        and words[0].casefold() not in _ROLE_WORDS
    )


def normalize_authors(
    values: Iterable[str], *, visible: bool = False, accounts: bool | None = None
) -> tuple[str, ...]:
    """Return author names from raw byline strings: prefixes ("By", "Von", "Par" ...) removed,
    lists ("A and B", "A, B", "A & B", "A (with B and C)") split, URLs, handles and digits
    dropped, duplicates removed (case-insensitively), at most ``MAX_AUTHORS``.

    ``visible`` marks text read from the page body (a byline element) rather than from
    metadata: there, parts naming a role ("Games Editor", "Staff") or holding lower-case
    words other than name particles ("de", "van") are dropped as surrounding text.
    ``accounts`` keeps a name that is an account name ending in digits ("happyface313"):
    by default for metadata, not for visible text, where digits are a date's or an id's.
    """
    if accounts is None:
        accounts = not visible
    seen: set[str] = set()
    out: list[str] = []
    for raw in values:
        text = _clean(raw)
        if not text or len(text) > MAX_BYLINE_CHARS * 5:
            continue
        text = _without_byline_label(_EMAIL_IN_TEXT.sub(" ", _URL_IN_TEXT.sub(" ", text)))
        text = _coauthor_joined(_BRACKETED_COAUTHORS.sub(r" & \1", _bio_subject(text)))
        if visible:
            text = _without_role_tail(text)
        for part in _split_names(text, visible):
            name = _clean_name(part, visible=visible, accounts=accounts)
            if name is None:
                continue
            key = _key(name)
            if key and key not in seen:
                seen.add(key)
                out.append(name)
                if len(out) >= MAX_AUTHORS:
                    break
        if len(out) >= MAX_AUTHORS:
            break
    if visible:
        out = _without_agency_credits(out)
    return _without_roles(out)


def _without_role_tail(text: str) -> str:
    """Return the name that opens a visible byline ``text`` when a job title follows it
    after a comma, and the rest of the byline describes the job: "Daniel Burstein, Senior
    Director, Content & Marketing, MarketingSherpa and MECLABS Institute" is Daniel
    Burstein (its "&" and "and" join departments and employers, not people).

    Only when the title's comma part holds no joiner and no later part opens with one:
    "Ann Lee, Senior Reporter, and Bo Chen, Staff Writer" names two people and is left
    to :func:`_split_names`. The name is two words or more, with no role word."""
    parts = text.split(",")
    if len(parts) < 3:
        return text
    name, title = parts[0].split(), parts[1].strip()
    if len(name) < 2 or any(word.casefold() in _ROLE_WORDS for word in name):
        return text
    if not any(word.casefold().strip(".") in _ROLE_WORDS for word in title.split()):
        return text
    if _AUTHOR_JOINERS.search(f" {title} ") is not None:
        return text
    if any(_AUTHOR_JOINERS.match(f" {part.lstrip()}") for part in parts[2:]):
        return text
    return parts[0]


def byline_names(line: str) -> tuple[str, ...]:
    """Return the people a visible byline line names, its label ("By", "Von", "Par" ...),
    dates, roles and the labels after them cut off: "By Ann Lee | May 3, 2021", "Posted
    on May 3, 2021 by Ann Lee", "Ann Lee, Staff Writer" all name Ann Lee (the text
    parser's byline and dateline lines). () when it names nobody."""
    return normalize_authors([_byline_text(line)], visible=True)


def _coauthor_joined(text: str) -> str:
    """Return ``text`` with a co-author's "with" ("mit", "avec", "con" ...) written as
    "&" when a name of at least two capitalised words follows it ("Dieter Hogen with Uta
    Pippig"): not before an agency or a desk ("Ann Lee with Reuters"). A "with" left at
    the end, its credit cut off ("Ann Lee with additional reporting by ..."), goes."""
    match = _WITH_COAUTHOR.search(text)
    if match is None:
        return text
    if match.end() == len(text):
        return text[: match.start()]
    words = text[match.end() :].split()[:2]
    if len(words) < 2 or not all(word[:1].isupper() for word in words):
        return text
    return f"{text[: match.start()]} & {text[match.end() :]}"


# An author's bio that opens the byline element's text: "Ann Lee is a reporter at ...",
# "Ann Lee ist Redakteurin ...", "Ann Lee est une journaliste ...": the name is its subject.
_BIO_VERB: Final = re.compile(r"\s(?:is|was|ist|war|est|était|es|era|è|é|är|er|jest)\s+\w")


def _bio_subject(text: str) -> str:
    """Return the name a bio opens with ("Ann Lee is a reporter at the Daily Planet" gives
    "Ann Lee"), or ``text`` itself when it is no such sentence: at most
    ``MAX_AUTHOR_WORDS`` words before the verb, each capitalised."""
    match = _BIO_VERB.search(text)
    if match is None:
        return text
    words = text[: match.start()].split()
    if 2 <= len(words) <= MAX_AUTHOR_WORDS and all(w[:1].isupper() for w in words):
        return " ".join(words)
    return text


# A news agency's credit beside a byline's names: one word in capitals of 2 to 5 letters
# ("Ann Lee / AP", "Saibal Dasgupta / PTI").
_AGENCY_CREDIT: Final = re.compile(r"[A-Z]{2,5}")


def _without_agency_credits(names: list[str]) -> list[str]:
    """Return ``names`` without news agencies' credits when people are named too."""
    people = [name for name in names if not _AGENCY_CREDIT.fullmatch(name)]
    return people if people else names


def _without_roles(names: list[str]) -> tuple[str, ...]:
    """Return ``names`` without the parts that name a role ("AP Auto Writer", "Staff
    Reporter") when a person is named beside them: metadata that lists "Tom Krisher, AP
    Auto Writer" names one author. A role alone ("CNN Staff") stays: it is all the page
    says of who wrote it."""
    if len(names) < 2:
        return tuple(names)
    people = [n for n in names if not _ROLE_WORDS.intersection(w.casefold() for w in n.split())]
    if people and len(people) < len(names) and all(map(_written_as_name, people)):
        return tuple(people)
    return tuple(names)


def _written_as_name(text: str) -> bool:
    """Return True unless ``text`` is written in lower case only (a phrase such as "news
    service reports", not a name; scripts without case pass)."""
    return text.lower() != text or text.upper() == text


# The word that introduces a date, left at the end of a byline cut at that date ("Von Ann
# Lee am 21. April 2020", "By Ann Lee on May 3, 2021", "Par Ann Lee le 3 mai 2021"); lower
# case only, so that a name ending in "Le" or "Du" keeps it.
_DATE_PREPOSITION: Final = re.compile(r"\s+(?:am|vom|on|le|du|el|il|em|op|w|dnia)\s*$")


# The word that introduces the author after a date that opens the byline ("Posted on May
# 3, 2021 by Ann Lee", "Veröffentlicht am 3.5.2021 von Ann Lee", "Publié le 3 mai par").
_UPDATE_CUT: Final = re.compile(
    r"(?:last\s+)?(?:updated|modified|aktualisiert|mis\s+à\s+jour|actualizado|atualizado"
    r"|aggiornato|zaktualizowano)",
    re.IGNORECASE,
)
_LATER_BY: Final = re.compile(r"\s(?:[Bb]y|von|par|por|door|przez|di)\s+(?=\S)")


# A date, a role or a label that markup runs into the end of a name without a space
# ("Luke KimDecember 5, 2023", "ArnyMon Jul 03", "Josh CentersContributor", "John
# WarrenReviewed by"): a month, a weekday (or its three letters), a role or a label
# word after a word's last three letters (two lower-case) or a point, ending there. Cut with all
# after it; "McDonald", "DeMay" and "SanSone" keep their capitals.
_GLUED_TAIL: Final = re.compile(
    r"(?:(?<=[^\W\d_][^\W\d_A-Z]{2})|(?<=\.))(?-i:"
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
    r"|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
    r"|Mon|Tue|Wed|Thu|Fri|Sat|Sun"
    r"|Contributor|Editor|Writer|Staff|Reporter|Columnist|Correspondent|Moderator"
    r"|Administrator|Admin|Reviewed|Updated|Published|Posted)(?![^\W\d_]).*)$"
)
# The cheap test before it: a lower-case letter or a point, then a capital.
_CAMEL_JOIN: Final = re.compile(r"[a-z.][A-Z]")


# A byline set whole in brackets ("[By Ann Lee]", "[田中宏昌，ITmedia]", "(Ann Lee)"): the
# brackets go before the byline is read, as an opening bracket cuts a byline's tail.
_WHOLE_BRACKETS: Final = re.compile(r"^[\[(（［【]([^\[\]()（）［］【】]+)[\])）］】]$")


def _unbracketed(text: str) -> str:
    """Return ``text`` without the pair of brackets around all of it."""
    match = _WHOLE_BRACKETS.match(text)
    return text if match is None else match.group(1).strip()


# The category's preposition left capitalised as a byline's last word, the category's
# link left out of its text ("May 18, 2023 By Ann Lee In"): it goes after a name of two
# words or more ("Sign In" is a link of its own).
_TRAILING_IN: Final = re.compile(r"(?<=\S)\s+(?-i:In|Dans|Em)\s*$")


def _has_letter(word: str) -> bool:
    """Return True when ``word`` holds a letter ("; " and "|" are no words of a name)."""
    return any(ch.isalpha() for ch in word)


def _without_trailing_in(text: str) -> str:
    """Return ``text`` without a capitalised "In" ("Dans", "Em") that ends it after a
    name of two words or more (:data:`_TRAILING_IN`)."""
    match = _TRAILING_IN.search(text)
    if match is None or sum(map(_has_letter, text[: match.start()].split())) < 2:
        return text
    return text[: match.start()]


def _byline_text(raw: str) -> str:
    """Return the part of a visible byline that names people (dates and roles cut off).

    A byline that opens with a date ("Posted on May 3, 2021 by Ann Lee") names its
    people after the "by" that follows the date; a date, role or label run into the
    name's end goes (``_GLUED_TAIL``), so does a capitalised category's "In" after the
    names (:func:`_without_trailing_in`)."""
    return _without_trailing_in(_byline_names_part(raw))


def _byline_names_part(raw: str) -> str:
    """Return ``raw`` cut to its names as :func:`_byline_text` does, but for the last word."""
    text = _without_byline_label(_unbracketed(_clean(raw)))
    if _CAMEL_JOIN.search(text) is not None:
        text = _GLUED_TAIL.sub("", text, count=1)
    match = _BYLINE_CUT.search(text)
    if match is None:
        return text
    head = _DATE_PREPOSITION.sub("", text[: match.start()])
    label = head.strip(_LABEL_EDGES).casefold()
    opens = not label or label in _PUBLISHED_LABELS or label in _PLACEHOLDER_AUTHORS
    if opens and _UPDATE_CUT.match(match.group(0)) is None:  # an editor's update
        later = _LATER_BY.search(text, match.start())
        if later is not None:
            rest = text[later.end() :]
            cut = _BYLINE_CUT.search(rest)
            return rest if cut is None else _DATE_PREPOSITION.sub("", rest[: cut.start()])
    return head


def _spellings(key: str) -> set[str]:
    """Return comparison key ``key`` as written, without accents, and transliterated: hosts
    spell "Libération" ``liberation`` and "Schweizer Jäger" ``schweizerjaeger``."""
    if key.isascii():
        return {key}
    bare = unicodedata.normalize("NFKD", key)
    return {
        key,
        key.translate(_HOST_SPELLING),
        "".join(ch for ch in bare if not unicodedata.combining(ch)),
    }


def _same_site(seg: str, site_key: str) -> bool:
    if seg == site_key:
        return True
    shorter, longer = sorted((seg, site_key), key=len)
    # "Le Monde" vs "Le Monde.fr", "theguardian" (host) vs "The Guardian"
    return len(shorter) >= 4 and longer.startswith(shorter) and len(shorter) * 2 >= len(longer)


def _site_matches(segment: str, site_key: str, *, inside: bool = False) -> bool:
    """Return True when ``segment`` names the site whose comparison key is ``site_key``.

    With ``inside``, a segment of a few words that holds the name as whole words counts too
    ("Schweizerische Vogelwarte" for the host vogelwarte.ch).
    """
    seg = _key(segment)
    if not seg or not site_key:
        return False
    keys = _spellings(site_key)
    if any(_same_site(a, b) for a in _spellings(seg) for b in keys):
        return True
    return inside and len(site_key) >= MIN_CONTAINED_SITE_CHARS and _words_spell(segment, keys)


def _words_spell(segment: str, keys: set[str]) -> bool:
    """Return True when consecutive whole words of ``segment`` spell one of ``keys`` and
    ``segment`` reads as a name: a few words, each capitalised ("Schweizerische Vogelwarte";
    not "Schneekarten auf Gipfelbuch.ch", a phrase that mentions the site)."""
    raw = segment.split()
    if len(raw) > MAX_SITE_TAIL_WORDS or any(w[0].islower() for w in raw):
        return False
    words = [k for k in (_key(w) for w in raw) if k]
    for start in range(len(words)):
        joined = ""
        for word in words[start:]:
            joined += word
            if _spellings(joined) & keys:
                return True
    return False


def _names_a_site(part: str) -> bool:
    """Return True when a title's last part reads as a site's name whatever the site is:
    a host name ("Gipfelbuch.ch") or a few words ending in a site noun ("My website")."""
    words = part.split()
    if not words or len(words) > MAX_SITE_TAIL_WORDS:
        return False
    if len(words) == 1 and _DOMAIN_NAME.match(words[0]):
        return True
    return words[-1].casefold().strip(".,:;!?") in _SITE_NOUNS


def _strip_site(
    title: str,
    site_keys: Sequence[str],
    trailing_keys: Sequence[str] = (),
    *,
    site_like: bool = False,
) -> str:
    """Return ``title`` without a part matching ``site_keys`` at either end, or matching
    ``trailing_keys`` at its end. With ``site_like``, a last part that reads as a site's
    name (:func:`_names_a_site`) goes too. A bracketed last part ("Story [Site]") is
    removed on the same terms before a separator-delimited one."""
    keys = [k for k in site_keys if k]
    ends = [*keys, *(k for k in trailing_keys if k)]
    if not ends and not site_like:
        return title

    def names_site(tail: str) -> bool:
        return any(_site_matches(tail, k, inside=True) for k in ends) or (
            site_like and _names_a_site(tail)
        )

    bracket = _BRACKET_TAIL.search(title)
    if bracket is not None:
        head = title[: bracket.start()].strip()
        if len(head) >= MIN_STRIPPED_TITLE_CHARS and names_site(bracket[1] or bracket[2]):
            title = head
    seps = list(_TITLE_SEPARATOR.finditer(title))
    for sep in reversed(seps):  # "Article | Site", also when the site name has a separator
        head, tail = title[: sep.start()].strip(), title[sep.end() :]
        if len(head) >= MIN_STRIPPED_TITLE_CHARS and names_site(tail):
            return head
    for sep in seps:  # "Site | Article"
        head, tail = title[: sep.start()], title[sep.end() :].strip()
        if any(_site_matches(head, k) for k in keys) and len(tail) >= MIN_STRIPPED_TITLE_CHARS:
            return tail
    colon = max(title.rfind(mark) for mark in _COLONS)  # "Story:Site", as Japanese blogs
    if colon >= 0:
        head, tail = title[:colon].strip(), title[colon + 1 :]
        if len(head) >= MIN_STRIPPED_TITLE_CHARS and any(_site_matches(tail, k) for k in keys):
            return head
    return title


def strip_site_name(title: str, site_name: str | None) -> str:
    """Return ``title`` without a leading or trailing ``site_name`` part.

    Handles "Article | Site", "Site | Article", "Article - Site", "Article – Site",
    "Article :: Site", "Article [Site]", "Article: Site" (after the last colon only; site
    names compared ignoring case, spaces,
    punctuation and accents; a short last part may also hold the name as whole words,
    "Article | Schweizerische Vogelwarte" for "Vogelwarte"). The title is returned
    unchanged when no site name is given, when it does not stand at an end, or when the
    rest would be shorter than ``MIN_STRIPPED_TITLE_CHARS``.
    """
    if not site_name:
        return title
    return _strip_site(title, [_key(site_name)])


def _pick_site_name(cands: Candidates) -> tuple[str | None, str | None]:
    """Return (site name, key): the first declared name, or a shorter one it starts with.

    Pages often declare the name twice, once with a tagline or a legal form
    (``og:site_name`` "Aktuálně.cz - Víte, co se právě děje" or "Spiceworks Inc", JSON-LD
    publisher "Aktuálně.cz" or "Spiceworks"); the shorter form the page gives itself is the
    name. A name declared only once is kept as it is: cutting taglines by rule would also
    cut names such as "Mozilla Hacks – the Web developer blog".
    """
    name, key = _first(cands, SITE_NAME_SOURCES, _site_name_value)
    if name is None:
        return None, None
    for other_key in SITE_NAME_SOURCES:
        for other in cands.get(other_key, ()):
            if _is_leading_words(other, name):
                name, key = other, other_key
    return name, key


# A site name written as an address: an optional scheme and "www.", a host of two or more
# labels, an optional closing slash ("https://www.tmz.com", "tdg.ch/").
_URL_NAME: Final = re.compile(r"^(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/?$", re.I)


def _site_name_value(raw: str) -> str:
    """Return a declared site name, a URL given as the name ("https://www.newsnation.in")
    written as its host without ``www.`` ("newsnation.in"): a reader names a site so."""
    if "." in raw and " " not in raw:
        match = _URL_NAME.match(raw.strip())
        if match is not None:
            return match.group(1)
    return raw


def _is_leading_words(short: str, name: str) -> bool:
    """Return True when ``short`` is ``name``'s first whole words (ignoring case), and not
    a fragment: "Le" is not the name of "Le Monde"."""
    lower, prefix = name.casefold(), short.casefold()
    return (
        len(_key(short)) >= MIN_SITE_KEY_CHARS
        and len(prefix) < len(lower)
        and lower.startswith(prefix)
        and not lower[len(prefix)].isalnum()
    )


def _host_label(url: str | None) -> str:
    """Return the comparison key of the registrable name of ``url``'s host ("ehow" for
    www.ehow.com, "biathlonantholz" for biathlon-antholz.it), or ""."""
    labels = [p for p in _bare_host(url).split(".") if p and p not in ("www", "m", "amp", "mobile")]
    if len(labels) >= 3 and len(labels[-2]) <= 3:  # bbc.co.uk, folha.com.br
        return _key(labels[-3])
    return _key(labels[-2]) if len(labels) >= 2 else ""


# --------------------------------------------------------------------------- JSON-LD

_TRAILING_COMMA: Final = re.compile(r",\s*([}\]])")
_JSONLD_WRAPPER: Final = re.compile(
    r"^\s*(?:<!--|//\s*<!\[CDATA\[|<!\[CDATA\[)|(?:-->|//\s*\]\]>|\]\]>)\s*$"
)


def _decode_all(text: str) -> list[Any]:
    """Return every JSON value in ``text`` (several may follow each other); [] when broken."""
    decoder = json.JSONDecoder(strict=False)
    values: list[Any] = []
    index, end = 0, len(text)
    while index < end:
        while index < end and text[index] in " \t\r\n;,":
            index += 1
        if index >= end:
            break
        try:
            value, index = decoder.raw_decode(text, index)
        except (ValueError, RecursionError):
            return values if values else []
        values.append(value)
    return values


def parse_jsonld(text: str) -> list[Any]:
    """Return the JSON values of one ld+json script, repairing common damage; never raises.

    Repairs: HTML comment or CDATA wrappers, trailing commas, HTML-escaped quotes. Deeply
    nested or oversized scripts give [].
    """
    if len(text) > MAX_JSONLD_SCRIPT_CHARS:
        return []
    text = text.strip()
    if "<!" in text or "-->" in text or "]]>" in text:
        # (each wrapper holds one of these; the substitution tries every position of
        # the script, ~0.04 ms a page on trafilatura-eval, for the few that have one)
        text = _JSONLD_WRAPPER.sub("", text)
    values = _decode_all(text)
    if values:
        return values
    repaired = _TRAILING_COMMA.sub(r"\1", text)
    values = _decode_all(repaired)
    if values or "&" not in repaired:
        return values
    return _decode_all(html.unescape(repaired))


def _types(obj: dict[str, Any]) -> set[str]:
    raw = obj.get("@type")
    items = raw if isinstance(raw, list) else [raw]
    out: set[str] = set()
    for item in items[:10]:
        if isinstance(item, str):
            out.add(item.rsplit("/", 1)[-1].rsplit("#", 1)[-1].casefold())
    return out


def _jsonld_objects(values: Iterable[Any]) -> list[dict[str, Any]]:
    """Return the JSON-LD objects of ``values``: lists and ``@graph`` flattened, bounded."""
    found: list[dict[str, Any]] = []
    stack: list[tuple[Any, int]] = [(v, 0) for v in list(values)[::-1]]
    while stack and len(found) < MAX_JSONLD_OBJECTS:
        value, depth = stack.pop()
        if depth > MAX_JSONLD_DEPTH:
            continue
        if isinstance(value, list):
            stack.extend((v, depth + 1) for v in value[:MAX_JSONLD_OBJECTS][::-1])
        elif isinstance(value, dict):
            found.append(value)
            graph = value.get("@graph")
            if isinstance(graph, (list, dict)):
                stack.append((graph, depth + 1))
            main = value.get("mainEntity")
            if isinstance(main, dict):
                stack.append((main, depth + 1))
    return found


def _names(
    value: Any, depth: int = 0, ids: Mapping[str, dict[str, Any]] | None = None
) -> Iterator[str]:
    """Yield the names in a JSON-LD person/organisation value (string, object or list).

    An object that is only a reference (``{"@id": ".../#/schema/person/2920..."}``, as
    WordPress's SEO plugins write the author) is looked up in ``ids``, the page's objects
    by their ``@id``."""
    if depth > 3:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        name = value.get("name")
        if isinstance(name, str):
            yield name
        elif isinstance(name, (list, dict)):
            yield from _names(name, depth + 1, ids)
        else:
            given, family = value.get("givenName"), value.get("familyName")
            if isinstance(given, str) and isinstance(family, str):
                yield f"{given} {family}"
            elif ids and isinstance(value.get("@id"), str):
                target = ids.get(value["@id"])
                if target is not None and target is not value:
                    yield from _names(target, depth + 1, ids)
    elif isinstance(value, list):
        for item in value[:MAX_AUTHORS]:
            yield from _names(item, depth + 1, ids)


def _typed(value: Any, ids: Mapping[str, dict[str, Any]]) -> set[str]:
    """Return the types of a JSON-LD value that is an object or a reference to one by its
    ``@id`` (empty for a string or an untyped object)."""
    if not isinstance(value, dict):
        return set()
    types = _types(value)
    ref = value.get("@id")
    if not types and isinstance(ref, str) and ref in ids:
        types = _types(ids[ref])
    return types


def _is_organisation(types: set[str]) -> bool:
    """Return True when ``types`` name an organisation ("Organization",
    "NewsMediaOrganization", "Corporation", "WebSite") and no person."""
    return "person" not in types and any(
        kind in _SITE_TYPES or kind.endswith("organization") for kind in types
    )


def _people_of(value: Any, ids: Mapping[str, dict[str, Any]]) -> Any:
    """Return an ``author`` list without its organisations when it names a person too:
    ``[{"@type": "Person", "name": "Ann Lee"}, {"@type": "Organization", "name": "The
    Daily Planet"}]`` credits the publisher or the agency beside the writer. A list of
    organisations only, or of untyped names, stays whole."""
    if not isinstance(value, list) or len(value) < 2:
        return value
    items = value[:MAX_AUTHORS]
    kinds = [_typed(item, ids) for item in items]
    if not any("person" in types for types in kinds):
        return value
    return [item for item, types in zip(items, kinds, strict=True) if not _is_organisation(types)]


def _organisation_names(value: Any, ids: Mapping[str, dict[str, Any]]) -> Iterator[str]:
    """Yield the names of the organisations an ``author`` value (an object or a list)
    declares as such (``{"@type": "Organization", "name": "The Daily Planet"}``)."""
    for item in value[:MAX_AUTHORS] if isinstance(value, list) else [value]:
        if _is_organisation(_typed(item, ids)):
            yield from _names(item, ids=ids)


def _urls(value: Any, depth: int = 0) -> Iterator[str]:
    """Yield URLs from a JSON-LD image/url value (string, ImageObject or list)."""
    if depth > 3:
        return
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key in ("url", "contentUrl", "@id"):
            if isinstance(value.get(key), str):
                yield value[key]
                return
    elif isinstance(value, list):
        for item in value[:8]:
            yield from _urls(item, depth + 1)


def _keywords(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield from value.split(",")
    elif isinstance(value, list):
        for item in value[:MAX_TAGS]:
            if isinstance(item, str):
                yield item
            elif isinstance(item, dict) and isinstance(item.get("name"), str):
                yield item["name"]


def _jsonld_tier(obj: dict[str, Any]) -> int:
    """Return 0 for articles, 1 for other creative works, 2 for web pages, 3 otherwise."""
    types = _types(obj)
    if types & _ARTICLE_TYPES or any(t.endswith(("article", "posting")) for t in types):
        return 0
    if types & _WORK_TYPES:
        return 1
    if types & _PAGE_TYPES:
        return 2
    return 3


def _jsonld_date(value: Any) -> Any:
    """Return a JSON-LD date value as text: an integer (a Unix time in seconds or
    milliseconds, as some CMSs write it) becomes its digits; anything else is returned as
    it is (:func:`_add` keeps strings only)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return value


def _collect_jsonld(objects: list[dict[str, Any]], cands: Candidates) -> None:
    tiers = [(_jsonld_tier(o), i) for i, o in enumerate(objects)]
    primary = [(tier, objects[i]) for tier, i in sorted(tiers) if tier < 3]
    sites = [o for o in objects if _types(o) & _SITE_TYPES]
    ids = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    for tier, obj in primary:
        # Articles name themselves in "name" too; a page's "name" is often the site's.
        for key in ("headline", "name") if tier < 2 else ("headline",):
            _add(cands, "jsonld:headline", obj.get(key))
        for key in ("author", "creator"):
            value = _people_of(obj.get(key), ids)
            for name in _names(value, ids=ids):
                _add(cands, "jsonld:author", name)
            for name in _organisation_names(value, ids):
                _add(cands, "jsonld:author-organisation", name)
        for key in ("datePublished", "dateCreated", "uploadDate"):
            _add(cands, "jsonld:datePublished", _jsonld_date(obj.get(key)))
        _add(cands, "jsonld:dateModified", _jsonld_date(obj.get("dateModified")))
        for name in _names(obj.get("publisher"), ids=ids):
            _add(cands, "jsonld:publisher", name)
        _add(cands, "jsonld:description", obj.get("description"))
        for word in _keywords(obj.get("keywords")):
            _add(cands, "jsonld:keywords", word)
        for image in _urls(obj.get("image") or obj.get("thumbnailUrl")):
            _add(cands, "jsonld:image", image)
        lang = obj.get("inLanguage")
        _add(cands, "jsonld:inLanguage", lang if isinstance(lang, str) else None)
    for obj in sites:
        # The site's own object names the publisher when the article does not.
        if "website" in _types(obj) or not cands.get("jsonld:publisher"):
            _add(cands, "jsonld:publisher", obj.get("name"))


# --------------------------------------------------------------------------- collection


def _meta_keys(el: etree._Element) -> list[str]:
    """Return the candidate keys a ``<meta>`` element fills (``property`` may list several)."""
    keys: list[str] = []
    names = (_attr(el, "property") + " " + _attr(el, "name")).split()
    if not names:
        equiv = _attr(el, "http-equiv").strip().lower()
        if equiv in ("content-language", "last-modified"):
            keys.append("meta:" + equiv)
        item = _attr(el, "itemprop").strip()
        if item:
            keys.append("itemprop:" + item.split()[0])
        return keys
    for raw in names[:6]:
        name = raw.lower()
        if name.startswith(("og:", "twitter:", "article:")):
            prefix = "twitter" if name.startswith("twitter:") else "og"
            keys.append(f"{prefix}:{name.split(':', 1)[1] if prefix == 'twitter' else name}")
        elif name.startswith(("dc.", "dc:", "dcterms.", "dcterms:", "dcterm:")):
            rest = re.split(r"[.:]", name, maxsplit=1)[1]
            # Dublin Core's refinements of the date ("DC.date.issued", "DC.date.created",
            # "DC.date.modified") are the terms of dcterms ("dcterms.issued" ...)
            keys.append("dc:" + _DC_DATE_REFINEMENTS.get(rest, rest))
        else:
            keys.append("meta:" + name)
    # "og:title" is filed as "og:og:title" above; undo the doubled prefix.
    return [k.replace("og:og:", "og:", 1) for k in keys]


#: Dublin Core's date refinements written as the name of the term they refine.
_DC_DATE_REFINEMENTS: Final = {
    "date.issued": "issued",
    "date.created": "created",
    "date.modified": "modified",
}
_ITEMPROPS: Final = frozenset({"author", "datePublished", "dateModified", "image", "inLanguage"})
# Cheap pre-check on class/id before the stricter _BYLINE_CLASS test; the same test
# finds classes naming the publication date (_PUBLISHED_CLASS).
_BYLINE_HINT: Final = re.compile(
    r"author|byline|byl|writer|autor|auteur|verfasser|publish|pub[-_]?date|posted", re.IGNORECASE
)
# A class naming the element that holds the publication date: "article-publish-date",
# "published_date", "date-published", "pubdate", "pub-date", a blog's "posted" or
# "posted-on". Not "published-in", a "publisher"'s or "posted-by" (the author).
# Case-blind through CaseBlind, as _NOT_BYLINE_CLASS, and every branch opens with a letter
# ("p(?<![a-z]p)osted": "posted" after no letter), so that the engine skips ahead to a
# "p", "d" or "t": ~8 us a search of a byline element's class names -> ~1 us.
_PUBLISHED_CLASS: Final = CaseBlind(
    r"publish(?:ed)?[-_]?(?:date|time|on)|(?:date|time)[-_]?published|pub[-_]?date"
    r"|p(?<![a-z]p)osted(?:[-_]?(?:on|at|date))?(?![\w-])"
)
# A class or id word naming a date: "date", "post-date", "newsDate", "cmsDate",
# "date-header", "dateline", "datum" (German, Dutch) ...; not an update's, an event's, a
# comment's, a reference's access date or a date picker's.
_DATE_WORD: Final = re.compile(r"date|datum", re.IGNORECASE)
_NOT_DATE_WORD: Final = re.compile(
    r"updat|modif|access|comment|event|birth|death|expir|picker|valid|mandat|candidat",
    re.IGNORECASE,
)


def _names_a_date(names: str) -> bool:
    """Return True when a word of the class or id ``names`` names a date."""
    if _DATE_WORD.search(names) is None:
        return False  # (no word can: most class strings, one search instead of a loop)
    return any(
        _DATE_WORD.search(word) is not None and _NOT_DATE_WORD.search(word) is None
        for word in names.split()
    )


# Labels written in an element of their own before the date they name (case-folded, a
# final colon dropped): a definition list's term, a table's header cell, a bold lead-in, a
# CMS field's label ("<dt>Published</dt><dd>3 May 2021</dd>", "<strong>Veröffentlicht
# am:</strong> 03.05.2021", "<div class="field-label">Date published</div>").
_PUBLISHED_LABELS: Final = frozenset(
    {"published", "published on", "published at", "publish date", "published date"}
    | {"date published", "publication date", "date of publication", "first published"}
    | {"posted", "posted on", "posted at", "erstellt am"}
    | {"veröffentlicht", "veröffentlicht am", "veröffentlichung", "veröffentlichungsdatum"}
    | {"erschienen", "erschienen am", "erscheinungsdatum", "publiziert", "publiziert am"}
    | {"publié", "publié le", "date de publication", "mis en ligne", "mis en ligne le"}
    | {"publicado", "publicado el", "publicado em", "fecha de publicación"}
    | {"data de publicação", "pubblicato", "pubblicato il", "data di pubblicazione"}
    | {"gepubliceerd", "gepubliceerd op", "opublikowano", "data publikacji"}
    | {"опубликовано", "дата публикации", "公開日", "掲載日", "投稿日", "配信日", "公開日時"}
    | {"掲載日時", "投稿日時", "配信日時", "发布时间", "发布日期", "發佈日期", "發布時間"}
    | {"发表时间", "發表時間", "게시일", "등록일", "작성일", "게시일시", "등록일시"}
)
# A bare "Date" or a release's date: weaker (an item's record, a store's release date), so
# only after the page's other dates; never read from a table's header cell, where an
# encyclopedia's infobox gives the date of the event or of the work it describes.
_DATE_LABELS: Final = frozenset(
    {"date", "datum", "fecha", "data", "дата", "日付", "日期", "날짜"}
    | {"release date", "released", "erscheinungstermin", "date de sortie"}
    | {"fecha de lanzamiento", "発売日", "配信開始日", "発行日", "발행일"}
)
_MODIFIED_LABELS: Final = frozenset(
    {"updated", "last updated", "updated on", "last modified", "modified", "date modified"}
    | {"aktualisiert", "aktualisiert am", "zuletzt aktualisiert", "geändert am"}
    | {"mis à jour", "mis à jour le", "actualizado", "actualizado el", "atualizado em"}
    | {"aggiornato", "aggiornato il", "bijgewerkt", "bijgewerkt op", "zaktualizowano"}
    | {"обновлено", "更新日", "最終更新日", "更新日時", "最終更新日時", "更新时间", "更新日期"}
    | {"수정일", "수정일시"}
)
#: Label -> the candidate key its date is filed under.
_LABEL_KEYS: Final[dict[str, str]] = {
    **dict.fromkeys(_DATE_LABELS, "label:date"),
    **dict.fromkeys(_MODIFIED_LABELS, "label:modified"),
    **dict.fromkeys(_PUBLISHED_LABELS, "label:published"),
}
#: Tags whose text is read as a label when it is one; other elements only when their class
#: or id names a label ("field-label", "meta__label").
_LABEL_TAGS: Final = frozenset({"dt", "th", "strong", "b", "label"})
#: A table's header cell labels only the explicit publication words (see _DATE_LABELS).
_HEADER_CELL_KEYS: Final = frozenset({"label:published", "label:modified"})
#: Longest label read (the longest above has 24 characters) and the characters around it.
MAX_LABEL_CHARS: Final = 30
_LABEL_EDGES: Final = " \t\r\n:：-–—|·•"
# A label and its date in one text ("Published: 3 May 2021", "Veröffentlicht am
# 03.05.2021", "公開日：2019/3/5"): the label, then a colon, spaces or the date's digit.
_LABEL_LEAD: Final = re.compile(
    "^(?P<label>"
    + "|".join(sorted(map(re.escape, _LABEL_KEYS), key=len, reverse=True))
    + r")(?:\s*[:：]\s*|\s+|(?=\d))(?P<rest>.+)$",
    re.IGNORECASE,
)


#: The longest text read as a class-named publication date ("November 19, 2019, 9:02 AM",
#: "Published on Tuesday 19 November 2019, 09:02 CET"). The dates seen run to about 30
#: characters; 80 leaves room for a label, and a longer text is a sentence.
MAX_DATE_TEXT_CHARS: Final = 80
#: Class-named date elements read per page (a page lists teasers with dates too). A sports
#: site prints the article's date twice (wide and narrow layout); one more is allowed, and
#: teasers further down the page are not read.
MAX_DATE_ELEMENTS: Final = 3
#: Data attributes that hold a shown date's Unix time (seconds or milliseconds), in the
#: order they are read: the milliseconds are the more precise.
_EPOCH_ATTRS: Final = ("data-time-ms", "data-timestamp", "data-time", "data-utime")
_EPOCH_ATTR_SET: Final = frozenset(_EPOCH_ATTRS)
#: Elements whose ``datetime`` is the time of an edit, not of the page (``time`` has a
#: handler of its own).
_EDIT_TAGS: Final = frozenset({"time", "ins", "del"})
_NOT_BYLINE_TAGS: Final = frozenset({"meta", "link", "body", "html", "img", "head", "nav"})
_SVG_PARENTS: Final = frozenset({"svg", "symbol", "g", "a", "use"})


def _itemprop_value(el: etree._Element, limit: int = MAX_VALUE_CHARS) -> str:
    tag = el.tag
    if tag == "time" and el.get("datetime"):
        return _attr(el, "datetime")
    if el.get("content"):
        return _attr(el, "content")
    if tag in ("a", "link"):
        return _attr(el, "href")
    if tag == "img":
        return _attr(el, "src")
    return _text_of(el, limit)


#: How many ancestors of an ``itemprop="author"`` are looked through for its item.
MAX_ITEM_DEPTH: Final = 16
#: Microdata items that are replies to the page's own item: a comment, an answer.
_REPLY_ITEM_TYPES: Final = frozenset({"comment", "answer", "usercomments"})
_REPLY_ITEM_PROPS: Final = frozenset({"comment", "suggestedAnswer", "acceptedAnswer", "answer"})


#: Where the ``itemprop="author"`` of a review set in another item goes (``_review_item``).
REVIEW_AUTHOR_KEY: Final = "itemprop:review-author"


def _review_item(el: etree._Element) -> bool:
    """Return True when the microdata item that ``el`` (an ``itemprop="author"``) belongs
    to is set as the ``review`` of another item (a product's): several such reviews are
    customers', and only the page's one review names its author (:func:`_source_values`)."""
    for depth, node in enumerate(el.iterancestors()):
        if depth >= MAX_ITEM_DEPTH:
            return False
        if node.get("itemscope") is not None:
            return not {"review", "reviews"}.isdisjoint((node.get("itemprop") or "").split())
    return False


def _in_reply_item(el: etree._Element) -> bool:
    """Return True when the microdata item that ``el`` (an ``itemprop="author"``) belongs
    to, its nearest ancestor with ``itemscope``, is a comment or an answer (schema.org
    ``Comment``, ``Answer``, or set as the ``comment``, ``suggestedAnswer`` or
    ``acceptedAnswer`` of another item): its author wrote a reply, not the page. A
    forum thread's or a blog's commenters are no authors of the post; a question's
    author is (``Question`` is the page's ``mainEntity``)."""
    for depth, node in enumerate(el.iterancestors()):
        if depth >= MAX_ITEM_DEPTH:
            return False
        if node.get("itemscope") is None:
            continue
        kind = (node.get("itemtype") or "").rstrip("/").rsplit("/", 1)[-1]
        if kind.lower() in _REPLY_ITEM_TYPES:
            return True
        return not _REPLY_ITEM_PROPS.isdisjoint((node.get("itemprop") or "").split())
    return False


def _itemprop_names(el: etree._Element) -> list[str]:
    """Return the ``itemprop="name"`` values inside an author element (first nodes only)."""
    names: list[str] = []
    for count, node in enumerate(el.iter()):
        if count > MAX_AUTHOR_SCAN_NODES:
            break
        if node.get("itemprop") == "name":
            names.append(_itemprop_value(node, MAX_BYLINE_CHARS))
    return names


# An author card's part that holds the name ("author_card-name", "author--name",
# "article-author-name"), beside parts for the job title or a bio. Not itemprop="name":
# a byline may hold breadcrumbs, whose items are named so too.
_NAME_PART_CLASS: Final = re.compile(r"(?:^|[-_\s])name(?:$|[-_\s])", re.IGNORECASE)


# A part of an author's name element that gives the job ("author-title", "byline__role",
# "author-position"): "Howard Blume" then "Staff Writer" with no space between them.
_ROLE_PART_CLASS: Final = re.compile(
    r"(?:^|[-_\s])(?:title|role|position|job|jobtitle)(?:$|[-_\s])", re.IGNORECASE
)


# A part of a byline element that credits the outlet or the employer beside the name
# ("<span class=author>Tom Davies</span> <span class=publication>Associated Press</span>").
_CREDIT_PART_CLASS: Final = re.compile(
    r"(?:^|[-_\s])(?:publication|credit|affiliation|outlet|organi[sz]ation|company|employer)"
    r"(?:$|[-_\s])",
    re.IGNORECASE,
)
#: What a byline's text puts before each list item (:func:`_text_of`).
_NAME_LIST_ITEM: Final = "; "
#: A byline element's list of more items than this is a list of tags or links, not of
#: names: its items are not set apart (a tag's one word would read as a name).
MAX_LISTED_NAMES: Final = 4
#: Stands for a list item while a byline element's text is read (:func:`byline_element_text`):
#: no text lxml hands over holds a NUL (libxml2 reads one as U+FFFD, and ``parse_tree``
#: drops them before).
_ITEM_MARK: Final = "\x00"


def byline_element_text(el: etree._Element) -> tuple[str, bool]:
    """Return the text of byline element ``el``, read once, and whether it is a list of
    tags or links rather than of names ("" when it is longer than twice
    ``MAX_BYLINE_CHARS``: a container).

    Its list items are set apart by ``_NAME_LIST_ITEM`` ("<li>Ann Lee</li><li>Bo
    Chen</li>" reads "Ann Lee; Bo Chen"), unless that makes more than
    ``MAX_LISTED_NAMES`` separators: then it is a list of tags, whose items are joined
    by a space (a tag's one word would read as a name).
    """
    raw = _text_of(el, MAX_BYLINE_CHARS * 2, _ITEM_MARK, _ITEM_MARK)
    text = _clean(raw.replace(_ITEM_MARK, _NAME_LIST_ITEM))
    if text.count(_NAME_LIST_ITEM) <= MAX_LISTED_NAMES:
        return text, False
    return _clean(raw.replace(_ITEM_MARK, " ")), True


#: Marks where two of a byline's elements run their texts together (:func:`_glued_names_apart`).
_GLUE_MARK: Final = "\x01"


def _glued_names_apart(el: etree._Element, text: str) -> str:
    """Return the byline text ``text`` of ``el`` with "; " where two of its elements run
    two names of two words or more together without a space, as a style sheet sets them
    apart (``<span class="author">Ann Lee</span><span class="author">Bo Chen</span>``
    reads "Ann LeeBo Chen": "Ann Lee; Bo Chen"); ``text`` itself when there is no such
    place, or when its text is not ``el``'s whole text."""
    parts: list[str] = []
    for node in el.iter():
        tag = node.tag
        if tag in _BREAK_TAGS:
            parts.append(_NAME_LIST_ITEM if tag == "li" else " ")
        pieces = []
        if isinstance(tag, str) and tag not in _SKIP_TEXT_TAGS and node.text:
            pieces.append(node.text)
        if node is not el and node.tail:
            pieces.append(node.tail)
        for piece in pieces:
            if parts and parts[-1][-1:].isalpha() and piece[:1].isupper():
                parts.append(_GLUE_MARK)
            parts.append(piece)
    segments = _clean("".join(parts)).split(_GLUE_MARK)
    if len(segments) < 2 or "".join(segments) != text:
        return text
    out = segments[0]
    for segment in segments[1:]:
        left = re.split(r"[;,|]", out)[-1].split()
        right = re.split(r"[;,|]", segment)[0].split()
        out += (_NAME_LIST_ITEM if len(left) >= 2 and len(right) >= 2 else "") + segment
    return out


def _name_text(
    node: etree._Element, parts_class: re.Pattern[str] = _ROLE_PART_CLASS, line: str = " "
) -> str:
    """Return the text of an author's name element without its parts whose class
    ``parts_class`` finds: those that give the job (:data:`_ROLE_PART_CLASS`), or in a
    byline element the outlet's credit (:data:`_CREDIT_PART_CLASS`); the whole text when
    it has none or is too large to look through (more than ``MAX_AUTHOR_SCAN_NODES``
    nodes)."""
    nodes: list[etree._Element] = []
    for count, item in enumerate(node.iter()):
        if count > MAX_AUTHOR_SCAN_NODES:
            return _text_of(node, MAX_BYLINE_CHARS, _NAME_LIST_ITEM, line)
        nodes.append(item)
    skipped = {
        item
        for item in nodes[1:]
        if isinstance(item.tag, str) and parts_class.search(_attr(item, "class"))
    }
    if not skipped:
        return _text_of(node, MAX_BYLINE_CHARS, _NAME_LIST_ITEM, line)
    parts: list[str] = []
    for item in nodes:  # parents come before their children
        parent = item.getparent() if item is not node else None
        if parent is not None and parent in skipped:
            skipped.add(item)
        if item not in skipped:
            if item.tag in _BREAK_TAGS:
                parts.append(
                    _NAME_LIST_ITEM if item.tag == "li" else line if item.tag == "br" else " "
                )
            if isinstance(item.tag, str) and item.tag not in _SKIP_TEXT_TAGS and item.text:
                parts.append(item.text)
        if parent is not None and parent not in skipped and item.tail:
            parts.append(item.tail)
    text = "".join(parts)
    return text if len(text) <= MAX_BYLINE_CHARS else ""


def _name_parts(el: etree._Element) -> list[str]:
    """Return the texts of the name parts inside a byline element (an author card: name,
    job title, bio), outermost only, or [] when it has none.

    "Martin Chikilian" over "Python Software Engineer", "Steven Salentin" over "Mitglied
    der Tonight News-Redaktion": read whole, the card runs the name into the role.
    """
    names: list[str] = []
    found: set[etree._Element] = set()
    for count, node in enumerate(el.iterdescendants()):
        if count > MAX_AUTHOR_SCAN_NODES:
            break
        if not isinstance(node.tag, str):
            continue
        if not _NAME_PART_CLASS.search(_attr(node, "class")):
            continue
        if found and any(outer in found for outer in node.iterancestors()):
            continue
        found.add(node)
        text = _clean(_name_text(node))
        if text:
            names.append(text)
    return names


def _labelled_value(label: etree._Element) -> str | None:
    """Return the text a label element names: its tail ("<strong>Date</strong>
    23.05.2011"), else the next element's ``datetime``, ``content`` or text
    ("<dt>Published</dt><dd>...</dd>"); a label alone in its parent ("<dt><span>Published
    </span></dt>") names what follows the parent. None when there is nothing, or too much
    to be a date."""
    node = label
    for _level in range(2):
        tail = node.tail
        if tail is not None and tail.strip(_LABEL_EDGES):
            return tail if len(tail) <= MAX_DATE_TEXT_CHARS * 4 else None
        following = node.getnext()
        while following is not None and not isinstance(following.tag, str):
            following = following.getnext()  # a comment between the label and its value
        if following is not None:
            if following.tag in _SKIP_TEXT_TAGS:
                return None
            stamp = following.get("datetime") or following.get("content")
            return stamp or _text_of(following, MAX_DATE_TEXT_CHARS * 4) or None
        parent = node.getparent()
        if parent is None or len(parent) != 1 or (parent.text or "").strip():
            return None
        node = parent
    return None


# Schema.org JSON-LD in a ``<script>`` that lost its type (a template writes
# ``<script>{"@context": "https://schema.org", "@type": "NewsArticle", ...}</script>``):
# the browser runs it as a no-op, readers of structured data still mean it.
_UNTYPED_JSONLD: Final = re.compile(r'\s*\[?\s*\{\s*"@context"\s*:\s*"https?://schema\.org')


class _Collector:
    """State of the one walk over the page that :func:`collect_candidates` makes."""

    def __init__(self, host: str = "") -> None:
        self.cands: Candidates = {}
        # the page's host without "www." (links to its home page name the site)
        self.host = host
        self.home_links = 0
        self.anchors = 0
        # "property" values (RDFa, Open Graph's own form) go before "name" values for the
        # same key: a page that sets both means the property one.
        self.by_name: Candidates = {}
        self.scripts: list[Any] = []
        self.have_title = False
        self.have_time = False
        self.h1s = 0
        self.first_h1: etree._Element | None = None
        # the first ``MAX_H1S`` <h1>s and their texts (:func:`_headline_h1` picks one)
        self.h1_texts: list[tuple[etree._Element, str]] = []
        self.bylines = 0
        self.first_byline = ""  # for its date, read only when no other source gives one
        # the last byline element read into the first byline (:meth:`joins_byline`)
        self.last_byline: etree._Element | None = None
        self.byline_checks = 0
        self.date_elements = 0
        self.dated_elements = 0
        self.label_checks = 0
        # the path of the page's address without a final "/" (a link to it makes a
        # permalink), "" when unknown, the site's root, or once a permalink time was found
        self.page_path = ""
        self.author_props = 0
        # the page's <base> elements, in page order (see _base_url and tree.base_url)
        self.bases: list[Any] = []
        # the page's <article>, <time>, <script>, <title> and h1-h6 elements in page order,
        # when the caller asked for them (see SIGNAL_TAGS)
        self.tagged: list[Any] | None = None
        # for each <script> met, in page order, the JSON values parsed from it (None: not
        # read as JSON-LD), when the caller asked for them (see metadata_and_bases)
        self.jsonld: list[list[Any] | None] | None = None

    def meta(self, el: etree._Element) -> None:
        content = el.get("content")
        # Twitter's card markup was documented with "value" as well as "content"
        # (<meta name="twitter:description" value="...">); other names need "content".
        twitter_only = content is None
        if twitter_only:
            content = el.get("value")
            if content is None:
                return
        target = self.cands if el.get("property") else self.by_name
        for key in _meta_keys(el):
            if not twitter_only or key.startswith("twitter:"):
                _add(target, key, content)

    def link(self, el: etree._Element) -> None:
        rel = _attr(el, "rel").lower().split()
        if "canonical" in rel:
            _add(self.cands, "link-canonical:href", el.get("href"))
        if "author" in rel and not _attr(el, "href").startswith(("http", "/", "mailto")):
            _add(self.cands, "rel-author:text", el.get("title"))

    def title(self, el: etree._Element) -> None:
        if self.tagged is not None:
            self.tagged.append(el)
        parent = el.getparent()
        if self.have_title or (parent is not None and parent.tag in _SVG_PARENTS):
            return
        self.have_title = True
        _add(self.cands, "title:text", _text_of(el))

    def h1(self, el: etree._Element) -> None:
        if self.tagged is not None:
            self.tagged.append(el)
        if self.first_h1 is None:
            self.first_h1 = el
        if self.h1s < MAX_H1S:
            self.h1s += 1
            # Documentation generators end headings with a permalink mark ("Title¶").
            text = _text_of(el).rstrip().rstrip(_PERMALINK_MARKS)
            self.h1_texts.append((el, text))
            _add(self.cands, "h1:text", text)
            _add(self.cands, "h1:headline", _text_after_kicker(el, text))

    def script(self, el: etree._Element) -> None:
        if self.tagged is not None:
            self.tagged.append(el)
        kind = _attr(el, "type").lower()
        text = el.text
        parsed: list[Any] | None = None
        if text and ("ld+json" in kind or (not kind and _UNTYPED_JSONLD.match(text) is not None)):
            parsed = parse_jsonld(text)
            self.scripts.extend(parsed)
        if self.jsonld is not None:
            self.jsonld.append(parsed)

    def base(self, el: etree._Element) -> None:
        self.bases.append(el)

    def signal(self, el: etree._Element) -> None:
        """Note an ``<article>`` or an h2-h6 (no metadata; see :data:`SIGNAL_TAGS`)."""
        if self.tagged is not None:
            self.tagged.append(el)

    def time(self, el: etree._Element) -> None:
        if self.tagged is not None:
            self.tagged.append(el)
        stamp = el.get("datetime")
        if not stamp:
            return
        if el.get("pubdate") is not None:
            _add(self.cands, "time:pubdate", stamp)
        self.page_time(el, stamp)

    def page_time(self, el: etree._Element, stamp: str) -> None:
        """File a machine-readable time (a ``<time datetime>``, a Unix time attribute) as
        the page's first time when none came before, and as its permalink time when ``el``
        is the first such time in a link to the page's own address."""
        if not self.have_time:
            self.have_time = True
            _add(self.cands, "time:first", stamp)
        if self.page_path and self.links_to_page(el):
            self.page_path = ""  # (the first such time only)
            _add(self.cands, "time:permalink", stamp)

    def links_to_page(self, el: etree._Element) -> bool:
        """Return True when ``el`` sits in a link (itself or one of its two nearest
        ancestors) to the page's own address: a timeline's or a blog's permalink, whose
        time is the page's own item's, where the first time may be a post above it."""
        node: etree._Element | None = el
        for _level in range(3):
            if node is None:
                return False
            if node.tag == "a":
                href = node.get("href")
                if not href:
                    return False
                try:
                    path = urlsplit(href.strip()).path
                except ValueError:
                    return False
                return path.rstrip("/") == self.page_path
            node = node.getparent()
        return False

    def datetime_attr(self, el: etree._Element) -> None:
        """File the ``datetime`` attribute of an element other than ``<time>`` as the first
        time of the page when no ``<time>`` came before (templates put it on a ``div``)."""
        stamp = el.get("datetime")
        if stamp and not self.have_time:
            self.have_time = True
            _add(self.cands, "time:first", stamp)

    def epoch_attr(self, el: etree._Element) -> None:
        """File a Unix time in a data attribute (``<span data-time-ms="1466522845000">Jun
        21</span>``, the machine-readable twin of a shown date, as a timeline's or a
        comment system's scripts write it) as the first time of the page, when no
        ``<time>`` came before. Digits only: such attributes also hold durations and ids."""
        for name in _EPOCH_ATTRS:
            stamp = el.get(name)
            if stamp is not None and _epoch_date(stamp.strip()) is not None:
                self.page_time(el, stamp)
                return

    def a(self, el: etree._Element) -> None:
        if self.anchors < MAX_HOME_LINK_ANCHORS:
            self.anchors += 1
            href = el.get("href")
            # cheap test first: a home link ends in "/" or in the host
            if (
                href is not None
                and (href == "/" or (self.host and href.rstrip("/ ").endswith(self.host)))
                and _is_home_href(href, self.host)
            ):
                self.home_link(el)
        rel = el.get("rel")
        if not rel:
            return
        rels = rel.lower().split()
        if "author" in rels:
            _add(self.cands, "rel-author:text", _text_of(el))
        if "tag" in rels:
            _add(self.cands, "rel-tag:text", _text_of(el))

    def home_link(self, el: etree._Element) -> None:
        """File the text of a link to the site's home page and its logo's ``alt``: a
        logo link ("V8", "Archive of Our Own") spells the site's name."""
        self.home_links += 1
        if self.home_links >= MAX_HOME_LINKS:  # enough: stop testing anchors
            self.anchors = MAX_HOME_LINK_ANCHORS
        _add(self.cands, "home-link:text", _text_of(el, MAX_HOME_LINK_CHARS))
        for count, node in enumerate(el.iter("img")):
            if count >= MAX_HOME_LINKS:
                break
            alt = _attr(node, "alt")
            if len(alt) <= MAX_HOME_LINK_CHARS:
                _add(self.cands, "home-link:text", alt)

    def itemprop(self, el: etree._Element, value: str) -> None:
        for prop in value.split()[:4]:
            if prop not in _ITEMPROPS:  # "articleBody" and the like are not metadata
                continue
            if prop == "author":
                self.author_props += 1
                if self.author_props > MAX_CHECKED_ELEMENTS or _in_reply_item(el):
                    continue
                names = _itemprop_names(el) or [_itemprop_value(el, MAX_BYLINE_CHARS)]
                key = REVIEW_AUTHOR_KEY if _review_item(el) else "itemprop:author"
                for name in names:
                    if len(name) <= MAX_BYLINE_CHARS:
                        _add(self.cands, key, name)
            else:
                _add(self.cands, "itemprop:" + prop, _itemprop_value(el))

    def published(self, el: etree._Element, label: str) -> None:
        """File the date an element whose class names the publication date holds: its
        ``datetime``, ``content`` or ``value`` (a hidden ``<input>``), else its short text."""
        if self.date_elements >= MAX_DATE_ELEMENTS or not _PUBLISHED_CLASS.search(label):
            return
        self.date_elements += 1
        value = el.get("datetime") or el.get("content") or el.get("value")
        if value is None:
            value = _clean(_text_of(el, MAX_DATE_TEXT_CHARS + 1))
            if len(value) > MAX_DATE_TEXT_CHARS:
                return
            if len(el) and has_digit(value) and not normalize_date(value):
                value = _parts_apart(el, value)
        _add(self.cands, "class:published", value)

    def dated(self, el: etree._Element) -> None:
        """File the short text of an element whose class or id names a date: the first
        ``MAX_DATE_ELEMENTS`` such elements that hold a readable date."""
        if self.dated_elements >= MAX_DATE_ELEMENTS:
            return
        # (the markup's indentation counts in the raw text: read more, then measure)
        text = _clean(_text_of(el, MAX_DATE_TEXT_CHARS * 4))
        if len(text) > MAX_DATE_TEXT_CHARS or not has_digit(text):
            return
        if not normalize_date(text):
            apart = _parts_apart(el, text)
            if apart == text or not normalize_date(apart):
                return
            text = apart
        self.dated_elements += 1
        _add(self.cands, "class:date", text)

    def label(self, el: etree._Element) -> None:
        """File the date that a label names: the text after it or the next element's
        ("<dt>Published</dt><dd>3 May 2021</dd>", "<strong>Date</strong> 23.05.2011"), or
        the rest of its own text ("Published: 3 May 2021"); see :data:`_LABEL_KEYS`."""
        if self.label_checks >= MAX_CHECKED_ELEMENTS:
            return
        text = el.text
        if (text is None or text.isspace()) and len(el) == 1 and not (el[0].tail or "").strip():
            text = el[0].text  # "<dt><span>Published</span></dt>"
            if text is None or len(el[0]) or not isinstance(el[0].tag, str):
                return
            el = el[0]
        if not text or len(text) > MAX_DATE_TEXT_CHARS * 4:
            return
        words = _clean(text).strip(_LABEL_EDGES)
        if not words or len(words) > MAX_DATE_TEXT_CHARS:
            return
        words = words.casefold()
        key = _LABEL_KEYS.get(words)
        if key is None and not has_digit(words):
            return
        if len(el):  # "Published <time>May 3</time>": the date may be inside
            whole = _clean(_text_of(el, MAX_DATE_TEXT_CHARS * 4)).strip(_LABEL_EDGES)
            if whole.casefold() != words:
                words = whole.casefold()
                key = None
        self.label_checks += 1
        if key is not None:
            self.labelled(el, key, _labelled_value(el))
            return
        lead = _LABEL_LEAD.match(words)
        if lead is not None:
            self.labelled(el, _LABEL_KEYS[lead["label"]], lead["rest"])

    def labelled(self, el: etree._Element, key: str, value: str | None) -> None:
        """File ``value`` under ``key`` when it is a readable date (at most
        ``MAX_DATE_ELEMENTS`` a key: later ones belong to teasers or comments)."""
        if not value or (el.tag == "th" and key not in _HEADER_CELL_KEYS):
            return
        value = _clean(value)
        if len(value) > MAX_DATE_TEXT_CHARS or not has_digit(value):
            return
        if len(self.cands.get(key, ())) < MAX_DATE_ELEMENTS and normalize_date(value):
            _add(self.cands, key, value)

    def byline(self, el: etree._Element, label: str) -> None:
        if self.bylines >= MAX_BYLINES or el.tag in _NOT_BYLINE_TAGS:
            return
        self.byline_checks += 1
        if self.byline_checks > MAX_CHECKED_ELEMENTS:
            return
        if not _BYLINE_CLASS.search(label) or _NOT_BYLINE_CLASS.search(label):
            return
        if ("tag-" in label or "category-" in label) and not _BYLINE_CLASS.search(
            _TAXONOMY_CLASS.sub(" ", label)
        ):
            return  # only a tag's or a category's slug names the byline word
        text, tags = byline_element_text(el)
        if text and len(text) <= MAX_BYLINE_CHARS and not _taxonomy_link(el, text):
            self.bylines += 1
            if self.bylines == 1:
                self.first_byline = text
            names = _name_parts(el)
            if not names and not tags:
                text = _clean(_name_text(el, _CREDIT_PART_CLASS, _NAME_LIST_ITEM)) or text
                if _CAMEL_JOIN.search(text) is not None and _GLUED_TAIL.search(text) is None:
                    text = _glued_names_apart(el, text)  # (not "Ann LeeMon Jul 03")
            value = " & ".join(names) if names else _byline_text(text)
            if self.joins_byline(el, value):
                return
            _add(self.cands, "byline:text", value)
            values = self.cands.get("byline:text", ())
            self.last_byline = el if self.bylines == 1 and len(values) == 1 else None

    def joins_byline(self, el: etree._Element, value: str) -> bool:
        """Add ``value`` to the page's first byline and return True when ``el`` is the next
        element after the last byline element read into it, with the same class, only a
        joiner between them ("<a class=author>Ann Lee</a> and <a class=author>Bo
        Chen</a>" in an element that names no byline): one byline of several names."""
        last = self.last_byline
        if last is None or last.getnext() is not el or not value.strip():
            return False
        between = (last.tail or "").strip()
        if len(between) > MAX_BYLINE_JOINER_CHARS or has_digit(between):
            return False
        if el.get("class") != last.get("class") or el.tag != last.tag:
            return False
        values = self.cands["byline:text"]
        values[0] = f"{values[0]} & {_clean(value)}"
        self.last_byline = el
        if values[0].count(" & ") < MAX_AUTHORS:
            self.bylines -= 1  # (a list of names is one byline)
        return True

    def finish(self) -> Candidates:
        # An author key declared both ways (<meta property="dc:creator"> and <meta
        # name="DC.creator">) is one byline written twice, not a list of people to merge:
        # the property form wins. Other keys merge (tags differ between the two forms).
        for key, values in self.by_name.items():
            if key in self.cands and key in _AUTHOR_KEYS:
                continue
            for value in values:
                _add(self.cands, key, value)
        if self.scripts:
            # All scripts first, then rank: the article object may sit in a later script
            # than an embedded video's.
            _collect_jsonld(_jsonld_objects(self.scripts), self.cands)
        return self.cands


_AUTHOR_KEYS: Final = frozenset(AUTHOR_SOURCES)
_TAG_HANDLERS: Final[dict[str, Callable[[_Collector, etree._Element], None]]] = {
    "meta": _Collector.meta,
    "link": _Collector.link,
    "title": _Collector.title,
    "h1": _Collector.h1,
    "script": _Collector.script,
    "time": _Collector.time,
    "a": _Collector.a,
    **dict.fromkeys(_LABEL_TAGS, _Collector.label),
    "base": _Collector.base,
    "article": _Collector.signal,
    **{f"h{level}": _Collector.signal for level in range(2, 7)},
}
#: The tags of the elements ``metadata_and_bases(tagged=...)`` hands back (the verdict's
#: light page signals read them); each has a handler above that notes it.
SIGNAL_TAGS: Final = ("article", "time", "script", "title", "h1", "h2", "h3", "h4", "h5", "h6")


# What a class or id string hints at, as bits: a byline (_HINT_BYLINE) and a date named
# by one of its words (_HINT_DATE). Pages repeat their class strings ("post-item",
# "col-md-4") and a site's pages each other's, so the patterns run once per distinct string
# (a pure function of it; the memo is emptied when it grows this large).
_HINT_BYLINE: Final = 1
_HINT_DATE: Final = 2
_HINT_LABEL: Final = 4
_HINTED: Final[dict[str, int]] = {}
_MAX_HINTED: Final = 100_000


def _taxonomy_link(el: etree._Element, text: str) -> bool:
    """Return True when the whole ``text`` of byline element ``el`` is one link to a
    category's or a tag's archive (``<div class="author"><a href="/category/tools">Tools
    </a></div>``, a theme's slot filled with the post's category)."""
    link = None
    for found in el.iter("a"):  # (``el`` itself when it is the link)
        if link is not None:
            return False
        link = found
    if link is None or not _TAXONOMY_HREF.search(link.get("href") or ""):
        return False
    return _clean(_text_of(link, MAX_BYLINE_CHARS)) == text


def _name_hints(names: str) -> int:
    """Return the hint bits of the class or id string ``names`` (see ``_HINTED``)."""
    bits = _HINT_BYLINE if _BYLINE_HINT.search(names) is not None else 0
    if _names_a_date(names):
        bits |= _HINT_DATE
    if "label" in names.lower():  # "field-label", "meta__label", "Label"
        bits |= _HINT_LABEL
    return bits


def _page_path(url: str | None) -> str:
    """Return the path of ``url`` without a final "/", or "" for none or the site's root
    (every page links its home)."""
    if not url:
        return ""
    try:
        return urlsplit(url).path.rstrip("/")
    except ValueError:
        return ""


def _bare_host(url: str | None) -> str:
    """Return ``url``'s host name in lower case without a leading "www.", or ""."""
    if not url:
        return ""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return ""
    return host.removeprefix("www.")


def _is_home_href(href: str, host: str) -> bool:
    """Return True when ``href`` links to the site's home page: "/", or the page's own
    host with an empty path ("https://www.example.com/"). String tests only: the walk
    meets every link of the page, and parsing each as a URL cost more than the rest."""
    href = href.strip()
    if href == "/":
        return True
    if not host:
        return False
    if href.startswith("//"):
        rest = href[2:]
    elif href.startswith(("http://", "https://", "HTTP://", "HTTPS://")):
        rest = href.split("://", 1)[1]
    else:
        return False
    rest = rest.lower().removesuffix("/")
    return rest == host or rest == "www." + host


def collect_candidates(root: etree._Element, *, url: str | None = None) -> Candidates:
    """Return every metadata value on the page, keyed ``"<source>:<name>"``, in page order.

    One walk over the elements (a walk per kind of element, or an XPath per signal, costs
    several times more on the readability-pages corpus).
    """
    return _collect(root, url).cands


def _collect(
    root: etree._Element,
    url: str | None,
    keep: list[Any] | None = None,
    tagged: list[Any] | None = None,
    attributes: dict[Any, tuple[list[str], str | None, str | None, str]] | None = None,
    jsonld: list[list[Any] | None] | None = None,
    ids: list[str] | None = None,
) -> _Collector:
    """Walk the page once; return the collector, its candidates final.

    ``keep`` and ``tagged``, when given, receive every element of the page and its
    elements of :data:`SIGNAL_TAGS`, in page order; ``attributes`` the attribute names,
    ``class``, ``id`` and tag the walk read; ``jsonld`` what was parsed of each
    ``<script>``; ``ids`` every ``id`` (see :func:`metadata_and_bases`).
    """
    found_ids = [] if ids is None else ids
    collector = _Collector(_bare_host(url))
    collector.page_path = _page_path(url)
    collector.tagged = tagged
    collector.jsonld = jsonld
    html_el = root if root.tag == "html" else root.getroottree().getroot()
    _add(collector.cands, "html-lang:lang", html_el.get("lang") or html_el.get("xml:lang"))
    handlers = _TAG_HANDLERS
    hinted = _HINTED
    if len(hinted) >= _MAX_HINTED:
        hinted.clear()
    elements: Iterable[Any] = root.iter(etree.Element)  # elements only: no comments or PIs
    if keep is not None:
        keep.extend(elements)
        elements = keep
    for el in elements:
        tag = el.tag
        handler = handlers.get(tag)
        if handler is not None:
            handler(collector, el)
            if tag == "meta":
                if ids is not None:
                    ident = el.get("id")
                    if ident is not None:
                        ids.append(ident)
                continue
        # one call for the attribute names, then a value only for the names present: an
        # ``el.get`` costs about as much as the loop's other steps together, and most
        # elements have a class or nothing (instruction counts: see docs/extraction.md)
        keys = el.keys()
        if not keys:
            continue
        if len(keys) == 1 and keys[0] == "class":
            # a class and nothing else (4 elements in 10 on trafilatura-eval): none of the
            # tests below would find anything
            cls = el.get("class")
            ident = None
        else:
            if "datetime" in keys and tag not in _EDIT_TAGS:  # <div class=... datetime="...">
                collector.datetime_attr(el)
            elif (
                not collector.have_time or collector.page_path
            ) and not _EPOCH_ATTR_SET.isdisjoint(keys):
                collector.epoch_attr(el)
            if "itemprop" in keys:
                prop = el.get("itemprop")
                if prop:
                    collector.itemprop(el, prop)
            cls = el.get("class") if "class" in keys else None
            if "id" in keys:
                ident = el.get("id", "")  # (present: a string)
                found_ids.append(ident)
            else:
                ident = None
        if attributes is not None:
            attributes[el] = (keys, cls, ident, tag)
        if not cls and not ident:
            continue
        hints = 0
        if cls:
            bits = hinted.get(cls)
            if bits is None:
                bits = hinted[cls] = _name_hints(cls)
            hints = bits
        if ident:
            bits = hinted.get(ident)
            if bits is None:
                bits = hinted[ident] = _name_hints(ident)
            hints |= bits
        if not hints:
            continue
        if hints & _HINT_BYLINE:
            label = f"{cls or ''} {ident or ''} {el.get('rel') or ''}"
            collector.byline(el, label)
            collector.published(el, label)
        if hints & _HINT_DATE:
            collector.dated(el)
        if hints & _HINT_LABEL and tag not in _LABEL_TAGS:
            collector.label(el)
    cands = collector.finish()
    if url:
        _add(cands, "url:date", date_from_url(url))
    for profile in cands.get("og:article:author", ())[:MAX_AUTHORS]:
        _add(cands, "og:article:author-url", name_from_profile_url(profile))
    if collector.first_h1 is not None:
        headline = _headline_h1(collector.h1_texts, cands)
        if headline is None:
            headline = collector.first_h1
        # (one bounded read of the text after the <h1> serves the date and the byline)
        after = list(_text_nodes_after(headline, MAX_H1_DATE_CHARS, MAX_H1_DATE_NODES))
        _add(cands, "h1:date", _date_after(_inside_after_headline(headline)))
        updates: list[str] = []
        _add(cands, "h1:date", _date_after(after, updates))
        _add(cands, "h1:modified", updates[0] if updates else None)
        _add(cands, "h1:byline", _byline_after(after))
        _add(cands, "h1:before", _date_before(headline))
    if collector.first_byline and not any(cands.get(key) for key in _BEFORE_BYLINE_DATE):
        _add(cands, "byline:date", _byline_date(collector.first_byline))
    return collector


#: The published-date sources ahead of the first byline's date: with any of them the
#: byline's date is not read (one search of a date pattern less on most pages).
_BEFORE_BYLINE_DATE: Final = PUBLISHED_SOURCES[: PUBLISHED_SOURCES.index("byline:date")]


def _byline_date(text: str) -> str | None:
    """Return the date written in the page's first byline element, with the zone after
    its time ("11:05 IST"), or None; not a date after an update's label ("Ann Lee |
    Updated: May 3, 2021"), the date of a change."""
    span = date_span(text)
    if span is None:
        return None
    start, found = _date_text(text, span)
    if _names_update(text[:start]) or normalize_date(found) is None:
        return None
    return found


def _date_text(text: str, span: tuple[int, int]) -> tuple[int, str]:
    """Return the date at ``span`` in ``text`` (:func:`date_span`) with the time written
    just before it ("10:15 AM EDT May 3, 2021", :func:`time_before`) and the time with a
    point or the zone after it ("3 May 2021 14.15 BST", "May 3, 2021 11:05 IST"), and
    where it starts."""
    start, end = span
    before = time_before(text, start)
    if before is not None:
        start = before.start()
    timed = _time_after(text, end)
    if timed is not None:
        end = timed.end()
    zone = ZONE_AFTER_TIME.match(text, end)
    return start, text[start : zone.end() if zone is not None else end]


#: The declared titles an ``<h1>`` is compared with to find the headline among them.
_DECLARED_TITLES: Final = ("jsonld:headline", "og:title", "twitter:title", "title:text")


def _headline_h1(
    h1s: Sequence[tuple[etree._Element, str]], cands: Candidates
) -> etree._Element | None:
    """Return the ``<h1>`` that holds the page's headline, or None for the first one.

    When a page has several ``<h1>``s, the first may be the site's logo or name ("Rolling
    Stone", an empty one around a logo image), a section's name ("Blog", "Forum") or a
    menu's: the headline is then the one whose text is the longest that the page's
    declared titles (JSON-LD ``headline``, ``og:title``, ``twitter:title``, ``<title>``)
    contain, at least ``MIN_H1_TITLE_CHARS`` long. The date and byline lines under the
    headline are read after it.
    """
    if len(h1s) < 2:
        return None
    declared = [_key(values[0]) for name in _DECLARED_TITLES if (values := cands.get(name))]
    declared = [key for key in declared if key]
    if not declared:
        return None
    best: etree._Element | None = None
    best_size = MIN_H1_TITLE_CHARS - 1
    for el, text in h1s:
        key = _key(text)
        if len(key) > best_size and any(key in title for title in declared):
            best, best_size = el, len(key)
    return best


#: How much text after the first ``<h1>`` is searched for a written date: a standfirst and
#: a byline line ("By Ann Lee | Published December 14, 2016 2:24 pm") fit in it.
MAX_H1_DATE_CHARS: Final = 300
#: How much printed text after the first ``<h1>`` may come before its byline line ("By
#: Ann Lee" under a headline and a standfirst).
MAX_H1_BYLINE_CHARS: Final = 200
#: Elements looked through after the ``<h1>`` for that text (empty wrappers cost nothing
#: else, and a hostile page can have any number of them).
MAX_H1_DATE_NODES: Final = 200


def _date_after(
    after: Sequence[tuple[str, etree._Element | None]], updates: list[str] | None = None
) -> str | None:
    """Return the first date written in ``after``, the text that follows the first ``<h1>``
    in page order (:func:`_text_nodes_after`, at most ``MAX_H1_DATE_CHARS`` characters),
    as it is written, or None. A date that
    :func:`normalize_date` cannot read (the ambiguous "5/3/2024") is passed over.

    Only a short text node counts (at most ``MAX_DATE_TEXT_CHARS`` characters: "By Ann
    Lee | April 13, 2020", "Stand: 05. Februar 2020"): a date inside a sentence is the
    date of what the sentence tells ("the meeting on 5 February"), not of the page.

    A date after an update's label ("Updated March 5, 2025") is the date of the last
    change: it is passed over, and added to ``updates`` when that is given (the page's
    modified date, and its published date only when it gives no other).
    """
    previous = ""  # the text before, for the label of a date in an element of its own
    for part, holder in after:
        text = _clean(part)
        if not text:
            continue
        before, previous = previous, text
        if len(text) > MAX_DATE_TEXT_CHARS or not has_digit(text):
            continue  # (no date pattern, written or CJK, matches without a digit)
        if holder is not None and _in_labelled_row(holder):
            continue  # "Founded | February 28, 1998": a record's field, not the page's date
        span = date_span(text)
        start, found = _date_text(text, span) if span is not None else (0, "")
        if found and _names_update(text[:start] or before):
            # "Updated March 5, 2025": the date of the last change, not of the page
            if updates is not None and normalize_date(found) is not None:
                updates.append(found)
            continue
        if found and normalize_date(found) is not None:
            return found  # (with its time and zone: "11:05 IST" is the date's)
        cjk = _CJK_DATE.search(text)
        if cjk is not None:
            return cjk.group(0)
        numeric = _YEAR_FIRST_NUMERIC.search(text)  # "2019/04/04 09:00 公開"
        if numeric is not None and _year_first_numeric_date(numeric.group(0)) is not None:
            if not _names_update(text[: numeric.start()] or before):
                return numeric.group(0)
            if updates is not None:
                updates.append(numeric.group(0))
    return None


def _names_update(label: str) -> bool:
    """Return True when ``label``, the text just before a date, ends with a label of the
    date of a change ("Updated", "Zuletzt aktualisiert am", "Mis à jour le":
    ``_MODIFIED_LABELS``)."""
    words = label.strip(_LABEL_EDGES).casefold()
    if not words or len(label) > MAX_DATE_TEXT_CHARS:
        return False
    return any(
        words == name or (words.endswith(name) and not words[-len(name) - 1].isalnum())
        for name in _MODIFIED_LABELS
    )


#: How many ancestors of a text are looked through for the table cell holding it.
MAX_CELL_DEPTH: Final = 3


def _in_labelled_row(holder: etree._Element) -> bool:
    """Return True when ``holder`` is (or is within ``MAX_CELL_DEPTH`` levels of) a data
    cell whose row has a header cell: the value of a record's labelled field ("<tr><th>
    Founded</th><td>February 28, 1998</td></tr>" in an infobox or a product's table), not
    a dateline of the page."""
    node: etree._Element | None = holder
    for _ in range(MAX_CELL_DEPTH):
        if node is None:
            return False
        if node.tag == "td":
            row = node.getparent()
            return row is not None and any(cell.tag == "th" for cell in row)
        node = node.getparent()
    return False


def _inside_after_headline(h1: etree._Element) -> list[tuple[str, etree._Element | None]]:
    """Return the texts inside ``h1`` after its first one, in page order: a date set in
    the heading under the headline's words ("<h1>Headline<br><small>02.02.2022 ·
    Sport</small></h1>"). The headline's own first text is left out (a date in a headline
    is what it tells of)."""
    texts: list[tuple[str, etree._Element | None]] = []
    if (h1.text or "").strip():
        texts.append((h1.text or "", h1))
    for count, node in enumerate(h1.iterdescendants()):
        if count >= MAX_BEFORE_H1_NODES:
            break
        if isinstance(node.tag, str) and node.tag not in _SKIP_TEXT_TAGS and node.text:
            texts.append((node.text, node))
        if node.tail:
            texts.append((node.tail, node.getparent()))
    words = [item for item in texts if item[0].strip()]
    return words[1:]  # not the headline's own words


#: How much text before the first ``<h1>`` is searched for a date line, and through how
#: many nodes: a kicker, a category and a date fit; a teaser list above the headline
#: mostly does not.
MAX_BEFORE_H1_CHARS: Final = 150
MAX_BEFORE_H1_NODES: Final = 30


def _date_before(h1: etree._Element) -> str | None:
    """Return the date written in the text just before ``h1`` (at most
    ``MAX_BEFORE_H1_CHARS`` characters, nearest first), as it is written, or None. Only a
    short text node counts, as after the ``<h1>`` (:func:`_date_after`)."""
    size = 0
    for raw in _text_nodes_before(h1, MAX_BEFORE_H1_NODES):
        if raw.isspace():  # (the white space between elements: nothing once cleaned)
            continue
        text = _clean(raw)
        size += len(text)
        if size > MAX_BEFORE_H1_CHARS:
            return None
        if not text or len(text) > MAX_DATE_TEXT_CHARS or not has_digit(text):
            continue
        span = date_span(text)
        if span is not None and normalize_date(text[span[0] : span[1]]) is not None:
            return _date_text(text, span)[1]
        cjk = _CJK_DATE.search(text)
        if cjk is not None:
            return cjk.group(0)
        numeric = _YEAR_FIRST_NUMERIC.search(text)
        if numeric is not None and _year_first_numeric_date(numeric.group(0)) is not None:
            return numeric.group(0)
    return None


def _text_nodes_before(el: etree._Element, max_nodes: int) -> Iterator[str]:
    """Yield the text nodes before ``el`` in reverse page order (nearest first; scripts
    and styles left out), looking through at most ``max_nodes`` nodes.

    Each preceding sibling's subtree is read backwards: its tail, then its last child's
    tail and subtree ... and its own text last; then the parent's text, and the parent's
    preceding siblings. Every text or tail looked at counts as a node, empty or not (one
    generator, with the subtree's walk written into it: a generator per sibling cost a
    third of the time again).
    """
    steps = 0
    node: etree._Element | None = el
    while node is not None and steps < max_nodes:
        for sibling in node.itersiblings(preceding=True):
            steps += 1
            tail = sibling.tail
            if tail:
                yield tail
            if steps >= max_nodes:
                return
            if isinstance(sibling.tag, str) and sibling.tag in _SKIP_TEXT_TAGS:
                continue
            stack = [(sibling, sibling.iterchildren(reversed=True))]
            while stack:
                top, children = stack[-1]
                child = next(children, None)
                steps += 1
                if child is None:
                    stack.pop()
                    if isinstance(top.tag, str):
                        text = top.text
                        if text:
                            yield text
                else:
                    tail = child.tail
                    if tail:
                        yield tail
                    if isinstance(child.tag, str) and child.tag not in _SKIP_TEXT_TAGS:
                        stack.append((child, child.iterchildren(reversed=True)))
                if steps >= max_nodes:
                    return
        node = node.getparent()
        if node is not None and isinstance(node.tag, str) and node.text:
            if node.tag not in _SKIP_TEXT_TAGS:
                yield node.text
            steps += 1


def _printed_chars(text: str) -> int:
    """Return the length of ``text`` without its leading and trailing white space: a text
    node that only indents the next element ("\\n            ") counts for nothing."""
    return len(text.strip())


def _text_nodes_after(
    el: etree._Element, limit: int, max_nodes: int
) -> Iterator[tuple[str, etree._Element | None]]:
    """Yield (text, holder) for the text nodes after ``el`` in page order (scripts and
    styles left out), up to about ``limit`` characters, looking through at most
    ``max_nodes`` elements; ``holder`` is the element whose text it is (the parent, for a
    tail). Only printed characters count towards ``limit`` (:func:`_printed_chars`): the
    indentation of a template's nested wrappers is no text a reader sees."""
    size = nodes = 0
    node: etree._Element | None = el
    while node is not None and size < limit and nodes < max_nodes:
        if tail := node.tail:
            yield tail, node.getparent()
            size += _printed_chars(tail)
        for sibling in node.itersiblings():
            for item in sibling.iter():
                nodes += 1
                tag = item.tag
                if isinstance(tag, str) and tag not in _SKIP_TEXT_TAGS and (text := item.text):
                    yield text, item
                    size += _printed_chars(text)
                if item is not sibling and (tail := item.tail):
                    yield tail, item.getparent()
                    size += _printed_chars(tail)
                if size >= limit or nodes >= max_nodes:
                    return
            if tail := sibling.tail:
                yield tail, node.getparent()
                size += _printed_chars(tail)
        node = node.getparent()


# The lead word of a byline line ("By", "Written by", "Von", "Par", "Author:"), not of a
# credit for a picture ("Photo by").
_BYLINE_LEAD: Final = re.compile(
    r"^(?:(?:(?:written|posted|words|story|reported)\s+by|(?:erstellt|verfasst|geschrieben|"
    r"gepostet)\s+von|(?:écrit|rédigé)\s+par|(?:escrito|redactado)\s+por|scritto\s+da|"
    r"geschreven\s+door|napisane\s+przez|by|von|par|por|door|przez|di|av|af)\b"
    rf"|(?:{_AUTHOR_LABEL_WORDS})\s*[:：])",
    re.IGNORECASE,
)


def _byline_after(after: Sequence[tuple[str, etree._Element | None]]) -> str | None:
    """Return the byline line written just after the first ``<h1>`` ("By Ann Lee", "By
    <a>Ann Lee</a> | Published ...") with dates and roles cut off, or None; ``after`` is
    the text that follows it, as :func:`_date_after` reads it.

    The line starts at a short text node (at most ``MAX_DATE_TEXT_CHARS`` characters)
    opening with a byline's lead word, within ``MAX_H1_BYLINE_CHARS`` printed characters
    of the ``<h1>`` (or ``MAX_H1_DATE_CHARS`` characters counting white space), and runs
    to the end of the element holding it, when that is short enough for a byline
    (``MAX_BYLINE_CHARS``); else it is that text node alone. Further on, a "by" line
    signs a teaser or a thread of a list under the heading.
    """
    printed = written = 0
    for index, (text, holder) in enumerate(after):
        if printed > MAX_H1_BYLINE_CHARS and written > MAX_H1_DATE_CHARS:
            return None
        printed += _printed_chars(text)
        written += len(text)
        start = _clean(text).lstrip(_BYLINE_LEAD_EDGES)
        lead = _BYLINE_LEAD.match(start)
        if not start or len(start) > MAX_DATE_TEXT_CHARS or lead is None:
            continue
        line = start
        if holder is not None:
            whole = _clean(_text_of(holder, MAX_BYLINE_CHARS * 2, _NAME_LIST_ITEM, _NAME_LIST_ITEM))
            at = whole.find(start)
            if at >= 0 and len(whole) - at <= MAX_BYLINE_CHARS:
                line = whole[at:]
        if not line[lead.end() :].strip(_BYLINE_LEAD_EDGES):
            # "<span>By</span> <a>Ann Lee</a> and <a>Bo Chen</a>": the line runs on in the
            # lead's siblings, else it is the next text alone
            whole = _text_from(holder) if holder is not None and holder.text else ""
            rest = whole[len(start) :].strip() if whole.startswith(start) else ""
            if rest and not rest[0].islower():  # (as _next_text: "GROUP BY expr")
                found = _byline_text(f"{line} {rest}")
                if normalize_authors([found], visible=True):
                    return found
            line = f"{line} {_next_text(after, index)}"
        return _byline_text(line)
    return None


def _text_from(el: etree._Element) -> str:
    """Return the text of ``el`` and of what follows it on its line inside its parent (its
    tail, its later siblings up to a block or a line break, and their tails), cleaned, or
    "" when that is longer than ``MAX_BYLINE_CHARS``: the line a byline's lead word in an
    element of its own opens ("<span>By</span> <a>Ann Lee</a> and <a>Bo Chen</a>")."""
    parts = [_text_of(el, MAX_BYLINE_CHARS), el.tail or ""]
    size = len(parts[0]) + len(parts[1])
    for sibling in el.itersiblings():
        if size > MAX_BYLINE_CHARS * 2:
            return ""
        if sibling.tag in _BREAK_TAGS:
            break
        if isinstance(sibling.tag, str) and sibling.tag not in _SKIP_TEXT_TAGS:
            text = _text_of(sibling, MAX_BYLINE_CHARS * 2)
            parts.append(text)
            size += len(text)
        parts.append(sibling.tail or "")
        size += len(sibling.tail or "")
    text = _clean("".join(parts))
    return text if len(text) <= MAX_BYLINE_CHARS else ""


#: Separators around a byline's lead word set apart in an element of its own ("| By ").
_BYLINE_LEAD_EDGES: Final = " |:·•⋅∙‧｜¦-–—"


def _next_text(after: Sequence[tuple[str, etree._Element | None]], index: int) -> str:
    """Return the first text after ``after[index]`` that is not blank, cleaned, when it is
    short enough for a name (``MAX_DATE_TEXT_CHARS``) and does not open with a lower-case
    letter, else "": the name that follows a lead word written in an element of its own
    ("<span>By</span> <a>Ann Lee</a>"; not the "expr" after "GROUP BY" in a syntax
    diagram)."""
    for text, _holder in after[index + 1 :]:
        cleaned = _clean(text)
        if cleaned:
            fits = len(cleaned) <= MAX_DATE_TEXT_CHARS and not cleaned[0].islower()
            return cleaned if fits else ""
    return ""


# --------------------------------------------------------------------------- picking


def _first(
    cands: Candidates, sources: Sequence[str], pick: Callable[[str], str | None]
) -> tuple[str | None, str | None]:
    """Return (value, key) for the first candidate that ``pick`` accepts, in source order."""
    for key in sources:
        for raw in cands.get(key, ()):
            value = pick(raw)
            if value:
                return value, key
    return None, None


def _pick_date(cands: Candidates, sources: Sequence[str]) -> tuple[str | None, str | None]:
    """Return (date, key): the first date of ``sources``, given in the publisher's own time
    zone when another source states the same instant so (:func:`_local_twin`)."""
    value, key = _first(cands, sources, normalize_date)
    if value is not None and len(value) == len("2024-10-31"):
        timed = _timed_same_day(cands, sources, value)
        if timed is not None:
            return timed
    if value is not None and len(value) == len("2024-10-31T10:00:00"):
        zoned = _zoned_twin(cands, sources, value)
        if zoned is not None:
            return zoned
    if value is None or not value.endswith(_UTC_SUFFIX):
        return value, key
    twin = _local_twin(cands, sources, value)
    return twin if twin is not None else (value, key)


def _zoned_twin(cands: Candidates, sources: Sequence[str], naive: str) -> tuple[str, str] | None:
    """Return (datetime, key) of the first candidate that gives the time ``naive`` (a
    datetime without an offset) to the minute with an offset, or None.

    A CMS often writes the same time twice, once with the publisher's offset
    (``article:published_time`` "2017-11-03T03:01:00-04:00") and once without it (JSON-LD
    "2017-11-03T03:01:00"): the offset belongs to the time. A twin in UTC is not taken:
    templates append "Z" to local times too.
    """
    minute = naive[: len("2024-10-31T10:00")]
    for key in sources:
        for raw in cands.get(key, ()):
            value = normalize_date(raw)
            if (
                value is not None
                and len(value) > len(naive)
                and value.startswith(minute)
                and not value.endswith(_UTC_SUFFIX)  # "Z" on a local time is a template's
            ):
                return value, key
    return None


def _timed_same_day(cands: Candidates, sources: Sequence[str], day: str) -> tuple[str, str] | None:
    """Return (datetime, key) of the first candidate that gives a time on ``day``, or None.

    A source that gives only the day (the date in the URL path, "/2016/12/15/") confirms
    a later source that states a time on that same day: the page's own ``<time
    datetime="2016-12-15T15:33:00-05:00">`` is the article's, and says more.
    """
    for key in sources:
        for raw in cands.get(key, ()):
            value = normalize_date(raw)
            if value is not None and len(value) > len(day) and value.startswith(day + "T"):
                return value, key
    return None


#: How :func:`normalize_date` writes a datetime given in UTC ("Z", "+00:00", "GMT").
_UTC_SUFFIX: Final = "+00:00"


def _local_twin(
    cands: Candidates, sources: Sequence[str], utc_value: str
) -> tuple[str, str] | None:
    """Return (date, key) of the first candidate that states the instant ``utc_value``
    with a non-zero UTC offset, or None.

    Structured data often gives a time in UTC ("2017-02-24T01:18:13Z") while the social
    card gives the same instant in the publisher's zone ("2017-02-23T17:18:13-08:00"); the
    date readers see printed on the page is the local one.
    """
    instant = datetime.fromisoformat(utc_value)
    for key in sources:
        for raw in cands.get(key, ()):
            value = normalize_date(raw)
            if value is None or len(value) <= len("2024-10-31") or value.endswith(_UTC_SUFFIX):
                continue
            stamp = datetime.fromisoformat(value)
            if stamp.tzinfo is not None and stamp == instant:
                return value, key
    return None


#: Languages whose readers keep one clock: the offset of a local time on a page in one of
#: them. Japanese (Japan), Korean (South Korea) and Chinese (China, Taiwan, Hong Kong,
#: Macau and Singapore are all at UTC+8); none of these keeps daylight saving time.
LANGUAGE_OFFSETS: Final[dict[str, str]] = {"ja": "+09:00", "ko": "+09:00", "zh": "+08:00"}


def _may_keep_one_clock(language: str | None) -> bool:
    """Return True when ``language`` is one of :data:`LANGUAGE_OFFSETS`' or undeclared
    (the body's language, guessed later, may be): only then a stated offset is sought."""
    return language is None or language.split("-", 1)[0].lower() in LANGUAGE_OFFSETS


def _naive_time(value: str | None) -> bool:
    """Return True when ``value`` is a date and time without an offset."""
    return value is not None and len(value) == len("2024-10-31T10:00:00")


#: The date sources whose offset tells the page's clock.
_DATED_SOURCES: Final = (*PUBLISHED_SOURCES, *MODIFIED_SOURCES)


def _stated_offset(cands: Candidates) -> str | None:
    """Return the first offset other than UTC that a date source of the page states
    ("+05:30" of ``article:modified_time`` "2020-04-07T15:49:34+05:30"), or None. A "Z"
    or "+00:00" is no statement: templates append it to local times too."""
    for key in _DATED_SOURCES:
        for raw in cands.get(key, ()):
            value = normalize_date(raw)
            if value is not None and len(value) > len("2024-10-31T10:00:00"):
                offset = value[len("2024-10-31T10:00:00") :]
                if offset != _UTC_SUFFIX:
                    return offset
    return None


def in_language_zone(
    value: str | None, language: str | None, stated: str | None = None
) -> str | None:
    """Return ``value`` with the offset of ``language``'s one time zone when it is a time
    written without an offset ("2019-04-04T09:00:00" on a page in Japanese is 09:00 in
    Tokyo, ``2019-04-04T09:00:00+09:00``), else unchanged.

    A day alone stays a day, and an offset the page stated is kept; a language spoken in
    several zones (English, Spanish, Russian ...) adds nothing. ``stated``, the offset the
    page gives another of its dates (:func:`_stated_offset`), wins over the language's:
    a page in Chinese whose ``article:modified_time`` ends in "+09:00" keeps a Japanese
    clock ("2019-04-04T09:00:00" is ``+09:00``, not the ``+08:00`` of China).
    """
    if value is None or len(value) != len("2024-10-31T10:00:00"):
        return value
    if language is None:
        return value
    offset = LANGUAGE_OFFSETS.get(language.split("-", 1)[0].lower())
    if offset is None:
        return value
    return value + (stated or offset)


def _h1_inside(title: str, h1s: Sequence[str], site_keys: Sequence[str]) -> str | None:
    """Return the ``<h1>`` that is a separator-delimited part of ``title``, if any.

    An ``<h1>`` naming the site (a logo) is never the title. A short one is accepted only
    as the first part ("Mozilla - Wikipedia"): a short last part is usually the site.
    When several ``<h1>`` match, the one matching the earliest part wins: a page heading
    "evolve extension for Mercurial" above the article's own ``<h1>`` is the site's name,
    the last part of "Evolve: Shared Mutable History — evolve extension for Mercurial".
    """
    parts = [_key(p) for p in _TITLE_SEPARATOR.split(title)]
    if len(parts) < 2:
        return None
    best: str | None = None
    best_index = len(parts)
    for h1 in h1s:
        key = _key(h1)
        if not key or key not in parts or any(_site_matches(h1, k) for k in site_keys if k):
            continue
        index = parts.index(key)
        if index < best_index and (len(h1) >= MIN_H1_TITLE_CHARS or index == 0):
            best, best_index = h1, index
    return best


#: What may stand between a kicker and its headline in an ``<h1>``: spaces, a colon, a
#: dash or a bar (some sites print it in an element of its own, hidden from readers).
_KICKER_EDGES: Final = " \t\r\n:：-–—|·•"


def _text_after_kicker(el: etree._Element, text: str) -> str | None:
    """Return the text of an ``<h1>`` after its leading element, or None.

    A headline with a kicker set over it is often one ``<h1>`` whose first element holds
    the kicker: ``<h1><span class="subtitle">Olympische Spiele in Paris</span> Getränke
    per Schiff ins Stadtzentrum</h1>``. The text after that element (a dash or colon
    between them dropped) is the headline when a declared title joins the two with a
    separator (:func:`_headline_under_kicker`). ``text`` is the ``<h1>``'s own text.
    """
    if len(el) == 0 or (el.text and el.text.strip()):
        return None
    first = el[0]
    if not isinstance(first.tag, str):
        return None
    kicker = _text_of(first).strip()
    stripped = text.strip()
    if not kicker or not stripped.startswith(kicker):
        return None
    return stripped[len(kicker) :].strip(_KICKER_EDGES) or None


#: Where a title's first part ends for a kicker: a title separator or a colon.
_KICKER_END: Final = re.compile(rf"{_TITLE_SEPARATOR.pattern}|\s*[:：]\s+|：")


def _headline_under_kicker(title: str, cands: Candidates) -> tuple[str, str] | None:
    """Return (headline, kicker) when ``title`` is a kicker and the page's headline.

    A declared title often joins the label a page sets over its headline and the headline
    ("Siemens und die Kohlemine Adani: Kaeser verarscht Neubauer", "Corona-Pandemie -
    „Es kommt auch darauf an ...“") where the page's ``<h1>`` shows the headline alone, or
    the kicker in an element of its own before it (:func:`_text_after_kicker`). When the
    title's first part (before its first separator or colon) has at most
    :data:`MAX_KICKER_WORDS` words and the rest is such an ``<h1>``'s headline, the
    headline is the title and the first part the kicker (not when it is the headline
    again).
    """
    parts = _KICKER_END.split(title, maxsplit=1)
    if len(parts) != 2:
        return None
    kicker, rest = parts[0].strip(), _key(parts[1])
    # (a first part that says the rest again is no kicker: "Lust for Youth: Lust for
    # Youth" is a self-titled album's review)
    if not kicker or len(kicker.split()) > MAX_KICKER_WORDS or _key(kicker) in ("", rest):
        return None
    for headline in (*cands.get("h1:headline", ()), *cands.get("h1:text", ())):
        if _key(headline) == rest and len(headline) >= MIN_STRIPPED_TITLE_CHARS:
            return headline, kicker
    return None


def _first_or_longest_part(part: str, title: str) -> bool:
    """Return True when ``part`` is the first separator-delimited part of ``title`` or no
    other part is longer."""
    key = _key(part)
    parts = [_key(other) for other in _TITLE_SEPARATOR.split(title)]
    return parts[0] == key or all(len(other) <= len(key) for other in parts)


def _confirmed_headline(headlines: Sequence[str], cands: Candidates) -> str | None:
    """Return the JSON-LD headline that ``<title>`` or ``og:title`` confirms, if any.

    Some pages put a summary in "headline" and the title in "name" (Wikipedia does); the
    one the page's visible title contains is the title.
    """
    shown = [*cands.get("title:text", ())[:1], *cands.get("og:title", ())[:1]]
    parts = {_key(p) for text in shown for p in [text, *_TITLE_SEPARATOR.split(text)]}
    for headline in headlines:
        if _key(headline) in parts:
            return headline
    return None


_WORD: Final = re.compile(r"\w+")
_CJK_WORD: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def _words(text: str) -> set[str]:
    """Return the case-folded words of ``text``; Chinese, Japanese and Korean runs count
    one character a word (they have no spaces to split on)."""
    words: set[str] = set()
    for word in _WORD.findall(text.casefold()):
        if _CJK_WORD.search(word):
            words.update(word)
        else:
            words.add(word)
    return words


def _unrelated_headline(headline: str, cands: Candidates) -> bool:
    """Return True when the page's own titles share no word with a JSON-LD ``headline``.

    A headline with nothing in common with ``<title>``, ``og:title`` and
    ``twitter:title`` (all the ones present) is a template's placeholder (a CMS's name)
    or the headline of another item on the page. On both corpora every JSON-LD headline
    that differs from the page's titles still shares a word with them, except such ones.
    """
    shown = [v[0] for k in ("title:text", "og:title", "twitter:title") if (v := cands.get(k))]
    words = _words(headline)
    return bool(shown) and all(not words & _words(text) for text in shown)


def _pick_title(
    cands: Candidates, site_names: Sequence[str], url: str | None, authors: Sequence[str] = ()
) -> tuple[str | None, str | None]:
    """Return (title, key): the first title source, with the site's name removed.

    A personal blog names itself after its author ("Post title | Ann Lee"), so the name
    of a sole author is removed from the end of the title too (never from its start:
    "Ann Lee | Obituary" is about her).
    """
    title, key = _first(cands, TITLE_SOURCES, lambda raw: raw)
    if title is None or key is None:
        return None, None
    if key == "jsonld:headline":
        confirmed = _confirmed_headline(cands["jsonld:headline"], cands)
        if confirmed is not None:
            title = confirmed
        elif _unrelated_headline(title, cands):
            title, key = _first(cands, TITLE_SOURCES[1:], lambda raw: raw)
            if title is None or key is None:
                return None, None
    # (its control characters dealt with before its parts are compared with the site's
    # names: "Story | JOHNSON\u00e2\x80\x99S" read encoded twice names "Johnson's")
    title = _without_controls(title) or title
    site_keys = [*(_key(name) for name in site_names if name), _host_label(url)]
    site_keys.extend(_home_link_keys(cands))
    # "Story | Section - Site" in <title>, or in a social title ("Opinion | Story", "Story
    # | Network Politics"): the page's <h1> names the part that is the story. In a social
    # title that is its first or its longest part: a logo's <h1> names another one.
    h1 = _h1_inside(title, cands.get("h1:text", ()), site_keys)
    if h1 is not None and (key == "title:text" or _first_or_longest_part(h1, title)):
        return h1, "h1:text"
    trailing = [_key(authors[0])] if len(authors) == 1 else []
    stripped = _strip_site(title, site_keys, trailing, site_like=True)
    if key != "title:text":  # compared without its site name: "Story | Site" is "Story"
        confirmed = _h1_confirmed_by_title(stripped, cands, site_keys)
        if confirmed is not None:
            return confirmed, "h1:text"
    return stripped, key


def _h1_confirmed_by_title(
    declared: str, cands: Candidates, site_keys: Sequence[str]
) -> str | None:
    """Return the ``<h1>`` that the page's ``<title>`` spells (whole, site name aside, or
    as its first part) when a declared title (JSON-LD, ``og:title`` ...) is another
    headline: a social one written for sharing ("It's been a rough few months for ...")
    beside the headline the page shows and its ``<title>`` repeats ("What's the Hold-Up
    at ...?"), or the headline without the subtitle the page shows.

    The declared title stays when the ``<title>`` names it too ("Site | Story"), when the
    two are one headline spelt a little differently (:data:`MAX_RESPELT_WORDS`), and when
    one holds the other but the longer one adds no part after a separator, a colon or a
    bracket (a word more or less, "The ...", is a respelling; a subtitle or "(Published
    2016)" is a part).
    """
    titles = cands.get("title:text", ())
    h1s = cands.get("h1:text", ())
    if not titles or not h1s:
        return None
    declared_key = _key(declared)
    keys = [_key(h1) for h1 in h1s]
    if all(key == declared_key for key in keys):  # the common case: one headline
        return None
    page_title = titles[0]
    parts = [_key(part) for part in _TITLE_SEPARATOR.split(page_title)]
    if declared_key in parts:  # "Site | Story": the <title> names the declared title too
        return None
    spelt = {_key(page_title), _key(_strip_site(page_title, site_keys, site_like=True)), parts[0]}
    for h1, key in zip(h1s, keys, strict=True):
        if (
            key
            and key in spelt
            and key != declared_key
            and len(h1) >= MIN_STRIPPED_TITLE_CHARS
            and not any(_site_matches(h1, k) for k in site_keys if k)
        ):
            return h1 if _another_headline(h1, key, declared, declared_key) else None
    return None


#: Two titles whose words differ by at most this many (either way) are one headline
#: spelt twice ("Dropbox’s ATF - an async ..." and "Dropbox ATF: an async ...").
MAX_RESPELT_WORDS: Final = 2


def _another_headline(h1: str, key: str, declared: str, declared_key: str) -> bool:
    """Return True when the ``<h1>`` (comparison key ``key``) is another headline than the
    declared title, or the declared one with a part added or taken away; False for one
    headline spelt twice (:func:`_h1_confirmed_by_title`)."""
    if key in declared_key or declared_key in key:
        longer, shorter = (h1, declared_key) if len(key) > len(declared_key) else (declared, key)
        return _key(_TITLE_PART_END.split(longer, maxsplit=1)[0]) == shorter
    words = set(_NOT_ALNUM.split(h1.casefold())) ^ set(_NOT_ALNUM.split(declared.casefold()))
    return len(words - {""}) > MAX_RESPELT_WORDS


#: Where a title's first part ends: a title separator, a colon, an opening bracket.
_TITLE_PART_END: Final = re.compile(rf"{_TITLE_SEPARATOR.pattern}|\s*[:：]\s*|\s*[(（\[]")


def _site_from_title(cands: Candidates, url: str | None) -> tuple[str | None, str | None]:
    """Return (site name, key) from the end of the page's ``<title>`` when nothing declares
    one: the last part after a title separator that names the site of the page's address
    or of its home-page links ("... - The New York Times" on nytimes.com). A last part
    that only looks like a site's name is not enough here."""
    keys = [k for k in (_host_label(url), *_home_link_keys(cands)) if k]
    if not keys:
        return None, None
    for raw in cands.get("title:text", ())[:1]:
        raw = _without_controls(raw) or raw  # (as :func:`_pick_title` compares it)
        seps = list(_TITLE_SEPARATOR.finditer(raw))
        if not seps:
            return None, None
        tail = raw[seps[-1].end() :].strip()
        head = raw[: seps[-1].start()].strip()
        if (
            tail
            and len(head) >= MIN_STRIPPED_TITLE_CHARS
            and len(tail.split()) <= MAX_TITLE_SITE_WORDS
            and any(_site_matches(tail, k, inside=True) for k in keys)
        ):
            return tail, "title:text"
    return None, None


#: The longest site name (words) read from the end of a ``<title>``: the longest found on
#: trafilatura-eval has five ("Marktplatz für ein gutes Leben"); a longer last part is a
#: subtitle more often than a name.
MAX_TITLE_SITE_WORDS: Final = 6


def _home_link_keys(cands: Candidates) -> list[str]:
    """Return the comparison keys of the site names that home-page links spell ("Home",
    "Start" and the like are navigation, not names)."""
    return [
        _key(text) for text in cands.get("home-link:text", ()) if text.casefold() not in _HOME_WORDS
    ]


_VISIBLE_AUTHOR_SOURCES: Final = frozenset(
    {"byline:text", "h1:byline", "rel-author:text", "itemprop:author"}
)


def _without_publisher(authors: tuple[str, ...], site_keys: Sequence[str]) -> tuple[str, ...]:
    """Return ``authors`` minus names of the site itself, when people are named too.

    JSON-LD author lists often add the publisher ("Eduardo Barreneche", "Diario El Pais");
    a site name alone is kept, as it is the only byline there is.
    """
    authors = tuple(_without_site_credit(a, site_keys) for a in authors)
    people = tuple(a for a in authors if not any(_site_matches(a, k) for k in site_keys if k))
    return people if people else authors


def _without_site_credit(name: str, site_keys: Sequence[str]) -> str:
    """Return ``name`` without a last comma part naming the site: a declared author "Rob
    Picheta, CNN" on the site CNN is Rob Picheta (the outlet's credit after the name; a
    comma list of one-word parts is no list of people, so it was not split)."""
    head, comma, tail = name.rpartition(",")
    if not comma or len(head.split()) < 2:
        return name
    if any(_site_matches(tail, k) for k in site_keys if k):
        return head.rstrip()
    return name


def _pick_authors(
    cands: Candidates, site_keys: Sequence[str] = ()
) -> tuple[tuple[str, ...], str | None]:
    authors, key = _first_authors(cands)
    # (the organisations JSON-LD types as such are no people either)
    organisations = {_key(name) for name in cands.get("jsonld:author-organisation", ())}
    if (
        key is not None
        and key not in _VISIBLE_AUTHOR_SOURCES
        and all(
            _site_matches_any(a, site_keys) or not _reads_as_person(a) or _key(a) in organisations
            for a in authors
        )
    ):
        shown = _visible_people(cands, site_keys)
        if shown is not None:
            return shown
    return _without_publisher(authors, site_keys), key


def _all_site(authors: tuple[str, ...], site_keys: Sequence[str]) -> bool:
    """Return True when every name of ``authors`` is the site's own."""
    return bool(authors) and all(_site_matches_any(a, site_keys) for a in authors)


def _site_matches_any(name: str, site_keys: Sequence[str]) -> bool:
    """Return True when ``name`` is one of the site's own names (``site_keys``)."""
    return any(_site_matches(name, k) for k in site_keys if k)


# The legal form that ends an organisation's name ("Bund der Energieverbraucher e.V.",
# "Nordex SE", "Example Media GmbH", "Acme, Inc."), as written (case counts: "Se" ends
# Korean given names), a final point dropped.
_LEGAL_FORMS: Final = frozenset(
    {"e.V", "eV", "GmbH", "gGmbH", "mbH", "AG", "SE", "KG", "OHG", "Inc", "LLC", "Ltd"}
    | {"PLC", "plc", "Corp", "S.A", "SAS", "SARL", "S.r.l", "SRL", "S.p.A", "B.V", "N.V"}
)
_LEGAL_FORMS_FOLDED: Final = frozenset(form.casefold().replace(".", "") for form in _LEGAL_FORMS)
# A login name: lower-case words joined by "_" or "." ("gabor_munier", "ann.lee").
_LOGIN_NAME: Final = re.compile(r"[^\W\d_A-Z]+(?:[_.][^\W\d_A-Z]+)+")


def _reads_as_person(name: str) -> bool:
    """Return False for a declared author that is no person's name as a byline shows
    it: a host name ("example.de"), a login name ("gabor_munier", "happyface313"), an
    organisation whose name ends in its legal form ("Example Media GmbH", "Verein e.V."), or a
    phrase of three words or more with a lower-case word that is no name particle
    ("Landesanstalt für Wald"). Such a value gives way to a visible byline that names
    a person (:func:`_pick_authors`)."""
    words = name.split()
    if len(words) == 1 and (
        _DOMAIN_NAME.match(name) or _LOGIN_NAME.fullmatch(name) or _DECLARED_HANDLE.fullmatch(name)
    ):
        return False
    if len(words) > 1 and words[-1].removesuffix(".") in _LEGAL_FORMS:
        return False
    return not (
        len(words) >= 3
        and any(w[0].islower() and w.casefold() not in _NAME_PARTICLES for w in words[1:])
    )


def _visible_people(
    cands: Candidates, site_keys: Sequence[str]
) -> tuple[tuple[str, ...], str] | None:
    """Return (authors, key) of the first visible byline source that names a person (a
    name of two words or more: "JF" may be the site's initials) other than the site, or
    None."""
    for authors, key in _author_picks(cands):
        if key not in _VISIBLE_AUTHOR_SOURCES:
            continue
        people = _without_publisher(authors, site_keys)
        if not _all_site(people, site_keys) and any(len(a.split()) >= 2 for a in people):
            return people, key
    return None


def _first_authors(cands: Candidates) -> tuple[tuple[str, ...], str | None]:
    """Return (authors, key) of the first author source that names someone.

    A declared author (JSON-LD, meta tags) of whom the page's visible bylines name
    nobody, while a later declared source's names all stand in them, is a template's
    fixed value, such as the publishing group in every page's ``<meta name="author">``:
    the confirmed source wins.
    """
    picks = _author_picks(cands)
    first = next(picks, None)
    if first is None:
        return (), None
    if first[1] in _VISIBLE_AUTHOR_SOURCES:
        return first
    shown = [_key(text) for key in _VISIBLE_AUTHOR_SOURCES for text in cands.get(key, ())]
    shown = [text for text in shown if text]
    if not shown or any(_shown_in(name, shown) for name in first[0]):
        return first
    for authors, key in picks:
        if key in _VISIBLE_AUTHOR_SOURCES:
            break
        if all(_shown_in(name, shown) for name in authors):
            return authors, key
    return first


def _rel_authors_in_byline(values: list[str], bylines: Sequence[str]) -> list[str]:
    """Return the ``rel=author`` link texts or ``itemprop=author`` values that the page's
    first byline names (its first byline element, or the byline line under the ``<h1>``):
    the links and microdata of a list of related stories name their own authors ("Ann
    Lee" in the byline, then "Bo Chen", "Cy Dee" under teasers).

    When the byline names none of several different people, and names a person itself
    (:func:`_names_a_person`), they all sign teasers and none is kept; when it names
    nobody, all are kept."""
    if len(values) < 2 or not bylines:
        return values
    first = " ".join(_key(byline) for byline in bylines)
    kept = [value for value in values if _key(value) and _key(value) in first]
    if kept:
        return kept
    if len({_key(value) for value in values}) > 1 and _names_a_person(bylines):
        return []
    return values


def _names_a_person(bylines: Sequence[str]) -> bool:
    """Return True when one of the visible ``bylines`` names someone in a name of two
    words or more."""
    return any(
        len(name.split()) >= 2
        for text in bylines
        for name in normalize_authors([text], visible=True)
    )


def _first_bylines(cands: Candidates) -> list[str]:
    """Return the page's first byline element's text and its byline line under the
    ``<h1>``, those it has."""
    return [values[0] for key in ("byline:text", "h1:byline") if (values := cands.get(key))]


def _shown_in(name: str, shown: Sequence[str]) -> bool:
    """Return True when ``name`` stands in one of the visible byline texts ``shown``
    (comparison keys)."""
    key = _key(name)
    return bool(key) and any(key in text for text in shown)


#: Author sources of scholarly and library metadata (Dublin Core's ``DC.creator``,
#: ``dcterms.creator``; Google Scholar's ``citation_author``): one person a tag, written
#: surname first as a catalogue sorts them ("Smith, John", "Jong, Michiel de").
LAST_FIRST_AUTHOR_SOURCES: Final = frozenset(
    {
        "dc:creator",
        "dc:creator.name",
        "meta:citation_author",
        "meta:citation_authors",
        "meta:bepress_citation_author",
        "meta:eprints.creators_name",
    }
)
#: Words that make a comma part an organisation's name, not a person's ("Department of
#: Psychiatry, Medical College", "Smith, Research Group"), beside the legal forms and roles.
_ORGANISATION_WORDS: Final = frozenset(
    {"university", "universität", "université", "universidad", "università", "institute"}
    | {"institut", "instituto", "department", "center", "centre", "college", "school"}
    | {"society", "association", "foundation", "ministry", "council", "committee", "group"}
    | {"team", "office", "press", "news", "media", "company", "corporation", "laboratory"}
    | {"hospital", "library", "museum", "network", "service", "services", "online"}
)
#: A surname or given names, one word of a "Last, First" name: capitalised letters,
#: with hyphens, apostrophes and points ("Contente-Cuomo", "O'Brien", "J.R.").
_NAME_WORD: Final = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:[-'’.][^\W\d_]*)*\.?")
#: An initial ("J.", "J", "J.R."): no full word of a name.
_INITIALS: Final = re.compile(r"[^\W\d_](?:\.-?[^\W\d_])*\.?")
#: Either side of a "Last, First" name has at most this many words ("van der Berg").
MAX_LAST_FIRST_WORDS: Final = 4


def first_name_first(value: str) -> str:
    """Return a catalogue's "Last, First" name as a byline writes it, given names first
    ("Smith, John" gives "John Smith", "Jong, Michiel de" gives "Michiel de Jong", "Lee,
    Ann B." gives "Ann B. Lee"); any other ``value`` is returned as it is.

    Only one comma, each side one to ``MAX_LAST_FIRST_WORDS`` capitalised words of
    letters (name particles such as "de" and "van" aside), and not: two people ("John
    Smith, Ann Lee": two words or more on both sides, initials and particles not
    counting), a generational suffix or a degree ("Smith, Jr.", "Lee, MD"), a role
    ("Ann Lee, Editor") or an organisation ("Nordex, SE", "Smith, Research Group"). For
    the sources of :data:`LAST_FIRST_AUTHOR_SOURCES` only: in a visible byline a comma
    separates people ("Lee, Chen and Dee")."""
    for separator in (";", "；"):
        if separator in value:  # "Smith, John; Lee, Ann" in one tag
            return "; ".join(first_name_first(part.strip()) for part in value.split(separator))
    head, comma, tail = value.partition(",")
    if not comma or "," in tail:
        return value
    last, given = head.split(), tail.split()
    if not (1 <= len(last) <= MAX_LAST_FIRST_WORDS and 1 <= len(given) <= MAX_LAST_FIRST_WORDS):
        return value
    if not all(_name_word(word) for word in (*last, *given)):
        return value
    if len(given) == 1 and given[0].replace(".", "").casefold() in _NAME_SUFFIXES:
        return value
    words = [word.casefold().strip(".") for word in (*last, *given)]
    if any(
        word in _ROLE_WORDS or word in _ORGANISATION_WORDS or word in _LEGAL_FORMS_FOLDED
        for word in words
    ):
        return value
    if _full_words(last) >= 2 and _full_words(given) >= 2:
        return value  # two people
    if _full_words(last) == 0:
        return value  # "J., Ann": no surname before the comma
    return f"{' '.join(given)} {' '.join(last)}"


def _name_word(word: str) -> bool:
    """Return True when ``word`` can be a word of a person's name: a name particle in
    lower case, or letters opening with a capital (:data:`_NAME_WORD`)."""
    if word in _NAME_PARTICLES:  # (written in lower case: "Das" is a surname)
        return True
    return word[:1].isupper() and _NAME_WORD.fullmatch(word) is not None


def _full_words(words: Sequence[str]) -> int:
    """Return how many of a name's ``words`` are neither initials nor particles (in lower
    case: "van", "de"; a capitalised "Das" or "Van" is a surname)."""
    return sum(
        1 for word in words if word not in _NAME_PARTICLES and _INITIALS.fullmatch(word) is None
    )


def _author_picks(cands: Candidates) -> Iterator[tuple[tuple[str, ...], str]]:
    """Yield (authors, key) for every author source that names someone, in order."""
    for key in AUTHOR_SOURCES:
        values = _source_values(cands, key)
        if not values:
            continue
        if key == "og:article:author":  # often a profile URL, only a name is useful
            values = [v for v in values if not v.startswith(("http", "//", "www."))]
        if key in ("rel-author:text", "itemprop:author"):
            values = _rel_authors_in_byline(values, _first_bylines(cands))
        if key in LAST_FIRST_AUTHOR_SOURCES:
            values = [first_name_first(value) for value in values]
        if key == "byline:text":
            # Several byline elements: the first is the article's, later ones belong to
            # teasers and related stories.
            for value in values:
                authors = normalize_authors([value], visible=True)
                if authors:
                    yield authors, key
                    break
            continue
        # microdata names its author on purpose: a forum's account name is the name
        authors = normalize_authors(
            values,
            # (a link preview's "Written by" is read as a byline is: "Staff" is no name)
            visible=key in _VISIBLE_AUTHOR_SOURCES or key == TWITTER_WRITTEN_BY,
            accounts=key == "itemprop:author" or key not in _VISIBLE_AUTHOR_SOURCES,
        )
        if authors:
            yield authors, key


def _source_values(cands: Candidates, key: str) -> list[str]:
    """Return the raw values of author source ``key``: a link preview's labelled author
    for :data:`TWITTER_WRITTEN_BY`, and for ``itemprop:author`` also the author of the
    page's one review (:data:`REVIEW_AUTHOR_KEY`): of several, each signs a customer's
    review of a product, not the page."""
    if key == TWITTER_WRITTEN_BY:
        return _labelled_author(cands)
    values = cands.get(key, [])
    if key == "itemprop:author":
        reviewers = cands.get(REVIEW_AUTHOR_KEY, [])
        if len({_key(name) for name in reviewers}) == 1:
            return [*values, *reviewers]
    return values


#: Link previews show at most this many labelled data (``twitter:label1`` ...).
MAX_PREVIEW_LABELS: Final = 4


def _labelled_author(cands: Candidates) -> list[str]:
    """Return the value a link preview's data labels as its author: ``twitter:dataN``
    after a ``twitter:labelN`` that is a byline's label alone ("Written by", "Geschrieben
    von", "Écrit par", "Autor": Yoast SEO writes the post's author so, beside "Est.
    reading time"), or []."""
    for number in range(1, MAX_PREVIEW_LABELS + 1):
        labels = cands.get(f"twitter:label{number}")
        if not labels:
            break
        match = _BYLINE_PREFIX.match(labels[0])
        if match is not None and match.end() == len(labels[0]):
            return list(cands.get(f"twitter:data{number}", ())[:1])
    return []


#: A byline line of the article's text has at most this many characters ...
MAX_BODY_BYLINE_CHARS: Final = 80
#: ... and its name at most this many words ("by ann", "by Bo Chen").
MAX_BODY_BYLINE_WORDS: Final = 4
#: A body with more such lines is a list of posts or teasers, each under its own.
MAX_BODY_BYLINES: Final = 2


def _body_byline_name(line: str) -> str | None:
    """Return the part of ``line`` after a byline's label that may name people, or None
    when ``line`` opens with no label or is too long for a byline line (see
    :func:`body_byline`)."""
    if len(line) > MAX_BODY_BYLINE_CHARS or _BYLINE_PREFIX.match(line) is None:
        return None
    text = _byline_text(line).split("»", 1)[0]  # (a forum's "by Ann » Mon May 14")
    head, comma, rest = text.partition(",")
    if comma and _AUTHOR_JOINERS.search(rest) is None:
        text = head  # "Von Uta Lee, Projektleiterin der HSS": a role or an outlet after it
    return text


def is_byline_line(line: str) -> bool:
    """Return True when ``line`` is a byline's label and a short name ("By Ann Lee",
    "by ann", "Auteur : Ann Lee", "Text von Ann Lee Illustration von Bo Chen"): at most
    ``MAX_BODY_BYLINE_WORDS`` words before a comma or a second credit ("Von dieser
    Testpflicht gibt es Ausnahmen" is a sentence)."""
    name = _body_byline_name(line)
    return name is not None and 0 < len(name.split()) <= MAX_BODY_BYLINE_WORDS


def body_byline(line: str) -> tuple[str, ...]:
    """Return the people a byline line of the article's text names: a short line that
    opens with a byline's label ("Von Leonora Holling", "Auteur : Kossivi Tiassou",
    "Text von Christian Seiler Illustration von Markus Roost"), each a name of two words
    or more; () for any other line. What follows a comma is a role or an outlet ("Uta
    Lee, Projektleiterin der HSS"), unless it goes on with a list of names ("Ann Lee,
    Bo Chen and Cy Dee"); a forum's "»" ends the name."""
    name = _body_byline_name(line)
    if name is None:
        return ()
    names = normalize_authors([name], visible=True)
    return tuple(name for name in names if len(name.split()) >= 2)


def body_byline_replaces(authors: Sequence[str], site_name: str | None, url: str | None) -> bool:
    """Return True when the people of a byline line of the article's text
    (:func:`body_byline`) replace the metadata's ``authors``: when the page declares
    nobody, or only what is no person (an organisation, the site, a login:
    :func:`_reads_as_person`), or only one-word names, as a CMS declares its user's first
    name or account ("Linda" beside "Written by Linda McCall")."""
    site_keys = [_key(site_name or ""), _host_label(url)]
    return all(
        _site_matches_any(a, site_keys) or not _reads_as_person(a) or len(a.split()) == 1
        for a in authors
    )


def _pick_tags(cands: Candidates) -> tuple[tuple[str, ...], str | None]:
    for key in TAG_SOURCES:
        seen: set[str] = set()
        tags: list[str] = []
        for raw in cands.get(key, ()):
            for part in re.split(r"[,;]", raw) if key.startswith("meta:") else [raw]:
                tag = part.strip()
                if tag and len(tag) <= MAX_TAG_CHARS and _key(tag) not in seen:
                    seen.add(_key(tag))
                    tags.append(tag)
        if tags:
            return tuple(tags[:MAX_TAGS]), key
    return (), None


def _base_url(first_base: etree._Element | None, url: str | None) -> str | None:
    """Return ``url`` joined to the ``href`` of the page's first ``<base>``, if it has one.

    The element comes from the metadata walk (a second walk looking for it cost ~0.15 ms
    a page on trafilatura-eval).
    """
    href = first_base.get("href") if first_base is not None else None
    if href:
        try:
            return join_url(url or "", href.strip()) or url
        except ValueError:
            return url
    return url


def _absolute(base: str | None) -> Callable[[str], str | None]:
    def make(raw: str) -> str | None:
        value = raw.strip()
        if not value or value.startswith(("data:", "javascript:")):
            return None
        if not base:
            return value
        try:
            return join_url(base, value)
        except ValueError:
            return None

    return make


def extract_metadata(
    root: etree._Element, *, url: str | None = None
) -> tuple[str | None, Metadata]:
    """Return ``(title, metadata)`` read from a whole page; the tree is not modified.

    ``root`` is the page's root element (before any cleaning); ``url`` is the page's
    address, used to make image and canonical URLs absolute, to recognise the site name
    in the title and as a last source of the publication date.
    """
    title, metadata, _ = metadata_and_bases(root, url=url)
    return title, metadata


def metadata_and_bases(
    root: etree._Element,
    *,
    url: str | None = None,
    keep: list[Any] | None = None,
    tagged: list[Any] | None = None,
    attributes: dict[Any, tuple[list[str], str | None, str | None, str]] | None = None,
    jsonld: list[list[Any] | None] | None = None,
    ids: list[str] | None = None,
    offsets: list[str] | None = None,
    whole_titles: list[str] | None = None,
) -> tuple[str | None, Metadata, list[Any]]:
    """Return :func:`extract_metadata`'s answer and the page's ``<base>`` elements in page
    order (the walk meets them; :func:`articlekit.html.tree.base_url` takes them instead
    of walking the tree again).

    ``keep``, when given, receives every element of the page in page order (the walk's
    own list). A caller that holds it keeps lxml's Python proxy of each element alive, so
    that its later walks of the same tree find the proxies made instead of making and
    freeing each one again. ``tagged``, when given, receives the page's elements of
    :data:`SIGNAL_TAGS` in page order, which the verdict's light signals read
    (``root.iter(*SIGNAL_TAGS)`` again: ~0.13 ms a page, lxml testing each node against
    each of the ten tags). ``attributes``, when given, receives for each element with
    attributes (``<meta>`` aside) its attribute names, ``class``, ``id`` and tag as the
    walk read them, for the labelling walk (:func:`articlekit.html.clean.label_page`),
    which would read them again; only for a caller that holds the proxies (``keep``).
    ``ids``, when given, receives the ``id`` of every element that has one, in page
    order (:func:`articlekit.html.parse_html` looks there for React's streamed parts
    before it searches the markup).
    ``jsonld``, when given, receives for each ``<script>`` of the page, in page order, the
    JSON values parsed from it as JSON-LD, or None for a script not read so (the verdict's
    light signals take a page's JSON-LD types from them instead of parsing the scripts
    again). Values, not elements: the list keeps no part of the tree alive.
    ``offsets``, when given, receives the offset other than UTC that a date of the page
    states (:func:`_stated_offset`) when a chosen date is a time without one: the clock of
    a language guessed later from the body (:func:`in_language_zone`).
    ``whole_titles``, when given, receives the title with its kicker when the kicker was
    taken off it (:func:`_headline_under_kicker`): the body's search for the headline's
    heading reads the title as the page declares it.
    """
    collector = _collect(root, url, keep, tagged, attributes, jsonld, ids)
    cands = collector.cands
    sources: list[FieldSource] = []

    def note(field: str, key: str | None) -> None:
        if key is not None:
            sources.append(FieldSource(field=field, source=_source_of(key)))

    site_name, key = _pick_site_name(cands)
    if site_name is None:
        site_name, key = _site_from_title(cands, url)
    note("site_name", key)
    authors, author_key = _pick_authors(cands, [_key(site_name or ""), _host_label(url)])
    # Titles end in the site name as declared first, tagline and all, or in its short form.
    declared, _ = _first(cands, SITE_NAME_SOURCES, lambda raw: raw)
    title, key = _pick_title(cands, [site_name or "", declared or ""], url, authors)
    kicker: str | None = None
    if title is not None and key != "h1:text":
        split = _headline_under_kicker(title, cands)
        if split is not None:
            note("kicker", key)
            if whole_titles is not None:
                whole_titles.append(title)
            (title, kicker), key = split, "h1:text"
    note("title", key)
    note("authors", author_key)
    language, language_key = _first(cands, LANGUAGE_SOURCES, normalize_language)
    published, key = _pick_date(cands, PUBLISHED_SOURCES)
    if key == "h1:modified":
        # the page tells only when it was last changed: its source says so, for a reader
        # who wants the publication alone (see docs/metadata.md, "An update's date alone")
        sources.append(FieldSource(field="published", source=UPDATE_SOURCE))
    else:
        note("published", key)
    modified, key = _pick_date(cands, MODIFIED_SOURCES)
    if key == "h1:modified" and published and modified and modified[:10] < published[:10]:
        modified = key = None  # (an "Updated" line older than the declared publication)
    stated = (
        _stated_offset(cands)
        if (_naive_time(published) or _naive_time(modified)) and _may_keep_one_clock(language)
        else None
    )
    if stated is not None and offsets is not None:
        offsets.append(stated)
    published = in_language_zone(published, language, stated)
    modified = in_language_zone(modified, language, stated)
    note("modified", key)
    note("language", language_key)
    description, key = _first(cands, DESCRIPTION_SOURCES, lambda raw: raw)
    note("description", key)
    tags, key = _pick_tags(cands)
    note("tags", key)
    base = _base_url(collector.bases[0] if collector.bases else None, url)
    image, key = _first(cands, IMAGE_SOURCES, _absolute(base))
    note("image", key)
    canonical, key = _first(cands, CANONICAL_SOURCES, _absolute(base))
    note("canonical_url", key)
    metadata = Metadata(
        authors=tuple(filter(None, map(_without_controls, authors))),
        published=published,
        modified=modified,
        site_name=_without_controls(site_name),
        language=language,
        description=_without_controls(description),
        kicker=_without_controls(kicker),
        tags=tuple(filter(None, map(_without_controls, tags))),
        image=_without_controls(image),
        canonical_url=_without_controls(canonical),
        sources=sources,
    )
    return _without_controls(title), metadata, collector.bases
