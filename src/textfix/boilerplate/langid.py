"""A cheap language guess for choosing phrase sets when ``lang=None``.

Counts hits of each language's most frequent words (``rules/stopwords.json``, built
from wordfreq). When no language clearly wins, every phrase set is applied: the
patterns are anchored and length-bounded, so the cost of a wrong set is small.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from functools import lru_cache
from importlib import resources

from textfix.boilerplate.rules import BUILTIN_LANGUAGES

_WORD = re.compile(r"[^\W\d_]+")
#: Enough words to judge; more is not needed for a guess.
_SAMPLE_WORDS = 3000
#: The winner needs this many hits and this share of all hits.
_MIN_HITS = 5
_MIN_SHARE = 0.5


@lru_cache(maxsize=1)
def stopwords() -> dict[str, frozenset[str]]:
    path = resources.files("textfix.boilerplate.rules").joinpath("stopwords.json")
    data: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))["stopwords"]
    return {lang: frozenset(words) for lang, words in data.items()}


def guess_language(text: str) -> str | None:
    """Best-supported language code among the built-in ones, or ``None`` when unsure.

    >>> guess_language("Der Hund ist nicht in dem Haus, und die Katze ist auch nicht da.")
    'de'
    >>> guess_language("12345 !!!") is None
    True
    """
    words = [w.lower() for w in _WORD.findall(text[:40000])[:_SAMPLE_WORDS]]
    sw = stopwords()
    hits: Counter[str] = Counter()
    for w in words:
        for lang, vocab in sw.items():
            if w in vocab:
                hits[lang] += 1
    if not hits:
        return None
    lang, best = hits.most_common(1)[0]
    if best < _MIN_HITS or best < _MIN_SHARE * sum(hits.values()):
        return None
    return lang


def stopwords_for(langs: tuple[str, ...]) -> frozenset[str]:
    """Frequent words of the page's language; empty when every set applies (unknown language).

    >>> "the" in stopwords_for(("en",)), "der" in stopwords_for(("de", "en"))
    (True, True)
    >>> stopwords_for(BUILTIN_LANGUAGES)
    frozenset()
    """
    return stopwords().get(langs[0], frozenset()) if len(langs) <= 2 else frozenset()


def languages_for(text: str, lang: str | None) -> tuple[str, ...]:
    """Phrase sets to apply: the given or guessed language, else all of them.

    English is added to any other language: consent banners and share widgets of
    non-English sites are very often left in English.

    >>> languages_for("", "EN-gb"), languages_for("", "uk")
    (('en',), ('uk', 'en'))
    >>> languages_for("", "hu") == BUILTIN_LANGUAGES
    True
    """
    code = (lang or "").lower().replace("_", "-").split("-")[0] or guess_language(text)
    if code == "en":
        return ("en",)
    if code is not None and code in BUILTIN_LANGUAGES:
        return (code, "en")
    return BUILTIN_LANGUAGES
