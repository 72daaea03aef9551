"""Paragraph rules of the plain-text parser: Chinese and Japanese prose on the page
filter, pictures and credits between paragraphs (fixtures written for these tests)."""

from __future__ import annotations

from articlekit.model import CodeBlock, Emphasis, Figure, Image, Paragraph, Text
from articlekit.text import parse_text
from articlekit.text.boilerplate import PieceStats, score_piece
from articlekit.text.inline import parse_inlines
from articlekit.text.lines import count_words
from articlekit.text.rules import Piece

_MENU = "\n\n".join(["Home", "News", "Sports", "Weather", "Contact", "Login"] * 2)

# Chinese prose as w3m wraps it (39 wide characters to a line), one paragraph per block.
_CHINESE = [
    "今年春天，城里的图书馆决定延长开放时间，每天晚上一直开到十点钟。馆长说，很多\n"
    "学生白天要上课，只有晚上才有时间来看书，所以大家都很欢迎这个决定。",
    "图书馆还在二楼新开了一间阅览室，里面有两百多个座位和很多新买的杂志。一位老\n"
    "读者告诉记者，他每个星期都会来这里看报纸，现在环境比以前安静多了。",
    "市政府表示，明年还会再拨一笔经费，用来修理屋顶和更换旧的电脑设备。",
]


def test_count_words_counts_two_chinese_characters_as_a_word() -> None:
    assert count_words("the library stays open") == 4
    assert count_words("图书馆延长开放时间") == 5  # nine characters
    assert count_words("2024年 城市 library") == 1 + 2 + 1  # 年城市: three characters
    # Korean writes spaces between words: Hangul is counted by them
    assert count_words("도서관 이 열려 있습니다") == 4


def test_chinese_paragraphs_are_prose_on_a_page() -> None:
    body = "\n\n".join(_CHINESE * 2)
    doc = parse_text(f"{_MENU}\n\n{body}\n\n{_MENU}\n")
    texts = [b for b in doc.blocks if isinstance(b, Paragraph)]
    plain = doc.plain_text()
    # every paragraph kept (each once per copy), the menu around them dropped
    assert plain.count("图书馆还在二楼") == 2
    assert plain.count("市政府表示") == 2
    assert "Weather" not in plain
    assert len(texts) == 6


def test_unpunctuated_chinese_lines_between_pictures_are_prose() -> None:
    # a photo blog: a picture, then a caption line with spaces where commas would be
    captions = [
        "早上出发的时候天还没有亮 一路上山里的雾气很浓 只能慢慢开车往前走",
        "到了营地以后先把帐篷搭好 孩子们马上跑去河边找石头 玩得非常开心",
        "晚上大家围在一起煮火锅 山里的气温很低 还好带了足够的厚衣服",
    ]
    body = "\n\n".join(f"IMG_{n:04}.jpg\n\n{c}" for n, c in enumerate(captions * 2))
    doc = parse_text(f"{_MENU}\n\n{body}\n\n{_MENU}\n")
    plain = doc.plain_text()
    assert plain.count("帐篷") == 2
    assert plain.count("火锅") == 2
    assert "Weather" not in plain


def test_a_picture_is_neutral_to_the_page_filter() -> None:
    piece = Piece(kind="paragraph", first=0, last=0, text="IMG_3886.jpg")
    stats = PieceStats(chars=12, words=1, link_chars=12, sentence=False, picture=True)
    assert score_piece(piece, stats, page=True) == 0.0
    assert score_piece(piece, PieceStats(chars=12, words=1, link_chars=0, sentence=False)) < 0


_WRAPPED = (
    "The council met on Tuesday evening and decided that the library would stay\n"
    "open for another five years, after a long debate in which dozens of\n"
    "residents spoke for it and the mayor thanked them for coming out so late.\n"
)


def test_a_credit_line_in_an_article_is_a_figure_caption() -> None:
    body = f"{_WRAPPED}\n\nPhoto: Jane Doe / Example Agency\n\n{_WRAPPED}"
    doc = parse_text(body)
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert len(figures) == 1
    assert "Jane Doe" in doc.plain_text()  # kept, as the picture's caption
    assert "Jane Doe" in str(figures[0].caption)
    assert sum(isinstance(b, Paragraph) for b in doc.blocks) == 2


def test_paragraphs_that_say_the_title_again_are_dropped() -> None:
    # lynx and w3m print a picture's alt text as a line: here the article's title
    title = "How the Old Library Was Saved"
    text = f"{title}\n\n{_WRAPPED}\n\n{title}\n\n{_WRAPPED}\n\n{title}\n"
    doc = parse_text(text)
    assert doc.title == title
    assert doc.plain_text().count("Old Library") == 0
    assert sum(isinstance(b, Paragraph) for b in doc.blocks) == 2
    # a one-word title may stand again as a name on its own line
    one = parse_text(f"remoteStorage\n\n{_WRAPPED}\n\nremoteStorage\n\n{_WRAPPED}")
    assert len(one.blocks) == 3
    assert "remoteStorage" in one.plain_text()


_LYNX_BODY = (
    "   The council met on Tuesday evening and decided that the library would\n"
    "   stay open for another five years, after a long debate in which dozens\n"
    "   of residents spoke for it and the mayor thanked them for coming.\n"
)


def _lynx(text: str) -> str:
    refs = "\n".join(f"   {n}. https://example.org/{n}" for n in range(1, 4))
    return f"{text}\n   [1]Home [2]News [3]About\n\nReferences\n\n{refs}\n"


def test_lynx_picture_name_under_a_paragraph_is_a_figure() -> None:
    picture = (
        "   [dims?resize=980%2C640&amp;quality=100&amp;image_uri=https%3A%2F%2Fo.ao\n"
        "   lcdn.com%2Fimages%2Fdims%3Fcrop%3D1599%252C1043%252C0%252C0%26quality%3\n"
        "   D85%26format%3Djpg]\n"
    )
    doc = parse_text(_lynx(f"{_LYNX_BODY}{picture}\n{_LYNX_BODY}"))
    paragraphs = [b for b in doc.blocks if isinstance(b, Paragraph)]
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert len(figures) == 1
    assert figures[0].image.src.startswith("dims?resize=980")
    assert "lcdn.com" in figures[0].image.src
    assert len(paragraphs) == 2  # the paragraph above ends at its sentence
    assert "dims" not in doc.plain_text().split("coming.")[0]


def test_a_row_of_linked_lynx_picture_names_is_pictures_not_code() -> None:
    row = (
        "   [1][boats_01.thumbnail.jpg] [2][boats_03.thumbnail.jpg]\n"
        "   [3][boats_05.thumbnail.jpg]\n"
    )
    doc = parse_text(_lynx(f"{_LYNX_BODY}\n{row}\n{_LYNX_BODY}"))
    assert not any(isinstance(b, CodeBlock) for b in doc.blocks)
    images = [x for b in doc.blocks if isinstance(b, Paragraph) for x in b.content]
    assert [x.src for x in images if isinstance(x, Image)] == [
        "boats_01.thumbnail.jpg",
        "boats_03.thumbnail.jpg",
        "boats_05.thumbnail.jpg",
    ]


def test_a_pages_bracketed_tag_after_a_lynx_paragraph_is_text() -> None:
    # no file name's punctuation: the page's own tag, not a picture
    doc = parse_text(_lynx(f"{_LYNX_BODY}   [MP2]\n\n{_LYNX_BODY}"))
    assert not any(isinstance(b, Figure) for b in doc.blocks)
    assert "[MP2]" in doc.plain_text()


def test_html2text_empty_emphasis_marks_are_no_text() -> None:
    # an editor's empty <em></em> comes out as a bare "__" after the word before it
    assert parse_inlines("in a civic manner.__", markdown=True) == (
        Text(text="in a civic manner."),
    )
    assert parse_inlines("at affordable prices. __", markdown=True) == (
        Text(text="at affordable prices."),
    )
    # two marks are the page's own asterisks
    assert parse_inlines("** WORK IN PROGRESS **", markdown=True) == (
        Text(text="** WORK IN PROGRESS **"),
    )


def test_no_space_before_html2text_emphasis_that_starts_with_punctuation() -> None:
    # <a><em>YouTube</em></a><em>.</em> and </a><em>, and more</em>
    found = parse_inlines("on [_YouTube_](https://y.example/v) _._", markdown=True)
    assert [type(node).__name__ for node in found] == ["Text", "Link", "Emphasis"]
    found = parse_inlines("on [_HBO Now_](https://h.example/) _, and more_", markdown=True)
    assert isinstance(found[-1], Emphasis) and not isinstance(found[-2], Text)
    # a space before emphasis that starts with a letter stays
    found = parse_inlines("on [x](https://x.example/) _and more_", markdown=True)
    assert found[-2] == Text(text=" ")


def test_w3m_wrap_between_chinese_and_latin_text_adds_no_space() -> None:
    # a filled w3m line broken where Chinese meets a Latin word the page wrote unspaced
    first = "图书馆的管理人员说，今年新买的电脑都已经装好了，读者可以免费使用。馆长Jane"
    second = "Doe表示，明年还会增加更多的座位，欢迎大家前来阅读。"
    text = f"Library News\n\n{first}\n{second}\n\n{_WRAPPED}\n{_WRAPPED}"
    doc = parse_text(text)
    assert "馆长JaneDoe表示" not in doc.plain_text()  # Latin words keep their own space
    assert "馆长Jane Doe表示" in doc.plain_text()
    line = "馆长说，今年新买的电脑都已经装好了，读者可以免费使用，晚上也开放给附近的（"
    doc = parse_text(f"Library News\n\n{line}\nthink-tank）成员。\n\n{_WRAPPED}\n{_WRAPPED}")
    assert "附近的（think-tank）成员。" in doc.plain_text()


def test_a_first_line_indent_after_a_blank_line_is_no_quote() -> None:
    # Chinese paragraphs open with two ideographic spaces; their wrapped rest is flush
    para = (
        "\u3000\u3000图书馆的管理人员昨天说，今年新买的电脑都已经装好了，读者都可以免费使用\n"
        "。晚上也开放给附近的学生，大家都很欢迎这个决定。\n"
    )
    caption = "\u3000\u3000图注：新开的阅览室里有两百多个座位，读者每天都来"
    doc = parse_text(f"Library News\n\n{para}\n{caption}\n\n{para}\n{para}")
    plain = doc.plain_text()
    # each paragraph whole: its first line not cut off into a quote with the caption
    assert plain.count("免费使用。晚上也开放") == 3


def test_a_linked_lynx_picture_name_is_a_figure() -> None:
    doc = parse_text(
        _lynx(f"{_LYNX_BODY}\n   [2][jane_doe.jpg&amp;h=180&amp;w=180]\n\n{_LYNX_BODY}")
    )
    figures = [b for b in doc.blocks if isinstance(b, Figure)]
    assert len(figures) == 1
    assert figures[0].image.src == "jane_doe.jpg&amp;h=180&amp;w=180"
