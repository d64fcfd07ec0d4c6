"""Stray letters: Turkish and Baltic letters shown as letters no owning language could
spell there (repair/stray_letters.py).

The names and short lines below were written for these tests and garbled here through the
code pages they are really written in; the clean words are spellings of the languages that
own ``ð þ ø ý`` (Icelandic, Danish, Turkmen) and of languages that mark vowels (Kurdish).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textfix
from realdata import non_ascii_lines
from textfix.repair.line_language import padded_lower
from textfix.repair.spans import word_pairs
from textfix.repair.stray_letters import (
    STRAY,
    _changes,
    _family_models,
    _fits,
    _fitting,
    _step_masks,
    _steps,
    stray_repair,
    stray_word,
    suspects,
)

#: (name or short line, its code page): their only broken letters read as ð, þ or ý.
STRAYED = [
    ("Šiauliai", "cp1257"),
    ("Tšaikovski", "cp1257"),
    ("Ševtšuk", "cp1257"),
    ("Tšehhi keel", "cp1257"),
    ("Kılıçcı", "cp1254"),
    ("Çağlayan", "cp1254"),
    ("Yıldırım", "cp1254"),
    ("Dağlıca", "cp1254"),
]


@pytest.mark.parametrize(("line", "true"), STRAYED)
@pytest.mark.parametrize("shown", ["cp1252", "iso8859-1"])
def test_stray_letters_are_mended(line: str, true: str, shown: str) -> None:
    garbled = line.encode(true).decode(shown)
    assert garbled != line
    assert suspects(garbled)
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize(
    "line",
    [
        # Icelandic: ð and þ where Icelandic writes them, ý after a consonant in names the
        # Icelandic model has not seen (one such letter is too little)
        "Guðrún",
        "Þórður",
        "Við erum hér",
        "Gýmir",
        "Maggý",
        # Turkmen: ý as a glide beside a vowel
        "Estoniýa",
        "Ýok",
        # Danish, Faroese (ø beside ð, which no modelled alphabet holds)
        "Juleøen",
        "Svøríki",
        "bøseyðirnar",
        # Kurdish, Frisian: accented vowels are no stray letters (cp1257 reads î as ī)
        "Efrîka",
        "nûmer",
    ],
)
def test_letters_their_owners_spell_stay(line: str) -> None:
    assert textfix.fix(line) == line


def test_stray_word() -> None:
    assert stray_word("Ðiauliai")  # Icelandic starts no word with ð
    assert stray_word("Halýcý")  # ý between consonants: neither Czech nor a Turkmen glide
    assert not stray_word("Guðrún")
    assert not stray_word("Kuweýt")  # Turkmen's glide
    assert not stray_word("Ðiauliai".replace("Ð", "S"))  # no stray letter at all


def test_stray_repair_needs_only_stray_letters_changed() -> None:
    # cp1257 also turns à into ą: a changed accented vowel is no stray repair
    assert stray_repair("Ðiauliai", "Šiauliai", "cp1257", "cp1252")
    assert not stray_repair("Ðiàuliai", "Šiąuliai", "cp1257", "cp1252")
    # a repaired letter outside the family's alphabets
    assert not stray_repair("Ðiauliai", "Điauliai", "cp1257", "cp1252")
    # one letter of several owners (ý: Czech, Slovak, Icelandic, Vietnamese) is too little
    assert not stray_repair("Gýmir", "Gımir", "cp1254", "cp1252")
    assert stray_repair("Halýcý", "Halıcı", "cp1254", "cp1252")
    # a round trip of another family or display
    assert not stray_repair("Halýcý", "Halıcı", "cp1254", "cp850")


def candidates(text: str) -> Iterator[tuple[str, str, str]]:
    """``(cand, true, shown)`` of each round trip suspects may try of ``text``."""
    for (true, shown), other in _steps().items():
        if not other.isdisjoint(text):
            continue
        try:
            yield text.encode(shown).decode(true), true, shown
        except UnicodeError:
            continue


def test_no_clean_line_is_a_stray_repair() -> None:
    # the chance rate on real clean lines of every language: no round trip of the
    # families' code pages makes any of them a stray repair
    for line in non_ascii_lines():
        for cand, true, shown in candidates(line):
            assert not stray_repair(line, cand, true, shown), (line, true, shown)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aeiklmnrstuðþøæýÐÞØÆÝ çé"), max_size=20))
def test_stray_repairs_change_only_stray_letters(text: str) -> None:
    for (true, shown), _other in _steps().items():
        try:
            cand = text.encode(shown).decode(true)
        except UnicodeError:
            continue
        if stray_repair(text, cand, true, shown):
            assert all(a == b or a.lower() in STRAY for a, b in zip(text, cand, strict=True))
            assert suspects(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aeiklmnrstuðþøæýÐÞØÆÝ çéà"), max_size=20))
def test_suspects_judges_each_candidate_once(text: str) -> None:
    # (suspects tries a candidate that two pages of one family make once: the same verdict
    # as trying every step)
    naive = any(stray_repair(text, *found) for found in candidates(text))
    assert suspects(text) == naive


def _plain_steps(text: str) -> list[tuple[str, str]]:
    """The steps suspects tries, as defined: changing a character of the line and no other
    character than a stray letter."""
    chars = set(text)
    return [
        step
        for step, other in _steps().items()
        if other.isdisjoint(chars) and not _changes()[step].isdisjoint(chars)
    ]


def _masked_steps(text: str) -> list[tuple[str, str]]:
    order, changing, other_of = _step_masks()
    touched = others = 0
    for ch in set(text):
        touched |= changing.get(ch, 0)
        others |= other_of.get(ch, 0)
    return [step for k, step in enumerate(order) if (touched & ~others) >> k & 1]


def test_step_masks_pick_the_steps_as_defined_on_real_lines() -> None:
    lines = [*non_ascii_lines(), *(line for line, _page in STRAYED)]
    assert any(_plain_steps(line) for line in lines)
    for line in lines:
        assert _masked_steps(line) == _plain_steps(line), line


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aeðþøæýÐÞØÆÝ çéàŠšžÆ¾ºª§©"), max_size=12))
def test_step_masks_pick_the_steps_as_defined(text: str) -> None:
    assert _masked_steps(text) == _plain_steps(text)


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from("aeðþÐÞøæýÆØÝ ş."), max_size=10))
def test_the_letter_searches_are_the_sets_they_stand_for(text: str) -> None:
    from textfix.repair import stray_letters

    chars = set(text)
    assert (stray_letters._STRAY_CHAR.search(text) is None) == chars.isdisjoint(
        stray_letters._STRAY_CHARS
    )
    assert (stray_letters._LOOKED_RE.search(text) is None) == chars.isdisjoint(stray_letters.LOOKED)


def _fitting_as_defined(words: list[tuple[str, str]], true: str) -> int:
    """The languages of the family that _fits every word pair, asked one by one."""
    return sum(
        1 << k
        for k, model in enumerate(_family_models(true))
        if all(_fits(old, new, padded_lower(new), model) for old, new in words)
    )


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aeiklmnrstuðþøæýÐÞØÆÝ çéİı"), max_size=16))
def test_the_fitting_masks_are_the_languages_fits_names(text: str) -> None:
    # (the candidates suspects asks stray_repair of)
    for cand, true, _shown in candidates(text):
        words = word_pairs(text, cand)
        assert _fitting(words, true) == _fitting_as_defined(words, true), (text, true)


def test_the_fitting_masks_on_the_stray_lines() -> None:
    fitted = 0
    for line, true in STRAYED:
        for shown in ("cp1252", "iso8859-1"):
            garbled = line.encode(true).decode(shown)
            words = word_pairs(garbled, line)
            assert _fitting(words, true) == _fitting_as_defined(words, true), line
            fitted += _fitting(words, true) != 0
    assert fitted >= len(STRAYED)
