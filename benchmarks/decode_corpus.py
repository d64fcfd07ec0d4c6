"""A file-level development corpus for decoding, generated at run time (never committed).

Real sentences (``benchmarks.realtext``: Django/Sphinx catalogues, Faker, pycountry) are
joined into files of varied size and encoded with the legacy code pages each language is
really written in (``LANG_ENCODINGS`` plus the CJK, Mac and DOS pages below), with UTF-8/16/32
with and without BOM, and with files whose lines mix UTF-8 and cp1251.

>>> first_non_ascii_line("abc\\nЖук\\n", "cp1251", 100)
(b'\\xc6\\xf3\\xea', 'Жук')
>>> first_non_ascii_line("ab\\n" + "ж" * 80, "utf-8", 100)[1] == "ж" * 50
True
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass

from benchmarks.realtext import LANG_ENCODINGS, sentences

#: Code pages beyond LANG_ENCODINGS, so that the corpus covers 60+ legacy encodings.
EXTRA_ENCODINGS: dict[str, tuple[str, ...]] = {
    "zh": ("gb2312", "gbk", "gb18030", "big5", "cp950", "big5hkscs"),
    "ja": ("shift_jis", "cp932", "euc_jp", "shift_jis_2004", "euc_jis_2004"),
    "ko": ("euc_kr", "cp949", "johab"),
    "kk": ("kz1048", "ptcp154"),
    "tg": ("koi8-t",),
    "de": ("mac-roman", "cp850", "cp437"),
    "fr": ("mac-roman", "cp850"),
    "is": ("mac-iceland", "cp861"),
    "da": ("cp865",),
    "el": ("mac-greek",),
    "tr": ("mac-turkish",),
    "he": ("cp862",),
    "ar": ("cp720",),
    "ga": ("iso8859-14",),
    "cy": ("iso8859-14",),
    "th": ("iso8859-11",),
    "ru": ("koi8-u",),
    "hr": ("mac-croatian",),
    "ro": ("mac-romanian",),
}
WIDE = ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le")
WIDE_LANGS = ("ru", "uk", "el", "zh", "ja", "ko", "ar", "he", "th", "pl", "de", "fr", "hi", "ka")
MIXED_LANGS = ("ru", "uk", "bg", "be")
#: Lines per file, drawn at random: from a single title to a long document.
SIZES = (1, 2, 3, 5, 8, 15, 30, 60, 150)


@dataclass(frozen=True)
class Sample:
    """One file: its bytes, the true text, how it was made."""

    kind: str  # "legacy", "utf", "mixed"
    lang: str
    encoding: str
    data: bytes
    truth: str


def encodings_of(lang: str) -> tuple[str, ...]:
    """All legacy code pages the corpus writes ``lang`` in."""
    return LANG_ENCODINGS.get(lang, ()) + EXTRA_ENCODINGS.get(lang, ())


def _encodable(lines: list[str], encoding: str) -> list[str]:
    out = []
    for line in lines:
        try:
            if line.encode(encoding).decode(encoding) == line:
                out.append(line)
        except UnicodeError:
            pass
    return out


def _file_text(pool: list[str], rng: random.Random) -> str:
    n = min(len(pool), rng.choice(SIZES))
    start = rng.randrange(0, len(pool) - n + 1)
    text = "\n".join(pool[start : start + n])
    return text + ("\n" if rng.random() < 0.8 else "")


def corpus(files_per_pair: int = 3, seed: int = 7) -> Iterator[Sample]:
    """Legacy, UTF and mixed-line files, deterministic for a given seed."""
    rng = random.Random(seed)
    langs = sorted(set(LANG_ENCODINGS) | set(EXTRA_ENCODINGS))
    wanted = set(langs) | set(WIDE_LANGS)
    real = {lang: lines for lang, lines in sentences(min_chars=3).items() if lang in wanted}
    for lang in langs:
        pool_all = real.get(lang, [])
        for encoding in encodings_of(lang):
            pool = [x for x in _encodable(pool_all, encoding) if not x.isascii()]
            if len(pool) < 20:
                continue
            for _ in range(files_per_pair):
                text = _file_text(pool, rng)
                yield Sample("legacy", lang, encoding, text.encode(encoding), text)
    for lang in WIDE_LANGS:
        pool = [x for x in real.get(lang, []) if not x.isascii()]
        for encoding in WIDE:
            for _ in range(2):
                text = _file_text(pool, rng)
                yield Sample("utf", lang, encoding, text.encode(encoding), text)
    for lang in MIXED_LANGS:
        pool = _encodable([x for x in real.get(lang, []) if not x.isascii()], "cp1251")
        for _ in range(25):
            yield _mixed(lang, pool, rng)


def _mixed(lang: str, pool: list[str], rng: random.Random) -> Sample:
    """A log-like file: each line is UTF-8 or cp1251 at random (both kinds present)."""
    n = rng.choice((2, 4, 8, 20, 50))
    start = rng.randrange(0, len(pool) - n)
    lines = pool[start : start + n]
    codecs_ = [rng.choice(("utf-8", "cp1251")) for _ in lines]
    codecs_[0], codecs_[-1] = "utf-8", "cp1251"
    if rng.random() < 0.5:
        codecs_.reverse()
    data = b"".join(line.encode(enc) + b"\n" for line, enc in zip(lines, codecs_, strict=True))
    return Sample("mixed", lang, "mixed", data, "".join(x + "\n" for x in lines))


def first_non_ascii_line(text: str, encoding: str, limit: int) -> tuple[bytes, str] | None:
    """The first line with non-ASCII characters, encoded and cut at a character boundary."""
    for line in text.split("\n"):
        if not line.isascii():
            out = b""
            kept = ""
            for ch in line:
                piece = ch.encode(encoding)
                if len(out) + len(piece) > limit:
                    break
                out += piece
                kept += ch
            return out, kept
    return None
