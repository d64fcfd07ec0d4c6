"""The plausibility scorer: real text scores high, its mojibake scores low."""

from __future__ import annotations

import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from hypothesis import given, settings
from hypothesis import strategies as st

from realtext_po import django_lines
from textfix.scoring import TextScore, known_word, score, script_of

#: (language, true code page, shown as) - the commonest mix-up for each script.
GARBLINGS = [
    ("ru", "cp1251", "cp1252"),
    ("uk", "cp1251", "latin-1"),
    ("pl", "cp1250", "cp1252"),
    ("el", "cp1253", "cp1252"),
    ("he", "cp1255", "cp1252"),
    ("ar", "cp1256", "cp1252"),
    ("tr", "cp1254", "cp1252"),
    ("lv", "cp1257", "cp1252"),
]


def test_textscore_fields() -> None:
    s = score("Цей текст також доступний українською")
    assert isinstance(s, TextScore)
    assert s.lang == "uk"
    assert 0.0 <= s.plausibility <= 1.0
    assert s.letters == 33


def test_real_lines_are_plausible() -> None:
    for lang, _true, _shown in GARBLINGS:
        lines = django_lines(lang, 60)
        plausible = sum(score(line).plausibility > 0.5 for line in lines)
        assert plausible >= 0.9 * len(lines), (lang, plausible, len(lines))


def test_garbled_lines_score_lower_than_the_original() -> None:
    for lang, true, shown in GARBLINGS:
        pairs = []
        for line in django_lines(lang, 60):
            try:
                garbled = line.encode(true).decode(shown)
            except UnicodeError:
                continue
            if garbled != line:
                pairs.append((line, garbled))
        lower = sum(score(g).logprob < score(o).logprob for o, g in pairs)
        assert lower >= 0.9 * len(pairs), (lang, lower, len(pairs))


def test_language_is_identified_for_distinct_scripts() -> None:
    assert score("Καλημέρα σας, τι κάνετε;").lang == "el"
    assert score("שלום עולם, מה שלומך").lang == "he"
    assert score("สวัสดีครับ ยินดีต้อนรับ").lang == "th"


def test_known_word() -> None:
    assert known_word("dzień", "pl")
    assert not known_word("dzieñ", "pl")
    assert known_word("Kuş", "tr")
    assert known_word("ASCII")  # ASCII words cannot change under a legacy chain
    assert not known_word("dzień", "xx")


def test_script_of() -> None:
    assert [script_of(c) for c in "aжαשعก中"] == [
        "Latn",
        "Cyrl",
        "Grek",
        "Hebr",
        "Arab",
        "Thai",
        "Other",
    ]


def test_text_without_letters() -> None:
    assert score("1234 !?").lang is None
    assert score("╨┼─└╩").plausibility < 0.5  # box drawing is not text


def test_import_does_not_load_language_data() -> None:
    code = "import textfix, textfix.scoring, textfix.scoring._data as d; print(len(d._cache))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"


def test_concurrent_first_use_gives_identical_results() -> None:
    texts = ["Привет, как дела", "Öåé òåêñò", "ładny dzień"] * 8
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(score, texts))
    assert results == [score(t) for t in texts]


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_never_raises_and_stays_in_range(text: str) -> None:
    s = score(text)
    assert 0.0 <= s.plausibility <= 1.0
    assert s.letters >= 0
