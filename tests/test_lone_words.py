"""One-letter words shown as lone signs (repair/lone_words.py): repairs, refusals, C twin."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.garbling import garble
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix import fix, fix_and_explain
from textfix.chains import single_byte_steps
from textfix.repair import lone_words
from textfix.repair._scan import native
from textfix.repair.legacy import _lone_language
from textfix.types import Chain

# Our own sentences whose only non-ASCII letters are one-letter words.
ONE_LETTER_LINES = [
    ("Il risultato è stato salvato nella cartella indicata", "cp1252"),
    ("Quando il file è aperto, il programma non risponde", "cp1252"),
    ("Ce programme sert à copier les fichiers vers le serveur", "cp1252"),
]


@pytest.mark.parametrize("shown", ["cp850", "mac-roman", "cp1251"])
@pytest.mark.parametrize(("line", "true"), ONE_LETTER_LINES)
def test_a_one_letter_word_shown_as_a_lone_sign_is_repaired(
    line: str, true: str, shown: str
) -> None:
    garbled = garble(line, true, shown)
    assert garbled != line
    fixed = fix_and_explain(garbled)
    assert fixed.text == line
    assert {r.chain for r in fixed.repairs} == {((true, shown),)}


@pytest.mark.parametrize(
    "clean",
    [
        "È possibile inviare un file o selezionare la casella",  # Italian's own capital
        "Ó Corra agus a mhuintir",  # Irish's own capital
        "« Voilà » dit-il, puis il est parti",  # prose signs stand alone
        "la costante Φ = 1,618 e il numero aureo",  # a formula
        "l'angle α est droit dans ce cas précis",  # a small Greek letter: a symbol
        "Сен Пиер и Микелон",  # a Cyrillic word in a Cyrillic line
        "Git и GitHub",  # no language's words around it
        "El porcentaje de CPU, computado como (%U + %S) ÷ %R.",
    ],
)
def test_clean_lines_with_lone_characters_are_kept(clean: str) -> None:
    assert fix(clean) == clean


def test_a_small_greek_letter_counts_beside_another_lone_word() -> None:
    line = "Il file è vuoto e non è stato ancora salvato nella cartella"
    garbled = garble(line, "cp1252", "cp437")
    assert garbled.count("Φ") == 2
    assert fix(garbled) == line


def _compiled() -> object:
    module = native()
    if module is None:
        pytest.skip("compiled module not built")
    module.init_lone(lone_words.lone_images())
    return module


def test_the_compiled_test_agrees_on_real_lines() -> None:
    module = _compiled()
    lines = list(non_ascii_lines())
    shown_as = ("cp437", "cp850")
    lines += [garble(line, "cp1252", shown) for line, _ in ONE_LETTER_LINES for shown in shown_as]
    assert any(lone_words._lone_signs_py(line) for line in lines)
    for line in lines:
        assert module.lone_signs(line) == lone_words._lone_signs_py(line), line  # type: ignore[attr-defined]


_SAMPLE = " aé.,1Þиа" + lone_words.lone_images()[:40]


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(_SAMPLE), max_size=12))
def test_the_compiled_test_agrees_on_any_text(text: str) -> None:
    module = _compiled()
    assert module.lone_signs(text) == lone_words._lone_signs_py(text)  # type: ignore[attr-defined]


def _lone_signs_reference(text: str) -> list[str]:
    """lone_words._lone_image_signs as it was: every sign, then its neighbours in Python."""
    signs = set(lone_words.lone_images())
    return [
        ch
        for i, ch in enumerate(text)
        if ch in signs and not ((i and text[i - 1].isalnum()) or text[i + 1 : i + 2].isalnum())
    ]


def _lone_repair_reference(text: str, language: tuple[int, int]) -> tuple[str, Chain] | None:
    """lone_words.lone_repair as it was: the language asked before any step is tried."""
    steps = lone_words._steps_for(text)
    if not steps:
        return None
    lang_bit, votes = language
    if votes < lone_words.MIN_VOTES:
        return None
    found: dict[str, Chain] = {}
    for (true, shown), table in single_byte_steps():
        cand = text.translate(table)
        if (true, shown) not in steps or cand == text or cand in found:
            continue
        if lone_words.lone_words_made(text, cand, true, lang_bit, votes) and lone_words._exact(
            text, cand, true, shown
        ):
            found[cand] = ((true, shown),)
    return next(iter(found.items())) if len(found) == 1 else None


def _dev_lines() -> list[str]:
    """Real clean lines, and the same lines through every single-byte step."""
    lines = list(non_ascii_lines())
    steps = [(chain,) for chain, _table in single_byte_steps()]
    lines += [garbled for _line, garbled in mojibake_pairs(non_ascii_lines(), steps)]
    lines += [
        garble(line, "cp1252", shown)
        for line, _ in ONE_LETTER_LINES
        for shown in ("cp437", "cp850")
    ]
    return lines


def test_the_lone_sign_scan_and_the_repair_agree_with_their_references_on_real_lines() -> None:
    asked = repaired = 0
    for line in _dev_lines():
        assert lone_words._lone_image_signs(line) == _lone_signs_reference(line), line
        if not lone_words._steps_for(line):
            continue
        language = _lone_language(line)
        asks: list[int] = []

        def told(language: tuple[int, int] = language, asks: list[int] = asks) -> tuple[int, int]:
            asks.append(1)
            return language

        got = lone_words.lone_repair(line, told)
        assert got == _lone_repair_reference(line, language), line
        asked += len(asks)
        repaired += got is not None
    assert repaired > 0
    assert asked < len(_dev_lines())  # (the language is read only of lines of the shape)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(_SAMPLE), max_size=12))
def test_the_lone_sign_scan_and_the_repair_agree_with_their_references_on_any_text(
    text: str,
) -> None:
    assert lone_words._lone_image_signs(text) == _lone_signs_reference(text)
    it = 1 << lone_words.langdata().models["it"].index
    for language in ((it, 4), (it, 1)):
        assert lone_words.lone_repair(text, lambda told=language: told) == _lone_repair_reference(
            text, language
        )


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from([*_SAMPLE, "1", "_", "\n"]), max_size=12))
def test_the_characters_beside_a_letter_are_the_non_ascii_ones_standing_not_alone(
    text: str,
) -> None:
    # (lone_repair skips the steps changing one: they change no lone sign only)
    lone = {m.start() for m in lone_words._LONE.finditer(text)}
    beside = {ch for i, ch in enumerate(text) if not ch.isascii() and i not in lone}
    assert set(lone_words._BESIDE.findall(text)) == beside


def _steps_reference(text: str) -> frozenset[tuple[str, str]]:
    """lone_words._steps_for as it was: the lone signs' step sets intersected."""
    steps: frozenset[tuple[str, str]] | None = None
    for sign in lone_words._lone_image_signs(text):
        mine = lone_words._sign_steps()[sign]
        steps = mine if steps is None else steps & mine
    return steps or frozenset()


def test_the_steps_as_bits_are_the_steps_the_signs_share() -> None:
    lines = [*_dev_lines()[::7], "questo Þ usato da noi", "a Þ b Φ c", "no sign here"]
    tried = 0
    for line in lines:
        assert lone_words._steps_for(line) == _steps_reference(line), line
        tried += bool(_steps_reference(line))
    assert tried


_LIVE_STEPS = lone_words._compiled_live_steps()
_live_compiled = pytest.mark.skipif(_LIVE_STEPS is None, reason="_cgates is not built")


@_live_compiled
def test_the_compiled_live_steps_agree_with_their_reference_on_real_lines() -> None:
    assert _LIVE_STEPS is not None
    live = 0
    for line in _dev_lines():
        assert _LIVE_STEPS(line) == lone_words._live_steps_py(line), line
        live += _LIVE_STEPS(line) != 0
    assert live > 10  # (the lines of one-letter words shown as signs keep their step)


@_live_compiled
@settings(max_examples=500)
@given(
    st.one_of(
        st.text(alphabet=st.sampled_from([*_SAMPLE, *lone_words.lone_images(), "_", "\n"])),
        st.text(max_size=30),
    )
)
def test_the_compiled_live_steps_agree_with_their_reference_on_any_text(text: str) -> None:
    assert _LIVE_STEPS is not None
    assert _LIVE_STEPS(text) == lone_words._live_steps_py(text)
