"""The compiled per-word plausibility test gives exactly the pure-Python answers.

``textfix.repair._cplausible`` is optional: every test here is skipped when it is not built
(``gcc ... src/textfix/repair/_cplausible.c``, see docs) or ``TEXTFIX_PURE_PYTHON`` is set.
"""

from __future__ import annotations

import contextlib
import random
import re
import zlib

import pytest
from ftfy.badness import BADNESS_RE, badness
from hypothesis import given, settings
from hypothesis import strategies as st

from realtext_po import django_lines
from textfix.repair import _badness, _scan, no_repair, plausible, reach, utf8
from textfix.repair import line as line_repair
from textfix.repair.base import DocumentContext
from textfix.repair.ce_letters import looks_anyway
from textfix.repair.gates import capital_behind_sign
from textfix.repair.lone_words import lone_signs
from textfix.repair.quote_signs import _looks_quoted_py
from textfix.repair.stray_letters import LOOKED
from textfix.scoring._wordindex import word_key
from textfix.scoring.model import TOKEN_RE, _fold

cplausible = _scan.native()
pytestmark = pytest.mark.skipif(cplausible is None, reason="_cplausible is not built")

LANGS = ["fr", "de", "pl", "cs", "tr", "lt", "ru", "uk", "el", "he", "ar", "th", "ja", "is", "vi"]

#: Text of every kind the scan meets: letters of many scripts, digits that are no decimals
#: (², ½), marks, the symbols the code pages hold, lone surrogates, NUL, astral letters.
_ALPHABET = st.one_of(
    st.characters(),
    st.sampled_from(list("éàçñßİıςΣ²ⁿ½_·’‘¡¿©®°ºª€£¥™№§×±¤¦¨¬¯´¸³¹ʻ\u0301\u0307\x00\ud800")),
    st.sampled_from(list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяЁЖЩ")),
    st.sampled_from(list("ÐÑÃÂâ€™Å¼Ä…Ã³ðñòóôõö÷øùúûüýþÿ")),
    st.sampled_from(["\U0001d400", "\U00010400", "\U00020000", "\U0001f600"]),
    # Every character of the shape test's sets (display code pages' letters and symbols).
    st.sampled_from(sorted(set("".join(plausible._tables().line_sets)))),
    st.sampled_from(list("lL aZ\n")),
)
_TEXT = st.text(_ALPHABET, max_size=80)


@pytest.fixture(scope="module", autouse=True)
def _tables_handed_over() -> None:
    # The plausibility test hands the tables to the compiled module on first use.
    assert plausible._words_test() is cplausible.scan  # type: ignore[union-attr]
    assert plausible._line_test() is cplausible.line_pages  # type: ignore[union-attr]


def _real_lines() -> list[str]:
    return [line for lang in LANGS for line in django_lines(lang, 150)]


def _garbled(lines: list[str]) -> list[str]:
    """Each line shown through a few wrong code pages (what the scan must reject alike)."""
    out = []
    for line in lines:
        for true, shown in (("cp1251", "latin-1"), ("cp1250", "cp1252"), ("utf-8", "cp1252")):
            with contextlib.suppress(UnicodeError):
                out.append(line.encode(true).decode(shown))
    return out


def test_scan_agrees_on_real_and_garbled_lines() -> None:
    lines = _real_lines()
    lines += _garbled(lines)
    verdicts = [cplausible.scan(line) for line in lines]  # type: ignore[union-attr]
    assert verdicts == [plausible._words_pass(line) for line in lines]
    pages = [cplausible.line_pages(line) for line in lines]  # type: ignore[union-attr]
    assert pages == [plausible._line_pages(line) for line in lines]
    assert {-1, 0} <= set(pages) and max(pages) > 0
    # Both answers occur, so the comparison can fail either way.
    assert 0.2 < sum(verdicts) / len(verdicts) < 0.9


def test_word_functions_agree_on_real_tokens() -> None:
    lines = _real_lines()
    tokens = sorted({tok for line in lines + _garbled(lines) for tok in TOKEN_RE.findall(line)})
    c = cplausible
    assert c is not None
    assert [c.fold(t) for t in tokens] == [_fold(t) for t in tokens]
    assert [c.bigram_mask(t) for t in tokens] == [plausible._bigram_mask(t) for t in tokens]
    assert [c.is_known(_fold(t)) for t in tokens] == [reach.is_known(_fold(t)) for t in tokens]
    # The index's presence filter answers most misses: shipped and unshipped words, ASCII
    # (index alone) and not (Bloom filter first), and the same answers as the twin.
    known = [c.known_word(t) for t in tokens]
    assert known == [no_repair._known(t) for t in tokens]
    assert 0 < sum(known) < len(known)
    short = [t for t in tokens if len(t) <= reach.MAX_WORD]
    assert [c.may_reach(t) for t in short] == [reach.may_reach(t) for t in short]
    becomes = [c.becomes_word(t) for t in tokens]
    assert becomes == [reach.becomes_word(t) for t in tokens]
    assert any(becomes) and not all(becomes)


def test_tokens_match_the_pattern_for_every_code_point() -> None:
    # NUL never belongs to a token, so each other character is tested on its own.
    text = "\x00".join(map(chr, range(0x110000)))
    assert cplausible.tokens(text) == TOKEN_RE.findall(text)  # type: ignore[union-attr]
    spans = [m.span() for m in TOKEN_RE.finditer(text)]
    assert cplausible.token_spans(text) == spans  # type: ignore[union-attr]


def test_fold_matches_for_every_code_point() -> None:
    chars = [chr(c) for c in range(0x110000)]
    assert cplausible.fold("".join(chars)) == _fold("".join(chars))  # type: ignore[union-attr]
    # str.lower's final sigma depends on context; folding makes ς and σ one letter anyway.
    assert cplausible.fold("ΟΔΟΣ Σ İstanbul Straße") == _fold("ΟΔΟΣ Σ İstanbul Straße")  # type: ignore[union-attr]


@settings(max_examples=200)
@given(_TEXT)
def test_scan_and_tokens_agree_on_any_text(text: str) -> None:
    c = cplausible
    assert c is not None
    assert c.tokens(text) == TOKEN_RE.findall(text)
    assert c.token_spans(text) == [m.span() for m in TOKEN_RE.finditer(text)]
    assert c.fold(text) == _fold(text)
    assert c.scan(text) == plausible._words_pass(text)
    assert c.shape(text) == (plausible._tables().shape.search(text) is not None)
    assert c.utf8_pages(text) == plausible._utf8_pages(text)
    assert c.line_pages(text) == plausible._line_pages(text)
    for token in TOKEN_RE.findall(text):
        assert c.becomes_word(token) == reach.becomes_word(token)


@pytest.mark.parametrize(
    "line",
    [
        "Col·lecció",
        "col·l",
        "Col·Lecció",
        "a·b",
        "x·l",
        "l·x",
        "·l",
        "l·",
        "dzieÑ",
        "оПХБЕР",
        "‘Фото’",
        "‘ok’",
        "5€",
        "€5",
        "a€b",
        "a£",
        "«a»",
        "a–b",
        "v„„rtus",
        "a——b",
        "a——",
        "„„b",
        "a—„5",
        "³adny",
        "Ã©",
        "Ã",
        "ÐŸ",
        "\ud800Ã©",
        "ᴬ\u0301",
        "İstanbul",
        "Straße",
    ],
)
def test_line_tests_on_edge_cases(line: str) -> None:
    c = cplausible
    assert c is not None
    assert c.shape(line) == (plausible._tables().shape.search(line) is not None)
    assert c.line_pages(line) == plausible._line_pages(line)


def test_huge_lines() -> None:
    word = "дзеньдобры" * 20  # longer than any known word
    lines = [
        " ".join(["Zażółć gęślą jaźń"] * 20_000),
        word * 1000,
        ("é" * 70 + " ") * 500,
        "\ud800é" * 50_000,
    ]
    for line in lines:
        assert cplausible.scan(line) == plausible._words_pass(line)  # type: ignore[union-attr]
        assert cplausible.line_pages(line) == plausible._line_pages(line)  # type: ignore[union-attr]


def test_word_key_matches_python() -> None:
    rng = random.Random(7)
    words = ["", "текст", "\ud800", "a" * 127, "é" * 64, "x" * 129, "\U0001f600" * 40]
    words += [
        "".join(chr(rng.randrange(0x110000)) for _ in range(rng.randrange(90))) for _ in range(3000)
    ]
    for word in words:
        data = word.encode("utf-8", "surrogatepass")
        assert cplausible.word_key64(data) == word_key(word, 64)  # type: ignore[union-attr]
        assert cplausible.word_key64(data) >> 24 == word_key(word)  # type: ignore[union-attr]


def test_crc32_matches_zlib() -> None:
    rng = random.Random(3)
    for size in [*list(range(40)), 255, 256, 1000]:
        data = bytes(rng.randrange(256) for _ in range(size))
        assert cplausible.crc32(data) == zlib.crc32(data)  # type: ignore[union-attr]
        assert cplausible.crc32(data, True) == zlib.crc32(data[::-1])  # type: ignore[union-attr]


def test_pure_python_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    t = plausible._tables()
    monkeypatch.setenv("TEXTFIX_PURE_PYTHON", "1")
    assert _scan.native() is None
    assert _scan.compiled_scan(t.inner, plausible.SIGNS, t.masks) is None
    monkeypatch.setenv("TEXTFIX_PURE_PYTHON", "0")
    assert _scan.compiled_scan(t.inner, plausible.SIGNS, t.masks) is cplausible.scan  # type: ignore[union-attr]


def test_badness_search_and_count_agree_with_ftfys_pattern() -> None:
    search = line_repair._badness_search()
    assert search is cplausible.is_bad  # type: ignore[union-attr]
    lines = _real_lines()
    lines += _garbled(lines)
    found = [search(text) for text in lines]
    assert found == [BADNESS_RE.search(text) is not None for text in lines]
    assert 0.2 < sum(found) / len(found) < 0.8
    # ftfy's badness, the matches counted (utf8.repair's confidence asks for a drop of 2+)
    count = utf8._badness()
    assert count is cplausible.bad_count  # type: ignore[union-attr]
    counted = [count(text) for text in lines]
    assert counted == [badness(text) for text in lines]
    assert sum(n > 1 for n in counted) > len(lines) // 10


@settings(max_examples=200)
@given(_TEXT)
def test_badness_search_agrees_on_any_text(text: str) -> None:
    assert cplausible.is_bad(text) == (BADNESS_RE.search(text) is not None)  # type: ignore[union-attr]
    assert cplausible.bad_count(text * 3) == badness(text * 3)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "pattern",
    [
        r"[ab]c|^x?y",
        r"\s[ÃÂ] |[^A-Za-z]œ|.\d|\w\w\w",
        r"(?x) a b | [c-e] \s? f",
        r"ab?|b.",  # (greedy: "ab" before "a", so "abab" holds two matches, not three)
        r"x?y?z|yx",
    ],
)
def test_compiled_search_of_small_patterns(pattern: str) -> None:
    compiled = re.compile(pattern)
    texts = ["", "ac", "bc", "xy", "y", " xy", "zxy", "a\nc", "Ã a", " Â x", "aœ", "zœ", "x5"]
    texts += ["\n5", "abc", "ab", "c f", "cf", "e\tf", "d  f", "é1", "\ud800œ", "٣", "x٣"]
    texts += ["abab", "abbab", "aab b", "xyzyxz", "yxz", "zzxz", "xxy", "\ud800\ud800"]
    texts += [" ".join(texts)]
    try:
        search = _scan.compiled_search(compiled)
        assert search is not None
        assert [search(t) for t in texts] == [compiled.search(t) is not None for t in texts]
        # (the counter reads the same slot: ftfy's badness is len(findall))
        count = cplausible.bad_count  # type: ignore[union-attr]
        assert [count(t) for t in texts] == [len(compiled.findall(t)) for t in texts]
    finally:
        assert _scan.compiled_search(BADNESS_RE) is cplausible.is_bad  # type: ignore[union-attr]
    # The other slot (utf8.SHAPE) is left as it was.
    assert _scan.compiled_search(utf8.SHAPE, _scan.UTF8_SHAPE) is cplausible.utf8_shape  # type: ignore[union-attr]


def test_patterns_the_matcher_does_not_know() -> None:
    for pattern in (r"a+", r"(a|b)c", r"a(?=b)", r"\bx", r"[a-z]", r""):
        flags = re.IGNORECASE if pattern == "[a-z]" else 0
        assert _badness.program(re.compile(pattern, flags)) is None


def test_shaped_lines_skip_ftfy_only_when_it_would_leave_them() -> None:
    lines = _real_lines()
    lines += _garbled(lines)
    shaped = [text for text in lines if utf8.SHAPE.search(text)]
    checked = 0
    for text in shaped:
        for passes, round_trip in (
            (plausible.plausible(text), False),
            (plausible.typed_in_unicode(text), plausible.utf8_round_trip(text)),
        ):
            if passes:
                step = utf8.repair(text, DocumentContext())
                leaves = step is None or step.text == text
                assert line_repair._utf8_leaves(text, round_trip) == leaves
                checked += 1
    assert checked > 100


def _quick_reference(text: str) -> bool:
    """What ``_cplausible.clean_line`` computes, from the pure-Python parts."""
    if text.isascii():
        return True
    if looks_anyway(text) or not LOOKED.isdisjoint(text) or lone_signs(text):
        return False
    if _looks_quoted_py(text):
        return False
    if plausible._line_pages(text) != 0:
        return False
    return not utf8.SHAPE.search(text) or not BADNESS_RE.search(text)


def test_quick_proof_agrees_and_only_proves_untouched_lines(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    quick = line_repair.quick_proof()
    assert quick is cplausible.clean_line  # type: ignore[union-attr]
    lines = _real_lines()
    lines += _garbled(lines)
    proved = [quick(text) for text in lines]
    assert proved == [_quick_reference(text) for text in lines]
    assert 0.3 < sum(proved) / len(proved) < 0.9
    monkeypatch.setattr(line_repair, "quick_proof", lambda: None)  # the Python path alone
    assert all(line_repair.untouched(text) for text, ok in zip(lines, proved, strict=True) if ok)


@settings(max_examples=200)
@given(_TEXT)
def test_quick_proof_agrees_on_any_text(text: str) -> None:
    c = cplausible
    assert c is not None
    assert c.clean_line(text) == _quick_reference(text)
    # One final "\r" is not part of a document's line (document.untouched_line).
    assert c.clean_document_line(text + "\r") == c.clean_line(text)
    if not text.endswith("\r"):
        assert c.clean_document_line(text) == c.clean_line(text)
    assert cplausible.utf8_shape(text) == (utf8.SHAPE.search(text) is not None)  # type: ignore[union-attr]


def _settled_reference(text: str) -> bool:
    return bool(cplausible.clean_line(text)) and not capital_behind_sign(text)  # type: ignore[union-attr]


def test_settled_lines_are_those_the_proof_and_the_sign_check_settle() -> None:
    # Real lines, their round trips, and Cyrillic ones with signs of mac-cyrillic capitals
    # glued to words (before known words and not) and Serbian capitals.
    lines = _real_lines()
    lines += _garbled(lines)
    lines += ["“ровень 2", "„добре“ и «ровно»", "‚едь", "Љогалым", "Џида и Љубав", "Ђак"]
    assert line_repair._settled_test() is cplausible.settled_line  # type: ignore[union-attr]
    found = [cplausible.settled_line(text) for text in lines]  # type: ignore[union-attr]
    assert [line_repair._settled(text) for text in lines] == list(map(_settled_reference, lines))
    assert set(found) == {0, 1, 2}
    assert all(not capital_behind_sign(t) for t, f in zip(lines, found, strict=True) if f == 1)


@settings(max_examples=200)
@given(st.text(st.one_of(_ALPHABET, st.sampled_from(list("“„‚ЉЏЂровеь"))), max_size=40))
def test_settled_line_agrees_on_any_text(text: str) -> None:
    assert line_repair._settled_test() is not None
    found = cplausible.settled_line(text)  # type: ignore[union-attr]
    assert (found != 0) == cplausible.clean_line(text)  # type: ignore[union-attr]
    assert line_repair._settled(text) == _settled_reference(text)


def test_a_pattern_the_reader_trips_on_keeps_the_regex(monkeypatch: pytest.MonkeyPatch) -> None:
    def trip(pattern: re.Pattern[str]) -> None:
        raise IndexError("a parse tree of another shape")

    monkeypatch.setattr(_scan, "program", trip)
    assert _scan.compiled_search(BADNESS_RE) is None
