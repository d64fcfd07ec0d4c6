"""UTF-8 text shown through a single-byte code page: ftfy's encoding repair, explained.

ftfy's heuristics are the reference for these chains (UTF-8 shown as cp1252, latin-1,
macroman, cp437, windows-1250/1251/1253/1254/1257, iso-8859-2, with its "sloppy" code pages and
known byte-loss patterns, several layers deep), so we take its encoding repair, and only that:
``ftfy.fix_text`` with its defaults also rewrites clean text (quotes, ligatures, widths, NFC).
We take it by ftfy's own steps (:func:`_fix_encoding`), its badness pattern and its code
pages' test asked compiled: the same answers, without its per-call machinery.

Confidence for these repairs (documented in docs/confidence.md):

* 0.99: strict round trip through real codecs, and ftfy's badness score dropped by two or more;
* 0.95: strict round trip with a smaller drop, or a sloppy code page was needed;
* 0.80: bytes were lost and restored by ftfy's patterns (``restore_byte_a0``,
  ``replace_lossy_sequences``), a span-wise fix of inconsistent UTF-8, or C1 controls read as
  cp1252.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import cache, lru_cache

import ftfy
from ftfy.badness import BADNESS_RE, badness, is_bad
from ftfy.chardata import ALTERED_UTF8_RE, CHARMAP_ENCODINGS, LOSSY_UTF8_RE, UTF8_DETECTOR_RE
from ftfy.fixes import fix_c1_controls, replace_lossy_sequences, restore_byte_a0

from textfix.options import canonical_codec
from textfix.repair._scan import UTF8_SHAPE, compiled_search, compiled_spans, native
from textfix.repair.base import DocumentContext, Step
from textfix.repair.one_class import one_class
from textfix.types import Chain

_CONFIG = ftfy.TextFixerConfig(explain=True)


def _shape_pattern() -> re.Pattern[str]:
    """What every line ftfy can repair contains, as one cheap character-class search.

    ftfy changes a line only by decoding UTF-8 (a lead byte 0xC0-0xF7 followed by a
    continuation byte 0x80-0xBF, or by U+001A / U+FFFD standing for a lost one), by putting
    back a 0xA0 continuation shown as a space (only after the lead bytes its
    ``ALTERED_UTF8_RE`` lists) or by reading C1 controls as cp1252. In any code page ftfy
    tries, such a line therefore shows a lead character followed by a continuation
    character, one of those leads followed by a space, or a C1 control. Bytes lost to
    ``?`` (``ftfy.chardata.LOSSY_UTF8_RE``) show as a 0xC2/0xC3 lead followed by ``?``, or a
    lead of a longer sequence followed by ``?`` and a continuation character. Searching for
    that is ~30x cheaper than ftfy's badness pattern, which most clean lines never need (a
    space or ``?`` after any lead would send every Cyrillic line there).
    """
    leads: set[str] = set()
    space_leads: set[str] = set()
    short_leads: set[str] = set()  # 0xC2, 0xC3: ``?`` alone after them is a lost byte
    long_leads: set[str] = set()  # 0xE0-0xF4: ``?`` then a continuation after them
    continuations: set[str] = set("\x1a\ufffd")
    for encoding in CHARMAP_ENCODINGS:
        leads.update(bytes(range(0xC0, 0xF8)).decode(encoding))
        space_leads.update(bytes(_SPACE_LEADS).decode(encoding))
        short_leads.update(bytes((0xC2, 0xC3)).decode(encoding))
        long_leads.update(bytes(range(0xE0, 0xF5)).decode(encoding))
        continuations.update(bytes(range(0x80, 0xC0)).decode(encoding))

    def char_class(chars: set[str]) -> str:
        return "".join(re.escape(ch) for ch in sorted(chars))

    return re.compile(
        f"[\x80-\x9f]|[{char_class(leads)}][{char_class(continuations)}]"
        f"|[{char_class(space_leads)}] "
        f"|[{char_class(short_leads)}]\\?|[{char_class(long_leads)}]\\?[{char_class(continuations)}]"
    )


#: Lead bytes after which ftfy's ``restore_byte_a0`` reads a space as a lost 0xA0
#: (``ftfy.chardata.ALTERED_UTF8_RE``; its other patterns also hold a lead byte followed
#: by a continuation byte, which the shape covers anyway).
_SPACE_LEADS = (0xC2, 0xC3, 0xC5, 0xCE, 0xD0, 0xD9, 0xE2, 0xE3, 0xF0)


#: Pre-filter: a line this does not match is left alone by ftfy (see ``_shape_pattern``).
SHAPE = _shape_pattern()
#: Explanation steps that mean bytes were lost and guessed back.
_LOSSY = frozenset({"restore_byte_a0", "replace_lossy_sequences"})


@lru_cache(maxsize=64)
def _canonical(ftfy_codec: str) -> str:
    return canonical_codec(ftfy_codec.removeprefix("sloppy-"))


def _shown_as(ftfy_codec: str, text: str) -> str:
    """Name the code page the text was shown in: strict if it suffices, else ftfy's sloppy one.

    ftfy tries latin-1 before cp1252; when the strict cp1252 round trip gives the same bytes
    (no C1 controls involved) the text was far more likely shown as cp1252, so we say so.
    """
    plain = _canonical(ftfy_codec)
    try:
        data = text.encode(plain)
    except UnicodeError:
        return "sloppy-" + plain
    if plain == "iso8859-1":
        try:
            if text.encode("cp1252") == data:
                return "cp1252"
        except UnicodeError:
            pass
    return plain


def _explain(
    text: str, plan: Sequence[tuple[str, str]], after: Sequence[str] | None = None
) -> tuple[Chain, bool]:
    """Turn ftfy's plan into a chain of ``(true, shown_as)`` steps, and whether it was lossy
    (``after``: the text after each step of the plan, where :func:`_fix_encoding` kept it;
    otherwise the plan is applied again).

    >>> _explain("cafÃ©", [("encode", "latin-1"), ("decode", "utf-8")])
    ((('utf-8', 'cp1252'),), False)
    """
    chain: list[tuple[str, str]] = []
    lossy = False
    current = text
    i = 0
    k = 0  # (the step of the plan at i: each round below is one step)
    while i < len(plan):
        op, arg = plan[i]
        if op == "encode":
            # One round: encode, optional transcodes, decode.
            j = i + 1
            while j < len(plan) and plan[j][0] == "transcode":
                lossy = lossy or plan[j][1] in _LOSSY
                j += 1
            decode = plan[j][1] if j < len(plan) else "utf-8"
            shown = _shown_as(arg, current)
            true = "utf-8" if decode.startswith("utf-8") else canonical_codec(decode)
            chain.append((true, shown))
            if j + 1 < len(plan):  # (the text after the last round is not needed)
                current = (
                    ftfy.apply_plan(current, list(plan[i : j + 1])) if after is None else after[k]
                )
            i = j + 1
            k += 1
            continue
        if arg == "decode_inconsistent_utf8":
            chain.append(("utf-8", "sloppy-cp1252"))
        elif arg == "fix_c1_controls":
            chain.append(("sloppy-cp1252", "iso8859-1"))
        lossy = True
        if i + 1 < len(plan):
            if after is not None:
                current = after[k]
            elif arg == "decode_inconsistent_utf8":  # (ftfy's own asks ftfy of each piece)
                current = _decode_inconsistent_utf8(current)
            else:
                current = ftfy.apply_plan(current, [(op, arg)])
        i += 1
        k += 1
    return tuple(chain), lossy


#: Shown-as code pages tried when ftfy's heuristic declines a line (its badness pattern
#: knows the scripts it was tuned on; the round trip itself knows no script).
_STRICT_SHOWN = ("cp1252", "iso8859-1")
#: The characters both of those pages show UTF-8 lead bytes 0xC2-0xF4 as (each page shows
#: no other character as one of those bytes), and those they show continuation bytes as.
_LEAD, _LAST_LEAD = "\xc2", "\xf4"
_CONTINUED = frozenset(
    "".join(bytes(range(0x80, 0xC0)).decode(shown, errors="ignore") for shown in _STRICT_SHOWN)
)
#: Unicode categories a decoded line must not contain: controls, unassigned, private use,
#: surrogates.
_BAD_CATEGORIES = frozenset({"Cc", "Cn", "Co", "Cs"})


def _whole_line_utf8(text: str) -> Step | None:
    """The line read back as UTF-8 when its every non-ASCII character is part of a valid
    multi-byte sequence, in at least two places, and the result is well-formed text.

    Clean text in a single-byte code page practically never encodes to valid UTF-8 twice
    over (it takes a lead byte followed by the right number of continuation bytes, each time),
    so the round trip is the evidence; it covers scripts ftfy's heuristic has no pattern for.

    >>> _whole_line_utf8("Þ¢ÞªÞ‰Þ§Þ‚Þ°").text
    'ޢުމާން'
    >>> _whole_line_utf8("Ökonomie Ärger") is None
    True
    """
    # (a line garbled through a single-byte chain rarely starts a valid UTF-8 sequence with
    # its first non-ASCII character: told by two lookups, without the encodes and decodes)
    return _decoded_whole(text) if _starts_utf8(text) else None


def _starts_utf8(text: str) -> bool:
    """Whether the line's first character beyond ASCII and the next one may start a valid
    UTF-8 sequence, read as the strict pages :func:`_whole_line_utf8` tries show it: a lead
    byte's character, then a continuation byte's. :func:`_whole_line_utf8`'s first test.

    >>> _starts_utf8("cafÃ©"), _starts_utf8("Ïðèâåò"), _starts_utf8("café")
    (True, False, False)
    """
    first = _first_non_ascii(text)
    return (
        0 <= first < len(text) - 1
        and _LEAD <= text[first] <= _LAST_LEAD
        and text[first + 1] in _CONTINUED
    )


def _decoded_whole(text: str) -> Step | None:
    """:func:`_whole_line_utf8` by the round trips alone (its reference)."""
    for shown in _STRICT_SHOWN:
        try:
            data = text.encode(shown)
            fixed = data.decode("utf-8")
        except UnicodeError:
            continue
        sequences = sum(1 for byte in data if 0xC2 <= byte <= 0xF4)
        if sequences < 2 or fixed == text or not _well_formed(fixed):
            continue
        return Step(fixed, (("utf-8", shown),), 0.95 if sequences >= 3 else 0.85)
    return None


def _well_formed(text: str) -> bool:
    """No control, unassigned or private-use character (tab excepted), and no combining mark
    that starts a word."""
    previous = " "
    for ch in text:
        category = unicodedata.category(ch)
        if category in _BAD_CATEGORIES and ch != "\t":
            return False
        if category.startswith("M") and (previous.isspace() or not previous.isprintable()):
            return False
        previous = ch
    return True


def _ftfy_left_py(text: str) -> bool:
    """Whether ftfy's encoding repair surely returns ``text`` (a line its badness pattern
    flags) unchanged, told in a few lookups (where it holds, a line garbled through a
    single-byte chain, which ftfy flags but cannot decode, several times cheaper than
    :func:`_fix_encoding`). ftfy changes a flagged line only by (1) a code page of
    ``CHARMAP_ENCODINGS`` that encodes it into bytes that decode as UTF-8 (after putting
    back a lost 0xA0 after a lead byte, or, for its sloppy pages, standing in for bytes lost
    to 0x1A or "?"), (2) fixing the UTF-8 its ``UTF8_DETECTOR_RE`` finds in the line, or
    (3) reading C1 controls as cp1252. True where the line has no character of
    :data:`_UNDECIDED` (C1 controls cp1252 defines: those it lacks, 0x81, 0x8D, 0x8F, 0x90
    and 0x9D, its fix puts back as they were, and the same C1 keeps the strict cp1252 read
    from decoding; U+001A, U+FFFD, surrogates); every page that encodes it either makes
    bytes of its first non-ASCII character and the next one that start no UTF-8
    (:func:`_may_start_utf8`: ftfy's changes to the bytes all start at a lead byte, so
    none reaches that first one) or bytes whose try surely fails (:func:`_page_fails`);
    and every detector match shorter than the line that the badness pattern flags is
    itself left by this test (ftfy repairs it alone, by the same steps). False proves
    nothing. (The reference of ``_cplausible.ftfy_left``.)

    >>> _ftfy_left_py("Ïðèâåò ìèð"), _ftfy_left_py("cafÃ© crÃ¨me")
    (True, False)
    """
    if _UNDECIDED.search(text):
        return False
    alive = _alive_pages_py(text)
    first = _NON_ASCII.search(text)
    if alive and first is not None and first.end() < len(text):
        alive = _may_start_utf8(text[first.start()], text[first.end()], alive)
    for k, encoding in enumerate(CHARMAP_ENCODINGS):
        if alive >> k & 1 and not _page_fails(text.encode(encoding), k):
            return False
    # (ftfy fixes a match of its detector shorter than the line that its badness pattern
    # flags by its whole repair: none changes where this test proves that of each)
    return all(
        end - start == len(text) or not is_bad(text[start:end]) or _ftfy_left_py(text[start:end])
        for start, end in _detected_spans(text)
    )


def _page_fails(data: bytes, k: int) -> bool:
    """Whether ftfy's try of page ``k`` of ``CHARMAP_ENCODINGS``, which encodes a line as
    ``data``, surely fails: ``data`` is not strict UTF-8, and no step of that try may change
    it or read it another way (neither of the page's byte restorers, see
    :data:`_RESTORER_LEADS`, nor the UTF-8 variants, read where a byte 0xC0 or 0xED is in
    play). False proves nothing. (The reference of the compiled page test of
    ``_cplausible.ftfy_left``.)

    >>> _page_fails("Ïðèâåò".encode("latin-1"), 0), _page_fails("cafÃ©".encode("latin-1"), 0)
    (True, False)
    """
    if 0xC0 in data or 0xED in data:
        return False
    for i, byte in enumerate(data):
        leads = _RESTORER_LEADS[k].get(byte)
        if leads is not None and (
            not leads or any(data[i - d] in leads[d - 1] for d in range(1, min(i, 3) + 1))
        ):
            return False
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False


def _restorer_leads(encoding: str) -> dict[int, tuple[bytes, ...]]:
    """Per byte that a byte restorer of ftfy's try of ``encoding`` may change, the bytes one,
    two and three places before it that start such a match: ``restore_byte_a0`` (every page
    but macroman; ``ALTERED_UTF8_RE``: a space after a lead byte) and, on the sloppy pages,
    ``replace_lossy_sequences`` (``LOSSY_UTF8_RE``: "?" after a lead byte, or a byte 0x1A
    anywhere: no bytes, for "any"). A superset of where they match (the bytes between are
    not asked)."""
    leads: dict[int, tuple[bytes, ...]] = {}
    if encoding != "macroman":
        leads[0x20] = (b"\xc2\xc3\xc5\xce\xd0\xd9\xe2\xe3\xf0", b"\xe0\xe1\xe2\xe3\xf0", b"\xf0")
    if encoding.startswith("sloppy"):
        longer = bytes(range(0xE0, 0xF5))
        leads[0x3F] = (b"\xc2\xc3" + longer, longer, bytes(range(0xF0, 0xF5)))
        leads[0x1A] = ()
    return leads


#: :func:`_restorer_leads` of each page of ``CHARMAP_ENCODINGS``, in its order.
_RESTORER_LEADS = tuple(_restorer_leads(encoding) for encoding in CHARMAP_ENCODINGS)


@cache
def _ftfy_left() -> Callable[[str], bool] | None:
    """``_cplausible.ftfy_left`` (:func:`_ftfy_left_py`) where ftfy's detector and the
    pages' masks are compiled, its tables handed over once; ``None`` otherwise (then
    :func:`_fix_encoding` answers)."""
    module = native()
    if (
        module is None
        or _detector() is _detected_spans
        or _alive_pages() is _alive_pages_py
        or _compiled_badness() is None
    ):
        return None
    module.init_ftfy_left(_C1_FIXED + "\x1a\ufffd", *_lead_pages())
    # (ftfy_left's page tests read the tables of utf8_quiet's header)
    module.init_utf8_quiet(*_ftfy_page_tables(), "".join(sorted(_CONTINUED)), _LEAD, _LAST_LEAD)
    left: Callable[[str], bool] = module.ftfy_left
    return left


def _ftfy_page_tables() -> tuple[dict[str, int], bytes]:
    """What the compiled page test of ``_cplausible.ftfy_left`` reads (:func:`_page_fails`):
    ``chr(k)`` + a character beyond ASCII -> its byte in the ``k``-th page of
    ``CHARMAP_ENCODINGS`` (:func:`_page_bytes`), and per page four rows of 256 bytes: a
    byte's row of :data:`_RESTORER_LEADS` (0: none, 0xFF: any place, k: row k), then per
    such row and lead byte the distances it may stand behind (bit ``d - 1``)."""
    page_bytes = {
        chr(k) + ch: byte for k, page in enumerate(_page_bytes()[1]) for ch, byte in page.items()
    }
    rows = bytearray()
    for leads in _RESTORER_LEADS:
        table = [bytearray(256) for _ in range(4)]
        for row, (byte, behind) in enumerate(leads.items(), 1):
            table[0][byte] = row if behind else 0xFF
            for d, lead_bytes in enumerate(behind):
                for lead in lead_bytes:
                    table[row][lead] |= 1 << d
        rows += b"".join(table)
    return page_bytes, bytes(rows)


def _may_start_utf8(lead: str, after: str, alive: int) -> int:
    """The pages of ``alive`` (which encode ``lead``, a character beyond ASCII, and
    ``after``) where the bytes of ``lead`` then ``after`` may start a UTF-8 sequence: those
    where :func:`_starts_no_utf8` is False, told by a few lookups (the reference:
    :func:`_may_start_utf8_py`)."""
    variant, starts, continued = _lead_pages()
    follows = continued.get(after, 0) if after >= "\x80" else _ALL_PAGES if after in _AFTER else 0
    return alive & (variant.get(lead, 0) | starts.get(lead, 0) & follows)


def _may_start_utf8_py(lead: str, after: str, alive: int) -> int:
    """:func:`_may_start_utf8`, page by page."""
    tried = 0
    for k, page in enumerate(_page_bytes()[1]):
        if alive >> k & 1:
            b1 = ord(after) if after < "\x80" else page[after]
            tried |= (not _starts_no_utf8(page[lead], b1)) << k
    return tried


@cache
def _lead_pages() -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
    """Per character beyond ASCII, the pages of ``CHARMAP_ENCODINGS`` showing as it: a byte
    UTF-8's variants start a sequence with (0xC0, 0xED), another lead byte (0xC2-0xF4), a
    continuation byte (see :func:`_starts_no_utf8`)."""
    variant: dict[str, int] = {}
    starts: dict[str, int] = {}
    continued: dict[str, int] = {}
    for k, page in enumerate(_page_bytes()[1]):
        for ch, byte in page.items():
            kind = (
                variant
                if byte in (0xC0, 0xED)
                else starts
                if 0xC2 <= byte <= 0xF4
                else continued
                if byte <= 0xBF
                else None
            )
            if kind is not None:
                kind[ch] = kind.get(ch, 0) | 1 << k
    return variant, starts, continued


def _detected_spans(text: str) -> list[tuple[int, int]]:
    """Where ftfy's ``UTF8_DETECTOR_RE`` matches in ``text`` (the reference of
    :func:`_detector`'s compiled twin)."""
    return [match.span() for match in UTF8_DETECTOR_RE.finditer(text)]


@cache
def _detector() -> Callable[[str], list[tuple[int, int]]]:
    """:func:`_detected_spans`, compiled from ftfy's pattern where ``_cplausible`` is built
    (``_scan.compiled_spans``; the pattern itself otherwise)."""
    return compiled_spans(UTF8_DETECTOR_RE) or _detected_spans


def _alive_pages_py(text: str) -> int:
    """The bit set of ``CHARMAP_ENCODINGS`` that encode every character of ``text`` beyond
    ASCII (see :func:`_page_bytes`; the reference of :func:`_alive_pages`)."""
    masks = _page_bytes()[0]
    alive = _ALL_PAGES
    for ch in set(text):
        if ch > "\x7f":
            alive &= masks.get(ch, 0)
    return alive


@cache
def _alive_pages() -> Callable[[str], int]:
    """:func:`_alive_pages_py`, compiled where ``_cplausible`` is built (its masks handed
    over once)."""
    module = native()
    if module is None:
        return _alive_pages_py
    module.init_pages(_page_bytes()[0], _ALL_PAGES)
    alive: Callable[[str], int] = module.alive_pages
    return alive


def _starts_no_utf8(b0: int, b1: int) -> bool:
    """Whether bytes ``b0`` (not ASCII) then ``b1`` start no sequence that ftfy's UTF-8
    decoders (strict, or its variants, which read 0xC0 0x80 and CESU-8) take, nor one its
    byte restorers may change (see :func:`_ftfy_left_py`). ``False`` proves nothing."""
    if b0 < 0xC0 or b0 == 0xC1 or b0 >= 0xF5:
        return True  # a continuation byte, or a byte no sequence starts with
    if b0 in (0xC0, 0xED):
        return False  # (the variants' own sequences: their patterns also match at the end)
    return not (0x80 <= b1 <= 0xBF or b1 in _RESTORED)


#: Bytes after a lead byte that ftfy's byte restorers may change or stand in for.
_RESTORED = frozenset(b" \x1a?")
#: Those bytes as the characters every page shows them as (ASCII).
_AFTER = frozenset(map(chr, _RESTORED))
#: Characters that leave :func:`_ftfy_left_py` undecided: C1 controls its fix changes (those
#: cp1252 defines), U+001A and U+FFFD (a sloppy page's lost byte) and surrogates (ftfy may
#: raise on those).
_C1_FIXED = "".join(ch for ch in map(chr, range(0x80, 0xA0)) if fix_c1_controls(ch) != ch)
_UNDECIDED = re.compile(f"[{_C1_FIXED}\x1a\ufffd\ud800-\udfff]")
#: Characters beyond ASCII, one class: its pattern, and the compiled start of its first
#: match (-1 for none; :mod:`~textfix.repair.one_class`), asked of most garbled lines.
_BEYOND_ASCII = one_class(map(chr, range(0x80)), negated=True)
_NON_ASCII = _BEYOND_ASCII.pattern
_first_non_ascii = _BEYOND_ASCII.first
_ALL_PAGES = (1 << len(CHARMAP_ENCODINGS)) - 1


@cache
def _page_bytes() -> tuple[dict[str, int], list[dict[str, int]]]:
    """Per character beyond ASCII, the bit set of ``CHARMAP_ENCODINGS`` that encode it
    (bit k: the k-th); per code page, each such character's byte (these pages map the 128
    bytes 0x80-0xFF one to one onto characters)."""
    masks: dict[str, int] = {}
    pages: list[dict[str, int]] = []
    for k, encoding in enumerate(CHARMAP_ENCODINGS):
        chars = bytes(range(0x80, 0x100)).decode(encoding)
        pages.append({ch: 0x80 + i for i, ch in enumerate(chars)})
        for ch in chars:
            masks[ch] = masks.get(ch, 0) | 1 << k
    return masks, pages


@cache
def _compiled_badness() -> Callable[[str], bool] | None:
    """ftfy's ``is_bad`` compiled (``_cplausible``'s twin of its badness pattern), or
    ``None`` without it (ftfy then asks its own pattern)."""
    return compiled_search(BADNESS_RE)


@cache
def _badness() -> Callable[[str], int]:
    """ftfy's ``badness`` (how many matches its badness pattern finds), compiled where
    ``_cplausible`` is built (the same matcher as :func:`_compiled_badness`)."""
    if _compiled_badness() is None:
        return badness
    module = native()
    count: Callable[[str], int] = badness if module is None else module.bad_count
    return count


Plan = list[tuple[str, str]]


def _fix_encoding(
    text: str, flagged: bool = False, after: list[str] | None = None
) -> tuple[str, Plan]:
    """``ftfy.fix_encoding_and_explain(text)`` (its default configuration), by ftfy's own
    steps in its order, with its two costly tests asked compiled: its badness pattern
    (:func:`_compiled_badness`) and which of its code pages encode the text
    (:func:`_alive_pages`, ftfy's ``possible_encoding`` for every page at once). Its
    machinery otherwise (a configuration, named tuples, a regular expression per page) costs
    more than the decodes on a short line. Where ftfy's version is not the one this was
    written against, or the text holds a surrogate (ftfy may raise there), ftfy answers.
    ``tests/test_utf8_ftfy_steps.py`` compares the two. ``flagged``: the caller saw ftfy's
    badness pattern flag ``text`` (a line beyond ASCII): its first step does not ask again.
    ``after``: a list the text after each step of the plan is added to, for :func:`_explain`
    (where ftfy answered, none is).

    >>> _fix_encoding("cafÃ© crÃ¨me")
    ('café crème', [('encode', 'latin-1'), ('decode', 'utf-8')])
    """
    own = _OWN_STEPS
    if own:
        try:
            text.encode("utf-8")  # (strict UTF-8 fails on surrogates alone, where ftfy may raise)
        except UnicodeEncodeError:
            own = False
    if not own:
        fixed, explained = ftfy.fix_encoding_and_explain(text, _CONFIG)
        return fixed, [(op, arg) for op, arg in explained or ()]
    plan: Plan = []
    while True:  # (ftfy's loop: one step at a time until a step changes nothing)
        planned = len(plan)
        fixed = _fix_one_step(text, plan, flagged)
        flagged = False
        if after is not None and len(plan) > planned:
            after.append(fixed)  # (a step adds its explanation, or nothing)
        if fixed == text:
            return fixed, plan
        text = fixed


def _fix_one_step(text: str, plan: Plan, flagged: bool = False) -> str:
    """ftfy's ``_fix_encoding_one_step_and_explain``: the text after one step, whose
    explanation is added to ``plan`` (``flagged``: ``text`` is beyond ASCII and its badness
    pattern flags it, as the caller saw)."""
    if not flagged:
        if text.isascii() or not (_compiled_badness() or is_bad)(text):
            return text
        left = _ftfy_left()
        if left is not None and left(text) and not _has_c1(text):
            return text  # (without a C1 control, the steps below also explain nothing)
    alive = _ftfy_pages(text)
    pages = _tried_pages(text, alive)
    while pages:  # (those pages in ftfy's order, lowest bit first: often none)
        low = pages & -pages
        pages ^= low
        encoding = CHARMAP_ENCODINGS[low.bit_length() - 1]
        data = text.encode(encoding)
        steps = [("encode", encoding)]
        # (every match of ALTERED_UTF8_RE holds a space byte, and every match of
        # LOSSY_UTF8_RE a byte 0x1A or "?": one byte search tells most lines have none; asked
        # as ints, as ``b" " in data`` first tries the bytes as an int and raises inside)
        if encoding != "macroman" and 0x20 in data and _ALTERED_AT_LEAD.search(data):
            restored = restore_byte_a0(data)
            if restored != data:
                steps.append(("transcode", "restore_byte_a0"))
                data = restored
        if (
            encoding.startswith("sloppy")
            and (0x3F in data or 0x1A in data)
            and LOSSY_UTF8_RE.search(data)
        ):
            # (ftfy replaces them on every sloppy page: no match, no change)
            replaced = replace_lossy_sequences(data)
            if replaced != data:
                steps.append(("transcode", "replace_lossy_sequences"))
                data = replaced
        decoding = "utf-8-variants" if 0xED in data or 0xC0 in data else "utf-8"
        try:
            fixed = data.decode(decoding)
        except UnicodeDecodeError:
            continue
        plan += steps
        plan.append(("decode", decoding))
        return fixed
    spans = _detector()(text)
    if spans:
        fixed = _decode_inconsistent_utf8(text, spans)
        if fixed != text:
            plan.append(("apply", "decode_inconsistent_utf8"))
            return fixed
    if not _has_c1(text):
        # (the two steps below change only C1 controls: latin-1 and windows-1252 read every
        # other byte alike)
        return text
    if alive & 1:  # (latin-1 encodes it; ftfy's "windows-1252" is never among its pages)
        try:
            fixed = text.encode("latin-1").decode("windows-1252")
        except UnicodeDecodeError:
            pass
        else:
            if fixed != text:
                plan += [("encode", "latin-1"), ("decode", "windows-1252")]
                return fixed
    plan.append(("transcode", "fix_c1_controls"))  # (even when it changes nothing)
    return fix_c1_controls(text)


def _ftfy_pages(text: str) -> int:
    """The pages ftfy's ``possible_encoding`` finds for ``text``, as a bit set: those of
    :func:`_alive_pages`, where byte 0x1A stands for U+FFFD in the sloppy ones and for
    U+001A in the others (ASCII, which :func:`_alive_pages` does not look at)."""
    if "\x1a" not in text and "\ufffd" not in text:
        return _alive_pages()(text)
    alive = _alive_pages()(text.replace("\ufffd", ""))
    for ch, pages in _BYTE_1A.items():
        if ch in text:
            alive &= pages
    return alive


def _tried_pages(text: str, alive: int) -> int:
    """Of ``alive``, the pages that encode ``text``, those whose try in ftfy may decode: all
    but those where the bytes of its first character beyond ASCII and the next one start no
    UTF-8 sequence (:func:`_may_start_utf8`; ftfy's changes to the bytes all start at a
    lead byte, see :func:`_ftfy_left_py`). All of them where byte 0x1A is in play (ftfy
    may change a lone one) or that first character ends the line."""
    if not alive or "\x1a" in text or "\ufffd" in text:
        return alive
    first = _first_non_ascii(text)
    if first < 0 or first + 1 == len(text):
        return alive
    return _may_start_utf8(text[first], text[first + 1], alive)


def _decode_inconsistent_utf8(text: str, spans: list[tuple[int, int]] | None = None) -> str:
    """ftfy's ``fixes.decode_inconsistent_utf8``: each match of its ``UTF8_DETECTOR_RE``
    shorter than the line that its badness pattern flags, fixed by :func:`_fix_encoding`
    (``spans``: those matches, where the caller found them)."""
    bad = _compiled_badness() or is_bad
    left = _ftfy_left()  # (where it holds, ftfy's repair of the match gives it back)
    out: list[str] = []
    done = 0
    for start, end in _detector()(text) if spans is None else spans:
        found = text[start:end]
        if end - start < len(text) and bad(found) and not (left is not None and left(found)):
            # (a match holds a character beyond ASCII, and it is flagged: asked once)
            found = _fix_encoding(found, True)[0]
        out += (text[done:start], found)
        done = end
    out.append(text[done:])
    return "".join(out)


#: The ftfy release whose steps :func:`_fix_encoding` follows (another one answers itself).
_OWN_STEPS = ftfy.__version__ == "6.3.1"
#: What each page's byte 0x1A reads as, and those pages (bit k: ``CHARMAP_ENCODINGS[k]``).
_BYTE_1A = {
    ch: sum(1 << k for k, page in enumerate(CHARMAP_ENCODINGS) if b"\x1a".decode(page) == ch)
    for ch in "\x1a\ufffd"
}
#: C1 controls (ftfy's ``C1_CONTROL_RE``), one class: whether a line holds one, compiled.
_C1_CLASS = one_class(map(chr, range(0x80, 0xA0)))
_has_c1 = _C1_CLASS.found
#: ftfy 6.3.1's ``ALTERED_UTF8_RE``, and the same matches found from their lead byte: a
#: pattern that starts with one character class is searched for that class first, where
#: ftfy's (alternatives that each start with a class) is tried at every byte.
_ALTERED_PATTERN = (
    b"[\xc2\xc3\xc5\xce\xd0\xd9][ ]|[\xe2\xe3][ ][\x80-\x84\x86-\x9f\xa1-\xbf]"
    b"|[\xe0-\xe3][\x80-\x84\x86-\x9f\xa1-\xbf][ ]|[\xf0][ ][\x80-\xbf][\x80-\xbf]"
    b"|[\xf0][\x80-\xbf][ ][\x80-\xbf]|[\xf0][\x80-\xbf][\x80-\xbf][ ]"
)
_ALTERED_AT_LEAD = (
    re.compile(
        rb"[\xc2\xc3\xc5\xce\xd0\xd9\xe0-\xe3\xf0]"
        rb"(?:(?<=[\xc2\xc3\xc5\xce\xd0\xd9]) "
        rb"|(?<=[\xe2\xe3]) [\x80-\x84\x86-\x9f\xa1-\xbf]"
        rb"|(?<=[\xe0-\xe3])[\x80-\x84\x86-\x9f\xa1-\xbf] "
        rb"|(?<=\xf0)(?: [\x80-\xbf][\x80-\xbf]|[\x80-\xbf] [\x80-\xbf]|[\x80-\xbf][\x80-\xbf] ))"
    )
    if ALTERED_UTF8_RE.pattern == _ALTERED_PATTERN
    else ALTERED_UTF8_RE
)


def repair(text: str, context: DocumentContext) -> Step | None:
    """Repair one line whose true encoding was UTF-8, or return ``None``.

    >>> repair("cafÃ© crÃ¨me", DocumentContext())
    Step(text='café crème', chain=(('utf-8', 'cp1252'),), confidence=0.99)
    >>> repair("¿Qué?", DocumentContext()) is None
    True
    """
    quiet = _quiet()
    if quiet is not None:
        if quiet(text):
            return None  # (most garbled lines: told in one compiled call)
    elif text.isascii() or SHAPE.search(text) is None:
        return None  # (no UTF-8 shape: ftfy leaves the line, and no whole-line decode)
    # (the line layer asks again of a line that line.untouched asked: the answer depends on
    # the text alone; long lines are not kept)
    return _repair(text) if len(text) <= CACHED_LENGTH else _repair.__wrapped__(text)


def _quiet_py(text: str) -> bool:
    """Whether :func:`repair` surely returns ``None`` for ``text``, told by its common path:
    the line has no UTF-8 shape (:data:`SHAPE`), or ftfy leaves it (its badness pattern
    does not flag it, or :func:`_ftfy_left_py`) and :func:`_whole_line_utf8`'s first test
    turns it down. False proves nothing. (The reference of ``_cplausible.utf8_quiet``.)

    >>> _quiet_py("Ïðèâåò ìèð"), _quiet_py("Привет"), _quiet_py("cafÃ© crÃ¨me")
    (True, True, False)
    """
    if SHAPE.search(text) is None:
        return True
    if is_bad(text) and not _ftfy_left_py(text):
        return False
    return not _starts_utf8(text)


@cache
def _quiet() -> Callable[[str], bool] | None:
    """``_cplausible.utf8_quiet`` (:func:`_quiet_py`) where ftfy's tests and :data:`SHAPE`
    are compiled (its tables handed over once); ``None`` otherwise."""
    module = native()
    if module is None or _ftfy_left() is None or shape_search() is None:
        return None  # (_ftfy_left() hands its tables over)
    quiet: Callable[[str], bool] = module.utf8_quiet
    return quiet


@cache
def shape_search() -> Callable[[str], bool] | None:
    """:data:`SHAPE` handed over to the compiled module once, or ``None`` without it."""
    return compiled_search(SHAPE, UTF8_SHAPE)


#: Lines longer than this are not cached by :func:`repair` (the cache holds its keys).
CACHED_LENGTH = 2000


@lru_cache(maxsize=4096)
def _repair(text: str) -> Step | None:
    """:func:`repair` of a line with a non-ASCII character."""
    flags = _compiled_badness()
    if flags is not None and not flags(text):
        # ftfy's first test: text its badness pattern does not flag comes back unchanged,
        # with no plan (asked here in one compiled call, without ftfy's own set-up).
        return _whole_line_utf8(text)
    left = _ftfy_left()
    if left is not None and left(text):
        return _whole_line_utf8(text)  # (what ftfy's answer, the text and no plan, leads to)
    try:
        # (flags said the line is flagged: ftfy's first step does not ask it again)
        after: list[str] = []
        fixed, plan = _fix_encoding(text, flags is not None, after)
    except (UnicodeError, ValueError):
        # ftfy does not expect lone surrogates in every path; such text is not UTF-8 mojibake.
        return None
    if fixed == text or not plan:
        return _whole_line_utf8(text)
    # (the texts between its steps, which _fix_encoding kept: not worked out again)
    chain, lossy = _explain(text, plan, after if after else None)
    if not chain:
        return None
    sloppy = any(shown.startswith("sloppy-") or true.startswith("sloppy-") for true, shown in chain)
    if lossy:
        confidence = 0.80
    elif sloppy or _badness()(text) - _badness()(fixed) < 2:
        confidence = 0.95
    else:
        confidence = 0.99
    return Step(fixed, chain, confidence)
