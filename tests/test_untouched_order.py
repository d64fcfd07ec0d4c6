"""``line.untouched`` asks the no-repair proof's opening before most of its looks, and says
"no" at once where a round trip may pass the gates (``no_repair.PASSES``): the answer must
be the one the looks-first order gives, on clean lines and on their garbled forms alike.
(The proof is asked above the default confidence only: up to it, such a line goes to the
engine.)"""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realtext_po import django_lines
from textfix.options import DEFAULT_MIN_CONFIDENCE
from textfix.repair import inner_capitals, legacy, line, no_repair
from textfix.repair.plausible import plausible, typed_in_unicode, utf8_round_trip
from textfix.scoring.model import mojibake_shape

#: Sentences of my own, clean, in languages the scorer models and some it does not.
SENTENCES = [
    "Der Fahrplan ändert sich übermorgen für alle Züge",
    "Łódź leży w środkowej Polsce, niedaleko Warszawy",
    "Pražská tramvaj jezdí každých pět minut",
    "Öğrenciler kütüphanede sessizce çalışıyordu",
    "Šveitsi juust on väga hõrk",
    "Žalias medis šlama vėjyje",
    "Šodien līst lietus un pūš vējš",
    "Съешь же ещё этих мягких французских булок",
    "Ми їхали до Львова цілу ніч",
    "Η θάλασσα ήταν ήρεμη το πρωί",
    "Bidh an t-àm seo a' dol seachad gu luath",
    "Efrîka Rojhilat û Başûr",
    "Guðrún fór á markaðinn í gær",
    "Ybyrakuéra ojehecha porã",
    "Dziłigaii dóó tséyi' Bikéyah",
    "Jemen, sambandslýðveldi",
    "Kuş uçtu, Halıcı geldi",
    "Vraća se kući",
]
#: A caller asking more than the default confidence: the proof is asked for it.
ABOVE_DEFAULT = DEFAULT_MIN_CONFIDENCE + 0.2
#: Chains that garble them (true encoding, shown as).
GARBLINGS = [
    ("cp1251", "latin-1"),
    ("cp1250", "cp1252"),
    ("cp1254", "cp1252"),
    ("cp1257", "cp1252"),
    ("cp1253", "cp1252"),
    ("koi8-r", "cp1251"),
    ("cp1252", "cp850"),
    ("mac-cyrillic", "cp1251"),
    ("cp1255", "latin-1"),
]


def _shown(text: str, true: str, shown: str) -> str | None:
    """``text`` written in ``true`` and read as ``shown``, or ``None`` where it cannot be."""
    try:
        return text.encode(true).decode(shown)
    except UnicodeError:
        return None


def _forms(lines: Sequence[str]) -> list[str]:
    """Each of ``lines`` and what each chain of :data:`GARBLINGS` makes of it."""
    garbled = (_shown(text, true, shown) for text in lines for true, shown in GARBLINGS)
    return [*lines, *(text for text in garbled if text is not None)]


def _looks_first(text: str, min_confidence: float, fresh: bool) -> bool:
    """``line._untouched`` of a line ``plausible`` refuses whose core has no mojibake shape,
    as it was asked before the opening came first: every look, then the proof."""
    if line._looks(text) or inner_capitals.capitals_lowered(text) is not None:
        return False
    shaped = line._utf8_shaped(text)
    ask = min_confidence > legacy.FAILED_CONFIDENCE
    if ask and no_repair.cannot_pass(text, fresh, at_once=True):
        return not shaped or line._utf8_leaves(text, utf8_round_trip(text))
    if typed_in_unicode(text):
        return not shaped or line._utf8_leaves(text, utf8_round_trip(text))
    if not ask:
        return False
    if shaped:
        return no_repair.cannot_pass(text, fresh) and line._utf8_leaves(text, utf8_round_trip(text))
    if no_repair.cannot_pass(text, fresh):
        return True
    return not no_repair.examines(text) and legacy.thin_without_words(text)


def _check(text: str) -> bool:
    """Compare both orders on ``text`` (where they apply); whether they did."""
    if text.isascii() or plausible(text) or mojibake_shape(legacy.core(text)):
        return False
    for fresh in (False, True):
        assert not line._untouched(text, DEFAULT_MIN_CONFIDENCE, fresh, reads=False, shaped=False)
        for min_confidence in (ABOVE_DEFAULT, legacy.FAILED_CONFIDENCE):
            found = line._untouched(text, min_confidence, fresh, reads=False, shaped=False)
            assert found == _looks_first(text, min_confidence, fresh), (text, fresh)
            if no_repair.opening(text, fresh) == no_repair.PASSES:
                assert not found and not no_repair.cannot_pass(text, fresh), text
    return True


def test_opening_first_gives_the_same_answer_on_sentences() -> None:
    checked = [text for text in _forms(SENTENCES) if _check(text)]
    assert len(checked) > 12
    passes = [t for t in checked if no_repair.opening(t) == no_repair.PASSES]
    assert len(passes) > 8  # (the early "no" is taken)


@pytest.mark.parametrize("lang", ["gd", "tk", "tr", "lt", "lv", "pl", "ru", "uk", "el", "cs", "hu"])
def test_opening_first_gives_the_same_answer_on_catalogue_lines(lang: str) -> None:
    assert sum(_check(text) for text in _forms(django_lines(lang, 40))) > 0


@pytest.mark.parametrize(
    "text",
    [
        "Fidþi",  # a stray letter: the opening's round trips pass first
        "Ќедоступно",  # a mac-cyrillic capital shown as a sign: a look, asked first
        "«÷¨†–Ò“",  # lone signs
        "Halýcý",  # stray letters the round trips leave: the opening refuses
        "Ene mêye åbe",  # a round trip passes only where the context lowers the bar
        "Саҳифа нест ва ё ки бо адади яклухт ишора",  # typed in Unicode
        "Kramariì",
    ],
)
def test_opening_first_on_lines_of_each_route(text: str) -> None:
    assert _check(text)


_ALPHABET = st.sampled_from(list("aeZé ÀßøÐþıŞšŁ¤±·«»’“–ΣεжЖяЯ╗µ¹²ª\u00a0\u05d0,.-'%s"))


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, min_size=1, max_size=14))
def test_opening_first_gives_the_same_answer_on_any_text(text: str) -> None:
    _check(text)
