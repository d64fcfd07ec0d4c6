"""Type stub of the compiled module built from ``_cplausible.c`` (see ``_scan.py``)."""

from typing_extensions import Buffer

def init(
    marks: str,
    not_letters: str,
    inner: str,
    signs: str,
    bigrams: dict[str, int],
    letters: dict[str, int],
    every: int,
    ascii_bit: int,
    nsteps: int,
    image_chars: str,
    images: str,
    fit_chars: str,
    fits: Buffer,
    max_word: int,
    bloom: bytes | None,
    blank: bytes,
    highs: Buffer,
    lows: Buffer,
    slots: Buffer,
    starts: Buffer,
    nonzero: bytes,
    bits: int,
    shift: int,
    /,
) -> None: ...
def scan(line: str, /) -> bool: ...
def tokens(text: str, /) -> list[str]: ...
def fold(text: str, /) -> str: ...
def bigram_mask(token: str, /) -> int: ...
def is_known(folded: str, /) -> bool: ...
def may_reach(token: str, /) -> bool: ...
def becomes_word(token: str, /) -> bool: ...
def crc32(data: Buffer, backward: bool = False, /) -> int: ...
def blake2b_64(data: Buffer, /) -> int: ...
def init_line(
    held: str,
    odd: str,
    glued: str,
    touching: str,
    letters: str,
    lower: str,
    upper: str,
    any_lower: str,
    any_upper: str,
    lead: dict[str, int],
    cont: dict[str, int],
    /,
) -> None: ...
def line_pages(line: str, /) -> int: ...
def shape(line: str, /) -> bool: ...
def utf8_pages(line: str, /) -> int: ...
def init_search(
    slot: int,
    named: str,
    classes: list[tuple[bool, bool, bool, bool, bool, str]],
    alternatives: list[tuple[bool, tuple[int, ...]]],
    /,
) -> None: ...
def is_bad(text: str, /) -> bool: ...
def utf8_shape(text: str, /) -> bool: ...
def clean_line(line: str, /) -> bool: ...
def clean_document_line(document: str, /) -> bool: ...
