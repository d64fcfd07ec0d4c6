"""textfix beside ``ftfy.fix_encoding`` on UTF-8 mojibake of the text ftfy is tuned on.

textfix must never do worse than ftfy on UTF-8 mojibake, and must never touch a clean line.
The dev set (``bench_fix``) is mostly translation catalogues; this run adds the kinds of text
social media and the web are full of, built at run time from allowed sources:

- ``social``: Faker sentences (several locales) with Faker's emoji and kaomoji, hashtags;
- ``cjk``: Faker ja_JP / zh_CN / zh_TW / ko_KR text and addresses, mixed with Latin words;
- ``script``: Faker ru_RU / el_GR / th_TH sentences;
- ``symbols``: Babel/CLDR currency names and symbols, unit patterns, number and date formats,
  math signs around Faker numbers;
- ``caps``: all-caps Faker names and sentences (de, fr, pt, ru, el, tr, pl);
- ``curly``: Faker sentences in curly quotes, with dashes and ellipses;
- ``po``: Django/Sphinx .po messages and pycountry names (via ``benchmarks.realtext``);
- ``legit``: text with legitimate Â Ã Ð ¯ ¬ · ‰ characters (Portuguese, Romanian,
  Icelandic and Vietnamese capitals, Catalan l·l, CLDR patterns).

Each text is turned into mojibake by every UTF-8 chain ftfy handles, one, two and three layers
deep, and by lossy variants (undecodable bytes replaced by ``?`` or U+FFFD as a browser would,
NBSP shown as a space). Run from the repository root::

    PYTHONPATH=src python -m benchmarks.bench_parity           # a few minutes
    PYTHONPATH=src python -m benchmarks.bench_parity --quick   # under a minute

Printed: exact restore rate of each tool per kind and per chain, every line where textfix is
worse than ftfy.fix_encoding, the count where it is better, and clean lines either tool changes.
"""

from __future__ import annotations

import argparse
import itertools
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

import ftfy
import ftfy.bad_codecs  # registers the sloppy-* codecs

#: A chain: the code pages UTF-8 was shown in, innermost first.
Chain = tuple[str, ...]

#: Every single-byte code page ftfy's encoding repair tries (its CHARMAP_ENCODINGS, plus the
#: strict Windows pages a browser uses).
SHOWN_AS: tuple[str, ...] = (
    "cp1252",
    "latin-1",
    "sloppy-windows-1252",
    "macroman",
    "cp437",
    "cp1250",
    "cp1251",
    "cp1253",
    "cp1254",
    "cp1257",
    "iso-8859-2",
)

#: Layered chains (outermost last): the same page again, and common mixes.
LAYERED: tuple[Chain, ...] = (
    *((shown, shown) for shown in SHOWN_AS),
    ("cp1252", "latin-1"),
    ("latin-1", "cp1252"),
    ("cp1251", "cp1252"),
    ("macroman", "cp1252"),
    ("cp1252", "cp1252", "cp1252"),
    ("sloppy-windows-1252",) * 3,
    ("latin-1",) * 3,
    ("macroman",) * 3,
)

#: Lossy variants: how the bytes a code page cannot show were lost.
LOSSY: dict[str, Callable[[str], str]] = {
    "fffd": lambda s: s,
    "?": lambda s: s.replace("\ufffd", "?"),
}

#: Kaomoji written for this benchmark (symbols around letters of many scripts).
KAOMOJI = (
    "¯\\_(ツ)_/¯",
    "(╯°□°)╯︵ ┻━┻",
    "ʕ•ᴥ•ʔ",
    "(｡◕‿◕｡)",
    "(ಠ_ಠ)",
    "♪～(´ε｀ )",
    "ヽ(´▽`)/",
    "(＾▽＾)",
    "(¬‿¬)",
    "¯\\(°_o)/¯",
    "(✿◠‿◠)",
    "(っ˘ω˘ς )",
    "٩(◕‿◕)۶",
    "(>_<)",
    "(T_T)",
    "Σ(°ロ°)",
)

MATH = ("×", "÷", "±", "≤", "≥", "≠", "≈", "∞", "√", "°", "‰", "µ", "²", "³", "½", "¼", "→", "€")


@dataclass(frozen=True)
class Case:
    kind: str
    chain: str
    original: str
    mojibake: str


# --- texts ------------------------------------------------------------------------------------


def _faker(locale: str, seed: int):  # type: ignore[no-untyped-def]
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(seed)
    return fake


def _social(n: int, rng: random.Random) -> Iterator[str]:
    fakes = [_faker(loc, 1) for loc in ("en_US", "fr_FR", "de_DE", "es_ES", "ja_JP", "pt_BR")]
    for i in range(n):
        fake = fakes[i % len(fakes)]
        words = fake.sentence(nb_words=rng.randint(3, 9)).split()
        for _ in range(rng.randint(1, 3)):
            extra = rng.choice([fake.emoji(), rng.choice(KAOMOJI), "#" + fake.word(), fake.emoji()])
            words.insert(rng.randint(0, len(words)), extra)
        yield " ".join(words)


def _cjk(n: int, rng: random.Random) -> Iterator[str]:
    fakes = [_faker(loc, 2) for loc in ("ja_JP", "zh_CN", "zh_TW", "ko_KR")]
    latin = _faker("en_US", 2)
    for i in range(n):
        fake = fakes[i % len(fakes)]
        part = rng.choice([fake.name(), fake.address().replace("\n", " "), fake.text(40)])
        mix = rng.choice(
            [
                f"{latin.word()} {part}",
                f"{part} ({latin.company()})",
                f"{part} {rng.randint(1, 999)}{rng.choice(['GB', 'km', 'USD', '%'])}",
                f"{latin.first_name()}: {part}",
                part,
            ]
        )
        yield mix.strip()


def _script(n: int, rng: random.Random) -> Iterator[str]:
    fakes = [_faker(loc, 3) for loc in ("ru_RU", "el_GR", "th_TH")]
    for i in range(n):
        fake = fakes[i % len(fakes)]
        yield rng.choice([fake.sentence(), fake.name(), fake.address().replace("\n", ", ")])


def _babel_strings() -> list[str]:
    from babel import Locale

    out: list[str] = []
    for code in ("en", "fr", "de", "ja", "zh", "ru", "el", "pt", "es", "ko", "tr", "pl"):
        loc = Locale.parse(code)
        for cur, sym in sorted(loc.currency_symbols.items())[:40]:
            name = loc.currencies.get(cur, cur)
            out.append(f"{name} ({sym})")
        for key, pats in sorted(loc._data["unit_patterns"].items())[:60]:
            for width in ("short", "long"):
                pat = pats.get(width, {})
                if isinstance(pat, dict) and "other" in pat:
                    out.append(pat["other"].replace("{0}", str(len(key) * 7 % 97)))
        for width in ("full", "long"):
            out.append(loc.date_formats[width].pattern)
        out.append(loc.currency_formats["standard"].pattern)
    return [s for s in dict.fromkeys(out) if not s.isascii()]


def _symbols(n: int, rng: random.Random) -> Iterator[str]:
    pool = _babel_strings()
    rng.shuffle(pool)
    for i in range(n):
        if i % 3 == 2:
            a, b = rng.randint(2, 99), rng.randint(2, 99)
            yield f"{a} {rng.choice(MATH)} {b} {rng.choice(MATH)} {a * b / 7:.1f}"
        else:
            yield pool[i % len(pool)]


def _caps(n: int, rng: random.Random) -> Iterator[str]:
    fakes = [
        _faker(loc, 4) for loc in ("de_DE", "fr_FR", "pt_BR", "ru_RU", "el_GR", "tr_TR", "pl_PL")
    ]
    for i in range(n):
        fake = fakes[i % len(fakes)]
        yield rng.choice([fake.name(), fake.city(), fake.sentence(nb_words=5)]).upper()


def _curly(n: int, rng: random.Random) -> Iterator[str]:
    fakes = [_faker(loc, 5) for loc in ("en_US", "fr_FR", "de_DE", "es_ES")]
    for i in range(n):
        fake = fakes[i % len(fakes)]
        s = fake.sentence().rstrip(".")
        yield rng.choice(
            [
                f"“{s}” — {fake.name()}",
                f"‘{fake.word()}’ isn’t {fake.word()}…",
                f"{s} – {fake.year()}–{int(fake.year()) + 1}",
                f"„{s}“ • {fake.city()}",
            ]
        )


def _po(n: int, rng: random.Random) -> Iterator[str]:
    from benchmarks.realtext import sentences

    lines = [
        line
        for lang in ("fr", "de", "ru", "ja", "zh", "el", "pt", "es", "pl", "tr")
        for line in sentences(lang, sources=["django", "sphinx", "pycountry"], limit=200).get(
            lang, []
        )
        if not line.isascii() and "\n" not in line
    ]
    yield from rng.sample(lines, min(n, len(lines)))


def _legit(n: int, rng: random.Random) -> Iterator[str]:
    fakes = [_faker(loc, 6) for loc in ("pt_BR", "ro_RO", "is_IS", "vi_VN", "fr_FR")]
    fixed = (
        "SÃO PAULO · ROMÂNIA · ÐÓRA",
        "a ¬ b · c ¯ d",
        "SÃO TOMÉ E PRÍNCIPE",
        "l·lusió, col·lecció i intel·ligència",
        "x̄ ¯ 5‰ · ±2 µm",
        "CÂMPINA, BRĂILA, BÂRLAD",
    )
    yield from fixed
    for i in range(n - len(fixed)):
        fake = fakes[i % len(fakes)]
        text = rng.choice([fake.name(), fake.city(), fake.sentence(nb_words=4)])
        yield text.upper() if rng.random() < 0.6 else text


KINDS: dict[str, Callable[[int, random.Random], Iterator[str]]] = {
    "social": _social,
    "cjk": _cjk,
    "script": _script,
    "symbols": _symbols,
    "caps": _caps,
    "curly": _curly,
    "po": _po,
    "legit": _legit,
}


def texts(kind: str, n: int, seed: int) -> list[str]:
    """``n`` distinct one-line texts of ``kind`` with a non-ASCII character."""
    out = [t for t in KINDS[kind](n * 2, random.Random(seed)) if not t.isascii() and "\n" not in t]
    return list(dict.fromkeys(out))[:n]


# --- mojibake ---------------------------------------------------------------------------------


def garble(text: str, chain: Chain, errors: str = "strict") -> str | None:
    """``text`` as UTF-8 shown through each page of ``chain`` in turn; None if it cannot be.

    >>> garble("café", ("cp1252",)), garble("café", ("cp1252", "cp1252"))
    ('cafÃ©', 'cafÃƒÂ©')
    """
    for shown in chain:
        try:
            text = text.encode("utf-8").decode(shown, errors)
        except UnicodeError:
            return None
    return text


def lossy_original(text: str, shown: str) -> str:
    """What can be restored once the bytes ``shown`` cannot show were lost: each character
    that lost a byte becomes U+FFFD (ftfy's ``replace_lossy_sequences`` does this).

    >>> lossy_original("Ágata é", "cp1252")
    '\ufffdgata é'
    """
    out = []
    for ch in text:
        try:
            ch.encode("utf-8").decode(shown)
        except UnicodeError:
            ch = "\ufffd"
        out.append(ch)
    return "".join(out)


def cases(kind: str, originals: Sequence[str]) -> Iterator[Case]:
    for text in originals:
        for chain in [(s,) for s in SHOWN_AS] + list(LAYERED):
            name = "+".join(chain)
            strict = garble(text, chain)
            if strict is not None:
                if strict != text:
                    yield Case(kind, name, text, strict)
                if "\xa0" in strict and len(chain) == 1:
                    yield Case(kind, name + " nbsp", text, strict.replace("\xa0", " "))
                continue
            if len(chain) > 1:
                continue
            lossy = garble(text, chain, "replace")
            if lossy is None:
                continue
            want = lossy_original(text, chain[0])
            for label, variant in LOSSY.items():
                yield Case(kind, f"{name} lossy{label}", want, variant(lossy))
        yield from _partial(kind, text)


#: Code pages a half-garbled line (clean text pasted next to mojibake) is tried with.
PARTIAL = ("sloppy-windows-1252", "cp1252", "macroman")


def _partial(kind: str, text: str) -> Iterator[Case]:
    """The second half of ``text`` (from a space) garbled, the first half left clean."""
    cut = text.find(" ", len(text) // 2)
    if cut < 0:
        return
    for shown in PARTIAL:
        tail = garble(text[cut:], (shown,))
        if tail is not None and tail != text[cut:]:
            yield Case(kind, f"{shown} half", text, text[:cut] + tail)


# --- run --------------------------------------------------------------------------------------


def _pct(hits: int, total: int) -> str:
    return f"{100.0 * hits / total:6.1f}%" if total else "    - "


def _table(title: str, rows: dict[str, list[tuple[bool, bool]]]) -> None:
    print(f"\n{title:<34} {'n':>5} {'textfix':>8} {'ftfy':>8} {'worse':>6} {'better':>6}")
    for key in sorted(rows):
        res = rows[key]
        tf = sum(a for a, _ in res)
        ff = sum(b for _, b in res)
        worse = sum(b and not a for a, b in res)
        better = sum(a and not b for a, b in res)
        print(
            f"{key:<34} {len(res):>5} {_pct(tf, len(res)):>8} {_pct(ff, len(res)):>8}"
            f" {worse:>6} {better:>6}"
        )


def run(n: int, seed: int, show: int) -> dict[str, int]:
    import textfix

    all_cases = [c for kind in KINDS for c in cases(kind, texts(kind, n, seed))]
    all_cases = list({(c.chain, c.mojibake): c for c in all_cases}.values())
    by_kind: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    by_chain: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    worse: list[tuple[Case, str, str]] = []
    for c in all_cases:
        tf = textfix.fix(c.mojibake)
        ff = ftfy.fix_encoding(c.mojibake)
        res = (tf == c.original, ff == c.original)
        by_kind[c.kind].append(res)
        by_chain[re.sub(r"\+.*", "+...", c.chain) if c.chain.count("+") > 1 else c.chain].append(
            res
        )
        if res == (False, True):
            worse.append((c, tf, ff))
    _table("kind (all chains)", by_kind)
    _table("chain (all kinds)", by_chain)
    total = list(itertools.chain.from_iterable(by_kind.values()))
    _table("TOTAL", {"all": total})
    print(f"\ntextfix worse than ftfy.fix_encoding: {len(worse)} lines")
    for c, tf, _ff in worse[:show]:
        print(
            f"  [{c.kind} {c.chain}] {c.mojibake!r}\n      want {c.original!r}\n      got  {tf!r}"
        )
    clean = [t for kind in KINDS for t in texts(kind, n, seed + 1)]
    changed = Counter[str]()
    for t in clean:
        for tool, fn in (("textfix", textfix.fix), ("ftfy", ftfy.fix_encoding)):
            out = fn(t)
            if out != t:
                changed[tool] += 1
                print(f"  clean line changed by {tool}: {t!r} -> {out!r}")
    print(
        f"\nclean lines: {len(clean)}, changed by textfix {changed['textfix']}, "
        f"by ftfy.fix_encoding {changed['ftfy']}"
    )
    return {"cases": len(total), "worse": len(worse), "clean_changed": changed["textfix"]}


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="15 texts per kind instead of 60")
    parser.add_argument("-n", type=int, default=None, help="texts per kind")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", type=int, default=60, help="worse lines to list")
    args = parser.parse_args(argv)
    n = args.n or (15 if args.quick else 60)
    run(n, args.seed, args.show)


if __name__ == "__main__":
    main()
