"""Words that mark parts of a text article: recommendation headings, trailer junk, bylines.

Kept as frozensets and compiled patterns in one place so that the block rules, the
front-matter reader and the boilerplate filter share one vocabulary. Every pattern is
anchored and uses bounded repetition only, so none can backtrack badly on a long line.
"""

from __future__ import annotations

import re
from typing import Final

from articlekit._caseless import CaseBlind

__all__ = [
    "ALSO_READ_LINE",
    "BOILERPLATE_LINE",
    "BYLINE",
    "RECOMMENDATION_HEADINGS",
    "TAGS_LINE",
    "ends_in_picture_credit",
    "is_article_end",
    "is_author_bio",
    "is_author_box_heading",
    "is_boilerplate_line",
    "is_caption_label",
    "is_comments_button",
    "is_comments_heading",
    "is_cookie_notice",
    "is_copyright_notice",
    "is_credit_line",
    "is_more_link",
    "is_paywall_prompt",
    "is_reading_list_heading",
    "is_recommendation_heading",
    "is_share_or_pager_line",
    "is_site_prompt",
    "is_source_section_heading",
    "is_teaser_box_heading",
    "normalise_phrase",
    "opens_with_also_read_label",
]

#: Headings of "read next" blocks, lower-cased, without trailing punctuation.
RECOMMENDATION_HEADINGS = frozenset(
    {
        "also read",
        "read also",
        "read more",
        "read next",
        "related",
        "related articles",
        "related stories",
        "related posts",
        "related content",
        "related reading",
        "related coverage",
        "related links",
        "related news",
        "related topics",
        "more stories",
        "more articles",
        "more news",
        "more to read",
        "more like this",
        "more on this story",
        "more on this topic",
        "you may also like",
        "you might also like",
        "you may also be interested in",
        "you might be interested in",
        "recommended",
        "recommended for you",
        "recommended articles",
        "recommended stories",
        "recommended reading",
        "article recommendations",
        "further reading",
        "popular",
        "most popular",
        "most read",
        "trending",
        "trending now",
        "don't miss",
        "what to read next",
        "keep reading",
        "lire aussi",
        "à lire aussi",
        "a lire aussi",
        "à lire également",
        "sur le même sujet",
        "mehr zum thema",
        "lesen sie auch",
        "auch interessant",
        "das könnte sie auch interessieren",
        "lea también",
        "le puede interesar",
        "noticias relacionadas",
        "leia também",
        "leia mais",
        "czytaj także",
        "czytaj też",
        "leggi anche",
        "potrebbe interessarti anche",
        "lees ook",
        "zobacz także",
        "interessante artikel",
        "das könnte dich auch interessieren",
        "weitere beiträge",
        "ähnliche beiträge",
        "verwandte artikel",
        "you might like",
        "more in this category",
        "zobacz też",
        "polecamy",
        "czytaj więcej",
        "weitere artikel",
        "ähnliche artikel",
        "articles similaires",
        "articles liés",
        "artículos relacionados",
        "artigos relacionados",
        "articoli correlati",
        "похожие статьи",
        "читайте также",
        # sidebars and footers of blogs and news sites (seen in the trafilatura-eval dumps)
        "trending posts",
        "popular posts",
        "recent posts",
        "latest posts",
        "latest stories",
        "top stories",
        "editor's picks",
        "most viewed",
        "meistgelesen",
        "meistgelesene artikel",
        "neueste beiträge",
        "neueste artikel",
        "beliebte beiträge",
        "ähnliche nachrichten",
        "weitere nachrichten",
        "derniers articles",
        "articles récents",
        "entradas recientes",
        "últimas noticias",
        "otras noticias",
        "letzte artikel",
        "letzte beiträge",
        "weitere themen",
        "lies auch",
        "lesen sie auch die folgenden beiträge",
        "neueste kommentare",
        "recent comments",
        # more of the same kind, seen leaking in the whole-page dumps (session 3)
        "explore further",
        "viel gelesen",
        "weitere aktuelle themen",
        "lo más leído",
        "lo más visto",
        "las más vistas",
        "las más leídas",
        "más leídas",
        "más vistas",
        "le plus lu",
        "les plus lus",
    }
)
# "More from <site or author>", "More in <section>", "Other stories from ..."
_RECOMMENDATION_PREFIX = re.compile(
    r"(?:more (?:from|in|on|about|by)|other (?:stories|articles|posts) (?:from|in|by)"
    r"|plus d'articles|mehr aus|más de|mais de"
    # "Mehr zu Klima", "Weitere Beiträge aus der Kolumne", "Más sobre ...", "Viel gelesen in"
    r"|mehr (?:zu|zum|zur|über|von)|weitere (?:beiträge|artikel|themen|nachrichten|meldungen"
    r"|news|texte|folgen) (?:aus|zu|zum|zur|von|über|in|der|des)|más sobre|mais sobre"
    r"|plus sur|viel gelesen in|meistgelesen in|more stories (?:from|in|about))\s\S",
)
# A sidebar's ranked or recent teasers named by what they list or when: a qualifier and a
# kind of item or a time ("Most Popular Videos", "Trending News", "Latest Galleries",
# "Recent Articles", "Most Popular Today"). A section of an article is not named so;
# "Latest News" heads a news site's box.
_TEASER_BOX_HEADING = re.compile(
    r"(?:most (?:popular|read|viewed|shared|emailed|commented|watched)|trending|popular"
    r"|top|latest|recent|recommended|featured)"
    r"(?: (?:news|stories|articles|posts|videos|headlines|reads|galleries|podcasts)"
    r"(?: (?:now|today|this week))?| (?:now|today|this week))"
)
_PHRASE_EDGE = re.compile(r"^[#*•>_\s\-]+|[\s:.…»>#*_\-]+$")
_SPACE_RUN = re.compile(r"\s+")
# Longest recommendation heading we look at, in characters ("More from <site>" included).
MAX_RECOMMENDATION_HEADING_CHARS = 60


def normalise_phrase(line: str) -> str:
    """Return ``line`` lower-cased, Markdown marks and edge punctuation stripped."""
    line = _PHRASE_EDGE.sub("", line[:200].lower())
    return _SPACE_RUN.sub(" ", line).replace("’", "'")


def is_recommendation_heading(line: str) -> bool:
    """Return True when ``line`` heads a block of recommended articles."""
    if len(line) > MAX_RECOMMENDATION_HEADING_CHARS:
        return False
    phrase = normalise_phrase(line)
    return phrase in RECOMMENDATION_HEADINGS or bool(_RECOMMENDATION_PREFIX.match(phrase))


# A line that names one other article after a "read this too" label and a colon (or a bar,
# a dash, a chevron): "Lire aussi : Title", "Read more: Title", "ALSO READ | Title",
# "Related: Title", "Lesen Sie auch: Title" (the labels the HTML parser reads in an "Also
# read: <a>...</a>" paragraph, narrowed to those that say "read this too" or "related":
# without a link to show it, "More: ..." or "Watch: ..." may open a sentence). The
# label may be set in bold or a bracket ("**Read more:** ...", "[Related: ...]"), or open
# a link (lynx's "[12]Read more: ...").
_ALSO_READ_LABEL = (
    r"also read|read also|read more|read next|related|related (?:articles?|stories|story"
    r"|posts?|content|coverage|reading)|see also|recommended(?: reading)?|more on this"
    r"|lire aussi|à lire aussi|a lire aussi|lire également|à lire également|voir aussi"
    r"|lesen sie auch|lesen sie mehr|mehr zum thema|auch interessant|lea también"
    r"|lee también|también puede leer|le puede interesar|te puede interesar|leia também"
    r"|veja também|leia mais|leggi anche|lees ook|czytaj (?:też|także)|zobacz (?:też|także)"
    r"|читайте также|läs också|les også|lue myös|čtěte také"
)
ALSO_READ_LINE = re.compile(
    rf"[\W_]{{0,4}}(?:\[\d{{1,5}}\])?(?:{_ALSO_READ_LABEL})[\s*_]{{0,3}}[:|»>–—-][\s*_]{{0,3}}(?=\S)",
    re.IGNORECASE,
)
opens_with_also_read_label: Final = CaseBlind(ALSO_READ_LINE.pattern).match


# A paywall's prompt where a subscriber's page goes on with the article: "To Read the Full
# Story", "Subscribe to continue reading", "This article is for subscribers only". Not
# "Continue reading the main story", a link past a box inside a news article.
_PAYWALL_PROMPT = re.compile(
    r"(?:to (?:read|continue reading|keep reading) (?:the full|the rest of (?:the|this)"
    r"|this(?: full)?) (?:story|article|post)"
    r"|(?:subscribe|sign in|log in|register) (?:now )?to (?:continue reading|keep reading"
    r"|read (?:the full|the rest of (?:the|this)|this(?: full)?) (?:story|article|post))"
    r"|(?:this|the rest of this) (?:story|article|post|content) is (?:only )?(?:available )?"
    r"(?:for|to) (?:paying )?(?:subscribers|members)(?: only)?"
    r"|you(?:'ve| have) reached your (?:free )?(?:article|story) limit"
    r"|already a (?:subscriber|member)\??(?: (?:sign|log) in)?)"
)


def is_paywall_prompt(line: str) -> bool:
    """Return True for a paywall's prompt set where the article breaks off ("To Read the
    Full Story", "Subscribe to continue reading")."""
    if len(line) > MAX_BOILERPLATE_LINE_CHARS:
        return False
    return bool(_PAYWALL_PROMPT.fullmatch(normalise_phrase(line)))


def is_teaser_box_heading(line: str) -> bool:
    """Return True for the heading of a site's box of ranked or recent teasers named by
    what it lists ("Most Popular Videos", "Trending News", "Latest Galleries"). Only the
    page filter reads it (it ends an article, or a box set inside one): the lines under
    it are often cards of picture, kicker and title, not the short titles of a
    recommendation block."""
    if len(line) > MAX_RECOMMENDATION_HEADING_CHARS:
        return False
    return bool(_TEASER_BOX_HEADING.fullmatch(normalise_phrase(line)))


#: Lines that are page furniture, not article text: share buttons, ads, subscription
#: prompts, cookie notices, copyright and "skip to" links. Matched on the normalised line.
BOILERPLATE_LINE = re.compile(
    r"(?:share(?: this)?(?: on| via| with)?(?:,? (?:article|story|post|page|facebook|twitter|x"
    r"|email|linkedin|whatsapp|reddit|pinterest|telegram|messenger|sms))*"
    r"|tweet|pin it|print|email|e-mail|whatsapp|facebook|twitter|linkedin|reddit"
    r"|advertisement|advertising|anzeige|werbung|publicité|publicidad|pubblicità|reklama"
    r"|sponsored(?: content)?|promoted|annonce"
    r"|subscribe\b.{0,80}|sign up\b.{0,80}|newsletter\b.{0,80}|follow us\b.{0,60}"
    r"|(?:get |unser |our |der |le |la )?[\w .'-]{0,40} newsletter"
    r"|.{0,80}\bcookies?\b.{0,120}"
    r"|(?:©|\(c\)|copyright\b).{0,160}|all rights reserved.{0,80}"
    r"|skip to (?:main )?(?:content|navigation|main)|back to top|jump to navigation"
    r"|log ?in|sign in|register|menu|loading|wird geladen|chargement"
    # a page's action buttons besides "Print" and "Email": print or send the page, a
    # recipe card's "Print Recipe", register, become a member, the shop's empty cart, a
    # bookmark or pin button's "Save" (ehow-2 in every rendering, where it stood over the
    # text as a heading: w3m heading F1 0.872 -> 0.873, links 0.839 -> 0.841)
    r"|(?:print|drucken|imprimer|imprimir|stampa|send|versenden|envoyer|enviar|invia)"
    r"(?: (?:recipe|etc))?|(?:rezept|seite|artikel) (?:drucken|versenden)|jump to recipe"
    r"|save(?: for later)?"
    r"|(?:jetzt |now )?(?:registrieren|register now)|(?:jetzt )?mitglied werden"
    r"|become a member|devenir membre|hazte socio"
    r"|(?:your|ihr|dein) (?:shopping )?(?:cart|warenkorb) is(?:t)? (?:empty|leer)"
    r"|read more|continue reading|keep reading|weiterlesen|mehr lesen|lire la suite|leer más"
    r"|leia mais|czytaj dalej|reply|cancel reply|antworten(?: abbrechen)?|répondre|responder"
    r"|like this|like loading|bloggers like this|bloggern gefällt das|gefällt mir"
    r"|(?:back to|zurück zur?|retour à la|volver a la) (?:overview|list|übersicht|liste|lista"
    r"|startseite|home|top)"
    # a post pager; a slide show's bare "Next" and "Previous" buttons (mozilla-1 in every
    # rendering, where "Next" under a slide's title took it for a stack's middle line:
    # heading F1 w3m 0.877 -> 0.879, elinks 0.819 -> 0.820; whole-page F1 unchanged)
    r"|(?:previous|next|older|newer) (?:article|post|story|entry)|previous|next"
    r"|(?:vorheriger|nächster) (?:artikel|beitrag)|article (?:précédent|suivant)"
    r"|(?:artikel|beitrag) (?:teilen|bewerten|drucken|merken)"
    r"|teilen sie dies mit|diesen (?:artikel|beitrag) teilen|partager cet article"
    r"|you must be logged in to post a comment|du musst angemeldet sein.{0,60}"
    r"|(?:terms of (?:service|use)|privacy policy|impressum|datenschutz(?:erklärung)?"
    r"|mentions légales|aviso legal|contact us|kontakt|about us|über uns|dmca|sitemap)"
    r"|partager|teilen|compartir|condividi|udostępnij"
    # a shop's buttons beside a product in a buying guide or a review ("Check Price on
    # Amazon", "Buy now from one of our trusted retail partners:", "See it at ..."); the
    # notice over an advertisement's slot ("Advertisement - Page continues below")
    r"|(?:buy|shop|order)(?: it)? now(?: (?:on|at|from) [\w .'&-]{1,40})?"
    r"|buy (?:it )?(?:on|at|from) [\w .'&-]{1,40}|see it at [\w .'&-]{1,40}"
    r"|(?:check|see|view|compare) (?:the )?(?:latest )?(?:price|prices|deal|deals)"
    r"(?: (?:on|at) [\w .'&-]{1,40})?"
    r"|(?:jetzt |hier )?kaufen|zum angebot|acheter(?: maintenant)?|comprar(?: ahora| ya)?"
    r"|acquista(?: ora)?|kup teraz|koop nu|купить"
    r"|advertisement - (?:page|story|article) continues below"
    r"|(?:page|story|article) continues below(?: advertisement)?)",
)
# Longest line the boilerplate vocabulary may drop, in characters: a sentence of the
# article that mentions cookies or copyright is longer than this.
MAX_BOILERPLATE_LINE_CHARS = 160


# The words of a like or share widget, any number of them on one line ("Gefällt mir
# Wird geladen...", "%d Bloggern gefällt das:"): plain alternatives, no wildcards.
_WIDGET_LINE = re.compile(
    r"(?:%d|\d{1,6})?\s?(?:(?:like|gefällt mir|wird geladen|loading|like loading"
    r"|bloggers like this|bloggern gefällt das|j'aime|chargement|me gusta|cargando)"
    r"[\s.:…]{0,4})+"
)


def is_boilerplate_line(line: str) -> bool:
    """Return True when ``line`` alone is page furniture (``Share:``, ``Advertisement``)."""
    if len(line) > MAX_BOILERPLATE_LINE_CHARS:
        return False
    phrase = normalise_phrase(line)
    return bool(BOILERPLATE_LINE.fullmatch(phrase) or _WIDGET_LINE.fullmatch(phrase))


#: "Tags: a, b, c" (and translations); group 1 holds the list.
TAGS_LINE = re.compile(
    r"(?:tags?|tagged(?: with)?|topics?|keywords?|schlagwörter|étiquettes|etiquetas|mots-clés)"
    r"\s?:\s*(.{1,300})",
    re.IGNORECASE,
)

#: "By Jane Doe", "By Jane Doe and John Roe", "Von ...", "Par ..."; group 1 holds the names.
BYLINE = re.compile(
    r"(?:by|von|par|por|di|door|przez|автор)\s+"
    r"([^\s.,:;!?][^.!?;:\n]{0,80}?)\s*(?:[|,]\s*.{0,60})?",
    re.IGNORECASE,
)


#: Headings that open a comment section: what follows is readers' text, not the article.
#: A qualified heading ("Top Rated Comments", "Reader comments") and a button to show or
#: join them ("View Comments", "Add Your Comment") open it too (session 11: seen on six
#: sites of the outside shingle set's dev half: a tech site's preview of top comments,
#: three newspapers' "View Comments" button over the thread, a news site's "All comments").
COMMENTS_HEADING = re.compile(
    r"(?:\d{1,6}\s(?:responses?|replies|reactions)"
    r"|(?:\d{1,6}\s)?(?:(?:top(?: rated)?|(?:most )?(?:recent|popular)|latest|newest"
    r"|reader'?s?'?|user|all)\s)?(?:comments?|kommentare?|komentarze?|commentaires?|comentarios?|commenti"
    r"|comentários|reacties|комментарии)(?:\s?\(\d{1,6}\)|\s\d{1,6})?"
    r"|leave a (?:comment|reply)|join the discussion|show comments|add a comment|post a comment"
    r"|write a comment|kommentar schreiben|kommentar verfassen|schreibe einen kommentar"
    r"|kommentieren|laisser un commentaire|deja un comentario|dodaj komentarz"
    r"|lascia un commento|deixe um comentário|view the discussion thread"
    r"|(?:view|read|see|load) (?:all )?comments|add your comment"
    r"|leave (?:your )?comments?|log in to comment)",
)


#: WordPress's "12 thoughts on “Title”", "One response to “Title”", "5 Kommentare zu „Titel“".
COMMENTS_ON = re.compile(
    r"(?:\d{1,6}|one|ein|eine|un|une|uno|una)\s"
    r"(?:thoughts?|comments?|responses?|replies|reply|kommentare?|antworten|gedanken"
    r"|commentaires?|comentarios?|réponses?|respuestas?|commenti|komentarz[ey]?)"
    r"\s(?:on|to|zu|für|auf|sur|à|en|a|para|su|do|na)\s.{1,120}",
)
# Longest "N thoughts on “Title”" line: the article title is in it.
MAX_COMMENTS_ON_CHARS = 180


#: A button that shows or joins the comments ("View Comments", "Add Your Comment", "Log
#: in to comment"): a link or a form's button, never a heading, so lynx, links and elinks
#: set it at the body's margin, where a bare "Comments" is as often a table's cell.
COMMENTS_BUTTON = re.compile(
    r"(?:view|read|see|load|show|add|post|write|leave|join) (?:all |the |your |a )?"
    r"(?:comments?|discussion(?: thread)?)"
    r"|log in to comment",
)


def is_comments_button(line: str) -> bool:
    """Return True for a button that shows or joins a comment section ("View Comments",
    "Leave Comments", "View the discussion thread.")."""
    return len(line) <= MAX_RECOMMENDATION_HEADING_CHARS and bool(
        COMMENTS_BUTTON.fullmatch(normalise_phrase(line))
    )


def is_comments_heading(line: str) -> bool:
    """Return True when ``line`` opens a comment section ("Comments (12)", "Leave a Reply",
    "12 thoughts on “Title”")."""
    if len(line) > MAX_COMMENTS_ON_CHARS:
        return False
    phrase = normalise_phrase(line)
    if COMMENTS_ON.fullmatch(phrase):
        return True
    return len(line) <= MAX_RECOMMENDATION_HEADING_CHARS and bool(
        COMMENTS_HEADING.fullmatch(phrase)
    )


#: Lines that close an article on a web page: the tag list. On a whole page what follows
#: is the site, not the article. (An "About the author" box is not one: Readability keeps
#: author boxes as part of the article, and the readability dev set lost headings to it.)
#: Words that also head menus ("Themen", "Kategorie") count only with a list after a colon.
ARTICLE_END = re.compile(
    r"(?:tags?|tagged(?: with)?|schlagwörter|schlagworte|étiquettes|etiquetas|mots-clés)"
    r"(?:\s?:.{0,300})?"
    r"|(?:themen|kategorien?|categories|category|filed under|posted in)\s?:.{1,300}",
)
#: WordPress's sharing block ends a post with "Share this:" / "Teilen mit:", and its
#: footer with "Kategorie:" or "Mehr lesen über:" (colon kept: without it they head menus).
SHARE_END = re.compile(
    r"(?:share this|teilen mit|partager ?|compartir|condividi|compartilhe isso"
    r"|kategorien?|categories|category|themen|schlagworte|mehr lesen über|mehr zum thema"
    r"|weitere artikel zum thema|filed under|posted in|veröffentlicht in)\s?:",
    re.IGNORECASE,
)
#: "This entry was posted in ...", and the comment form's "Your email address will not
#: be published": the post is over.
_POST_FOOTER = re.compile(
    r"(?:this entry was posted in|dieser (?:eintrag|beitrag|artikel) wurde .{0,60}veröffentlicht"
    r"|your email address will not be published|ihre e-mail-adresse wird nicht veröffentlicht"
    r"|deine e-mail-adresse wird nicht veröffentlicht"
    r"|votre adresse (?:e-mail|de messagerie) ne sera pas publiée"
    r"|tu dirección de correo electrónico no será publicada).{0,200}",
)


# Recommendation headings that also title an article's own last section (Wikipedia's
# "Further reading"); "More about <topic>" can be a subheading, so prefixes do not count.
_READING_LISTS = frozenset({"further reading", "recommended reading", "related reading"})


def is_reading_list_heading(line: str) -> bool:
    """Return True for "Further reading" and the like: recommendations or a bibliography."""
    return normalise_phrase(line) in _READING_LISTS


# A teaser's link to the rest of a story: "Read more", "Continue reading", "Weiterlesen".
_MORE_LINK = re.compile(
    r"(?:read more|read the full (?:story|article)|continue reading|keep reading"
    r"|weiterlesen|mehr lesen|lire la suite|leer más|leia mais|czytaj dalej)"
    r"(?:\s*(?:[›»→>]|\.\.\.|…))?"
)


def is_more_link(line: str) -> bool:
    """Return True for a teaser's link to the rest of a story ("Read more ›")."""
    return len(line) <= MAX_BOILERPLATE_LINE_CHARS and bool(
        _MORE_LINK.fullmatch(normalise_phrase(line))
    )


def is_article_end(line: str) -> bool:
    """Return True when ``line`` closes an article on a page: a tag list, the "Share this:"
    block, a post footer, a "Related articles" heading that the recommendation rule did
    not take as a block."""
    if len(line) > MAX_BOILERPLATE_LINE_CHARS:
        return False
    phrase = normalise_phrase(line)
    return (
        (phrase in RECOMMENDATION_HEADINGS and phrase not in _READING_LISTS)
        or bool(SHARE_END.fullmatch(line.strip()))
        or bool(ARTICLE_END.fullmatch(phrase))
        or bool(_POST_FOOTER.fullmatch(phrase))
    )


_COOKIE = re.compile(r"\bcook(?:ie|ies)\b", re.IGNORECASE)
# What makes a text about cookies the site's consent notice: it speaks of this site and
# of agreeing. An article about browser cookies rarely says "our website" and "consent".
_NOTICE = re.compile(
    r"\b(?:(?:this|our|unsere[rn]?|diese[rn]?|notre|ce|nuestro|este|nostro|questo)\s"
    r"(?:web)?(?:site|seite|webseite|sitio|sito|page)s?\b"
    r"|consent|einwillig|zustimm|akzeptier|accept|agree|consentement|consentimiento"
    r"|consenso|datenschutz|privacy|privacidad|confidentialité)",
    re.IGNORECASE,
)


def is_cookie_notice(text: str) -> bool:
    """Return True when ``text`` is a site's cookie notice ("This website uses cookies ...")."""
    return bool(_COOKIE.search(text)) and bool(_NOTICE.search(text))


# A site's copyright notice: "© 2019 Example Media", "Copyright 2019", "All rights
# reserved", "Alle Rechte vorbehalten", "Tous droits réservés", "Todos los derechos
# reservados". An article names a copyright without its mark and a year; "(c)" right
# after a word is a clause of a law ("Section 230(c) of the Act of 1996"), not a mark.
_COPYRIGHT = re.compile(
    r"(?:©|(?<!\w)\(c\))[^\n.]{0,60}?\b(?:19|20)\d\d\b"
    r"|\ball rights reserved\b|\balle rechte vorbehalten\b|\btous droits réservés\b"
    r"|\btodos los derechos reservados\b"
    # the word and the mark together name no year at times: "Copyright © Example Media
    # Group Ltd, Media Centre, ..." (a footer's address); an article writes one or the other
    r"|\bcopyright\s?(?:©|\(c\)|&copy;?)",
    re.IGNORECASE,
)
# Longest text taken for a copyright notice, in characters: a footer's legal paragraph
# (copyright, trademarks, terms) runs to a few hundred; an article is longer.
MAX_COPYRIGHT_NOTICE_CHARS = 600


# The word before a year: "Copyright 2019 Example Media", "Copyright FOXYFOLKSY 2014",
# "Copyright &copy 2022". Only in a notice do nothing but names and marks stand between
# them; a sentence puts lower-case words there ("the copyright directive passed in 2019",
# "Copyright law changed in 2019").
_COPYRIGHT_WORD = re.compile(r"\bcopyright\b([^\n.]{0,60}?)\b(?:19|20)\d\d\b", re.IGNORECASE)


def is_copyright_notice(text: str) -> bool:
    """Return True when ``text`` is a site's copyright notice ("© 2019 Example Media. All
    rights reserved. This material may not be published ...")."""
    if len(text) > MAX_COPYRIGHT_NOTICE_CHARS:
        return False
    if _COPYRIGHT.search(text):
        return True
    return any(
        not any(word[:1].islower() for word in found[1].split())
        for found in _COPYRIGHT_WORD.finditer(text)
    )


#: The heading of an author box ("About the author"). Readability keeps author boxes with
#: the article, so only on a whole page does one end it: the site's bio and links follow.
AUTHOR_BOX_HEADING = re.compile(
    r"(?:about the authors?|the author|author bio|über (?:den autor|die autorin|die autoren)"
    r"|zum autor|zur autorin|zu den autoren|zur person|à propos de l'auteur|sobre (?:el|o) autor"
    r"|o autorze|sull'autore|over de auteur|об авторе)",
)


def _is_short_phrase(line: str, pattern: re.Pattern[str]) -> bool:
    """Return True when ``line`` is short enough for a heading and, normalised, is ``pattern``."""
    if len(line) > MAX_RECOMMENDATION_HEADING_CHARS:
        return False
    return bool(pattern.fullmatch(normalise_phrase(line)))


def is_author_box_heading(line: str) -> bool:
    """Return True when ``line`` heads an author box ("About the author", "Über den Autor")."""
    return _is_short_phrase(line, AUTHOR_BOX_HEADING)


# A site's own prompt: sign up for the newsletter by email, get the app.
_SIGN_UP = re.compile(
    r"\b(?:newsletter|subscribe|sign up|signup|abonnier|anmelden|inscri|suscr|iscriv|zapisz)",
    re.IGNORECASE,
)
_BY_EMAIL = re.compile(
    r"\b(?:e-?mail|inbox|posteingang|postfach|boîte|correo|newsletter)", re.IGNORECASE
)
# "... delivered to your inbox", "direkt in dein Postfach": a mailing list's promise.
_TO_INBOX = re.compile(
    r"\b(?:to|in|into|straight to) (?:your|dein|deinen|ihr|ihren|votre|tu) "
    r"(?:inbox|e-?mail|postfach|posteingang|mailbox|boîte)",
    re.IGNORECASE,
)
_GET_THE_APP = re.compile(
    r"\b(?:download|get|install|laden sie|lade dir|téléchargez)\b.{0,60}\bapps?\b",
    re.IGNORECASE,
)
# Longest text taken for a prompt: an article paragraph about newsletters runs longer.
MAX_PROMPT_CHARS = 300


def is_site_prompt(text: str) -> bool:
    """Return True for a site's newsletter or app prompt ("Enter your email below to
    receive ...", "Download our app for iOS and Android")."""
    if len(text) > MAX_PROMPT_CHARS:
        return False
    return (
        bool(_SIGN_UP.search(text) and _BY_EMAIL.search(text))
        or bool(_GET_THE_APP.search(text))
        or bool(_TO_INBOX.search(text))
    )


#: Headings of an article's closing sections that list its sources and links (Wikipedia's
#: "See also", "External links"; a blog's "Sources"): lower-cased, without punctuation.
SOURCE_SECTION_HEADINGS = frozenset(
    {
        "see also",
        "external links",
        "references",
        "notes",
        "notes and references",
        "references and notes",
        "sources",
        "citations",
        "footnotes",
        "bibliography",
        "works cited",
        "further reading",
        "siehe auch",
        "weblinks",
        "einzelnachweise",
        "literatur",
        "quellen",
        "voir aussi",
        "liens externes",
        "notes et références",
        "références",
        "bibliographie",
        "véase también",
        "enlaces externos",
        "referencias",
        "vedi anche",
        "collegamenti esterni",
        "note",
    }
)
# The section anchor a wiki or a blog theme writes after a heading: "See also[edit]", "¶".
_SECTION_ANCHOR = re.compile(r"\s*(?:\[edit\]|\[bearbeiten[^\]]{0,30}\]|¶)$")


# The words English source headings are made of ("Sources & links", "Notes and sources",
# "References and further reading"): a heading of these words alone heads one too.
_SOURCE_WORDS = frozenset(
    {
        "see",
        "also",
        "external",
        "links",
        "references",
        "notes",
        "sources",
        "further",
        "reading",
        "citations",
        "footnotes",
        "bibliography",
        "works",
        "cited",
        "and",
        "&",
    }
)


def is_source_section_heading(line: str) -> bool:
    """Return True when ``line`` heads a section of sources or links ("External links")."""
    if len(line) > MAX_RECOMMENDATION_HEADING_CHARS:
        return False
    phrase = normalise_phrase(_SECTION_ANCHOR.sub("", line.strip()))
    words = phrase.split()
    return phrase in SOURCE_SECTION_HEADINGS or (
        len(words) > 1 and set(words) <= _SOURCE_WORDS and words[-1] not in ("and", "&")
    )


#: A picture's credit or caption label: "Foto: Jane Doe", "(Bild: dpa)", "Image credit:
#: …", "Photograph by …", "Quelle: Landesregierung". All 11 snippets of the trafilatura-eval
#: set that start this way are ones an extraction must leave out.
CREDIT_LINE = re.compile(
    r"\(?(?:(?:fotos?|bild(?:er)?|photos?|image|picture|abbildung|grafik|illustration"
    r"|(?:image|photo|picture|foto|bild) ?credits?|credits?|bildquelle|fotoquelle|quelle"
    r"|source|crédits? photo|fuente|foto de)\s?:|photograph(?:ed)? by|photo by|foto von"
    # "Image by Jane Doe via Example", "Illustration by ...", "Image used under license
    # from ..." (a picture's credit without a colon)
    r"|(?:images?|pictures?|illustrations?|photos) by|image used under licen[cs]e)"
    r"\s?.{0,80}"
    # a stock agency's name alone, or before the photographer's ("Getty Images",
    # "Getty Images / Jane Doe", "Shutterstock via Example"): not a sentence about it
    r"|\(?(?:getty images|shutterstock|istock(?:photo)?|adobe ?stock|alamy|unsplash|pexels"
    r"|pixabay|imago(?: images)?|picture alliance)(?:\s?(?:[/|,–-]|via|for)\s?.{0,60})?\)?",
    re.IGNORECASE,
)
#: The labels a news site prints for a screen reader before a picture's credit and
#: caption, which a text rendering shows as text: "Image source, Getty Images", "Image
#: caption, The harbour at dawn", "Media caption, ...", "Image copyright Reuters Image
#: caption ...". The caption after one can be long (up to ``MAX_CAPTION_LABEL_CHARS``).
CAPTION_LABEL = re.compile(
    r"(?:image|media|video|audio|picture|photo) (?:source|caption|copyright)"
    # a comma or a colon after the label, or the credit or caption in capitals right
    # after it ("Image copyright Reuters", BBC's copy "Media captionWho is ..."): not a
    # sentence about image sources
    r"(?:\s?[,:]\s?\S|\s?(?-i:[A-Z0-9@\"“'‘(]))[^\n]{0,400}",
    re.IGNORECASE,
)
MAX_CAPTION_LABEL_CHARS = 400
# Longest credit line: a caption that runs longer is the article's text.
MAX_CREDIT_CHARS = 100


def is_credit_line(line: str) -> bool:
    """Return True when ``line`` is a picture credit or caption label ("Foto: Jane Doe")."""
    line = line.strip()
    return len(line) <= MAX_CREDIT_CHARS and bool(CREDIT_LINE.fullmatch(line))


#: A caption that ends in its picture's credit in brackets, as news sites print it under
#: a picture: "The harbour at dawn (Image: GETTY)", "A plague doctor (Photo: Jane Doe)",
#: "The chairman (Credit: Example Images)". The credit is short; the caption before it
#: runs to ``MAX_CAPTION_LABEL_CHARS``.
CAPTION_CREDIT_END = re.compile(
    r"\S.{0,400}\((?:image|photo|picture|pic|credit|foto|bild|photograph)(?: ?credits?)?"
    r"\s?:\s?[^()]{1,60}\)",
    re.IGNORECASE,
)


def ends_in_picture_credit(text: str) -> bool:
    """Return True for a caption that ends in its picture's credit in brackets ("The
    harbour at dawn (Image: GETTY)"): no article sentence ends so."""
    text = text.strip()
    return len(text) <= MAX_CAPTION_LABEL_CHARS and bool(CAPTION_CREDIT_END.fullmatch(text))


def is_caption_label(text: str) -> bool:
    """Return True when ``text`` opens with a picture's label for a screen reader ("Image
    source, Getty Images", "Image caption, ...", "Media caption ..."): a caption or a
    credit, however long its caption runs (up to ``MAX_CAPTION_LABEL_CHARS``)."""
    text = text.strip()
    return len(text) <= MAX_CAPTION_LABEL_CHARS and bool(CAPTION_LABEL.fullmatch(text))


#: A share bar's line ("Share this article", "Partager cet article /", "Mit Freunden
#: teilen") or a post pager ("Next article", "Article précédent"): on a page, once the
#: article's prose has gone by, the site's furniture follows them.
SHARE_OR_PAGER_LINE = re.compile(
    r"(?:share(?: this)?(?: article| story| post| page)?(?: on| via| with)?"
    r"|(?:diesen )?(?:artikel|beitrag|seite)? ?(?:teilen|weiterempfehlen)"
    r"|(?:mit (?:freunden|anderen) )?teilen|partager(?: cet article| l'article| sur)?"
    r"|compartir(?: esta noticia| en)?|condividi(?: su)?|udostępnij|compartilhe"
    r"|teilen sie dies mit|share this:"
    r"|(?:previous|next|older|newer) (?:article|post|story|entry)"
    r"|(?:vorheriger|nächster) (?:artikel|beitrag)|article (?:précédent|suivant)"
    r"|(?:artículo|noticia) (?:anterior|siguiente))[\s/:|.]{0,3}",
)


def is_share_or_pager_line(line: str) -> bool:
    """Return True for a share bar's or a post pager's line ("Share this article")."""
    return _is_short_phrase(line, SHARE_OR_PAGER_LINE)


# An author box's bio: a person's name, then what the person does for the site ("Jane Doe
# is a senior writer for …", "Max Muster ist Redakteur …", "Jane writes about …"). The
# name is two or three capitalised words (an initial allowed), or one word when the line
# above is the full name ("Jane Doe" / "Jane is …").
_BIO_NAME = r"[A-ZÀ-Ý][\w'’-]+(?: (?:[A-ZÀ-Ý]\.|[A-ZÀ-Ý][\w'’-]+)){0,2}"
_BIO_OPENING = re.compile(
    r"[>\s]*(?P<name>" + _BIO_NAME + r"),? (?:is|ist|est|es|è|writes|schreibt|covers"
    r"|leitet|has (?:been|worked|written)|arbeitet)\b"
)
# What the person does, in the bio's first sentence: a newsroom or trade title. A
# sentence of the article that opens with a name ("Luisa Neubauer ist ja …", "Freie
# Software ist …") names none of them.
_BIO_ROLE = re.compile(
    r"\b(?:(?:senior |staff |freelance |contributing )?(?:writer|editor|reporter|journalist"
    r"|correspondent|columnist|contributor|engineer|developer|(?:co-?)?founder)s?"
    r"|redakteur(?:in)?|journalistin|korrespondent(?:in)?|autor(?:in)?|expert(?:e|in)?"
    r"|(?:mit)?gründer(?:in)?|fondat(?:eur|rice)|fundador(?:a)?"
    r"|head of|writes about|schreibt über|covers|leitet das)\b",
    re.IGNORECASE,
)
_FIRST_SENTENCE = re.compile(r"[.!?](?:\s|$)")
# Longest bio taken: an author box says who the person is in a few sentences; the
# trafilatura-eval bios run to 450 characters, an article's paragraph runs longer.
MAX_AUTHOR_BIO_CHARS = 600


def is_author_bio(text: str, above: str = "") -> bool:
    """Return True for an author box's bio ("Will Knight is a senior writer for WIRED …").

    ``above`` is the line right above the bio: when it is the person's full name, the bio
    may name the person by the first name alone ("Matthew Humphries" / "Matthew is …").
    """
    if len(text) > MAX_AUTHOR_BIO_CHARS:
        return False
    match = _BIO_OPENING.match(text)
    if match is None:
        return False
    name = match.group("name")
    if " " not in name and not above.strip().startswith(name + " "):
        return False
    end = _FIRST_SENTENCE.search(text, match.end())
    first = text[match.start("name") : end.start() if end else len(text)]
    return bool(_BIO_ROLE.search(first))
