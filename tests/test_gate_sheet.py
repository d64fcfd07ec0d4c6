"""The compiled gate sheet (``textfix.repair.gate_sheet``, ``_cgates.sheet``) answers every
gate exactly as the gate's own Python body does: its tables agree with the Python definitions
for every BMP character, and the gates agree on real lines and their single-byte mojibake,
on every BMP character in small words, on chosen pairs (``İ``, final sigma, titlecase letters,
combining marks, case pairs, middle dots, drawing, units) and on hypothesis text (lone
surrogates, NUL, astral characters, long lines). Skipped when the module is not built or
TEXTFIX_PURE_PYTHON is set."""

from __future__ import annotations

import sys
import unicodedata
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix._native import load
from textfix.repair import alphabet_demos, gate_sheet, gates, kept_shapes, legacy, plausible
from textfix.scoring.model import script_of

CGATES = load("textfix.repair._cgates")
pytestmark = pytest.mark.skipif(CGATES is None, reason="textfix.repair._cgates is not built")

GATES: dict[int, Callable[[str, str], bool]] = {
    gate_sheet.NO_ALPHABET: gates.letters_of_no_alphabet,
    gate_sheet.CAPITALISES: gates.capitalises_words,
    gate_sheet.SHORT_WORDS: gates.short_words_respelled,
    gate_sheet.MIDDLE_DOTS: gates.only_middle_dots_between_ls,
    gate_sheet.LETTER_RUNS: legacy._only_letter_runs,
    gate_sheet.DEMO: alphabet_demos.demo_rewritten,
    gate_sheet.DRAWING: legacy._drawing_into_unknown_words,
    gate_sheet.ORNAMENT: legacy._ornament,
    gate_sheet.UNITS: legacy._units_rewritten,
    gate_sheet.CHANGES_LETTERS: legacy._changes_letters,
    gate_sheet.CASE_ONLY: kept_shapes.case_only,
    gate_sheet.SCRIPTS_MIXED: kept_shapes.scripts_mixed,
}


def answers(text: str, cand: str) -> list[object]:
    return [gate(text, cand) for gate in GATES.values()] + [
        legacy._longest_word(cand, text),
        legacy._pair_facts(text, cand) & legacy._REFUSAL_BITS != 0,
        legacy._pair_facts(text, cand),  # (every fact: scripts mixed read from the accept sheet)
    ]


def assert_same(text: str, cand: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """The gates' answers with the sheet and without it agree; returns the known bits."""
    with_sheet = answers(text, cand)
    bits = gate_sheet.sheet(text, cand)
    with monkeypatch.context() as m:
        m.setattr(gate_sheet, "sheet", lambda _t, _c: None)
        alone = answers(text, cand)
    assert with_sheet == alone, (text, cand)
    return 0 if bits is None else bits >> 16 & 0xFFFF


def garbled_pairs() -> Iterator[tuple[str, str]]:
    chains = (
        (("cp1251", "cp1252"),),
        (("koi8-r", "cp1251"),),
        (("cp1250", "cp1252"),),
        (("cp866", "koi8-r"),),
        (("cp1253", "cp437"),),
        (("cp1254", "iso8859-1"),),
        (("cp1257", "cp1252"),),
        (("mac-cyrillic", "cp1251"),),
    )
    # (every language, a few lines each)
    for line, garbled in mojibake_pairs(non_ascii_lines()[::2], chains):
        if len(garbled) == len(line):
            yield garbled, line
            yield line, garbled


def test_real_lines_and_their_mojibake(monkeypatch: pytest.MonkeyPatch) -> None:
    pairs = answered = 0
    for text, cand in garbled_pairs():
        known = assert_same(text, cand, monkeypatch)
        pairs += 1
        answered += known & 1 << gate_sheet.NO_ALPHABET != 0
    assert pairs > 300
    assert answered == pairs  # (the sheet answers that gate for every BMP pair)


def test_every_bmp_character_in_small_words(monkeypatch: pytest.MonkeyPatch) -> None:
    # Runs of eight code points (a word, or letters and signs) against the same run with
    # every other character swapped for its case twin or a neighbour.
    for lo in range(0, 0x10000, 8):  # (about 4 s)
        text = "".join(map(chr, range(lo, lo + 8)))
        swapped = "".join(
            ch if i % 2 else (ch.swapcase() if len(ch.swapcase()) == 1 else chr(lo + 7 - i))
            for i, ch in enumerate(text)
        )
        assert_same(text, swapped, monkeypatch)
        assert_same(swapped, text, monkeypatch)
        pairs = "".join(ch.upper() + ch for ch in text if len(ch.upper()) == 1)
        assert_same(pairs, pairs[::-1], monkeypatch)


@pytest.mark.parametrize(
    ("text", "cand"),
    [
        ("Ææ Øø Åå", "ΤΣ Øø ΠΗ"),
        ("Ææ Øø", "Жж Шш"),
        ("àéîõü", "айохь"),
        ("ÀÉÎÕÜ x", "АБВГД x"),
        ("Σσ Σς", "Жж Шш"),  # final sigma in a case pair
        ("ΣΣΣ ab", "ΣΣΣ ac"),
        ("x µµµµ", "x ΣΣΣΣ"),  # lower() of a word makes the last sigma final
        ("x µµµµ", "x İİİİ"),  # lower() of İ is two code points
        ("İi", "Öö"),
        ("ǅǆ ǈǉ", "ǄǄ ǇǇ"),  # titlecase letters
        ("Intel·ligent", "Intelúligent"),
        ("KeresÈsi Tal·latok", "Keresési Találatok"),
        ("·l", "úl"),
        ("├── src", "ЖАА src"),
        ("a² + b²", "aı + bı"),
        ("·.¸¸.·´¯`·.", "З.ИИ.ЗДЏ`З."),
        ("tro\u0323ng ñ", "tro\u0323ng ń"),  # a Latin combining mark
        ("мрб", "НТВ"),
        ("тьяп", "диба"),
        ("(текущ)", "(РЕЙСЫ)"),
        ("E = ½mv²", "E = «mvı"),
        ("a\x00b\ud800c", "a\x00b\ud801c"),
        ("a\U0001f600b", "a\U0001f601b"),
        ("", ""),
        ("same", "same"),
        ("Öåé òåêñò" * 2000, "Цей текст" * 2000),  # a long line
        ("Ясную мысль", "ясную мысль"),  # case alone changes
        ("длЯ Якого", "для якого"),  # a capital after a small letter made small
        ("ΟΔΟΣ", "οδος"),  # sigma lowered one letter at a time
        ("İstanbul", "istanbul"),  # a lower case of two code points
        ("├─user", "ГДuser"),  # box drawing read as capitals
    ],
)
def test_chosen_pairs(text: str, cand: str, monkeypatch: pytest.MonkeyPatch) -> None:
    assert_same(text, cand, monkeypatch)
    assert_same(cand, text, monkeypatch)


@pytest.mark.parametrize(
    ("text", "cand", "respelled"),
    [
        ("мрб", "НТВ", True),  # one case, letters of the same script
        ("от ыйа", "НР ШИЮ", True),
        ("пХЪ", "Рия", False),  # mixed cases
        ("‹ҐЄ", "Лек", False),  # a sign made a letter
        ("тьяп", "диба", True),  # four small letters, each swapped for a small one
        ("ХФТЕ", "утре", False),  # four capitals
        ("išèi", "išči", False),  # four letters, some kept
        ("Ïàî", "Пао", False),
        ("ab cd", "ab cd", False),
    ],
)
def test_the_sheet_answers_lines_of_short_words(text: str, cand: str, respelled: bool) -> None:
    bits = gate_sheet.sheet(text, cand)
    assert bits is not None and bits >> 16 + gate_sheet.SHORT_WORDS & 1
    assert (bits >> gate_sheet.SHORT_WORDS & 1 == 1) == respelled
    assert gates.short_words_respelled(text, cand) == respelled


def test_the_sheet_answers_common_repairs() -> None:
    bits = gate_sheet.sheet("Öåé òåêñò", "Цей текст")
    assert bits is not None
    known = bits >> 16 & 0xFFFF
    for gate in GATES:
        assert known >> gate & 1, gate
    assert bits >> 32 == 5  # "текст"
    assert gate_sheet.sheet("a\U0001f600", "ab") is None
    assert gate_sheet.sheet("ab", "abc") is None


def test_refusals_left_open_are_asked_of_python() -> None:
    # (units need word lists: the sheet answers the other refusals and leaves units open,
    # whose Python body then refuses; the run of one letter is refused by the sheet alone)
    assert gate_sheet.read_sheet("10 µm Öåé", "10 цm Цей", legacy._REFUSAL_BITS)[:2] == (
        0,
        1 << gate_sheet.UNITS,
    )
    assert legacy._pair_facts("10 µm Öåé", "10 цm Цей") & legacy._REFUSAL_BITS
    # (the gate sheet leaves units open there, and the accept sheet finds no unit's shape)
    found, left, _longest = gate_sheet.read_sheet("x µµµµ", "x цццц", legacy._REFUSAL_BITS)
    assert found == 1 << gate_sheet.LETTER_RUNS and left == 0
    assert gate_sheet.sheet("x µµµµ", "x цццц") >> 16 + gate_sheet.UNITS & 1 == 0
    assert gate_sheet.read_sheet("Öåé òåêñò", "Цей текст", legacy._REFUSAL_BITS)[:2] == (0, 0)


_CHARS = st.sampled_from(  # (with letters no display page holds: ӕ ẹ)
    "aA lL·Σσςİiǅǆ²µ±Ω¬ÀàÉéÕõӕẹ\u0301\u0323ÆæЖжШшТΤ├─═▐ÖåéòЦей\u00a0\x00\ud800\U0001f600.,'’-1"
)


@settings(max_examples=200, deadline=None)
@given(st.text(_CHARS, max_size=30), st.data())
def test_hypothesis_pairs(text: str, data: st.DataObject) -> None:
    # cand: text with some characters replaced (same length), or another text.
    if data.draw(st.booleans()):
        cand = "".join(
            data.draw(_CHARS) if data.draw(st.integers(0, 3)) == 0 else ch for ch in text
        )
    else:
        cand = data.draw(st.text(_CHARS, max_size=30))
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same(text, cand, monkeypatch)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=60))
def test_hypothesis_any_text(text: str) -> None:
    cand = text.swapcase()
    if len(cand) == len(text):
        with pytest.MonkeyPatch.context() as monkeypatch:
            assert_same(text, cand, monkeypatch)
            assert_same(text[::-1], text, monkeypatch)


def test_tables_follow_the_python_definitions() -> None:
    tables = gate_sheet._tables()
    bmp = 0x10000
    alphabet = memoryview(tables[: 8 * bmp]).cast("Q")
    flags = memoryview(tables[8 * bmp : 10 * bmp]).cast("H")
    lower = memoryview(tables[10 * bmp : 12 * bmp]).cast("H")
    script = tables[12 * bmp : 13 * bmp]
    vowel = tables[13 * bmp :]
    assert len(vowel) == bmp and sys.byteorder in ("little", "big")
    masks = gates._alphabet_masks()
    names: dict[str, int] = {}
    for o in range(bmp):
        ch = chr(o)
        f = flags[o]
        assert bool(f & 1) == ch.isalpha(), o
        assert bool(f & 4) == ch.isupper() and bool(f & 8) == ch.islower(), o
        assert bool(f & 0x10) == (ch.istitle() and not ch.isupper()), o
        assert bool(f & 0x20) == (not ch.isprintable()), o
        assert bool(f & 0x400) == (len(ch.lower()) > 1), o
        assert bool(f & 0x1000) == (ch == "\u03a3"), o
        if len(ch.lower()) == 1:
            assert lower[o] == ord(ch.lower()), o
        folded = gates.folded_letter(ch)
        assert alphabet[o] == (masks.get(folded, 0) if folded else 0), o
        assert names.setdefault(script_of(ch), script[o]) == script[o], o
        expected = alphabet_demos.accented_vowel(ch, 255)
        assert vowel[o] == expected, (o, unicodedata.name(ch, "?"))
    assert len(set(names.values())) == len(names)  # one number per script


def typed_alone(line: str, monkeypatch: pytest.MonkeyPatch) -> bool:
    with monkeypatch.context() as m:
        m.setattr(plausible, "typed_scan", lambda _line: None)
        return plausible.typed_in_unicode(line)


def test_typed_in_unicode_on_every_bmp_character(monkeypatch: pytest.MonkeyPatch) -> None:
    found = 0
    for lo in range(0x80, 0x10000, 4):
        run = "".join(map(chr, range(lo, lo + 4)))
        # (each character beside a letter a display page holds, and beside one it lacks)
        for line in (run, "þ" + run, "ẹ" + run, "Бӕ " + run):
            compiled = gate_sheet.typed_scan(line)
            assert compiled == typed_alone(line, monkeypatch), line
            found += compiled is True
    assert found > 100


def test_typed_in_unicode_on_real_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = [*non_ascii_lines()[::3], *(text for text, _ in garbled_pairs())]
    for line in lines:
        assert gate_sheet.typed_scan(line) == typed_alone(line, monkeypatch), line
    assert gate_sheet.typed_scan("Бӕрӕг кӕны") is True
    assert gate_sheet.typed_scan("Бӕрӕг ±¤") is False
    assert gate_sheet.typed_scan("Бӕрӕг \U0001f600") is None


@settings(max_examples=200, deadline=None)
@given(st.text(_CHARS, max_size=30) | st.text(max_size=40))
def test_hypothesis_typed_in_unicode(line: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        compiled = gate_sheet.typed_scan(line)
        if compiled is not None:
            assert compiled == typed_alone(line, monkeypatch)


def test_core_words_on_every_character() -> None:
    # Each code point between a non-ASCII letter and an ASCII one: a word character joins
    # them, a space or ASCII punctuation parts them.
    for lo in range(0, 0x110000, 0x10000):
        text = "".join(f"é{chr(o)}a " for o in range(lo, lo + 0x10000))
        assert gate_sheet.core_words(text) == legacy._CORE_WORD.findall(text), hex(lo)


@pytest.mark.parametrize(
    "text",
    [
        "Hello Ðåäàêò, 100 ok ³adny «%(x)s.ok»",
        "abc\xa0def \xa0x y\u2003 \u3000",  # non-ASCII spaces end a run and join the next
        "a\U0001f600b c\x00é\ud800",
        "plain ascii only",
        "",
        "Öåé òåêñò " * 3000,
    ],
)
def test_core_words_chosen(text: str) -> None:
    assert gate_sheet.core_words(text) == legacy._CORE_WORD.findall(text)
    assert gate_sheet.core_words(text) == gates._WORD_RE.findall(text)


@settings(max_examples=300, deadline=None)
@given(st.text(st.sampled_from("ab é\xa0\u2003.,!-\U0001f600\ud800\x00") | st.characters()))
def test_hypothesis_core_words(text: str) -> None:
    assert gate_sheet.core_words(text) == legacy._CORE_WORD.findall(text)


def test_the_last_pair_answered_is_that_very_pair() -> None:
    # The compiled sheet keeps its last pair's answer for the same objects asked again: any
    # other pair (one of the two objects changed, or equal strings that are other objects)
    # gets its own answer.
    assert CGATES is not None and gate_sheet._compiled() is CGATES

    def fresh(text: str, cand: str) -> int | None:
        answer: int | None = CGATES.sheet("".join(list(text)), "".join(list(cand)))
        return answer

    pairs = list(garbled_pairs())[:300]
    assert len({fresh(t, c) for t, c in pairs}) > 5
    for text, cand in pairs:
        expected = [fresh(*pair) for pair in ((text, cand), (text, text), (cand, cand))]
        found = []
        for pair in ((text, cand), (text, text), (cand, cand)):
            CGATES.sheet(text, cand)  # (the pair kept, then another asked)
            found.append(CGATES.sheet(*pair))
        assert found == expected, (text, cand)
