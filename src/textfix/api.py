"""The repair API: ``fix``, ``fix_and_explain``, ``detect`` and the reusable ``Fixer``.

One call is one document. A call may use evidence from elsewhere in the same text, and from
the sample a caller explicitly gave to :meth:`Fixer.learn`; it never depends on earlier calls.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from functools import cache
from types import ModuleType
from typing import Any

from textfix.options import DEFAULT_MIN_CONFIDENCE, FixOptions, Normalization
from textfix.types import Chain, Finding, Fixed, Repair


@cache
def _engine() -> ModuleType:
    """The repair engine, imported on first use: ftfy and the language data take longer to
    load than ``import textfix`` may (< 100 ms), and many programs import us without fixing."""
    import textfix.repair.document

    return textfix.repair.document


#: The engine's quick verdict on one-line documents, once the engine is loaded.
_QUICK: Callable[[str], int] | None = None

#: Its answer when it proves the line untouched (``document.PROVEN``, read here without
#: loading the engine; its other answers tell ``untouched_line`` what it need not ask),
#: and when ``plausible`` rejects the line (``document.IMPLAUSIBLE``: most garbled lines,
#: which ``document.fix_implausible`` takes at once).
_PROVEN, _IMPLAUSIBLE = 2, 0

#: ``document.fix_implausible``, set with :data:`_QUICK`.
_FIX_IMPLAUSIBLE: Callable[[str, FixOptions], str] | None = None


def _quick_check() -> Callable[[str], int]:
    global _QUICK, _FIX_IMPLAUSIBLE
    _FIX_IMPLAUSIBLE = _engine().fix_implausible
    _QUICK = _engine().quick_line_check()
    return _QUICK


def find_in_document(
    text: str,
    options: FixOptions,
    prior: Counter[Chain],
    *,
    suspicious: bool = False,
    checked: bool = False,
) -> list[Finding]:
    """All findings in one document (see :mod:`textfix.repair.document`; ``checked``: the
    caller found the cheap proof fails for this one-line document)."""
    found: list[Finding] = _engine().find_in_document(
        text, options, prior=prior, suspicious=suspicious, checked=checked
    )
    return found


#: A chain must have been repaired at least this surely in a learning sample to count.
_LEARN_CONFIDENCE = 0.9


class Fixer:
    """Holds repair options (and optionally learned evidence) for repeated use.

    >>> fixer = Fixer(min_confidence=0.6)
    >>> fixer.fix("SchÃ¶ne GrÃ¼ÃŸe")
    'Schöne Grüße'

    For ingestion code that repairs many short strings of one source (titles, names, a
    column), :meth:`learn` returns a fixer that knows which chains that source shows:

    >>> column = ["Ã©tÃ© 2024", "crÃ¨me brÃ»lÃ©e", "naÃ¯ve"]
    >>> Fixer().learn(column).prior.most_common(1)[0][0]
    (('utf-8', 'cp1252'),)
    """

    def __init__(
        self,
        *,
        min_confidence: float = DEFAULT_MIN_CONFIDENCE,
        chains: Iterable[str] | None = None,
        lang: str | None = None,
        uncurl_quotes: bool = False,
        unescape_html: bool = False,
        normalization: Normalization | None = None,
    ) -> None:
        self.options = FixOptions.make(
            min_confidence=min_confidence,
            chains=chains,
            lang=lang,
            uncurl_quotes=uncurl_quotes,
            unescape_html=unescape_html,
            normalization=normalization,
        )
        self.prior: Counter[Chain] = Counter()

    def learn(self, sample: str | Iterable[str]) -> Fixer:
        """A new fixer that also knows the chains confidently repaired in ``sample``.

        The sample is one string or an iterable of strings from the same source. The
        original fixer is left unchanged.
        """
        texts = [sample] if isinstance(sample, str) else list(sample)
        learned = Fixer.__new__(Fixer)
        learned.options = self.options
        learned.prior = Counter(self.prior)
        for text in texts:
            for finding in find_in_document(text, self.options, Counter()):
                if finding.replacement is not None and finding.confidence >= _LEARN_CONFIDENCE:
                    learned.prior[finding.chain] += 1
        return learned

    def fix_and_explain(self, text: str) -> Fixed:
        """Repair ``text`` and list every repair with its chain and confidence.

        Offsets in the repairs refer to ``text``; opt-in normalisations are applied to the
        result after the repairs and are not listed.

        >>> fixed = Fixer().fix_and_explain("Ã‰tÃ©")
        >>> fixed.text, [(r.original, r.replacement, r.chain_label) for r in fixed.repairs]
        ('Été', [('Ã‰tÃ©', 'Été', 'utf-8 shown as cp1252')])
        """
        repaired, applied = self._repaired(text)
        repairs = [
            Repair(f.start, f.end, f.original, f.replacement, f.chain, f.confidence)
            for f in applied
            if f.replacement is not None
        ]
        return Fixed(repaired, repairs)

    def fix(self, text: str) -> str:
        """Repair ``text``; clean text comes back unchanged.

        >>> Fixer().fix("¿Qué? déjà vu, Ελλάδα, 中文")
        '¿Qué? déjà vu, Ελλάδα, 中文'
        """
        if "\n" not in text and not self.prior and not self.options.normalizes:
            # One line and nothing learned: what _repaired makes of it, without the findings.
            if text.isascii() or _engine().untouched_line(
                text, self.options.min_confidence, fresh=True
            ):
                return text
            fixed: str = _engine().fix_line(text, self.options)
            return fixed
        return self._repaired(text)[0]

    def _repaired(self, text: str, checked: bool = False) -> tuple[str, list[Finding]]:
        """``text`` repaired (and normalised as asked), and the findings applied: those
        with a replacement and enough confidence. (``fix`` wants the text alone: it makes
        no :class:`Repair` of them.) ``checked``: ``text`` is one line whose cheap proof
        (``untouched_line``) the caller saw fail, with these options; not asked again."""
        if text.isascii() and not self.options.normalizes:
            return text, []  # nothing to repair, nothing asked for: the common case
        findings = find_in_document(text, self.options, self.prior, checked=checked)
        if not findings and not self.options.normalizes:
            return text, []
        applied = [
            f
            for f in findings
            if f.replacement is not None and f.confidence >= self.options.min_confidence
        ]
        repaired = _engine().apply_repairs(text, applied) if applied else text
        if self.options.normalizes:
            from textfix.normalize import normalize

            repaired = normalize(repaired, self.options)
        return repaired, applied

    def detect(self, text: str) -> list[Finding]:
        """Spans that look mis-decoded, without changing anything.

        Findings with a ``replacement`` are what :meth:`fix` would apply; findings whose
        ``replacement`` is ``None`` look garbled but could not be repaired with confidence.

        >>> [(f.original, f.replacement) for f in Fixer().detect("bonjour Ã  tous")]
        [('Ã ', 'à')]
        """
        findings = find_in_document(text, self.options, self.prior, suspicious=True)
        return [
            f
            if f.replacement is None or f.confidence >= self.options.min_confidence
            else Finding(f.start, f.end, f.original, None, f.chain, f.confidence)
            for f in findings
        ]


_DEFAULT_FIXER = Fixer()


def _fixer(**options: Any) -> Fixer:
    """The shared default fixer when every option is at its default (it holds no state that
    calls could share: ``prior`` only changes through ``learn``, which returns a new fixer)."""
    if options == _DEFAULTS:  # one C-level comparison: this runs once per call
        return _DEFAULT_FIXER
    return Fixer(**options)


#: The option defaults, read from ``Fixer``'s own signature so they cannot drift apart.
_DEFAULTS: dict[str, Any] = Fixer.__init__.__kwdefaults__ or {}


def fix(
    text: str,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    chains: Iterable[str] | None = None,
    lang: str | None = None,
    uncurl_quotes: bool = False,
    unescape_html: bool = False,
    normalization: Normalization | None = None,
) -> str:
    """Repair mis-decoded spans in ``text``; clean text comes back unchanged.

    >>> fix("The cafÃ© is open")
    'The café is open'
    >>> fix("“quoted”", uncurl_quotes=True)
    '"quoted"'
    """
    if (
        min_confidence == DEFAULT_MIN_CONFIDENCE
        and chains is None
        and lang is None
        and not (uncurl_quotes or unescape_html or normalization)
    ):
        # The common call, a clean line with every option at its default: one compiled
        # call proves most (the default fixer's answer, without building its findings; its
        # prior is empty, so the line's repairers see no chain as already shown: fresh).
        if text.isascii():
            return text
        if "\n" not in text:
            verdict = (_QUICK or _quick_check())(text)
            if verdict == _PROVEN:
                return text
            if verdict == _IMPLAUSIBLE:  # (the engine looks: fix_line without its frames)
                return (_FIX_IMPLAUSIBLE or _engine().fix_implausible)(text, _DEFAULT_FIXER.options)
            if _engine().untouched_line(text, fresh=True, verdict=verdict):
                return text
            # (what the default fixer's findings make of the line, without building them;
            # untouched_line was just asked)
            fixed: str = _engine().fix_line(text, _DEFAULT_FIXER.options)
            return fixed
        return _DEFAULT_FIXER.fix(text)
    return _fixer(
        min_confidence=min_confidence,
        chains=chains,
        lang=lang,
        uncurl_quotes=uncurl_quotes,
        unescape_html=unescape_html,
        normalization=normalization,
    ).fix(text)


def fix_and_explain(
    text: str,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    chains: Iterable[str] | None = None,
    lang: str | None = None,
    uncurl_quotes: bool = False,
    unescape_html: bool = False,
    normalization: Normalization | None = None,
) -> Fixed:
    """Repair ``text`` and explain each repair.

    >>> r = fix_and_explain("naÃ¯ve").repairs[0]
    >>> r.start, r.end, r.replacement, r.chain
    (2, 4, 'ï', (('utf-8', 'cp1252'),))
    """
    return _fixer(
        min_confidence=min_confidence,
        chains=chains,
        lang=lang,
        uncurl_quotes=uncurl_quotes,
        unescape_html=unescape_html,
        normalization=normalization,
    ).fix_and_explain(text)


def detect(
    text: str,
    *,
    min_confidence: float = DEFAULT_MIN_CONFIDENCE,
    chains: Iterable[str] | None = None,
    lang: str | None = None,
) -> list[Finding]:
    """Report mis-decoded spans without changing anything.

    >>> [f.chain for f in detect("Ã©tÃ©")]
    [(('utf-8', 'cp1252'),)]
    """
    return _fixer(min_confidence=min_confidence, chains=chains, lang=lang).detect(text)
