"""Short clean names and words that a round trip only respells with another alphabet's letter.

Five shapes of clean text that single-byte round trips read as mojibake, refused by the legacy
engine's last gate (:func:`accent_swapped`, from ``legacy._clean_shape_read``):

- a final accent swapped: a line of one to three words, spelled entirely in the alphabet of
  a language we model, whose round trip only swaps one accented vowel ending a word (no vowel
  after it in the word) for another accented letter. Friulian marks the last syllable
  (``Portâl`` is no Latvian ``Portāl``, cp1257 shown as cp1252), Albanian writes ``ë`` at a
  word's end (``tabletë`` is no Lithuanian ``tabletė``), Catalan and Italian ``à``
  (``Andorrà`` is no Polish ``Andorrą``, mac-latin2 shown as mac-roman), Hungarian and
  Spanish ``ó``. The repaired word may be listed by chance, and a few letters' statistics
  cannot tell the spellings apart (the clean sweep's words gain 0.0-0.6). Such a repair is
  refused unless it gains :data:`ACCENT_GAIN` or more, or an untouched word known in few
  languages is a known word of a language the repaired word is known in (``Europos
  valstybiù`` is Lithuanian ``valstybių``: ``Europos`` is Lithuanian only);
- a title-cased name's capital made small: a line of two or more words, each a capital
  followed by small letters, whose round trip only swaps accented letters of one word and
  makes its first capital small (``Punnd Èire`` is no ``Punnd éire``, cp1252 shown as
  mac-roman): the repair would break the name's title case, whatever the gain, unless an
  untouched word is a known word of a language the repaired word is known in
  (``Konsultant Êlubny`` is Polish ``Konsultant ślubny``);
- a small accented vowel read as another (``è`` -> ``ä``: the DOS and Mac pages permute
  letters so) in a short line whose untouched words contradict it: one of three letters or
  more is known, and none is known in a language the repaired words are known in (Lombard
  ``Mèrega de’l nord`` is no Estonian ``Märega``, mac-latin2 shown as cp437: ``nord`` is
  no Estonian word), gaining less than :data:`ACCENT_GAIN`. A known word made is chance
  there, and the letter statistics of one letter cannot tell;
- a small accented letter read as another (``ã`` -> ``ă``) in a short line, making a word no
  list has that reads only as a form on a stem of the fewest letters a form allows
  (:func:`~textfix.scoring.endings.stem_letters`: Aromanian ``beretãu`` is no Romanian
  ``beretău``, ``bere`` + ``tău``, cp1250 shown as cp1252), with no untouched word to back
  it: a one-letter change of a listed word makes such a form by chance, whatever the gain;
- accented letters read only as the same letters with other accents (``â`` -> ``ā``,
  ``û`` -> ``ū``) in a short line spelled in one modelled alphabet with none of mojibake's
  shapes, making a word that is neither listed nor a form (``âzûâ Kûku`` is no Latvian
  ``āzūā Kūku``: ``Kūku`` is known by chance).

Other accents swapped inside a word (making a listed word or a form on a longer stem, with a
letter of another base or case) are left to the other gates: there the garbled Baltic and
Central European names of the dev set (``Bulgârija`` is Latvian ``Bulgārija``, ``Izraçla``
``Izraēla``, ``Bangladeç`` ``Bangladeš``) look as clean as any clean word, and are many
(the clean sweep's ``kopaçe``, no Serbo-Croatian ``kopaše``, has their shape). Kept too:
words no language could spell (a capital inside a word, ``IndonesiÙ``; letters of no one
modelled alphabet) and signs or symbols made letters.

>>> accent_swapped("Portâl", "Portāl", 0.0), accent_swapped("Punnd Èire", "Punnd éire", 2.0)
(True, True)
>>> accent_swapped("Bulgârija", "Bulgārija", 0.1), accent_swapped("IndonesiÙ", "Indonesië", 0.1)
(False, False)
>>> accent_swapped("Mèrega de nord", "Märega de nord", 0.2), accent_swapped("rugãda", "rugăda", 1.0)
(True, True)
"""

from __future__ import annotations

import unicodedata

from textfix.repair.ce_letters import _vowel
from textfix.repair.gates import changed_at
from textfix.repair.pair_shapes import ACCENTS_ONLY, TITLE_WORDS, pair_shapes
from textfix.repair.pair_shapes import _compiled as _pair_scan
from textfix.repair.tokens import tokens
from textfix.scoring._data import langdata
from textfix.scoring.endings import STEM, form_langs, stem_letters
from textfix.scoring.model import mojibake_shape, script_of, word_langs

#: Most words (between spaces) a line may hold for a final accent swapped to be this thin.
MAX_WORDS = 3
#: Below this gain (log-probability per letter) the letter statistics cannot tell a clean
#: word ending in one alphabet's accent from a word of another (clean sweep: 0.0-0.6 for
#: CLDR, hunspell and .po words).
ACCENT_GAIN = 0.6
#: An untouched word known in at most this many languages names the line's language.
SPECIFIC_LANGS = 3


def _accented(ch: str) -> bool:
    """A Latin letter written with a diacritic (``â``, ``ą``, ``ç``, ``È``)."""
    return _ACCENTED[ch]


def _accented_py(ch: str) -> bool:
    return ch.isalpha() and script_of(ch) == "Latn" and len(unicodedata.normalize("NFD", ch)) > 1


class _AccentedTable(dict[str, bool]):
    """:func:`_accented` per character, worked out at its first sight (a few hundred)."""

    def __missing__(self, ch: str) -> bool:
        value = self[ch] = _accented_py(ch)
        return value


_ACCENTED = _AccentedTable()


def _accents_only_changed(text: str, cand: str) -> bool:
    """Every character the round trip changes is an accented letter made another: what
    each shape but the title case (which reads words) needs, asked once for all four
    (most repairs make a letter of another script, or of none). (:func:`accent_swapped`
    reads it from the compiled pair scan where that answers, see pair_shapes.)"""
    accented = _ACCENTED
    return all(accented[text[i]] and accented[cand[i]] for i in changed_at(text, cand))


def _final_vowel(text: str, i: int) -> bool:
    """``text[i]`` is a vowel with no vowel after it in its word (``Portâl``, ``tabletë``)."""
    j = i + 1
    while j < len(text) and text[j].isalpha():
        if _vowel(text[j].lower()):
            return False
        j += 1
    return _vowel(text[i].lower())


def _one_alphabet(text: str) -> bool:
    """Every letter of ``text`` is in the alphabet of one modelled language."""
    letters = {ch.lower() for ch in text if ch.isalpha()}
    return any(letters <= model.alphabet for model in langdata().models.values())


def _capital_inside(word: str) -> bool:
    """A capital after a letter of a word not written in capitals (``KÌna``, ``IndonesiÙ``)."""
    if word.isupper():
        return False
    before = ""  # (a loop, not any(): no generator per word)
    for ch in word:
        if ch.isupper() and before.isalpha():
            return True
        before = ch
    return False


def _made_langs(words: list[str], cand_words: list[str]) -> int:
    """The languages some repaired word (of ``cand_words``, beside ``words``) is known in."""
    made = 0
    for a, b in zip(words, cand_words, strict=True):
        if a != b:
            made |= word_langs(b)
    return made


def _backed(words: list[str], cand_words: list[str], langs: int, specific: int) -> bool:
    """An untouched word known in at most ``specific`` languages is a known word of one of
    ``langs`` ("Europos" is Lithuanian only; "de" or "nord", known in many, back no one
    where ``specific`` is :data:`SPECIFIC_LANGS`)."""
    return any(
        a == b and word_langs(a) & langs and word_langs(a).bit_count() <= specific
        for a, b in zip(words, cand_words, strict=True)
    )


def _backed_by_line(words: list[str], cand_words: list[str], specific: int) -> bool:
    """:func:`_backed` by a language some repaired word is known in."""
    return _backed(words, cand_words, _made_langs(words, cand_words), specific)


def _final_accent_swapped(text: str, cand: str, gain: float, changed: list[int]) -> bool:
    if gain >= ACCENT_GAIN or len(changed) != 1:
        return False
    i = changed[0]
    if not (_accented(text[i]) and _accented(cand[i]) and _final_vowel(text, i)):
        return False
    words, cand_words = tokens(text), tokens(cand)
    # (a line of MAX_WORDS words at most: accent_swapped asks only those)
    return (
        len(words) == len(cand_words)
        and not any(_capital_inside(w) for w in words)
        and _one_alphabet(text)
        and not _backed_by_line(words, cand_words, SPECIFIC_LANGS)
    )


def _base(ch: str) -> str:
    """The letter ``ch`` bears its accent on, small (``a`` for ``À``)."""
    return unicodedata.normalize("NFD", ch)[0].lower()


def _vowel_read_as_another(
    text: str, cand: str, gain: float, changed: list[tuple[str, str]], spaced: int
) -> bool:
    if gain >= ACCENT_GAIN:
        return False
    for a, b in changed:  # (loops, not all(): accent_swapped asks on many garbled lines)
        if not (
            a.islower()
            and b.islower()
            and _accented(a)
            and _accented(b)
            and _base(a) != _base(b)
            and _vowel(a)
            and _vowel(b)
        ):
            return False
    words, cand_words = tokens(text), tokens(cand)
    if spaced > MAX_WORDS or len(words) != len(cand_words):
        return False
    made = _made_langs(words, cand_words)
    # (the untouched words of three letters or more: "de" is known everywhere)
    untouched = [
        word_langs(a) for a, b in zip(words, cand_words, strict=True) if a == b and len(a) >= 3
    ]
    return bool(made) and any(untouched) and not any(langs & made for langs in untouched)


def _thin_form_made(text: str, cand: str, changed: list[tuple[str, str]], spaced: int) -> bool:
    if len(changed) != 1 or spaced > MAX_WORDS:
        return False
    a, b = changed[0]
    if not (_accented(a) and _accented(b) and a.islower() and b.islower()):
        return False
    words, cand_words = tokens(text), tokens(cand)
    made = [b for a, b in zip(words, cand_words, strict=True) if a != b]
    return (
        len(words) == len(cand_words)
        and len(made) == 1
        and not word_langs(made[0])
        and 0 < stem_letters(made[0]) <= STEM
        # (backed by an untouched word of few languages, one the form is of: Hungarian
        # "az összes nagybetű", where "összes" is Hungarian and "nagy" + "betű" no word)
        and not _backed(words, cand_words, form_langs(made[0]), SPECIFIC_LANGS)
    )


def _accents_only_respelled(
    text: str, cand: str, changed: list[tuple[str, str]], spaced: int
) -> bool:
    if spaced > MAX_WORDS:
        return False
    for a, b in changed:
        if not (
            a.islower() == b.islower() and _accented(a) and _accented(b) and _base(a) == _base(b)
        ):
            return False
    words, cand_words = tokens(text), tokens(cand)
    return (
        len(words) == len(cand_words)
        and any(
            a != b and not word_langs(b) and not stem_letters(b)
            for a, b in zip(words, cand_words, strict=True)
        )
        and not mojibake_shape(text)
        and _one_alphabet(text)
    )


def _title_words(text: str, cand: str) -> bool:
    """Two or more words between spaces, as many in ``cand``, each a capital followed by
    small letters (``Punnd Èire``): the title-cased line :func:`_title_case_broken` reads."""
    bits = pair_shapes(text, cand)
    if bits is not None:
        return bool(bits & TITLE_WORDS)
    return _title_words_py(text, cand)


def _title_words_py(text: str, cand: str) -> bool:
    words = text.split()
    return (
        len(words) >= 2
        and len(words) == len(cand.split())
        and all(w.isalpha() and w[0].isupper() and w[1:].islower() for w in words)
    )


def _title_case_broken(text: str, cand: str) -> bool:
    if not _title_words(text, cand):
        return False
    words, cand_words = text.split(), cand.split()
    changed = [(a, b) for a, b in zip(words, cand_words, strict=True) if a != b]
    return (
        len(changed) == 1
        and changed[0][1][0].islower()
        and all(_accented(x) and _accented(y) for x, y in zip(*changed[0], strict=True) if x != y)
        and not _backed_by_line(words, cand_words, len(langdata().models))
    )


def _letter_words(text: str) -> int:
    """Words between spaces with a letter (``Mèrega de’l nord`` has three), counted up to
    one more than :data:`MAX_WORDS`.

    >>> _letter_words("Mèrega de’l nord"), _letter_words("10 - Portâl"), _letter_words("a b c d e")
    (3, 1, 4)
    """
    count = 0
    for word in text.split():
        if word.isalpha() or any(map(str.isalpha, word)):
            count += 1
            if count > MAX_WORDS:
                break
    return count


def accent_swapped(text: str, cand: str, gain: float, shapes: int | None = None) -> bool:
    """The round trip only swaps one final accented vowel of a short line spelled in one
    modelled alphabet, gaining less than :data:`ACCENT_GAIN`, with no untouched word to back
    it; or it makes small a word's first capital in a title-cased line of two or more
    words, with no untouched word to back it; or it reads a small accented vowel as another
    in a short line whose untouched words contradict it, gaining less than
    :data:`ACCENT_GAIN`; or it reads a small accented letter as another, making only a form
    on a stem of the fewest letters, with no untouched word to back it; or it only gives
    accented letters of a short clean-looking line other accents, making a word neither
    listed nor a form (see the module's docstring). ``gain`` is the letter statistics' gain;
    ``shapes``, the pair's compiled :func:`~textfix.repair.pair_shapes.pair_shapes` where the
    caller has it (``legacy._clean_shape_read`` scans once for this gate and unmended's)."""
    if len(text) != len(cand) or text == cand:
        return False
    # (one compiled scan of the pair answers the first test of every shape: most repairs
    # fail both, see pair_shapes; asked of the module itself, as nearly every garbled line
    # asks it)
    bits = shapes
    if bits is None:
        module = _pair_scan()
        bits = None if module is None else module.pair_shapes(text, cand)
    title = _title_words_py(text, cand) if bits is None else bits & TITLE_WORDS
    if title and _title_case_broken(text, cand):
        return True
    # (the other shapes are those of short lines, of MAX_WORDS words with a letter at most,
    # as the loosest of them counts: most repairs are longer)
    accents = _accents_only_changed(text, cand) if bits is None else bits & ACCENTS_ONLY
    if not accents:
        return False
    # (the words between spaces, found once for the four shapes: a line of MAX_WORDS of them
    # or fewer has no more words with a letter)
    spaced = len(text.split())
    if spaced > MAX_WORDS and _letter_words(text) > MAX_WORDS:
        return False
    # (the changed places, found once for the four shapes)
    at = list(changed_at(text, cand))
    changed = [(text[i], cand[i]) for i in at]
    return (
        _final_accent_swapped(text, cand, gain, at)
        or _vowel_read_as_another(text, cand, gain, changed, spaced)
        or _thin_form_made(text, cand, changed, spaced)
        or _accents_only_respelled(text, cand, changed, spaced)
    )
