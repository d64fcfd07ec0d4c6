"""A cheap acceptance test: lines that plainly read as real text need no single-byte repair.

The legacy engine's first gate is "the original looks implausible". Most non-ASCII lines are
clean, and proving that one is clean costs far less than generating and scoring round trips:

- only characters some display code page can hold can change (the engine's round trips
  leave every other character alone), so a line without any of them is left as it is;
- every letter bigram touching such a character must be attested by ONE language's bigram
  table (per-language bit masks, ANDed; a bigram with one of :data:`RARE_LETTERS` only
  when not rarer than :data:`RARE_BIGRAM`): ``Kuþ uçtu`` mixes Icelandic ``þ`` with Turkish ``ç``
  and fails, ``déjà vu`` is French and passes; words mixing scripts fail too, since no
  table holds a bigram of two scripts;
- no symbol of the display code pages other than common punctuation, and none of those (nor a
  run of them) glued between letters (``³adny``, ``óêðà¿íñü``, ``v„„rtus``);
- no small letter followed by a capital where one of them is non-ASCII (``dzieÑ``,
  ``оПХБЕР``).

>>> plausible("Le café est déjà prêt"), plausible("Цей текст також доступний українською")
(True, True)
>>> plausible("Öåé òåêñò òàêîæ äîñòóïíèé óêðà¿íñüêîþ"), plausible("Kuþ uçtu")
(False, False)
>>> plausible("³adny dzieñ"), plausible("оПХБЕР"), plausible("漢字とかな")
(False, False, True)
"""

from __future__ import annotations

import re
import string
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache, reduce
from itertools import repeat
from operator import add, and_

from textfix.chains import UTF8_STEPS, single_byte_steps
from textfix.repair._scan import compiled_line_test, compiled_scan, native
from textfix.repair.gate_sheet import typed_scan
from textfix.repair.reach import MAX_WORD, becomes_word, distinct_tables
from textfix.scoring._data import langdata
from textfix.scoring.model import TOKEN_RE, _fold, script_of

# distinct_tables is re-exported for the legacy engine.
__all__ = ["distinct_tables", "plausible", "typed_in_unicode", "utf8_round_trip"]

#: Non-letters real text often has next to words; any other symbol a display code page can
#: hold is a mojibake shape (box drawing, C1 controls, ``¤ ¦ ¨ ¬ ¯ ´ ¸ ³ ¹``...).
COMMON_SYMBOLS = "\u00a0«»„“”‘’‚‹›…–—°ºª·•€£¥©®™№§¿¡‰†×±"
#: Of those, signs rather than punctuation: a line with more of them than non-ASCII letters
#: reads like symbols strewn by mojibake (``%(size)d ¡\xa0©â`` is ``байт`` in cp866).
SIGNS = "¡¿©®°ºª·•€£¥™№§‰†×±"
#: Of those, the ones that never touch a letter.
TOUCHING_SYMBOLS = "£¥€§†×±"
#: Of those, the ones real words hold between letters (``l’homme``, Catalan ``l·l``).
INNER_SYMBOLS = "’‘"
#: A bigram with one of :data:`RARE_LETTERS` less likely than this (log-probability) in a
#: language is one that language does not write, for this test: "kopyalanýyor" (cp1254's
#: "ı" shown as cp1252) has Icelandic's "ý" between letters Icelandic writes it beside once
#: in a million, and "Mozdonyvezetõ" Portuguese's "õ" after a "t".
RARE_BIGRAM = -7.0
#: ... for bigrams with one of these letters: those a Central European, Turkish or Baltic
#: code page shown as cp1252 or latin-1 makes of its own letters, that few languages write
#: (Icelandic ``ð þ ý``, Portuguese and Estonian ``õ``, French ``û``, Danish ``æ``: cp1250's
#: ``ć`` in ``Kramariæ``). Other letters are left out: most lines with them are clean
#: (Catalan ``adreça`` has a rarer ``eç``).
RARE_LETTERS = frozenset("ðþýõûæ")
#: Small letters an ordinal indicator never stands right before in real text (the scorer's
#: ``_LEADING_NEXT``).
ORDINAL_NEXT = "[a-z\u00df-\u00ff]"


@dataclass(frozen=True)
class _Tables:
    """Everything the test needs, built once from the chain table and the scorer's data."""

    #: A character a single-byte display code page holds (outside ASCII): one that can change.
    changeable: re.Pattern[str]
    #: A letter no display page holds: a word with one cannot be single-byte mojibake.
    inert: re.Pattern[str]
    #: A shape that sends the line to the engine: odd symbol, glued symbol, odd case.
    shape: re.Pattern[str]
    #: Character -> bit mask of the UTF-8 chains' display pages (by index in
    #: :data:`UTF8_SHOWN`) that show a UTF-8 lead byte as it, and a continuation byte.
    utf8_lead: dict[str, int]
    utf8_cont: dict[str, int]
    #: ASCII, then a character some page shows a lead byte as, then a continuation one.
    utf8_pair: re.Pattern[str]
    #: One of :data:`SIGNS`.
    sign: re.Pattern[str]
    #: Bigram -> bit mask of the languages whose table has it (one script per bigram).
    masks: dict[str, int]
    #: Non-ASCII characters the display code page of some chain (UTF-8 ones included) holds.
    shown: frozenset[str]
    #: The letters a token may hold without being inert (besides ASCII), as one string.
    inner: str
    #: The character sets of ``changeable`` and ``shape``, for the compiled line test.
    line_sets: tuple[str, ...]


def _char_class(chars: set[str]) -> str:
    return "[" + "".join(re.escape(c) for c in sorted(chars)) + "]"


def _held() -> set[str]:
    """Non-ASCII characters the display code pages of single-byte chains hold."""
    held: set[str] = set()
    for step, _table in single_byte_steps():
        held.update(bytes(range(0x80, 0x100)).decode(step[1], errors="ignore"))
    held.discard("\ufffd")
    return held


#: Display code pages of the UTF-8 chains, each once.
UTF8_SHOWN = tuple(dict.fromkeys(shown for _true, shown in UTF8_STEPS))


def _byte_masks(first: int, last: int) -> dict[str, int]:
    """Character -> bit mask of the pages in :data:`UTF8_SHOWN` showing a byte of
    ``first..last`` as it."""
    out: dict[str, int] = {}
    for i, shown in enumerate(UTF8_SHOWN):
        for ch in bytes(range(first, last + 1)).decode(shown, errors="ignore"):
            out[ch] = out.get(ch, 0) | 1 << i
    return out


def _shown_by_utf8_pages() -> set[str]:
    return {
        ch
        for shown in UTF8_SHOWN
        for ch in bytes(range(0x80, 0x100)).decode(shown, errors="ignore")
        if ch != "\ufffd"
    }


def _same_script(bigram: str) -> bool:
    scripts = {script_of(c) for c in bigram if c != " "}
    return len(scripts) <= 1


def _build() -> _Tables:
    held = _held()
    folded = held | {_fold(c) for c in held if len(_fold(c)) == 1}
    letters = {c for c in held if TOKEN_RE.fullmatch(c)}
    odd_symbols = held - letters - set(COMMON_SYMBOLS)
    glued = set(COMMON_SYMBOLS) - set(INNER_SYMBOLS) - {"·"}
    lower = {c for c in letters if c.islower()}
    upper = {c for c in letters if c.isupper()}
    any_lower_set = lower | set(string.ascii_lowercase)
    any_upper_set = upper | set(string.ascii_uppercase)
    any_lower, any_upper = _char_class(any_lower_set), _char_class(any_upper_set)
    word = r"[^\W\d_]"
    touching = _char_class(set(TOUCHING_SYMBOLS))
    # Every alternative starts with the character it is about (context comes in lookarounds):
    # the search then tests one position at a time cheaply, ~4x faster than lookbehinds first.
    shape = "|".join(
        (
            _char_class(odd_symbols),
            # (a run of them too: cp775 shown as cp1252 spells Estonian "väärtus" "v„„rtus")
            rf"{_char_class(glued)}(?<={word}.)(?={_char_class(glued)}*{word})",
            # Catalan's l·l is the one word-internal middle dot.
            rf"·(?<={word}·)(?<!l·)(?={word})|·(?<={word}·)(?!l)(?={word})",
            rf"{touching}(?={word})|{touching}(?<={word}.)",
            # mac-cyrillic's С is cp1251's ‘: an opening quote right before a non-ASCII letter.
            rf"‘{_char_class(letters)}",
            # An ordinal indicator right before a small letter: real text writes it after a
            # number or an abbreviation (``1º``, ``nº``); iso8859-10 shown as latin-1 or cp1252
            # spells Estonian ``Šveitsi`` as ``ªveitsi``, iso8859-4 as ``©veitsi``; the
            # scorer's _LEADING has them too).
            rf"[ºª©®](?={ORDINAL_NEXT})",
            rf"{any_upper}(?<={_char_class(lower)}.)|{_char_class(upper)}(?<={any_lower}.)",
        )
    )
    # Letters of a token: ASCII ones, held ones, and marks (any other letter makes it inert).
    inner = "".join(sorted(folded))
    lead, cont = _byte_masks(0xC2, 0xF4), _byte_masks(0x80, 0xBF)
    masks: dict[str, int] = {}
    for model in langdata().models.values():
        for bg, lp in model.bigrams.items():
            if _same_script(bg) and (lp >= RARE_BIGRAM or RARE_LETTERS.isdisjoint(bg)):
                masks[bg] = masks.get(bg, 0) | 1 << model.index
    return _Tables(
        changeable=re.compile(_char_class(held)),
        sign=re.compile(_char_class(set(SIGNS))),
        utf8_lead=lead,
        utf8_cont=cont,
        utf8_pair=re.compile(rf"[\x00-\x7f]*+{_char_class(set(lead))}{_char_class(set(cont))}"),
        inert=re.compile(rf"[^\x00-\x7f{re.escape(inner)}]"),
        shape=re.compile(shape, re.S),
        masks=masks,
        shown=frozenset(held | set(lead) | set(cont) | _shown_by_utf8_pages()),
        inner=inner,
        # In the order _cplausible.init_line takes them (its shape test mirrors ``shape``).
        line_sets=tuple(
            "".join(sorted(chars))
            for chars in (
                held,
                odd_symbols,
                glued,
                set(TOUCHING_SYMBOLS),
                letters,
                lower,
                upper,
                any_lower_set,
                any_upper_set,
            )
        ),
    )


@cache
def _tables() -> _Tables:
    # Built on first use (a race at worst builds it twice; the result is the same).
    return _build()


def _utf8_pages(line: str) -> int:
    """Bit mask of the pages in :data:`UTF8_SHOWN` whose whole-line round trip may succeed:
    the first non-ASCII character must show a lead byte, the next one a continuation byte,
    in the same page (that leaves few pages, usually none, to try for real)."""
    t = _tables()
    pair = t.utf8_pair.match(line)  # the same test for the union of the pages, in C
    if pair is None:
        return 0
    return t.utf8_lead.get(line[pair.end() - 2], 0) & t.utf8_cont.get(line[pair.end() - 1], 0)


def _round_trips(line: str, pages: int) -> bool:
    """Some page of ``pages`` (see :func:`_utf8_pages`) round-trips ``line`` as UTF-8."""
    for i, shown in enumerate(UTF8_SHOWN):
        if pages >> i & 1:
            try:
                line.encode(shown).decode("utf-8")
            except UnicodeError:
                continue
            return True
    return False


def utf8_round_trip(line: str) -> bool:
    """Some UTF-8 chain's whole-line strict round trip changes ``line``."""
    return _round_trips(line, _pages_test()(line))


@cache
def _pages_test() -> Callable[[str], int]:
    """:func:`_utf8_pages`, compiled (``_cplausible.utf8_pages``) once the line tables were
    handed over (with the compiled :func:`_line_pages`)."""
    test = _line_test()
    if test is _line_pages:
        return _utf8_pages
    module = native()
    compiled: Callable[[str], int] = module.utf8_pages if module is not None else _utf8_pages
    return compiled


def plausible(line: str) -> bool:
    """True when ``line`` plainly reads as real text: no single-byte repair can be right.

    >>> plausible("Zażółć gęślą jaźń"), plausible("Za¿ó³æ gê¶l¹ jaŸñ")
    (True, False)
    """
    pages = _line_test()(line)
    return pages == 0 or (pages > 0 and not _round_trips(line, pages))


def _line_pages(line: str) -> int:
    """-1 when ``line`` fails the tests of :func:`plausible` that need no round trip (a
    mojibake shape, or :func:`_words_pass`), else its :func:`_utf8_pages`. Compiled twin:
    ``_cplausible.line_pages``."""
    t = _tables()
    if t.changeable.search(line) is not None and (t.shape.search(line) or not _words_pass(line)):
        return -1
    return _utf8_pages(line)


def _words_pass(line: str) -> bool:
    """The per-word part of :func:`plausible` (compiled twin: ``_cplausible.scan``): not
    more signs than non-ASCII letters in words, one language holding every bigram of the
    words that could change, and none of those words becoming a known word by a round trip.

    >>> _words_pass("dzień dobry"), _words_pass("dzieñ dobry"), _words_pass("Kuþ uçtu")
    (True, False, False)
    """
    t = _tables()
    tokens = [tok for tok in TOKEN_RE.findall(line) if not tok.isascii()]
    signs = len(t.sign.findall(line))
    if signs and signs > sum(1 for tok in tokens for c in tok if c > "\x7f"):
        return False
    inert = t.inert.search
    kept = [tok for tok in tokens if not inert(tok)]
    if kept:
        # Words longer than any known word (no evidence, no cache entry) are tested uncached.
        masks = [_token_mask(w) if len(w) <= MAX_WORD else _bigram_mask(w) for w in kept]
        if not reduce(and_, masks, -1):
            return False  # no one language has every bigram
        if any(map(_becomes_word, kept)):
            return False  # a round trip gives a known word: the engine must look
    return True


@cache
def _words_test() -> Callable[[str], bool]:
    """The compiled :func:`_words_pass` when it is built (and not turned off), else it."""
    t = _tables()
    scan = compiled_scan(t.inner, SIGNS, t.masks)
    return _words_pass if scan is None else scan


@cache
def _line_test() -> Callable[[str], int]:
    """The compiled :func:`_line_pages` when it is built (and not turned off), else it."""
    t = _tables()
    if _words_test() is _words_pass:
        return _line_pages
    test = compiled_line_test(t.line_sets, t.utf8_lead, t.utf8_cont)
    return _line_pages if test is None else test


def typed_in_unicode(line: str) -> bool:
    """True when ``line`` holds a letter that no display code page holds, of the same
    alphabet as every letter it has that a round trip could change, and no odd symbol: such
    a line was never single-byte text (Ossetian ``ӕ`` among Cyrillic letters, Yoruba ``ẹ``
    among Latin ones), so no single-byte repair can be right.

    >>> typed_in_unicode("Бӕрӕг кӕны"), typed_in_unicode("Orílẹ̀-èdè")
    (True, True)
    >>> typed_in_unicode("Бӕрӕг Kuþ"), typed_in_unicode("Бӕрӕг ±¤"), typed_in_unicode("Kuþ")
    (False, False, False)
    """
    found = typed_scan(line)  # (the same scan in C)
    if found is not None:
        return found
    shown = _tables().shown
    changed: set[str] = set()
    typed: set[str] = set()
    for ch in set(line):
        if ch < "\x80":
            continue
        if ch.isalpha():
            # The first word of the name is the script (LATIN, CYRILLIC, GREEK...).
            (changed if ch in shown else typed).add(unicodedata.name(ch, "?").split(" ", 1)[0])
        elif ch in shown and ch not in COMMON_SYMBOLS and not unicodedata.combining(ch):
            return False  # a symbol a round trip may turn into a letter
    return len(changed) == 1 and changed <= typed


def _bigram_mask(token: str) -> int:
    """Languages whose bigram tables hold every bigram of ``token`` (word boundaries
    included), as a bit mask. A line's bigrams are those of its tokens (joined by spaces),
    so the line passes when its tokens' masks share a language; each token is tested once."""
    padded = " " + _fold(token) + " "
    mask: int = reduce(and_, map(_tables().masks.get, map(add, padded, padded[1:]), repeat(0)), -1)
    return mask


_token_mask = lru_cache(maxsize=8192)(_bigram_mask)


#: ``token`` is not a known word but a round trip turns it into one (``dzieñ`` ->
#: ``dzień``): the word-level evidence the engine needs for a thin repair.
_becomes_word = lru_cache(maxsize=8192)(becomes_word)
