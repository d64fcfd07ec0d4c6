"""cp1252's quotation marks, apostrophes and dashes shown as DOS, Mac and Cyrillic signs
(repair/quote_signs.py), and the compiled twin of its cheap shape.

The lines below were written for these tests and garbled here.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from tests.realdata import clean_sample, mojibake_pairs, non_ascii_lines

import textfix
from textfix.chains import single_byte_steps
from textfix.repair import quote_signs
from textfix.repair._scan import native
from textfix.repair.quote_signs import IMAGES, looks_quoted, sign_kinds, signs_quoted

#: Lines whose only marks of cp1252 are punctuation (and a letter or two).
PUNCTUATED = [
    "Don’t forget to save the file before you close the editor.",
    "Your changes weren’t saved because the disk is full.",
    "Kies ’n nuwe lêer vir die verslag en probeer weer.",
    "Die veld “%(field)s” moet ’n geldige datum bevat.",
    "Het bestand “rapport.txt” kon niet worden geopend.",
    "De gebruiker ‘%(name)s’ bestaat al in deze groep.",
    "Impossible d’écrire l’option demandée dans le fichier.",
    "Non è stato possibile aprire l’archivio dell’utente.",
    "Die Datei „bericht.txt“ wurde nicht gefunden.",
    "Partitions 1–4 are the primary partitions of the disk.",
    "Cliquez sur « Enregistrer » pour garder les modifications.",
    "Välj “Spara” för att behålla ändringarna i dokumentet.",
]
#: Those the letter statistics alone mend (the engine), whatever quote_signs says.
ENGINE = {PUNCTUATED[-1]}


@pytest.mark.parametrize("line", PUNCTUATED)
@pytest.mark.parametrize("shown", ["cp437", "cp850", "mac-roman"])
def test_punctuation_shown_as_signs_is_mended(line: str, shown: str) -> None:
    garbled = line.encode("cp1252").decode(shown)
    assert looks_quoted(garbled)
    found = signs_quoted(garbled)
    if line not in ENGINE:
        assert found is not None and found[1][0][0] == "cp1252"
    assert found is None or found[0] == line
    assert textfix.fix(garbled) == line


def test_an_acute_written_as_an_apostrophe_shown_as_cyrillic() -> None:
    line = "De lijst van alle commando´s staat in de handleiding van het programma."
    garbled = line.encode("cp1252").decode("cp1251")
    assert "ґ" in garbled
    assert textfix.fix(garbled) == line


@pytest.mark.parametrize(
    "line",
    [
        "El día de hoy es un buen día para salir a caminar.",  # í between letters
        "Mala û bajar li vir in.",  # Kurdish "û" between spaces
        "Volver ó inicio da páxina principal",  # Galician "ó"
        "Sección 2 ó 3 del manual",
        "El permís d'accés és necessari per a continuar.",  # "perm’s": no Catalan plural
        "Tá sé níos fearr anois ná riamh.",  # Irish
        "Æble og pære er gode frugter.",
        "Aurore Dupín escribió esta novela",  # "Dup’n": no Dutch contraction after "Dup"
        "ôter les éléments ö",
        "Síerra Leóne",
        "Benín",
    ],
)
def test_clean_lines_with_the_signs_stay(line: str) -> None:
    assert signs_quoted(line) is None
    assert textfix.fix(line) == line


def test_every_sign_is_the_image_of_one_mark_per_page() -> None:
    for (true, shown), images in IMAGES.items():
        for sign, mark in images.items():
            assert mark.encode(true).decode(shown) == sign
    assert IMAGES["cp1252", "cp437"]["Æ"] == "’"
    assert IMAGES["cp1252", "mac-roman"]["ì"] == "“"


_SAMPLE = "".join(sign_kinds()) + " aAé1.,(%{}"


@settings(max_examples=300)
@given(st.text(alphabet=st.sampled_from(_SAMPLE), max_size=14))
def test_repairs_are_round_trips_of_the_whole_line(text: str) -> None:
    found = signs_quoted(text)
    assert quote_signs._looks_quoted_py(text) or found is None  # (the shape comes first)
    if found is not None:
        cand, ((true, shown),) = found
        assert cand == text.encode(shown).decode(true)


def _compiled() -> object:
    module = native()
    if module is None:
        pytest.skip("compiled module not built")
    return module


def test_the_compiled_table_is_the_python_one() -> None:
    module = _compiled()
    assert module.quote_tables() == quote_signs.compiled_tables()  # type: ignore[attr-defined]


def test_the_compiled_shape_agrees_on_lines() -> None:
    module = _compiled()
    lines = PUNCTUATED + [
        line.encode("cp1252").decode(shown)
        for line in PUNCTUATED
        for shown in ("cp437", "cp850", "mac-roman")
    ]
    assert any(quote_signs._looks_quoted_py(line) for line in lines)
    for line in lines:
        assert module.looks_quoted(line) == quote_signs._looks_quoted_py(line), line  # type: ignore[attr-defined]


@settings(max_examples=500)
@given(st.text(alphabet=st.sampled_from(_SAMPLE + "\U0001d400\u00b2"), max_size=12))
def test_the_compiled_shape_agrees_on_any_text(text: str) -> None:
    module = _compiled()
    assert module.looks_quoted(text) == quote_signs._looks_quoted_py(text)  # type: ignore[attr-defined]


def _compiled_evidence() -> object:
    check = quote_signs._compiled_evidence()
    if check is None:
        pytest.skip("compiled module not built")
    return check


def _evidence_agrees(check: object, text: str) -> bool:
    """The compiled twin and the Python reference find the same spots on every set of
    signs; whether the reference found any."""
    found = False
    for k, step in enumerate(quote_signs._FIRST_STEPS):
        want = quote_signs._evidence_py(
            text, quote_signs.IMAGES[step], quote_signs._STEP_SIGNS[step]
        )
        got = check(text, k)  # type: ignore[operator]
        assert (None if got is None else quote_signs._Spots(*got)) == want, (text, step)
        found = found or want is not None
    return found


def test_the_compiled_evidence_agrees_on_real_lines() -> None:
    check = _compiled_evidence()
    lines = list(non_ascii_lines()) + PUNCTUATED
    lines += [line for _, line in clean_sample()][:2000]
    for line in PUNCTUATED:
        for true, showns in quote_signs.PAGES:
            for shown in showns:
                try:
                    lines.append(line.encode(true).decode(shown))
                except UnicodeError:
                    continue
    steps = [(chain,) for chain, _table in single_byte_steps()]
    lines += [garbled for _line, garbled in mojibake_pairs(non_ascii_lines(), steps)]
    spots = sum(_evidence_agrees(check, line) for line in lines)
    assert spots > 100  # (lines where some signs stand as marks do)


_EVIDENCE_SAMPLE = _SAMPLE + "".join(sorted({s for i in IMAGES.values() for s in i})) + "ltnsI \t"


@settings(max_examples=1000)
@given(st.text(alphabet=st.sampled_from(_EVIDENCE_SAMPLE + "\U0001d400\u00b2"), max_size=14))
def test_the_compiled_evidence_agrees_on_any_text(text: str) -> None:
    _evidence_agrees(_compiled_evidence(), text)
