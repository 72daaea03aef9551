"""Guessing an article's language from its text when nothing declares it (_language.py)."""

from __future__ import annotations

import pytest

import articlekit
from articlekit._language import guess_language

SAMPLES = {
    "en": "The council said on Monday that the new bridge would be open by the end of the "
    "year, and that it was working with the builders to keep the costs in check.",
    "de": "Der Stadtrat hat am Montag gesagt, dass die neue Brücke bis zum Ende des Jahres "
    "fertig sein wird und dass er mit den Baufirmen an den Kosten arbeitet.",
    "fr": "Le conseil a indiqué lundi que le nouveau pont sera ouvert à la fin de l'année et "
    "qu'il travaille avec les entreprises pour que les coûts restent dans le budget.",
    "es": "El ayuntamiento dijo el lunes que el nuevo puente estará abierto a final de año y "
    "que trabaja con las empresas para que los costes no se disparen por las obras.",
    "it": "Il consiglio ha detto lunedì che il nuovo ponte sarà aperto entro la fine "
    "dell'anno e che lavora con le imprese per tenere sotto controllo i costi della opera.",
    "pt": "A câmara disse na segunda-feira que a nova ponte estará aberta no fim do ano e "
    "que está a trabalhar com as empresas para que os custos não subam com as obras.",
    "nl": "De gemeente zei maandag dat de nieuwe brug aan het einde van het jaar open zal "
    "zijn en dat zij met de bouwers werkt om de kosten in de hand te houden.",
    "pl": "Rada miasta powiedziała w poniedziałek, że nowy most będzie otwarty do końca roku i "
    "że współpracuje z firmami, aby koszty nie były wyższe niż w planie, jak się obawiano.",
    "ru": "Городской совет сообщил в понедельник, что новый мост откроют до конца года.",
    "uk": "Міська рада повідомила в понеділок, що новий міст відкриють до кінця року, і це "
    "її рішення.",
    "ja": "市議会は月曜日、新しい橋が年末までに開通すると発表しました。",
    "zh": "市议会周一表示，新桥将在年底前通车，并正在与建筑商合作控制成本。",
    "ko": "시의회는 월요일 새 다리가 연말까지 개통될 것이라고 밝혔다.",
    "ar": "قال المجلس البلدي يوم الاثنين إن الجسر الجديد سيفتح بحلول نهاية العام.",
    "el": "Το δημοτικό συμβούλιο ανακοίνωσε τη Δευτέρα ότι η νέα γέφυρα θα ανοίξει.",
}


@pytest.mark.parametrize("lang", sorted(SAMPLES))
def test_each_language_is_told(lang: str) -> None:
    assert guess_language(SAMPLES[lang] * 2) == lang


def test_too_little_or_mixed_text_tells_nothing() -> None:
    assert guess_language("") is None
    assert guess_language("Menu Home Login 2024") is None
    assert guess_language("the bridge") is None  # too few function words
    mixed = SAMPLES["de"] + " " + SAMPLES["nl"]  # no language well ahead
    assert guess_language(mixed) in (None, "de", "nl")
    tie = "the bridge und Brücke " * 10  # as many English words as German ones
    assert guess_language(tie) is None


def test_a_text_articles_language_is_guessed_with_its_source() -> None:
    text = "Bridge opens\n\n" + "\n\n".join([SAMPLES["fr"]] * 3) + "\n"
    doc = articlekit.parse_text(text)
    assert doc.metadata.language == "fr"
    assert doc.metadata.source_of("language") == "text"


def test_a_declared_language_wins_over_the_guess() -> None:
    body = "".join(f"<p>{SAMPLES['de']}</p>" for _ in range(4))
    declared = articlekit.parse_html(
        f'<html lang="en"><body><article>{body}</article></body></html>'
    )
    assert declared.metadata.language == "en"
    assert declared.metadata.source_of("language") != "text"
    undeclared = articlekit.parse_html(f"<html><body><article>{body}</article></body></html>")
    assert undeclared.metadata.language == "de"
    assert undeclared.metadata.source_of("language") == "text"
    header = "---\ntitle: Brücke\nlang: de-AT\n---\n\n" + SAMPLES["en"] * 3
    assert articlekit.parse_text(header).metadata.language == "de-AT"
