"""One-letter words shown as a sign or a letter of another alphabet.

Italian's commonest word "è" is cp850's "Þ", cp437's "Φ", mac-roman's "Ë" and cp1251's "и" when
cp1252 text is shown through those pages ("questo Þ usato" is "questo è usato"); Norwegian's
"å", French's "à", Icelandic's "á" and "í", Lithuanian's "į" fare the same. A line whose only
garbled letters are such words reads well letter by letter (one sign among many letters barely
moves the statistics), and no repaired word has two letters, so neither the accept test nor the
engine's word gates could see it. What can: the sign stands alone, where the line's language
writes one of its commonest words, and it is no letter of that language's alphabet.

- :func:`lone_signs`: the cheap test that sends a line to the engine (a lone character that some
  chain step makes one of those words);
- :func:`lone_repair`: the repair, through the one step that changes only such signs, each
  into a common one-letter word of the language the line's other words name (written in the
  step's true code page), none of them a letter of that language's alphabet
  (:func:`lone_words_made`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from textfix._native import load
from textfix.chains import fits, single_byte_steps
from textfix.repair._scan import native
from textfix.repair.bitsets import bit_masks
from textfix.repair.line_language import code_of
from textfix.scoring._data import langdata
from textfix.scoring.model import word_band, word_langs
from textfix.types import Chain

_CGATES = load("textfix.repair._cgates")

#: Band of :func:`~textfix.scoring.model.word_band` a one-letter word needs (3: about the
#: language's 200 commonest words: Italian "è", French "à", Norwegian "å", Icelandic "í").
COMMON_BAND = 3

#: Known words of the line's language it needs before its lone signs may be read as words.
MIN_VOTES = 2

#: Confidence of such a repair (the language's words and the sign's place are the evidence).
LONE_CONFIDENCE = 0.9

#: A digit or a sign of a formula within a space of a character: a Greek letter there is a
#: symbol of the formula ("α = 0,5", "2π"), not a word shown as one.
_MATH_BESIDE = re.compile(r"[\d=+*/<>^_±×÷≤≥]")

#: Signs clean prose writes standing alone ("« mot »", "Laden …", "§ 5", "A · B"): never
#: read as a lone word, whatever page would make them one.
_PROSE_SIGNS = frozenset("«»…·§’‘“”„¿¡–—")

#: A character with no letter or digit on either side (a word of one character).
_LONE = re.compile(r"(?<![^\W_])[^\x00-\x7f](?![^\W_])")
#: A non-ASCII character with a letter or digit on a side: no :data:`_LONE` one (the
#: character first, where the search looks for it in C, skipping ASCII).
_BESIDE = re.compile(r"[^\x00-\x7f](?:(?<=[^\W_][\s\S])|(?=[^\W_]))")


@cache
def _common_single_letters() -> dict[str, int]:
    """One-letter words of :data:`COMMON_BAND` -> bit mask of the languages they are such a
    word of."""
    found: dict[str, int] = {}
    by_index = {m.index: code for code, m in langdata().models.items()}
    for code in range(0xC0, 0x250):
        letter = chr(code)
        if not (letter.isalpha() and letter.islower()):
            continue
        langs = word_langs(letter)
        for index, lang in by_index.items():
            if langs >> index & 1 and word_band(letter, lang) >= COMMON_BAND:
                found[letter] = found.get(letter, 0) | 1 << index
    return found


def _shown_forms() -> Iterator[tuple[str, str, tuple[str, str]]]:
    """``(word, shown, step)`` for every common one-letter word (either case) and every
    single-byte step whose true page writes a language of that word and encodes it."""
    codes = {m.index: code for code, m in langdata().models.items()}
    for letter, langs in _common_single_letters().items():
        lang_codes = [codes[i] for i in codes if langs >> i & 1]
        for (true, shown), _table in single_byte_steps():
            if not any(fits(true, lang) for lang in lang_codes):
                continue
            for form in {letter, letter.upper()}:
                try:
                    yield form, form.encode(true).decode(shown), (true, shown)
                except UnicodeError:
                    continue


@cache
def _sign_steps() -> dict[str, frozenset[tuple[str, str]]]:
    """Sign of :func:`_images` -> the steps (true page, shown page) that make it a common
    one-letter word of a language the true page writes."""
    found: dict[str, set[tuple[str, str]]] = {}
    images = _images()
    for _form, sign, step in _shown_forms():
        if sign in images:
            found.setdefault(sign, set()).add(step)
    return {sign: frozenset(steps) for sign, steps in found.items()}


@cache
def _images() -> frozenset[str]:
    """The characters some single-byte step (true page -> shown page) makes of a common
    one-letter word, where the true page writes a language of that word."""
    words = _common_single_letters()
    # (a common one-letter word itself is no sign: clean Italian "è" is cp1250's "č" shown
    # as cp1252, and would send every Italian line to the engine)
    return frozenset(
        shown_as
        for form, shown_as, _step in _shown_forms()
        if shown_as != form
        and not shown_as.isspace()
        and shown_as not in words
        and shown_as not in _PROSE_SIGNS
    )


@cache
def _lone_image_search() -> Callable[[str], list[str]]:
    """``findall`` of a pattern matching any sign of :func:`_images` with no letter or
    digit on either side (the class ``[^\\W_]`` is ``str.isalnum``: one scan in C; the
    sign comes first, where the search looks for it alone, and the look behind it spans
    the character before and the sign)."""
    signs = "[" + re.escape(lone_images()) + "]"
    return re.compile(signs + r"(?<![^\W_][\s\S])(?![^\W_])").findall


def lone_images() -> str:
    """Every sign :func:`lone_signs` looks for (handed to the compiled quick proof)."""
    return "".join(sorted(_images()))


def lone_signs(text: str) -> bool:
    """Whether ``text`` has a character standing alone that a chain step makes a common
    one-letter word (a sign, or a letter of another script than the line's other letters).
    Compiled when built (:func:`_lone_signs_py` is the reference).

    >>> lone_signs("questo Þ usato"), lone_signs("questo è usato"), lone_signs("Сен Пиер и Микелон")
    (True, False, False)
    """
    compiled = _compiled_lone_signs()
    if compiled is not None:
        return compiled(text)
    return _lone_signs_py(text)


@cache
def _compiled_lone_signs() -> Callable[[str], bool] | None:
    """``_cplausible.lone_signs``, told the signs; ``None`` without the compiled module."""
    module = native()
    if module is None:
        return None
    module.init_lone(lone_images())
    check: Callable[[str], bool] = module.lone_signs
    return check


def _lone_image_signs(text: str) -> list[str]:
    """The signs of :func:`_images` standing alone in ``text`` (no letter or digit beside),
    in order."""
    return _lone_image_search()(text)


def _lone_signs_py(text: str) -> bool:
    """:func:`lone_signs` in pure Python."""
    for ch in _lone_image_signs(text):
        block = _block(ch) if ch.isalpha() else 0
        # (a Greek or Cyrillic letter is a sign only where no other letter of its alphabet
        # stands: "и" in "di cui и disponibile", not in a Cyrillic line)
        if block == 0 or not any(c != ch and c.isalpha() and _block(c) == block for c in text):
            return True
    return False


def _block(ch: str) -> int:
    """1 for a Greek letter, 2 for a Cyrillic one (the other scripts of the signs), else 0
    (the compiled quick proof tells them apart the same way)."""
    code = ord(ch)
    return 1 if 0x370 <= code <= 0x3FF else 2 if 0x400 <= code <= 0x52F else 0


def lone_words_made(
    text: str, cand: str, true: str, lang_bit: int, votes: int, seen: bool = False
) -> bool:
    """Every character the round trip changes stands alone and becomes a common one-letter
    word (:data:`COMMON_BAND`) of the language the line's words name (``lang_bit``, with
    ``votes`` known words, at least :data:`MIN_VOTES`), which ``true`` writes; and no
    original character is a letter of that language's alphabet. A small Greek letter is
    a formula's symbol more often than a word shown as one ("l'angle α", "la fase φ"): it
    counts only beside another such word in the line, or where the document has shown the
    chain (``seen``); no Greek letter counts beside a digit or a sign of a formula.

    >>> from textfix.scoring._data import langdata
    >>> it = 1 << langdata().models["it"].index
    >>> lone_words_made("questo Þ usato da noi", "questo è usato da noi", "cp1252", it, 5)
    True
    >>> lone_words_made("questo Þ usato", "questo è usato", "cp1252", it, 1)
    False
    """
    if votes < MIN_VOTES:
        return False
    lang = code_of(lang_bit)
    if lang is None or not fits(true, lang):
        return False
    changes = _lone_changes(text, cand)
    if not changes:
        return False
    alphabet = langdata().models[lang].alphabet
    words = _common_single_letters()
    symbols = False
    for i in changes:
        a, b = text[i], cand[i]
        if a.lower() in alphabet or not words.get(b.lower(), 0) & lang_bit:
            return False
        symbols = symbols or (_block(a) == 1 and a.islower())
    return not symbols or len(changes) > 1 or seen


def _lone_changes(text: str, cand: str) -> list[int]:
    """Where ``cand`` differs from ``text`` (same length), when every such character stands
    alone in both, becomes a common one-letter word of some language, and is no Greek
    letter beside a digit or a formula's sign; else (or when none differs) empty. What
    :func:`lone_words_made` asks that needs no language: :func:`lone_repair` asks the
    line's language only of a line with such a step."""
    if len(text) != len(cand):
        return []
    words = _common_single_letters()
    changes = []
    for i, (a, b) in enumerate(zip(text, cand, strict=True)):
        if a == b:
            continue
        if (
            not (_LONE.match(text, i) and _LONE.match(cand, i))
            or not words.get(b.lower(), 0)
            or (_block(a) == 1 and _MATH_BESIDE.search(text, max(0, i - 2), i + 3))
        ):
            return []
        changes.append(i)
    return changes


def lone_repair(
    text: str,
    language: Callable[[], tuple[int, int]],
    seen: Callable[[Chain], bool] = lambda chain: False,
) -> tuple[str, Chain] | None:
    """The line with its lone signs made common one-letter words, and the step, when exactly
    one repaired text passes :func:`lone_words_made` (``language()``: the language the
    line's words name, as a bit mask, and how many of them it knows, asked only when some
    step's strict round trip changes nothing but lone signs, each into such a word of some
    language (:func:`_lone_changes`); ``seen``: whether the document has shown a
    chain); ``None`` otherwise. Steps giving the same text are named by the first in the
    chain table.

    >>> from textfix.scoring._data import langdata
    >>> it = 1 << langdata().models["it"].index
    >>> lone_repair("questo Þ usato da noi", lambda: (it, 4))
    ('questo è usato da noi', (('cp1252', 'cp850'),))
    """
    live = (_live_steps or _live_stepper())(text)
    if not live:
        return None  # (most garbled lines: no step makes all their lone signs words)
    # (the steps whose repair has the shape of one, asked before the line's language: most
    # garbled lines change other characters too, and their language is never read)
    shaped = []
    # (the steps in the chain table's order, bit k the k-th: the lowest bit first)
    steps = single_byte_steps()
    while live:
        low = live & -live
        live ^= low
        (true, shown), table = steps[low.bit_length() - 1]
        cand = text.translate(table)
        if cand != text and _lone_changes(text, cand):
            shaped.append((cand, true, shown))
    if not shaped:
        return None
    lang_bit, votes = language()
    if votes < MIN_VOTES:
        return None
    found: dict[str, Chain] = {}
    for cand, true, shown in shaped:
        if cand in found:
            continue
        chain = ((true, shown),)
        if lone_words_made(text, cand, true, lang_bit, votes, seen(chain)) and _exact(
            text, cand, true, shown
        ):
            found[cand] = chain
    if len(found) != 1:
        return None
    return next(iter(found.items()))


def _live_steps_py(text: str) -> int:
    """The steps :func:`lone_repair` translates ``text`` through (bit ``k`` for the ``k``-th
    step of the chain table): those of :func:`_steps_mask`, less each step changing a
    character that stands beside a letter or digit somewhere in the line (it changes no
    lone sign only: most steps of most lines; no step changes ASCII). The reference of the
    compiled ``_cgates.lone_steps`` (see :func:`_live_stepper`).

    >>> _live_steps_py("questo Þ usato") != 0, _live_steps_py("questoÞ usato")
    (True, 0)
    """
    live = _steps_mask(text)
    if not live:
        return 0
    changing = _changing()
    for ch in set(_BESIDE.findall(text)):
        live &= ~changing.get(ch, 0)
    return live


#: :func:`_live_steps_py` as :func:`lone_repair` asks it, once set (:func:`_live_stepper`).
_live_steps: Callable[[str], int] | None = None


def _live_stepper() -> Callable[[str], int]:
    """:data:`_live_steps`, set on first use: ``_cgates.lone_steps`` handed the signs' and
    the changed characters' steps (one compiled scan in place of two searches and a loop a
    line), else :func:`_live_steps_py`."""
    global _live_steps  # (a cache that costs the common call no frame)
    _live_steps = _compiled_live_steps() or _live_steps_py
    return _live_steps


#: 64-bit words of step bits the compiled scan holds (keep in step with LONE_WORDS of
#: _cgates_lone_steps.h).
_LONE_WORDS = 4


def _compiled_live_steps() -> Callable[[str], int] | None:
    """``_cgates.lone_steps`` told the tables (see ``_cgates_lone_steps.h``), or ``None``
    without the module or where a table does not fit (a sign of two characters, too many
    steps)."""
    if _CGATES is None:
        return None
    nwords = (len(single_byte_steps()) + 63) // 64
    by_sign, changing, images = _sign_masks(), _changing(), _images()
    keys = sorted(set(by_sign) | set(changing) | images)
    if nwords > _LONE_WORDS or any(len(key) != 1 for key in keys):
        return None

    def words(mask: int) -> tuple[int, ...]:
        return tuple(mask >> (64 * w) & (1 << 64) - 1 for w in range(nwords))

    _CGATES.init_lone_steps(
        "".join(keys),
        tuple(words(by_sign.get(key, 0)) for key in keys),
        tuple(words(changing.get(key, 0)) for key in keys),
        bytes(key in images for key in keys),
        nwords,
    )
    found: Callable[[str], int] = _CGATES.lone_steps
    return found


@cache
def _changing() -> dict[str, int]:
    """For each character, the single-byte steps (bit ``k`` for the ``k``-th of the chain
    table) that change it: :func:`lone_repair` skips a step changing a character that
    stands beside a letter or digit."""
    return bit_masks(map(chr, table) for _step, table in single_byte_steps())


def _steps_for(text: str) -> frozenset[tuple[str, str]]:
    """The steps that make every lone sign of ``text`` (of :func:`_images`) a common
    one-letter word (those :func:`lone_repair` tries: :func:`_steps_mask`'s)."""
    live = _steps_mask(text)
    return frozenset(step for k, (step, _table) in enumerate(single_byte_steps()) if live >> k & 1)


def _steps_mask(text: str) -> int:
    """:func:`_steps_for` as bits (bit ``k`` for the ``k``-th step of the chain table)."""
    live = -1
    by_sign = _sign_masks()
    for sign in _lone_image_signs(text):
        live &= by_sign[sign]
        if not live:
            break
    return 0 if live == -1 else live


@cache
def _sign_masks() -> dict[str, int]:
    """:func:`_sign_steps` as bits (bit ``k`` for the ``k``-th step of the chain table)."""
    place = {step: k for k, (step, _table) in enumerate(single_byte_steps())}
    return {sign: sum(1 << place[step] for step in steps) for sign, steps in _sign_steps().items()}


def _exact(text: str, cand: str, true: str, shown: str) -> bool:
    """Both ways of the round trip are strict and exact."""
    try:
        return text.encode(shown).decode(true) == cand and cand.encode(true).decode(shown) == text
    except UnicodeError:
        return False


def without_lone(text: str) -> str:
    """``text`` with the signs :func:`lone_signs` looks for blanked where they stand alone
    (what the letter statistics of the line's other words read: "questo Þ usato" is no
    Icelandic).

    >>> without_lone("questo Þ usato, c'è")
    "questo   usato, c'è"
    """
    images = _images()
    return _LONE.sub(lambda m: " " if m.group() in images else m.group(), text)
