"""Files whose lines are in different encodings (UTF-8 lines beside cp1251 lines, ...).

Each line is classified on its own: valid UTF-8, damaged UTF-8 (mostly valid, a few bad
bytes: decoded as UTF-8 with the bad bytes reported), or legacy. All legacy lines share one
code page, chosen from all of them together (more evidence than any single line), unless a
line does not decode in it, in which case that line gets its own choice.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from textfix.decoding.codec import Recorder, decode_as, strict_ok
from textfix.decoding.legacy import choose_legacy, language_scorer
from textfix.decoding.quality import dominant_script, text_quality
from textfix.decoding.result import Errors, Segment

UTF8 = "utf-8"
#: A line with at most this many bad stretches per valid multibyte character is damaged UTF-8.
_DAMAGED_RATIO = 0.25
#: UTF-8 lines with at most this many non-ASCII characters may be legacy by coincidence.
_SHORT_UTF8 = 4
_ASCII = bytes(range(0x80))
_NON_ASCII_RUN = re.compile(rb"[\x80-\xff]+")
#: One well-formed UTF-8 multibyte character.
_UTF8_SEQUENCE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}"
    rb"|[\xf1-\xf3][\x80-\xbf]{3}|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)


def split_lines(data: bytes) -> Iterator[tuple[int, bytes]]:
    """Yield ``(byte_offset, line)`` with the ``\\n`` kept (split on ``\\n`` only).

    >>> list(split_lines(b"a\\r\\nb\\nc"))
    [(0, b'a\\r\\n'), (3, b'b\\n'), (5, b'c')]
    """
    pos = 0
    n = len(data)
    while pos < n:
        nl = data.find(b"\n", pos)
        end = n if nl < 0 else nl + 1
        yield pos, data[pos:end]
        pos = end


def classify(line: bytes) -> str:
    """``"ascii"``, ``"utf-8"``, ``"damaged"`` (UTF-8 with a few bad bytes) or ``"legacy"``.

    >>> lines = (b"ab", "пр".encode(), "привет".encode()[:-1], "при".encode("cp1251"))
    >>> [classify(x) for x in lines]
    ['ascii', 'utf-8', 'damaged', 'legacy']
    """
    if line.isascii():
        return "ascii"
    if not _UTF8_SEQUENCE.search(line):  # the common legacy line, without a costly exception
        return "legacy"
    if strict_ok(line, UTF8):
        return UTF8
    good = len(_UTF8_SEQUENCE.findall(line))
    # Bad stretches, not bad bytes: a character cut by a stray byte is one stretch of three.
    bad = len(_NON_ASCII_RUN.findall(_UTF8_SEQUENCE.sub(b" ", line)))
    return "damaged" if good >= 2 and bad <= _DAMAGED_RATIO * good else "legacy"


#: Scripts that one text mixes legitimately count as one (Japanese: kanji and kana).
_LETTER_NAMES = (" LETTER ", " SYLLABLE ", " IDEOGRAPH")
_SCRIPT_GROUPS = {"HIRAGANA": "CJK", "KATAKANA": "CJK", "HANGUL": "CJK", "IDEOGRAPHIC": "CJK"}


def chance_utf8(text: str) -> bool:
    """Whether ``text`` (read as UTF-8) has unassigned or private-use code points, or letters
    of two or more non-Latin scripts: what legacy bytes valid as UTF-8 by chance look like
    (cp866 ``сборка`` is the valid UTF-8 ``"\u186e\u0aa0"``, Mongolian and Gujarati), and
    real text hardly ever does.

    >>> chance_utf8("сборка"), chance_utf8("Grüße, 東京のホテル"), chance_utf8("\u186e\u0aa0")
    (False, False, True)
    >>> chance_utf8("ºͰ"), chance_utf8("\u0be0 \u1be0")
    (False, True)
    """
    scripts = set()
    for ch in set(text):
        if ch > "\x7f" and unicodedata.category(ch) in ("Cn", "Co"):
            return True
        name = unicodedata.name(ch, "") if ch > "\x7f" and ch.isalpha() else ""
        if any(kind in name for kind in _LETTER_NAMES):  # not ª º ⁿ: signs, not a script
            word = name.split()[0]
            if word != "LATIN":
                scripts.add(_SCRIPT_GROUPS.get(word, word))
    return len(scripts) > 1


def refine(lines: list[bytes], kinds: list[str], legacy: str) -> None:
    """Turn back into legacy the "UTF-8" lines that are legacy text by coincidence.

    ``"Ні"`` in cp1251 is ``CD B3``, valid UTF-8 for ``"ͳ"``: when the legacy reading of
    such a line (a few non-ASCII characters at most, or a reading with the shape of
    :func:`chance_utf8`) is the better text, it wins.

    >>> lines = ["Ні".encode("cp1251"), "Ні".encode()]
    >>> kinds = [classify(x) for x in lines]
    >>> refine(lines, kinds, "cp1251")
    >>> kinds
    ['legacy', 'utf-8']
    """
    language = language_scorer()
    if language is None:
        return
    for i, (line, kind) in enumerate(zip(lines, kinds, strict=True)):
        if kind not in (UTF8, "damaged"):
            continue
        as_utf8 = line.decode(UTF8, "replace")
        short = len(as_utf8) - len(as_utf8.encode("ascii", "ignore")) <= _SHORT_UTF8
        if not short and not chance_utf8(as_utf8):
            continue
        if not strict_ok(line, legacy):
            continue
        as_legacy = line.decode(legacy)
        if text_quality(as_legacy, language) > text_quality(as_utf8, language):
            kinds[i] = "legacy"


@dataclass
class MixedPlan:
    """Which encoding each line gets: ``legacy`` for legacy lines, UTF-8 for the others."""

    kinds: list[str]
    legacy: str
    confidence: float

    @property
    def is_mixed(self) -> bool:
        """True when the file really has both UTF-8 and legacy lines."""
        utf = any(k in (UTF8, "damaged") for k in self.kinds)
        return utf and "legacy" in self.kinds


def plan_lines(data: bytes, hint: str | None = None) -> MixedPlan:
    """Classify every line of ``data`` and choose the code page of its legacy lines.

    >>> plan = plan_lines("Привет\\n".encode() + "Привет, как дела?\\n".encode("cp1251"))
    >>> plan.kinds, plan.legacy, plan.is_mixed
    (['utf-8', 'legacy'], 'cp1251', True)
    """
    if not _UTF8_SEQUENCE.search(data):  # no line can be UTF-8: no per-line pass needed
        return _plan_legacy_only(data, hint)
    lines = [line for _, line in split_lines(data)]
    kinds = [classify(line) for line in lines]
    legacy_bytes = b"".join(
        line for line, kind in zip(lines, kinds, strict=True) if kind == "legacy"
    )
    if not legacy_bytes:
        return MixedPlan(kinds, UTF8, 1.0)
    utf8_text = "".join(
        line.decode(UTF8, "replace")
        for line, kind in zip(lines, kinds, strict=True)
        if kind == UTF8
    )
    choice = choose_legacy(legacy_bytes, hint, dominant_script(utf8_text))
    refine(lines, kinds, choice.encoding)
    return MixedPlan(kinds, choice.encoding, choice.confidence)


def _plan_legacy_only(data: bytes, hint: str | None) -> MixedPlan:
    """:func:`plan_lines` for bytes without any well-formed UTF-8 sequence: every line is
    ASCII or legacy (found with C-speed splits: a large legacy file has no Python loop).

    >>> _plan_legacy_only(b"ab\\n" + "Жук".encode("cp1251"), None).kinds
    ['ascii', 'legacy']
    """
    lines = data.split(b"\n")
    if lines and not lines[-1]:
        lines.pop()  # data ended with a newline: no empty last line
    kinds = ["ascii" if line.isascii() else "legacy" for line in lines]
    legacy_bytes = b"\n".join(line for line in lines if not line.isascii())
    if not legacy_bytes:
        return MixedPlan(kinds, UTF8, 1.0)
    choice = choose_legacy(legacy_bytes + b"\n", hint)
    return MixedPlan(kinds, choice.encoding, choice.confidence)


def decode_lines(
    data: bytes,
    plan: MixedPlan,
    errors: Errors,
    rec: Recorder,
    rechoose: Callable[[bytes], str] | None = None,
) -> tuple[str, list[Segment]]:
    """Decode ``data`` line by line following ``plan``; return the text and its segments."""
    parts: list[str] = []
    segments: list[Segment] = []
    for index, ((offset, line), kind) in enumerate(
        zip(split_lines(data), plan.kinds, strict=False)
    ):
        encoding = plan.legacy if kind == "legacy" else UTF8
        if kind == "legacy" and not strict_ok(line, encoding):
            encoding = (rechoose or _rechoose)(line)
        parts.append(decode_as(line, encoding, errors, rec, base=offset))
        if kind == "ascii" and segments:
            encoding = segments[-1].encoding  # ASCII reads the same in every encoding here
        _extend(segments, index, encoding)
    return "".join(parts), _merge_leading_ascii(segments, plan)


def _rechoose(line: bytes) -> str:
    return choose_legacy(line).encoding


def _extend(segments: list[Segment], index: int, encoding: str) -> None:
    if segments and segments[-1].encoding == encoding:
        segments[-1] = Segment(segments[-1].start_line, index + 1, encoding)
    else:
        segments.append(Segment(index, index + 1, encoding))


def _merge_leading_ascii(segments: list[Segment], plan: MixedPlan) -> list[Segment]:
    """Leading ASCII lines were labelled UTF-8; fold them into the first real segment."""
    if len(segments) > 1 and plan.kinds and plan.kinds[0] == "ascii":
        first_real = next((i for i, k in enumerate(plan.kinds) if k != "ascii"), None)
        if first_real is not None and segments[0].end_line <= first_real:
            head, nxt = segments[0], segments[1]
            return [Segment(head.start_line, nxt.end_line, nxt.encoding), *segments[2:]]
    return segments
