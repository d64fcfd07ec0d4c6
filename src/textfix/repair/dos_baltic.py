"""The chain of a repair named for the language its words are written in.

DOS and Baltic code pages share many letters at the same bytes: cp852 and cp775 both hold
``ä`` at 0x84, which cp1252 shows as ``„``, so ``m„rgendeid`` is ``märgendeid`` through
either. The engine names one of the chains giving the same text for the language the
letter statistics read the candidate as; a short Estonian line reads as German or Finnish
(``Et kasutada neid märgendeid pane malli``, ``Kuupäev puudub``), cp852 comes first and
is no code page of either, and the gates that need the chain to fit the language (or its
repaired words to be known words of the chain's languages) refuse it. The words are the
better witness: the language two or more of the line's known words name
(:func:`~textfix.repair.legacy._word_language`), else one whose word list knows every
repaired word, else the one it reads best as. When a step giving the very same text is
written in that language while the named one is not, that step is named and the candidate
is judged in that language (its score and known words). The gates still decide; only
the language they judge in changes.
"""

from __future__ import annotations

from functools import cache, reduce
from operator import and_
from typing import TYPE_CHECKING

from textfix.chains import family_langs, fits, single_byte_steps
from textfix.repair import legacy  # (which imports this module: read at call time only)
from textfix.repair.line_language import LINE_VOTES, prose
from textfix.scoring._data import langdata
from textfix.scoring.model import TextScore, mojibake_shape, score

if TYPE_CHECKING:
    from textfix.repair.legacy import Candidate

#: The Latin DOS code pages: each keeps cp437's letters at their bytes where its own
#: alphabet has them (``ä ö ü é`` at 0x84, 0x94, 0x81, 0x82 in all five), so the same
#: mojibake reads as any of them.
LATIN_DOS = frozenset({"cp437", "cp850", "cp852", "cp857", "cp775"})
#: How much worse (nats per letter) the language the words name may read the candidate
#: than the letter statistics' own choice: a little (Estonian words read as Finnish or
#: Swedish, 0.0 to 0.75 better, "Kuupäev", "Kasper"); not a core of another language's names
#: ("“Control” või “Command”" reads 0.9 better as Portuguese by its English words).
READING_MARGIN = 0.8


def voted_chain(text: str, best: Candidate) -> Candidate:
    """``best``, or the same repair through a step written in the language the line's words
    name when ``best``'s chain, through a Latin DOS code page, does not fit the language the
    candidate reads as.

    >>> from textfix.repair.legacy import candidates
    >>> line = "Et kasutada neid m„rgendeid pane malli enne kui"
    >>> best = candidates(line)[0]
    >>> best.chain[0][0], best.score.lang
    ('cp852', 'de')
    >>> voted = voted_chain(line, best)
    >>> voted.chain, voted.score.lang
    ((('cp775', 'cp1252'),), 'et')
    """
    chain = best.chain
    if len(chain) != 1 or chain[0][0] not in LATIN_DOS or fits(chain[0][0], best.score.lang):
        return best
    text_core, cand_core = legacy.core(text), legacy.core(best.text)
    # (a line with no mojibake shape changes on word evidence, which names no chain)
    if len(text_core) != len(cand_core) or not mojibake_shape(text_core):
        return best
    shown = chain[0][1]
    # (the steps shown as the same page that make the same changes, then the same text)
    images, tables = _images(shown)
    changed = {(a, b) for a, b in zip(text_core, cand_core, strict=True) if a != b}
    trues = frozenset.intersection(*(images.get(pair, frozenset()) for pair in changed))
    same = [
        true
        for true, table in tables.items()
        if true in trues and text_core.translate(table) == cand_core
    ]
    named = family_langs(chain[0][0])
    model = legacy._voted_model(prose(best.text), LINE_VOTES)
    voted = None if model is None else model.code
    if voted is None and all(family_langs(true) == named for true in same):
        return best  # (without votes, only another family's step may be named)
    words = legacy._changed_words(text_core, cand_core)
    # (the languages that know every repaired word)
    knowing = reduce(and_, (langs for _n, langs in words), -1) if words else 0
    models = langdata().models
    # (step, language, whether it knows every repaired word, score), the best kept
    chosen: tuple[str, str, bool, TextScore] | None = None
    for true in same:
        # (without votes, the named family's languages too: another family must beat them)
        langs = ([voted] if fits(true, voted) else []) if voted else sorted(family_langs(true))
        if not langs or not legacy._exact(text, best.text, ((true, shown),)):
            continue
        for lang in langs:
            s = score(cand_core, lang)
            knows = bool(knowing >> models[lang].index & 1)
            if chosen is None or (knows, s.logprob) > (chosen[2], chosen[3].logprob):
                chosen = (true, lang, knows, s)
    if (
        chosen is not None
        and (voted or family_langs(chosen[0]) != named)
        and chosen[3].logprob >= best.score.logprob - READING_MARGIN
    ):
        true, lang, _knows, s = chosen
        known, evidence, _changed = legacy._known_share(
            text_core, cand_core, legacy._lang_mask(true, lang)
        )
        return best._replace(chain=((true, shown),), score=s, known=known, evidence=evidence)
    return best


@cache
def _images(shown: str) -> tuple[dict[tuple[str, str], frozenset[str]], dict[str, dict[int, str]]]:
    """``(character, its image) -> true code pages`` of the steps shown as ``shown`` that
    turn the character into that image, and those steps' tables by true code page (in table
    order)."""
    tables = {true: table for (true, step), table in single_byte_steps() if step == shown}
    found: dict[tuple[str, str], set[str]] = {}
    for true, table in tables.items():
        for code, image in table.items():
            found.setdefault((chr(code), image), set()).add(true)
    return {key: frozenset(trues) for key, trues in found.items()}, tables
