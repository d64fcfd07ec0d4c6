"""``repair.tokens.tokens`` is ``TOKEN_RE.findall`` and ``token_spans`` the spans of its
``finditer``, compiled or not.

Runs in both modes: with ``_cplausible`` built it must take the compiled tokenizer (once the
plausibility tables are handed over), with ``TEXTFIX_PURE_PYTHON`` set the pattern itself.
"""

from __future__ import annotations

import contextlib

from hypothesis import given, settings
from hypothesis import strategies as st

from realdata import non_ascii_lines
from textfix.repair import _scan, plausible
from textfix.repair.tokens import _span_finder, _spans, _token_finder, token_spans, tokens
from textfix.scoring.model import TOKEN_RE

#: Letters of many scripts, digits that are no decimals, marks, "_", astral letters, the
#: code pages' signs.
_ALPHABET = st.one_of(
    st.characters(),
    st.sampled_from(list("éàçñßİıςΣ²ⁿ½_·’¡©°ºª€№§×±¤\u0301\u0307\x00\ud800\U0001d400 \n")),
    st.sampled_from(list("абвгдеёжзийЁЖЩÐÑÃÂâ€™Å¼Ä…Ã³ðþÿ")),
)


def test_the_compiled_tokenizer_is_taken_when_built() -> None:
    native = _scan.native()
    compiled = native is not None and plausible._words_test() is not plausible._words_pass
    assert (_token_finder() is getattr(native, "tokens", None)) == compiled
    assert (_token_finder() == TOKEN_RE.findall) != compiled
    assert (_span_finder() is getattr(native, "token_spans", None)) == compiled
    assert (_span_finder() is _spans) != compiled


def test_tokens_match_the_pattern_on_real_and_garbled_lines() -> None:
    lines = list(non_ascii_lines())
    for line in list(lines):
        for true, shown in (("cp1251", "latin-1"), ("cp1250", "cp1252"), ("utf-8", "cp1252")):
            with contextlib.suppress(UnicodeError):
                lines.append(line.encode(true).decode(shown))
    found = [tokens(line) for line in lines]
    assert found == [TOKEN_RE.findall(line) for line in lines]
    assert sum(map(len, found)) > len(lines)  # (words were found: the test can fail)
    assert [token_spans(line) for line in lines] == [
        [m.span() for m in TOKEN_RE.finditer(line)] for line in lines
    ]


@settings(max_examples=300)
@given(st.text(_ALPHABET, max_size=80))
def test_tokens_match_the_pattern_on_any_text(text: str) -> None:
    assert tokens(text) == TOKEN_RE.findall(text)
    assert token_spans(text) == [m.span() for m in TOKEN_RE.finditer(text)]
