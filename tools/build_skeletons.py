"""Build ``src/textfix/scoring/data/reach.bloom`` from the word lists of ``words.idx``.

Run ``python tools/build_skeletons.py`` after ``tools/build_langdata.py`` (same inputs:
wordfreq, Debian's hunspell dictionaries, Babel's CLDR data). The word lists are gathered
with ``build_langdata``'s own functions and settings; the tool checks that they are exactly
the words of the shipped ``words.idx`` (same count, every word found) and refuses to write
otherwise. The filter holds each word and its skeletons (see ``textfix.repair.reach``) and
is stamped with the CRC-32 of that ``words.idx``; textfix ignores a filter whose stamp does
not match (it is then only slower, never different).

Licence: derived from the same lists as ``words.idx`` (wordfreq: CC BY-SA 4.0; see
``src/textfix/scoring/data/LICENSE.md``).
"""

from __future__ import annotations

import sys
from pathlib import Path
from zlib import crc32

TOOLS = Path(__file__).resolve().parent
sys.path.insert(0, str(TOOLS))

import build_langdata as langdata_tool  # noqa: E402  (sets up sys.path for textfix too)
from textfix.chains import single_byte_steps  # noqa: E402
from textfix.repair import reach  # noqa: E402
from textfix.scoring import _bloom  # noqa: E402
from textfix.scoring._wordindex import WordIndex  # noqa: E402
from textfix.scoring.model import _fold  # noqa: E402

#: 8.3M bits (~1 MB): scaled with the keys (2.3M -> 2.4M when the ru/uk lists grew) so that
#: the false-positive rate stays where it was (two probes).
BITS = 8_300_000


def shipped_words() -> set[str]:
    """The words ``build_langdata.main`` ships, gathered by the same function."""
    langs, shipped = langdata_tool.gather()
    return set(langdata_tool.word_masks(shipped, sorted(langs)))


def check_folding() -> None:
    """Every character a round trip can produce folds to one non-ASCII character, or to
    one of the spellings the skeleton variants allow for."""
    for _step, table in single_byte_steps():
        for ch in [*map(chr, table), *table.values()]:
            folded = _fold(ch)
            ok = (len(folded) == 1 and folded > "\x7f") or folded in reach._EXPANDED
            if not ok and ch > "\x7f":
                raise SystemExit(f"{ch!r} folds to {folded!r}: extend reach._EXPANDED")


def main() -> int:
    check_folding()
    data = (langdata_tool.OUT / "words.idx").read_bytes()
    index = WordIndex.decode(data)
    words = shipped_words()
    longest = max(words, key=len)
    if len(longest) > reach.MAX_WORD:
        print(f"{longest!r} is longer than reach.MAX_WORD: raise it", file=sys.stderr)
        return 1
    missing = [w for w in words if w not in index]
    if missing or len(words) != len(index):
        print(
            f"the gathered lists ({len(words)} words, {len(missing)} not indexed) are not "
            f"those of words.idx ({len(index)} words): rebuild with build_langdata.py first",
            file=sys.stderr,
        )
        return 1
    out = _bloom.encode(reach.index_keys(words), BITS, stamp=crc32(data))
    (langdata_tool.OUT / "reach.bloom").write_bytes(out)
    print(f"reach.bloom: {_bloom.Bloom.decode(out).count} keys, {len(out)} bytes", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
