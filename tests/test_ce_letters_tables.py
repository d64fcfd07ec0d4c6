"""``ce_letters``' shortcuts against the plain definitions they stand for: the character
kinds :func:`_odd_chars` skips by, and the bigram masks :func:`_unplaced` and
:func:`_named` read instead of asking every model (``touching_usual``)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realdata import non_ascii_lines
from textfix.chains import single_byte_steps
from textfix.repair.ce_letters import (
    PLACE_RARE,
    RARE,
    TOKEN_SIGNS_RE,
    _alive_steps,
    _central_european,
    _changes,
    _dos_changed,
    _letter_steps,
    _makes_signs,
    _odd_chars,
    _other_changes,
    _other_steps,
    _out_of_place,
    _owners,
    _proving,
    _step_masks,
    _unplaced,
    _usual_bigrams,
    family_made_words,
    letters_made_words,
    misplaced,
    proves_words,
)
from textfix.repair.line_language import padded_lower
from textfix.repair.stray_letters import _ASCII, touching_usual
from textfix.repair.stray_letters import _changes as stray_changes
from textfix.repair.stray_letters import _steps as stray_steps
from textfix.scoring._data import langdata

# Own lines: clean ones in several scripts, and letters made signs, capitals and odd
# letters the way the DOS and Mac pages show them.
LINES = [
    "Gießen liegt an der Lahn, nº 5",
    "Om‡n a ManipurskŽ, Kramariµ",
    "Indeksiraj po ïrki, lineær A",
    "Пример текста, Tцll и Ελληνικά",
    "hÉireann, Wallis og Futunaøyene",
    "PROGRES¡STAS, K¡na, l·l, dat„ expirare",
    "Ýönekeý Sahypalar, Libãa, Arûba",
]


def naive_odd_chars(text: str) -> set[str]:
    dos = _dos_changed()
    return {
        ch
        for word in TOKEN_SIGNS_RE.findall(text)
        for j, ch in enumerate(word)
        if not ch.isascii() and (misplaced(word, j) or (ch in dos and _out_of_place(word, j)))
    }


@pytest.mark.parametrize("line", LINES)
def test_odd_chars_as_defined(line: str) -> None:
    assert _odd_chars(line) == naive_odd_chars(line)


def test_some_lines_have_odd_chars() -> None:
    assert any(_odd_chars(line) for line in LINES)


@pytest.mark.parametrize("rare", [RARE, PLACE_RARE])
def test_usual_bigrams_read_every_model(rare: float) -> None:
    usual, absent = _usual_bigrams(rare)
    for word in ("kramarić", "futunaøyene", "előző", "straße", "qxþz"):
        padded = padded_lower(word)
        for i in range(1, len(padded) - 1):
            mask = usual.get(padded[i - 1 : i + 1], absent) & usual.get(padded[i : i + 2], absent)
            for model in langdata().models.values():
                assert bool(mask >> model.index & 1) == touching_usual(model, padded, i, rare)


def test_unplaced_asks_the_owners() -> None:
    for trigram in ("iæ ", "læs", "tõ ", "rçc", "aøy", " é ", "kèk"):
        owners = _owners(frozenset(trigram[1]))
        padded = " " + trigram
        expected = bool(owners) and not any(
            touching_usual(m, padded, 2, PLACE_RARE) for m in owners
        )
        assert _unplaced(trigram) == expected
    assert _unplaced("iæ ") and not _unplaced("læs")


def naive_proves(text: str) -> bool:
    """proves_words as defined: every letter step, and the other steps changing only odd
    characters and no-break spaces, each candidate judged on the translated line."""
    odd = _odd_chars(text)
    steps = list(_letter_steps())
    if odd:
        chars = set(text)
        steps += [
            (step, table)
            for (step, table), changes in zip(_other_steps(), _other_changes(), strict=True)
            if (changes & chars) <= odd | {"\xa0"}
        ]
    return any(letters_made_words(text, text.translate(table), step) for step, table in steps)


# Own lines the steps prove (one foreign letter, misplaced signs, no-break spaces) or not.
PROVED = [
    "%s() (%s statièna metoda)",
    "Hotelski nosaè",
    "Kostoln\xa0 Ves",
    "dat„ expirare",
    "Mozdonyvezetõ",
    "KÝna",
    "Om‡n",
    "Kramariæ je rekao",
    "Crème brûlée",
    "elõzõ és elõzõ",
]


@pytest.mark.parametrize("line", LINES + PROVED)
def test_proves_words_as_defined(line: str) -> None:
    assert proves_words(line) == naive_proves(line)


def test_some_lines_are_proved() -> None:
    assert sum(map(proves_words, PROVED)) >= 5


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(list("abnoszv ÁŠÝ„·‡\xa0“.èéõæøãûŽµ")), max_size=16))
def test_proves_words_as_defined_anywhere(text: str) -> None:
    # (the engine reads the changed words of a step changing letters of words only without
    # translating the line: the same verdict)
    assert proves_words(text) == naive_proves(text)


def naive_alive(text: str) -> list[tuple[str, str]]:
    """The steps _proves tries, as defined: the letter steps, and where the line has odd
    characters the other steps changing only those and no-break spaces; of them, those
    changing a character of the line and making no sign of one."""
    odd = _odd_chars(text)
    chars = set(text)
    steps = list(_letter_steps())
    if odd:
        steps += [
            (step, table)
            for (step, table), changes in zip(_other_steps(), _other_changes(), strict=True)
            if (changes & chars) <= odd | {"\xa0"}
        ]
    return [
        step
        for step, _table in steps
        if _makes_signs()[step].isdisjoint(chars) and not _changes()[step].isdisjoint(chars)
    ]


def masked_alive(text: str) -> list[tuple[str, str]]:
    steps = _step_masks()[0]
    # (as _proves asks it: of the line's non-ASCII characters)
    alive = _alive_steps(set(text).difference(_ASCII), _odd_chars(text))
    return [step for k, (step, _table) in enumerate(steps) if alive >> k & 1]


def test_no_step_changes_ascii() -> None:
    # (_proves, _alive_steps and stray_letters.suspects read only a line's non-ASCII
    # characters for its steps)
    assert len(_ASCII) == 128
    assert all(_ASCII.isdisjoint(changed) for changed in _changes().values())
    assert all(_ASCII.isdisjoint(made) for made in _makes_signs().values())
    assert all(_ASCII.isdisjoint(changed) for changed in stray_changes().values())
    assert all(_ASCII.isdisjoint(other) for other in stray_steps().values())


@pytest.mark.parametrize("line", LINES + PROVED)
def test_alive_steps_as_defined(line: str) -> None:
    assert masked_alive(line) == naive_alive(line)


def test_alive_steps_as_defined_on_real_lines() -> None:
    lines = non_ascii_lines()
    assert sum(bool(naive_alive(line)) for line in lines) > 10
    for line in lines:
        assert masked_alive(line) == naive_alive(line), line


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(list("abnoszv ÁŠÝ„·‡\xa0“.èéõæøãûŽµ")), max_size=16))
def test_alive_steps_as_defined_anywhere(text: str) -> None:
    assert masked_alive(text) == naive_alive(text)


def test_whole_tables_translate_as_the_steps() -> None:
    line = "Om‡n a ManipurskŽ, Kramariµ, Wallis og Futunaøyene ×\u0301 “x” \U0001f600"
    for (step, whole), (_step, table) in zip(
        _step_masks()[0], _letter_steps() + _other_steps(), strict=True
    ):
        assert line.translate(whole) == line.translate(table), step


def naive_family_made_words(text: str, cand: str, chain: tuple[tuple[str, str], ...]) -> bool:
    """family_made_words as defined: the chain's step, then every step of the family that
    translates ``text`` into ``cand``, in order."""
    if chain[0][0] in _central_european():
        return letters_made_words(text, cand, chain[0])
    if chain[0][0] in _proving() and letters_made_words(text, cand, chain[0]):
        return True
    return any(
        text.translate(table) == cand and letters_made_words(text, cand, step)
        for step, table in _letter_steps() + _other_steps()
    )


# (own words: Western letters shown through DOS and Mac pages, read back through each)
FAMILY = ["KÝna", "Om‡n", "SiapanÎeg", "BokmÂla (Norvegia)", "Baèa", "Þeref", "Kostoln\xa0 Ves"]


def test_family_made_words_as_defined() -> None:
    made = 0
    for text in FAMILY + LINES:
        for step, table in single_byte_steps():
            cand = text.translate(table)
            if cand != text:
                got = family_made_words(text, cand, (step,))
                assert got == naive_family_made_words(text, cand, (step,)), (text, step)
                made += got
    assert made >= 5
    # (dev lines, each through every step: the verdicts found once for all the steps
    # making one candidate answer as each step asked alone)
    for text in [line for line in non_ascii_lines() if len(line) < 30][:40]:
        for step, table in single_byte_steps():
            cand = text.translate(table)
            if cand != text:
                got = family_made_words(text, cand, (step,))
                assert got == naive_family_made_words(text, cand, (step,)), (text, step)
    # (a candidate no step makes, of another length, or of two steps)
    assert not family_made_words("KÝna", "Kína!", (("cp1252", "cp850"),))
    assert not family_made_words("KÝna", "Kxna", (("cp1252", "cp850"),))
    assert not family_made_words("KÝna", "Kína", (("cp1252", "cp850"), ("cp1252", "cp850")))
