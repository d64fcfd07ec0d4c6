"""ftfy's UTF-8 chains, explained (``textfix.repair.utf8.repair``): the chain names every
round of a layered repair from the text as it stood before that round, and a line asked
twice (the line layer asks what ``line.untouched`` asked) gets the same answer."""

from __future__ import annotations

import pytest
from benchmarks.devset import garble
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import non_ascii_lines

from textfix.repair import utf8
from textfix.repair.base import DocumentContext


@pytest.mark.parametrize(
    ("text", "fixed", "chain"),
    [
        ("cafÃ© crÃ¨me", "café crème", (("utf-8", "cp1252"),)),
        # two rounds: each named from the text between them
        ("cafÃƒÂ© crÃƒÂ¨me", "café crème", (("utf-8", "cp1252"), ("utf-8", "cp1252"))),
        ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€", "привет мир", (("utf-8", "cp1252"),)),
        # C1 controls only latin-1 holds: named latin-1, not cp1252
        ("Ð¿Ñ\x80Ð¸Ð²ÐµÑ\x82", "привет", (("utf-8", "iso8859-1"),)),
    ],
)
def test_chains_name_every_round(text: str, fixed: str, chain: tuple[tuple[str, str]]) -> None:
    step = utf8.repair(text, DocumentContext())
    assert step is not None
    assert (step.text, step.chain) == (fixed, chain)


def test_layered_real_lines_come_back_with_a_step_per_layer() -> None:
    checked = 0
    for line in non_ascii_lines()[::7]:
        for chain in ((("utf-8", "cp1252"),) * 2, (("utf-8", "cp1252"), ("utf-8", "iso8859-1"))):
            garbled = garble(line, chain)
            if garbled is None or garbled == line:
                continue
            step = utf8.repair(garbled, DocumentContext())
            if step is None or step.text != line:
                continue  # (ftfy's heuristics decline some lines: not what this tests)
            assert len(step.chain) == 2, (garbled, step)
            assert all(true == "utf-8" for true, _shown in step.chain)
            checked += 1
    assert checked > 100


def test_a_line_asked_twice_gets_the_same_answer() -> None:
    lines = [garble(line, (("utf-8", "cp1252"),)) or line for line in non_ascii_lines()[:200]]
    first = [utf8.repair(line, DocumentContext()) for line in lines]
    again = [utf8.repair(line, DocumentContext()) for line in lines]
    utf8._repair.cache_clear()
    fresh = [utf8.repair(line, DocumentContext()) for line in lines]
    assert first == again == fresh
    assert sum(step is not None for step in fresh) > 100


def test_long_lines_are_repaired_uncached() -> None:
    text = "cafÃ© " * (utf8.CACHED_LENGTH // 5)
    utf8._repair.cache_clear()
    step = utf8.repair(text, DocumentContext())
    assert step is not None and step.text == "café " * (utf8.CACHED_LENGTH // 5)
    assert utf8._repair.cache_info().currsize == 0


#: Chains whose garbled lines ftfy flags and mostly cannot decode (what _ftfy_left_py
#: settles), and UTF-8 ones it decodes (what it must leave to _fix_encoding).
_LEAVES_CHAINS = (
    (("cp1251", "iso8859-1"),),
    (("cp1251", "cp437"),),
    (("cp1250", "cp1252"),),
    (("cp1250", "iso8859-1"),),
    (("cp1253", "mac-roman"),),
    (("koi8-r", "cp1252"),),
    (("utf-8", "cp1252"),),
    (("utf-8", "cp437"),),
    (("utf-8", "iso8859-2"),),
    (("utf-8", "cp1251"),),
)


def ftfy_answer(text: str) -> tuple[str, list[tuple[str, str]]]:
    fixed, plan = utf8.ftfy.fix_encoding_and_explain(text, utf8._CONFIG)
    return fixed, [(op, arg) for op, arg in plan or ()]


def assert_answers_like_ftfy(text: str) -> bool:
    """:func:`utf8._fix_encoding` gives ftfy's answer, and where the quick test says ftfy
    leaves the line, it does; whether it said so."""
    expected = ftfy_answer(text)
    assert utf8._fix_encoding(text) == expected, text
    left = utf8._ftfy_left_py(text)
    assert not left or expected[0] == text or not expected[1], text
    return left


def test_ftfy_leaves_only_what_ftfy_leaves() -> None:
    # Garbled real lines and byte soups (lead bytes before spaces, "?" and 0x1A, C1
    # controls, CESU-8's 0xED): where the quick test says ftfy leaves a line, ftfy does,
    # and ftfy's steps, taken here, answer as ftfy.
    lines = [
        garble(line, _LEAVES_CHAINS[i % len(_LEAVES_CHAINS)]) or line
        for i, line in enumerate(non_ascii_lines())
    ]
    lines += non_ascii_lines()  # (clean)
    soups = [b"\xc3 x\xe9", b"\xc3?", b"\xed\xa0\x80\xed\xb0\x80", b"\xc0\x80a", b"a\xc8\xec\x1a"]
    # C1 controls cp1252 lacks (left by ftfy's C1 fix) or has, and a last character alone
    soups += [b"Akt\x81er \xe9", b"Dolar\x8d", b"\x8f\xf7\xa4 \x9d", b"x\x80\x8d\xe9", b"A \xc3"]
    soups += [
        bytes([0x41, lead, follow, 0xE9])
        for lead in range(0xC0, 0x100, 3)
        for follow in (0x20, 0x3F, 0x85, 0xA9, 0xEC)
    ]
    for soup in soups:
        for page in ("iso8859-1", "cp437", "mac-roman", "cp1251"):
            lines.append(soup.decode(page, errors="replace"))
    held = sum(assert_answers_like_ftfy(line) for line in lines)
    assert held > 100
    assert not utf8._ftfy_left_py("Ð¿Ñ€Ð¸Ð²ÐµÑ‚") and not utf8._ftfy_left_py("naÃ¯ve Ã ")


#: Characters whose bytes ftfy's code pages read as lead and continuation bytes, spaces,
#: "?" and C1 controls: text drawn from them hits every branch of ftfy's encoding repair.
_SOUP = st.text(
    st.sampled_from("a ?\x81\x8d\x9d\x80\x85\xa0ÃÂÅÎÐÙâãðíìÇÈ©¢ª¬µ¿ÿ€‹ž—Ì˘‡éèàä\u0432\u2500"),
    max_size=8,
)


@settings(max_examples=400, deadline=None)
@given(_SOUP)
def test_ftfy_leaves_what_it_settles(text: str) -> None:
    assert_answers_like_ftfy(text)


def test_pages_where_utf8_may_start_are_those_the_byte_test_leaves() -> None:
    masks = utf8._page_bytes()[0]
    leads = sorted(masks)
    afters = [*leads, *map(chr, range(0x20, 0x80)), "\x1a", "\t"]
    tried = 0
    for lead in leads:
        for after in afters[:: 1 + leads.index(lead) % 5]:  # (every pair would take seconds)
            alive = masks[lead] & masks.get(after, utf8._ALL_PAGES)
            for pages in (alive, alive & 0x5555):
                fast = utf8._may_start_utf8(lead, after, pages)
                assert fast == utf8._may_start_utf8_py(lead, after, pages), (lead, after)
                tried += fast != 0
    assert tried > 1000


def test_whole_line_check_answers_like_its_round_trips() -> None:
    # The two lookups before the round trips rule out only lines the round trips would
    # (real lines garbled through single-byte and UTF-8 chains, and byte soups of every
    # lead byte followed by a continuation, a space, "?" or an ASCII letter).
    lines = [
        garble(line, _LEAVES_CHAINS[i % len(_LEAVES_CHAINS)]) or line
        for i, line in enumerate(non_ascii_lines())
    ]
    for lead in range(0x80, 0x100):
        for follow in (0x20, 0x3F, 0x61, 0x85, 0x9D, 0xA9, 0xBF, 0xC0, 0xEC):
            soup = bytes([0x41, lead, follow, 0x20, 0xC3, 0xA9, 0xE2, 0x82, 0xAC])
            for page in ("iso8859-1", "cp1252", "cp437", "cp1251"):
                lines.append(soup.decode(page, errors="replace"))
    decoded = 0
    for line in lines:
        step = utf8._whole_line_utf8(line)
        assert step == utf8._decoded_whole(line), line
        decoded += step is not None
    assert decoded > 50  # (the lookups let the decodable lines through)
