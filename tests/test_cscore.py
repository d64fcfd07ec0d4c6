"""The compiled scorer (``textfix.scoring._cscore``) gives exactly what the pure-Python scorer
gives: the same floats bit for bit, the same languages, on real lines, their mojibake, the
candidates the legacy engine scores, and hypothesis text (lone surrogates, NUL, astral
characters, huge lines). Skipped when the module is not built or TEXTFIX_PURE_PYTHON is set."""

from __future__ import annotations

import functools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix.chains import single_byte_steps
from textfix.repair import legacy
from textfix.repair.legacy import _cand_core, _pool, core
from textfix.scoring import model

TABLES = model._compiled()
pytestmark = pytest.mark.skipif(TABLES is None, reason="textfix.scoring._cscore is not built")


def _exact(value: object) -> object:
    """Floats by their bits (``==`` takes -0.0 for 0.0), everything else as it is."""
    if isinstance(value, float):
        return value.hex()
    if isinstance(value, tuple):
        return tuple(map(_exact, value))
    return value


def assert_same(text: str) -> None:
    assert TABLES is not None
    assert model.composed(text) == model._composed_py(text), text
    assert TABLES.one_alphabet(text) == model._one_alphabet_py(text), text
    quick = model._quick_py(text)
    assert _exact(TABLES.quick(text)) == _exact(quick), text
    assert _exact(TABLES.bound(*quick[1:])) == _exact(model._bound(*quick[1:])), text
    reference = model._score(text)
    expected = (reference.lang, reference.logprob, reference.letters)
    assert _exact(TABLES.score(text)) == _exact(expected), text
    # (score()'s own call: the text composed and the TextScore made in C)
    made, composed = TABLES.text_score(text), model._score(model.composed(text))
    assert type(made) is model.TextScore and _exact(made) == _exact(composed), text
    # score(text, lang): the language asked for alone (legacy._mismatch_cost asks it), of
    # each script and one whose alphabet lacks most letters of the text
    for lang in SCORED_IN:
        asked = model._score(text, lang)
        expected = (asked.lang, asked.logprob, asked.letters)
        index = model.langdata().models[lang].index
        assert _exact(TABLES.score_in(text, index)) == _exact(expected), (text, lang)


#: Languages :func:`assert_same` asks ``score(text, lang)`` of.
SCORED_IN = ("lt", "pl", "ru", "el", "he", "th", "en")


def test_every_language_scores_the_same() -> None:
    # Each model's bigram values are found by their rank among the models holding the
    # bigram: every model number (first, last, and the many Latin ones sharing bigrams).
    assert TABLES is not None
    texts = (
        "The quick brown fox, über straße",
        "Привет, как дела",
        "Καλημέρα κόσμε",
        "kaip sekasi",
    )
    for lang, lang_model in model.langdata().models.items():
        for text in texts:
            asked = model._score(text, lang)
            expected = (asked.lang, asked.logprob, asked.letters)
            assert _exact(TABLES.score_in(text, lang_model.index)) == _exact(expected), (text, lang)


@functools.cache
def real_texts() -> list[str]:
    """Clean lines, their cores, their mojibake under a few chains, and the candidate cores
    the legacy engine makes of that mojibake."""
    lines = list(non_ascii_lines()[::2])
    steps = [(chain,) for chain, _table in single_byte_steps()][::9]
    texts = set(lines) | {core(line) for line in lines}
    for _line, garbled in mojibake_pairs(lines, steps):
        texts.add(garbled)
        garbled_core = core(garbled)
        texts.update(_cand_core(garbled_core, entry) for entry in _pool(garbled, garbled_core)[:10])
    return sorted(texts)


def test_real_lines_score_the_same() -> None:
    texts = real_texts()
    assert len(texts) > 5000
    for text in texts:
        assert_same(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00",
        "1234 !?",
        "Öåé òåêñò òàêîæ äîñòóïíèé óêðà¿íñüêîþ",
        "Цей текст також доступний українською",
        "AplikaÂΘo AplikaЕ¼o",  # scripts tied: settled by the set's order, as in Python
        "ΣΟΦΙΑ σοφίας Straße İçindekiler ẞ",  # final sigma and folds longer than a letter
        "McDonald NATO dzieÑ оПХБЕР Hawaiʻi",  # odd capitals and modifier letters
        "³adny dzie§ │adny ½mv² Ð¾Ð rekisterˆity",  # shapes around symbols
        "Tⁿrgi lehekⁿljed Hal²c² xⁿ m² 10⁹ H₂SO₄ aⁱb",  # superscripts inside words
        "€справни x€справни €uro ‰ня ™ё а‡џ",  # signs glued before small Cyrillic letters
        "東京 Привет 😂 \ud800x\udfff 𝔘𝔫𝔦",  # unmodelled scripts, surrogates, astral
        "ไบต์ עברית العربية",
    ],
)
def test_fixtures_score_the_same(text: str) -> None:
    assert_same(text)


def test_huge_line_scores_the_same() -> None:
    # Long sums show any difference in the order floats are added.
    text = " ".join(real_texts()[::2] * 4)
    assert len(text) > 100_000
    assert_same(text)
    assert_same(text.upper() + "\ud800" * 3)


_ODD = (
    "\x00\u3000\u2009\x85\u202f\xa0\ud800\udbff\udc00\udfff"  # spaces, lone surrogates
    "İıßẞΣσςµªº\u0301\u05be²³¹ⁿⁱ⁹₂¼½¾¦¤¨¯´¸¬€„“”«»│╖"
)
_ODD_CHARACTERS = st.sampled_from([*_ODD, "😂", "𝔘", "\U000e0001", "\U0010ffff"])
_TEXT = st.text(
    alphabet=st.one_of(
        st.characters(codec="utf-8"),
        st.characters(min_codepoint=0x80, max_codepoint=0x52F),
        _ODD_CHARACTERS,
        st.sampled_from(list(" .,-'")),
    ),
    max_size=80,
)


@settings(max_examples=400, deadline=None)
@given(_TEXT)
def test_any_text_scores_the_same(text: str) -> None:
    assert_same(text)


def test_composed_is_the_compiled_scan() -> None:
    # (one-byte strings are taken as accent-free unread; wider ones are scanned)
    assert model.composed is not model._composed_py
    for text in (
        "Straße",
        "tro\u0323ng",
        "Tiê\u0301ng Viê\u0323t",
        "Цей\u0301",
        "a\u036f",
        "a\u0370",
    ):
        got = model.composed(text)
        assert got == model._composed_py(text), text
        assert (got is text) == (model._composed_py(text) is text), text


def test_one_alphabet_is_the_same() -> None:
    # (letters of no alphabet, of two alphabets, marks, folds to ASCII, beyond the BMP)
    assert TABLES is not None
    for text in (
        "Kuþ uçtu",
        "Tiê\u0301ng Viê\u0323t",
        "Straße İzmir",
        "Ωμέγα ΣΟΦΙΑ",
        "a\u0300b",
        "𝒜bc",
        "中文 text",
        "dzień þ",
        "",
        "«»",
    ):
        assert TABLES.one_alphabet(text) == model._one_alphabet_py(text), text


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_folding_goes_character_by_character(text: str) -> None:
    # The compiled scorer folds each character alone; the whole text folds the same.
    folded = "".join(model._char_info(ch)[3] for ch in text)
    assert folded == model._fold_text(text)


def test_public_functions_use_the_compiled_scorer() -> None:
    text = "Öåé òåêñò òàêîæ"
    model.score.cache_clear()
    model._quick.cache_clear()
    s = model.score(text)
    assert TABLES is not None
    assert (s.lang, s.logprob, s.letters) == TABLES.score(text)
    model.score.cache_clear()
    s = model.score(text, "uk-UA")
    assert (s.lang, s.logprob, s.letters) == TABLES.score_in(
        text, model.langdata().models["uk"].index
    )
    assert s == model._score(text, "uk-UA")
    assert model.quick_logprob(text) == model._quick_py(text)[0]
    assert model.logprob_bound(text) >= s.logprob


def assert_same_pool(text: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text_core = core(text)
    compiled = _pool(text, text_core)
    with monkeypatch.context() as patch:
        patch.setattr(legacy, "_compiled_pool", lambda: None)
        reference = _pool(text, text_core)
    assert compiled == reference, text
    # the very tables of the steps (the engine translates with them)
    assert [id(e[2]) for e in compiled if isinstance(e[2], dict)] == [
        id(e[2]) for e in reference if isinstance(e[2], dict)
    ]


def test_pool_of_real_lines_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    assert legacy._compiled_pool() is not None
    for text in real_texts()[::2]:
        assert_same_pool(text, monkeypatch)


def test_first_look_is_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    looked = 0
    for text in real_texts()[::2]:
        text_core = core(text)
        chosen = sorted(_pool(text, text_core))[: legacy.QUICK_POOL]
        compiled = legacy._first_look(text_core, chosen)
        with monkeypatch.context() as patch:
            patch.setattr(legacy, "_compiled", lambda: None)
            reference = legacy._first_look(text_core, chosen)
        assert _exact(tuple(map(tuple, compiled[0]))) == _exact(tuple(map(tuple, reference[0])))
        assert compiled[1] == reference[1], text
        looked += len(chosen)
    assert looked > 10_000


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_pool_of_any_text_is_the_same(text: str) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same_pool(text, monkeypatch)


def assert_same_translations(text: str) -> None:
    pool = legacy._compiled_pool()
    assert pool is not None
    for _step, table in single_byte_steps()[::7]:
        assert pool.translate(text, table) == text.translate(table), text
    assert pool.translate(text, {0x41: "b"}) == text.translate({0x41: "b"})  # not a step's
    assert pool.reads(text) == sum(map(legacy._READS.__getitem__, text)), text
    chars = {ch for ch in text if ch > "\x7f"}
    assert pool.live("".join(chars)) == legacy.bit_indices(legacy._live_steps(chars)), text
    # changed words: of the text itself, and of its images under a few steps
    assert pool.changed_words(text, text) == legacy._changed_words_py(text, text)
    for _step, table in single_byte_steps()[::11]:
        image = text.translate(table)
        assert pool.changed_words(text, image) == legacy._changed_words_py(text, image), text
        assert pool.changed_words(image, text) == legacy._changed_words_py(image, text), text
        assert pool.lost_letters(text, image) == legacy._lost_letters(text, image), text
        assert pool.changed(text, image) == sum(map(str.__ne__, text, image))
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(legacy, "_compiled_pool", lambda: None)
            known = legacy._has_known_words(text, image)
        assert pool.has_known_words(text, image, legacy.STRONG_KNOWN) == known, text
        assert pool.lost_letters(image, text) == legacy._lost_letters(image, text), text
    assert pool.changed(text, text + "ab") == pool.changed(text + "abc", text) - 1 == 3
    assert TABLES is not None
    assert TABLES.odd_cases(text) == sum(map(model.odd_case, model.TOKEN_RE.findall(text)))


def test_translations_and_reads_of_real_lines_are_the_same() -> None:
    for text in real_texts()[::3]:
        assert_same_translations(text)
    # (a line longer than the compiled translation's room on the stack)
    assert_same_translations(" ".join(real_texts()[::97]))


@settings(max_examples=300, deadline=None)
@given(_TEXT)
def test_translations_and_reads_of_any_text_are_the_same(text: str) -> None:
    assert_same_translations(text)
