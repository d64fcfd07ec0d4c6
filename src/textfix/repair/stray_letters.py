"""Letters of one language standing in words that no language owning them could spell.

cp1252 and latin-1 show Turkish and Baltic letters as real letters of other languages:
cp1254's ``ğ ş ı`` as Icelandic ``ð þ`` and ``ý``, cp1257's ``š ž ų ę`` as ``ð þ ø æ``
(``Ðveitsi`` is Estonian ``Šveitsi``, ``Halýcý`` Turkish ``Halıcı``). Letter statistics
read such a word as a poor word of the letters' own language, not as mojibake, and names
or short lines have no other words to tell. The letters' owners tell: Icelandic never starts
a word with ``ð`` nor writes ``tð`` or ``ýc``, and in Turkmen, whose ``ý`` no model covers,
``ý`` is a glide beside a vowel. A word whose letter bigrams around such a letter are
unattested in every modelled language whose alphabet holds its letters (and, for ``ý``,
that is no Turkmen glide), and that is no known word, was not written in those languages;
when the round trip makes it a word of a language of the chain's family whose letter
bigrams attest it, the repair passes on that evidence (:func:`stray_repair`).

Accented vowels are left out: countless orthographies mark tone or length on vowels
(Kurdish ``Efrîka``, Frisian ``nûmer``, Scottish Gaelic ``ìosal``), unmodelled ones read as
unattested everywhere and through cp1257 as Latvian ``ī ū ģ``.

>>> stray_word("Ðveitsi"), stray_word("Guðrún"), stray_word("Estoniýa")
(True, False, False)
>>> stray_repair("Ðveitsi Konföderatsioon", "Šveitsi Konföderatsioon", "cp1257", "cp1252")
True
>>> stray_repair("Gýmir", "Gımir", "cp1254", "iso8859-1")
False
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from textfix.chains import family_langs, translation
from textfix.repair.bitsets import bit_masks, few_bit_indices
from textfix.repair.line_language import _lower, named_index, padded_lower
from textfix.repair.one_class import one_class
from textfix.repair.spans import word_pairs
from textfix.scoring import word_langs
from textfix.scoring._data import LangModel, langdata
from textfix.scoring.model import mojibake_shape

#: The latin-1 letters a Turkish or Baltic code page shown as cp1252 or latin-1 makes of its
#: own letters that are no accented vowel (``ğ ş ı İ``, ``š ž ų ę`` and their capitals),
#: lower-cased: letters of few languages (Icelandic, Faroese, Danish, Norwegian; ``ý`` also
#: Czech, Slovak, Vietnamese and Turkmen).
STRAY = frozenset("ðþøæý")
#: A word whose stray letters have more modelled owners than this needs two of them changed
#: (or a known repaired word): Icelandic names spell ``ý`` after any consonant
#: (``Gýmir``, ``Maggý``) where the Icelandic model has seen none.
FEW_OWNERS = 2
#: Log-probability below which an owner's bigram counts as unattested: compounds put any
#: two letters side by side now and then (Icelandic "dþ", "ðo"; -7.3 and -8.3).
RARE = -7.0
#: Vowels beside which ``ý`` is Turkmen's glide (``Estoniýa``, ``Kuweýt``).
_VOWELS = frozenset("aeiouäöüyáéíóúàèìòùâêîôûëïåæø")
#: The latin-1 letters of two languages no model covers, besides ASCII. Turkmen's ``ý`` is a
#: glide beside a vowel; Faroese spells ``ð`` as Icelandic and ``ø`` as Danish does, and
#: holds both (``bøseyðirnar``), which no modelled alphabet does.
_TURKMEN = frozenset("çäöüý")
_FAROESE = frozenset("áíóúýæøð")


@lru_cache(maxsize=256)
def _owners(letters: frozenset[str]) -> tuple[LangModel, ...]:
    """The modelled Latin languages whose alphabet holds every one of ``letters`` (by model
    bit: the letters' alphabet masks ANDed, the models read back in index order)."""
    data = langdata()
    mask = data.pool_mask.get("Latn", 0)
    for ch in letters:
        mask &= data.letter_mask.get(ch, 0)
    models = _by_index()
    return tuple(models[i] for i in few_bit_indices(mask))


@cache
def _by_index() -> tuple[LangModel, ...]:
    """The modelled languages, the ``i``-th of model bit ``i``."""
    return tuple(sorted(langdata().models.values(), key=lambda m: m.index))


def _unowned(padded: str, where: list[int]) -> bool:
    """No owner of ``padded``'s non-ASCII letters (a lower-cased word between two spaces)
    has every bigram touching the letters at ``where``, and no ``ý`` there is a glide."""
    letters = frozenset(ch for ch in padded if not ch.isascii())
    owners = _owners(letters)
    for model in owners:
        if all(touching_usual(model, padded, i) for i in where):
            return False
    if not owners and letters <= _FAROESE and all(_letter_owned(padded, i) for i in where):
        return False
    glides = all(
        padded[i] != "ý" or padded[i - 1] in _VOWELS or padded[i + 1] in _VOWELS for i in where
    )
    return not (letters <= _TURKMEN and glides)


def _letter_owned(padded: str, i: int) -> bool:
    """Some modelled language with the letter ``padded[i]`` has both bigrams touching it."""
    return any(touching_usual(m, padded, i) for m in _owners(frozenset(padded[i])))


def touching_usual(model: LangModel, padded: str, i: int, rare: float = RARE) -> bool:
    """``model`` writes both bigrams touching ``padded[i]`` (a :func:`padded_lower` word)
    more often than ``rare`` (log-probability).

    >>> from textfix.scoring._data import langdata
    >>> tr = langdata().models["tr"]
    >>> touching_usual(tr, padded_lower("kuş"), 3), touching_usual(tr, padded_lower("kþx"), 2)
    (True, False)
    """
    table, floor = model.bigrams, model.floor
    return (
        table.get(padded[i - 1 : i + 1], floor) >= rare
        and table.get(padded[i : i + 2], floor) >= rare
    )


@lru_cache(maxsize=4096)
def stray_word(word: str) -> bool:
    """``word`` is no known word, and its :data:`STRAY` letters (one at least) stand
    between letters no modelled language owning its letters writes them beside (nor, for
    ``ý``, as Turkmen's glide beside a vowel)."""
    if word_langs(word):
        return False  # (most words asked: known ones, told before reading letters)
    padded = padded_lower(word)
    where = [i for i, ch in enumerate(padded) if ch in STRAY]
    return bool(where) and _unowned(padded, where)


#: The ASCII characters: every step of :func:`suspects` leaves them as they are, and every
#: language writes them.
_ASCII = frozenset(map(chr, range(128)))
#: :data:`STRAY` letters and their capitals.
_STRAY_CHARS = frozenset(STRAY | {c.upper() for c in STRAY})
#: A :data:`STRAY` letter or capital, and a word with one.
_STRAY_CHAR = re.compile("[" + "".join(sorted(_STRAY_CHARS)) + "]")
_STRAY_WORD = re.compile(r"\w*" + _STRAY_CHAR.pattern + r"\w*")
#: :data:`_STRAY_CHAR`'s search, compiled (:mod:`~textfix.repair.one_class`).
_STRAY_FOUND = one_class(_STRAY_CHARS).found


#: Stray letters whose lines the engine looks at even when the accept test passes them
#: (:func:`looks_stray`): Icelandic's ``ð`` and ``þ``, which cp1257 and cp1254 make of
#: ``š ž ğ ş`` (``pandþab`` is Estonian ``pandžab``) in words whose every bigram some
#: language holds. Few clean lines hold them (the compiled quick proofs hand those lines on:
#: ``_cplausible.clean_line``); ``ø æ ý`` are left to the accept test (Danish, Czech).
LOOKED = frozenset("ðþÐÞ")
#: A :data:`LOOKED` letter (a search in C: :func:`looks_stray` is asked of every garbled
#: line, and nearly none holds one).
_LOOKED_RE = re.compile("[" + "".join(sorted(LOOKED)) + "]")
_LOOKED_FOUND = one_class(LOOKED).found


def looks_stray(text: str) -> bool:
    """``text`` holds a :data:`LOOKED` letter and :func:`suspects` it: the engine looks even
    where the accept test passes the line.

    >>> looks_stray("Tadþikistani Vabariik"), looks_stray("Þetta er gott")
    (True, False)
    """
    return bool(_LOOKED_FOUND(text)) and suspects(text)


@lru_cache(maxsize=4096)  # (asked by the no-repair proof and the engine of the same line)
def suspects(text: str) -> bool:
    """Some round trip of a Turkish or Baltic code page shown as cp1252 or latin-1 makes
    ``text`` a :func:`stray_repair`: the line may have letters to mend although it reads
    well letter by letter (cheap: most lines have no :data:`STRAY` letter).

    >>> suspects("Tðiili peeso"), suspects("Við erum hér"), suspects("Juleøen")
    (True, False, False)
    """
    # (a round trip changing any other character is no stray repair: most mojibake of
    # other families holds such characters, and is settled here without a translation)
    if not _STRAY_FOUND(text):
        return False  # (most lines, told in C without a set of their characters)
    chars = set(text)
    # (a step changing no character of the line, as most do, needs no translation; the
    # steps, by bit, from each character's)
    order, changing, other_of = _step_masks()
    touched = others = 0
    for ch in chars.difference(_ASCII):  # (no step changes an ASCII character)
        touched |= changing.get(ch, 0)
        others |= other_of.get(ch, 0)
    alive = touched & ~others
    if not alive:
        return False
    for word in _STRAY_WORD.findall(text):
        if stray_word(word):
            break
    else:
        return False
    # (a line with one of mojibake's shapes, "boÞnÝ", is the other gates' to judge: no
    # stray repair, below, and no translation needed to tell)
    if mojibake_shape(text):
        return False
    # (stray_repair reads of the true page only its family: a candidate that another page
    # of the family made is judged once; most steps leave a stray letter as it is)
    tried = set()
    shown_as: dict[str, bytes | None] = {}  # (the line encoded once per shown page)
    for true, shown in (step for k, step in enumerate(order) if alive >> k & 1):
        if shown not in shown_as:
            try:
                shown_as[shown] = text.encode(shown)
            except UnicodeError:
                shown_as[shown] = None
        raw = shown_as[shown]
        if raw is None:
            continue
        try:
            cand = raw.decode(true)
        except UnicodeError:
            continue
        key = (family_langs(true), cand)
        if cand == text or key in tried:
            continue
        tried.add(key)
        if stray_repair(text, cand, true, shown):
            return True
    return False


@cache
def _changes() -> dict[tuple[str, str], frozenset[str]]:
    """The characters each step of :func:`_steps` changes (the line's other characters it
    leaves as they are)."""
    return {step: frozenset(map(chr, translation(*step))) for step in _steps()}


@cache
def _step_masks() -> tuple[tuple[tuple[str, str], ...], dict[str, int], dict[str, int]]:
    """The steps of :func:`_steps` in order, and for each character the steps (bit ``k``
    for the ``k``-th) that change it (:func:`_changes`) and those it is another character
    of (:func:`_steps`): :func:`suspects` finds a line's steps from its characters."""
    order = tuple(_steps())
    changing = bit_masks(_changes()[step] for step in order)
    return order, changing, bit_masks(_steps()[step] for step in order)


@cache
def _steps() -> dict[tuple[str, str], frozenset[str]]:
    """The round trips :func:`suspects` tries (each true code page of the families whose
    letters cp1252 and latin-1 show as :data:`STRAY` letters, shown as either), with the
    characters other than :data:`STRAY` letters that each changes or cannot encode."""
    steps = {}
    for true in ("cp1254", "iso8859-9", "cp1257", "iso8859-13", "iso8859-4", "iso8859-10"):
        for shown in ("cp1252", "iso8859-1"):
            other = set()
            for byte in range(0x80, 0x100):
                try:
                    seen = bytes([byte]).decode(shown)
                except UnicodeError:
                    continue
                try:
                    meant = bytes([byte]).decode(true)
                except UnicodeError:
                    meant = ""
                if meant != seen and _lower(seen) not in STRAY:
                    other.add(seen)
            steps[true, shown] = frozenset(other)
    return steps


def stray_repair(text: str, cand: str, true: str, shown: str) -> bool:
    """The repair is a round trip of :func:`suspects` (``true`` shown as ``shown``); every
    character it changes is a :data:`STRAY` letter that becomes a letter of one language
    of ``true``'s family (whose alphabet holds every letter of the repaired words, and
    whose letter bigrams hold every bigram touching a changed letter); one changed word
    at least is a :func:`stray_word`, the others no known words; the line has none of
    mojibake's shapes (``boÞnÝ`` is Czech ``boční``); a stray word whose
    letters have more than :data:`FEW_OWNERS` owners needs two changed letters or to
    become a known word; and the line's words name no other language (``Gýmir`` in an
    Icelandic line stays)."""
    if len(text) != len(cand) or text == cand or (true, shown) not in _steps():
        return False
    if mojibake_shape(text):
        return False  # (capitals inside words, symbols: the other gates judge those)
    for a, b in zip(text, cand, strict=True):
        if a != b and (_lower(a) not in STRAY or not b.isalpha()):
            return False
    words = word_pairs(text, cand)
    # (one stray word shows the line's code page: its other changed words need only be no
    # known word, "Varang Þiti (Varang Kþiti)": Icelandic writes "þi", never "kþ")
    strays = [stray_word(old) and _enough(old, new) for old, new in words]
    if not any(strays):
        return False
    if any(word_langs(old) for (old, _), stray in zip(words, strays, strict=True) if not stray):
        return False
    fitting = _fitting(words, true)
    if not fitting:
        return False  # (most candidates: no need to ask which language the line names)
    named = named_index(text)
    return any(
        named < 0 or named == model.index
        for k, model in enumerate(_family_models(true))
        if fitting >> k & 1
    )


def _fitting(words: list[tuple[str, str]], true: str) -> int:
    """The languages of :func:`_family_models` (bit ``k`` for the ``k``-th) that
    :func:`_fits` every ``(before, after)`` word pair: from each repaired word's letters and
    the bigrams touching its changed letters, each word lower-cased and padded once, every
    language at once (:func:`_fit_masks`)."""
    letters, bigrams = _fit_masks(true)
    fitting = (1 << len(_family_models(true))) - 1
    for old, new in words:
        padded = padded_lower(new)
        for ch in set(padded).difference(_ASCII):
            fitting &= letters.get(ch, 0)
        for i, (a, b) in enumerate(zip(old, new, strict=True)):
            if a != b:
                fitting &= bigrams.get(padded[i : i + 2], 0) & bigrams.get(padded[i + 1 : i + 3], 0)
        if not fitting:
            break
    return fitting


@cache
def _family_models(true: str) -> tuple[LangModel, ...]:
    """The modelled languages of ``true``'s family, by code."""
    models = langdata().models
    return tuple(models[c] for c in sorted(family_langs(true)) if c in models)


@cache
def _fit_masks(true: str) -> tuple[dict[str, int], dict[str, int]]:
    """For each letter and each letter bigram, the languages of :func:`_family_models`
    (bit ``k`` for the ``k``-th) whose alphabet or bigram table holds it: what
    :func:`_fits` asks of one language, asked of them all at once by :func:`stray_repair`."""
    models = _family_models(true)
    return bit_masks(model.alphabet for model in models), bit_masks(
        model.bigrams for model in models
    )


def _enough(before: str, after: str) -> bool:
    """The repaired word changes two letters, or letters of :data:`FEW_OWNERS` owners at
    most, or becomes a known word."""
    changed = [a for a, b in zip(before, after, strict=True) if a != b]
    if len(changed) >= 2:
        return True
    if len(_owners(frozenset(map(_lower, changed)))) <= FEW_OWNERS:
        return True
    return bool(word_langs(after))


def _fits(before: str, after: str, padded: str, model: LangModel) -> bool:
    """``after`` (``padded``: :func:`padded_lower` of it) is wholly of ``model``'s letters,
    and each bigram touching a letter it changed from ``before`` is one ``model`` has (the
    reference of :func:`stray_repair`'s masks, :func:`_fit_masks`)."""
    if not model.alphabet.issuperset(set(padded).difference(_ASCII)):
        return False
    bigrams = model.bigrams
    return all(
        padded[i : i + 2] in bigrams and padded[i + 1 : i + 3] in bigrams
        for i, (a, b) in enumerate(zip(before, after, strict=True))
        if a != b
    )
