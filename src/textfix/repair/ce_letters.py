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

The DOS and Mac pages (and iso-8859-16) permute every letter, so a letter of another
language there proves nothing alone; but they also show letters as signs and capitals that
stand where clean prose writes none (``Om‡n`` is mac-latin2 ``Omán`` shown as cp1252,
``E-mailov†`` cp852 ``E-mailová`` shown as mac-roman, ``ManipurskŽ`` mac-latin2
``Manipurské``, ``Omßn`` cp1250 ``Omán`` shown as cp437: German writes ``ß`` after vowels
only): such *misplaced* characters, made letters of known words, prove the words through
any page of the family (:func:`misplaced`). They speak for words no list has too: a form
of a listed word (``Al₧irija`` is Slovene ``Alžirija``), or a name of five letters or more
whose language writes the letters made there (``Kramariµ`` is Croatian ``Kramarić``).
The Western European pages shown as DOS and Mac ones misplace letters the same way
(``AnlÊgsarbejder`` is Danish ``Anlægsarbejder``): their misplaced characters prove words too.

A letter may also stand *out of place*: no modelled language holding it writes it between
those neighbours (:func:`_out_of_place`: Portuguese writes no ``tõ`` at a word's end, no
language ``rçc``). Weaker than a misplaced sign, since unmodelled orthographies put their
letters anywhere, it speaks through the Windows and ISO pages for a known word or a form
(``Mozdonyvezetõ`` is Hungarian ``Mozdonyvezető``), through the DOS and Mac pages for a
known word only and for letters without a tone or length accent (``Prçce`` is Czech
``Práce``); never for a name alone.

>>> nbsp_in_word("Kostoln\\xa0 Ves"), nbsp_in_word("v\\xa0Praze"), nbsp_in_word("10\\xa0000")
(True, False, False)
>>> letters_made_words("Baèa", "Bača", ("cp1250", "cp1252"))
True
>>> letters_made_words("Crème", "Crčme", ("cp1250", "cp1252"))
False
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import cache, lru_cache

from textfix.chains import FAMILIES, fits, padded, single_byte_steps, translation
from textfix.repair import letter_places
from textfix.repair.bitsets import bit_masks
from textfix.repair.line_language import VOTE_LETTERS, _lower, padded_lower, prose
from textfix.repair.spans import word_pairs
from textfix.repair.stray_letters import _ASCII, _owners
from textfix.repair.tokens import tokens
from textfix.scoring import word_langs
from textfix.scoring._data import LangModel, langdata
from textfix.scoring.endings import form_langs
from textfix.scoring.model import TOKEN_RE

#: An ASCII letter.
_ASCII_LETTER = re.compile("[A-Za-z]")
#: A word with the non-ASCII signs glued to it (the span a repair may make one word of).
TOKEN_SIGNS_RE = re.compile(r"[^\s\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\x7f]{2,}")

#: A name (a word no list has, nor a form of one) made of misplaced characters must hold
#: this many letters, and each bigram touching a changed letter must be more likely than
#: :data:`RARE` in its language (log-probability).
MIN_NAME = 5
RARE = -6.0

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


#: Signs clean prose writes inside words (apostrophes, hyphens, the soft hyphen): never
#: misplaced. (Catalan's ``l·l`` is the engine's to keep: see only_middle_dots_between_ls.)
PROSE_SIGNS = frozenset("'’‘ʼ‐‑\xad")
#: Signs that clean text writes right before or after a word (``nº``, ``Nª``, ``20°``,
#: quotes, ``¡Hola!``, ``textu…``): misplaced only between two letters (or, for
#: :data:`TRAILING`, after them).
AFTER_LETTERS = frozenset("ºª°«»„“”‚‹›…–—•·")
#: Spanish's inverted marks open a sentence, and shouting capitals glue them inside a word
#: (``PROGRES¡STAS``): misplaced only after a letter and before a small one or the word's
#: end (cp852's ``í`` shown as cp1252: ``K¡na``, ``Potvrzen¡``).
INVERTED = frozenset("¡¿")
#: ASCII consonants (``ß`` after one is misplaced).
_CONSONANTS = frozenset("bcdfghjklmnpqrstvwxzBCDFGHJKLMNPQRSTVWXZ")
#: Irish puts these before a word's capital first letter (``hÉireann``, ``nÉirinn``).
IRISH_PREFIXES = frozenset("hnt")
#: Signs some CE page makes a letter of that clean prose puts before a word or between
#: spaced words, never right after a word's letters: a line with one there is looked at
#: however well its letters read (mac-roman shows cp1250's ``ă`` as ``„`` and ``á`` as
#: ``·``: ``dat„ expirare``, ``Kostoln· Ves``).
TRAILING = "„·"
#: What :func:`looks_anyway` looks for: a no-break space, a sharp s and :data:`TRAILING`
#: (a line holding none of them is never looked at anyway; ``gates.opening`` reads it).
ANYWAY_CHARS = "\xa0ß" + TRAILING


@cache
def _central_european() -> frozenset[str]:
    """The true code pages of the Central European family."""
    return frozenset(t for fam in FAMILIES if fam.name == "Central European" for t in fam.trues)


@cache
def _proving() -> frozenset[str]:
    """The true code pages whose repairs misplaced characters may prove: the Central
    European family's and the Western European one's (DOS and Mac pages show Western
    letters as signs and capitals too: ``Fuﬂnoten`` is German ``Fußnoten`` shown as
    mac-roman, ``AnlÊgsarbejder`` Danish ``Anlægsarbejder``)."""
    western = {t for fam in FAMILIES if fam.name == "Western European" for t in fam.trues}
    return _central_european() | western


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


def sign_after_word(text: str) -> bool:
    """``text`` has one of :data:`TRAILING` right after two letters and before no letter:
    cp1250's ``ă`` or ``á`` shown as mac-roman, which the cheap accept test passes.

    >>> sign_after_word("dat„ expirare"), sign_after_word("„Wort“"), sign_after_word("l·l")
    (True, False, False)
    """
    for sign in TRAILING:
        i = text.find(sign, 2)
        while i >= 0:
            if TOKEN_RE.fullmatch(text, i - 2, i) and not TOKEN_RE.fullmatch(text[i + 1 : i + 2]):
                return True
            i = text.find(sign, i + 1)
    return False


def sharp_s_after_consonant(text: str) -> bool:
    """``text`` has ``ß`` right after an ASCII consonant: German writes it after vowels
    only, cp437 and cp850 show cp1250's ``á`` so (``Togskß republika``), and the cheap
    accept test reads it as ``ss``.

    >>> sharp_s_after_consonant("Togskß"), sharp_s_after_consonant("Straße, weiß")
    (True, False)
    """
    i = text.find("ß", 1)
    while i >= 0:
        if text[i - 1] in _CONSONANTS:
            return True
        i = text.find("ß", i + 1)
    return False


def looks_anyway(text: str) -> bool:
    """The engine must look at ``text`` however well it reads: :func:`nbsp_in_word`,
    :func:`sign_after_word` or :func:`sharp_s_after_consonant` (``_cplausible``'s
    ``clean_line`` proves no such line clean). Compiled where built
    (:mod:`~textfix.repair.letter_places`; :func:`_looks_anyway_py` is the reference)."""
    found = letter_places.looks_anyway(text)
    return _looks_anyway_py(text) if found is None else found


def _looks_anyway_py(text: str) -> bool:
    """:func:`looks_anyway` in pure Python (the reference of its compiled twin)."""
    return nbsp_in_word(text) or sign_after_word(text) or sharp_s_after_consonant(text)


def misplaced(word: str, i: int) -> bool:
    """``word[i]`` stands where clean text writes no such character: a non-ASCII sign glued
    to the word's letters (not one of :data:`PROSE_SIGNS`; one of :data:`AFTER_LETTERS`
    only between two letters, or :data:`TRAILING` after them; no middle dot between two
    l's), a non-ASCII capital after a small letter or second in a word going on in small
    letters, ``ß`` after a consonant, or a small letter no modelled language holds.

    >>> misplaced("Om‡n", 2), misplaced("ManipurskŽ", 9), misplaced("Omßn", 2)
    (True, True, True)
    >>> misplaced("l’homme", 1), misplaced("nº", 1), misplaced("Gießen", 3), misplaced("l·l", 1)
    (False, False, False, False)
    """
    ch = word[i]
    if ch.isascii() or ch in PROSE_SIGNS:
        return False
    if not TOKEN_RE.fullmatch(ch):
        if ch == "·" and word[i - 1 : i] in "lL" and word[i + 1 : i + 2] in "lL":
            return False  # (Catalan's ela geminada)
        if ch in INVERTED:
            after = word[i + 1 : i + 2]
            return i > 0 and word[i - 1].isalpha() and (not after or after.islower())
        if ch in AFTER_LETTERS:
            inside = i + 1 < len(word) and word[i + 1].isalpha()
            return i > 0 and word[i - 1].isalpha() and (inside or ch in TRAILING)
        return True
    if ch == "ß":
        # (German writes it after vowels only: "Omßn" is cp1250 "Omán" shown as cp437; no
        # model holds it, wordfreq folds it to "ss")
        return i > 0 and word[i - 1].isalpha() and not _vowel(word[i - 1].lower())
    if ch.isupper():
        before = word[i - 1] if i else ""
        after = word[i + 1] if i + 1 < len(word) else ""
        if i == 1 and before in IRISH_PREFIXES:
            return False  # (Irish "hÉireann", "nÉirinn", "tÚsáideoir")
        return before.islower() or (i == 1 and before.isupper() and after.islower())
    # (a small letter no modelled Latin-script language holds, in a word with ASCII letters:
    # the micro sign "Kramariµ", cp1251's "ц" in "Tцll"; letters of languages with small
    # models, compounds and names stand anywhere now and then)
    return (
        ch.islower()
        and not _owners(frozenset(_lower(ch)))
        and _ASCII_LETTER.search(word) is not None
    )


#: A small letter stands out of place when no modelled Latin-script language whose
#: alphabet holds it writes both bigrams touching it more often than this (log-probability):
#: Danish writes "æ" after "i" nowhere, Catalan "è" before "k" nowhere.
PLACE_RARE = -7.0


#: Vowels with a grave accent: tone languages no model covers mark a low tone so on any
#: vowel beside any consonant (Yoruba ``Filipínì``), never out of place.
TONE_GRAVES = frozenset("àèìòù")


def _out_of_place(word: str, i: int) -> bool:
    """No owner of the small letter ``word[i]`` writes it between its neighbours (a
    neighbour that is no letter counts as the word's edge: ``d’été``).

    >>> _out_of_place("Kramariæ", 7), _out_of_place("Kramarić", 7), _out_of_place("blæst", 2)
    (True, False, False)
    """
    if word[i] in TONE_GRAVES:
        return False
    before = _lower(word[i - 1]) if i and word[i - 1].isalpha() else " "
    after = _lower(word[i + 1]) if i + 1 < len(word) and word[i + 1].isalpha() else " "
    return _unplaced(before + _lower(word[i]) + after)


def _unplaced(trigram: str) -> bool:
    """``trigram``'s middle letter has owners, and none writes both its bigrams more often
    than :data:`PLACE_RARE` (:func:`_out_of_place`; a letter no model holds is
    :func:`misplaced`'s to judge)."""
    owners = _owner_mask(trigram[1])
    usual, absent = _usual_bigrams(PLACE_RARE)
    return bool(owners) and not (
        owners & usual.get(trigram[:2], absent) & usual.get(trigram[1:3], absent)
    )


@lru_cache(maxsize=256)
def _owner_mask(letter: str) -> int:
    """The modelled Latin languages whose alphabet holds ``letter`` (by model bit)."""
    return sum(1 << model.index for model in _owners(frozenset(letter)))


def _vowel(ch: str) -> bool:
    """``ch`` (small) is a vowel, accented or not."""
    return unicodedata.normalize("NFD", ch)[0] in "aeiouy" or ch in "äöü"


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
    return _made_words(text, cand, step, {})


#: What :func:`_evidence` found of a candidate: its changed word pairs, the languages (by
#: model bit) every repaired word may belong to, how many unlisted words a name stands for,
#: and each word's misplaced and out-of-place places; ``None`` when it is no such repair.
Evidence = tuple[list[tuple[str, str]], int, int, list[tuple[set[int], set[int]]]] | None


def _made_words(
    text: str,
    cand: str,
    step: tuple[str, str],
    seen: dict[tuple[object, bool, bool], Evidence],
    words: list[tuple[str, str]] | None = None,
    judged: dict[tuple[tuple[object, bool, bool], int], bool] | None = None,
) -> bool:
    """:func:`letters_made_words`, reading in ``seen`` what :func:`_evidence` found of
    ``cand`` through a step of the same kind (several true pages make the same candidate:
    the words' evidence depends on the kind, the languages written on the true page).

    Given ``words`` (:func:`_proves`: the changed word pairs of a step that changes letters
    of words only, read without translating the line), ``cand`` is made only when the words
    prove something; they stand for it in ``seen``. Given ``judged`` (asked of one ``cand``
    through several steps: :func:`family_made_words`), each language's verdict on the
    evidence (its letters and the line's votes, which depend on the kind, not the true
    page) is kept there and read again, so that a step only asks which languages it fits."""
    true, shown = step
    if words is None and (len(text) != len(cand) or text == cand):
        return False
    if true not in _proving():
        return False
    letters = true in LETTER_PAGES and shown in WESTERN
    key = (cand if words is None else tuple(words), letters, true in _central_european())
    if key not in seen:
        # (the letters whose place may speak: see has_out_of_place)
        places_of = _letter_changed() if letters else _dos_changed() if key[2] else frozenset()
        if words is None:
            seen[key] = _evidence(text, cand, letters, places_of)
        else:
            seen[key] = _words_evidence(words, letters, places_of)
    found = seen[key]
    if found is None:
        return False
    pairs, common, named, odd = found
    votes: Counter[int] | None = None  # (counted once a language passes the other tests)
    for model in _models_in(common):
        if not fits(true, model.code):
            continue
        verdict = None if judged is None else judged.get((key, model.index))
        if verdict is None:
            verdict = False
            for (before, word), (places, rare) in zip(pairs, odd, strict=True):
                if not _foreign_made_letters(before, word, model, letters, places | rare):
                    break
            else:
                if votes is None:
                    if words is not None:
                        cand = text.translate(translation(*step))
                    votes = _votes(prose(cand))
                    votes[UNLISTED] -= named
                verdict = _backed(votes, model.index)
            if judged is not None:
                judged[key, model.index] = verdict
        if verdict:
            return True
    return False


def _models_in(mask: int) -> list[LangModel]:
    """The models whose bit ``mask`` holds, in index order."""
    by_index = _models_by_index()
    found = []
    mask &= (1 << max(by_index, default=-1) + 1) - 1  # (a mask of every language is -1)
    while mask:
        low = mask & -mask
        mask ^= low
        model = by_index.get(low.bit_length() - 1)
        if model is not None:
            found.append(model)
    return found


@cache
def _models_by_index() -> dict[int, LangModel]:
    """Each model by its bit index."""
    return {model.index: model for model in langdata().models.values()}


def _evidence(text: str, cand: str, letters: bool, places_of: frozenset[str]) -> Evidence:
    """The word evidence :func:`letters_made_words` reads of ``cand``, a same-length repair
    of ``text`` (:data:`Evidence`; ``letters`` through :data:`LETTER_PAGES` shown as
    :data:`WESTERN`, ``places_of`` the letters whose place may speak)."""
    pairs = word_pairs(text, cand)
    if not pairs:
        return None
    if not all(TOKEN_RE.fullmatch(b) for a, b in zip(text, cand, strict=True) if a != b):
        return None  # (every changed character becomes a letter of a repaired word)
    # A no-break space made a letter stands after one and before one, a space or the end
    # (French "Groupe\xa0:" is no "Groupeá:").
    if "\xa0" in text and any(
        a == "\xa0" != cand[i] and not _nbsp_at(text, i, 1) for i, a in enumerate(text)
    ):
        return None
    return _words_evidence(pairs, letters, places_of)


def _words_evidence(
    pairs: list[tuple[str, str]], letters: bool, places_of: frozenset[str]
) -> Evidence:
    """:func:`_evidence` of the changed word pairs of a candidate that passed its checks of
    the whole line (changed characters made letters, no-break spaces)."""
    if not pairs or sum(len(word) for _before, word in pairs) < MIN_LETTERS:
        return None
    # Each word's misplaced and out-of-place characters, found only for the words that need
    # them: a step changing a known word, or making an unlisted word no misplaced character
    # speaks for, fails at the cheap lookups.
    marks: list[tuple[set[int], set[int]] | None] = [None] * len(pairs)
    common = -1
    named = 0
    for k, (before, word) in enumerate(pairs):
        if len(word) < 2 or (TOKEN_RE.fullmatch(before) and word_langs(before)):
            return None  # a known word changed (or a one-letter one): no evidence
        if not (word.islower() or word.isupper() or word.istitle()):
            return None  # (a capital inside a word is no repair)
        mask = word_langs(word)
        if not mask:
            # (a form or a name no list has: only misplaced characters, made letters a
            # language writes there, speak for it; it then votes for no unlisted word)
            places, rare = marks[k] = _marks(before, word, places_of)
            mask = _named(before, word, places, rare if letters else set())
            named += bool(mask) and len(word) >= VOTE_LETTERS
        common &= mask
        if not common:
            return None
    odd = [
        found if found is not None else _marks(before, word, places_of)
        for (before, word), found in zip(pairs, marks, strict=True)
    ]
    return pairs, common, named, odd


def _marks(before: str, word: str, places_of: frozenset[str]) -> tuple[set[int], set[int]]:
    """The places of ``before``'s characters that its repair ``word`` changes and that
    stand :func:`misplaced` (any page's evidence), and of those letters of ``places_of``
    that stand out of place (:func:`_out_of_place`: through the letter pages, a letter no
    language holding it writes between its neighbours speaks for a form of a listed word,
    ``Mozdonyvezetõ`` is Hungarian ``Mozdonyvezető``; not for a name, which unmodelled
    languages spell so: Corsican ``Guinèa``). Compiled where built
    (:mod:`~textfix.repair.letter_places`; :func:`_marks_py` is the reference) for the
    letters of :func:`_letter_changed`, of :func:`_dos_changed` or none."""
    name = _place_names().get(places_of)
    found = None if name is None else letter_places.marks(before, word, name)
    return _marks_py(before, word, places_of) if found is None else found


@cache
def _place_names() -> dict[frozenset[str], str]:
    """The letters whose place may speak (:func:`_made_words`), by their flag's name in
    :data:`letter_places.FLAGS <textfix.repair.letter_places.FLAGS>`."""
    return {_letter_changed(): "changed", _dos_changed(): "dos", frozenset(): ""}


def _marks_py(before: str, word: str, places_of: frozenset[str]) -> tuple[set[int], set[int]]:
    """:func:`_marks` in pure Python."""
    changed = [j for j, (a, b) in enumerate(zip(before, word, strict=True)) if a != b]
    return (
        {j for j in changed if _misplaced_at(before, j)},
        {j for j in changed if before[j] in places_of and _out_of_place_at(before, j)},
    )


#: :func:`misplaced` and :func:`_out_of_place` of a word's place, each found once: the
#: steps of a line that change a word ask them of the same places.
_misplaced_at = lru_cache(maxsize=4096)(misplaced)
_out_of_place_at = lru_cache(maxsize=4096)(_out_of_place)


def family_made_words(text: str, cand: str, chain: tuple[tuple[str, str], ...]) -> bool:
    """:func:`letters_made_words` through the one step of ``chain``, or through a step of
    the family that makes the same ``cand`` (the ranking may prefer a Western page that
    reads the same: ``KÝna`` is cp1252 ``Kína`` shown as cp850 as well as iso-8859-2's).

    >>> family_made_words("KÝna", "Kína", (("cp1252", "cp850"),))
    True
    """
    if len(chain) != 1:
        return False
    if chain[0][0] in _central_european():
        return letters_made_words(text, cand, chain[0])
    # (every step asked makes the same ``cand``: the evidence of each kind of step, and each
    # language's verdict on it, are found once for all of them; see _made_words)
    seen: dict[tuple[object, bool, bool], Evidence] = {}
    judged: dict[tuple[tuple[object, bool, bool], int], bool] = {}
    if chain[0][0] in _proving() and _made_words(text, cand, chain[0], seen, None, judged):
        return True
    if len(text) != len(cand):
        return False  # (no step changes a line's length)
    # (the steps whose translation of ``text`` is ``cand``, found from the line's distinct
    # character pairs by bit, in the steps' order, without translating the line per step)
    steps, changing, _signing, _letter_bits = _step_masks()
    images = _step_images()
    alive = (1 << len(steps)) - 1
    for a, b in set(zip(text, cand, strict=True)):
        alive &= ~changing.get(a, 0) if a == b else images.get((a, b), 0)
        if not alive:
            return False  # (most candidates: made by no other step)
    while alive:
        bit = alive & -alive
        alive ^= bit
        if _made_words(text, cand, steps[bit.bit_length() - 1][0], seen, None, judged):
            return True
    return False


@cache
def _step_images() -> dict[tuple[str, str], int]:
    """For each character and what a step of :func:`_step_masks` changes it into, the steps
    (bit ``k`` for the ``k``-th) that change it so: :func:`family_made_words` finds the steps
    making a candidate from the line's character pairs."""
    return bit_masks(
        ((chr(code), new) for code, new in translation(*step).items())
        for step, _table in _step_masks()[0]
    )


def _votes(line: str) -> Counter[int]:
    """For each language (by model index), how many words of ``line`` (3+ letters, ASCII
    ones included) its list knows; words no list knows vote for :data:`UNLISTED`."""
    votes: Counter[int] = Counter()
    for word in tokens(line):
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


def _named(before: str, word: str, places: set[int], rare: set[int]) -> int:
    """The languages (by model bit) of which ``word``, a repair of ``before`` whose every
    changed character stands at one of ``places`` (misplaced) or ``rare`` (letters out of
    place), is a form (:func:`form_langs`: ``Al₧irija`` -> ``Alžirija``), or, with
    :data:`MIN_NAME` letters and every changed character misplaced (or out of place ending
    the word: :func:`_name_end`), whose letter bigrams
    attest it: each bigram touching a changed letter is one the language writes more often
    than :data:`RARE` (``Kramariµ`` -> ``Kramarić``: Croatian ends words in ``ić``). 0 when
    a changed character is neither."""
    changed = [j for j, (a, b) in enumerate(zip(before, word, strict=True)) if a != b]
    if not changed or not set(changed) <= places | rare:
        return 0
    forms = form_langs(word)
    if forms or len(word) < MIN_NAME or not set(changed) <= places | _name_end(before, rare):
        return forms
    padded = padded_lower(word)
    # (word[j] is padded[j + 1]: the bigrams touching it start at padded[j] and [j + 1])
    usual, absent = _usual_bigrams(RARE)
    mask = -1
    for j in changed:
        mask &= usual.get(padded[j : j + 2], absent) & usual.get(padded[j + 1 : j + 3], absent)
    return mask


@cache
def _usual_bigrams(rare: float) -> tuple[dict[str, int], int]:
    """For each letter bigram, the languages (by model bit) that write it more often than
    ``rare`` (:func:`touching_usual`'s test, all models at once), and those that write a
    bigram missing from their table so (none while every floor is lower)."""
    models = langdata().models.values()
    usual: dict[str, int] = {}
    for model in models:
        bit = 1 << model.index
        for gram, logprob in model.bigrams.items():
            usual[gram] = usual.get(gram, 0) | (bit if logprob >= rare else 0)
    for model in models:
        if model.floor >= rare:  # (a bigram missing from its table reads as its floor)
            for gram in usual.keys() - model.bigrams.keys():
                usual[gram] |= 1 << model.index
    absent = sum(1 << model.index for model in models if model.floor >= rare)
    return usual, absent


def _name_end(before: str, rare: set[int]) -> set[int]:
    """Of ``rare`` (places of letters out of place in ``before``), the word's last letter
    when it bears no :data:`FREE_ACCENTS` accent: a letter out of place ending a word speaks
    for a name (Croatian surnames end in ``ić``, which cp1252 shows as ``iæ``, an ending no
    Danish word has; compounds put odd pairs inside words only).

    >>> _name_end("Kramariæ", {7}), _name_end("Naurû", {4}), _name_end("Juleøen", {4})
    ({7}, set(), set())
    """
    last = len(before) - 1
    if last in rare and FREE_ACCENTS.isdisjoint(unicodedata.normalize("NFD", before[last])):
        return {last}
    return set()


def _backed(votes: Counter[int], index: int) -> bool:
    """The repaired line's words vote for language ``index`` at least as much as for any
    other, and more than for an unlisted one (words no list knows: Scottish Gaelic ``Innis
    Tìle`` is no Czech ``Těle``; French ``afficher la kième fraction`` no Croatian
    ``kičme``)."""
    own = votes[index]
    return (own > votes[UNLISTED] or own == votes[UNLISTED] == 0) and all(
        n <= own for n in votes.values()
    )


def _foreign_made_letters(
    before: str, word: str, model: LangModel, letters: bool, odd: set[int]
) -> bool:
    """Every character of ``before`` that the repair changed was a no-break space, one at
    a place of ``odd`` (:func:`misplaced`) or (with ``letters``) a letter foreign to
    ``model``'s alphabet, and ``word`` is wholly of its letters."""
    alphabet = model.alphabet
    for ch in word:  # (loops, not all(): asked per language of each candidate)
        if not ch.isascii() and _lower(ch) not in alphabet:
            return False
    for j, (a, b) in enumerate(zip(before, word, strict=True)):
        if (
            a != b
            and a != "\xa0"
            and j not in odd
            and not (letters and a.isalpha() and _lower(a) not in alphabet)
        ):
            return False
    return True


@cache
def _letter_steps() -> tuple[tuple[tuple[str, str], dict[int, str]], ...]:
    """The steps through which foreign letters count, with their translate tables."""
    return tuple(
        ((true, shown), translation(true, shown))
        for true in sorted(LETTER_PAGES)
        for shown in sorted(WESTERN)
    )


@cache
def _other_steps() -> tuple[tuple[tuple[str, str], dict[int, str]], ...]:
    """The other single-byte steps of the families in :func:`_proving` (only misplaced
    characters count there)."""
    done = {step for step, _table in _letter_steps()}
    return tuple(
        (step, table)
        for step, table in single_byte_steps()
        if step[0] in _proving() and step not in done
    )


def _odd_chars(text: str) -> set[str]:
    """The characters of ``text`` that stand :func:`misplaced`, or out of place
    (:func:`_out_of_place`, letters of :func:`_dos_changed`), somewhere in a word (a new
    set). Compiled where built (:mod:`~textfix.repair.letter_places`; :func:`_odd_chars_py`
    is the reference).

    >>> sorted(_odd_chars("Om‡n, Gießen, nº 5")), sorted(_odd_chars("Indeksiraj po ïrki"))
    (['‡'], ['ï'])
    """
    found = letter_places.odd_chars(text)
    return _odd_chars_py(text) if found is None else found


def _odd_chars_py(text: str) -> set[str]:
    """:func:`_odd_chars` in pure Python. Only characters that may stand so
    (:func:`_odd_kind`) are looked at: a small letter no modelled language holds in any word
    with an ASCII letter, the others place by place, each until one place of it is found."""
    odd: set[str] = set()
    rest_chars = set(text) - _plain_chars()
    if not rest_chars:
        return odd  # (most lines: ASCII and letters their languages own)
    kinds = _odd_kinds()
    found: tuple[set[str], set[str], set[str], set[str]] = (set(), set(), set(), set())
    for ch in rest_chars:
        kind = kinds.get(ch)
        found[_odd_kind(ch) if kind is None else kind].add(ch)
    _plain, unowned, placed, capitals = found
    if not unowned and not placed and not capitals:
        return odd
    dos = _dos_changed()
    for word in TOKEN_SIGNS_RE.findall(text):
        if unowned and _ASCII_LETTER.search(word) is not None:
            odd.update(unowned.intersection(word))
        if placed.isdisjoint(word) and (not capitals or capitals.isdisjoint(word[1:])):
            continue
        for j, ch in enumerate(word):
            if (
                (ch in placed or (j and ch in capitals))
                and ch not in odd
                and (_misplaced_at(word, j) or (ch in dos and _out_of_place_at(word, j)))
            ):
                odd.add(ch)
    return odd


#: What :func:`_odd_kind` says of a character: it never stands misplaced or out of place;
#: it does in any word with an ASCII letter (a small letter no modelled language holds);
#: its place decides; its place decides but for a word's first character (a capital).
PLAIN, UNOWNED, PLACED, CAPITAL = range(4)


def _odd_kind(ch: str) -> int:
    """Where ``ch`` may stand :func:`misplaced` or out of place (:func:`_odd_chars`):
    :data:`PLACED` for a sign clean prose glues to no word, ``ß`` or a letter of
    :func:`_dos_changed`; :data:`CAPITAL` for a capital (misplaced only after a letter);
    :data:`UNOWNED` for another small letter no modelled Latin-script language holds;
    :data:`PLAIN` otherwise (ASCII, prose signs, the languages' letters).

    >>> [_odd_kind(ch) for ch in "a‡Éé’ж"] == [PLAIN, PLACED, CAPITAL, PLAIN, PLAIN, UNOWNED]
    True
    """
    if ch.isascii():
        return PLAIN
    if ch in _dos_changed():
        return PLACED
    if ch in PROSE_SIGNS:
        return PLAIN
    if not TOKEN_RE.fullmatch(ch) or ch == "ß":
        return PLACED
    if ch.isupper():
        return CAPITAL
    return UNOWNED if ch.islower() and not _owners(frozenset(_lower(ch))) else PLAIN


@cache
def _odd_kinds() -> dict[str, int]:
    """:func:`_odd_kind` of the modelled languages' letters and their capitals (a table
    built once; other characters are asked as they come)."""
    letters = {ch for model in langdata().models.values() for ch in model.alphabet}
    letters |= {ch.upper() for ch in letters if len(ch.upper()) == 1}
    return {ch: _odd_kind(ch) for ch in letters}


@cache
def _plain_chars() -> frozenset[str]:
    """ASCII and the :data:`PLAIN` characters of :func:`_odd_kinds`."""
    plain = {ch for ch, kind in _odd_kinds().items() if kind == PLAIN}
    return _ASCII | plain


@cache
def _other_changes() -> tuple[frozenset[str], ...]:
    """The characters each of :func:`_other_steps` changes, in its order."""
    return tuple(frozenset(map(chr, table)) for _step, table in _other_steps())


def has_out_of_place(text: str) -> bool:
    """Some word of ``text`` has a small letter that a step of :data:`LETTER_PAGES` shown as
    :data:`WESTERN` changes and that no language holding it writes between its neighbours
    (:func:`_out_of_place`).

    >>> has_out_of_place("Kramariæ"), has_out_of_place("blæst, pièce, d’été")
    (True, False)

    Compiled where built (:mod:`~textfix.repair.letter_places`; :func:`_has_out_of_place_py`
    is the reference).
    """
    found = letter_places.has_out_of_place(text)
    return _has_out_of_place_py(text) if found is None else found


def _has_out_of_place_py(text: str) -> bool:
    """:func:`has_out_of_place` in pure Python."""
    changed = _letter_changed()
    if changed.isdisjoint(text):
        return False  # (most lines: no letter the letter steps change)
    for word in TOKEN_SIGNS_RE.findall(text):
        if changed.isdisjoint(word):
            continue
        for j, ch in enumerate(word):  # (a loop, not any(): no generator per word)
            if ch in changed and _out_of_place_at(word, j):
                return True
    return False


@cache
def _letter_changed() -> frozenset[str]:
    """The small letters some step of :func:`_letter_steps` changes (grave vowels aside,
    see :data:`TONE_GRAVES`): the only ones whose place speaks for a repair."""
    return frozenset(
        chr(code)
        for _step, table in _letter_steps()
        for code in table
        if chr(code).islower() and TOKEN_RE.fullmatch(chr(code)) and chr(code) not in TONE_GRAVES
    )


#: Accents that many orthographies put on any vowel beside any consonant (tone, length and
#: stress marks: Kurdish ``Martinîk``, Turkmen ``ý``, Yoruba ``í``): a letter with one is out
#: of place by chance too often to speak through the DOS and Mac pages, which permute every
#: letter.
FREE_ACCENTS = frozenset("\u0300\u0301\u0302")


@cache
def _dos_changed() -> frozenset[str]:
    """The small letters some other step of the Central European family changes, without a
    :data:`FREE_ACCENTS` accent: those whose place speaks through the DOS and Mac pages."""
    return frozenset(
        chr(code)
        for step, table in _other_steps()
        if step[0] in _central_european()
        for code in table
        if chr(code).islower()
        and TOKEN_RE.fullmatch(chr(code))
        and FREE_ACCENTS.isdisjoint(unicodedata.normalize("NFD", chr(code)))
    )


def may_prove_words(text: str) -> bool:
    """:func:`proves_words`, asked only of a line with a :func:`misplaced` character or a
    letter out of place (:func:`_odd_chars`, :func:`has_out_of_place`): other lines are
    proved by no step."""
    return (bool(_odd_chars(text)) or has_out_of_place(text)) and proves_words(text)


@lru_cache(maxsize=1024)  # (a garbled line's engine and its gates both ask of the line)
def proves_words(text: str) -> bool:
    """Some step of the family repairs ``text`` in a way :func:`letters_made_words`
    accepts: the engine must look even when the line's letter statistics read well
    (Slovene ``statièna metoda``: one foreign letter in a long word; ``dat„ expirare``).
    Steps other than :data:`LETTER_PAGES` shown as :data:`WESTERN` are tried only when a
    word of the line has a :func:`misplaced` character or a letter out of place there
    (:func:`_odd_chars`), and only those changing no other character.

    >>> proves_words("%s() (%s statièna metoda)"), proves_words("Crème brûlée")
    (True, False)
    """
    return _proves(text, _odd_chars(text))


def _proves(text: str, odd: set[str]) -> bool:
    """:func:`proves_words`, given ``text``'s :func:`_odd_chars`."""
    steps, changing, _signing, letter_bits = _step_masks()
    chars = set(text).difference(_ASCII)  # (no step changes an ASCII character)
    alive = _alive_steps(chars, odd)
    if not alive:
        return False
    # (both shown pages of a letter step are Western: the verdict on a candidate depends on
    # the true page alone, and cp1252 and latin-1 make the same one of most lines)
    tried: set[tuple[str, object]] = set()
    seen: dict[tuple[object, bool, bool], Evidence] = {}
    changes = _changes()
    # A step changing only letters of words (no sign or space made a letter) keeps the
    # line's words where they are: its changed words are the words holding a letter it
    # changes, read without translating the line, and a known word (or a one-letter one)
    # among them refuses it (_evidence). The steps change no ASCII.
    words = [w for w in tokens(text) if not w.isascii()]
    outside = 0  # (the steps changing a character standing outside words)
    for ch in chars.difference(*words):
        outside |= changing.get(ch, 0)
    known = 0  # (the steps changing a letter of a known word)
    for w in words:
        if len(w) < 2 or word_langs(w):
            for ch in w:
                known |= changing.get(ch, 0)
    while alive:
        bit = alive & -alive
        alive ^= bit
        (step, table), letters = steps[bit.bit_length() - 1], bool(bit & letter_bits)
        if not bit & outside:
            if bit & known:
                continue
            changed = changes[step]
            pairs = [(w, w.translate(table)) for w in words if not changed.isdisjoint(w)]
            key: tuple[str, object] = (step[0], tuple(pairs))
            if key in tried:
                continue
            tried.add(key)
            # (a word it makes no listed word needs every changed place marked: _named)
            for w, new in pairs:
                if not (changed.isdisjoint(_loose(w, letters)) or word_langs(new)):
                    break
            else:
                if _made_words(text, "", step, seen, pairs):
                    return True
            continue
        cand = text.translate(table)
        if (step[0], cand) in tried:
            continue
        tried.add((step[0], cand))
        if _made_words(text, cand, step, seen):
            return True
    return False


def _alive_steps(chars: set[str], odd: set[str]) -> int:
    """The steps of :func:`_step_masks` (by bit) that :func:`_proves` tries on a line whose
    non-ASCII characters are ``chars`` (no step changes ASCII) and whose :func:`_odd_chars`
    are ``odd``: those changing a character of the line and making no sign of one (which
    letters_made_words refuses); of the steps other than the letter steps, only where
    ``odd`` is not empty, and those changing only characters of ``odd`` and no-break spaces
    (adds the no-break space to ``odd``)."""
    _steps, changing, signing, letter_bits = _step_masks()
    touched = made_signs = 0
    for ch in chars:
        touched |= changing.get(ch, 0)
        made_signs |= signing.get(ch, 0)
    if not odd:
        return touched & ~made_signs & letter_bits
    odd.add("\xa0")
    others = 0
    for ch in chars.difference(odd):
        others |= changing.get(ch, 0)
    return touched & ~made_signs & (letter_bits | ~others)


@cache
def _step_masks() -> tuple[
    tuple[tuple[tuple[str, str], dict[int, str]], ...], dict[str, int], dict[str, int], int
]:
    """The steps :func:`_proves` tries (:func:`_letter_steps`, then :func:`_other_steps`),
    and for each character the steps (bit ``k`` for the ``k``-th) that change it and those
    that change it into no letter (:func:`_makes_signs`), and the bits of the letter steps:
    a line's steps are found from its characters, not by asking every step."""
    steps = tuple((step, padded(table)) for step, table in _letter_steps() + _other_steps())
    changes, signs = _changes(), _makes_signs()
    changing = bit_masks(changes[step] for step, _table in steps)
    signing = bit_masks(signs[step] for step, _table in steps)
    return steps, changing, signing, (1 << len(_letter_steps())) - 1


@lru_cache(maxsize=4096)  # (each step of a line changing the word asks it)
def _loose(word: str, letters: bool) -> frozenset[str]:
    """The non-ASCII characters of ``word`` that stand somewhere neither :func:`misplaced`
    nor (through the letter steps, ``letters``) out of place as letters of
    :func:`_letter_changed`: a step changing one makes ``word`` no name or form
    (:func:`_named`), only a listed word.

    >>> sorted(_loose("Kramariæ", True)), sorted(_loose("Kramariæ", False))
    ([], ['æ'])
    >>> sorted(_loose("ManipurskŽ", False)), sorted(_loose("Libãa", False))
    ([], ['ã'])

    Compiled where built (:mod:`~textfix.repair.letter_places`; :func:`_loose_py` is the
    reference).
    """
    found = letter_places.loose(word, letters)
    return _loose_py(word, letters) if found is None else found


def _loose_py(word: str, letters: bool) -> frozenset[str]:
    """:func:`_loose` in pure Python."""
    places_of = _letter_changed() if letters else frozenset()
    loose = set()
    for j, ch in enumerate(word):  # (a loop, not a generator: cheaper on short words)
        if (
            not ch.isascii()
            and not _misplaced_at(word, j)
            and not (ch in places_of and _out_of_place_at(word, j))
        ):
            loose.add(ch)
    return frozenset(loose)


@cache
def _changes() -> dict[tuple[str, str], frozenset[str]]:
    """The characters each step of :func:`_letter_steps` and :func:`_other_steps` changes."""
    return {step: frozenset(map(chr, table)) for step, table in _letter_steps() + _other_steps()}


@cache
def _makes_signs() -> dict[tuple[str, str], frozenset[str]]:
    """For each step of :func:`_letter_steps` and :func:`_other_steps`, the characters it
    changes into no letter (:data:`TOKEN_RE`): a line holding one is no repair
    :func:`letters_made_words` accepts through it."""
    return {
        step: frozenset(
            chr(code)
            for code, new in table.items()
            if new != chr(code) and not TOKEN_RE.fullmatch(new)
        )
        for step, table in _letter_steps() + _other_steps()
    }
