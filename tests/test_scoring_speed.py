"""The scorer's and the ranking's fast paths give what their plain definitions give: the
packed one-sum scoring of every language of a script, the letter count by table, and the
set bits of a step mask."""

from __future__ import annotations

import unicodedata
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from realtext_po import django_lines
from textfix.repair.bitsets import bit_indices, few_bit_indices
from textfix.repair.legacy import _reads
from textfix.scoring._data import langdata
from textfix.scoring.model import (
    PACKED_FROM,
    TOKEN_RE,
    _bigrams,
    _candidates,
    _fold,
    _logprob,
    _max_logprob,
    _token_script,
)

#: Latin letters many languages share, and a few only some alphabets hold (so that
#: languages are charged for foreign letters and many models stay in the running).
_LATIN = "aeioutnsrlkdmpvjzcbgh ßéèêëàâäöüçñåøæþðłńśźżąęčšžřůýíóúõãìòùîôû"
_CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў "


def _plain_max(text: str) -> tuple[float, str] | None:
    """``_max_logprob`` as defined: every candidate language summed on its own."""
    data = langdata()
    tokens = TOKEN_RE.findall(_fold(text))
    if not tokens or len({_token_script(t) for t in tokens}) != 1:
        return None
    letters = Counter("".join(tokens))
    models = _candidates(data, {ch for ch in letters if ch > "\x7f"}, None)
    if not models:
        return None
    bigrams = _bigrams(tokens)
    expected = max((_logprob(m, bigrams, letters), m.code) for m in models)
    assert _max_logprob(data, models, bigrams, letters) == expected
    return expected


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=_LATIN, min_size=1, max_size=60) | st.text(_CYRILLIC, max_size=60))
def test_packed_scoring_picks_what_summing_each_language_picks(text: str) -> None:
    _plain_max(text)


def test_packed_scoring_on_real_lines_with_many_languages() -> None:
    data = langdata()
    many = 0
    for lang in ("fr", "de", "pl", "cs", "tr", "lv", "ru", "uk"):
        for line in django_lines(lang, 40):
            found = _plain_max(line)
            tokens = TOKEN_RE.findall(_fold(line))
            letters = {ch for t in tokens for ch in t if ch > "\x7f"}
            many += found is not None and len(_candidates(data, letters, None)) >= PACKED_FROM
    assert many > 50  # the packed path itself was exercised, not only the per-language one


def _plain_reads(text: str) -> int:
    return sum(
        1
        for ch in text
        if ch.isalpha() or ch in "\u05f3\u05f4" or unicodedata.category(ch) in ("Mn", "Mc")
    )


@given(st.text())
def test_reads_counts_letters_and_letter_parts(text: str) -> None:
    assert _reads(text) == _plain_reads(text)


def test_character_tables_stay_bounded_and_right_past_their_size() -> None:
    from textfix.repair.legacy import _READS
    from textfix.scoring.model import CHAR_TABLE_SIZE

    # Every code point of the first planes (surrogates included): more than a table keeps.
    text = "".join(map(chr, range(CHAR_TABLE_SIZE + 5000)))
    assert _reads(text) == _plain_reads(text)
    assert len(_READS) <= CHAR_TABLE_SIZE


@given(st.integers(min_value=0, max_value=(1 << 300) - 1))
def test_bit_indices_are_the_set_bits_lowest_first(mask: int) -> None:
    expected = [i for i in range(mask.bit_length()) if mask >> i & 1]
    assert bit_indices(mask) == expected
    assert few_bit_indices(mask) == expected
