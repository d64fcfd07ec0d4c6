"""Compiled hot loops of :mod:`textfix.scoring.model` (identical results; see ``_cscore.c``)."""

from collections.abc import Callable
from typing import Any

class Tables:
    """The scorer's tables, handed over once from :mod:`textfix.scoring.model`."""

    def __init__(
        self,
        classify: Callable[[str], tuple[int, int, int, str]],
        word_get: Callable[[str], int],
        models: list[tuple[str, int, float, dict[str, float]]],
        pooled: dict[str, float],
        pooled_floor: float,
        top_floor: float,
        limits: tuple[int, ...],
        made: tuple[type, Callable[[float], float], float, float],
    ) -> None: ...
    def quick(self, text: str, /) -> tuple[float, str, float, int] | None: ...
    def bound(self, joined: str, cost: float, count: int, /) -> float | None: ...
    def score(self, text: str, /) -> tuple[str | None, float, int]: ...
    def text_score(self, text: str, /) -> Any: ...
    def score_in(self, text: str, index: int, /) -> tuple[str | None, float, int]: ...
    def best_in(self, text: str, indices: bytes, /) -> float: ...
    def odd_cases(self, text: str, /) -> int: ...
    def one_alphabet(self, text: str, /) -> bool: ...
    def shape(self, text: str, lowered: bytes, /) -> bool | None: ...
    def line_votes(
        self, text: str, word_langs: Callable[[str], int], vote_letters: int, /
    ) -> tuple[int, int, int]: ...
    def form_lead(
        self,
        text: str,
        word_langs: Callable[[str], int],
        edge: str,
        max_langs: int,
        endings: tuple[dict[str, int], int, int],
        stem: int,
        depth: int,
        /,
    ) -> int | None: ...
    def lead_votes(
        self,
        text: str,
        word_langs: Callable[[str], int],
        edge: str,
        max_langs: int,
        vote_letters: int,
        /,
    ) -> tuple[int, int, int]: ...

class Pool:
    """The single-byte steps seen per character, handed over once from repair.legacy."""

    def __init__(
        self,
        chars: str,
        images: list[str],
        letters: list[tuple[int, ...]],
        odd: list[tuple[int, ...]],
        changes: list[int],
        spoils: list[int],
        tables: tuple[dict[int, str], ...],
        chains: tuple[tuple[tuple[str, str], ...], ...],
        char_flags: Callable[[str], int],
        word_langs: Callable[[str], int],
    ) -> None: ...
    def live(self, chars: str, /) -> list[int]: ...
    def pool(
        self, chars: str, live: list[int], both: int, odd_bits: int, unnumbered: int, /
    ) -> list[tuple[int, int, dict[int, str] | str, tuple[tuple[tuple[str, str], ...], ...]]]: ...
    def translate(self, text: str, table: dict[int, str], /) -> str: ...
    def reads(self, text: str, /) -> int: ...
    def changed_words(self, original: str, candidate: str, /) -> tuple[tuple[int, int], ...]: ...
    def lost_letters(self, text: str, cand: str, /) -> str: ...
    def prepare(
        self,
        tables: Tables,
        text_core: str,
        entries: list[
            tuple[int, int, dict[int, str] | str, tuple[tuple[tuple[str, str], ...], ...]]
        ],
        /,
    ) -> (
        tuple[list[tuple[float, int, str, tuple[tuple[tuple[str, str], ...], ...]]], int] | None
    ): ...
    def has_known_words(self, text_core: str, cand_core: str, share: float, /) -> bool: ...
    def changed(self, original: str, candidate: str, /) -> int: ...

class Words:
    def __init__(
        self,
        highs: object,
        lows: object,
        slots: object,
        starts: object,
        masks: bytes,
        bits: int,
        shift: int,
        bands: bytes,
        /,
    ) -> None: ...
    def langs(self, word: str, /) -> int: ...
    def band(self, word: str, index: int, /) -> int: ...
    def get(self, word: str, /) -> int: ...
    def forms(
        self, word: str, endings: tuple[dict[str, int], int, int], stem: int, depth: int, /
    ) -> int | None: ...

def same_length_spans(
    old: str, new: str, max_align: int, /
) -> tuple[tuple[int, int, int, int], ...]: ...
def composed(text: str, /) -> str: ...
def listed_run(text: str, cand: str, listed: int, /) -> bool: ...
def judged_after(
    text: str,
    fixed: str,
    diff: Callable[[str, str, int, int, int], list[tuple[int, int, int, int]]],
    max_align: int,
    /,
) -> str: ...
def language_votes(
    tables: Tables, word_langs: Callable[[str], int], vote_letters: int, text: str, /
) -> tuple[str | None, int, int] | None: ...

class Ranking:
    """What repair.legacy's rank formula needs of each chain step, handed over once."""

    def __init__(
        self,
        steps: dict[tuple[str, str], int],
        infos: list[tuple[float, int, int, int, int]],
        charsets: list[str],
        named: Callable[[str], int],
        lead: Callable[[str], int],
        to_symbols: Callable[[str, str], int],
        paired: str,
        oddity: Callable[[str], tuple[int, int, str]],
        lead_words: tuple[object, ...] | None,
        made: tuple[type, Callable[..., str], list[int]],
        named_votes: tuple[int, int, int, Callable[[str], str]] | None = None,
        let_off: tuple[str, str, str, str, str, str] | None = None,
    ) -> None: ...
    def candidates(
        self,
        pool: Pool,
        tables: Tables,
        text: str,
        text_core: str,
        utf8: list[tuple[int, str, tuple[tuple[tuple[str, str], ...], ...]]],
        needs_words: bool,
        best_only: bool,
        constants: tuple[float, float, float, float, float, float, float, float, float, float],
        limits: tuple[int, int, float],
        /,
    ) -> list[Any] | None: ...

def sibling_readers(
    lookup: Callable[[str], int],
    text_core: str,
    cand_core: str,
    family: int,
    edge: str,
    swaps: dict[str, int],
    pages: tuple[tuple[str, dict[int, str], int], ...],
    /,
) -> int: ...
