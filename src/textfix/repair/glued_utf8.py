"""UTF-8 letters shown as cp1252 or latin-1 glued inside words, where ftfy's heuristic passes.

ftfy decodes UTF-8 shown through cp1252 when its badness pattern flags the line; letters
outside the Latin-1 range often pass it: Maltese ``Ä\\xa0dida`` is ``Ġdida``, Norwegian
``GÃ¥ til`` is ``Gå til``, Esperanto ``HangÅ\\xadl`` is ``Hangŭl``, ``Ä€menia`` is
``Āmenia``. Clean text almost never writes what those lines write: a capital of the top half
of the page and a sign (or a second capital) glued to a word's letters. The decode is
certain when every such sequence of the line:

- decodes to letters, and stands next to a letter (inside or at an edge of a word);
- ends its word only on a sign that does not follow words in clean text (``Ã¥``), not on
  punctuation or a mark such as ``™`` after a capital (all-caps ``ÉTÉ™`` and ``ÉTÉ”`` are
  clean French);

and the decoded line reads as a language whose alphabet holds every letter the decode made
(a clean all-caps word that decodes by chance makes letters no alphabet of its line holds).
Languages no model covers (Azerbaijani ``ə`` in a short name, Hausa ``ɗ``, Kabyle ``ṛ``) have
a second proof: the decode makes only Latin letters that no single-byte page holds (only
UTF-8 explains them) and a small letter touches every sequence (``RzaquluzadÉ™``; clean
all-caps text puts a capital beside these signs, never a small letter).
"""

from __future__ import annotations

import re
import unicodedata

from textfix.repair.base import DocumentContext, Step
from textfix.repair.legacy import _utf8_round_trips
from textfix.repair.script_clash import SHOWN_PAGES, unicode_script
from textfix.repair.utf8_structural import _held
from textfix.scoring import score
from textfix.scoring._data import langdata

#: Signs that follow a word in clean text (besides punctuation): a run ending its word on
#: one of these may be an all-caps word and a trademark sign.
WORD_FOLLOWERS = frozenset("™®©°ºª¹²³")
CONFIDENCE = 0.9

_NON_ASCII_RUN = re.compile(r"[^\x00-\x7f]+")


def repair(text: str, context: DocumentContext) -> Step | None:
    """The whole-line UTF-8 decode of ``text`` shown as cp1252 or latin-1, when it is
    certain (see the module docstring), or ``None``.

    >>> repair("Kaledonja l-Ä\\xa0dida", DocumentContext()).text
    'Kaledonja l-Ġdida'
    >>> repair("L'ÉTÉ™ en France", DocumentContext()) is None
    True
    """
    if text.isascii():
        return None
    for decoded, chain in _utf8_round_trips(text):
        if chain[0][1] in SHOWN_PAGES and decoded != text and _certain(text, decoded):
            return Step(decoded, chain, CONFIDENCE)
    return None


def _certain(text: str, decoded: str) -> bool:
    """Every non-ASCII run of ``text`` decodes to letters glued to a word, and the decoded
    line reads as a language whose alphabet holds every letter the decode made; or the
    decode made only Latin letters that no single-byte page holds (``ə``, ``ɗ``, ``ṛ``: of
    languages no model covers, which only UTF-8 explains) and a small letter touches every
    run (``RzaquluzadÉ™``: an all-caps word ends on a capital and a sign, not a small one)."""
    made = set(decoded) - set(text)
    if not made or not all(ch.isalpha() for ch in made):
        return False
    glued = touched = True
    for match in _NON_ASCII_RUN.finditer(text):
        start, end = match.span()
        before = text[start - 1] if start else " "
        after = text[end] if end < len(text) else " "
        touched = touched and (before.islower() or after.islower())
        last = text[end - 1]
        glued = glued and (
            after.isalpha()
            or (
                before.isalpha()
                and last not in WORD_FOLLOWERS
                and not unicodedata.category(last).startswith(("P", "M"))
            )
        )
    if touched and not made & _held() and all(unicode_script(ch) == "LATIN" for ch in made):
        return True
    if not glued:
        return False
    lang = score(decoded).lang
    model = langdata().models.get(lang) if lang else None
    return model is not None and all(ch.lower() in model.alphabet for ch in made)
