"""What the labelling walk learnt about a page (:class:`Labels`, made by
:func:`articlekit.html.clean.label_page`).

In a module of its own, which stays Python in the compiled build (docs/compiled.md): mypyc
cannot build an attrs class whose fields have ``attrs.field`` defaults.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import attrs

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from articlekit.html.clean import Stats


@attrs.define(slots=True)
class Labels:
    """Everything the labelling walk learnt about a page."""

    stats: dict[HtmlElement, Stats]
    boilerplate: set[HtmlElement]
    recommendations: list[HtmlElement]
    paragraphs: list[HtmlElement]
    headings: list[HtmlElement]
    total: Stats
    #: Containers with text of their own between their blocks: that text's measurements.
    loose: dict[HtmlElement, Stats] = attrs.field(factory=dict)
    #: False when a relaxed labelling (``label_page(relaxed=True)``) would give exactly these
    #: labels: the strict walk met no ``<noscript>`` and no element dropped by class or role
    #: alone, so the relaxed retry has nothing to add.
    relaxable: bool = True
    #: The boxes the walk dropped by class or role alone (what a relaxed walk keeps), inner
    #: ones included, in the order their walk ended.
    relaxable_boxes: list[HtmlElement] = attrs.field(factory=list)
    #: True when the walk dropped a box named only after a discussion ("itemdiscussion"):
    #: on a discussion page (:func:`is_discussion_page`) the page is labelled again with
    #: ``discussion=True``. The page test is not made on the pages without such a box.
    discussion_boxes: bool = False
    #: True when the walk dropped a comment section (:func:`is_comment_section`): on a
    #: forum thread (:func:`is_thread_page`) those boxes hold the replies, and the page
    #: is labelled again as with ``comments=True``. The page test is not made otherwise.
    comment_boxes: bool = False
    #: The characters of text the dropped comment sections held (each counted once: a
    #: box inside another is dropped first). A page thin outside them may be a thread of
    #: posts all named as comments (see ``content._comment_thread``).
    comment_chars: int = 0
    #: True when these labels keep a forum thread's replies, named as comments by its
    #: engine (see :func:`is_thread_page`): the block stage then keeps what follows a
    #: "Comments" heading, as with ``comments=True``.
    thread: bool = False
    #: The boxes named as a forum post's poster box ("message-user", "postprofile",
    #: "bbp-reply-author"), in the order the walk met them: on a forum thread those
    #: holding no prose are left out (:func:`drop_poster_boxes`).
    poster_boxes: list[HtmlElement] = attrs.field(factory=list)
    #: What the page's microdata declares it (an ``itemtype`` the walk met):
    #: :data:`QA_PAGE` for a ``QAPage``, :data:`THREAD_PAGE` for a
    #: ``DiscussionForumPosting``, else None.
    declared: str | None = None
