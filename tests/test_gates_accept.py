"""The compiled accept sheet (``gate_sheet.accept_sheet``, ``_cgates.accept_sheet``) answers
the gates it covers exactly as their Python bodies do: on the engine's own candidates of
real lines (garbled through drawing code pages, and clean), on chosen pairs (rules, trees,
drawn words long and short, lower cases of two code points, glides, units) and on hypothesis
text; and ``legacy._pair_facts`` (the pair's gates at once) is each gate's own answer.
Skipped when the module is not built or TEXTFIX_PURE_PYTHON is set."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix._native import load
from textfix.repair import gate_sheet, kept_shapes, legacy, unmodelled

CGATES = load("textfix.repair._cgates")
pytestmark = pytest.mark.skipif(CGATES is None, reason="textfix.repair._cgates is not built")

#: The gates the accept sheet answers, as (bit, Python body) pairs.
GATES: tuple[tuple[int, Callable[[str, str], bool]], ...] = (
    (gate_sheet.ACCEPT_SCRIPTS_MIXED, kept_shapes.scripts_mixed),
    (gate_sheet.ACCEPT_DRAWING, legacy._drawing_into_unknown_words),
    (gate_sheet.ACCEPT_UNMODELLED, unmodelled.unmodelled_read),
    (gate_sheet.ACCEPT_UNITS, legacy._units_rewritten),
    (gate_sheet.ACCEPT_LOOK_ALIKES, legacy._look_alikes_replaced),
)


def assert_same(text: str, cand: str) -> int:
    """The gates' answers with the accept sheet and without it agree; returns its known
    bits."""
    with_sheet = [gate(text, cand) for _bit, gate in GATES]
    bits = gate_sheet.accept_sheet(text, cand)
    with pytest.MonkeyPatch.context() as m:
        m.setattr(gate_sheet, "accept_sheet", lambda _t, _c: None)
        alone = [gate(text, cand) for _bit, gate in GATES]
    assert with_sheet == alone, (text, cand)
    return 0 if bits is None else bits >> 8


#: Single-step chains (true/shown) that show letters as drawing, and a few that do not.
#: Single-step chains (true/shown) that show letters as drawing, and a few that do not.
_PAGES = "cp866/koi8-r koi8-r/cp866 cp1251/cp437 cp1253/cp437 cp1256/cp437 cp1254/cp1252"
_CHAINS = tuple(((true, shown),) for true, shown in (pair.split("/") for pair in _PAGES.split()))
_CHAINS += ((("koi8-u", "koi8-r"),), (("cp1250", "cp852"),))


def engine_pairs() -> Iterator[tuple[str, str]]:
    """Real lines garbled through code pages that show letters as drawing, and the same
    lines clean, each with the engine's candidate round trips of it."""
    lines = non_ascii_lines()[::3]
    for line, garbled in mojibake_pairs(lines, _CHAINS):
        for text in (garbled, line):
            for found in legacy.candidates(text)[:4]:
                yield text, found.text


def test_engine_candidates_of_real_lines() -> None:
    pairs = drawing = 0
    for text, cand in engine_pairs():
        known = assert_same(text, cand)
        pairs += 1
        drawing += legacy._DRAWING.search(text) is not None and known >> 1 & 1
    assert pairs > 300
    assert drawing > 50  # (the sheet answers the drawing gate of lines with drawing)


@pytest.mark.parametrize(
    ("text", "cand"),
    [
        ("├── src", "ЖАА src"),  # a tree: drawn words only, none long
        ("┌────┐", "ВААААГ"),  # a rule: a letter three times
        ("╔════╗ ok", "ЖЖЖЖЖЖ ok"),
        ("▐Ю╗╒╔Б, ╙═╙ ╓╔╚═?", "Привет, как дела?"),  # drawing beside letters
        ("╨Ф╨╛╨▒╤А╨╛", "Добро"),  # (not the same length: Python)
        ("╤═╤═ ╥╦╬╧", "ДОМА ТЕКС"),  # drawn words of four letters: looked up
        ("╤═╤╕", "ДОМİ"),  # a lower case of two code points
        ("╤═╤╕", "ДОМΣ"),  # final sigma
        ("├─user@1000", "ГДuser@1000"),  # box drawing read as capitals of another script
        ("▀user", "Пuser"),
        ("■ ■ ■", "ж ж ж"),  # geometric shapes (drawing, no box drawing)
        ("kopyalanýyor", "kopyalanıyor"),  # a glide read
        ("Kapýy", "Kapıy"),
        ("ispan dili (Ýewropa)", "ispan dili (İewropa)"),
        ("n’kó", "níků"),  # an apostrophe read
        ("m’nimo", "mínimo"),
        ("kopyalanýyor ÿ", "kopyalanıyor ı"),  # another change beside a glide
        ("a² + b² = c²", "aı + bı = cı"),  # units
        ("Model ad²", "Model adı"),
        ("20 m² ve 3 cm³", "20 mı ve 3 cmş"),
        ("10 kΩ, 5 Ω", "10 kę, 5 ę"),
        ("10kΩ xΩ", "10kΩ xę"),
        ("µV µm µHz µmol µx", "чV чm чHz чmol чx"),
        ("DVD±RW", "DVDсRW"),
        ("¬A ∧ B", "жA ∧ B"),
        ("¬e µ² ±x", "Će ч² сx"),
        ("Ω² ³", "ęı ş"),
        ("kullan²m iτin", "kullanım için"),  # a sign of a unit inside a word
        ("x² + 1 = y³", "xı + 1 = yş"),
        ("5 km² 3 in³ 2ft² 7 µm³", "5 kmı 3 inş 2ftı 7 чmş"),
        ("2kΩ 3 MΩ 4 µΩ 5µΩ", "2kę 3 Mę 4 чę 5чę"),
        ("µs µHz. (µmol) aµm", "чs чHz. (чmol) aчm"),
        ("¬A ¬b x¬A", "жA жb xжA"),
        ("١٢ cm² ٣Ω", "١٢ cmı ٣ę"),  # digits of another script
        ("Exрlorer", "Exрlorёr"),  # look-alikes: a Cyrillic р typed in a Latin word
        ("Exрlorer stoр", "Exрlorer stoд"),
        ("podаtаkа", "podàtàkà"),
        ("Вокмеla", "Вокмеlб"),
        ("MΣrkused", "Märkused"),  # a borrowed capital
        ("Привет мир", "Привет мар"),
        ("a\U0001f600├", "a\U0001f600Ж"),
        ("", ""),
        ("same ├", "same ├"),
    ],
)
def test_chosen_pairs(text: str, cand: str) -> None:
    assert_same(text, cand)
    assert_same(cand, text)


def facts_alone(text: str, cand: str) -> int:
    """legacy._pair_facts worked out gate by gate, each by its own Python body."""
    facts = sum(gate(text, cand) << bit for bit, gate in legacy._SHEET_GATES.items())
    facts |= legacy._NO_WORD * (legacy._longest_word(cand, text) < 2)
    symbols_made = legacy._symbols(cand) > legacy._symbols(text)
    facts |= legacy._SYMBOLS_MADE * (symbols_made and not legacy._balanced_quotes(text, cand))
    facts |= legacy._LISTED * legacy._listing(text, cand)
    return facts | legacy._ODD_MADE * (legacy._odd_cases(cand) > legacy._odd_cases(text))


def test_pair_facts_are_the_gates_answers() -> None:
    pairs = refused = 0
    for text, cand in engine_pairs():
        facts = legacy._pair_facts(text, cand)
        with pytest.MonkeyPatch.context() as m:
            m.setattr(gate_sheet, "sheet", lambda _t, _c: None)
            m.setattr(gate_sheet, "accept_sheet", lambda _t, _c: None)
            assert facts == facts_alone(text, cand) == legacy._pair_facts(text, cand), (text, cand)
        pairs += 1
        refused += facts & legacy._PAIR_REFUSALS != 0
    assert pairs > 300 and 0 < refused < pairs


def test_the_sheet_answers_trees_and_rules() -> None:
    assert gate_sheet.accepted("├── src", "ЖАА src", gate_sheet.ACCEPT_DRAWING) is True
    assert gate_sheet.accepted("┌────┐", "ВААААГ", gate_sheet.ACCEPT_DRAWING) is True
    assert gate_sheet.accepted("╤═╤═ ╥╦╬╧", "ДОМА ТЕКС", gate_sheet.ACCEPT_DRAWING) is None
    assert gate_sheet.accepted("├─user", "ГДuser", gate_sheet.ACCEPT_SCRIPTS_MIXED) is True
    assert gate_sheet.accepted("Kapýy", "Kapıy", gate_sheet.ACCEPT_UNMODELLED) is None
    assert gate_sheet.accepted("Kapýy", "Kapšy", gate_sheet.ACCEPT_UNMODELLED) is False
    assert gate_sheet.accepted("µ³ чя", "чя чя", gate_sheet.ACCEPT_UNITS) is False
    assert gate_sheet.accepted("10 µm", "10 цm", gate_sheet.ACCEPT_UNITS) is None
    assert gate_sheet.accept_sheet("a\U0001f600", "ab") is None


_CHARS = "aAеЕрсxpkmMG1εΕ "
_CHARS += "lLΣσİiı ýÝ’'ÀàЖжШшТΤ├─═▐▀■◊┌┐└┘ДОМ²³Ω\u2126µ±¬\u0301\x00\ud800\U0001f600.,-"


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_CHARS), st.sampled_from(_CHARS), st.booleans())))
def test_hypothesis_pairs(places: list[tuple[str, str, bool]]) -> None:
    # Each place keeps its character or changes it (same length); or a pair of two texts.
    text = "".join(a for a, _b, _kept in places)
    assert_same(text, "".join(a if kept else b for a, b, kept in places))
    assert_same(text, "".join(b for _a, b, _kept in places))
