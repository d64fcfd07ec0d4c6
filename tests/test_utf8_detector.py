"""The compiled twin of ftfy's ``UTF8_DETECTOR_RE`` (``_cplausible.utf8_detected``, read from
the pattern by ``_badness.repeated_program``) finds exactly the spans ``finditer`` finds: on
real lines, clean and garbled through many chains, on every character of the pattern's
classes in pairs and triples, and on hypothesis text; and ``utf8._decode_inconsistent_utf8``
answers alike either way; and its code-page masks (``_cplausible.alive_pages``) are
``utf8._alive_pages_py``'s. Skipped when ``_cplausible`` is not built or
``TEXTFIX_PURE_PYTHON`` is set.
"""

from __future__ import annotations

import functools
import itertools
import re

import pytest
from ftfy.chardata import UTF8_DETECTOR_RE
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import mojibake_pairs, non_ascii_lines

from textfix.chains import UTF8_STEPS, single_byte_steps
from textfix.repair import _badness, _scan, utf8

cplausible = _scan.native()
pytestmark = pytest.mark.skipif(cplausible is None, reason="_cplausible is not built")


def _reference(text: str, pattern: re.Pattern[str] = UTF8_DETECTOR_RE) -> list[tuple[int, int]]:
    return [match.span() for match in pattern.finditer(text)]


@functools.cache
def _named() -> str:
    """Every character the pattern's classes list, and a few they do not."""
    spelled = _badness.repeated_program(UTF8_DETECTOR_RE)
    assert spelled is not None
    return spelled[0] + " a?\n\x1a\ufffd\ud800\U0001f600"


@functools.cache
def _representatives() -> str:
    """One character per set of classes it belongs to (what the matcher tells apart)."""
    _named_chars, classes, _alternatives, _behind = _badness.repeated_program(UTF8_DETECTOR_RE)  # type: ignore[misc]
    seen: dict[tuple[bool, ...], str] = {}
    for ch in _named():
        seen.setdefault(tuple(ch in c[5] for c in classes), ch)
    return "".join(seen.values())


@functools.cache
def _lines() -> list[str]:
    """Real lines, clean and shown through UTF-8 chains one and two deep and single-byte
    ones (their mojibake holds what the detector looks for, or nearly)."""
    steps = list(UTF8_STEPS) + [step for step, _table in single_byte_steps()][::7]
    chains = [(step,) for step in steps]
    chains += [(step, UTF8_STEPS[(5 * i + 1) % len(UTF8_STEPS)]) for i, step in enumerate(steps)]
    out = set(non_ascii_lines()[::2])
    for _line, garbled in mojibake_pairs(non_ascii_lines(), chains):
        out.add(garbled)
        out.add(garbled.replace("\xa0", " "))  # (a lost 0xA0 shown as a space)
    return sorted(out)


def test_detector_is_compiled() -> None:
    assert utf8._detector() is cplausible.utf8_detected  # type: ignore[union-attr]


def test_real_lines_give_the_same_spans() -> None:
    lines = _lines()
    found = [utf8._detector()(text) for text in lines]
    assert found == [_reference(text) for text in lines]
    # Both answers occur, and matches that repeat an alternative and follow one another.
    assert 0.2 < sum(map(bool, found)) / len(lines) < 0.9
    assert sum(len(spans) > 1 for spans in found) > 200
    assert sum(end - start > 4 for spans in found for start, end in spans) > 200


def test_inconsistent_utf8_decoded_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    lines = _lines()
    compiled = [utf8._decode_inconsistent_utf8(text) for text in lines]
    monkeypatch.setattr(utf8, "_detector", lambda: utf8._detected_spans)
    assert compiled == [utf8._decode_inconsistent_utf8(text) for text in lines]
    assert 0 < sum(map(str.__ne__, compiled, lines)) < len(lines) // 2


def test_every_pair_of_the_classes_characters() -> None:
    detected = utf8._detector()
    named = _named()
    texts = [a + b for a in named for b in named]
    assert [detected(t) for t in texts] == [_reference(t) for t in texts]
    assert sum(map(bool, map(detected, texts))) > 1000


def test_triples_and_longer_runs() -> None:
    detected = utf8._detector()
    named, reps = _named(), _representatives()
    assert len(reps) > 5
    texts = [
        "".join(t)
        for ch in named
        for x, y in itertools.product(reps, repeat=2)
        for t in ((ch, x, y), (x, ch, y), (x, y, ch))
    ]
    texts += ["".join(t) for t in itertools.product(reps, repeat=4)]
    assert [detected(t) for t in texts] == [_reference(t) for t in texts]


@settings(max_examples=300)
@given(st.text(st.one_of(st.sampled_from(_named()), st.characters()), max_size=60))
def test_any_text(text: str) -> None:
    assert utf8._detector()(text) == _reference(text)


@pytest.mark.parametrize(
    "pattern",
    [
        r"(?<![x])(ab|c{2})+",
        r"(?<!\s)([ab]c|a.)+",
        r"(a?b|c)+",
        r"[ab]+",
        r"(?x) ( [a-c] \d{2} | \w x )+",
        r"(?<![^ ])(ab)+",
    ],
)
def test_small_repeated_patterns(pattern: str) -> None:
    compiled = re.compile(pattern)
    texts = ["", "ab", "abab", "xab", "cc", "ccc", "xcc", "ab cc", "a12b", "a1", "b12x", "zx"]
    texts += ["aab", "ab ab", " ab", "\nab", "abcab", "bab", "ac", "a\nb", "é x", "\ud800ab"]
    texts += [" ".join(texts), "".join(texts)]
    try:
        spans = _scan.compiled_spans(compiled)
        assert spans is not None
        assert [spans(t) for t in texts] == [_reference(t, compiled) for t in texts]
    finally:
        assert _scan.compiled_spans(UTF8_DETECTOR_RE) is cplausible.utf8_detected  # type: ignore[union-attr]
    assert utf8._detector()("Ã©") == [(0, 2)]


def test_shapes_the_reader_does_not_know() -> None:
    for pattern in (
        r"(a|b)*",
        r"(ab)+c",
        r"^(ab)+",
        r"(?<!ab)(c)+",
        r"(?<=a)(c)+",
        r"(a+)+",
        r"(ab){2,}",
        r"(?i:a)+",
        r"ab",
    ):
        assert _badness.repeated_program(re.compile(pattern)) is None, pattern
    assert _badness.repeated_program(re.compile("(a)+", re.IGNORECASE)) is None


def test_pure_python_switch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEXTFIX_PURE_PYTHON", "1")
    assert _scan.compiled_spans(UTF8_DETECTOR_RE) is None
    monkeypatch.setenv("TEXTFIX_PURE_PYTHON", "0")
    assert _scan.compiled_spans(UTF8_DETECTOR_RE) is cplausible.utf8_detected  # type: ignore[union-attr]


def test_alive_pages_agree() -> None:
    alive = utf8._alive_pages()
    assert alive is cplausible.alive_pages  # type: ignore[union-attr]
    masks = utf8._page_bytes()[0]
    texts = _lines() + list(masks) + [a + b for a in _representatives() for b in masks]
    texts += ["", "ascii", "\ud800", "\U0001f600é", "Ā", "ǅ"]
    found = [alive(text) for text in texts]
    assert found == [utf8._alive_pages_py(text) for text in texts]
    # No page, some pages, and every page (ASCII) all occur.
    assert {0, utf8._ALL_PAGES} <= set(found) and len(set(found)) > 10


@settings(max_examples=300)
@given(st.text(st.one_of(st.sampled_from(sorted(utf8._page_bytes()[0])), st.characters())))
def test_alive_pages_of_any_text(text: str) -> None:
    assert utf8._alive_pages()(text) == utf8._alive_pages_py(text)
