"""The vocabulary of web pages: tags, roles, class/id patterns and phrases, in many languages.

Every heuristic of the HTML parser reads its words from here, so that a pattern is
defined once and shared by labelling, scoring and block building. Patterns are matched
against the lower-cased ``class`` and ``id`` attribute values joined by a space.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Final

from articlekit._caseless import CaseBlind

__all__ = [
    "AD_CLASS",
    "AFFILIATE_DISCLOSURE",
    "ALSO_READ",
    "AUTHOR_HEADING",
    "BLOCK_TAGS",
    "BOILERPLATE_PHRASE",
    "BOILERPLATE_ROLES",
    "BOILERPLATE_TAGS",
    "BYLINE_LEAD",
    "CALL_TO_ACTION",
    "CAPTION_CLASS",
    "CLASS_VOCABULARY_PREFILTER",
    "CLASS_VOCABULARY_WORDS",
    "CLASS_VOCABULARY_WORDS_ANY_CASE",
    "CLASS_VOCABULARY_WORD_AT",
    "COMMENT_CLASS",
    "COMMENT_HEADING",
    "CONTACT_LINE",
    "CONTENT_HINT",
    "CUSTOMER_REVIEWS_CLASS",
    "DESK_WORD",
    "DISCUSSION_CLASS",
    "DISCUSSION_PAGE_CLASS",
    "DISCUSSION_PAGE_TYPES",
    "EXIT_NOTICE",
    "FIGURE_CLASS",
    "GATE_CLASS",
    "HEADING_TAGS",
    "HIDDEN_CLASS",
    "HIDDEN_CLASS_PREFILTER",
    "HIDDEN_STYLE",
    "ICON_FONT_CLASS",
    "INLINE_TAGS",
    "LEAD_CLASS",
    "LEAD_ITEMPROPS",
    "MAIN_CONTENT",
    "MEMBER_STATS",
    "NEGATIVE_CLASS",
    "PHOTO_AGENCY",
    "PHOTO_CREDIT",
    "PLACED_STYLE_SIDE",
    "PLACED_STYLE_TOP",
    "POSITIVE_CLASS",
    "POSTER_CLASS",
    "POSTER_NOT",
    "POST_FURNITURE",
    "PROMO_TAIL",
    "QA_PAGE_TYPE",
    "REC_CLASS",
    "REC_PHRASE",
    "REC_PREFIX",
    "REC_START",
    "SEE_ALSO",
    "SOCIAL_EMBED_CLASS",
    "STRONG_BOILERPLATE",
    "TEASER_CLASS",
    "THREAD_PAGE_CLASS",
    "THREAD_PAGE_TYPE",
    "UNLIKELY_BESIDES_DISCUSSION",
    "UNLIKELY_CLASS",
    "has_promo_phrase",
    "is_hiding_style",
    "is_rec_phrase",
    "opens_with_also_read",
    "opens_with_rec_prefix",
    "opens_with_rec_words",
    "word_trie",
]

HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})

# Tags whose whole subtree is never article text.
BOILERPLATE_TAGS = frozenset(
    {
        "script", "style", "noscript", "template", "svg", "math", "iframe", "frame",
        "frameset", "object", "embed", "applet", "canvas", "map", "audio", "video",
        "button", "select", "input", "textarea", "option", "datalist", "dialog",
        "nav", "footer", "aside", "form", "menu", "head", "title", "link", "meta", "base",
        "area", "source", "track", "param",
    }
)  # fmt: skip

# ARIA landmark roles that hold navigation and page furniture, not the article.
BOILERPLATE_ROLES = frozenset(
    {
        "navigation", "contentinfo", "complementary", "menu", "menubar", "search",
        "dialog", "alertdialog", "toolbar", "tablist", "banner", "button", "tooltip",
    }
)  # fmt: skip

# Elements that start a new block when met inside a container.
BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details",
        "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer",
        "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li",
        "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
        "td", "tfoot", "th", "thead", "tr", "ul", "caption", "legend", "picture",
    }
)  # fmt: skip

# Elements rendered inline: their text joins the surrounding paragraph.
INLINE_TAGS = frozenset(
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data",
        "del", "dfn", "em", "font", "i", "img", "ins", "kbd", "label", "mark", "q", "rp",
        "rt", "ruby", "s", "samp", "small", "span", "strike", "strong", "sub", "sup",
        "time", "tt", "u", "var", "wbr", "nobr",
    }
)  # fmt: skip

# style="display:none" / "visibility:hidden": not shown, so not read.
HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


def is_hiding_style(style: str) -> bool:
    """Return ``HIDDEN_STYLE.search(style) is not None``, most styles answered without it.

    A style that hides spells "none" or "hidden"; ASCII styles (nearly all) without either
    word are answered by two substring tests, not a case-blind regex (~10% of the
    labelling walk's regex time went to styles that hide nothing).
    """
    if style.isascii():
        low = style.lower()
        if "none" not in low and "hidden" not in low:
            return False
    return HIDDEN_STYLE.search(style) is not None


# A box a graphics tool placed on a picture, at fractional percentages of its size
# ("top:4.8869%;left:96.5906%": ai2html's chart labels, "$915", "billion", an axis tick):
# the words of a chart, drawn over its image, not prose. Both coordinates, each with two
# or more decimals: a designer's overlay ("top:50%;left:50%") is not machine-placed.
PLACED_STYLE_TOP = re.compile(r"(?:^|;)\s*(?:top|bottom)\s*:\s*-?\d+\.\d\d+%", re.IGNORECASE)
PLACED_STYLE_SIDE = re.compile(r"(?:^|;)\s*(?:left|right)\s*:\s*-?\d+\.\d\d+%", re.IGNORECASE)
# Only screen-reader helpers: a plain "hidden" class is often toggled by scripts that
# reveal real content (galleries, "read more"), so it is not trusted.
HIDDEN_CLASS = re.compile(
    # (also under a prefix of the theme's or the plugin's own: "u-visually-hidden",
    # "wprm-screen-reader-text", "a-u-sr-only"; and the other spellings: HTML5
    # Boilerplate's "visuallyhidden", "hiddenVisually", "assistive-text"; BBC's
    # "off-screen" only as the whole name: scroll-animation scripts mark real content
    # "is-offscreen" until it scrolls into view)
    r"(?:^|\s)(?:(?:[\w-]*[-_])?(?:visually-?hidden|hidden-?visually|sr-only"
    r"|screen-?reader-(?:text|only)|assistive-text|element-invisible)|off-?screen)(?:\s|$)"
    # shown on paper only: a print stylesheet's header, logo or footer ("print-header"
    # holding the logo and the page's address, "printfooter", "show-for-print",
    # "visible-print"): 14 such boxes on both corpora, none of them in the text; on the
    # outside set a newspaper group's print header leaked its logo's alt text and address
    r"|(?:^|\s|[-_])print[-_]?(?:header|footer|logo|only)(?:\s|$)|(?:^|\s)(?:printonly"
    r"|onlyprint|show-for-print|visible-print(?:-block|-inline)?|logo-print)(?:\s|$)",
    re.IGNORECASE,
)

# Icon fonts drawn from ligatures: the element's text is the icon's name ("menu",
# "keyboard_arrow_down", "chat_bubble"), which the font turns into a picture. Google's
# Material Icons and Material Symbols in all their styles (-outlined, -round, -sharp, ...);
# Angular Material's <mat-icon> is the same thing as a tag.
ICON_FONT_CLASS = re.compile(r"(?:^|\s)material-(?:icons|symbols)(?:-[a-z]+)*(?:\s|$)")

# Elements that are the article body whatever else their class says.
MAIN_CONTENT = re.compile(
    r"articlebody|article-body|article__body|article_body|articlecontent|article-content"
    r"|article__content|article_content|entry-content|entry_content|post-content|post_content"
    r"|post-body|post_body|postbody|story-body|storybody|story-content|story__body|text-content"
    r"|main-content|maincontent|content-body|body-text|bodytext|article-text|articletext"
    r"|news-text|newstext|single-content|rich-text|richtext|td-post-content|blog-content"
)

# Comment sections named in the page's language ("kommentare", "commentaires",
# "comentarios", "komentarze"); "comment" itself is matched on its own below.
_COMMENT_WORDS = r"kommentar|commentaire|comentario|komentarz|reactie"
# Boxes presenting the author after (or beside) the article: name, photo, bio, contact.
# Seen on the trafilatura dev set as "author-box", "post-author", "author-info",
# "artDetailAutor"; a byline at the top is furniture too (the metadata keeps the name).
_AUTHOR_BOX = (
    r"author-?(?:box|bio|info|card|profile|details|description|block|wrap|meta)"
    r"|about-?(?:the-?)?author|post-author|entry-author|autor(?:in|en)?(?:$|[-_\s]|-?box)"
)
# Lines of post metadata (date, author, category, comment count) above or below a post.
_META_LINE = r"(?:post|entry|article|story)[-_]*meta|postmetadata|(?:^|\s)meta(?:data)?(?:\s|$)"
# The footer of the article itself (categories, tags, sources, contact) and shop or
# affiliate boxes: named with a content word, so they must win over it.
# (and an embedded GitHub gist's "view raw · name.py hosted with ❤ by GitHub" bar, "gist-meta")
_ARTICLE_FURNITURE = r"(?:post|entry|article|story)[-_]*footer|buy-?box|affiliate|gist-meta"
# A WordPress sidebar widget names its type after "widget_" ("widget_text", "widget_nav_menu",
# "widget_categories", "widget_recent_entries"): 536 such boxes on both corpora, none holding
# article text, some inside the content wrapper of a two-column theme ("item-right
# widget_text" with id "text-5", whose "text" looked like content). Blogger's own post box
# is "widget Blog", no underscore.
_SIDEBAR_WIDGET = r"(?:^|\s)widget_[a-z]"
# Sign-up prompts for an account ("registration-banner", "registration-modal",
# "mod_registration", "registrierung"): 21 such boxes on both corpora, none holding
# article text; two leaked (a banner inside a family magazine's body, a broadcaster's
# login dialog).
_REGISTRATION = r"registration|registrier"

# Comment sections in any of the languages above: kept when comments are asked for.
COMMENT_CLASS = re.compile(rf"comment|disqus|respond|{_COMMENT_WORDS}")

# Class/id patterns of page furniture. A match on its own makes an element "unlikely";
# it is dropped unless it also looks like content (CONTENT_HINT) or holds the article.
_UNLIKELY_WORDS = (
    r"comment|disqus|respond|share|sharing|social|sociable|\bnav(?:\b|-|bar|igation)"
    r"|menu|breadcrumb|footer|masthead|sidebar|side-bar|banner|advert|\bads?\b"
    r"|\bad[-_]|[-_]ads?\b|adsense|dfp|sponsor|promo|cookie|consent|gdpr|newsletter"
    r"|subscri|signup|sign-up|paywall|restricted-?content|popup|pop-up|modal|overlay|pagination"
    r"|pager"
    r"|skip|print-only|tag-?cloud|\btags\b|post-tags|article-tags|author-?bio|about-author"
    r"|login|search|toolbar|rating|vote|captcha|\brss\b|follow|byline|bottom-bar|topbar"
    r"|top-bar|teaser-list|link-list|more-link|infobox-ad|hatnote|syndication"
    # "jump" names jump links and buttons ("jump-to-recipe", "jumplink-nav"), not the
    # sections they jump to ("cws-jump-section": a cloud vendor's guide cut into such
    # sections lost all but one) nor jumpers ("jumper-photo" on a ski-jumping page)
    r"|jump(?!-?sections?|er|ing)"
    r"|copyright|legal|disclaimer|contact|cta\b|call-to-action|app-promo|shoutbox"
    r"|press-?officer|presse?-?kontakt|press-?contact"
)
# "discuss" names the discussion under an article ("article-discussion"), furniture like a
# comment section; on a page that is itself a discussion (see DISCUSSION_PAGE_CLASS) it
# names the thread's own posts ("Item ItemDiscussion" holding the opening post).
_DISCUSSION_WORD = r"discuss"
UNLIKELY_CLASS = re.compile(rf"{_DISCUSSION_WORD}|{_UNLIKELY_WORDS}")
# ...the same patterns but the discussion word: a token matching only that one is kept on
# a discussion page ("discussion-footer" is a footer there too).
UNLIKELY_BESIDES_DISCUSSION = re.compile(_UNLIKELY_WORDS)
DISCUSSION_CLASS = re.compile(_DISCUSSION_WORD)
# The class/id of a page's <body> or <html> naming the page a discussion thread (forum
# engines mark the page kind there: "Vanilla Discussion Section-Discussion",
# "discussion-page"), as a whole word or a hyphenated one; "discussions" (a list of threads)
# does not.
DISCUSSION_PAGE_CLASS = re.compile(r"(?:^|[\s_-])discussion(?:$|[\s_-])")
# ...or a thread, by its engine's name for one ("single-topic", "template-thread_view"),
# a whole word or a hyphenated one, also as the engine's script that shows one
# ("section-viewtopic", "showthread"): "threads" or "topics" (a list of them) does not,
# nor a taxonomy archive of a topic ("tax-topic").
THREAD_PAGE_CLASS = re.compile(r"(?:^|[\s_-])(?<!tax-)(?:view|show)?(?:thread|topic)(?:$|[\s_-])")
# schema.org types of a page whose main entity is a thread (a forum post and its
# replies, a question and its answers), in JSON-LD or microdata.
DISCUSSION_PAGE_TYPES: Final = frozenset({"DiscussionForumPosting", "QAPage"})
# ...the one of them whose page is a question and its answers (comments under an answer
# are not the page's content), not a forum thread (whose replies are).
QA_PAGE_TYPE: Final = "QAPage"
# ...and the one of a forum thread.
THREAD_PAGE_TYPE: Final = "DiscussionForumPosting"
# A class token naming a forum post's poster box, beside the post's text: a word of
# "user", "author", "poster", "profile", "userinfo", "postprofile" ("message-user",
# "message-cell--user", "bbp-reply-author", "author-data"); not a token with a digit (a
# post's "user-id-3894") nor one naming text ("user-content").
POSTER_CLASS = re.compile(
    r"(?:^|[-_])(?:user|author|poster|profile|userinfo|postprofile)(?:$|[-_])"
)
POSTER_NOT = re.compile(r"\d|content|text|body")
# What a forum prints in a poster box about the member: a join date or a post count
# ("Join Date Nov 2024 Posts 3", "Posts: 116 Threads: 23 Joined: Feb 2019", "Mitglied
# seit", "Beiträge: 40", "Inscrit le"), which an article's author box never holds.
MEMBER_STATS = re.compile(
    r"\bjoin(?:ed|\s*date)\b|\bmember since\b|\bmitglied seit\b|\bregistriert\b"
    r"|\binscrit\b|\b(?:posts|messages|beiträge)\s*:?\s*\d",
    re.IGNORECASE,
)
CONTENT_HINT = re.compile(
    r"article|\bbody|content|\bmain|entry|\bpost\b|story|\btext|column|hentry|h-entry"
)
# Furniture whose class wins even over a CONTENT_HINT ("comment-content", "share-post").
STRONG_BOILERPLATE = re.compile(
    r"comment|disqus|share|sharing|social|cookie|consent|gdpr|newsletter|advert|sponsor"
    r"|breadcrumb|paywall|restricted-?content|subscri|\bads?\b|\bad[-_]|[-_]ads?\b"
    r"|author-?bio|about-author"
    r"|jump-to|skip-link|tag-?cloud|post-tags|article-tags|\btags\b|signup|popup|donat(?:e|ion)"
    rf"|{_COMMENT_WORDS}|{_AUTHOR_BOX}|{_META_LINE}|{_ARTICLE_FURNITURE}|{_SIDEBAR_WIDGET}"
    rf"|{_REGISTRATION}"
)

# A box named after an embedded social-media post ("social-embed", "social-media-embed",
# "social-embed-post"): the post a story quotes, when it holds one (clean.is_quoted_post_box),
# not a share bar, which "social" alone names. Three sites of both corpora and the
# outside set name such boxes (a newspaper's five quoted tweets were lost).
SOCIAL_EMBED_CLASS = re.compile(r"social[-_]?(?:media[-_]?)?embed|embed[-_]?social")

# The opening line of the notice a site shows before a link leads away from it ("You're
# leaving Example Bank's website", "You are now leaving our site", "You're heading to a
# new site", "Leaving our website"): a dialog printed at the end of the page, not the
# article's (blocks.cut_exit_notice).
EXIT_NOTICE = re.compile(
    r"^\W*(?:you(?:'|’)re|you\s+are)\s+(?:now\s+)?(?:(?:leaving|exiting|about\s+to\s+leave"
    r"|being\s+redirected\s+(?:to|from))\s+(?:[\w.'’&-]+\s+){0,4}?"
    r"(?:(?:web\s?)?site|[\w-]+\.(?:com|org|net|gov|edu|[a-z]{2}))"
    r"|heading\s+to\s+(?:a\s+)?(?:new|another|different|third[- ]party)\s+(?:web\s?)?site)\b"
    r"|^\W*(?:now\s+)?(?:leaving|exiting)\s+(?:our|this|the)\s+(?:web\s?)?site\b",
    re.IGNORECASE,
)

# The meta lines a forum thread prints with each post, on a line of their own: a post's
# number and date ("#4 · Aug 5, 2023"), "Posted November 24, 2023", "posted 6 years ago",
# a like count ("3 Likes"), the poster's mark ("Thread starter", "Topic starter",
# "Author"), a button ("Reply", "Quote", "Report", "Reply With Quote"), a Q&A site's "asked
# Oct 5, 2018 at 12:45", "Improve this answer" and badge counts, an age ("· 3y"), the
# thread's header ("Jump to Latest", "2K views 2 replies 3 participants last post by
# ..."). Only the whole line (blocks.drop_post_furniture).
POST_FURNITURE = re.compile(
    r"^\W*(?:"
    r"\#\d+\s*[·•|]\s*.{0,40}"
    r"|posted\s+(?:on\s+)?(?:[a-z]+\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\.?\s+[a-z]+\.?\s+\d{4}"
    r"|\d+\s+(?:years?|months?|weeks?|days?|hours?|minutes?)\s+ago)"
    r"(?:\s*(?:at\s+)?\d{1,2}:\d{2}\s*(?:am|pm)?)?"
    r"|\d[\d,.]*k?\s+likes?"
    r"|(?:topic|thread)\s+(?:starter|author)|author|original\s+poster"
    r"|reply\s+with\s+quote.*|quote|reply|report|multi-?quote"
    r"|improve\s+this\s+(?:answer|question)"
    r"|(?:answered|asked|edited)\s+[a-z]{3}\s+\d{1,2}(?:,?\s+'?\d{2,4})?\s+at\s+\d{1,2}:\d{2}"
    r"|·\s*\d+\s*[ymwdh]"
    r"|jump\s+to\s+latest"
    r"|[\d.,]+k?\s+views?\s+[\d.,]+k?\s+repl(?:y|ies)\b.*"
    r"|(?:[\d.,]+k?\s*(?:gold|silver|bronze)\s+badges?\s*)+"
    r")\W*$",
    re.IGNORECASE,
)

# The box of a shop's customer reviews under a product ("product-reviews",
# "customer-review", "pdp-reviews_container", "user_reviews", "reviews-wrapper",
# "review-list", a widget's "xyz-reviews"): the buyers' say, not the product's text.
# Read only on a page that declares a product (content.customer_review_boxes):
# elsewhere "product-review" may name a review article's own body.
CUSTOMER_REVIEWS_CLASS = re.compile(
    r"(?:customer|product|user|pdp|shopper|buyer)[-_]?reviews?(?![a-z])"
    r"|(?:^|[\s_-])reviews(?:$|[\s_-])|reviews?[-_]?(?:list|widget|section|container|wrapper)"
)

# Boxes of frequently asked questions, or accordions of them ("faq-section",
# "accordion-collection-wrapper"): a service page's closing questions (content._sectioned_main).
FAQ_CLASS = re.compile(r"faq|accordion")
# The heading over such a box ("Frequently Asked Questions About Internships in Alabama",
# "FAQs", "Häufig gestellte Fragen"), set over questions in a box of no such name.
FAQ_HEADING = re.compile(
    r"(?:frequently asked questions|faqs?|questions (?:and|&) answers|common questions"
    r"|häufig gestellte fragen|häufige fragen|preguntas frecuentes|questions fréquentes"
    r"|foire aux questions|domande frequenti|perguntas frequentes|veelgestelde vragen)\b",
    re.IGNORECASE,
)

# Boxes named after advertising ("ad-slot", "body-ad-wrapper", "ads"): furniture, unless
# the box wraps the article's prose (clean.is_gated_article's test: a CMS names the body
# wrapper after the ads it injects between the paragraphs).
AD_CLASS = re.compile(r"advert|\bads?\b|\bad[-_]|[-_]ads?\b")

# Content gates: boxes named after a paywall or a subscription. Furniture when they hold
# the prompt to subscribe, the article when they wrap its paid part (clean.is_gated_article).
GATE_CLASS = re.compile(
    r"paywall|subscriber|premium|freemium|regwall|metered|paid-?content|restricted-?content"
    r"|(?:^|[-_])gated(?:$|[-_])|members?-only"
)
# What a content gate's prompt asks (searched in the lowercased text of a short box named
# after a gate, clean.is_gate_prompt): to subscribe, to join or to log in, in the
# languages of the page vocabularies.
GATE_PROMPT = re.compile(
    r"subscri|unlock|members?[- ]only|become a (?:member|subscriber)|join (?:now|today)"
    r"|sign in|log ?in|abonn|suscr|iscriviti|registrier|inscrev"
)

# Readability-like class weights: containers named like content gain, furniture loses.
POSITIVE_CLASS = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|single"
)
NEGATIVE_CLASS = re.compile(
    r"hidden|banner|combx|comment|com-|contact|foot|footnote|masthead|media|meta|outbrain"
    r"|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool"
    r"|widget|taboola|recommend|teaser|nav|menu|breadcrumb|cookie|newsletter|ad-|-ad\b"
    r"|reference|bibliograph|footnote|citation"
)

# The lead (standfirst) of an article, printed between its title and its body and often
# outside the body's container: "article-lead", "intro-text", "article__abstract",
# "entry-summary", "excerpt", "epigraph", "chapo" (fr), "entradilla"/"bajada" (es).
LEAD_CLASS = re.compile(
    r"(?:^|[-_\s])lead(?:in|text)?(?:$|[-_\s])|intro(?:text)?(?:$|[-_\s])|abstract|summary"
    r"|excerpt|standfirst|teaser-?text|(?:^|[-_\s])de(?:c?k)(?:$|[-_\s])|subtitle|sub-?headline"
    r"|chapo|chapeau|entradilla|bajada|epigraph|sottotitolo|occhiello|vorspann"
)
# itemprop values of the same lead.
LEAD_ITEMPROPS = frozenset({"description", "abstract", "alternativeHeadline"})

# Captions and credits of images ("wp-caption-text", "bildunterschrift", "photo-credit").
CAPTION_CLASS = re.compile(
    r"caption|credit|legende|legend\b|bildunterschrift|bildtext|imagetext|image-text|img-text"
    r"|photo-?text|copyright|source-?line|fotonachweis|bildnachweis"
)
# Containers of one image and its caption.
FIGURE_CLASS = re.compile(
    r"figure|image|img|photo|picture|media|foto|bild|thumb|caption|gallery|visual"
)

# Recommendation widgets recognisable by class or id.
REC_CLASS = re.compile(
    r"related|recommend|more-?stories|more-?articles|more-?news|outbrain|taboola|also-?read"
    r"|further-?reading|more-?from|you-?may|you-?might|similar-?(?:posts|articles|stories)"
    r"|read-?also|read-?next|up-?next|more-?on-?this|ob-widget|trc_related|mehr-?zum"
    r"|weitere-?artikel|lire-?aussi|a-?lire|leia-?tambem|lea-?tambien|jp-relatedposts"
    r"|latest[-_]?(?:articles|posts|news|stories)|most[-_]?(?:read|popular|viewed)|top-?ten"
    r"|next-?(?:post|story|article)s?\b|nextstory"
    # a box linking the previous and the next article ("next-prev", "prevnext-story",
    # "td-post-next-prev", "navigationPreviousNext"): 13 sites of both corpora name one
    r"|next-?prev(?!iew)|prev(?:ious)?-?next"
)

# A teaser card: a small box naming another article ("c-teaser", "m-teaser",
# "teaser portletWrapper"). Many sites also call their lead "teaser-text" or the article
# itself "teaserTyp3", so the class alone decides nothing: see clean.is_teaser_card. A BEM
# part of a card ("c-teaser__h", "m-teaser__title") is judged with its card: taken alone,
# the card's heading became the item and its summary was left as article text.
TEASER_CLASS = re.compile(r"teaser(?!-?text|__)")


def word_trie(words: Iterable[str]) -> str:
    """Return a regular expression source matching any of ``words`` (plain text, not empty),
    written as a trie: ``a(?:d|lso)|b(?:ody|yline)`` for ``ad also body byline``.

    The regex engine tries every alternative of a flat ``ad|also|body|byline`` at each
    position of the searched text; the trie tries there only the words that open with the
    letter found (about twice as fast on class tokens). A
    word that another one opens with ("ad", "advert") stands for both: a text holding the
    longer word holds the shorter.
    """
    by_first: dict[str, set[str]] = {}
    for word in words:
        by_first.setdefault(word[0], set()).add(word[1:])
    branches = []
    for first, rests in sorted(by_first.items()):
        tail = "" if "" in rests else word_trie(rests)
        branches.append(re.escape(first) + tail)
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"


# Every match of the class vocabulary the labelling walk reads for each class token
# (REC_CLASS, HIDDEN_CLASS, STRONG_BOILERPLATE, UNLIKELY_CLASS and its two parts,
# CONTENT_HINT, MAIN_CONTENT, COMMENT_CLASS, TEASER_CLASS, GATE_CLASS, SOCIAL_EMBED_CLASS
# and AD_CLASS) holds one of these words: a word each pattern's every alternative spells
# out letter by letter ("nav" for "\bnav(?:\b|-|bar|igation)", "ad" for "\bads?\b").
# A token holding none of them matches none of the patterns (56% of the 368,724 distinct
# class and id tokens of the corpora and outside sets), so clean._token_bits tries the
# patterns only on a token in which CLASS_VOCABULARY_PREFILTER finds a word. A word added
# to one of those patterns needs its word here: tests/test_html_class_prefilters.py reads
# each pattern's alternatives and names the text that holds no word of this list.
CLASS_VOCABULARY_WORDS: Final = (
    "ad", "affiliate", "also", "article", "aussi", "author", "autor", "banner", "body",
    "bottom-bar", "buy", "byline", "call-to-action", "captcha", "cloud", "column",
    "comentario", "comment", "consent", "contact", "content", "cookie", "copyright", "cta",
    "dfp", "disclaimer", "discuss", "disqus", "donat", "entry", "follow", "footer",
    "freemium", "further", "gated", "gdpr", "hatnote", "jump", "komentarz", "kommentar", "kontakt",
    "latest", "legal", "link-list", "lire", "login", "main", "mehr", "member", "menu",
    "meta", "metered", "might", "modal", "more", "most", "nav", "newsletter", "next",
    "ob-widget", "officer", "outbrain", "overlay", "pager", "pagination", "paywall",
    "pop-up", "popup", "post", "premium", "prev", "print-only", "profile", "promo", "rating",
    "reactie", "recommend", "registration", "registrier", "regwall", "related", "respond",
    "restricted", "rss", "search", "share", "sharing", "shoutbox", "side-bar", "sidebar",
    "sign-up", "signup", "similar", "skip", "sociable", "social", "sponsor", "stories",
    "story", "subscri", "syndication", "taboola", "tags", "tambem", "tambien", "teaser",
    "text", "toolbar", "top", "user", "vote", "weitere", "widget_", "you",
)  # fmt: skip
# ...and HIDDEN_CLASS's, which matches regardless of case ("ſr-only" is "sr-only" to it)
CLASS_VOCABULARY_WORDS_ANY_CASE: Final = (
    "assistive-text", "element-invisible", "print", "reader-", "screen", "sr-only",
    "visually",
)  # fmt: skip
CLASS_VOCABULARY_PREFILTER: Final = re.compile(
    f"{word_trie(CLASS_VOCABULARY_WORDS)}|(?i:{word_trie(CLASS_VOCABULARY_WORDS_ANY_CASE)})"
)
# Each occurrence of a word of CLASS_VOCABULARY_WORDS, overlapping ones too (an empty
# match at each position where a word starts; the word is group 1). No word of the list
# opens another, so one word at most starts at a position.
CLASS_VOCABULARY_WORD_AT: Final = re.compile(f"(?=({word_trie(CLASS_VOCABULARY_WORDS)}))")
# ...and whether a word of CLASS_VOCABULARY_WORDS_ANY_CASE occurs (HIDDEN_CLASS may match)
HIDDEN_CLASS_PREFILTER: Final = re.compile(
    word_trie(CLASS_VOCABULARY_WORDS_ANY_CASE), re.IGNORECASE
)

# Titles of recommendation blocks, in the languages of the dev pages and their neighbours.
_REC_WORDS = (
    r"related(?: articles?| posts?| stories| content| news| coverage| reading| links| topics)?"
    r"|read (?:more|also|next)|also read|see also|more (?:from|on|about|stories|articles|news)"
    r"|more in\b|more(?=\s*:)|more (?:[\w'’]+ ){1,3}(?:stories|articles|reads)\b"
    r"|you (?:may|might) (?:also )?(?:like|enjoy|be interested)|recommended"
    r"|recommendations?|article recommendations|further reading|editor'?s picks|popular"
    r"|most read|most popular|trending|what to read next|keep reading|don't miss"
    # "SEE MORE: <a>headline</a>" (not "See more photos"): a British tabloid's cross-link
    r"|see more\b(?!\s+\w)"
    r"|lire aussi|à lire aussi|a lire aussi|lire également|voir aussi|sur le même sujet"
    r"|dans la même rubrique|articles? similaires|nos articles|à découvrir"
    r"|mehr zum thema|mehr zu(?:m)?\b|auch interessant|das könnte sie (?:auch )?interessieren"
    r"|weitere artikel|lesen sie auch|lesen sie mehr|verwandte (?:artikel|themen|beiträge)"
    r"|empfehlungen"
    r"|zum thema|meistgelesen|weitere (?:themen|beiträge|artikel|nachrichten|news|meldungen)"
    r"|zum weiterlesen|ähnliche (?:beiträge|artikel|themen)|entdecke weitere|das könnte dich"
    r"|auch auf\b|mehr aus\b|mehr von\b|mehr zum\b|temas relacionados|más sobre|más de\b"
    r"|plus d'articles|à lire également|à lire aussi|en savoir plus|explore further"
    r"|more stories|related topics|latest news|more news|top stories|read next"
    r"|other (?:\w+ )?(?:stories|articles|news|columns|posts|reviews)\b"
    r"|lea también|lee también|leer también|también lea|también lee|te puede interesar"
    r"|noticias relacionadas"
    # "(También puede leer: <a>...</a>)", "También: <a>...</a>" (Latin American papers)
    r"|también puede leer|también puedes leer|le puede interesar|también(?=\s*:)"
    r"|artículos relacionados|más noticias|también te puede interesar"
    r"|leia também|leia mais|veja também|notícias relacionadas|artigos relacionados"
    r"|leggi anche|potrebbe interessarti|articoli correlati|ti potrebbe interessare"
    r"|lees ook|gerelateerde artikelen|meer over|zobacz też|zobacz także|czytaj też"
    r"|czytaj także|polecane|podobne artykuły|читайте также|похожие статьи|смотрите также"
    r"|相关文章|相关阅读|延伸阅读|推荐阅读|相關文章|延伸閱讀|関連記事"
    r"|اقرأ أيضا|اقرأ أيضاً|مقالات ذات صلة"
    r"|läs också|läs mer|les også|se også|lue myös|čtěte také|přečtěte si také"
    # The common "related", "read also" and "see also" titles of more languages: pt, es,
    # fr (the accent left off), it, nl, pl, sv, da, no, tr, cs, ru, ja, zh.
    r"|matérias relacionadas|conteúdos? relacionados?|más información|contenido relacionado"
    r"|ver también|a lire également|articles connexes|vous aimerez aussi"
    r"|potrebbero interessarti|gerelateerde (?:berichten|artikelen|nieuws)|zie ook"
    r"|meer nieuws|zobacz również|czytaj również|przeczytaj (?:też|także|również)"
    r"|powiązane artykuły|läs även|relaterade artiklar|se även|læs også"
    r"|relaterede artikler|relaterte artikler|ilgili haberler|benzer haberler"
    r"|bunlar da ilginizi çekebilir|související články|mohlo by vás zajímat|viz také"
    r"|ещё по теме|еще по теме|похожие новости|см\. также|関連ニュース|あわせて読みたい"
    r"|おすすめ記事|相关新闻|相關新聞|相关推荐|相關閱讀"
)
# The word that leads a byline, alone: what a heading-tagged byline ("<h6>By <a>Name</a>")
# keeps once its author link is taken out as furniture (readability-pages quanta-1).
BYLINE_LEAD = re.compile(r"^\W*(?:by|von|par|por|door|av|af|przez)\W*$", re.IGNORECASE)
# A newsroom credited instead of a person in a byline ("Redaktion", "TMZ Staff",
# "la rédaction", "Newsdesk"): see blocks.is_desk_byline. Lower case, for folded text.
DESK_WORD = re.compile(
    r"(?<!\w)(?:redaktion|staff|newsroom|news ?desk|editorial (?:team|staff|board)|rédaction"
    r"|redacción|redação|redazione|redakcja|redactie|redaktionen)"
)
# Titles of an article's own cross-reference section ("See also[edit]", "Siehe auch"):
# kept as a section when more of the article's sections follow (blocks.is_see_also_section).
SEE_ALSO = re.compile(
    r"^\W*(?:see also|further reading|siehe auch|weiterführende literatur|voir aussi"
    r"|véase también|vedi anche|zie ook|veja também|ver também|zobacz też|см\. также)\b",
    re.IGNORECASE,
)
# The words of an "also read" line that names one article without a colon after them
# ("Lire aussi Martine Dupont, « <a>Title</a> », Le Journal, juin 2018", "[ Also read
# <a>Title</a>. ]"): the ones that say "read this too", not "see" or "more" (a
# sentence opens with "See also the discussion ..." or "More from the minister ...").
_ALSO_READ_WORDS = (
    r"also read|read also|lire aussi|à lire aussi|a lire aussi|lire également"
    r"|à lire également|lesen sie auch|lea también|lee también|también puede leer"
    r"|leia também|leggi anche|lees ook|czytaj (?:też|także)|читайте также|läs också"
    r"|les også|lue myös|čtěte také|a lire également|läs även|læs også|czytaj również"
    r"|przeczytaj (?:też|także|również)"
)
ALSO_READ = re.compile(rf"^\W*(?:{_ALSO_READ_WORDS})\s+", re.IGNORECASE)
REC_PHRASE = re.compile(rf"^\W*(?:{_REC_WORDS})\b\W*$|^\W*(?:{_REC_WORDS})\W*$", re.IGNORECASE)
# The same words opening a paragraph that then names one or more linked articles:
# "Also read: <a>...</a>", "READ MORE: ...", "Lire aussi - ...".
# The same words opening a short title: "More from Politics", "Mehr zu Klima und Konsum".
REC_START = re.compile(rf"^\W*(?:{_REC_WORDS})\b", re.IGNORECASE)
REC_PREFIX = re.compile(rf"^\W*(?:{_REC_WORDS})\s*[:\-–—|»>]", re.IGNORECASE)
# The three as True/False tests (``X.match(text) is not None``) several times faster on
# ASCII text (see articlekit._caseless): the labelling walk asks REC_START of the first
# text of every container with a link, 13,000 instructions a time case-blind.
opens_with_rec_words: Final = CaseBlind(REC_START.pattern).match
opens_with_rec_prefix: Final = CaseBlind(REC_PREFIX.pattern).match
is_rec_phrase: Final = CaseBlind(REC_PHRASE.pattern).match
opens_with_also_read: Final = CaseBlind(ALSO_READ.pattern).match

# A photo credit closing a short paragraph: the paragraph is an image's caption printed
# as text ("Marco Odermatt, Ski-Star. © AFP / MARCO BERTORELLO", "... Foto: LN").
PHOTO_CREDIT = re.compile(
    r"(?:©|\bcopyright\s*(?:©|\d{4}|by\b)|(?:\b|(?<=[a-zäöüß])(?-i:(?=[A-Z])))"
    r"(?:fotos?|bild(?:er)?|photos?|image|cr[ée]dits?"
    r"|zdj[eę]cie|fot\.)\s*:)[^.!?]{0,80}[.)]?\s*$",
    re.IGNORECASE,
)
# Photo and news agencies whose name alone credits a picture ("Shutterstock",
# "Kane Skennar/Photodisc/Getty Images", "iStock/cjp"): a credit line without a mark.
# Lower case, searched in a lower-cased text: a case-blind pattern gives the engine no
# first letters to skip ahead to, and it runs for every short paragraph.
PHOTO_AGENCY = re.compile(
    r"\b(?:getty(?: images)?|istock(?:photo)?|shutterstock|adobe ?stock|unsplash|pixabay"
    r"|imago(?: images)?|dpa|picture[ -]alliance|afp|reuters|ap(?: photo)?|epa(?:-efe)?"
    r"|keystone|alamy|corbis|photodisc|thinkstock|stocksy|moodboard|digital vision"
    r"|fotolia|depositphotos|dreamstime|123rf|gettyimages)\b"
)
# Calls to action and legal lines that close an article: follow us, get our app, write
# to us, subscribe, support us, reprint rights. Searched in the last paragraphs only.
PROMO_TAIL = re.compile(
    r"follow (?:us|[\w ]{1,40}? on)\b|folg(?:e|en sie) uns|suivez[- ]nous|s[ií]guenos"
    r"|seguir a \w+ en|seguici|obserwuj nas|download (?:the|our)"
    # (``\bapps?`` written with the boundary after the "a": every branch then opens with
    # a letter, which lets the engine skip to those letters; see has_promo_phrase)
    r"|a(?<=\ba)pps? (?:for|für|pour|para) (?:ios|android)"
    r"|(?:straight|right|direct(?:ly)?) to your (?:phone|inbox)|delivered to your inbox"
    r"|subscribe (?:to|now|here)|sign up (?:for|to|below|now|here|today)"
    r"|suscr[ií]bete|suscribirse|abonnez-vous|jetzt abonnieren"
    r"|newsletter abonnieren|send us a|e-?mail us|write to us|escr[ií]b(?:enos|irnos)"
    r"|schreiben sie uns|schreib uns|contact us at|advertise with|klicken sie hier|hier klicken"
    r"|click here to|cliquez ici|haga clic|unterstütze (?:uns|unabhängige)"
    r"|support (?:us|our journalism|independent)|gefällt dir unser|registrieren!"
    # "Like this story? Share it with a friend!" closing a news channel's articles
    r"|share (?:it|this(?: \w+)?) with (?:a friend|your friends)"
    r"|copyrighted property|written permission|all rights reserved|alle rechte vorbehalten"
    r"|tous droits réservés|todos los derechos reservados|tutti i diritti riservati"
    r"|wszelkie prawa zastrzeżone",
    re.IGNORECASE,
)
# PROMO_TAIL without IGNORECASE, for lower-cased text (its letters are all lower case).
# Case-blind, a pattern of ~40 alternatives is tried in full at every character (Python's
# engine skips ahead only to a known set of first characters, and has none then): ~320
# microseconds for a 400-character paragraph, against ~57 for this one on ``text.lower()``.
_PROMO_TAIL_LOWER = re.compile(PROMO_TAIL.pattern)
# Characters the case-blind engine matches with a pattern letter although ``str.lower``
# does not make them that letter: dotless i and long s (its own equivalences), and dotted
# capital I (which ``str.lower`` makes two characters).
_CASE_TRAPS = ("\u0131", "\u017f", "\u0130")


def has_promo_phrase(text: str) -> bool:
    """Return ``PROMO_TAIL.search(text) is not None``, searched faster in lower case."""
    if any(trap in text for trap in _CASE_TRAPS):
        return PROMO_TAIL.search(text) is not None
    return _PROMO_TAIL_LOWER.search(text.lower()) is not None


# A line of a contact card: "E-Mail: ...", "Tel.: ...", "Telefon: ...", a bare address or
# phone number on its own line. Press releases and institutional pages close with them.
CONTACT_LINE = re.compile(
    r"^\W*(?:e-?mail|tel(?:efon|ephone|\.)?|phone|fax|mobil(?:e|telefon)?|t[ée]l[ée]fono"
    r"|téléphone)\s*\.?\s*[:.]|^\S+@\S+\.\w+$|^(?:\+|00)\d[\d\s()/-]{6,}$",
    re.IGNORECASE | re.MULTILINE,
)

# The heading of a comment section: "Comments", "3 Kommentare", "Leave a Reply",
# "12 thoughts on “...”", "Commentaires (4)". Only the whole heading, so that an article's
# "Comments from the minister" section is not one.
COMMENT_HEADING = re.compile(
    r"^\W*(?:\d+\s+|one\s+|no\s+)?(?:comments?|kommentare?|leserkommentare|commentaires?"
    r"|comentarios?|commenti|komentarze?|reacties|leave a (?:reply|comment)"
    r"|schreibe einen kommentar|kommentar schreiben|laisser un commentaire"
    r"|deja (?:un|tu) comentario|lascia un commento|dodaj komentarz)\W*(?:\d+\W*)?$"
    r"|^\W*(?:\d+|one)\s+(?:thoughts?|responses?|replies|reply) (?:on|to)\b",
    re.IGNORECASE,
)

# The heading of an author's bio: "About the author", "About the reviewer" (a medical
# article's), "Author bio", "Über die Autorin", "À propos de l'auteur", "Sobre el autor",
# "O autorze". Only the whole heading.
AUTHOR_HEADING = re.compile(
    r"^\W*(?:about the (?:authors?|reviewers?|contributors?|writers?|experts?)"
    r"|authors?(?:'s)? bio(?:graphy)?"
    r"|über (?:den|die) autor(?:in|en|innen)?|zu(?:m|r) autor(?:in)?"
    r"|à propos de l'auteure?|l'auteure?|sobre (?:el|la|o|a) autora?|o autorze|o autorce"
    r"|sull'autore|l'autore|over de auteur|об авторе)\W*$",
    re.IGNORECASE,
)

# A site's affiliate disclosure, in its own voice: "This post contains affiliate links",
# "We may earn a commission", "Purchases made through links earn us a small commission",
# "As an Amazon Associate I earn from qualifying purchases", "Dieser Artikel enthält
# Affiliate-Links". An article about affiliate marketing explains the links in the
# reader's or the affiliate's terms ("the affiliate earns a commission") and stays.
AFFILIATE_DISCLOSURE = re.compile(
    r"\b(?:this|the|our|my)\s+(?:\w+\s+){0,2}(?:post|page|article|site|guide|review|content"
    r"|blog|website|story|list)\s+(?:may\s+)?(?:contains?|includes?|uses?|features?)\s+"
    r"(?:\w+\s+){0,2}affiliate[\s-]+links?"
    r"|\bmay\s+(?:contain|include)\s+affiliate[\s-]+links?|\baffiliate\s+links\s+are\s+used"
    r"|\busing\s+the\s+affiliate\s+links?"
    r"|\b(?:we|i)\s+(?:may\s+|might\s+|will\s+|can\s+|could\s+)?(?:earn|receive|get|make)"
    r"\s+(?:\w+\s+){0,4}(?:commissions?|percentage|kick\s?back)\b"
    r"|\bearns?\s+(?:us|me)\s+(?:\w+\s+){0,2}commissions?\b"
    r"|\b(?:we|i)\s+earn\s+from\s+qualifying\s+purchases|\bwe\s+may\s+include\s+paid\s+promotion"
    r"|\b(?:enthält|enthalten)\s+(?:\w+\s+){0,2}affiliate-?links"
    r"|\b(?:erhalten|bekommen)\s+wir\s+(?:\w+\s+){0,3}provision",
    re.IGNORECASE,
)

# A picture's caption or alt text that is nothing but an advertisement's label: the
# picture is an ad banner placed in the article ("Reklama" under a shop's banner).
AD_LABEL = re.compile(
    r"^\W*(?:advertisement|advertising|ads?|anzeigen?|werbung|publicit[ée]|publicidad"
    r"|publicidade|pubblicità|sponsored|gesponsert|reklama|реклама|anuncio|annonce|pub)\W*$",
    re.IGNORECASE,
)

# Short paragraphs that are page furniture wherever they stand ("Share this:", "Tags:",
# "All rights reserved", "Follow us on ...").
BOILERPLATE_PHRASE = re.compile(
    r"^\W*(?:share(?: this| on| article| via)?|teilen|partager|compartir|condividi|udostępnij"
    r"|tags?|schlagwörter|schlagworte|mots-clés|etiquetas|follow us|folgen sie uns"
    r"|suivez-nous|síguenos|all rights reserved|alle rechte vorbehalten|tous droits réservés"
    r"|copyright|©|advertisement|anzeige|werbung|publicité|publicidad|sponsored"
    r"|print|drucken|imprimer|email|e-mail|tweet|like this:|gefällt mir|loading|cookie"
    r"|click to share|skip to (?:main )?content|sign up|subscribe|abonnieren|s'abonner"
    r"|log in|login|anmelden|previous (?:post|article)|next (?:post|article)"
    r"|vorheriger artikel|nächster artikel|article précédent|article suivant"
    r"|aktualisiert|updated|last modified|zuletzt aktualisiert|erstellt am|veröffentlicht am"
    r"|back to top|nach oben|zurück\W*$|(?:alle )?angaben ohne gewähr|all information without"
    r" guarantee"
    # labels that head contact boxes and credits: only with a colon or standing alone
    r"|(?:kontakt|contact|telefon|phone|fax|weitere informationen|more information"
    r"|über den autor|about the author|inhaltsverzeichnis|table of contents|fotos?|photos?"
    r"|bild|image|quelle|credits?"
    # an advertisement's label left where the ad's script would draw it ("ADVERTISING",
    # "Reklama", "Ad"): alone, as a whole word ("Advertising revenue fell" is text)
    r"|advertising|adverts?|ads?|reklama|реклама|publicidade|pubblicità|anuncio|annonce)"
    r"\s*(?::|$)"
    # a script's control printed as a link or a word ("close" on a video player's bar, on
    # a floating ad's box; two sites of the outside set): alone, not as a label ("Close:
    # 12.50" is a price)
    r"|(?:close|schließen|fermer|cerrar|chiudi|zamknij)\W*$)",
    re.IGNORECASE,
)


# A shop's or an offer's button under a product in a buying guide, a recipe round-up or a
# review ("Buy on Amazon", "See it at Razer", "Check Price - Walmart", "$298 on Amazon",
# "View Deal", "Get the Recipe", "Get a Quote"), as the whole text of a link. The shop's
# name is a few words (``[\w .'&-]``).
_SHOP: Final = r"[\w .'&-]{1,40}"
_PRICE: Final = r"(?:[$€£]\s?[\d.,]+|[\d.,]+\s?[$€£])"
CALL_TO_ACTION: Final = CaseBlind(
    rf"(?:(?:buy|shop|order)(?: it)? now(?: (?:on|at|from) {_SHOP})?"
    rf"|buy (?:it )?(?:on|at|from) {_SHOP}|see it (?:on|at) {_SHOP}"
    rf"|(?:check|see|view|compare|get) (?:the )?(?:latest |best )?(?:price|prices|deal|deals)"
    rf"(?:\s?(?:on|at|from|-)\s?{_SHOP})?"
    rf"|(?:{_PRICE} )?(?:now )?{_PRICE} (?:on|at) {_SHOP}"
    r"|get the recipe|get (?:a|your) (?:free )?quote)\W*$"
)
