"""Mac-cyrillic text shown as cp1251, proven by its words.

The two pages share the small letters ``а``-``ю``; mac-cyrillic keeps its capitals where
cp1251 has signs and Serbian/Macedonian letters (``Џламена`` is ``Пламена``, ``‚ажно`` is
``Важно``), its ``я`` where cp1251 has ``Я`` (``ЊолЯ`` is ``Моля``), its ``ј`` where cp1251
has ``А`` (``верзиАа``) and its ``і`` where cp1251 has ``ґ`` (``седґ``). One changed letter
barely moves the letter statistics, so the engine's gates leave such lines; the words can
tell: :func:`proven` takes the whole line's round trip when the words it changes into
known words (or forms) of one language, whose shown letters are no known word, prove it,
and the line's unchanged known words (if any) name that language too.

Clean Cyrillic text fails it: its capitals (``А``-``Я``) and its letters ``і ї є ё ў ј љ
њ`` become signs or capitals inside words, its known words become unknown ones; a change
at a word's start proves only where cp1251 shows a mac capital (clean ``Ауг.`` is no
``југ.``); a quotation mark glued before a known word proves only as the line's only one
(``„добре“`` closes its quote); a word changed only in ``ґ`` proves nothing alone
(Ukrainian writes ``ґ`` and ``і``); a Serbian or Macedonian spelling (``Ќерка``) is read as
another capital only where the repaired word is a word of theirs too, or where the line's
other words name neither language, and never with no other word to back it (clean names,
``Џуба``, ``Ђуринац``, make forms of their words: ``Пуба``, ``Ауринац``); a short word alone
(``‹ов``) is chance.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from textfix.scoring._data import langdata
from textfix.scoring.endings import form_langs
from textfix.scoring.model import score, word_langs
from textfix.types import Chain

#: The chain proven here.
CHAIN: Chain = (("mac-cyrillic", "cp1251"),)

#: Confidence of a proven line (docs/confidence.md).
MAC_WORDS_CONFIDENCE = 0.9

#: Shortest repaired word that can prove the line alone (``Не``, ``Ае`` are too short).
PROVING_LETTERS = 3

#: Shortest proving word of a line with no other known word.
ALONE_LETTERS = 4

#: The languages whose alphabets hold cp1251's Serbian and Macedonian letters.
_SERBIAN_LANGS = ("sr", "mk")
#: Those letters, where mac-cyrillic has its capitals (cp1251 0x80-0x9F).
_SERBIAN_SHOWN = frozenset("ЂЃЉЊЌЋЏђѓљњќћџ")

#: What cp1251 shows where mac-cyrillic keeps its capitals ``А``-``Я`` (0x80-0x9F): the only
#: change at a word's start that proves anything (clean words start with cp1251's capitals,
#: which mac-cyrillic reads as small ``ј`` or signs, and with ``ј ґ``, its ``Љ і``).
_CAPITALS_SHOWN = frozenset(bytes(range(0x80, 0xA0)).decode("cp1251", "ignore"))

#: A letter both alphabets' readings share a language with (Ukrainian writes ``ґ`` and
#: ``і``): a word changed only there proves the line only beside another proving word.
_THIN = frozenset("ґ")

#: Quotation marks (clean text pairs them).
_QUOTES = frozenset("‚„‹›‘’“”«»\"'")

#: Runs of letters (the repaired words).
_WORD = re.compile(r"[^\W\d_]+")


@cache
def _serbian() -> tuple[int, frozenset[str]]:
    """The word-list bits of Serbian and Macedonian, and the letters both alphabets hold
    (a shown word spelled in them may be theirs)."""
    bits = 0
    letters: set[str] = set()
    for lang in _SERBIAN_LANGS:
        model = langdata().models.get(lang)
        if model is None:
            return 0, frozenset()
        bits |= 1 << model.index
        letters |= {ch for ch in model.alphabet}
    return bits, frozenset(letters)


def _langs(word: str) -> int:
    """Languages listing ``word`` or reading it as a listed stem plus an ending."""
    return word_langs(word) | form_langs(word)


def _shaped(word: str) -> bool:
    """A capital only at the start, or all capitals (``Свалбард``, ``СССР``)."""
    return word[1:].islower() or word.isupper()


def _lone_sign(text: str, start: int) -> bool:
    """The sign at ``start``, glued before small letters, is a capital's: no quotation
    mark of clean text stands alone ("‘бросить все фильтры" is "Сбросить ..."; "„добре“"
    closes its quote). A sign of any other kind makes the word's letters unknown anyway."""
    sign = text[start]
    if sign.isalpha() or sign not in _CAPITALS_SHOWN:
        return False
    return sum(ch in _QUOTES for ch in text) == (sign in _QUOTES)


def round_trip(text: str) -> str | None:
    """``text`` read back as mac-cyrillic from cp1251, or ``None`` when it has a character
    cp1251 lacks."""
    try:
        return text.encode("cp1251").decode("mac-cyrillic")
    except UnicodeError:
        return None


def proven(text: str) -> str | None:
    """The mac-cyrillic round trip of ``text`` when its words prove it (see the module
    docstring), else ``None``.

    >>> proven("‘ервер не отвечает"), proven("„добре“ каза той")
    ('Сервер не отвечает', None)
    """
    return _proven(text) if len(text) <= _CACHED else _proven_py(text)


#: Longest line :func:`proven` remembers (it is asked of a line by the look and the engine).
_CACHED = 2000


def _proven_py(text: str) -> str | None:
    cand = round_trip(text)
    if cand is None or cand == text:
        return None
    serbian_bits, serbian_letters = _serbian()
    proving = -1  # (the languages every proving word is known in)
    names = 0  # (the languages of known unchanged words)
    weak = 0  # (the languages of repaired words that prove nothing)
    proofs = thin = 0  # (proving words, and those changed only in a thin letter)
    serbian = False  # (a proving word is spelled in the Serbian or Macedonian alphabet)
    plain = 0  # (proving words that are not)
    longest = 0  # (letters of the longest proving word)
    pos = 0
    for m in _WORD.finditer(cand):
        start, end = m.span()
        if text[pos:start] != cand[pos:start]:
            return None  # (a sign made another sign or a letter made a sign)
        pos = end
        shown, word = text[start:end], m.group()
        if shown == word:
            if len(word) > 1 and not word.isascii():
                names |= word_langs(word)
            continue
        if not _shaped(word):
            return None  # (capitals made inside a word: clean text's letters read wrong)
        letters = "".join(_WORD.findall(shown))
        if not letters:
            # A sign standing alone made a one-letter word ("‚ Њоскве"): no evidence, and
            # clean text's dashes must not become letters.
            if not word_langs(word):
                return None
            continue
        made = _langs(word)
        had = _langs(letters)
        if had and not made:
            return None  # (a known word made unknown)
        if had and not (_lone_sign(text, start) and word_langs(word)):
            weak |= made
            continue
        if not made:
            continue  # (a name no list has: "Свалбард")
        changed = [i for i in range(start, end) if text[i] != cand[i]]
        if len(word) < PROVING_LETTERS or (
            changed[0] == start and text[start] not in _CAPITALS_SHOWN
        ):
            weak |= made  # (no proof: "Ауг." is clean Serbian, no "југ.")
            continue
        # (a Serbian or Macedonian spelling, "Ќерка", must be read as a word of theirs,
        # unless the line's other words name neither: "ќтот год"; alone, it is read as it
        # stands: clean names such as "Џурово", "Ђуринац" make forms of Serbian words)
        spelled = shown[0] in _SERBIAN_SHOWN and all(ch in serbian_letters for ch in shown.lower())
        serbian = serbian or spelled
        plain += not spelled
        proving &= made
        longest = max(longest, len(word))
        thin += all(text[i] in _THIN for i in changed)
        proofs += 1
    if text[pos:] != cand[pos:] or proving in (-1, 0) or (thin == proofs == 1):
        return None
    if names and not proving & names:
        return None
    if not names and longest < ALONE_LETTERS:
        return None  # (cp866's "‹ов" is no "Лов": a short word alone is chance)
    if serbian and not names and not plain:
        return None  # (words of the Serbian or Macedonian alphabet alone: "Џуба" is a name)
    if serbian and names & serbian_bits and not proving & serbian_bits:
        return None
    if weak and not proving & weak:
        return None
    if score(cand).logprob <= score(text).logprob:
        return None
    return cand


_proven = lru_cache(maxsize=1024)(_proven_py)
