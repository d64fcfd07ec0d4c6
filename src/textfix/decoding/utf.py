"""UTF-8 validity and UTF-16/32 without a BOM.

A UTF-16 text file is text however many NUL bytes it has, so this runs before the
binary check. BOM-less UTF-16/32 is accepted only when the decoded characters look like
writing: they fall in the Unicode blocks that real scripts use (:func:`text_quality`).
"""

from __future__ import annotations

import bisect
import unicodedata

from textfix.decoding.codec import strict_ok
from textfix.decoding.quality import common_cjk

#: Half-open code-point ranges where the letters, digits and punctuation of real writing
#: live. Random bytes read as UTF-16 land here about half the time; real text nearly always.
_PLAUSIBLE: tuple[tuple[int, int], ...] = (
    (0x0009, 0x000E),  # tab, newline, vertical tab, form feed, carriage return
    (0x0020, 0x007F),  # printable ASCII
    (0x00A0, 0x1000),  # Latin-1 .. Tibetan: every alphabet of Europe, the Middle East, India
    (0x10A0, 0x1100),  # Georgian
    (0x1E00, 0x2070),  # Latin/Greek extended, general punctuation
    (0x20A0, 0x20C0),  # currency signs
    (0x2100, 0x2200),  # letter-like symbols, number forms, arrows
    (0x3000, 0x3100),  # CJK punctuation, kana
    (0x3130, 0x3190),  # Hangul compatibility jamo
    (0x4E00, 0xA000),  # CJK unified ideographs
    (0xAC00, 0xD7A4),  # Hangul syllables
    (0xFF00, 0xFFF0),  # full-width forms
)
_STARTS = [lo for lo, _ in _PLAUSIBLE]
_SAMPLE_CHARS = 4096
#: NUL-free UTF-16 needs at least this many bytes to be believed.
_MIN_NUL_FREE = 32
_IDEOGRAPHIC = ((0x3040, 0x3100), (0x4E00, 0xA000), (0xAC00, 0xD7A4))


def _plausible(cp: int) -> bool:
    i = bisect.bisect_right(_STARTS, cp) - 1
    return i >= 0 and cp < _PLAUSIBLE[i][1]


def text_quality(text: str) -> float:
    """Share of the characters (first 4096) that belong to real writing, in [0, 1].

    >>> text_quality("Привет, мир! 你好")
    1.0
    >>> text_quality("\\ue0eb\\uf2e5") < 0.5
    True
    """
    sample = text[:_SAMPLE_CHARS]
    if not sample:
        return 0.0
    good = 0
    for ch in sample:
        cp = ord(ch)
        if _plausible(cp) and (cp > 0x7F or unicodedata.category(ch) != "Cc" or ch in "\t\n\r"):
            good += 1
    return good / len(sample)


def _real_cjk(text: str) -> bool:
    """Mostly ideographs/syllables, nearly all of them the common ones of real text."""
    sample = text[:_SAMPLE_CHARS]
    cjk = [ch for ch in sample if any(lo <= ord(ch) < hi for lo, hi in _IDEOGRAPHIC)]
    if len(cjk) < 0.8 * len(sample):
        return False
    common = common_cjk()
    return sum(1 for ch in cjk if ch in common or ch < "\u3100") >= 0.9 * len(cjk)


def is_utf8(data: bytes, *, allow_truncated: bool = False) -> bool:
    """Whether ``data`` is valid UTF-8; ``allow_truncated`` forgives a character cut at the end.

    >>> is_utf8("é".encode()), is_utf8("é".encode()[:1]), is_utf8(b"a\\xc3", allow_truncated=True)
    (True, False, True)
    """
    if strict_ok(data, "utf-8"):
        return True
    if not allow_truncated:
        return False
    for cut in (1, 2, 3):
        if len(data) > cut and strict_ok(data[:-cut], "utf-8") and data[-cut] >= 0xC0:
            return True
    return False


def _nul_fractions(sample: bytes, width: int) -> list[float]:
    """Fraction of code units whose byte at each position (0..width-1) is NUL."""
    units = max(1, len(sample) // width)
    return [sample[i::width].count(0) / units for i in range(width)]


def sniff_utf32(data: bytes) -> str | None:
    """``"utf-32-le"`` / ``"utf-32-be"`` when BOM-less ``data`` reads as UTF-32 text.

    >>> sniff_utf32("Grüße".encode("utf-32-le")), sniff_utf32(b"abcdefgh")
    ('utf-32-le', None)
    """
    if len(data) < 8 or len(data) % 4:
        return None
    sample = data[:16384]
    nul = _nul_fractions(sample, 4)
    for encoding, top in (("utf-32-le", 3), ("utf-32-be", 0)):
        decodes = nul[top] == 1.0 and strict_ok(sample, encoding)
        if decodes and text_quality(sample.decode(encoding)) >= 0.9:
            return encoding
    return None


def sniff_utf16(data: bytes) -> str | None:
    """``"utf-16-le"`` / ``"utf-16-be"`` when BOM-less ``data`` reads as UTF-16 text.

    Text with some ASCII (spaces, newlines, digits) shows NUL high bytes on one side;
    pure CJK or Hangul text has none, and is accepted only when almost every character
    is an ideograph or syllable and the low bytes look random, as they do in real CJK.

    >>> sniff_utf16("Hello, мир".encode("utf-16-be"))
    'utf-16-be'
    >>> sniff_utf16("我们今天去公园散步，天气非常好，大家都很开心。".encode("utf-16-le"))
    'utf-16-le'
    >>> sniff_utf16("Café crème brûlée".encode("cp1252")) is None
    True
    """
    if len(data) < 8 or len(data) % 2:  # fewer than 4 characters: too little to tell
        return None
    sample = data[:16384]
    if len(sample) % 2:  # pragma: no cover - 16384 is even
        sample = sample[:-1]
    even, odd = _nul_fractions(sample, 2)
    if max(even, odd) >= 0.02:
        # The side with more NULs usually holds the high bytes (ASCII characters); CJK
        # characters such as U+5F00 put NULs on the other side, so quality decides.
        sides = ["utf-16-le", "utf-16-be"] if odd >= even else ["utf-16-be", "utf-16-le"]
        threshold = 0.9
    elif even == odd == 0.0 and len(sample) >= _MIN_NUL_FREE:
        sides = _cjk_utf16_sides(sample)
        threshold = 0.99
    else:
        return None
    best: tuple[float, str] | None = None
    for encoding in sides:
        if not _decodes_cut(sample, encoding):
            continue
        text = sample.decode(encoding, "replace")
        quality = text_quality(text)
        if quality < threshold or (threshold > 0.9 and not _real_cjk(text)):
            continue
        if best is None or quality > best[0]:  # ties: the NUL-side order above
            best = (quality, encoding)
    return best[1] if best else None


def _cjk_utf16_sides(sample: bytes) -> list[str]:
    """For NUL-free data: the byte orders whose low bytes look random (>= 25% high bytes)."""
    sides = []
    for encoding, low in (("utf-16-le", 0), ("utf-16-be", 1)):
        lows = sample[low::2]
        if sum(1 for b in lows if b >= 0x80) >= 0.25 * len(lows):
            sides.append(encoding)
    return sides


def _decodes_cut(sample: bytes, encoding: str) -> bool:
    """Strict decode, forgiving a surrogate pair cut by the sample's end."""
    return strict_ok(sample, encoding) or strict_ok(sample[:-2], encoding)
