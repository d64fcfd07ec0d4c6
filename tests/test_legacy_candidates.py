"""candidates() with ``needs_words`` looks up known words only for the pool entries it can
choose: the same entries are chosen as when every entry is filtered first."""

from __future__ import annotations

from benchmarks.devset import garble
from tests.realdata import non_ascii_lines

from textfix.chains import single_byte_steps
from textfix.repair.legacy import (
    QUICK_POOL,
    _cand_core,
    _Entry,
    _has_known_words,
    _pool,
    _with_known_words,
    core,
)


def _chosen(pool: list[_Entry]) -> set[tuple[int, int, str, object]]:
    """The entries candidates() gives the quick score (as in its body)."""
    if not pool:
        return set()
    least = pool[0][0]
    chosen = [p for p in pool[:QUICK_POOL] if p[0] <= least + 1]
    chosen += [p for p in pool if p[3][0][0][0] == "utf-8"]
    return {(p[0], p[1], str(p[2]), p[3]) for p in chosen}


def _filtered(text_core: str, pool: list[_Entry]) -> list[_Entry]:
    """Every entry filtered, as candidates() did before the lazy filter."""
    out: list[_Entry] = []
    for p in pool:
        cand_core = _cand_core(text_core, p)
        if len(cand_core) != len(text_core) or _has_known_words(text_core, cand_core):
            out.append((p[0], p[1], cand_core, p[3]))
    return out


def test_lazy_known_word_filter_chooses_the_same() -> None:
    steps = [chain for chain, _table in single_byte_steps()][::5]
    lines = list(non_ascii_lines()[::4])
    garbled = [garble(line, (steps[i % len(steps)],)) for i, line in enumerate(lines)]
    texts = lines + [g for g in garbled if g is not None]
    looked = 0
    for text in texts:
        text_core = core(text)
        pool = sorted(_pool(text, text_core))
        expected = _chosen(_filtered(text_core, pool))
        assert _chosen(_with_known_words(text_core, pool)) == expected, text
        looked += bool(expected)
    assert looked > 100
