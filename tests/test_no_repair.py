"""The cheap proof that no single-byte repair passes the gates: it must never skip a line the
engine repairs (in any document context), its per-step shape masks must only name round
trips that really have a shape, and it must settle the clean lines it was built for."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import textfix
from realtext_po import django_lines
from textfix.chains import single_byte_steps
from textfix.options import DEFAULT_MIN_CONFIDENCE, FixOptions
from textfix.repair import legacy, no_repair
from textfix.repair.base import DocumentContext
from textfix.repair.document import find_in_document
from textfix.repair.line import untouched
from textfix.repair.line_language import _named_model, foreign_to_line
from textfix.repair.no_repair import _may_name_language, _same_rewrite, cannot_pass, shaped_steps
from textfix.scoring.model import mojibake_shape

#: Languages the scorer does not model (or barely), whose clean lines reach the engine,
#: and languages it models, whose lines garble into the engine's best cases.
#: A caller asking more than the default confidence: ``untouched`` asks the proof for it.
ABOVE_DEFAULT = DEFAULT_MIN_CONFIDENCE + 0.2
LANGS = ["gd", "ig", "tk", "sq", "br", "ast", "kab", "fr", "de", "pl", "tr", "ru", "lt", "lv", "sl"]
#: Chains that garble those lines (true encoding, shown as).
GARBLINGS = [
    ("cp1252", "cp850"),
    ("cp1250", "cp1252"),
    ("cp1254", "cp1252"),
    ("cp1257", "cp1252"),
    ("cp1251", "latin-1"),
    ("koi8-r", "cp1251"),
    ("cp775", "cp1252"),
    ("cp1250", "mac-roman"),
]


def _every_chain_seen() -> DocumentContext:
    """A context in which every single-byte chain was already shown: the gates' bars are
    lowered for whichever candidate wins."""
    return DocumentContext(prior=Counter({(step,): 1 for step, _table in single_byte_steps()}))


def _texts(lang: str) -> list[str]:
    out = []
    for line in django_lines(lang, 60):
        out.append(line)
        for true, shown in GARBLINGS:
            try:
                out.append(line.encode(true).decode(shown))
            except UnicodeError:
                continue
    return out


def _assert_engine_fails(text: str) -> None:
    for context in (DocumentContext(), _every_chain_seen()):
        step = legacy.repair(text, context)
        assert step is None or step.confidence <= legacy.FAILED_CONFIDENCE, (text, step)


@pytest.mark.parametrize("lang", LANGS)
def test_settled_lines_get_no_confident_repair(lang: str) -> None:
    """Clean and garbled lines alike: a line the proof settles gets no step above a failed
    one's confidence, whatever the context."""
    for text in _texts(lang):
        if cannot_pass(text):
            _assert_engine_fails(text)


def _shaped_steps_are_shaped(text: str) -> int:
    """Check every live step :func:`shaped_steps` names; return how many were checked."""
    text_core = legacy.core(text)
    live = legacy._live_steps(set(text_core))
    checked = 0
    for j in legacy.bit_indices(shaped_steps(text) & live):
        cand = text.translate(single_byte_steps()[j][1])
        assert mojibake_shape(legacy.core(cand)), (text, single_byte_steps()[j][0])
        checked += 1
    return checked


def test_shaped_steps_name_shaped_round_trips_on_real_lines() -> None:
    checked = sum(_shaped_steps_are_shaped(text) for lang in LANGS for text in _texts(lang)[:80])
    assert checked > 1000


#: Characters the display code pages hold and their neighbours: letters of several scripts,
#: symbols, marks, spaces.
_ALPHABET = st.sampled_from(
    list("aZé ÀßøÐþıŞšŁ¤¦¬¯¸±·«»’“”–ΣεжЖяЯ╗▒│µ¹²³¼ªºˆˇ\u0301\u00a0\u05d0\u0e01,.-'")
)


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, min_size=1, max_size=12))
def test_shaped_steps_name_shaped_round_trips(text: str) -> None:
    _shaped_steps_are_shaped(text)


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, min_size=1, max_size=12))
def test_settled_text_gets_no_confident_repair(text: str) -> None:
    if cannot_pass(text):
        _assert_engine_fails(text)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises(text: str) -> None:
    assert cannot_pass(text) in (True, False)
    assert shaped_steps(text) >= 0


@pytest.mark.parametrize(
    "text",
    ["a\ud800é", "Ţ\ud800ara", "x\x00é\x00", "Kuþ \U0001f600 uçtu", "é" * 100_000, "\ud83dÃ©"],
)
def test_odd_text(text: str) -> None:
    """Lone surrogates, NUL, astral characters, huge lines: an answer, never an error, and
    a settled line is one the engine cannot repair."""
    if cannot_pass(text):
        _assert_engine_fails(text)


@pytest.mark.parametrize(
    "line",
    [
        "Wóndii Dineʼé Bikéyah",  # Navajo: no round trip gives a known word
        "Giravên Pasîfîk ên Curbecur",  # Kurmanji
        "Ацы фарсы документаци",  # Chechen: every candidate is garbled or no word
        "Soomáálii Bikéyah",  # a UTF-8 shape ftfy leaves alone
        "Bitsiighaʼ Łichííʼí Bikéyah",  # the round trips left gain too little
        "Pikë",  # "Pikē" (cp775) gains too little for its few known letters, and swaps no word
        "Bidh an t-àm seo a thìde air falbh",  # four round trips make known words; none passes
        "la casa di Unît e della famiglia",  # foreign to Italian, but no round trip mends it
    ],
)
def test_settles_clean_lines_of_unmodelled_languages(line: str) -> None:
    assert cannot_pass(line)
    assert untouched(line, ABOVE_DEFAULT)
    assert not untouched(line, legacy.FAILED_CONFIDENCE)  # such callers see the engine's step
    assert not untouched(line, DEFAULT_MIN_CONFIDENCE)  # nor the default's: the proof costs
    _assert_engine_fails(line)


def test_lines_foreign_to_their_language_need_no_mending_round_trip() -> None:
    settled = "la casa di Unît e della famiglia"
    assert foreign_to_line(settled) and not _mends_line(settled)
    mended = "Ýþ akýþýnýza görev ekleyin"  # Turkish "İş akışınıza": the line's words mend it
    assert foreign_to_line(mended) and _mends_line(mended)
    assert not cannot_pass(mended)


def _mends_line(text: str) -> bool:
    text_core = legacy.core(text)
    counts = Counter(ch for ch in text_core if ch > "\x7f")
    return no_repair._mends(text, text_core, counts, legacy._live_steps(counts))


@pytest.mark.parametrize("line", ["Ene mêye åbe", "Li mêye ecwåtoriåle"])
def test_fresh_context_settles_round_trips_gaining_too_little_without_relief(line: str) -> None:
    """A round trip gaining between MIN_GAIN less the relief and MIN_GAIN passes only in a
    document that showed its chain: settled for a one-line call, not for any context."""
    assert not cannot_pass(line) and not untouched(line, ABOVE_DEFAULT)
    assert cannot_pass(line, fresh=True) and untouched(line, ABOVE_DEFAULT, fresh=True)
    step = legacy.repair(line, DocumentContext())
    assert step is None or step.confidence <= legacy.FAILED_CONFIDENCE
    assert textfix.fix(line) == line
    assert textfix.fix_and_explain(line).repairs == []
    assert find_in_document(line, FixOptions(min_confidence=ABOVE_DEFAULT)) == []


@pytest.mark.parametrize("line", ["Cuir a-steach facal-faire ùir", "Feuch am facal ùir"])
def test_fresh_context_settles_well_formed_lines_on_their_words(
    line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "ùir" -> "óir" (mac-latin2) makes a known word but too few letters, too little gain
    and too few known words in the line for the gate on a well-formed line's words."""
    assert not cannot_pass(line) and cannot_pass(line, fresh=True)
    _fresh_settled_get_no_confident_repair(line)
    monkeypatch.setattr(no_repair, "_may_pass_on_words", lambda *args: True)
    _forget_verdicts()  # (remembered per line: asked again under the new gate)
    try:
        assert not cannot_pass(line, fresh=True)
    finally:
        _forget_verdicts()


def _fresh_settled_get_no_confident_repair(text: str) -> None:
    if cannot_pass(text, fresh=True):
        step = legacy.repair(text, DocumentContext())
        assert step is None or step.confidence <= legacy.FAILED_CONFIDENCE, (text, step)


@pytest.mark.parametrize("lang", LANGS)
def test_fresh_settled_lines_get_no_confident_repair_in_a_fresh_context(lang: str) -> None:
    for text in _texts(lang):
        _fresh_settled_get_no_confident_repair(text)


@settings(max_examples=200, deadline=None)
@given(st.text(_ALPHABET, min_size=1, max_size=12))
def test_fresh_settled_text_gets_no_confident_repair(text: str) -> None:
    _fresh_settled_get_no_confident_repair(text)


def test_word_swaps_need_a_first_choice_code_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """ "Pikë" is settled because its one round trip left (cp775) is no first choice of its
    family: were every code page one, a word swap could pass."""
    assert cannot_pass("Pikë")
    monkeypatch.setattr(no_repair, "_first_choices", lambda: legacy._step_images().every)
    _forget_verdicts()
    try:
        assert not cannot_pass("Pikë")
    finally:
        _forget_verdicts()


def _forget_verdicts() -> None:
    """Empty the proof's caches of per-line verdicts (asked again under a patched gate)."""
    for cached in (no_repair._common_route, no_repair.opening, no_repair._round_trips):
        cached.cache_clear()


def test_more_round_trips_left_for_well_formed_lines(monkeypatch: pytest.MonkeyPatch) -> None:
    line = "Bidh an t-àm seo a thìde air falbh"
    monkeypatch.setattr(no_repair, "MAX_LEFT_WORDS", no_repair.MAX_LEFT)
    # (the common route's word gates are remembered per line: asked again under the new
    # bound, and forgotten after)
    _forget_verdicts()
    try:
        assert not cannot_pass(line)
    finally:
        _forget_verdicts()


def _check_names(text: str) -> None:
    if _named_model(text) is not None:
        assert _may_name_language(text), text


def test_may_name_language_where_a_language_is_named() -> None:
    """``False`` is certain: every line whose words name a language passes it."""
    texts = [text for lang in LANGS for text in _texts(lang)]
    named = sum(_named_model(text) is not None for text in texts)
    assert named > 200
    for text in texts:
        _check_names(text)
    assert not _may_name_language("Efrîka Basur %(count)s <b>Basur</b>")


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "saugioje",
                "vietoje",
                "juos",
                "déjà",
                "Iðsaugokite",
                "Kuþ",
                "%(x)s",
                "<a>",
                "raktø",
                "xyzzy",
                "ok",
                "ñ",
            ]
        ),
        max_size=6,
    )
)
def test_may_name_language_on_word_mixes(words: list[str]) -> None:
    _check_names(" ".join(words))


@settings(max_examples=300, deadline=None)
@given(
    st.sets(st.sampled_from(sorted(legacy._step_images().images)), min_size=1, max_size=4),
    st.integers(0, len(single_byte_steps()) - 1),
)
def test_same_rewrite_names_the_steps_giving_the_same_text(chars: set[str], j: int) -> None:
    text = "".join(sorted(chars))
    same = _same_rewrite(list(text), j)
    tables = single_byte_steps()
    image = text.translate(tables[j][1])
    for k, (_step, table) in enumerate(tables):
        assert bool(same >> k & 1) == (text.translate(table) == image)


@pytest.mark.parametrize(
    "line",
    [
        "Öåé òåêñò òàêîæ äîñòóïíèé óêðà¿íñüêîþ",  # cp1251 shown as latin-1
        "Acil týp teknisyeni",  # a thin repair backed by known words
        "Kuþ uçtu",
        "³adny dzieñ",
        "Ã©tÃ©",  # a whole-line UTF-8 round trip
    ],
)
def test_leaves_repairable_lines_to_the_engine(line: str) -> None:
    assert not cannot_pass(line)


def _shaped_steps_of_every_pair(text: str) -> int:
    """:func:`shaped_steps` read from every overlapping pair with a non-ASCII character, as
    written (no ASCII classes), the way it was first written."""
    pairs = set(re.findall(r"(?=([^\x00-\x7f].|.[^\x00-\x7f]))", text, re.S))
    found = 0
    for pair in pairs:
        found |= no_repair._pair_shapes(pair)
    traits = no_repair._TRAITS
    for i, ch in enumerate(text):
        if ch > "\x7f":
            found |= traits[ch].rare
            if 0 < i < len(text) - 1:
                found |= traits[text[i - 1]].letter & traits[ch].glued & traits[text[i + 1]].letter
    return found


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=16) | st.text(max_size=16))
def test_shaped_steps_read_every_pair(text: str) -> None:
    assert shaped_steps(text) == _shaped_steps_of_every_pair(text)


def test_shaped_steps_read_every_pair_of_real_lines() -> None:
    for text in [text for lang in LANGS for text in _texts(lang)[:40]]:
        assert shaped_steps(text) == _shaped_steps_of_every_pair(text), text


def test_ascii_classes_change_no_shape_mask(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pairs are looked up with ASCII characters as their class's first member: the masks
    are those of the pairs as written."""
    texts = [text for lang in LANGS for text in _texts(lang)[:60]]
    texts += ["a\ud800é", "x\x00é\x00", "Kuþ \U0001f600 uçtu", "l·l 3·4 A·b", "Ð1é_Q-ñ\tß"]
    canon = [shaped_steps(text) for text in texts]
    monkeypatch.setattr(no_repair, "_ascii_classes", dict)
    assert [shaped_steps(text) for text in texts] == canon
    assert sum(map(bool, canon)) > len(texts) // 4


def _thin_steps_one_by_one(counts: Counter[str]) -> int:
    """The reference of :func:`no_repair._thin_steps`: each character counted one at a time
    (a saturating count of at most ``THIN + 1`` per step)."""
    seen = no_repair._step_images()
    at_least = [0] * (legacy.THIN + 1)
    for ch, n in counts.items():
        mask = seen.changes.get(ch, 0)
        for _ in range(n):
            for k in range(legacy.THIN, 0, -1):
                at_least[k] |= at_least[k - 1] & mask
            at_least[0] |= mask
    return seen.every & ~at_least[legacy.THIN]


_CHANGED = sorted(no_repair._step_images().changes)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([*_CHANGED[:40], *_CHANGED[-40:], "a", "é", "ж"]), max_size=12))
def test_thin_steps_counts_all_copies_of_a_character_at_once(chars: list[str]) -> None:
    counts = Counter(chars)
    assert no_repair._thin_steps(counts) == _thin_steps_one_by_one(counts)


def test_thin_steps_tells_thin_changes_from_more() -> None:
    ch = next(c for c in _CHANGED if no_repair._step_images().changes[c])
    steps = no_repair._step_images().changes[ch]
    assert no_repair._thin_steps(Counter({ch: legacy.THIN})) & steps == steps
    assert not no_repair._thin_steps(Counter({ch: legacy.THIN + 1})) & steps
