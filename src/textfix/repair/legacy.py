"""Single-byte legacy mojibake: text written in one code page and shown as another.

For a line that looks implausible, every chain step ``(true, shown)`` of the chain table is
tried as an exact round trip, ``text.encode(shown).decode(true)``, both strict, character by
character (characters the ``shown`` code page cannot hold are left as they are: they were
never part of the mix-up). The scorer rates the original and each candidate; the best one is
applied only if every gate passes (see ``docs/confidence.md``):

1. the original is implausible (cheap pre-filter first: known words and clean letters pass);
2. the candidate is plausible and clearly better (gain in log-probability per letter);
3. nothing turns into a control, replacement or private-use character;
4. short repairs (one or two changed letters) need word-level evidence: every repaired word
   is a known word of the line's language.

>>> repair("Öåé òåêñò òàêîæ äîñòóïíèé óêðà¿íñüêîþ", DocumentContext()).text
'Цей текст також доступний українською'
>>> repair("déjà vu", DocumentContext()) is None
True
"""

from __future__ import annotations

import math
import re
from typing import NamedTuple

from textfix.chains import SHOWN, TRUE_RANK, trues_for
from textfix.repair.base import DocumentContext, Step
from textfix.repair.gates import looks_clean
from textfix.scoring import TextScore, known_word, score
from textfix.scoring.model import TOKEN_RE
from textfix.types import Chain

#: A candidate must gain this much log-probability per letter over the original...
MIN_GAIN = 1.2
#: ... and reach this absolute level.
MIN_LOGPROB = -3.6
#: The original must be below this level for anything to be tried.
ORIGINAL_BAR = -3.3
#: With this chain already shown in the document (or the caller's sample), bars move by:
CONTEXT_RELIEF = 0.6
#: Ranking bonus (nats per letter) for a candidate all of whose repaired words are known.
WORD_BONUS = 1.0
#: Ranking penalty per step down the family's commonness order.
RANK_PENALTY = 0.02
#: Repairs changing at most this many letters need every repaired word to be a known word.
THIN = 2

#: Document pre-filter: one match per line that has a non-ASCII character (the line start).
#: Legacy mojibake can be made of any letters, so every such line gets the cheap word check.
LEGACY_PREFILTER = re.compile(r"^[^\n]*?[^\x00-\x7f]", re.M)

#: Characters a repair must never introduce: C0/C1 controls (tab excepted), U+FFFD,
#: private use, unassigned-looking specials.
_BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ufffd\ue000-\uf8ff\ufff0-\uffff]")


class Candidate(NamedTuple):
    """One round trip of a line and how it scored."""

    text: str
    chain: Chain
    score: TextScore
    known: float  # share of repaired words that are known words of the candidate's language
    changed: int  # characters that differ from the original
    rank: float


def _round_trip(text: str, data: bytes, unencodable: list[int], true: str) -> str | None:
    """``data.decode(true)`` aligned with ``text``; ``None`` if a byte of a character that took
    part in the round trip does not decode (that character cannot be repaired exactly)."""
    if true == "utf-8":
        if unencodable:
            return None
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return None
    out = data.decode(true, errors="replace")
    if "\ufffd" in out:
        chars = list(out)
        for i, ch in enumerate(chars):
            if ch == "\ufffd" and text[i] != "\ufffd" and i not in unencodable:
                return None
        out = "".join(chars)
    if unencodable:
        chars = list(out)
        for i in unencodable:
            chars[i] = text[i]
        out = "".join(chars)
    return out


def _encode(text: str, shown: str) -> tuple[bytes, list[int]] | None:
    """``text`` in ``shown``, one byte per character, with the positions it cannot hold."""
    try:
        return text.encode(shown), []
    except UnicodeEncodeError:
        pass
    data = text.encode(shown, errors="replace")
    if len(data) != len(text):
        return None
    unencodable = [i for i, b in enumerate(data) if b == 0x3F and text[i] != "?"]
    if all(text[i].isascii() for i in range(len(text)) if i not in set(unencodable)):
        return None
    return data, unencodable


def _known_share(original: str, candidate: str, lang: str | None) -> tuple[float, int]:
    """Share of the candidate's changed words that are known words of ``lang``, and how many
    characters changed."""
    changed = sum(1 for a, b in zip(original, candidate, strict=False) if a != b)
    if len(original) != len(candidate):
        changed = max(changed, abs(len(original) - len(candidate)))
    words = [
        m.group()
        for m in TOKEN_RE.finditer(candidate)
        if not m.group().isascii()
        and (len(original) != len(candidate) or original[m.start() : m.end()] != m.group())
    ]
    if not words or lang is None:
        return 0.0, changed
    return sum(known_word(w, lang) for w in words) / len(words), changed


def candidates(text: str) -> list[Candidate]:
    """Every distinct exact round trip of ``text`` through the chain table, scored and
    ranked best first.

    >>> candidates("Kuþ uçtu")[0].text
    'Kuş uçtu'
    """
    seen_bytes: set[bytes] = set()
    seen_text: set[str] = {text}
    found: list[Candidate] = []
    for shown in SHOWN:
        encoded = _encode(text, shown)
        if encoded is None:
            continue
        data, unencodable = encoded
        key = bytes(data) + str(unencodable).encode()
        if key in seen_bytes:
            continue
        seen_bytes.add(key)
        for true in trues_for(shown):
            cand = _round_trip(text, data, unencodable, true)
            if cand is None or cand in seen_text or _BAD_CHARS.search(cand):
                continue
            seen_text.add(cand)
            s = score(cand)
            known, changed = _known_share(text, cand, s.lang)
            rank = s.logprob + WORD_BONUS * known - RANK_PENALTY * TRUE_RANK[true]
            found.append(Candidate(cand, ((true, shown),), s, known, changed, rank))
    found.sort(key=lambda c: -c.rank)
    return found


def _confidence(gain: float, cand: TextScore, known: float) -> float:
    """Map the evidence to [0, 1]; 0.5 is where the gates are just met (docs/confidence.md)."""
    x = 2.0 * (gain - MIN_GAIN) + 2.0 * (cand.logprob - MIN_LOGPROB) + 1.5 * known
    return 1.0 / (1.0 + math.exp(-x))


def repair(text: str, context: DocumentContext) -> Step | None:
    """Repair one line written in a single-byte code page and shown as another.

    Returns ``None`` when the line looks clean or nothing explains it; a step with
    confidence below 0.5 when the line looks garbled but no repair passed the gates.
    """
    if text.isascii() or looks_clean(text):
        return None
    original = score(text)
    if original.logprob >= ORIGINAL_BAR:
        return None
    found = candidates(text)
    if not found:
        return None
    best = found[0]
    relief = CONTEXT_RELIEF if context.seen(best.chain) else 0.0
    gain = best.score.logprob - original.logprob
    passed = (
        gain >= MIN_GAIN - relief
        and best.score.logprob >= MIN_LOGPROB - relief
        and (best.changed > THIN or best.known == 1.0 or (relief and best.known > 0))
    )
    confidence = _confidence(gain + relief, best.score, best.known)
    if not passed:
        confidence = min(confidence, 0.3)
    return Step(best.text, best.chain, round(confidence, 3))
