"""Are frequency bands evidence between two code pages' readings of the same bytes?

For the words of real lines (Django, Sphinx, Faker, pycountry: evaluation sources, not the
wordfreq lists the bands come from) that are known words of their line's language L, every
other single-byte code page's reading of the word's bytes (in each code page L is written
in) that is *also* a known word of L is a pair the word lists alone cannot settle (Croatian
``više`` read through iso8859-16 is ``viče``). This counts, per pair, the right word's
``scoring.word_band`` in L against the wrong one's: how often the commoner word is the
right one justifies the legacy ranking's ``FREQ_BONUS`` per band. Run from the repository
root (``PYTHONPATH=src``, about a minute)::

    python -m benchmarks.bench_word_freq                 # every language with a code page
    python -m benchmarks.bench_word_freq sh cs sk pl tr  # model codes (hr, bs -> sh)
"""

from __future__ import annotations

import argparse
import re
from collections import Counter

from benchmarks.encodings import LANG_ENCODINGS
from benchmarks.realtext import sentences
from textfix.chains import single_byte_steps
from textfix.scoring import word_band, word_langs
from textfix.scoring._data import langdata
from textfix.scoring._wordindex import MAX_BAND

#: Dev-set language -> the model whose word list it uses.
ALIAS = {"hr": "sh", "bs": "sh", "sr-latn": "sh", "no": "nb"}
LINES = 3000  # lines read per language
_WORD = re.compile(r"\w+")


def readings(word: str, trues: tuple[str, ...], pages: list[str]) -> set[str]:
    """The other code pages' readings of ``word``'s bytes in each of ``trues`` (a case
    variant of the word itself excluded).

    >>> sorted(readings("više", ("iso8859-2",), ["iso8859-2", "iso8859-16"]))
    ['viče']
    """
    out = set()
    for true in trues:
        try:
            raw = word.encode(true)
        except UnicodeError:
            continue
        for page in pages:
            if page == true:
                continue
            try:
                alt = raw.decode(page)
            except UnicodeError:
                continue
            if alt.lower() != word.lower():
                out.add(alt)
    return out


def band_pairs(only: set[str]) -> Counter[tuple[int, int]]:
    """``(right band, wrong band) -> pairs`` over the languages (model codes) in ``only``
    (all when empty)."""
    models = langdata().models
    pages = sorted({true for (true, _shown), _table in single_byte_steps()})
    pairs: Counter[tuple[int, int]] = Counter()
    for lang, trues in sorted(LANG_ENCODINGS.items()):
        code = ALIAS.get(lang, lang)
        if code not in models or (only and code not in only):
            continue
        bit = 1 << models[code].index
        seen: set[str] = set()
        for line in sentences(lang).get(lang, [])[:LINES]:
            for word in _WORD.findall(line):
                if word.isascii() or len(word) < 2 or word.lower() in seen:
                    continue
                seen.add(word.lower())
                if not word_langs(word) & bit:
                    continue
                for alt in readings(word, trues, pages):
                    if word_langs(alt) & bit:
                        pairs[word_band(word, code), word_band(alt, code)] += 1
    return pairs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("langs", nargs="*", help="model codes (default: all)")
    args = parser.parse_args(argv)
    pairs = band_pairs(set(args.langs))
    bands = range(MAX_BAND + 1)
    print("right band (rows) x wrong band (columns), pairs of known words of the language")
    for right in bands:
        print(f"  {right}: " + " ".join(f"{pairs[right, wrong]:6}" for wrong in bands))
    by_gap: Counter[int] = Counter()
    for (right, wrong), n in pairs.items():
        by_gap[right - wrong] += n
    print(f"{sum(pairs.values())} pairs; {by_gap[0]} in the same band")
    for gap in range(1, MAX_BAND + 1):
        won, lost = by_gap[gap], by_gap[-gap]
        share = won / (won + lost) if won + lost else float("nan")
        print(f"  bands {gap} apart: the commoner word is right in {won} of {won + lost}", end="")
        print(f" ({share:.0%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
