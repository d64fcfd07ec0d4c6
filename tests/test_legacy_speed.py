"""The legacy engine's fast paths give what the plain definitions give: the candidate pool
(per-character step images instead of one translate per step), the UTF-8 pre-check, the
rank bound that skips full scores, and position-wise spans for same-length repairs."""

from __future__ import annotations

import re
from itertools import repeat

from hypothesis import given, settings
from hypothesis import strategies as st

from realtext_po import django_lines
from textfix.chains import UTF8_STEPS, single_byte_steps
from textfix.repair.legacy import (
    _BAD_CHARS,
    _NON_ASCII_CHAR,
    _cand_core,
    _oddness,
    _pool,
    _utf8_decodes,
    _utf8_round_trips,
    candidates,
    core,
)
from textfix.repair.spans import changed_spans
from textfix.scoring._data import langdata
from textfix.scoring.model import (
    GLUED_SYMBOL,
    NO_LETTERS,
    TOKEN_RE,
    _fold_text,
    _symbols,
    _token_script,
    composed,
    glued_count,
    logprob_bound,
    quick_logprob,
    score,
)

#: (language, true, shown) chains that garble real lines into every kind of mojibake:
#: letters to letters, letters to symbols and box drawing, C1 controls, UTF-8 sequences.
_CHAINS = [
    ("uk", "cp1251", "iso8859-1"),
    ("ru", "cp866", "cp1252"),
    ("ru", "koi8-r", "cp1251"),
    ("el", "cp1253", "cp437"),
    ("pl", "cp1250", "cp1252"),
    ("he", "cp1255", "cp1252"),
    ("tr", "cp1254", "mac-roman"),
    ("fr", "utf-8", "cp1252"),
    ("ru", "utf-8", "koi8-r"),
]


def _garbled(limit: int) -> list[str]:
    out = []
    for lang, true, shown in _CHAINS:
        for line in django_lines(lang, limit):
            try:
                garbled = line.encode(true).decode(shown)
            except UnicodeError:
                continue
            if garbled != line:
                out.append(garbled)
    return out


_LINES = _garbled(12)


def _reference_pool(text: str) -> list[tuple[int, str, tuple[tuple[tuple[str, str], ...], ...]]]:
    """The definition: one translate per single-byte step, grouped by the image of the line's
    non-ASCII characters, in table order; then the UTF-8 whole-line round trips."""
    text_core = core(text)
    distinct = "".join({ch for ch in text_core if ch > "\x7f"})
    by_mapping: dict[str, list[tuple[tuple[str, str], ...]]] = {}
    for step, table in single_byte_steps():
        mapped = distinct.translate(table)
        if mapped != distinct and not _BAD_CHARS.search(mapped):
            by_mapping.setdefault(mapped, []).append((step,))
    out = [
        (
            _oddness(mapped),
            text_core.translate(single_byte_steps_table(chains[0][0])),
            tuple(chains),
        )
        for mapped, chains in by_mapping.items()
    ]
    for true, shown in UTF8_STEPS:
        try:
            cand = text.encode(shown).decode(true)
        except UnicodeError:
            continue
        if cand != text and not _BAD_CHARS.search(cand):
            extra = "".join({ch for ch in core(cand) if ch > "\x7f"})
            out.append((_oddness(extra), core(cand), (((true, shown),),)))
    return out


def single_byte_steps_table(step: tuple[str, str]) -> dict[int, str]:
    return dict(single_byte_steps())[step]


def test_pool_is_every_distinct_round_trip_in_table_order() -> None:
    assert len(_LINES) > 80
    for text in _LINES:
        text_core = core(text)
        fast = [(p[0], _cand_core(text_core, p), p[3]) for p in _pool(text, text_core)]
        assert fast == _reference_pool(text), text
        # the order numbers are the positions: ties in the ranking are broken by them
        assert [p[1] for p in _pool(text, text_core)] == list(range(len(fast)))


@settings(max_examples=120, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x2600), max_size=40))
def test_pool_matches_the_definition_on_any_text(text: str) -> None:
    text_core = core(text)
    fast = [(p[0], _cand_core(text_core, p), p[3]) for p in _pool(text, text_core)]
    assert fast == _reference_pool(text)


def _utf8_decodes_of(text: str) -> list[tuple[str, tuple[tuple[str, str], ...]]]:
    """Every UTF-8 step's strict whole-line round trip of ``text`` that decodes."""
    expected = []
    for true, shown in UTF8_STEPS:
        try:
            expected.append((text.encode(shown).decode(true), ((true, shown),)))
        except UnicodeError:
            continue
    return expected


def test_utf8_round_trips_skip_only_pages_that_cannot_decode() -> None:
    for text in [*_LINES, "Ã", "aÃ", "Ã©", "ÐŸÑ€Ð¸Ð²ÐµÑ‚", "ÃƒÂ©", "Ã a"]:
        assert list(_utf8_round_trips(text)) == _utf8_decodes_of(text), text


#: Characters that UTF-8's pages show lead and continuation bytes as (and others).
_LEADS_AND_CONTINUATIONS = "a é?ÃÂÅÎÐÑÙâãðíìÇÈ©¢ª¬µ¿ÿ€‹ž—Ì˘‡èàäРСТУшщ╨╤├┬ΎΏΐ\u0432\u2500"


@settings(max_examples=400, deadline=None)
@given(st.text(st.sampled_from(_LEADS_AND_CONTINUATIONS), max_size=8))
def test_utf8_round_trips_skip_only_pages_that_cannot_decode_on_any_text(text: str) -> None:
    # (compiled where built: the steps to try told by _cplausible.utf8_pages; the
    # reference looks them up by the first non-ASCII character, _utf8_decodes)
    first = _NON_ASCII_CHAR.search(text)
    if first is None or first.end() == len(text):
        expected = []  # (nothing to decode, or a lead with nothing after it)
    else:
        expected = _utf8_decodes(text, first)
        assert expected == _utf8_decodes_of(text)
    assert list(_utf8_round_trips.__wrapped__(text)) == expected


def test_logprob_bound_is_an_upper_bound_of_the_score() -> None:
    checked = 0
    for text in _LINES:
        for cand in candidates(text):
            cand_core = core(cand.text)
            assert logprob_bound(cand_core) + 1e-9 >= score(cand_core).logprob, cand_core
            checked += 1
    assert checked > 200


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x2600), max_size=40))
def test_logprob_bound_holds_on_any_text(text: str) -> None:
    assert logprob_bound(text) + 1e-9 >= score(text).logprob


def test_best_only_keeps_the_winner() -> None:
    skipped = 0
    for text in _LINES:
        every = candidates(text)
        best = candidates(text, best_only=True)
        assert bool(every) == bool(best)
        if every:
            assert best[0] == every[0], text
            skipped += len(every) - len(best)
    assert skipped > 0  # the bound does skip work on real mojibake


def test_same_length_spans_keep_words_apart() -> None:
    # difflib matched the "ч" across the space and reported one span over both words
    assert changed_spans("–ч«Ґ зЁб«®", "Ціле число") == [(0, 4, 0, 4), (5, 10, 5, 10)]
    assert changed_spans("Öåé òåêñò", "Цей текст") == [(0, 3, 0, 3), (4, 9, 4, 9)]


def test_spans_cover_every_change_and_nothing_else() -> None:
    for text in _LINES:
        for cand in candidates(text)[:2]:
            spans = changed_spans(text, cand.text)
            rebuilt, pos = [], 0
            for a0, a1, b0, b1 in spans:
                rebuilt.append(text[pos:a0] + cand.text[b0:b1])
                pos = a1
            assert "".join(rebuilt) + text[pos:] == cand.text


def _reference_quick(text: str) -> float:
    """quick_logprob as first written: every token's script looked at one by one (of the
    text as the scorer reads it, combining accents composed)."""
    text = composed(text)
    every = TOKEN_RE.findall(_fold_text(text))
    tokens = [t for t in every if _token_script(t) != "Other"]
    if not tokens:
        return 0.0 if every or not re.search(r"[^\s\x00-\x7f]", text) else NO_LETTERS
    data = langdata()
    joined = " " + " ".join(tokens) + " "
    bigrams = [joined[i : i + 2] for i in range(len(joined) - 1)]
    total = sum(map(data.pooled.get, bigrams, repeat(data.pooled_floor)))
    non_ascii = sum(1 for ch in joined if ch > "\x7f")
    cost, count = _symbols(text, non_ascii)
    cost += GLUED_SYMBOL * glued_count(text)
    return (float(total) + cost) / (len(bigrams) + count)


@settings(max_examples=200, deadline=None)
@given(
    st.text(
        alphabet=st.one_of(
            st.characters(min_codepoint=0x20, max_codepoint=0x2600),
            st.sampled_from("a ́̈中ʰßςİ"),
        ),
        max_size=30,
    )
)
def test_quick_logprob_is_its_definition(text: str) -> None:
    assert quick_logprob(text) == _reference_quick(text)


def test_quick_logprob_is_its_definition_on_candidates() -> None:
    for text in _LINES[:40]:
        for cand in candidates(text):
            cand_core = core(cand.text)
            assert quick_logprob(cand_core) == _reference_quick(cand_core)
