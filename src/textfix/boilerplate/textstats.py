"""Small measurements of a line shared by the layers: weight of text, title-likeness."""

from __future__ import annotations

import re

# Han, kana, Hangul: one character carries roughly a word, so it weighs like ~3 Latin ones.
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_CJK_WEIGHT = 3
_WORDS = re.compile(r"\w+")
SENTENCE_END = tuple(".!?…;:\"'”»)。！？」")


def text_length(line: str) -> int:
    """Length of a stripped line in Latin-character units; CJK is counted by characters.

    >>> text_length("  abc  "), text_length("東京都")
    (3, 9)
    """
    s = line.strip()
    if not s:
        return 0
    n = len(s)
    if n < 100_000 and not s.isascii():
        n += (_CJK_WEIGHT - 1) * len(_CJK.findall(s))
    return n


def word_count(line: str) -> int:
    """Words in the line; each CJK character counts as one.

    >>> word_count("two words"), word_count("東京都 abc")
    (2, 4)
    """
    words = _WORDS.findall(line)
    if line.isascii():
        return len(words)
    return sum(len(_CJK.findall(w)) or 1 for w in words)


# Headlines may end in "?" or "!", but not like a running sentence or a lead-in.
_NOT_TITLE_END = (".", "。", ";", ":", ",", "…")


def is_title_like(line: str) -> bool:
    """Short, a few words, not ending like a sentence: headlines and menu items.

    >>> is_title_like("Council approves the new budget"), is_title_like("It rained today.")
    (True, False)
    """
    s = line.strip()
    if not s or len(s) > 160 or s.endswith(_NOT_TITLE_END):
        return False
    return 1 <= len(s.split()) <= 20
