"""Compiled hot loops of :mod:`textfix.scoring.model` (identical results; see ``_cscore.c``)."""

from collections.abc import Callable

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
    ) -> None: ...
    def quick(self, text: str, /) -> tuple[float, str, float, int] | None: ...
    def bound(self, joined: str, cost: float, count: int, /) -> float | None: ...
    def score(self, text: str, /) -> tuple[str | None, float, int]: ...
