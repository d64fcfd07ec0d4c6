"""The compiled word checks of the no-repair proof and the one-call proof for one-line
documents give exactly the pure-Python answers.

``_cplausible.known_word``, ``changes_known_word`` and ``quick_document_line`` are optional:
these tests are skipped when the module is not built or ``TEXTFIX_PURE_PYTHON`` is set.
"""

from __future__ import annotations

import re

import pytest
from ftfy.badness import BADNESS_RE
from hypothesis import given, settings
from hypothesis import strategies as st

from garbling import garble
from realtext_po import django_lines
from textfix.repair import _scan, document, legacy, no_repair, plausible, utf8
from textfix.repair import line as line_module
from textfix.repair.gates import _mac_capitals, capital_behind_sign
from textfix.repair.lone_words import _lone_signs_py, lone_signs
from textfix.repair.quote_signs import _looks_quoted_py
from textfix.repair.reach import distinct_tables
from textfix.repair.stray_letters import LOOKED
from textfix.scoring.model import TOKEN_RE

cplausible = _scan.native()
pytestmark = pytest.mark.skipif(cplausible is None, reason="_cplausible is not built")

LANGS = ["fr", "de", "pl", "tr", "lt", "ru", "el", "gd", "tk", "sq", "ast", "is"]

#: Letters of several scripts, edge symbols, marks, spaces, and the odd characters text may
#: hold (lone surrogates, NUL, astral letters, ß and İ that fold to two characters).
_ALPHABET = st.one_of(
    st.characters(),
    st.sampled_from(list("aZé ÀßİøÐþıŞšŁ¤«»’“”–·µʼжЖяЯ\u0301\u00a0\x00\ud800\U0001d400")),
    st.sampled_from(list(legacy._EDGE)),
)


@pytest.fixture(scope="module", autouse=True)
def _tables_handed_over() -> None:
    plausible.plausible("é")  # hands the word tables to the compiled module
    assert no_repair._compiled_changes() is not None
    assert no_repair._known_test() is not no_repair._known


def _round_trips(line: str) -> list[tuple[str, str]]:
    """The line's core and each distinct single-byte round trip of it."""
    text_core = legacy.core(line)
    chars = "".join(sorted({ch for ch in text_core if ch > "\x7f"}))
    return [(text_core, text_core.translate(table)) for table in distinct_tables(chars)]


def test_changes_known_word_agrees_on_real_round_trips() -> None:
    pairs = [
        pair for lang in LANGS for line in django_lines(lang, 40) for pair in _round_trips(line)
    ]
    pairs = [(a, b) for a, b in pairs if len(a) == len(b)]
    compiled = [no_repair._changes_known_word(a, b) for a, b in pairs]
    assert compiled == [no_repair._changes_known_word_py(a, b) for a, b in pairs]
    # Both answers occur often, so the comparison can fail either way.
    assert 0.01 < sum(compiled) / len(compiled) < 0.99
    assert len(pairs) > 5000


def test_known_word_agrees_on_real_words() -> None:
    known = no_repair._known_test()
    words = {w for lang in LANGS for line in django_lines(lang, 40) for w in TOKEN_RE.findall(line)}
    words |= {
        b for lang in LANGS[:4] for line in django_lines(lang, 20) for _a, b in _round_trips(line)
    }
    answers = [known(w) for w in sorted(words)]
    assert answers == [no_repair._known(w) for w in sorted(words)]
    assert any(answers) and not all(answers)


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=40), st.text(_ALPHABET, max_size=40))
def test_changes_known_word_agrees_on_any_text(a: str, b: str) -> None:
    # Same length, spaces at the same places (a round trip moving no word boundary).
    b = b.ljust(len(a))[: len(a)]
    b = "".join(" " if x == " " else (y if y != " " else "x") for x, y in zip(a, b, strict=True))
    assert len(a) == len(b)
    assert no_repair._changes_known_word(a, b) == no_repair._changes_known_word_py(a, b)
    assert no_repair._known_test()(b) == no_repair._known(b)


@pytest.mark.parametrize(
    "pair",
    [
        ("Kuþ uçtu", "Kuş uçtu"),
        ("“hello”", "«hello»"),  # only the edges change: the stripped word is known
        ("a\ud800é x", "a\ud800ш x"),
        ("x\x00é\x00", "x\x00ш\x00"),
        ("é" * 100_000, "ш" * 100_000),
        ("Straße İstanbul", "Strasse İstanbul"),
    ],
)
def test_odd_pairs(pair: tuple[str, str]) -> None:
    a, b = pair
    if len(a) == len(b):
        assert no_repair._changes_known_word(a, b) == no_repair._changes_known_word_py(a, b)


def test_texts_of_other_lengths_are_refused() -> None:
    with pytest.raises(ValueError):
        cplausible.changes_known_word("ab", "abc", legacy._EDGE)  # type: ignore[union-attr]


def _quick_document_reference(text: str) -> int:
    """What ``_cplausible.quick_document_line`` computes, from the pure-Python parts."""
    line = text[:-1] if text.endswith("\r") else text
    if line.isascii():
        return document.PROVEN
    if not LOOKED.isdisjoint(line) or lone_signs(line) or _looks_quoted_py(line):
        return _unproven(line)
    if plausible._line_pages(line) != 0:
        return _unproven(line)
    if utf8.SHAPE.search(line) and BADNESS_RE.search(line):
        return _unproven(line)
    signs = "".join(map(re.escape, _mac_capitals()))
    return document.PROVEN if re.search(f"[{signs}][а-яё]", line) is None else document.ASK


def _unproven(line: str) -> int:
    """The answer for a line the quick proof fails: by what ``plausible`` tells of it."""
    pages = plausible._line_pages(line)
    if pages < 0:
        return document.IMPLAUSIBLE
    return document.PLAUSIBLE if pages == 0 else document.UNPROVEN


#: The answers that say the line's quick proof fails.
_FAILED = {document.IMPLAUSIBLE, document.PLAUSIBLE, document.UNPROVEN}


_LINE_ALPHABET = st.one_of(
    _ALPHABET,
    st.sampled_from(list("“”‘’„‚…–—•™›‹€‰†‡") + list("абвгдеёжзийклмнопрстуфхцчшщъыьэюяЯ")),
    st.sampled_from(["\r", "Ã", "©", "é", " ", "þ", "Ð"]),
)


def _document_lines() -> list[str]:
    lines = [line for lang in [*LANGS, "uk", "bg"] for line in django_lines(lang, 60)]
    # mac-cyrillic capitals shown as cp1251 signs, and real quotes before known words
    lines += ["“ровень 2", "„добре“ и «ровно»", "‚едь так", "ок “ровень”\r"]
    # and garbled lines: UTF-8 and single-byte mojibake
    garbled = [
        garble(line, true, shown)
        for line in lines[::5]
        for true, shown in [("utf-8", "cp1252"), ("cp1251", "latin-1"), ("cp1250", "cp1252")]
        if _garbles(line, true, shown)
    ]
    return lines + garbled + [line + "\r" for line in lines[:50] + garbled[:30]]


def _garbles(line: str, true: str, shown: str) -> bool:
    try:
        return garble(line, true, shown) != line
    except UnicodeError:
        return False


def _verdicts_prove(lines: list[str]) -> list[int]:
    """The compiled verdicts on ``lines``, after checking that each says what it claims:
    PROVEN lines are untouched; the others that say the quick proof fails are right about
    it and about ``plausible``, so that ``untouched_line`` gives the same answer told the
    verdict as not (each asked with an empty cache: the cache must not answer for the
    other)."""
    quick = document.quick_line_check()
    verdicts = [quick(line) for line in lines]
    proof = line_module.quick_proof()
    assert proof is not None
    told = {document.IMPLAUSIBLE: False, document.PLAUSIBLE: True}
    for text, verdict in zip(lines, verdicts, strict=True):
        line = text[:-1] if text.endswith("\r") else text
        assert (verdict in _FAILED) == (not proof(line))
        if verdict in told:
            assert plausible.plausible(line) is told[verdict]
        if verdict == document.PROVEN:
            assert not capital_behind_sign(text) and document.untouched_line(text)
    answers = []
    for answered in (verdicts, [document.ASK] * len(lines)):
        line_module._untouched_cached.cache_clear()
        answers.append(
            [
                document.untouched_line(t, fresh=True, verdict=v)
                for t, v in zip(lines, answered, strict=True)
            ]
        )
    assert answers[0] == answers[1]
    return verdicts


def test_quick_document_line_agrees_and_proves_untouched_lines() -> None:
    assert document.quick_line_check() is cplausible.quick_document_line  # type: ignore[union-attr]
    lines = _document_lines()
    verdicts = _verdicts_prove(lines)
    assert verdicts == [_quick_document_reference(line) for line in lines]
    assert set(verdicts) == {*_FAILED, document.ASK, document.PROVEN}
    proved = verdicts.count(document.PROVEN) / len(verdicts)
    assert 0.3 < proved < 1


@settings(max_examples=300, deadline=None)
@given(st.text(_LINE_ALPHABET, max_size=60))
def test_quick_document_line_agrees_on_any_text(text: str) -> None:
    assert _verdicts_prove([text]) == [_quick_document_reference(text)]


def _refusal_lines() -> list[str]:
    """Clean lines (some of languages the scorer does not model), their round trips, and
    lines of odd characters: the word-gate route says yes and no often."""
    lines = [
        line
        for lang in [*LANGS, "uk", "ig", "br", "lb", "fy", "kab", "hsb"]
        for line in django_lines(lang, 60)
    ]
    trips = [trip for line in lines[::7] for _core, trip in _round_trips(line)[:6]]
    odd = [
        "Efrîka Basur",
        "Dòllaru Ìsulas",
        "Œ\xa0«â\xa0",
        "x\x00é\x00",
        "a\ud800é x",
        "İstanbul ü",
    ]
    return lines + trips + odd + ["Straße " + "é" * 3000, "Ghą́ą́ʼaskʼidii Bikéyah"]


def _routes(line: str) -> tuple[object, object]:
    """The compiled and the pure-Python word route of ``line`` (masks as ints)."""
    text_core = legacy.core(line)
    for ch in line:
        no_repair._FLAGS[ch]
    route = no_repair._compiled_route()
    assert route is cplausible.word_route  # type: ignore[union-attr]
    found = route(line, text_core, no_repair._FLAGS)
    compiled = None
    if isinstance(found, tuple):
        compiled = (found[0], *map(no_repair._mask, found[1:]))
    return compiled, no_repair._word_route(line, text_core)


def test_word_route_agrees_on_real_lines_and_round_trips() -> None:
    lines = [line for line in _refusal_lines() if not no_repair.mojibake_shape(legacy.core(line))]
    pairs = [_routes(line) for line in lines]
    assert [a for a, _b in pairs] == [b for _a, b in pairs]
    routes = [b for _a, b in pairs if b is not None]
    assert 0.05 < len(routes) / len(lines) < 0.95  # well formed or not
    assert 0.05 < sum(1 for route in routes if route[0]) / len(routes) < 0.95
    assert any(route[1] for route in routes) and any(route[2] for route in routes)
    assert len(lines) > 500


@settings(max_examples=300, deadline=None)
@given(st.text(_LINE_ALPHABET, max_size=60))
def test_word_route_agrees_on_any_text(text: str) -> None:
    if not no_repair.mojibake_shape(legacy.core(text)):
        compiled, reference = _routes(text)
        assert compiled == reference


def _settled_by_route(line: str) -> bool:
    """Whether cannot_pass's common route (the compiled first pass, which the word gates
    refuse) settles ``line``, asked afresh (not from the route's cache)."""
    for cached in (no_repair._common_route, no_repair.opening, no_repair._round_trips):
        cached.cache_clear()
    return no_repair.cannot_pass(line, at_once=True)


def test_word_route_asks_for_missing_flags_and_takes_any_text() -> None:
    route = no_repair._compiled_route()
    assert route is not None
    # (no flags given for a character no step changes; those of the others came with the
    # tables)
    assert route("Efrîka → Basur", "Efrîka →", {}) is None
    assert isinstance(route("Efrîka Basur", "Efrîka", {}), tuple)
    assert _settled_by_route("Efrîka → Basur") and _settled_by_route("Efrîka Basur")
    t = plausible._tables()  # the word tables handed over again: the route's stay whole
    assert _scan.compiled_scan(t.inner, plausible.SIGNS, t.masks) is cplausible.scan  # type: ignore[union-attr]
    assert _settled_by_route("Efrîka Basur")
    for line in ("é" * 200_000, "Straße x\x00é\ud800 \U0001d400 İ ü"):
        compiled, reference = _routes(line)
        assert compiled == reference


def _shapes(line: str) -> tuple[int, int]:
    """The compiled and the pure-Python shaped steps of ``line``."""
    return no_repair.shaped_steps(line), no_repair.shaped_steps_py(line)


def test_shaped_steps_agree_on_real_garbled_and_odd_lines() -> None:
    from tests.test_cscore_cands import garbled_lines

    assert no_repair._compiled_shapes() is cplausible.shaped_steps  # type: ignore[union-attr]
    lines = _refusal_lines() + garbled_lines()
    pairs = [_shapes(line) for line in lines]
    assert [a for a, _b in pairs] == [b for _a, b in pairs]
    assert 0.05 < sum(1 for a, _b in pairs if a) / len(pairs) < 0.95  # shapes and none
    # (a character no step changes without its flags: None, then asked again)
    assert cplausible.shaped_steps("Efrîka → Basur", {}) is None  # type: ignore[union-attr]
    assert cplausible.shaped_steps("Efrîka Basur", {}) is not None  # type: ignore[union-attr]


@settings(max_examples=300, deadline=None)
@given(st.text(_LINE_ALPHABET, max_size=60))
def test_shaped_steps_agree_on_any_text(text: str) -> None:
    compiled, reference = _shapes(text)
    assert compiled == reference


def _some_steps(line: str) -> list[int]:
    """Step masks to restrict :func:`no_repair.shaped_steps` to: none, one step, the live
    steps of the line's core, every other step."""
    every = legacy._step_images().every
    live = legacy._live_steps(legacy.core(line))
    return [0, 1 << 7, live, every & int("01" * 80, 2), every]


@settings(max_examples=200, deadline=None)
@given(st.text(_LINE_ALPHABET, max_size=60))
def test_shaped_steps_of_some_steps_agree_on_any_text(text: str) -> None:
    whole = no_repair.shaped_steps_py(text)
    for steps in _some_steps(text):
        assert no_repair.shaped_steps(text, steps) == whole & steps


def test_shaped_steps_of_some_steps_agree_on_real_garbled_lines() -> None:
    from tests.test_cscore_cands import garbled_lines

    lines = _refusal_lines() + garbled_lines()
    done = 0
    for line in lines:
        whole = no_repair.shaped_steps_py(line)
        for steps in _some_steps(line):
            assert no_repair.shaped_steps(line, steps) == whole & steps, line
            done += whole & steps != 0
    assert done > len(lines) // 2  # (most of them shape some of the steps asked)


def test_cannot_pass_is_the_same_with_and_without_the_compiled_route(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = [line for line in _refusal_lines() if len(line) < 500]
    compiled = [no_repair.cannot_pass(line, fresh) for line in lines for fresh in (False, True)]
    monkeypatch.setattr(no_repair, "_route", lambda _text, _core: None)  # the steps in Python
    remembered = (no_repair._common_route, no_repair.opening, no_repair._round_trips)
    for cached in remembered:
        cached.cache_clear()
    try:
        assert compiled == [
            no_repair.cannot_pass(line, fresh) for line in lines for fresh in (False, True)
        ]
    finally:
        for cached in remembered:
            cached.cache_clear()
    assert any(compiled) and not all(compiled)


def test_known_votes_agree_on_real_lines() -> None:
    lines = [line for lang in LANGS for line in django_lines(lang, 60)]
    lines += [legacy.core(line) for line in lines] + _refusal_lines()
    lines = [line for line in lines if not no_repair._may_not_be_prose(line)]
    for need in (1, 2, 3):
        compiled = [cplausible.known_votes(line, 3, need) for line in lines]  # type: ignore[union-attr]
        assert compiled == [_votes_reference(line, 3, need) for line in lines]
        assert 0.05 < sum(compiled) / len(compiled) < 0.95  # both answers, often
    assert len(lines) > 500


def _votes_reference(text: str, letters: int, need: int) -> bool:
    known = no_repair._known_test()
    words = [word for word in TOKEN_RE.findall(text) if len(word) >= letters]
    return sum(map(known, words)) >= need


@settings(max_examples=300, deadline=None)
@given(st.text(_ALPHABET, max_size=80), st.integers(1, 5), st.integers(0, 3))
def test_known_votes_agree_on_any_text(text: str, letters: int, need: int) -> None:
    votes = cplausible.known_votes(text, letters, need)  # type: ignore[union-attr]
    assert votes == _votes_reference(text, letters, need)
    if letters == 3 and need == 2:
        assert votes == no_repair._may_name_language_py(text)


def test_may_name_language_blanks_placeholders_and_takes_any_text() -> None:
    # ("count" and "items" are English words: blanked out, they do not vote)
    assert not no_repair._may_name_language("%(count)s %(items)s déjà")
    assert no_repair._may_name_language_py("%(count)s %(items)s déjà".replace("%", " "))
    huge = "Išsaugokite juos " * 100_000 + "\x00\ud800\U0001d400"
    assert no_repair._may_name_language(huge) == no_repair._may_name_language_py(huge)


def _facts_after_the_check(checked: str, asked: str) -> tuple[bool, bool, int]:
    """lone_signs, looks_quoted and line_pages of ``asked`` right after
    ``quick_document_line(checked)`` (the engine's front asks them of the same object)."""
    c = cplausible
    assert c is not None
    assert document.quick_line_check() is c.quick_document_line  # (its tables handed over)
    c.quick_document_line(checked)
    return c.lone_signs(asked), c.looks_quoted(asked), c.line_pages(asked)


@settings(max_examples=300, deadline=None)
@given(st.text(_LINE_ALPHABET, max_size=60), st.sampled_from(["", "\r"]), st.text(_LINE_ALPHABET))
def test_facts_handed_on_by_the_document_check_are_the_lines_own(
    text: str, end: str, other: str
) -> None:
    # quick_document_line keeps what it found of the line for the next calls on that object:
    # the answers must be those of the line itself, and of no other line (nor of a copy).
    line = text + end
    for asked in (line, other, "".join(list(line))):
        assert _facts_after_the_check(line, asked) == (
            _lone_signs_py(asked),
            _looks_quoted_py(asked),
            plausible._line_pages(asked),
        )
