"""Can a single-byte round trip turn a word into a known word? One lookup for most words.

The legacy engine needs word-level evidence for thin repairs: ``dzieñ`` is worth repairing
because a round trip gives ``dzień``. Asking that of every table (translate, fold, look up)
costs ~30 lookups per word; most words of clean text reach no known word at all.

Single-byte round trips keep every ASCII character in place and map each non-ASCII one to
one non-ASCII character, so a word can only become a known word with the same *skeleton*:
its ASCII letters, lower-cased, with ``?`` for every other character (``dzie?`` for both
``dzieñ`` and ``dzień``). ``data/reach.bloom`` (built by ``tools/build_skeletons.py`` from
the word lists of ``words.idx``) holds the skeletons of the shipped words and the words
themselves, in a Bloom filter: a skeleton it does not hold settles the question, and the
per-table check that remains tests each round trip against the filter before the exact
index. Case folding is allowed for: ``ß`` folds to ``ss`` and ``İ`` to ``i̇``, so the
filter also holds each skeleton with those spelled ``?``.

Without the filter (missing, or built for other word lists) the answers are the same, only
slower: the filter is never the only evidence.

>>> skeleton("Dzieñ"), skeleton("Łódź")
('dzie?', '??d?')
>>> sorted(skeleton_variants("strasse"))
['stra?e', 'strasse']
"""

from __future__ import annotations

import re
import sys
from array import array
from codecs import charmap_decode
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache, reduce
from importlib import resources
from itertools import compress
from operator import and_
from typing import NamedTuple
from zlib import crc32

from textfix.chains import UNDECODABLE, single_byte_steps
from textfix.repair.tokens import token_spans
from textfix.scoring._bloom import Bloom
from textfix.scoring._data import langdata
from textfix.scoring.model import _LATIN_MARK_RE, _fold, word_langs

_NON_ASCII = re.compile(r"[^\x00-\x7f]")
#: No shipped word is longer (``tools/build_skeletons.py`` checks it): longer stretches of
#: text need no lookup.
MAX_WORD = 64
#: Spellings a folded word may have where the round trip made one character that case
#: folding turned into two (``ß`` -> ``ss``, ``İ`` -> ``i̇``).
_EXPANDED = ("ss", "i\u0307")


def skeleton(word: str) -> str:
    """``word``'s ASCII letters lower-cased, ``?`` for every non-ASCII character."""
    return _NON_ASCII.sub("?", word).lower()


def skeleton_variants(folded: str) -> set[str]:
    """Skeletons a round trip's image must have to fold to ``folded`` (a folded word)."""
    out = {""}
    i = 0
    parts: list[tuple[str, ...]] = []
    while i < len(folded):
        two = folded[i : i + 2]
        if two in _EXPANDED:
            parts.append((skeleton(two), "?"))
            i += 2
        else:
            parts.append((skeleton(folded[i]),))
            i += 1
    for choices in parts:  # 2 ** (number of "ss") variants: words have few
        out = {head + c for head in out for c in choices}
    return out


def word_key(folded: str) -> bytes:
    """The filter key of a folded word."""
    return b"w" + folded.encode("utf-8", "surrogatepass")


def skeleton_key(skel: str) -> bytes:
    """The filter key of a skeleton."""
    return b"s" + skel.encode("utf-8", "surrogatepass")


def index_keys(words: Iterable[str]) -> Iterator[bytes]:
    """Every filter key for the shipped (folded) ``words`` (used by the build tool)."""
    for word in words:
        # A round trip's image holds a non-ASCII character, or an "ss" folded from ß.
        if not word.isascii() or "ss" in word:
            yield word_key(word)
        for skel in skeleton_variants(word):
            if "?" in skel:
                yield skeleton_key(skel)


def _read(name: str) -> bytes:
    return resources.files("textfix.scoring").joinpath("data").joinpath(name).read_bytes()


def words_stamp() -> int:
    """Stamp of the shipped word index that a filter must carry to be used."""
    return crc32(_read("words.idx"))


@cache
def reach_filter() -> Bloom | None:
    """The shipped filter, or ``None`` when it is missing or was built for other words."""
    try:
        bloom = Bloom.decode(_read("reach.bloom"))
    except (OSError, ValueError):
        return None
    return bloom if bloom.stamp == words_stamp() else None


@cache
def _image_table() -> dict[str, tuple[str, ...]]:
    """Each character some single-byte step changes -> what every step (in table order)
    turns it into (built once: a few hundred characters)."""
    steps = single_byte_steps()
    chars = {chr(code) for _step, table in steps for code in table}
    return {ch: tuple(table.get(ord(ch), ch) for _step, table in steps) for ch in chars}


def _images(ch: str) -> tuple[str, ...]:
    """What each single-byte step (in table order) turns ``ch`` into."""
    images = _image_table().get(ch)
    return (ch,) * len(single_byte_steps()) if images is None else images


@lru_cache(maxsize=4096)
def distinct_tables(chars: str) -> tuple[dict[int, str], ...]:
    """One translation table per distinct way the round trips rewrite ``chars``, in table
    order (the first table of each way).

    >>> len(distinct_tables("ñ")) > 5, distinct_tables("")
    (True, ())
    """
    steps = single_byte_steps()
    first: dict[tuple[str, ...], int] = {}
    # Column i holds what step i does to each character: one tuple per step, built in C.
    for i, image in enumerate(zip(*map(_images, chars), strict=True)):
        first.setdefault(image, i)
    unchanged = tuple(chars)
    return tuple(
        steps[i][1] for image, i in first.items() if image != unchanged and UNDECODABLE not in image
    )


def is_known(folded: str) -> bool:
    """Whether ``folded`` (a case-folded word) is a shipped word; the filter answers most
    misses without the exact index."""
    bloom = reach_filter()
    if bloom is not None and word_key(folded) not in bloom:
        return False
    return folded in langdata().word_mask


@cache
def _pages() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each display code page of the single-byte steps with the decoding tables of its true
    code pages (``charmap_decode`` with a table skips the codec registry: ~5x faster)."""
    by_shown: dict[str, list[str]] = {}
    for (true, shown), _table in single_byte_steps():
        by_shown.setdefault(shown, []).append(true)
    return tuple(
        (shown, tuple(bytes(range(256)).decode(true, "replace") for true in trues))
        for shown, trues in by_shown.items()
    )


@cache
def _holders() -> dict[str, int]:
    """Non-ASCII character -> bit mask of the display pages (as in :func:`_pages`) holding it."""
    out: dict[str, int] = {}
    for i, (shown, _trues) in enumerate(_pages()):
        for ch in bytes(range(0x80, 0x100)).decode(shown, errors="ignore"):
            out[ch] = out.get(ch, 0) | 1 << i
    return out


def _token_images(token: str) -> set[str] | None:
    """Every image of ``token`` under the single-byte steps (each an exact round trip), or
    ``None`` when a display page holds only some of its characters (the tables then leave
    the others as they are; :func:`distinct_tables` handles that)."""
    holders = _holders()
    every, some = -1, 0
    for ch in set(token):
        if ch > "\x7f":
            mask = holders.get(ch, 0)
            every &= mask
            some |= mask
    if some & ~every:
        return None
    images: set[str] = set()
    for i, (shown, tables) in enumerate(_pages()):
        if every >> i & 1:
            data = token.encode(shown)
            images.update(charmap_decode(data, "strict", table)[0] for table in tables)
    return {image for image in images if UNDECODABLE not in image}


def may_reach(token: str) -> bool:
    """Whether some known word has ``token``'s skeleton (``False`` is certain)."""
    bloom = reach_filter()
    if bloom is None:
        return True
    if len(token) <= MAX_WORD and _ASCII.search(token) is None:
        return len(token) in _blank_lengths()  # all ``?`` (Cyrillic, Greek...): by length
    return skeleton_key(skeleton(token)) in bloom


_ASCII = re.compile(r"[\x00-\x7f]")


@cache
def _blank_lengths() -> frozenset[int]:
    """Lengths whose all-``?`` skeleton the filter holds (every non-ASCII word has it)."""
    bloom = reach_filter()
    return frozenset(
        n for n in range(MAX_WORD + 1) if bloom is None or skeleton_key("?" * n) in bloom
    )


class _Spelling(NamedTuple):
    """Per character, the (step, language) pairs a round trip's image can be a word of.

    Every shipped word with a non-ASCII letter is spelled with letters of its language's
    alphabet (``tools/build_langdata.py`` keeps no other), so an image can only be a known
    word of a language whose alphabet holds every character of the image, case-folded. Each
    character gets one integer with a :data:`_STRIDE`-bit field per step (in table order):
    bit ``L`` of field ``j`` is set when step ``j``'s image of it folds to letters of language
    ``L``, and the top bit of the field when it folds to ASCII (shipped ASCII words are not
    held to their alphabet: such an image is always looked up). ANDing a token's characters
    then leaves the steps worth a lookup, in C.
    """

    #: character -> fields as described (characters of the tables, and ASCII)
    fits: dict[str, int]
    #: character -> every bit of the fields of the steps that change it
    changes: dict[str, int]
    #: one bit at the bottom of each field (a constant field is ``mask * repeat``)
    repeat: int
    #: language bits, and the ASCII bit, of one field
    languages: int
    ascii_bit: int


#: Bits per step in :class:`_Spelling` (a 64-bit word: fields split in C by ``array``).
_STRIDE = 64


def _fold_mask(ch: str, letter_mask: dict[str, int], ascii_bit: int) -> int:
    folded = _fold(ch)
    mask = reduce(and_, (letter_mask.get(c, 0) for c in folded), -1)
    return mask | (ascii_bit if folded.isascii() else 0)


@cache
def _spelling() -> _Spelling | None:
    """The tables of :class:`_Spelling` (``None`` when languages do not fit a field)."""
    data = langdata()
    ascii_bit = 1 << (_STRIDE - 1)
    if len(data.models) >= _STRIDE - 1:
        return None
    languages = (1 << len(data.models)) - 1
    steps = len(single_byte_steps())
    repeat = int.from_bytes(array("Q", [1] * steps).tobytes(), sys.byteorder)
    masks: dict[str, int] = {}

    def fold_mask(ch: str) -> int:
        if ch not in masks:
            masks[ch] = _fold_mask(ch, data.letter_mask, ascii_bit) & (languages | ascii_bit)
        return masks[ch]

    fits: dict[str, int] = {chr(c): fold_mask(chr(c)) * repeat for c in range(128)}
    changes: dict[str, int] = {}
    every = languages | ascii_bit
    for ch, images in _image_table().items():
        fields = array("Q", map(fold_mask, images))
        fits[ch] = int.from_bytes(fields.tobytes(), sys.byteorder)
        changed = array("Q", [every if image != ch else 0 for image in images])
        changes[ch] = int.from_bytes(changed.tobytes(), sys.byteorder)
    return _Spelling(fits, changes, repeat, languages, ascii_bit)


def _word_steps(token: str) -> list[int] | None:
    """Indices of the steps whose image of ``token`` differs from it and is spelled with
    letters of one language's alphabet (or folds to ASCII): the only images that can be
    known words. ``None`` when the tables are unavailable (then try every step)."""
    spelling = _spelling()
    if spelling is None:
        return None
    fits, changes = spelling.fits, spelling.changes
    live = -1
    changed = 0
    for ch in set(token):
        field = fits.get(ch)
        if field is None:  # no step changes it: the same field for every step
            field = spelling.repeat * _fold_mask(ch, langdata().letter_mask, spelling.ascii_bit) & (
                spelling.repeat * (spelling.languages | spelling.ascii_bit)
            )
        live &= field
        changed |= changes.get(ch, 0)
    live &= changed
    if not live:
        return []
    steps = len(single_byte_steps())
    fields = array("Q")
    fields.frombytes(live.to_bytes(steps * 8, sys.byteorder))
    return list(compress(range(steps), fields))


@lru_cache(maxsize=4096)
def reaches_word(token: str) -> bool:
    """Some single-byte round trip turns ``token`` (a word with a non-ASCII letter) into a
    known word, ignoring case.

    >>> reaches_word("dzieñ"), reaches_word("déjà")
    (True, False)
    """
    return _reaches(token, known_too=True)


def becomes_word(token: str) -> bool:
    """``token`` is not a known word but a round trip turns it into one (``dzieñ`` ->
    ``dzień``).

    >>> becomes_word("dzieñ"), becomes_word("dzień"), becomes_word("déjà")
    (True, False, False)
    """
    return _reaches(token, known_too=False)


def _reaches(token: str, known_too: bool) -> bool:
    # One skeleton lookup first, then (unless ``known_too``) the word itself: most words of
    # clean text stop there. Then only the images that may be words are looked up.
    if len(token) > MAX_WORD or not may_reach(token):
        return False
    if not known_too and is_known(_fold(token)):
        return False
    steps = _word_steps(token)
    images: set[str] | None
    if steps is not None:
        tables = single_byte_steps()
        images = {token.translate(tables[j][1]) for j in steps}
    else:
        images = _token_images(token)
    if images is None:
        chars = "".join(sorted({c for c in token if c > "\x7f"}))
        images = {token.translate(t) for t in distinct_tables(chars)}
    images.discard(token)
    return any(is_known(_fold(image)) for image in images)


#: Runs of ASCII letters and non-ASCII characters: a word of a round trip's image lies
#: inside one (ASCII digits, punctuation and spaces stay what they are).
_RUN = re.compile(r"[A-Za-z\x80-\U0010ffff]+")
#: Characters that case folding turns into ASCII without a round trip (Kelvin sign): a word
#: holding one is not described by its skeleton.
_UNSAFE = re.compile("[\u212a]")


def may_reach_words(text: str) -> bool:
    """Whether some single-byte round trip of ``text`` could change a word of two letters
    or more into a known word. ``False`` is certain; ``True`` may be wrong (check exactly).

    Round trips keep positions, and a non-ASCII character may become a letter or a
    non-letter, so every stretch of a run that starts and ends at the run's ends or next to
    a non-ASCII character is a possible word of the image. Stretches whose skeleton the
    filter holds are then tried exactly, when there are few. (Round trips making combining
    accents, whose images have no skeleton of a composed word, are tried exactly.)

    >>> may_reach_words("³adny dzieñ"), may_reach_words("Bikéyah 2024")
    (True, False)
    """
    hits = word_stretches(text)
    return hits is None or any(map(reaches_word, hits)) or accents_make_words(text)


def word_stretches(text: str, most: int | None = None) -> list[str] | None:
    """The stretches of ``text`` (as in :func:`may_reach_words`) whose skeleton some known
    word has: a word of two letters or more that a round trip turns into a known word is
    the image of one of them. ``None`` when there are more than ``most`` (default
    :data:`MAX_EXACT`), too many skeletons to look up, or no filter.

    >>> word_stretches("³adny dzieñ"), word_stretches("Bikéyah 2024")
    (['³adny', 'dzieñ'], [])
    """
    bloom = reach_filter()
    if bloom is None or _UNSAFE.search(text):
        return None
    most = MAX_EXACT if most is None else most
    hits: list[str] = []
    probes = 0
    for run in _RUN.findall(text):
        if run.isascii():
            continue
        skel = skeleton(run)
        cuts = [i for i, c in enumerate(skel) if c == "?"]
        ends = (*cuts, len(skel))
        for a in (0, *(i + 1 for i in cuts)):
            for b in ends:
                if b - a > MAX_WORD:
                    break  # ends are in order: longer stretches are no word either
                if b - a > 1 and "?" in skel[a:b]:
                    probes += 1
                    if skeleton_key(skel[a:b]) in bloom:
                        hits.append(run[a:b])
                    if len(hits) > most or probes > MAX_PROBES:
                        return None  # too much to prove cheaply: let the caller check
    return hits


def steps_to_words(stretches: Iterable[str]) -> set[int]:
    """Indices (in :func:`single_byte_steps`) of the steps that turn one of ``stretches``
    into a known word, ignoring case.

    >>> from textfix.chains import single_byte_steps
    >>> sorted({single_byte_steps()[j][0][0] for j in steps_to_words(["dzieñ"])})[:2]
    ['cp1250', 'cp1257']
    """
    tables = single_byte_steps()
    out: set[int] = set()
    for stretch in stretches:
        steps = _word_steps(stretch)
        known: dict[str, bool] = {}  # image -> known word (steps share images)
        for j in range(len(tables)) if steps is None else steps:
            image = stretch.translate(tables[j][1])
            if image not in known:
                known[image] = image != stretch and is_known(_fold(image))
            if known[image]:
                out.add(j)
    return out


#: Stretches :func:`may_reach_words` tries exactly at most (each costs a few lookups), and
#: skeletons it looks up at most (a long line without spaces gives many stretches).
MAX_EXACT = 8
MAX_PROBES = 400


def marking_steps(text: str) -> int:
    """The single-byte steps (bit ``j`` for ``single_byte_steps()[j]``) that turn some character
    of ``text`` into a combining accent: cp1258's, whose tones are marks.

    >>> marking_steps("Quan troòng") != 0, marking_steps("Quan trọng")
    (True, 0)
    """
    return sum(bit for bit, chars in _marking_chars() if not chars.isdisjoint(text))


@cache
def _marking_chars() -> tuple[tuple[int, frozenset[str]], ...]:
    """``(step bit, characters it turns into a combining accent)`` of each step making one."""
    out = []
    for j, (_step, table) in enumerate(single_byte_steps()):
        marking = frozenset(chr(k) for k, v in table.items() if _LATIN_MARK_RE.fullmatch(v))
        if marking:
            out.append((1 << j, marking))
    return tuple(out)


def accents_make_words(text_core: str, steps: int = -1) -> bool:
    """Whether the round trip of a step of ``steps`` that makes combining accents changes a
    letter run of two letters or more into a known word (read composed, as the engine
    reads it: ``tro\u0323ng`` is ``trọng``).

    >>> accents_make_words("troòng"), accents_make_words("però")
    (True, False)
    """
    tables = single_byte_steps()
    steps &= marking_steps(text_core)
    seen: set[str] = set()  # (steps that rewrite the core alike: looked at once)
    while steps:
        low = steps & -steps
        steps ^= low
        cand = text_core.translate(tables[low.bit_length() - 1][1])
        if cand in seen:
            continue
        seen.add(cand)
        for start, end in token_spans(cand):
            run = cand[start:end]
            if len(run) > 1 and text_core[start:end] != run and word_langs(run):
                return True
    return False
