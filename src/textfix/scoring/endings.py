"""Word evidence for inflected forms the shipped word lists lack.

Turkish, the Baltic languages, Estonian, Finnish, Hungarian and the Slavic languages
inflect (or compound) most words many ways: a repaired ``klasörleri`` or ``atlasītos`` is
often missing from a list of 28,000-150,000 forms although its stem is there. A word is a
*form* of a language when it is a listed word of that language (4+ letters) followed by
one or two of the language's frequent endings (Latvian ``atlasītos`` is ``atlasīt`` +
``os``), or (for the compounding languages) two listed words of 4+ letters each (Estonian
``algustähtede`` is ``algus`` + ``tähtede``).

The ending tables (``data/endings.json.xz``) are made by ``tools/build_langdata.py`` from
the same shipped lists: for each language, the endings that most often follow a listed word
to make another listed word. A form is weaker evidence than a listed word (a one-letter
change of a listed word is a form by chance 2-7 % of the time): the repair gates use it
only where the line's other evidence already points to that language.

>>> form_langs("atlasītos") != 0, form_langs("atlasîtos"), form_langs("abc")
(True, 0, 0)
"""

from __future__ import annotations

import json
import lzma
from collections.abc import Callable
from functools import cache, lru_cache
from importlib import resources
from typing import cast

from textfix.scoring._data import langdata
from textfix.scoring.model import _compiled, _fold, composed, word_langs, word_lookup

#: Letters a stem (or each part of a compound) needs at least.
STEM = 4
#: Endings a form may stack on its stem (Turkish ``klasör`` + ``ler`` + ``i``).
ENDINGS = 2


@cache
def _tables() -> tuple[dict[str, int], int, int]:
    """``(ending -> mask of the languages having it, longest ending, compounding mask)``,
    bits as :func:`~textfix.scoring.model.word_langs` numbers languages."""
    raw = resources.files("textfix.scoring").joinpath("data").joinpath("endings.json.xz")
    blob = json.loads(lzma.decompress(raw.read_bytes()))
    models = langdata().models
    mask: dict[str, int] = {}
    for code, endings in blob["endings"].items():
        if code in models:
            for ending in endings.split(" "):
                mask[ending] = mask.get(ending, 0) | 1 << models[code].index
    compounding = sum(1 << models[c].index for c in blob["compounding"] if c in models)
    return mask, max(map(len, mask), default=0), compounding


@lru_cache(maxsize=4096)
def form_langs(word: str) -> int:
    """Bit mask of the languages (as :func:`~textfix.scoring.model.word_langs`) in which
    ``word`` is a listed stem plus a frequent ending, or two listed words.

    >>> from textfix.scoring.model import lang_codes
    >>> lang_codes(form_langs("Klasörleri")), lang_codes(form_langs("algustähtede"))
    (['tr'], ['et'])
    """
    word = _fold(composed(word))
    compiled = _compiled_forms()
    if compiled is not None:
        found = compiled(word, _tables(), STEM, ENDINGS)  # (the same, in one compiled call)
        if found is not None:
            return found
    return _form_langs_py(word)


def _form_langs_py(word: str) -> int:
    """:func:`form_langs` of a composed, folded word in Python (the reference of the
    compiled ``Words.forms``)."""
    compounding = _tables()[2]
    found = _stem_langs(word, -1, ENDINGS)
    if compounding:
        for i in range(STEM, len(word) - STEM + 1):
            head = word_langs(word[:i]) & compounding
            if head:
                found |= head & word_langs(word[i:])
    return found


@cache
def _compiled_forms() -> Callable[..., int | None] | None:
    """``Words.forms`` of the compiled lookup :func:`~textfix.scoring.model.word_langs`
    reads, when it reads one and every language fits its 64-bit masks; else ``None``."""
    lookup = word_lookup()
    words = getattr(lookup, "__self__", None)
    forms = getattr(words, "forms", None)
    if forms is None or len(langdata().models) > 64:
        return None
    return cast("Callable[..., int | None]", forms)


def compiled_form_lead(text: str, edge: str, max_langs: int) -> int | None:
    """``textfix.repair.legacy._form_lead`` of the words of ``text`` (``str.split``, each
    stripped of ``edge``'s characters; those of more than ``max_langs`` languages vote for
    none) in one compiled call (``Tables.form_lead``), or ``None`` where it leaves them to
    Python (no compiled module, or a word whose fold holds a combining accent)."""
    tables = _compiled()
    if tables is None or _compiled_forms() is None:
        return None
    found: int | None = tables.form_lead(
        text, word_lookup(), edge, max_langs, _tables(), STEM, ENDINGS
    )
    return found


#: What ``Tables.form_lead`` reads besides the line: (word lookup, :func:`_tables`, stem, depth).
FormWords = tuple[Callable[[str], int], tuple[dict[str, int], int, int], int, int]


def compiled_form_words() -> FormWords | None:
    """What :func:`compiled_form_lead` hands ``Tables.form_lead`` besides the line and its
    edge: (word lookup, endings tables, :data:`STEM`, :data:`ENDINGS`), or ``None`` where it
    leaves the forms to Python (a compiled caller reads them once)."""
    if _compiled() is None or _compiled_forms() is None:
        return None
    return word_lookup(), _tables(), STEM, ENDINGS


def stem_letters(word: str) -> int:
    """The most letters of a listed stem (or of a compound's longer part) that ``word``
    reads as a form on: a form on a stem of :data:`STEM` letters is the weakest (Romanian
    ``beretău`` is ``bere`` + ``tău``); 0 when ``word`` is no form.

    >>> stem_letters("atlasītos"), stem_letters("beretău"), stem_letters("abc")
    (7, 4, 0)
    """
    word = _fold(composed(word))
    endings, longest, compounding = _tables()
    most = 0
    stems = [(word, -1, ENDINGS)]
    while stems:
        rest, langs, depth = stems.pop()
        for k in range(1, min(longest, len(rest) - STEM) + 1):
            have = endings.get(rest[-k:], 0) & langs
            if have:
                stem = rest[:-k]
                if word_langs(stem) & have:
                    most = max(most, len(stem))
                if depth > 1:
                    stems.append((stem, have, depth - 1))
    if compounding:
        for i in range(STEM, len(word) - STEM + 1):
            if word_langs(word[:i]) & compounding & word_langs(word[i:]):
                most = max(most, i, len(word) - i)
    return most


def ending_langs(ending: str) -> int:
    """Bit mask of the languages (as :func:`~textfix.scoring.model.word_langs`) for which
    ``ending`` is one of the frequent endings.

    >>> from textfix.scoring.model import lang_codes
    >>> lang_codes(ending_langs("ě")), ending_langs("ïs")
    (['cs'], 0)
    """
    return _tables()[0].get(_fold(composed(ending)), 0)


def _stem_langs(word: str, langs: int, depth: int) -> int:
    """Languages among ``langs`` in which ``word`` is a listed word followed by up to
    ``depth`` endings of theirs."""
    endings, longest, _compounding = _tables()
    found = 0
    for k in range(1, min(longest, len(word) - STEM) + 1):
        have = endings.get(word[-k:], 0) & langs
        if have:
            stem = word[:-k]
            found |= word_langs(stem) & have
            if depth > 1 and have & ~found:
                found |= _stem_langs(stem, have & ~found, depth - 1)
    return found
