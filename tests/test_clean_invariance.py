"""Clean real text in every language must come back unchanged: not a single line may change.

The lines come from installed packages at test time (Django/Sphinx catalogues, Faker,
pycountry; see ``benchmarks/realtext.py``), never from the sources textfix's models are built
from.
"""

from __future__ import annotations

from collections import defaultdict

from realdata import PER_LANG, clean_sample
from textfix import fix


def _report(failures: list[tuple[str, str, str]], total: int) -> str:
    shown = "\n".join(
        f"  [{lang}] {before!r}\n     -> {after!r}" for lang, before, after in failures
    )
    return f"{len(failures)} of {total} clean lines changed:\n{shown}"


def test_sample_is_large_and_multilingual() -> None:
    sample = clean_sample()
    langs = {lang for lang, _ in sample}
    assert len(sample) >= 4000
    assert len(langs) >= 100
    assert {"uk", "ru", "pl", "fr", "el", "he", "ar", "th", "tr", "lt", "vi", "en-ascii"} <= langs


def test_every_clean_line_is_unchanged() -> None:
    sample = clean_sample()
    failures = [(lang, line, out) for lang, line in sample if (out := fix(line)) != line]
    assert not failures, _report(failures[:60], len(sample))


def test_clean_documents_are_unchanged() -> None:
    """Per language, all sampled lines as one document (evidence from the whole text is used)."""
    by_lang: dict[str, list[str]] = defaultdict(list)
    for lang, line in clean_sample():
        by_lang[lang].append(line)
    failures = []
    for lang, lines in sorted(by_lang.items()):
        document = "\r\n".join(lines[:PER_LANG]) + "\n"
        out = fix(document)
        if out != document:
            pairs = zip(document.split("\n"), out.split("\n"), strict=False)
            changed = [(a, b) for a, b in pairs if a != b]
            failures.append((lang, *changed[0]) if changed else (lang, document, out))
    assert not failures, _report(failures, len(by_lang))
