"""The development set: real lines garbled by plausible wrong codecs, plus clean real lines.

For each language and each legacy code page it is really written in (``LANG_ENCODINGS``), each
real line that encodes in that code page and has non-ASCII letters is garbled with each plausible
wrong codec of the family (``SHOWN_AS``), when ``line.encode(true).decode(shown)`` succeeds
strictly and differs from the line. UTF-8 is garbled the same way for every language, and a
seeded sample is put through layered chains (2 and 3 deep). Sampling is deterministic: the same
``seed`` and caps give the same records.

>>> recs = garbled_records(cap=2, langs=["uk"], sources=["django"], layered=0)
>>> r = next(x for x in recs if x.chain == (("cp1251", "iso8859-1"),))
>>> r.family, r.garbled.encode("latin-1").decode("cp1251") == r.original
('Cyrillic', True)

Run ``python -m benchmarks.devset`` for the size of each cell and a few examples.
"""

from __future__ import annotations

import argparse
import random
import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import zip_longest

from benchmarks.encodings import LANG_ENCODINGS, family_of, shown_as
from benchmarks.realtext import ALL_SOURCES, sentences
from textfix.types import Chain, Step

#: Languages without a legacy single-byte code page that still get UTF-8 chains.
UTF8_EXTRA_LANGS: tuple[str, ...] = ("zh", "ja", "ko", "hi", "ka", "hy", "uz", "kk", "az")
#: Outer layers of layered chains: a further UTF-8 mix-up on top of an earlier one.
OUTER_LAYERS: tuple[Step, ...] = (("utf-8", "cp1252"), ("utf-8", "iso8859-1"))

DEFAULT_SEED = 20261127
DEFAULT_CAP = 300
#: Real lines considered per language (sampled before garbling, to bound the work).
DEFAULT_POOL = 1500

_NON_ASCII_LETTER = re.compile(r"[^\W\d_a-zA-Z]")


@dataclass(frozen=True)
class Record:
    """One garbled line: ``original`` went through ``chain`` and came out as ``garbled``."""

    lang: str
    family: str  # family of the innermost true encoding
    true: str  # innermost true encoding
    chain: Chain
    original: str
    garbled: str

    @property
    def depth(self) -> int:
        """Number of mis-decoding steps."""
        return len(self.chain)

    @property
    def chain_key(self) -> str:
        """Compact label, e.g. ``'cp1251>iso8859-1'`` or ``'cp1251>cp1252 | utf-8>cp1252'``."""
        return chain_key(self.chain)


def chain_key(chain: Chain) -> str:
    """Compact chain label.

    >>> chain_key((("cp1251", "cp1252"), ("utf-8", "cp1252")))
    'cp1251>cp1252 | utf-8>cp1252'
    """
    return " | ".join(f"{true}>{shown}" for true, shown in chain)


def has_non_ascii_letter(line: str) -> bool:
    """True when the line has a letter outside ASCII.

    >>> has_non_ascii_letter("café"), has_non_ascii_letter("cafe 100%")
    (True, False)
    """
    return _NON_ASCII_LETTER.search(line) is not None


def legacy_form(line: str, encoding: str) -> str | None:
    """The form ``line`` takes when written in ``encoding``, or ``None`` if it cannot be.

    cp1258 (Vietnamese) has few precomposed letters: real cp1258 text carries the tone marks as
    combining characters, so the line is decomposed and only recomposed where cp1258 can.

    >>> legacy_form("Tiếng", "cp1258") == "Tiê\\u0301ng"
    True
    >>> legacy_form("Привіт", "cp1252") is None
    True
    """
    try:
        line.encode(encoding)
        return line
    except UnicodeEncodeError:
        if encoding != "cp1258":
            return None
    form = "".join(_compose_cluster(c, encoding) for c in _CLUSTER.findall(line))
    return form if _encodes(form, encoding) else None


#: A character with the combining marks that follow it.
_CLUSTER = re.compile(r".[\u0300-\u036f\u1dc0-\u1dff\u20d0-\u20ff]*", re.DOTALL)


def _compose_cluster(cluster: str, encoding: str) -> str:
    """Fold marks into the base while the composed letter exists in ``encoding``.

    >>> _compose_cluster("e\\u0323\\u0302", "cp1258") == "ê\\u0323"
    True
    """
    decomposed = unicodedata.normalize("NFD", cluster)
    base, marks = decomposed[0], list(decomposed[1:])
    folded = True
    while folded:
        folded = False
        for mark in marks:
            composed = unicodedata.normalize("NFC", base + mark)
            if len(composed) == 1 and _encodes(composed, encoding):
                base, folded = composed, True
                marks.remove(mark)
                break
    return base + "".join(marks)


def _encodes(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def garble(line: str, chain: Chain) -> str | None:
    """Put ``line`` through ``chain`` (strict codecs); ``None`` if a step fails or nothing changes.

    >>> garble("Цей", (("cp1251", "iso8859-1"),))
    'Öåé'
    >>> garble("café", (("utf-8", "cp1252"), ("utf-8", "cp1252")))
    'cafÃƒÂ©'
    >>> garble("cafe", (("utf-8", "cp1252"),)) is None
    True
    """
    text = line
    try:
        for true, shown in chain:
            text = text.encode(true).decode(shown)
    except UnicodeError:
        return None
    if text == line or "\n" in text or "\r" in text:
        return None
    return text


def _pool(lines_by_source: Sequence[list[str]], lang: str, seed: int, size: int) -> list[str]:
    """A seeded, source-balanced sample of lines with non-ASCII letters."""
    shuffled = []
    for index, lines in enumerate(lines_by_source):
        picked = [x for x in lines if has_non_ascii_letter(x)]
        random.Random(f"{seed}:{lang}:{index}").shuffle(picked)
        shuffled.append(picked)
    merged = (x for group in zip_longest(*shuffled) for x in group if x is not None)
    seen: dict[str, None] = {}
    for line in merged:
        seen.setdefault(line, None)
        if len(seen) >= size:
            break
    return list(seen)


def line_pools(
    langs: Iterable[str], *, sources: Iterable[str], seed: int, size: int
) -> dict[str, list[str]]:
    """Per language, a seeded source-balanced sample of real lines with non-ASCII letters."""
    wanted = list(langs)
    per_source = [sentences(sources=[s]) for s in sources]
    return {
        lang: pool
        for lang in wanted
        if (pool := _pool([d.get(lang, []) for d in per_source], lang, seed, size))
    }


def _round_robin(streams: dict[str, Iterator[Record]], cap: int) -> list[Record]:
    """Take records from each language in turn until ``cap`` (keeps a cell balanced)."""
    out: list[Record] = []
    active = dict(sorted(streams.items()))
    while active and len(out) < cap:
        for lang in list(active):
            record = next(active[lang], None)
            if record is None:
                del active[lang]
            else:
                out.append(record)
                if len(out) >= cap:
                    break
    return out


def _records(lang: str, lines: list[str], chain: Chain) -> Iterator[Record]:
    true = chain[0][0]
    for line in lines:
        original = legacy_form(line, true)
        garbled = garble(original, chain) if original is not None else None
        if original is not None and garbled is not None:
            yield Record(lang, family_of(true), true, chain, original, garbled)


def single_step_chains(langs: Iterable[str]) -> dict[Chain, list[str]]:
    """Every (true, shown) chain of the tables, with the languages it applies to."""
    chains: dict[Chain, list[str]] = {}
    for lang in langs:
        for true in (*LANG_ENCODINGS.get(lang, ()), "utf-8"):
            for shown in shown_as(family_of(true)):
                if shown != true:
                    chains.setdefault(((true, shown),), []).append(lang)
    return chains


def garbled_records(
    *,
    cap: int = DEFAULT_CAP,
    langs: Iterable[str] | None = None,
    sources: Iterable[str] = ALL_SOURCES,
    seed: int = DEFAULT_SEED,
    pool_size: int = DEFAULT_POOL,
    layered: int | None = None,
) -> list[Record]:
    """The garbled part of the dev set.

    At most ``cap`` records per single-step (family, chain) cell, balanced across languages;
    then ``layered`` records (default ``cap`` per family) put through one or two further
    UTF-8 layers (chains 2 and 3 deep).
    """
    wanted = list(langs) if langs is not None else [*LANG_ENCODINGS, *UTF8_EXTRA_LANGS]
    pools = line_pools(wanted, sources=list(sources), seed=seed, size=pool_size)
    singles: list[Record] = []
    for chain, chain_langs in sorted(single_step_chains(pools).items()):
        streams = {lang: _records(lang, pools[lang], chain) for lang in chain_langs}
        singles.extend(_round_robin(streams, cap))
    return singles + layered_records(singles, cap if layered is None else layered, seed)


def layered_records(singles: list[Record], per_family: int, seed: int) -> list[Record]:
    """Add one or two outer UTF-8 layers to a seeded sample of single-step records."""
    rng = random.Random(f"{seed}:layered")
    by_family: dict[str, list[Record]] = {}
    for record in singles:
        by_family.setdefault(record.family, []).append(record)
    out: list[Record] = []
    for family in sorted(by_family):
        base = by_family[family]
        for record in rng.sample(base, min(per_family, len(base))):
            outer = tuple(rng.choice(OUTER_LAYERS) for _ in range(rng.choice((1, 2))))
            chain = record.chain + outer
            garbled = garble(record.original, chain)
            if garbled is not None:
                out.append(
                    Record(record.lang, family, record.true, chain, record.original, garbled)
                )
    return out


def clean_lines(
    *,
    per_lang: int = 200,
    ascii_prose: int = 500,
    sources: Iterable[str] = ALL_SOURCES,
    seed: int = DEFAULT_SEED,
) -> list[tuple[str, str]]:
    """Clean real lines: up to ``per_lang`` with non-ASCII letters for every language that has
    them, plus ``ascii_prose`` plain-ASCII English lines (msgids of at least four words).

    >>> lines = clean_lines(per_lang=3, ascii_prose=2, sources=["sphinx"])
    >>> sum(1 for lang, _ in lines if lang == "en-ascii"), len({lang for lang, _ in lines}) > 20
    (2, True)
    """
    sources = list(sources)
    langs = sorted(sentences(sources=sources))
    pools = line_pools(langs, sources=sources, seed=seed, size=per_lang)
    out = [(lang, line) for lang in sorted(pools) for line in pools[lang]]
    english = [
        x
        for x in sentences("en", sources=sources).get("en", [])
        if x.isascii() and len(x.split()) >= 4
    ]
    random.Random(f"{seed}:en-ascii").shuffle(english)
    out.extend(("en-ascii", line) for line in english[:ascii_prose])
    return out


def _main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--cap", type=int, default=DEFAULT_CAP)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--examples", type=int, default=1)
    args = parser.parse_args(argv)
    records = garbled_records(cap=args.cap, seed=args.seed)
    cells: dict[tuple[str, str], list[Record]] = {}
    for record in records:
        cells.setdefault((record.family, record.chain_key), []).append(record)
    for (family, key), recs in sorted(cells.items()):
        langs = len({r.lang for r in recs})
        print(f"{family:18} {key:42} {len(recs):5} lines {langs:3} langs")
        for r in recs[: args.examples]:
            print(f"    [{r.lang}] {r.original!r} -> {r.garbled!r}")
    clean = clean_lines(seed=args.seed)
    print(
        f"garbled: {len(records)} records; clean: {len(clean)} lines in "
        f"{len({lang for lang, _ in clean})} languages"
    )


if __name__ == "__main__":
    _main()
