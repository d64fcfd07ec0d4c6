"""Central European words with a letter foreign to their language, and no-break spaces read
as letters.

Text written in cp1250 or iso-8859-2 and shown as cp1252 or latin-1 keeps most of its
letters; only the few its language has beyond ASCII come out as Western letters
(``Baèa`` is Slovak ``Bača``, ``elõzõ`` Hungarian ``előző``, ``Ðuro`` Croatian ``Đuro``).
One or two letters barely move the letter statistics, and a short line has no other words to
tell its language, so the engine's thin gates refuse such repairs. The word itself is the
evidence when every changed letter is foreign to a language's alphabet, the word was no
known word of any language, and the repair makes it a known word of that language, written
in the chain's code page.

cp852 (and cp437, cp850) put ``á`` at byte 0xA0, which cp1252 and latin-1 show as a
no-break space: ``Kostoln\\xa0 Ves`` is Slovak ``Kostolná Ves``. Clean typography puts
no-break spaces between words on purpose (Czech ``v\\xa0Praze`` after a one-letter word,
``10\\xa0000`` between digits, French ``mot\\xa0»`` before punctuation), so the no-break space
alone proves nothing: it sends the line to the engine only when it stands right after two
or more letters and before a space, a letter or the end, and the repair must then make
known words of one language of it.

>>> nbsp_in_word("Kostoln\\xa0 Ves"), nbsp_in_word("v\\xa0Praze"), nbsp_in_word("10\\xa0000")
(True, False, False)
>>> letters_made_words("Baèa", "Bača", ("cp1250", "cp1252"))
True
>>> letters_made_words("Crème", "Crčme", ("cp1250", "cp1252"))
False
"""

from __future__ import annotations

from collections import Counter
from functools import cache

from textfix.chains import FAMILIES, fits, translation
from textfix.repair.line_language import VOTE_LETTERS, _lower, prose
from textfix.repair.spans import word_pairs
from textfix.scoring import word_langs
from textfix.scoring._data import LangModel, langdata
from textfix.scoring.model import TOKEN_RE

#: The vote key of words no language's list knows.
UNLISTED = -1

#: Repaired words must hold this many letters in all (a two- or three-letter word is known
#: in some language by chance too often).
MIN_LETTERS = 4


#: The family's Windows and ISO pages: their upper half keeps latin-1's letters where
#: latin-1 has letters (``è`` is ``č``), so one foreign letter can be the whole mix-up. The
#: DOS and Mac pages permute every letter: a lone foreign letter through them is chance
#: (Sardinian ``Sìria`` is no cp852 ``Sýria``); they prove words by no-break spaces alone.
#: (iso-8859-16, the rarest, is left out: Turkmen ``mariý dili`` is no ``marię dili``.)
LETTER_PAGES = frozenset(("cp1250", "iso8859-2"))
#: ... shown as these (DOS and Mac display pages show those letters as symbols).
WESTERN = frozenset(("cp1252", "iso8859-1"))


@cache
def _central_european() -> frozenset[str]:
    """The true code pages of the Central European family."""
    return frozenset(t for fam in FAMILIES if fam.name == "Central European" for t in fam.trues)


def nbsp_in_word(text: str) -> bool:
    """``text`` has a no-break space that may be a letter: right after two letters (not a
    one-letter word: Czech ``v\xa0Praze``), before a letter, a space or the end of the line
    (not a digit or French punctuation). Letters are :data:`TOKEN_RE`'s characters, as in
    the compiled twin (``_cplausible``'s quick proof leaves such lines to Python).

    >>> nbsp_in_word("Om\xa0n"), nbsp_in_word("Chud¡kov\xa0"), nbsp_in_word("mot\xa0»")
    (True, True, False)
    """
    i = text.find("\xa0", 2)
    while i >= 0:
        if _nbsp_at(text, i):
            return True
        i = text.find("\xa0", i + 1)
    return False


def _nbsp_at(text: str, i: int, letters: int = 2) -> bool:
    """``text[i]`` (a no-break space) stands after ``letters`` letters and before a letter, a
    space or the end: :func:`nbsp_in_word` looks for two letters before."""
    after = text[i + 1 : i + 2]
    return (
        i >= letters
        and TOKEN_RE.fullmatch(text, i - letters, i) is not None
        and (after in ("", " ") or TOKEN_RE.fullmatch(after) is not None)
    )


def letters_made_words(text: str, cand: str, step: tuple[str, str]) -> bool:
    """``cand`` (``text`` through the single-byte round trip ``step``, ``(true, shown)``,
    whose true code page is Central European) changes only words that were no known word
    of any language, each of whose changed characters was a letter outside the alphabet of
    one language ``L`` or a no-break space; every changed word is a known word of ``L``,
    wholly of its letters, :data:`MIN_LETTERS` letters in all; ``L`` is written in ``true``
    and the repaired line's words back it (:func:`_backed`).

    Foreign letters count only through :data:`LETTER_PAGES` shown as :data:`WESTERN`.

    >>> letters_made_words("Hotelski nosaè", "Hotelski nosač", ("cp1250", "cp1252"))
    True
    >>> letters_made_words("elõzõ", "előző", ("iso8859-2", "iso8859-1"))
    True
    >>> letters_made_words("elõzõ", "előző", ("iso8859-2", "cp437"))
    False
    """
    true, shown = step
    if len(text) != len(cand) or text == cand or true not in _central_european():
        return False
    pairs = word_pairs(text, cand)
    if not pairs or sum(len(word) for _before, word in pairs) < MIN_LETTERS:
        return False
    # A no-break space made a letter stands after one and before one, a space or the end
    # (French "Groupe\xa0:" is no "Groupeá:").
    if any(a == "\xa0" != cand[i] and not _nbsp_at(text, i, 1) for i, a in enumerate(text)):
        return False
    common = -1
    for before, word in pairs:
        if len(word) < 2 or (TOKEN_RE.fullmatch(before) and word_langs(before)):
            return False  # a known word changed (or a one-letter one): no evidence
        common &= word_langs(word)
    if not common:
        return False
    letters = true in LETTER_PAGES and shown in WESTERN
    votes = _votes(prose(cand))
    for model in langdata().models.values():
        if (
            common >> model.index & 1
            and fits(true, model.code)
            and all(_foreign_made_letters(before, word, model, letters) for before, word in pairs)
            and _backed(votes, model.index)
        ):
            return True
    return False


def _votes(line: str) -> Counter[int]:
    """For each language (by model index), how many words of ``line`` (3+ letters, ASCII
    ones included) its list knows; words no list knows vote for :data:`UNLISTED`."""
    votes: Counter[int] = Counter()
    for word in TOKEN_RE.findall(line):
        if len(word) < VOTE_LETTERS:
            continue
        mask = word_langs(word)
        if not mask:
            votes[UNLISTED] += 1
        while mask:
            low = mask & -mask
            votes[low.bit_length() - 1] += 1
            mask ^= low
    return votes


def _backed(votes: Counter[int], index: int) -> bool:
    """The repaired line's words vote for language ``index`` at least as much as for any
    other, and more than for an unlisted one (words no list knows: Scottish Gaelic ``Innis
    Tìle`` is no Czech ``Těle``; French ``afficher la kième fraction`` no Croatian
    ``kičme``)."""
    own = votes[index]
    return own > votes[UNLISTED] and all(n <= own for n in votes.values())


def _foreign_made_letters(before: str, word: str, model: LangModel, letters: bool) -> bool:
    """Every character of ``before`` that the repair changed was a no-break space or (with
    ``letters``) a letter foreign to ``model``'s alphabet, and ``word`` is wholly of its
    letters."""
    alphabet = model.alphabet
    if not all(ch.isascii() or _lower(ch) in alphabet for ch in word):
        return False
    return all(
        a == b or (letters and a.isalpha() and _lower(a) not in alphabet)
        for a, b in zip(before, word, strict=True)
        if a != "\xa0"
    )


@cache
def _letter_steps() -> tuple[tuple[tuple[str, str], dict[int, str]], ...]:
    """The steps through which foreign letters count, with their translate tables."""
    return tuple(
        ((true, shown), translation(true, shown))
        for true in sorted(LETTER_PAGES)
        for shown in sorted(WESTERN)
    )


def proves_words(text: str) -> bool:
    """Some step of :data:`LETTER_PAGES` shown as :data:`WESTERN` repairs ``text`` in a way
    :func:`letters_made_words` accepts: the engine must look even when the line's letter
    statistics read well (Slovene ``statièna metoda``: one foreign letter in a long word).

    >>> proves_words("%s() (%s statièna metoda)"), proves_words("Crème brûlée")
    (True, False)
    """
    for step, table in _letter_steps():
        cand = text.translate(table)
        if cand != text and letters_made_words(text, cand, step):
            return True
    return False
