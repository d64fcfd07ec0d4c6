"""The legacy engine's gate helpers, rewritten to cost less per garbled line, give what
their plain definitions give: on real lines garbled through many chains (with the
candidate the engine picks, and with arbitrary same-length edits of it) and on generated
text with lone surrogates, NUL, astral characters and long lines."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from test_legacy_speed import _garbled
from textfix.chains import single_byte_steps, translation
from textfix.repair import gates, legacy
from textfix.repair.legacy import (
    _HYPHENS,
    _UNIT,
    _changes_letters,
    _chosen,
    _exact,
    _holds,
    _listing,
    _mixes_scripts,
    _symbols,
    _units_rewritten,
    candidates,
)
from textfix.repair.one_class import OneClass
from textfix.scoring._data import langdata
from textfix.scoring.model import MIXED_SCRIPT_WORD, TOKEN_RE, _mixed_scripts, script_of

_LINES = _garbled(8)
_PAIRS = [(text, found[0].text) for text in _LINES if (found := candidates(text, best_only=True))]
_STEPS = [step for step, _table in single_byte_steps()]
#: Characters of every code page of the table, plus the awkward ones.
_CHARS = sorted(
    set("".join(bytes(range(0x80, 0x100)).decode(shown, "ignore") for _true, shown in _STEPS))
    | set("abcXYZ 0123 \t\x00\ud800\U0001f600\ufffd²³Ω¬µ±VHzmol ÀÁÂÃ-\u05be\u2010")
)
_TEXT = st.text(alphabet=_CHARS, max_size=40)


def _listing_reference(text: str, cand: str) -> bool:
    if len(text) != len(cand):
        return False
    for line in (text, cand):
        run = 1
        for i in range(1, len(line)):
            if ord(line[i]) == ord(line[i - 1]) + 1 and (
                text[i] != cand[i] or text[i - 1] != cand[i - 1]
            ):
                run += 1
                if run >= legacy.LISTED:
                    return True
            else:
                run = 1
    return False


def _exact_reference(text: str, cand: str, step: tuple[str, str]) -> bool:
    """:func:`_exact` asking the codecs for every changed word (its path for pairs of code
    pages it has no per-character tables for)."""
    saved = legacy._per_character
    legacy._per_character = lambda true, shown: None  # type: ignore[assignment]
    try:
        return _exact(text, cand, (step,))
    finally:
        legacy._per_character = saved


def _symbols_reference(text: str) -> int:
    letters = sum(1 for ch in "".join(TOKEN_RE.findall(text)) if ch > "\x7f" and not ch.isnumeric())
    non_ascii = len(re.findall(r"[^\s\x00-\x7f]", text))
    return non_ascii - letters - sum(map(text.count, _HYPHENS))


def _holds_reference(text: str, codec: str) -> bool:
    try:
        text.encode(codec)
    except UnicodeEncodeError:
        return False
    return True


def _units_reference(text: str, cand: str) -> bool:
    return len(text) == len(cand) and any(
        text[m.start() : m.end()] != cand[m.start() : m.end()] for m in _UNIT.finditer(text)
    )


def _changes_letters_reference(text: str, cand: str) -> bool:
    if len(text) != len(cand):
        return True
    return any(
        a != b and (a.isalpha() or not a.isprintable()) for a, b in zip(text, cand, strict=True)
    )


def _mixes_scripts_reference(word: str) -> bool:
    if word.isascii():
        return False
    scripts = {script_of(ch) for ch in word if ch.isalpha() and ch not in legacy._BORROWED}
    return len(scripts - {"Other"}) > 1


def _mixed_scripts_reference(tokens: list[str]) -> int:
    return sum(
        1
        for tok in tokens
        if not tok.isascii() and len(set(map(script_of, filter(str.isalpha, tok)))) > 1
    )


def _capital_behind_sign_reference(text: str) -> bool:
    """:func:`gates.capital_behind_sign` looking at every match (no cheap scan first)."""
    saved = gates._signs_of_capitals
    everywhere = re.compile("")
    gates._signs_of_capitals = lambda: OneClass(everywhere, everywhere.search, lambda _t: 0)  # type: ignore[assignment]
    try:
        return gates.capital_behind_sign(text)
    finally:
        gates._signs_of_capitals = saved


def _no_alphabet_reference(text: str, cand: str) -> bool:
    if len(text) != len(cand):
        return False
    made = {
        b.lower()[0].translate(gates._ALPHABET_FOLD)
        for a, b in zip(text, cand, strict=True)
        if a != b and b.isalpha()
    }
    return bool(made) and not any(made <= m.alphabet for m in langdata().models.values())


def _capitalises_reference(text: str, cand: str) -> bool:
    if len(text) != len(cand) or text == cand:
        return False
    changed = gates._respelled_words(text, cand)
    return len(changed) > 0 and all(
        a.islower() and b.isupper() and gates._same_script(a, b) for a, b in changed
    )


def _check_pair(text: str, cand: str) -> None:
    assert _listing(text, cand) == _listing_reference(text, cand), (text, cand)
    assert gates.letters_of_no_alphabet(text, cand) == _no_alphabet_reference(text, cand)
    assert gates.capitalises_words(text, cand) == _capitalises_reference(text, cand)
    assert _units_rewritten(text, cand) == _units_reference(text, cand), (text, cand)
    assert _changes_letters(text, cand) == _changes_letters_reference(text, cand), (text, cand)


def test_real_pairs_are_many_and_varied() -> None:
    assert len(_PAIRS) > 50
    for text, cand in [("10 µV", "10 ÁV"), ("DVD±RW", "DVDŮRW"), ("a² + b²", "aı + bı")]:
        assert _units_rewritten(text, cand) and _units_reference(text, cand)
    assert any(_listing(text, cand) for text, cand in [("ÀÁÂÃÄÅ", "АБВГДЕ")])


def test_gates_match_their_definitions_on_real_repairs() -> None:
    for text, cand in _PAIRS:
        _check_pair(text, cand)
        assert _symbols(text) == _symbols_reference(text)
        assert _symbols(cand) == _symbols_reference(cand)
        assert gates.capital_behind_sign(text) == _capital_behind_sign_reference(text)
        for word in TOKEN_RE.findall(text + " " + cand):
            assert _mixes_scripts(word) == _mixes_scripts_reference(word), word
        tokens = TOKEN_RE.findall(text)
        assert _mixed_scripts(tokens) == MIXED_SCRIPT_WORD * _mixed_scripts_reference(tokens)


@settings(max_examples=400)
@given(_TEXT, st.data())
def test_gates_match_their_definitions_on_any_text(text: str, data: st.DataObject) -> None:
    cand = "".join(data.draw(st.sampled_from([ch, ch, *_CHARS[::7]])) for ch in text)
    _check_pair(text, cand)
    assert _symbols(text) == _symbols_reference(text)
    assert gates.capital_behind_sign(text) == _capital_behind_sign_reference(text)
    assert _mixes_scripts(text) == _mixes_scripts_reference(text)
    assert _mixed_scripts([text]) == MIXED_SCRIPT_WORD * _mixed_scripts_reference([text])


@settings(max_examples=400)
@given(st.sampled_from(_STEPS), _TEXT, st.data())
def test_exact_is_the_strict_codec_round_trip(
    step: tuple[str, str], text: str, data: st.DataObject
) -> None:
    cand = text.translate(translation(*step))
    if data.draw(st.booleans()):
        cand = "".join(data.draw(st.sampled_from([ch, ch, "x", "ж"])) for ch in cand)
    assert _exact(text, cand, (step,)) == _exact_reference(text, cand, step)
    for codec in {step[1], "cp1252", "koi8-r", "iso8859-1"}:
        assert _holds(text, codec) == _holds_reference(text, codec)


def test_exact_on_real_repairs() -> None:
    for text in _LINES:
        for cand in candidates(text)[:3]:
            step = cand.chain[0]
            if step[0] != "utf-8":
                assert _exact(text, cand.text, cand.chain) == _exact_reference(
                    text, cand.text, step
                )


def test_huge_lines_and_odd_characters_never_raise() -> None:
    huge = "Öåé òåêñò \x00 \ud800 \U0001f600 " * 2000
    cand = huge.translate(translation("cp1251", "cp1252"))
    assert _listing(huge, cand) == _listing_reference(huge, cand)
    assert _exact(huge, cand, (("cp1251", "cp1252"),)) == _exact_reference(
        huge, cand, ("cp1251", "cp1252")
    )
    assert _symbols(huge) == _symbols_reference(huge)


def test_chosen_is_the_quick_pool_and_every_utf8_decode() -> None:
    for text in _LINES:
        pool = sorted(legacy._pool(text, legacy.core(text)))
        if not pool:
            continue
        least = pool[0][0]
        expected = [p for p in pool[: legacy.QUICK_POOL] if p[0] <= least + 1]
        expected += [p for p in pool if p[3][0][0][0] == "utf-8"]
        expected = list({p[1]: p for p in expected}.values())
        assert sorted(_chosen(pool)) == sorted(expected), text
