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
from codecs import charmap_decode
from collections.abc import Iterable, Iterator
from functools import cache, lru_cache
from importlib import resources
from zlib import crc32

from textfix.chains import UNDECODABLE, single_byte_steps
from textfix.scoring._bloom import Bloom
from textfix.scoring._data import langdata
from textfix.scoring.model import _fold

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


@lru_cache(maxsize=4096)
def _images(ch: str) -> tuple[str, ...]:
    """What each single-byte step (in table order) turns ``ch`` into."""
    code = ord(ch)
    return tuple(table.get(code, ch) for _step, table in single_byte_steps())


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
    return bloom is None or skeleton_key(skeleton(token)) in bloom


@lru_cache(maxsize=4096)
def reaches_word(token: str) -> bool:
    """Some single-byte round trip turns ``token`` (a word with a non-ASCII letter) into a
    known word, ignoring case.

    >>> reaches_word("dzieñ"), reaches_word("déjà")
    (True, False)
    """
    if len(token) > MAX_WORD or not may_reach(token):
        return False
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
    filter holds are then tried exactly, when there are few.

    >>> may_reach_words("³adny dzieñ"), may_reach_words("Bikéyah 2024")
    (True, False)
    """
    bloom = reach_filter()
    if bloom is None or _UNSAFE.search(text):
        return True
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
                    if len(hits) > MAX_EXACT or probes > MAX_PROBES:
                        return True  # too much to prove cheaply: let the caller check
    return any(map(reaches_word, hits))


#: Stretches :func:`may_reach_words` tries exactly at most (each costs a few lookups), and
#: skeletons it looks up at most (a long line without spaces gives many stretches).
MAX_EXACT = 8
MAX_PROBES = 400
