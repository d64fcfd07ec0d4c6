"""The compiled thin route of the no-repair proof (``_cplausible.thin_route``) gives
exactly what its Python twin (``no_repair._thin_route_py``) gives: the alive, thin and
spacing steps of a line whose core has no shape. Skipped without the compiled module."""

from __future__ import annotations

from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.test_no_repair_native import _LINE_ALPHABET, _refusal_lines

from textfix.repair import _scan, legacy, no_repair, plausible

cplausible = _scan.native()
pytestmark = pytest.mark.skipif(cplausible is None, reason="_cplausible is not built")


def _both(line: str) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    text_core = legacy.core(line)
    counts = Counter(no_repair._NON_ASCII.findall(text_core))
    return no_repair._thin_route(line, text_core, counts), no_repair._thin_route_py(line, counts)


def test_thin_route_agrees_on_real_garbled_and_odd_lines() -> None:
    from tests.test_cscore_cands import garbled_lines

    plausible.plausible("é")  # (hands the word tables over)
    assert no_repair._compiled_thin() is cplausible.thin_route  # type: ignore[union-attr]
    lines = _refusal_lines() + garbled_lines()
    pairs = [_both(line) for line in lines]
    assert [a for a, _b in pairs] == [b for _a, b in pairs]
    # (lines with alive steps and without, thin steps, and steps making a space)
    assert 0.05 < sum(1 for a, _b in pairs if a[0]) / len(pairs) < 0.99
    assert any(a[1] for a, _b in pairs) and any(a[2] for a, _b in pairs)
    # (a character no step changes without its flags: None, then asked again)
    assert cplausible.thin_route("Efrîka → Basur", "Efrîka →", {}, legacy.THIN) is None  # type: ignore[union-attr]
    assert cplausible.thin_route("Efrîka Basur", "Efrîka", {}, legacy.THIN) is not None  # type: ignore[union-attr]
    with pytest.raises(ValueError):
        cplausible.thin_route("Efrîka Basur", "Efrîka", {}, 99)  # type: ignore[union-attr]


@settings(max_examples=300, deadline=None)
@given(st.text(_LINE_ALPHABET, max_size=60))
def test_thin_route_agrees_on_any_text(text: str) -> None:
    compiled, reference = _both(text)
    assert compiled == reference


def test_thin_route_counts_every_copy_of_a_character() -> None:
    # (the steps changing "é": none is thin with three copies of it, each with two)
    changes = legacy._step_images().changes["é"]
    assert _both("ééé x")[0][1] & changes == 0
    assert _both("éé x")[0][1] & changes == changes


def test_untouched_says_no_at_once_where_the_opening_refuses() -> None:
    # (line._untouched answers False past an opening that REFUSED a line the proof examines,
    # not typed in Unicode: cannot_pass fails there too, and it is the only route to True)
    from tests.test_cscore_cands import garbled_lines

    from textfix.repair import line as line_module
    from textfix.repair.plausible import typed_in_unicode

    refused = [
        text
        for text in _refusal_lines() + garbled_lines()
        if no_repair.opening(text) == no_repair.REFUSED
        and no_repair.examines(text)
        and not typed_in_unicode(text)
    ]
    assert len(refused) >= 3
    for text in refused:
        assert not no_repair.cannot_pass(text)
        assert not line_module._untouched(text, 0.5)
