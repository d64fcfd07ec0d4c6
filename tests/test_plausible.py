"""The legacy engine's cheap acceptance test: clean lines pass, lines the engine repairs
do not, and a line that passes is one the full engine leaves unchanged."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realtext_po import django_lines
from textfix.options import DEFAULT_MIN_CONFIDENCE, FixOptions
from textfix.repair import legacy
from textfix.repair.base import DocumentContext
from textfix.repair.line import find_in_line, untouched
from textfix.repair.lone_words import lone_signs
from textfix.repair.plausible import plausible, typed_in_unicode
from textfix.repair.quote_signs import looks_quoted

#: Languages with a legacy code page, and the chains their text is garbled by here.
GARBLINGS = [
    ("tr", "cp1254", "cp1252"),
    ("pl", "cp1250", "cp1252"),
    ("cs", "cp1250", "cp1252"),
    ("lt", "cp1257", "cp1252"),
    ("ru", "koi8-r", "cp1251"),
    ("uk", "cp1251", "latin-1"),
    ("fr", "cp1252", "cp850"),
    ("de", "cp1252", "mac-roman"),
]

#: Languages whose clean Django lines should nearly all pass without the engine.
CLEAN_LANGS = ["fr", "de", "es", "pl", "cs", "tr", "ru", "uk", "el", "he", "ar", "th", "ja"]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Le café est déjà prêt", True),
        ("Цей текст також доступний українською", True),
        ("漢字とかな", True),  # no character a display code page holds: nothing can change
        ("Col·lecció d’articles «nous»", True),
        ("Kuþ uçtu", False),  # Icelandic þ beside Turkish ç: no one language has both
        ("Model adý", False),  # cp1254 -> cp1252: "adı" is a known Turkish word
        ("Camн de cerca", False),  # a word mixing scripts
        ("³adny dzieñ", False),  # symbol glued to a small letter
        ("Spr·vcovsk· dokument·cia", False),  # middle dot inside words other than l·l
        ("Zmeni£", False),  # currency sign touching a letter
        ("Sisestage uus v„„rtus", False),  # a run of quotes between letters (cp775 "ää")
        ("„Tere“ ja „head aega“", True),  # quotes around words
        ("оПХБЕР", False),  # small letter before a capital
        ("Ã©tÃ©", False),  # a UTF-8 round trip applies
    ],
)
def test_examples(line: str, expected: bool) -> None:
    assert plausible(line) is expected


@pytest.mark.parametrize("lang", CLEAN_LANGS)
def test_clean_lines_mostly_pass(lang: str) -> None:
    lines = django_lines(lang, 120)
    passed = sum(map(plausible, lines))
    assert passed >= 0.85 * len(lines), (lang, passed, len(lines))


def _engine_without_accept_test(line: str, monkeypatch: pytest.MonkeyPatch) -> str:
    with monkeypatch.context() as m:
        m.setattr(legacy, "plausible", lambda _line: False)
        step = legacy.repair(line, DocumentContext())
    return line if step is None or step.confidence < 0.5 else step.text


@pytest.mark.parametrize(("lang", "true", "shown"), GARBLINGS)
def test_accepted_lines_are_left_alone_by_the_engine(
    lang: str, true: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The accept test may only skip lines that the full engine would not change."""
    checked = 0
    for line in django_lines(lang, 80):
        try:
            garbled = line.encode(true).decode(shown)
        except UnicodeError:
            continue
        for text in (line, garbled):
            # (the engine looks at one-letter words shown as lone signs and at punctuation
            # shown as signs before its accept test: lone_words, quote_signs)
            if plausible(text) and not lone_signs(text) and not looks_quoted(text):
                checked += 1
                assert _engine_without_accept_test(text, monkeypatch) == text
    assert checked > 0


def test_garbled_lines_are_caught() -> None:
    """Most garbled lines must still reach the engine."""
    total = caught = 0
    for lang, true, shown in GARBLINGS:
        for line in django_lines(lang, 80):
            try:
                garbled = line.encode(true).decode(shown)
            except UnicodeError:
                continue
            if garbled != line:
                total += 1
                caught += not plausible(garbled)
    assert caught >= 0.9 * total, (caught, total)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_never_raises(text: str) -> None:
    assert plausible(text) in (True, False)


@pytest.mark.parametrize("lang", ["fr", "de", "cy", "lb", "ast", "gd", "br", "tk", "ig"])
def test_lines_proved_thin_get_no_confident_repair(lang: str) -> None:
    """``thin_without_words`` may only skip lines the engine cannot repair with more than
    ``FAILED_CONFIDENCE``, garbled or clean."""
    proved = 0
    for line in django_lines(lang, 150):
        for text in (line, *_garblings(line)):
            if legacy.thin_without_words(text):
                proved += 1
                step = legacy.repair(text, DocumentContext())
                assert step is None or step.confidence <= legacy.FAILED_CONFIDENCE, text
    assert proved > 0


def _garblings(line: str) -> list[str]:
    out = []
    for _lang, true, shown in GARBLINGS:
        try:
            out.append(line.encode(true).decode(shown))
        except UnicodeError:
            continue
    return out


def test_thin_lines_skip_the_repairers_only_above_a_failed_steps_confidence() -> None:
    line = "Efrîka Basur"  # Kurmanji: one changeable letter, no round trip gives a word
    assert legacy.thin_without_words(line)
    assert untouched(line, DEFAULT_MIN_CONFIDENCE + 0.2)  # (the proof: above the default)
    assert not untouched(line, DEFAULT_MIN_CONFIDENCE)
    assert not untouched(line, legacy.FAILED_CONFIDENCE)  # such callers see the engine's step


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Бӕрӕг кӕны архайӕгӕн", True),  # Ossetian ӕ: no code page holds it
        ("Orílẹ̀-èdè Olómìnira", True),  # Yoruba ẹ among Latin letters
        ("Бӕрӕг Kuþ uçtu", False),  # the changeable letters are Latin, ӕ is Cyrillic
        ("Бӕрӕг ±¤", False),  # symbols a round trip may turn into letters
        ("Kuþ uçtu", False),  # no letter outside the code pages
        ("SaÄŤuvaj", False),  # Ť is cp1250's, a display page of UTF-8 chains
        ("漢字とかな", False),  # nothing changeable
    ],
)
def test_typed_in_unicode_examples(line: str, expected: bool) -> None:
    assert typed_in_unicode(line) is expected


@pytest.mark.parametrize("lang", ["os", "ig", "az", "vi", "kk", "tt", "udm"])
def test_lines_typed_in_unicode_are_left_alone_by_the_engine(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real lines with letters no code page holds, and their garblings: the engine (without
    its accept tests) changes none of those ``typed_in_unicode`` skips."""
    skipped = 0
    for line in django_lines(lang, 120):
        for text in (line, *_garblings(line)):
            if typed_in_unicode(text):
                skipped += 1
                with monkeypatch.context() as m:
                    m.setattr(legacy, "typed_in_unicode", lambda _line: False)
                    assert _engine_without_accept_test(text, monkeypatch) == text
    assert skipped > 0


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_untouched_lines_get_no_repair(text: str) -> None:
    """``untouched`` is a proof: the repairers find nothing to apply in a line it passes."""
    line = text.replace("\n", " ")
    if untouched(line, 0.5):
        found = find_in_line(line, FixOptions(), DocumentContext(), suspicious=False)
        assert not [f for f in found if f.replacement is not None and f.confidence >= 0.5]


@pytest.mark.parametrize("lang", ["fr", "ru", "os", "ig", "vi", "el"])
def test_untouched_real_lines_get_no_repair(lang: str) -> None:
    for line in django_lines(lang, 100):
        for text in (line, *_garblings(line)):
            if untouched(text, 0.5):
                found = find_in_line(text, FixOptions(), DocumentContext(), suspicious=False)
                assert not [f for f in found if f.replacement is not None], text
