"""Clean spellings of unmodelled orthographies stay (repair/unmodelled.py, from
legacy._clean_shape_read); garbled lines of the same chains are still repaired."""

from __future__ import annotations

from tests.test_unmended import repaired

import textfix
from textfix.repair.unmodelled import unmodelled_read

# Own lines; the main branch before unmodelled changed them all.
CLEAN = [
    "ingilis dili (Ýewropa)",  # Turkmen glide ý before a vowel (was "İewropa")
    "ispan dili (Ýemen)",  # (was "İemen")
    "n’kó dilinde",  # a prenasal apostrophe (was "níků", mac-latin2 shown as cp1252)
]

GARBLED = [
    ("Dosyalar kopyalanıyor, lütfen bekleyin", "cp1254", "cp1252"),  # ı before Turkish y
    ("İade edilen ürünler", "cp1254", "cp1252"),  # İ before a vowel, a known word
    ("Dosya bulunamadı", "cp1254", "cp1252"),
    ("Nízký stůl", "mac-latin2", "cp1252"),  # "N’zkù": a known word after the n
]


def test_clean_lines_stay() -> None:
    changed = {line: textfix.fix(line) for line in CLEAN}
    assert {line: fixed for line, fixed in changed.items() if fixed != line} == {}


def test_garbled_lines_of_the_same_chains_repaired() -> None:
    repaired(GARBLED)


def test_shapes() -> None:
    # a glide beside a vowel, in no known word
    assert unmodelled_read("Ýewropa", "İewropa")
    assert unmodelled_read("Kuweýt", "Kuweıt")
    # ... not beside a consonant or Turkish y, nor making a known word
    assert not unmodelled_read("Ýstanbul", "İstanbul")
    assert not unmodelled_read("kapýyor", "kapıyor")
    assert not unmodelled_read("Ýade", "İade")
    # ... nor any other change beside it
    assert not unmodelled_read("Ýewropaè", "İewropač")
    # an apostrophe after a word's first n or m, before a consonant
    assert unmodelled_read("(n’kó)", "(níků)")
    assert unmodelled_read("M’bolo", "Míbolo")
    # ... not inside a word, before a vowel (French elision), nor making a known word
    assert not unmodelled_read("Sz‡m’t", "Számít")
    assert not unmodelled_read("n’a", "nía")
    assert not unmodelled_read("m’nimo", "mínimo")
