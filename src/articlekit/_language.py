"""The language an article is written in, guessed from its text when nothing declares it.

A page usually declares its language (``<html lang>``, ``og:locale``); a plain-text
article never does, and some pages don't either. :func:`guess_language` reads the body
text then: the writing system first (kana is Japanese, Hangul Korean, Han alone Chinese,
Arabic, Hebrew, Greek, Thai, Devanagari and Cyrillic script each their language), and for
text in Latin letters the share of each language's commonest function words ("the",
"und", "les", "que", ...), which every text of a few sentences is full of. It answers only
when the evidence is clear: enough words, one language well ahead of the next; otherwise
None, as for a text too short or mixed to tell.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from articlekit.model import Document, FieldSource, Heading, List, Paragraph, Quote, plain_text

__all__ = ["guess_language", "is_function_word", "with_guessed_language"]

# Characters of text read (the first paragraphs: enough to tell, cheap on long pages).
SAMPLE_CHARS = 3000
# Latin-script text: at least this many function words of the winning language, and
# this many times as many as the runner-up's (words shared by two languages, such as
# "de" or "in", count for both).
MIN_FUNCTION_WORDS = 8
MIN_LEAD = 1.5
# A script decides when this share of the letters is written in it.
MIN_SCRIPT_SHARE = 0.3

# The commonest short words of each language, chosen to tell close pairs apart (Spanish
# and Portuguese, Danish and Norwegian, Czech and Polish by their own words).
_FUNCTION_WORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to is in that it was for with as on are this by be have from "
        "at not which but they his her you we were has been an would their there",
        "de": "der die das und ist nicht ein eine zu den von mit sich des auf für im dem "
        "auch es an werden aus er hat dass sie nach wird bei einer um noch wie",
        "fr": "le la les et des est une du en que qui dans pour pas sur au il ce avec "
        "sont plus par elle ou aux ces mais nous vous été cette leur",
        "es": "el la los las y que de en es un una por con para del se al lo como más "
        "pero sus le ya fue este ha sí porque esta entre cuando muy sin",
        "it": "il di che la è e le per un una non del della sono con gli si da al nel "
        "anche alla come più dei ma questo delle ha lo tra",
        "pt": "o a os as e que de em um uma do da não para com por mais dos das se no "
        "na como mas foi ao ele são também seu sua pelo pela",
        "nl": "de het een en van is dat in op te zijn voor met niet er aan ook als maar "
        "om bij door wordt nog naar dit uit werd hij ze",
        "pl": "i w nie na się z do jest to że jak o po co ale tak od przez już dla jego "
        "jej są być może także tylko który która",
        "cs": "a je se v na že to s z do jsou by jako ale o pro jeho jak tak který která "
        "také už jen byl bylo podle když",
        "sv": "och i att det som en på är av för med till den har de inte om ett var "
        "men från så kan sig vid eller även efter",
        "da": "og i at det som en på er af for med til den har de ikke om et var men "
        "fra så kan sig ved eller også efter være blev",
        "nb": "og i at det som en på er av for med til den har de ikke om et var men "
        "fra så kan seg ved eller også etter være ble",
        "fi": "ja on ei se että oli mutta kun myös ovat hän tai joka sen niin jo kuin "
        "vain sitä tämä nyt mukaan",
        "tr": "ve bir bu da de için ile çok daha olarak gibi ama en olan sonra kadar her "
        "değil ise ancak göre",
        "ro": "și în de la cu pe nu care este un o din că să mai pentru sunt fost au "
        "dar sau această",
        "hu": "a az és hogy nem is egy van de meg csak már mint el ez volt vagy ki még azt pedig",
        "id": "dan yang di ini itu dengan untuk tidak dari dalam akan pada juga ke "
        "karena ada atau oleh sudah mereka",
    }.items()
}
# each function word's languages, to count a word with one look-up
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in _FUNCTION_WORDS.items():
    for _word in _words:
        _LANGUAGES_OF[_word] = (*_LANGUAGES_OF.get(_word, ()), _lang)
# punctuation that may touch a word ("the," "(que"), read as a space
_PUNCTUATION = re.compile(r"[.,;:!?\"()\[\]{}«»“”„‘’'…/|*_]")

# Scripts told by one character range each (checked in this order).
_SCRIPTS: tuple[tuple[str, str], ...] = (
    ("ja", "\u3040-\u30ff"),  # hiragana and katakana: Japanese, whatever Han it holds
    ("ko", "\uac00-\ud7af\u1100-\u11ff"),
    ("zh", "\u4e00-\u9fff\u3400-\u4dbf"),
    ("ar", "\u0600-\u06ff\u0750-\u077f"),
    ("he", "\u0590-\u05ff"),
    ("el", "\u0370-\u03ff"),
    ("th", "\u0e00-\u0e7f"),
    ("hi", "\u0900-\u097f"),
    ("ru", "\u0400-\u04ff"),
)
_ANY_SCRIPT = re.compile("[" + "".join(chars for _, chars in _SCRIPTS) + "]")
_SCRIPT_RES = tuple((lang, re.compile(f"[{chars}]")) for lang, chars in _SCRIPTS)
# Letters of one language among those sharing a script.
_PERSIAN = re.compile("[پچژگ]")
_UKRAINIAN = re.compile("[іїєґІЇЄҐ]")
# Japanese text is mostly Han with kana among it: a little kana decides.
MIN_KANA_SHARE = 0.05


def _script_language(text: str, shown: int) -> str | None:
    for lang, chars in _SCRIPT_RES:
        found = len(chars.findall(text))
        share = found / shown
        if share >= (MIN_KANA_SHARE if lang == "ja" else MIN_SCRIPT_SHARE):
            if lang == "ar" and len(_PERSIAN.findall(text)) * 50 >= found:
                return "fa"
            if lang == "ru" and len(_UKRAINIAN.findall(text)) * 50 >= found:
                return "uk"
            return lang
    return None


def is_function_word(word: str) -> bool:
    """Return True when ``word`` (lower case) is one of the commonest short words of a
    language this module tells apart ("the", "und", "que"): prose's glue, which a
    command line or a program's line seldom holds."""
    return word in _LANGUAGES_OF


def guess_language(text: str) -> str | None:
    """Return the BCP 47 primary language tag ``text`` is written in, or None when unclear."""
    text = text[:SAMPLE_CHARS]
    if not text.isascii() and _ANY_SCRIPT.search(text):
        shown = len("".join(text.split()))  # characters other than white space
        by_script = _script_language(text, shown) if shown else None
        if by_script is not None:
            return by_script
    counts = dict.fromkeys(_FUNCTION_WORDS, 0)
    for word in _PUNCTUATION.sub(" ", text.lower()).split():
        for lang in _LANGUAGES_OF.get(word, ()):
            counts[lang] += 1
    ranked = sorted(counts.items(), key=lambda item: item[1], reverse=True)
    (best, hits), (_, runner_up) = ranked[0], ranked[1]
    if hits < MIN_FUNCTION_WORDS or hits < MIN_LEAD * runner_up:
        return None
    return best


def _body_text(blocks: Iterable[object], budget: int = SAMPLE_CHARS) -> str:
    """Return the text of the first paragraphs, headings, items and quotes (``budget``)."""
    out: list[str] = []
    size = 0
    stack = list(blocks)[::-1]
    while stack and size < budget:
        block = stack.pop()
        if isinstance(block, (Paragraph, Heading)):
            text = plain_text(block)
            out.append(text)
            size += len(text)
        elif isinstance(block, Quote):
            stack.extend(reversed(block.blocks))
        elif isinstance(block, List):
            for item in reversed(block.items):
                stack.extend(reversed(item.blocks))
    return "\n".join(out)


def with_guessed_language(doc: Document) -> Document:
    """Return ``doc`` with its language guessed from its body when nothing declared one."""
    if doc.metadata.language is not None:
        return doc
    language = guess_language(_body_text(doc.blocks))
    if language is None:
        return doc
    sources = (*doc.metadata.sources, FieldSource(field="language", source="text"))
    metadata = attrs.evolve(doc.metadata, language=language, sources=sources)
    return attrs.evolve(doc, metadata=metadata)
