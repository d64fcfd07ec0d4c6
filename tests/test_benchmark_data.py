"""The evaluation data itself: catalogue parsing, the encoding tables and the garbled dev set.

A wrong dev set would make every benchmark figure wrong, so its invariants are tested here.
"""

from __future__ import annotations

import codecs
import hashlib
import os
import subprocess
import sys
import unicodedata
from collections import Counter

import pytest
from benchmarks.devset import (
    Record,
    clean_lines,
    garble,
    garbled_records,
    has_non_ascii_letter,
    legacy_form,
)
from benchmarks.encodings import ENCODING_FAMILY, LANG_ENCODINGS, SHOWN_AS, family_of
from benchmarks.measure import (
    clean_damage,
    document_results,
    group_of,
    restore_tally,
    tally_results,
)
from benchmarks.realtext import lang_code, parse_po, sentences

_PO = r"""
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

#: a.py:1
msgid "Save"
msgstr "Зберегти"

#, fuzzy
msgid "Delete"
msgstr "Видалити?"

msgctxt "month"
msgid "May"
msgstr "Травень"

msgid "%(n)s file"
msgid_plural "%(n)s files"
msgstr[0] "%(n)s файл"
msgstr[1] "%(n)s "
"файли"
msgstr[2] ""

msgid "Untranslated"
msgstr ""

#~ msgid "Old"
#~ msgstr "Старе"

msgid "Tab\tand \"quotes\""
msgstr "Таб\tі \"лапки\"\nрядок"
"""


def test_parse_po_keeps_translated_entries_only() -> None:
    assert list(parse_po(_PO)) == [
        ("Save", ["Зберегти"]),
        ("May", ["Травень"]),
        ("%(n)s file", ["%(n)s файл", "%(n)s файли"]),
        ('Tab\tand "quotes"', ['Таб\tі "лапки"\nрядок']),
    ]


@pytest.mark.parametrize(
    ("locale", "code"),
    [("uk", "uk"), ("sr_Latn", "sr-latn"), ("sr@latin", "sr-latn"), ("no", "nb"), ("de_CH", "de")],
)
def test_lang_code(locale: str, code: str) -> None:
    assert lang_code(locale) == code


def test_sentences_are_deduplicated_filtered_and_deterministic() -> None:
    first = sentences("pl", sources=["django", "sphinx"], min_chars=15, limit=200)
    again = sentences("pl", sources=["django", "sphinx"], min_chars=15, limit=200)
    lines = first["pl"]
    assert first == again
    assert len(lines) == 200 == len(set(lines))
    assert all(len(x) >= 15 and "\n" not in x and x == x.strip() for x in lines)
    assert sum(has_non_ascii_letter(x) for x in lines) > 100


def test_tables_use_canonical_names_and_cover_45_languages() -> None:
    names = set(ENCODING_FAMILY) | {e for v in LANG_ENCODINGS.values() for e in v}
    assert all(codecs.lookup(n).name == n for n in names)
    assert all(e in ENCODING_FAMILY for v in LANG_ENCODINGS.values() for e in v)
    assert family_of("koi8-u") == "Cyrillic" and family_of("ISO-8859-13") == "Baltic"
    available = sentences(sources=["django", "sphinx"])
    covered = [
        lang
        for lang, encodings in LANG_ENCODINGS.items()
        if any(
            has_non_ascii_letter(x) and legacy_form(x, encodings[0])
            for x in available.get(lang, [])
        )
    ]
    assert len(covered) >= 45, sorted(set(LANG_ENCODINGS) - set(covered))


def test_legacy_form_decomposes_vietnamese_for_cp1258_only_where_needed() -> None:
    form = legacy_form("Tiếng Việt", "cp1258")
    assert form is not None and form != "Tiếng Việt"
    assert form.encode("cp1258").decode("cp1258") == form
    assert legacy_form("café", "cp1252") == "café"
    assert legacy_form("Привіт", "iso8859-2") is None


def test_garble_is_strict_and_skips_no_ops() -> None:
    assert garble("Öåé", (("cp1252", "utf-8"),)) is None  # invalid UTF-8: strict
    assert garble("plain", (("cp1251", "iso8859-1"),)) is None  # nothing changes
    assert garble("naïve", (("utf-8", "iso8859-1"),)) == "naÃ¯ve"


@pytest.fixture(scope="module")
def records() -> list[Record]:
    return garbled_records(cap=6, pool_size=80, layered=4)


def test_records_are_exact_round_trips(records: list[Record]) -> None:
    for r in records:
        assert garble(r.original, r.chain) == r.garbled
        text = r.garbled
        for true, shown in reversed(r.chain):
            text = text.encode(shown).decode(true)
        assert text == r.original
        assert r.family == family_of(r.true) == family_of(r.chain[0][0])
        assert all(true != shown for true, shown in r.chain)
        assert has_non_ascii_letter(unicodedata.normalize("NFC", r.original))


def test_records_cover_every_family_and_chain_depth(records: list[Record]) -> None:
    families = {r.family for r in records}
    assert families >= {*SHOWN_AS, "Greek", "Hebrew", "Arabic", "Thai", "Turkish", "Baltic"}
    assert {r.depth for r in records} == {1, 2, 3}
    cells = Counter((r.family, r.chain) for r in records if r.depth == 1)
    assert max(cells.values()) <= 6
    assert len({r.lang for r in records if r.family == "Western European"}) >= 5


def test_records_are_deterministic_per_seed(records: list[Record]) -> None:
    assert garbled_records(cap=6, pool_size=80, layered=4) == records
    assert garbled_records(cap=6, pool_size=80, layered=4, seed=1) != records


def test_clean_lines_mix_languages_and_ascii_prose() -> None:
    lines = clean_lines(per_lang=5, ascii_prose=20, sources=["django"])
    ascii_lines = [x for lang, x in lines if lang == "en-ascii"]
    assert len(ascii_lines) == 20 and all(x.isascii() for x in ascii_lines)
    assert all(has_non_ascii_letter(x) for lang, x in lines if lang != "en-ascii")
    assert len({lang for lang, _ in lines}) >= 60


def test_measurements_count_restores_damage_and_errors(records: list[Record]) -> None:
    def undo(text: str) -> str:
        record = by_garbled[text]
        if record.family == "Cyrillic":
            raise ValueError("boom")
        return record.original if record.family == "UTF-8" else text + "!"

    by_garbled = {r.garbled: r for r in records}
    tally = restore_tally(undo, by_garbled.values(), group_of)
    single = [r for r in by_garbled.values() if r.depth == 1]
    assert tally["all single-step"].n == len(single)
    assert tally["all single-step"].ok == sum(r.family == "UTF-8" for r in single)
    assert tally["Cyrillic"].errors == tally["Cyrillic"].n > 0
    assert tally["Greek"].wrong == tally["Greek"].n
    damage = clean_damage(undo, [("uk", r.garbled) for r in single if r.family == "Cyrillic"])
    assert damage.errors == damage.changed == damage.n


def test_loading_does_not_depend_on_the_hash_seed() -> None:
    """Sampling is seeded, so the loaded order must not vary between processes."""
    code = (
        "import hashlib; from benchmarks.realtext import sentences; "
        "print(hashlib.sha1(repr(sentences(sources=['faker'])).encode()).hexdigest())"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345", "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    here = hashlib.sha1(repr(sentences(sources=["faker"])).encode()).hexdigest()
    assert out.stdout.strip() == here


def test_document_mode_splits_results_back_per_line(records: list[Record]) -> None:
    single = [r for r in records if r.depth == 1 and r.family == "Greek"]
    by_garbled = {r.garbled: r.original for r in single}

    def fix_lines(text: str) -> str:
        return "\n".join(by_garbled.get(x, x) for x in text.split("\n"))

    assert tally_results(document_results(fix_lines, single, 4), group_of)["Greek"].rate == 1.0
    merged = tally_results(document_results(lambda t: t.replace("\n", " "), single, 4), group_of)
    assert merged["Greek"].ok == 0
    assert merged["Greek"].wrong == len(single)  # a changed line count fails every line
