"""The compiled word lookup (``_cscore.Words``) answers exactly as the pure-Python word index
and ``model.word_langs``: the same masks for the words of real lines and their mojibake,
their case variants, and hypothesis text (lone surrogates, NUL, astral characters, long
words). Skipped when the module is not built or TEXTFIX_PURE_PYTHON is set."""

from __future__ import annotations

from itertools import pairwise

import pytest
from benchmarks.devset import garble
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import non_ascii_lines

from textfix.chains import single_byte_steps
from textfix.scoring import endings
from textfix.scoring._data import langdata
from textfix.scoring.model import TOKEN_RE, _fold, composed, word_langs

INDEX = langdata().word_mask
LANGS = INDEX.compiled_langs()
pytestmark = pytest.mark.skipif(LANGS is None, reason="textfix.scoring._cscore is not built")


def assert_same(word: str) -> None:
    assert LANGS is not None
    assert LANGS(word) == INDEX._lookup(_fold(composed(word))), word
    assert INDEX.get(word) == INDEX._lookup(word), word
    assert word_langs(word) == INDEX._lookup(_fold(composed(word))), word


def test_words_of_real_lines_and_their_mojibake() -> None:
    steps = [chain for chain, _table in single_byte_steps()][::7]
    words: set[str] = set()
    for i, line in enumerate(non_ascii_lines()):
        words.update(TOKEN_RE.findall(line))
        garbled = garble(line, (steps[i % len(steps)],))
        if garbled is not None:
            words.update(TOKEN_RE.findall(garbled))
    words |= {w.upper() for w in list(words)} | {w.title() for w in list(words)}
    known = 0
    for word in words:
        assert_same(word)
        known += word_langs(word) != 0
    assert len(words) > 20000 and known > 5000  # both answers are exercised


@pytest.mark.parametrize(
    "word",
    [
        "",
        "İstanbul",
        "İÇİNDEKİLER",
        "tro\u0323ng",
        "TRO\u0323NG",
        "tiê\u0301ng",
        "x\u0323",
        "Straße",
        "STRASSE",
        "ẞ",
        "ΣΟΦΟΣ",
        "σοφός",
        "\ud800x",
        "a\x00b",
        "𝔘𝔫𝔦",
        "x" * 300,
        "дом" * 200,
    ],
)
def test_edge_words(word: str) -> None:
    assert_same(word)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text(word: str) -> None:
    assert_same(word)


@settings(max_examples=100, deadline=None)
@given(
    st.text(
        alphabet=st.characters(codec="utf-8")
        | st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF)
    )
)
def test_text_with_surrogates(word: str) -> None:
    assert_same(word)


def assert_same_forms(word: str) -> int:
    folded = _fold(composed(word))
    forms = endings._compiled_forms()
    assert forms is not None
    found = forms(folded, endings._tables(), endings.STEM, endings.ENDINGS)
    expected = endings._form_langs_py(folded)
    assert found is None or found == expected, word
    assert endings.form_langs.__wrapped__(word) == expected, word
    return expected


def test_forms_of_real_words_their_mojibake_and_made_forms() -> None:
    # (the compiled endings.form_langs against the Python one: listed words, the same with
    # each language's endings stacked on, compounds of two, and their mojibake)
    steps = [chain for chain, _table in single_byte_steps()][::11]
    table, _longest, _compounding = endings._tables()
    suffixes = sorted(table)[::40]
    words: set[str] = set()
    for i, line in enumerate(non_ascii_lines()[::3]):
        found = [w for w in TOKEN_RE.findall(line) if len(w) >= 4]
        words.update(found)
        words.update(w + suffixes[(i + k) % len(suffixes)] for k, w in enumerate(found))
        words.update(a + b for a, b in pairwise(found))
        garbled = garble(line, (steps[i % len(steps)],))
        if garbled is not None:
            words.update(TOKEN_RE.findall(garbled))
    words |= {"İstanbullular", "tro\u0323ngler", "Straßeler", "ΣΟΦΟΣ", "x", "\ud800abcdef"}
    made = sum(assert_same_forms(word) != 0 for word in words)
    assert len(words) > 5000 and made > 500  # both answers are exercised


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_forms_of_any_text(word: str) -> None:
    assert_same_forms(word)


def assert_same_form_lead(text: str) -> int:
    from textfix.repair import legacy

    found = endings.compiled_form_lead(text, legacy._LEAD_EDGE, legacy.LEAD_LANGS)
    expected = legacy._form_lead([w.strip(legacy._LEAD_EDGE) for w in text.split()])
    assert found is None or found == expected, text
    return expected


def test_form_lead_of_real_lines_their_mojibake_and_made_forms() -> None:
    # (the compiled legacy._form_lead against the Python one: lines of real words, of the
    # same words with endings stacked on, and their mojibake)
    steps = [chain for chain, _table in single_byte_steps()][::13]
    table, _longest, _compounding = endings._tables()
    suffixes = sorted(table)[::37]
    led = 0
    for i, line in enumerate(non_ascii_lines()[::4]):
        made = " ".join(w + suffixes[(i + k) % len(suffixes)] for k, w in enumerate(line.split()))
        garbled = garble(line, (steps[i % len(steps)],))
        for text in (line, made, "(" + made + ").", garbled or ""):
            led += assert_same_form_lead(text) >= 0
    for text in ("İstanbullular evleri", "tro\u0323ngler x", "Straßeler STRASSELER", "\ud800 a"):
        assert_same_form_lead(text)
    assert led > 100  # both answers are exercised


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40))
def test_form_lead_of_any_text(text: str) -> None:
    assert_same_form_lead(text)
