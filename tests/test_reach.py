"""The skeleton filter answers "can a round trip give a known word?" exactly like asking
every table, and the shipped filter belongs to the shipped word index."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realtext_po import django_lines
from textfix.chains import single_byte_steps
from textfix.repair import reach
from textfix.repair.legacy import _has_known_words, _may_find_words, candidates, core
from textfix.repair.plausible import utf8_round_trip
from textfix.scoring import _bloom
from textfix.scoring._data import langdata
from textfix.scoring.model import TOKEN_RE, _fold

SAMPLE = Path(__file__).parent / "data" / "word_sample.tsv"
#: (language, true code page, shown as): real lines garbled the way the engine repairs.
GARBLINGS = [
    ("pl", "cp1250", "cp1252"),
    ("tr", "cp1254", "cp1252"),
    ("ru", "koi8-r", "cp1251"),
    ("uk", "cp1251", "iso8859-1"),
    ("de", "cp1252", "cp850"),
    ("lt", "cp1257", "cp1252"),
]
CLEAN = ["fr", "de", "pl", "cs", "ru", "uk", "tr", "lt", "hu", "is", "vi", "cy", "lb", "ast"]


def _lines() -> list[str]:
    out: list[str] = []
    for lang in CLEAN:
        out.extend(django_lines(lang, 60))
    for lang, true, shown in GARBLINGS:
        for line in django_lines(lang, 60):
            try:
                out.append(line.encode(true).decode(shown))
            except UnicodeError:
                continue
    return out


def _every_table(token: str) -> bool:
    """The reference: translate through every table and look the result up."""
    chars = "".join(sorted({c for c in token if c > "\x7f"}))
    words = langdata().word_mask
    return any(_fold(token.translate(t)) in words for t in reach.distinct_tables(chars))


def test_shipped_filter_matches_the_word_index() -> None:
    bloom = reach.reach_filter()
    assert bloom is not None, "reach.bloom is missing or stale: run tools/build_skeletons.py"
    assert bloom.stamp == reach.words_stamp()


def test_sampled_words_and_their_skeletons_are_in_the_filter() -> None:
    bloom = reach.reach_filter()
    assert bloom is not None
    rows = [line.split("\t") for line in SAMPLE.read_text("utf-8").splitlines()]
    words = [w for w, langs in rows if langs != "-"]
    assert len(words) > 1000
    for word in words:
        if not word.isascii() or "ss" in word:
            assert reach.word_key(word) in bloom
        skeletons = [s for s in reach.skeleton_variants(word) if "?" in s]
        assert all(reach.skeleton_key(s) in bloom for s in skeletons)


def test_reaches_word_agrees_with_every_table() -> None:
    tokens = {tok for line in _lines() for tok in TOKEN_RE.findall(line) if not tok.isascii()}
    assert len(tokens) > 800
    reached = 0
    for token in sorted(tokens):
        expected = _every_table(token)
        reached += expected
        assert reach.reaches_word(token) is expected, token
    assert reached > 50  # both answers occur


def test_may_reach_words_is_never_wrong_when_it_says_no() -> None:
    said_no = 0
    for line in _lines():
        text_core = core(line)
        if reach.may_reach_words(text_core):
            continue
        said_no += 1
        chars = "".join(sorted({c for c in text_core if c > "\x7f"}))
        for table in reach.distinct_tables(chars):
            assert not _has_known_words(text_core, text_core.translate(table)), line
    assert said_no > 100


@pytest.mark.parametrize(
    ("word", "expected"),
    [("dzień", {"dzie?"}), ("strasse", {"strasse", "stra?e"}), ("i\u0307ki", {"i?ki", "?ki"})],
)
def test_skeleton_variants(word: str, expected: set[str]) -> None:
    assert reach.skeleton_variants(word) == expected


def test_only_the_kelvin_sign_folds_outside_the_skeleton_rules() -> None:
    """Every non-ASCII character folds to one non-ASCII character, to a spelling the
    variants cover, or is in ``_UNSAFE``."""
    for cp in range(0x80, 0x110000):
        if 0xD800 <= cp < 0xE000:
            continue
        ch = chr(cp)
        folded = _fold(ch)
        if not ((len(folded) == 1 and folded > "\x7f") or folded in reach._EXPANDED):
            assert reach._UNSAFE.match(ch), hex(cp)


@settings(max_examples=50, deadline=None)
@given(st.sets(st.binary(min_size=1, max_size=12), min_size=1, max_size=300))
def test_bloom_has_no_false_negatives(keys: set[bytes]) -> None:
    bloom = _bloom.Bloom.decode(_bloom.encode(keys, bits=4096, stamp=1))
    assert all(key in bloom for key in keys)
    assert len(bloom) == len(keys)


def test_bloom_rejects_other_files() -> None:
    with pytest.raises(ValueError):
        _bloom.Bloom.decode(b"TFW2" + bytes(20))


def test_word_steps_keep_every_step_that_makes_a_known_word() -> None:
    """The per-character alphabet fields drop only steps whose image is no known word."""
    tokens = {tok for line in _lines() for tok in TOKEN_RE.findall(line) if not tok.isascii()}
    steps = single_byte_steps()
    words = langdata().word_mask
    kept = dropped = 0
    for token in sorted(tokens)[:1500]:
        live = reach._word_steps(token)
        assert live is not None
        for j, (_step, table) in enumerate(steps):
            image = token.translate(table)
            if j in live:
                kept += 1
            else:
                dropped += 1
                assert image == token or _fold(image) not in words, (token, steps[j][0])
    assert dropped > kept  # the fields do prune


def test_becomes_word_is_reaching_a_word_from_an_unknown_one() -> None:
    tokens = {tok for line in _lines() for tok in TOKEN_RE.findall(line) if not tok.isascii()}
    for token in sorted(tokens):
        expected = not reach.is_known(_fold(token)) and _every_table(token)
        assert reach.becomes_word(token) is expected, token


def test_may_find_words_agrees_with_every_table() -> None:
    """``_may_find_words`` tries only the steps that make a stretch a known word: the same
    answer as trying every table."""
    answers = set()
    for line in _lines():
        text_core = core(line)
        chars = "".join(sorted({c for c in text_core if c > "\x7f"}))
        expected = utf8_round_trip(line) or any(
            _has_known_words(text_core, text_core.translate(t))
            for t in reach.distinct_tables(chars)
        )
        answers.add(expected)
        assert _may_find_words(line, text_core) is expected, line
    assert answers == {True, False}


def test_no_words_to_find_means_no_word_candidates() -> None:
    """Where ``_may_find_words`` finds no round trip making known words, ``candidates``
    with ``needs_words`` finds none either: ``legacy.repair`` asks the first only of lines
    with stray letters and relies on the second returning nothing for the others."""
    lines = [line for line in _lines() if not line.isascii()]
    refused = [line for line in lines if not _may_find_words(line, core(line))]
    assert refused and len(refused) < len(lines)
    for line in refused:
        assert candidates(line, needs_words=True) == [], line
