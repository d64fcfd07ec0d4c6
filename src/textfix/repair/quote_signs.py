"""Punctuation of a Windows code page shown as letters and signs of another page.

Real Western European text (word processors, translation catalogues) is full of cp1252's
punctuation: ``‘ ’ “ ” „ – — … « » •`` at 0x82-0x97, 0xAB, 0xBB. Shown as cp437 or cp850 they
become LETTERS (``’`` -> ``Æ``, ``“`` -> ``ô``, ``”`` -> ``ö``, ``–`` -> ``û``, ``«`` ->
``½``), shown as mac-roman too (``’`` -> ``í``, ``“`` -> ``ì``, ``”`` -> ``î``, ``–`` ->
``ñ``), and cp1251 shows the acute accent written as an apostrophe (``commando´s``) as
``ґ``. iso8859-13 (Baltic) puts its quotation marks where latin-1 has signs (``“`` at
0xB4, ``´``; ``”`` at 0xA1, ``¡``; ``„`` at 0xA5, ``¥``). A line whose only broken
characters are these reads as plausible text to the letter statistics (``Hierdie is nie Æn
geldige adres nie.``, ``Väärtus ´%(value)s¡``), so the engine's gates leave it.

The signs each (true page, shown page) step of :data:`PAGES` makes of the true page's
punctuation are worked out from the codecs (:data:`IMAGES`), their roles from the
punctuation itself: pairs of an opening and a closing mark (:data:`PAIRS`), apostrophes,
dashes, and marks that only may stand where they stand (an ellipsis ending a word, a bullet
opening a line). :func:`signs_quoted` repairs a line through the exact strict round trip of
the WHOLE line (``text.encode(shown).decode(true)``) when

- every sign stands where its mark stands in clean text, and one at least where clean text
  never shows the sign (:func:`_evidence`): an opening and a closing sign paired around a
  word or a placeholder (``ô%(value)sö``, ``ì{î``), a dash sign between digits (``1û4``)
  or between spaces (a one-letter word there, Kurdish ``û``, Galician ``ó``, only beside
  other evidence), an apostrophe sign where the line's language writes an apostrophe
  (:data:`ELIDED`, :data:`CONTRACTED`: ``lÆoption``, ``canít``, ``Æn`` for Afrikaans
  ``’n``, ``commando┤s``);
- the repaired line's words name languages written in the true page (:func:`_named`);
- every word whose letters the round trip changes is a known word of one (``diΘ`` ->
  ``dié``), no letter becomes a sign nor a sign a C1 control, and a dash glued between
  letters joins two known words (``canci—n`` is clean Spanish ``canción``).

:func:`looks_quoted` is the cheap, language-free shape (compiled twin:
``_cplausible.looks_quoted``, which the quick proof asks: it hands such lines on); where
the signs stand (:func:`_evidence_py`) is compiled too (``_cgates.quote_evidence``). On the
clean sets it flags 40 of 21,442 dev clean lines, 131 of 77,415 Django/Sphinx lines, 601
of 623,641 Debian prose lines, 163 of 106,798 CLDR names, 117 of 62,934 hunspell stems, 20
of 7,323 Faker lines and 567 of 116,835 wheel catalogue lines (Spanish ``día``, Irish
``níos``: an apostrophe's shape), and :func:`signs_quoted` repairs none of them, nor any
other line of those sets.

>>> signs_quoted("Väärtus ´%(value)s¡ ei ole lubatud väärtus.")
('Väärtus “%(value)s” ei ole lubatud väärtus.', (('iso8859-13', 'cp1252'),))
>>> signs_quoted("Kies alle objekte op diΘ bladsy vir Æn aksie")
('Kies alle objekte op dié bladsy vir ’n aksie', (('cp1252', 'cp437'),))
>>> signs_quoted("¡Hola! don´t") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache, lru_cache
from typing import NamedTuple

from textfix._native import load
from textfix.chains import fits
from textfix.repair._scan import native
from textfix.repair.line_language import LINE_VOTES, prose, word_votes
from textfix.repair.tokens import token_spans
from textfix.scoring import word_langs
from textfix.scoring._data import LangModel, langdata
from textfix.scoring.model import score
from textfix.types import Chain

#: The true code pages and the pages each is shown as, in the order they are tried.
PAGES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("cp1252", ("cp437", "cp850", "mac-roman", "cp1251")),
    ("iso8859-13", ("cp1252", "iso8859-1")),
)
#: The letters a line's prose needs for the letter statistics to name its language when
#: too few of its words are listed; any number for the true pages of
#: :data:`READ_BY_LETTERS` (Estonian inflects most of its words).
READ_LETTERS = 16
READ_BY_LETTERS = frozenset(("iso8859-13",))
#: Opening and closing marks that pair (English and Dutch, single, German low-high,
#: Swedish and Finnish, French guillemets and German reversed ones).
PAIRS = frozenset(("“”", "‘’", "„“", "„”", "‚‘", "””", "«»", "»«"))
OPENING = frozenset(pair[0] for pair in PAIRS)
CLOSING = frozenset(pair[1] for pair in PAIRS)
#: Marks written as apostrophes (cp1252's acute accent too: ``commando´s``).
APOSTROPHES = "’´"
DASHES = "–—"
#: Marks that prove nothing but may stand at a word's end or alone (an ellipsis), or open a
#: line before a space (a bullet).
TRAILING = "…"
BULLETS = "•"
#: French guillemets stand apart from the words they quote: ``« mot »``.
PADDED = "«»"


def _words(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Words that end in an apostrophe before a vowel or "h" (elision), by language.
ELIDED = {
    "fr": _words("l d j m n s t c qu jusqu lorsqu puisqu quoiqu presqu"),
    "it": _words("l d c m n s t v un dell all nell sull dall quell quest tutt bell sant nessun"),
    "ca": _words("l d s m n t"),
}
#: The letters after an apostrophe that end a word (contraction) or make one (``’n``), by
#: language.
CONTRACTED = {
    "en": _words("t s ll re ve d m em"),
    "nl": _words("n t"),
    "af": _words("n"),
    "de": _words("s"),
}
#: Languages whose contractions stand alone or after a word of one or two letters (Dutch
#: ``zo’n``, ``’t``; ``Dup’n`` is Spanish ``Dupín`` read as mac-roman), and that write a
#: plural's "s" after an apostrophe when the word ends in a vowel (``commando’s``;
#: ``perm’s`` is Catalan ``permís``).
SHORT_HEADS = frozenset(("nl", "af"))
_MARKS = "".join(sorted(OPENING | CLOSING)) + APOSTROPHES + DASHES + TRAILING + BULLETS


def _images(true: str, shown: str) -> dict[str, str]:
    """The signs ``shown`` makes of ``true``'s punctuation, each with its mark."""
    images = {}
    for mark in _MARKS:
        try:
            sign = mark.encode(true).decode(shown)
        except UnicodeError:
            continue
        if sign != mark:
            images[sign] = mark
    return images


#: (true page, shown page) -> {sign: the true page's mark}, in :data:`PAGES` order.
IMAGES: dict[tuple[str, str], dict[str, str]] = {
    (true, shown): _images(true, shown) for true, showns in PAGES for shown in showns
}
#: The signs of each step of :data:`IMAGES`, as a pattern.
_STEP_SIGNS = {
    step: re.compile("[" + re.escape("".join(sorted(images))) + "]")
    for step, images in IMAGES.items()
}
#: Each step -> the first step of :data:`IMAGES` making the same signs of the same marks
#: (cp437 and cp850 show cp1252's punctuation alike): where the signs stand is looked at once.
_FIRST_ALIKE = {
    step: next(first for first, alike in IMAGES.items() if alike == images)
    for step, images in IMAGES.items()
}
#: Every sign of :data:`IMAGES` (a line with none of them is not looked at).
_ANY_SIGN = re.compile(
    "[" + re.escape("".join(sorted({sign for signs in IMAGES.values() for sign in signs}))) + "]"
)

#: What a sign of each kind of mark is, for :func:`looks_quoted`: one of an apostrophe, a
#: dash, an opening, a closing mark (bits, any page).
APOS, DASH, OPEN, CLOSE, SELF = 1, 2, 4, 8, 16


@cache
def sign_kinds() -> dict[str, int]:
    """Every sign of :data:`IMAGES` with the kinds of the marks it stands for on any page
    (the compiled twin of :func:`looks_quoted` holds the same table; tests compare)."""
    kinds: dict[str, int] = {}
    for images in IMAGES.values():
        for sign, mark in images.items():
            bits = (
                (APOS if mark in APOSTROPHES else 0)
                | (DASH if mark in DASHES else 0)
                | (OPEN if mark in OPENING else 0)
                | (CLOSE if mark in CLOSING else 0)
                | (SELF if mark + mark in PAIRS else 0)
            )
            if bits:
                kinds[sign] = kinds.get(sign, 0) | bits
    return kinds


def looks_quoted(text: str) -> bool:
    """Whether ``text`` may hold one of the shapes :func:`signs_quoted` takes as evidence,
    on any page: an apostrophe sign where a language writes an apostrophe
    (:func:`_apostrophe_shape`); a dash sign between spaces or digits; an opening sign
    after no letter or digit and another sign, closing, after it before none (or the same
    sign, when it stands for a mark that pairs with itself: Swedish ``”…”``). Cheap:
    neither the line's language nor the round trip is asked. Compiled when built
    (:func:`_looks_quoted_py` is the reference; the compiled quick proof hands such lines
    on).

    >>> looks_quoted("Gee Æn geldige adres"), looks_quoted("Æble og pære")
    (True, False)
    """
    compiled = _compiled_looks()
    if compiled is not None:
        return compiled(text)
    return _looks_quoted_py(text)


@cache
def _compiled_looks() -> Callable[[str], bool] | None:
    """``_cplausible.looks_quoted`` when its tables are this module's, else ``None``."""
    module = native()
    if module is None or module.quote_tables() != compiled_tables():
        return None
    check: Callable[[str], bool] = module.looks_quoted
    return check


def _looks_quoted_py(text: str) -> bool:
    """:func:`looks_quoted` in pure Python."""
    kinds = sign_kinds()
    opened: set[str] = set()
    n = len(text)
    for match in _ANY_SIGN.finditer(text):
        i = match.start()
        sign = text[i]
        bits = kinds.get(sign, 0)
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        if bits & APOS and nxt.isalpha() and _apostrophe_shape(text, i):
            return True
        if bits & DASH and (prev == nxt == " " or (prev.isdigit() and nxt.isdigit())):
            return True
        if bits & CLOSE and not nxt.isalnum() and (opened - {sign} or (bits & SELF and opened)):
            return True
        if bits & OPEN and not prev.isalnum():
            opened.add(sign)
    return False


#: For :func:`_apostrophe_shape`: every word a language of :data:`ELIDED` elides, the
#: ASCII letters an elision stands before (or any other letter: the shown page shows an
#: accented vowel as some letter, ``dÆΘcrire``), and the letters of a contraction with those
#: that may stand before its apostrophe (any: ""; "n’t", "I’m").
ELISION_HEADS = frozenset().union(*ELIDED.values())
ELISION_NEXT = "aeiouyhAEIOUYH"
CONTRACTION_TAILS = {"s": "", "ll": "", "re": "", "ve": "", "d": "", "em": "", "t": "nN", "m": "I"}


def compiled_tables() -> tuple[dict[str, int], str, str, dict[str, str]]:
    """The tables ``_cplausible.looks_quoted`` holds, as its ``quote_tables`` gives them."""
    heads = " " + " ".join(sorted(ELISION_HEADS)) + " "
    return sign_kinds(), heads, ELISION_NEXT, CONTRACTION_TAILS


def _apostrophe_shape(text: str, i: int) -> bool:
    """Whether the apostrophe sign at ``text[i]``, before a letter, stands as an apostrophe
    of a language of :data:`ELIDED` or :data:`CONTRACTED` does, whatever the line's
    language: at a word's start before one or two letters (``’n``), after letters before
    a contraction's (``can’t``, ``you’ll``, ``foto’s``, ``zo’n``), or after a word that is
    elided before a vowel (``l’option``, ``dell’utente``). Clean Spanish ``día`` has the
    last shape, clean Czech ``musím`` none."""
    n = len(text)
    j = i + 1
    while j < n and j - i <= 3 and text[j].isalpha():
        j += 1
    tail = text[i + 1 : j] if j == n or not text[j].isalpha() else ""
    prev = text[i - 1] if i else " "
    if not prev.isalpha():
        return 0 < len(tail) <= 2 and not prev.isalnum()
    k = i
    while k > 0 and i - k < 7 and text[k - 1].isalpha():
        k -= 1
    head = text[k:i] if k == 0 or not text[k - 1].isalpha() else ""
    if tail.isascii():
        before = CONTRACTION_TAILS.get(tail.lower())
        if before is not None and (not before or prev in before):
            return True
        if tail.lower() == "n" and 0 < len(head) <= 2:
            return True
    nxt = text[i + 1]
    return (
        head.isascii() and head.lower() in ELISION_HEADS and (nxt in ELISION_NEXT or nxt >= "\x80")
    )


def signs_quoted(text: str) -> tuple[str, Chain] | None:
    """The repair of ``text`` (a line) through one step of :data:`PAGES` when every sign of
    the step's punctuation stands where the punctuation stands in clean text and one at
    least where clean text never shows the sign (:func:`_evidence`), the repaired line's
    words name languages written in the true page (:func:`_named`), every word whose
    letters the round trip changes is a known word of one (:func:`_letters_known`), every
    apostrophe stands where each writes one (:func:`_elision`) and every dash glued between
    letters joins two known words; else None."""
    compiled = _compiled_looks()  # (looks_quoted, without its call: asked of every line)
    if not (_looks_quoted_py(text) if compiled is None else compiled(text)):
        return None  # (the cheap shape, compiled: nearly every line stops here)
    return _quoted(text)


@lru_cache(maxsize=1024)  # (line._untouched, the engine and its proofs ask of one line)
def _quoted(text: str) -> tuple[str, Chain] | None:
    """:func:`signs_quoted` of a line of the cheap shape."""
    found: dict[tuple[str, str], _Spots | None] = {}  # (per step of the same signs)
    for true, showns in PAGES:
        for shown in showns:
            first = _FIRST_ALIKE[true, shown]
            if first not in found:
                found[first] = _evidence(text, first)
            spots = found[first]
            if spots is None or not (spots.found or spots.spaced or spots.apostrophes):
                continue
            try:
                cand = text.encode(shown).decode(true)
            except UnicodeError:
                continue
            named, mask = _named(cand, true)
            if not named:
                continue
            words = _letters_known(text, cand, IMAGES[true, shown], mask)
            if words < 0 or not all(_glued(cand, i, mask) for i in spots.glued):
                continue
            if not all(_elision(cand, i, named) for i in spots.apostrophes):
                continue
            # (a one-letter word between spaces is a dash only beside other evidence:
            # Kurdish "û", Galician "ó" and Spanish "ñ" stand so in clean text)
            corroborated = spots.found or spots.apostrophes or words or spots.spaced > 1
            if corroborated:
                return cand, ((true, shown),)
    return None


class _Spots(NamedTuple):
    """What :func:`_evidence` finds: how many pairs and dashes between digits, how many
    dashes between spaces, and where the apostrophes between letters or before a word's
    letters and the dashes between letters stand."""

    found: int
    spaced: int
    apostrophes: list[int]
    glued: list[int]


def _evidence(text: str, step: tuple[str, str]) -> _Spots | None:
    """:func:`_evidence_py` of the signs of ``step`` (a step of :data:`_FIRST_ALIKE`'s
    values), compiled when built (``_cgates.quote_evidence``, :func:`_compiled_evidence`)."""
    compiled = _compiled_evidence()
    if compiled is None:
        return _evidence_py(text, IMAGES[step], _STEP_SIGNS[step])
    got = compiled(text, _FIRST_STEPS.index(step))
    return None if got is None else _Spots(*got)


#: The steps :func:`_quoted` looks where the signs stand for (the first of each set of
#: alike ones), in order: the compiled twin of :func:`_evidence_py` knows them by index.
_FIRST_STEPS = tuple(dict.fromkeys(_FIRST_ALIKE.values()))
#: What a mark is, for the compiled twin (keep in step with _cgates_quotes.h): an
#: apostrophe, a dash, a trailing mark, a bullet, an opening, a closing mark, a padded one
#: opening or closing apart from its word.
_ROLES: tuple[str | frozenset[str], ...] = (
    APOSTROPHES,
    DASHES,
    TRAILING,
    BULLETS,
    OPENING,
    CLOSING,
    "«",  # (of PADDED)
    "»",
)


def _roles(mark: str) -> int:
    """The bits of :data:`_ROLES` ``mark`` has."""
    return sum(1 << bit for bit, marks in enumerate(_ROLES) if mark in marks)


@cache
def _compiled_evidence() -> (
    Callable[[str, int], tuple[int, int, list[int], list[int]] | None] | None
):
    """``_cgates.quote_evidence``, handed this module's tables; ``None`` without it."""
    module = load("textfix.repair._cgates")
    if module is None:
        return None
    steps = tuple(
        tuple((sign, mark, _roles(mark)) for sign, mark in IMAGES[step].items())
        for step in _FIRST_STEPS
    )
    module.init_quotes(
        steps, "".join(sorted(PAIRS)), ELISION_HEADS, CONTRACTION_TAILS, ELISION_NEXT
    )
    check: Callable[[str, int], tuple[int, int, list[int], list[int]] | None]
    check = module.quote_evidence
    return check


def _evidence_py(text: str, images: dict[str, str], signs: re.Pattern[str]) -> _Spots | None:
    """Where the signs of ``images`` in ``text`` stand (:class:`_Spots`); None when one
    stands where its mark would not stand: a closing mark unpaired after an opening one
    (before any, the line went on from the one before), or more than one opening mark
    left unpaired (the line goes on in the next). The reference of
    ``_cgates.quote_evidence`` (tests compare them)."""
    found = spaced = 0
    apostrophes: list[int] = []
    glued: list[int] = []
    opened: list[str] = []
    seen_open = False
    n = len(text)
    for match in signs.finditer(text):
        i = match.start()
        mark = images[match.group()]
        prev = text[i - 1] if i else " "
        nxt = text[i + 1] if i + 1 < n else " "
        start = not prev.isalnum() and not nxt.isspace()  # (a word's start)
        end = not prev.isspace() and not nxt.isalnum()  # (a word's end)
        apart = prev.isspace() and nxt.isspace()
        if mark in APOSTROPHES and nxt.isalpha() and (prev.isalpha() or start):
            if not _apostrophe_shape(text, i):
                return None
            apostrophes.append(i)
            continue
        if mark in DASHES:
            if prev.isdigit() and nxt.isdigit():
                found += 1
            elif apart:
                spaced += 1
            elif prev.isalpha() and nxt.isalpha():
                glued.append(i)
            elif not (start or end):
                return None
            continue
        if mark in TRAILING:
            if not end and not apart:
                return None
            continue
        if mark in BULLETS:
            if text[:i].strip() or nxt != " ":
                return None
            continue
        padded = mark in PADDED and apart
        if mark in CLOSING and (end or (padded and mark == "»")):
            if opened and opened[-1] + mark in PAIRS:
                opened.pop()
                found += 1
                continue
            if not seen_open:
                continue
        if mark in OPENING and (start or (padded and mark == "«")):
            opened.append(mark)
            seen_open = True
            continue
        if mark not in APOSTROPHES or not end or seen_open:
            return None  # (an apostrophe may end a word: "users’")
    if len(opened) > 1:
        return None
    return _Spots(found, spaced, apostrophes, glued)


_LETTERS = re.compile(r"[^\W\d_]*")
_BEFORE = re.compile(r"[^\W\d_]*$")
#: The letters an elided word's apostrophe stands before.
_VOWELS = frozenset("aeiouyhàáâäèéêëìíîïòóôöùúûü")


def _elision(cand: str, i: int, named: list[LangModel]) -> bool:
    """Whether the apostrophe at ``cand[i]`` stands where each language of ``named``
    writes one: after a word it elides before a vowel (``l’option``), or before the
    letters of a contraction that end the word (``don’t``, ``’n``) or of a plural
    (``commando’s``)."""
    before = _BEFORE.search(cand, 0, i)
    after = _LETTERS.match(cand, i + 1)
    head = before.group().lower() if before else ""
    tail = after.group().lower() if after else ""
    return all(
        (head in ELIDED.get(model.code, ()) and tail[:1] in _VOWELS)
        or (tail in CONTRACTED.get(model.code, ()) and _headed(model.code, head))
        or (tail == "s" and head[-1:] in _VOWELS and model.code in SHORT_HEADS)
        for model in named
    )


def _headed(code: str, head: str) -> bool:
    """Whether a contraction of language ``code`` may follow ``head``."""
    return len(head) <= 2 or code not in SHORT_HEADS


def _glued(cand: str, i: int, mask: int) -> bool:
    """Whether the dash at ``cand[i]`` joins two known words of a language of ``mask``
    (model bits): "word—word", where "canci—n" is a clean ``canción`` read as mac-roman."""
    before = _BEFORE.search(cand, 0, i)
    after = _LETTERS.match(cand, i + 1)
    return all(
        part is not None and bool(word_langs(part.group()) & mask) for part in (before, after)
    )


def _letters_known(text: str, cand: str, images: dict[str, str], mask: int) -> int:
    """How many words of ``cand`` the round trip from ``text`` changed a letter of
    (``diΘ`` -> ``dié``), all known words of a language of ``mask`` (model bits); -1 when
    one is not, when a character that is no sign of ``images`` turns from a letter into
    none or back (``Tá`` -> ``T‡``) or when a C1 control comes out (a byte the true page
    leaves to them)."""
    for a, b in zip(text, cand, strict=True):
        if a != b and (_C1 <= b <= "\x9f" or (a not in images and a.isalpha() != b.isalpha())):
            return -1
    words = 0
    for start, end in token_spans(cand):
        if text[start:end] != cand[start:end]:
            if not word_langs(cand[start:end]) & mask:
                return -1
            words += 1
    return words


_C1 = "\x80"


def _named(cand: str, true: str) -> tuple[list[LangModel], int]:
    """The languages that ``cand``'s words (3+ letters, ASCII ones included, outside
    placeholders; a word votes for the languages of its script) are known words of most
    often, :data:`LINE_VOTES` times at least, when all are written in ``true``; else the
    one the letter statistics of its prose read, when written in ``true`` and the prose
    has :data:`READ_LETTERS` letters (a name or two are no text; the word lists hold few
    of a line's English words, "deleted", "forgotten", or of an Estonian line's inflected
    ones, "Lehekülg", "täisarvuks"); else none. With them, the bits of the languages
    written in ``true`` that the words vote for :data:`LINE_VOTES` times, or of the one
    read (a repaired word may be known in any: the leader of "«-n +ANT» for å skrive"
    is Galician, by "ANT" twice)."""
    data = langdata()
    words = prose(cand)
    votes = word_votes(words, names_vote=True)
    top = max(votes.values(), default=0)
    if top >= LINE_VOTES:
        leaders = [model for model in data.models.values() if votes[model.index] == top]
        if all(fits(true, model.code) for model in leaders):
            voted = (m for m in data.models.values() if votes[m.index] >= LINE_VOTES)
            return leaders, sum(1 << m.index for m in voted if fits(true, m.code))
    read = score(words)
    enough = read.letters >= READ_LETTERS or true in READ_BY_LETTERS
    if enough and read.lang in data.models and fits(true, read.lang):
        return [data.models[read.lang]], 1 << data.models[read.lang].index
    return [], 0
