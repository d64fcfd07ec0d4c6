"""A compact, read-only map from words to language bit masks.

The shipped word lists (~785,000 distinct words) as a ``dict[str, int]`` made a first
``fix()`` peak at ~180 MB RSS. Instead each word is reduced to a stable ``HASH_BITS``-bit key
(the CRC-32s of its UTF-8 bytes read forwards and backwards, mixed by MurmurHash3's 64-bit
finaliser: ~200 instructions a word in C, where the BLAKE2b digest used before cost ~3,000);
the sorted keys live in ``array`` objects searched with ``bisect``, and each key points to
one of the few thousand distinct masks: 8 bytes per word in memory. The file holds the
keys already sorted, so loading is one small decompression and one running sum (no hashing,
no sorting).

Collisions: with ``n`` shipped words a word that is *not* shipped hits some key with
probability ``n / 2**HASH_BITS`` (about 7e-7 for 785,000 words and 40 bits), and then gets
that word's mask. ``encode`` refuses to write an index where two shipped words share a key,
so every shipped word keeps exactly its own mask.

Each word also carries, per language of its mask, a frequency band (0-3: how common the
word is there, from wordfreq's Zipf frequency; 0 where the source has none): two 64-bit
planes per slot (the band's high and low bits, bit = language), so a slot stands for a
distinct (mask, bands) triple and memory stays at 8 bytes per word.

>>> bands = {"текст": bands_value([2, 3])}
>>> index = WordIndex.decode(encode({"цей": 0b10, "текст": 0b11}, bands=bands))
>>> index.get("текст"), index.get("тект", 0), "цей" in index, len(index)
(3, 0, True, 2)
>>> index.band("текст", 1), index.band("текст", 0), index.band("цей", 1), index.band("тект", 1)
(3, 2, 0, 0)
"""

from __future__ import annotations

import lzma
import struct
import sys
from array import array
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from itertools import accumulate, pairwise
from typing import TYPE_CHECKING
from zlib import crc32

from textfix._native import load

if TYPE_CHECKING:
    from textfix.scoring import _cscore

#: Bits of the 64-bit key kept per word (see the module docstring for the collision rate).
HASH_BITS = 40
_MAGIC = b"TFW4"  # (TFW3 had no frequency bands, TFW2 held BLAKE2b keys)
_HEADER = struct.Struct("<4sIII")  # magic, word count, slot count, hash bits
#: The highest frequency band (two bits per word and language).
MAX_BAND = 3
_LOW = 16  # low key bits stored raw: they are random, compressing them only slows loading
#: Keys are found through a table of where each run of keys sharing this many top bits
#: starts (built at load time: ~15 ms for 2**14 runs).
BUCKET_BITS = 14
#: Entries kept by the per-index cache of recent lookups (words repeat a lot in text).
CACHE = 8192


def word_key(word: str, bits: int = HASH_BITS) -> int:
    """Stable key of ``word``: the top ``bits`` bits of :func:`mix64` of the CRC-32 of its
    UTF-8 bytes (high half) and of those bytes reversed (low half).

    >>> word_key("текст") == word_key("текст") != word_key("текст ")
    True
    >>> word_key("\\ud800") >= 0  # lone surrogates hash too (never raises)
    True
    """
    data = word.encode("utf-8", "surrogatepass")
    return mix64(crc32(data) << 32 | crc32(data[::-1])) >> (64 - bits)


_MASK64 = (1 << 64) - 1


def bands_value(bands: Sequence[int]) -> int:
    """The two bit planes of per-language ``bands`` (0-:data:`MAX_BAND`, by language
    index) as one int: the high bits above bit 64, the low bits below.

    >>> bands_value([1, 2, 3]) == (0b110 << 64 | 0b101), band_of(bands_value([1, 2, 3]), 1)
    (True, 2)
    """
    value = 0
    for i, band in enumerate(bands):
        value |= (band >> 1 & 1) << (64 + i) | (band & 1) << i
    return value


def band_of(value: int, index: int) -> int:
    """The band of language ``index`` in a :func:`bands_value` (0 for a negative index)."""
    if index < 0:
        return 0
    return (value >> (64 + index) & 1) << 1 | value >> index & 1


def mix64(value: int) -> int:
    """MurmurHash3's 64-bit finaliser: a bijection whose every output bit depends on every
    input bit (the two CRCs are linear in the bytes; their top bits alone would collide more
    often than chance).

    >>> mix64(0), mix64(1) != mix64(2)
    (0, True)
    """
    value ^= value >> 33
    value = value * 0xFF51AFD7ED558CCD & _MASK64
    value ^= value >> 33
    value = value * 0xC4CEB9FE1A85EC53 & _MASK64
    return value ^ value >> 33


def _little(values: array) -> bytes:  # type: ignore[type-arg]
    if sys.byteorder == "big":
        values = array(values.typecode, values)
        values.byteswap()
    return values.tobytes()


def _from_little(typecode: str, data: bytes | memoryview) -> array:  # type: ignore[type-arg]
    values = array(typecode)
    values.frombytes(data)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def encode(
    word_mask: Mapping[str, int], bits: int = HASH_BITS, bands: Mapping[str, int] | None = None
) -> bytes:
    """The index file for ``word_mask`` and each word's :func:`bands_value` in ``bands``
    (absent: all 0; used by ``tools/build_langdata.py``).

    Layout: header, the low 16 bits of every sorted key (raw), then one xz stream with the
    distinct (mask, bands) slots (masks, then the bands' low planes, then their high
    planes), the gaps between the keys' high bits (small numbers: they compress well and
    decompress fast) and each key's slot. Raises ``ValueError`` when two words share a key
    (then raise ``bits``) or there are more than 65,536 distinct slots.
    """
    bands = bands or {}
    # (a band outside the word's mask never counts: dropped, so it makes no slot of its own)
    pairs = sorted(
        (word_key(w, bits), (m, bands.get(w, 0) & (m << 64 | m))) for w, m in word_mask.items() if m
    )
    keys = [k for k, _ in pairs]
    if any(a == b for a, b in pairwise(keys)):
        raise ValueError(f"two words share a {bits}-bit key; use more bits")
    # Commonest slots first: small slot numbers compress best.
    slots_made = [m for m, _ in Counter(m for _, m in pairs).most_common()]
    if len(slots_made) > 1 << 16:
        raise ValueError("more than 65,536 distinct (mask, bands) slots")
    slot_of = {m: i for i, m in enumerate(slots_made)}
    highs = [k >> _LOW for k in keys]
    gaps = array("I", [b - a for a, b in pairwise([0, *highs])])
    lows = array("H", [k & 0xFFFF for k in keys])
    slots = array("H", [slot_of[m] for _, m in pairs])
    masks = array("Q", [m for m, _ in slots_made])
    low_planes = array("Q", [b & _MASK64 for _, b in slots_made])
    high_planes = array("Q", [b >> 64 for _, b in slots_made])
    packed = b"".join(map(_little, (masks, low_planes, high_planes, gaps, slots)))
    head = _HEADER.pack(_MAGIC, len(keys), len(slots_made), bits)
    # Strongest preset, but no larger a dictionary than the data (small indexes build fast).
    lzma2 = {"id": lzma.FILTER_LZMA2, "preset": 9 | lzma.PRESET_EXTREME}
    lzma2["dict_size"] = max(4096, min(len(packed), 1 << 26))
    return head + _little(lows) + lzma.compress(packed, filters=[lzma2])


def _compiled_words(index: WordIndex) -> _cscore.Words | None:
    """The compiled twin of ``index``'s lookups (``_cscore.Words``, reading its arrays in
    place), or ``None`` without the compiled module or for arrays it cannot read."""
    module = load("textfix.scoring._cscore")
    items = (index._highs.itemsize, index._lows.itemsize, index._slots.itemsize)
    if module is None or items != (4, 2, 2) or index._starts.itemsize != 4:
        return None
    if not all(0 <= m < 1 << 64 for m in index._masks):
        return None
    masks = _little(array("Q", index._masks))
    planes = array("Q")
    for value in index._bands:  # per slot: the low plane, then the high plane
        planes.extend((value & _MASK64, value >> 64))
    words: _cscore.Words = module.Words(
        index._highs,
        index._lows,
        index._slots,
        index._starts,
        masks,
        index._bits,
        index._shift,
        _little(planes),
    )
    return words


class WordIndex:
    """Read-only ``word -> language mask`` lookup with the ``dict.get`` / ``in`` interface.

    Keys are split in two parallel arrays: the sorted high bits (``bisect``) and the low 16
    bits; a key's high bits are almost always unique, so a lookup checks one or two slots.
    """

    __slots__ = (
        "_bands",
        "_bits",
        "_cached",
        "_compiled",
        "_highs",
        "_lows",
        "_masks",
        "_shift",
        "_slots",
        "_starts",
    )

    def __init__(
        self,
        highs: array,  # type: ignore[type-arg]
        lows: array,  # type: ignore[type-arg]
        slots: array,  # type: ignore[type-arg]
        masks: tuple[int, ...],
        bits: int = HASH_BITS,
        bands: tuple[int, ...] | None = None,
    ) -> None:
        self._highs = highs
        self._lows = lows
        self._slots = slots
        self._masks = masks
        self._bands = bands if bands is not None else (0,) * len(masks)
        self._bits = bits
        # Where each run of keys sharing their top BUCKET_BITS bits starts: a lookup then
        # searches ~100 neighbouring keys instead of the whole array (a few cache lines
        # rather than ~20 scattered reads when the index is not in the CPU's caches).
        self._shift = max(0, bits - _LOW - BUCKET_BITS)
        self._starts = array(
            "I", (bisect_left(highs, b << self._shift) for b in range((1 << BUCKET_BITS) + 1))
        )
        compiled = self._compiled = _compiled_words(self)
        self._cached: Callable[[str], int] = (
            lru_cache(maxsize=CACHE)(self._lookup) if compiled is None else compiled.get
        )

    def compiled_langs(self) -> Callable[[str], int] | None:
        """``word -> mask of the word's fold`` (``model.word_langs``) in one compiled call,
        or ``None`` without the compiled module."""
        return None if self._compiled is None else self._compiled.langs

    def compiled_get(self) -> Callable[[str], int] | None:
        """``word -> mask of the word as it is`` (:meth:`get` with no default) in one
        compiled call, or ``None`` without the compiled module."""
        return None if self._compiled is None else self._compiled.get

    def compiled_band(self) -> Callable[[str, int], int] | None:
        """``(word, language index) -> band of the word's fold`` (``model.word_band``) in
        one compiled call, or ``None`` without the compiled module."""
        return None if self._compiled is None else self._compiled.band

    @classmethod
    def decode(cls, data: bytes) -> WordIndex:
        """Load an index written by :func:`encode`."""
        magic, count, nslots, bits = _HEADER.unpack_from(data)
        if magic != _MAGIC:
            raise ValueError("not a textfix word index (or one of an older format)")
        at = _HEADER.size
        view = memoryview(data)  # slices of a view copy nothing
        lows = _from_little("H", view[at : at + 2 * count])
        packed = memoryview(lzma.decompress(view[at + 2 * count :]))
        masks = tuple(_from_little("Q", packed[: 8 * nslots]))
        low_planes = _from_little("Q", packed[8 * nslots : 16 * nslots])
        high_planes = _from_little("Q", packed[16 * nslots : 24 * nslots])
        bands = tuple(h << 64 | lo for h, lo in zip(high_planes, low_planes, strict=True))
        at = 24 * nslots
        gaps = _from_little("I", packed[at : at + 4 * count])
        slots = _from_little("H", packed[at + 4 * count : at + 6 * count])
        packed.release()
        highs = array("I", accumulate(gaps))
        return cls(highs, lows, slots, masks, bits, bands)

    def _slot(self, word: str) -> int:
        """The slot of ``word``, -1 when it is not shipped."""
        key = word_key(word, self._bits)
        high, low = key >> _LOW, key & 0xFFFF
        highs = self._highs
        bucket = high >> self._shift
        i = bisect_left(highs, high, self._starts[bucket], self._starts[bucket + 1])
        while i < len(highs) and highs[i] == high:
            if self._lows[i] == low:
                slot: int = self._slots[i]
                return slot
            i += 1
        return -1

    def _lookup(self, word: str) -> int:
        """The mask of ``word``, 0 when it is not shipped (shipped masks are never 0)."""
        slot = self._slot(word)
        return 0 if slot < 0 else self._masks[slot]

    def band(self, word: str, index: int) -> int:
        """The frequency band (0-:data:`MAX_BAND`) of ``word`` as it is in the language of
        bit ``index``: 0 when the word is not shipped for it or its source has no
        frequencies (not cached: asked only where the ranking compares known words)."""
        slot = self._slot(word)
        return 0 if slot < 0 else band_of(self._bands[slot], index)

    def get(self, word: str, default: int = 0) -> int:
        """The mask of ``word``, or ``default`` when it is not a shipped word."""
        mask: int = self._cached(word)
        return mask or default

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and self._cached(word) != 0

    def __len__(self) -> int:
        return len(self._highs)
