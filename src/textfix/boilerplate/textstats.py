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


_WORD = re.compile(r"[^\W\d_]+")
# Menu items glued together by a text extractor: "ProgramsCloud", "SecurityCloud".
_GLUED = re.compile(r"[^\W\d_][a-z][A-Z][a-z]")
_FULL_STOP = (".", "!", "?", "…", "。", "！", "？", '."', ".”", ".»", '!"', '?"')
#: A row of links has at least LINK_MIN_WORDS words, of which at least LINK_CAPITALS are
#: capitalised, or LINK_GLUED glued menu items.
LINK_MIN_WORDS = 6
LINK_CAPITALS = 0.75
LINK_GLUED = 2
#: A structured list item has at least this many words.
LIST_MIN_WORDS = 4
_BULLETS = "-*•·–—▪►✓✔"


def is_link_row(line: str) -> bool:
    """A long line that is a row of links or titles: nearly every word capitalised, or
    menu items glued together ("Cloud SecurityCloud StorageEdge Computing"), and no
    sentence ending.

    >>> is_link_row("Latest News Applications OS Channel Programs Cloud Data Center Jobs")
    True
    >>> is_link_row("Apple was pulled into the enterprise, Cook said on Tuesday in a chat")
    False
    """
    s = line.strip()
    if s.endswith(_FULL_STOP):
        return False
    words = _WORD.findall(s)
    if len(words) < LINK_MIN_WORDS:
        return False
    glued = len(_GLUED.findall(s))
    capitals = sum(w[0].isupper() for w in words)
    return glued >= LINK_GLUED or capitals >= LINK_CAPITALS * len(words)


def list_shape(line: str) -> str | None:
    """Shape of a structured list item ("June 9 – Tampa...", "2 cups of flour", "- step"):
    at least LIST_MIN_WORDS words with a digit in the first two tokens or a bullet.

    >>> list_shape("June 9 – Tampa, FL"), list_shape("2 cups of flour"), list_shape("Home")
    ('an', 'na', None)
    """
    tokens = line.split()
    if len(tokens) < LIST_MIN_WORDS:
        return None
    head = tokens[:2]
    if head[0][0] in _BULLETS:
        return "bullet"
    shape = "".join("n" if t[0].isdigit() else "a" if t[0].isalpha() else "p" for t in head)
    return shape if "n" in shape else None


def is_sentence(line: str) -> bool:
    """A line of at least four words ending like a sentence.

    >>> is_sentence("Please enter a valid date."), is_sentence("Contact us")
    (True, False)
    """
    s = line.rstrip()
    return s.endswith(_FULL_STOP) and len(s.split()) >= 4
