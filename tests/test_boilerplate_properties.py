"""Properties of strip_boilerplate: never raises, one verdict per line, clean text unchanged."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st

from textfix.boilerplate import REASONS, BoilerplateModel, strip_boilerplate

# Lines built from pieces that trigger the layers, mixed with arbitrary text.
TRIGGERS = [
    "",
    "Home",
    "© 2024",
    "Read more »",
    "[email\u00a0protected]",
    "Share this: x",
    "We use cookies to improve your experience.",
    "Comments",
    "x" * 500 + ".",
    "\r",
    "\x85",
    "\ud800",
]
line = st.one_of(st.text(max_size=80), st.sampled_from(TRIGGERS))
documents = st.lists(line, max_size=25).map("\n".join)
langs = st.sampled_from([None, "en", "uk", "de", "xx", "zh", ""])


@settings(max_examples=300, deadline=None)
@given(documents, langs)
def test_never_raises_and_verdicts_are_consistent(doc: str, lang: str | None) -> None:
    result = strip_boilerplate(doc, lang=lang)
    pieces = doc.split("\n")
    if doc.endswith("\n") or doc == "":
        pieces = pieces[:-1]
    assert [v.text.removesuffix("\r") for v in result.lines] == [
        p.removesuffix("\r") for p in pieces
    ]
    for v in result.lines:
        assert v.action in ("keep", "drop", "edit")
        assert (v.reason is None) == (v.action == "keep")
        assert v.reason is None or v.reason in REASONS
    kept = [v.output if v.action == "edit" else v.text for v in result.lines if v.action != "drop"]
    assert result.text.replace("\r\n", "\n").rstrip("\n") == "\n".join(kept).replace(
        "\r\n", "\n"
    ).rstrip("\n")
    if not result.changed:
        assert result.text == doc


@settings(max_examples=50, deadline=None)
@given(st.lists(documents, min_size=1, max_size=5), documents)
def test_model_never_raises(train: list[str], doc: str) -> None:
    model = BoilerplateModel.fit(train)
    strip_boilerplate(doc, model=model)


def test_huge_line_and_control_characters() -> None:
    doc = "Home\n" + "a" * 2_000_000 + "\n\x00\ud800 Read more\n" + " " * 100_000
    result = strip_boilerplate(doc, lang="en")
    assert len(result.lines) == 4


# Clean documents: a title, paragraphs of running text, blank lines between them.
# Faker's locale text is real-language word material written by others (not by us, and
# not the wordfreq lists the stop-word model comes from).
LOCALES = {
    "en": "en_US",
    "de": "de_DE",
    "fr": "fr_FR",
    "es": "es_ES",
    "it": "it_IT",
    "pt": "pt_PT",
    "pl": "pl_PL",
    "ru": "ru_RU",
    "uk": "uk_UA",
}


def clean_document(fake: Faker, rng: random.Random) -> str:
    title = fake.sentence(nb_words=rng.randint(3, 8)).rstrip(".")
    paragraphs = [fake.paragraph(nb_sentences=rng.randint(3, 8)) for _ in range(rng.randint(1, 6))]
    sep = rng.choice(["\n", "\n\n"])
    end = rng.choice(["", "\n"])
    return sep.join([title, *paragraphs]) + end


@pytest.mark.parametrize("lang", sorted(LOCALES))
def test_clean_documents_come_back_unchanged(lang: str) -> None:
    fake = Faker(LOCALES[lang])
    fake.seed_instance(5)
    rng = random.Random(5)
    for _ in range(40):
        doc = clean_document(fake, rng)
        for hint in (lang, None):
            result = strip_boilerplate(doc, lang=hint)
            assert result.text == doc, [v for v in result.lines if v.action != "keep"]


def _po_sentences(path: Path) -> list[str]:
    """Translated sentences (msgstr) of one .po catalogue, one per entry."""
    out: list[str] = []
    current: list[str] | None = None
    for raw in path.read_text(encoding="utf-8", errors="replace").split("\n"):
        if raw.startswith('msgstr "'):
            current = [raw[8:-1]]
        elif raw.startswith('"') and current is not None:
            current.append(raw[1:-1])
        else:
            if current is not None:
                text = "".join(current).replace("\\n", " ").replace('\\"', '"').strip()
                if text.endswith((".", "!", "?")) and len(text.split()) >= 5 and "%" not in text:
                    out.append(text)
            current = None
    return out


@pytest.mark.parametrize("lang", ["de", "fr", "es", "ru", "uk", "pl", "it", "pt", "nl", "cs"])
def test_documents_of_real_sentences_come_back_unchanged(lang: str) -> None:
    # Real translated sentences from Django's catalogues (not used to build any model):
    # a page of short sentences, none of them furniture, must not lose a line.
    import django

    root = Path(django.__file__).parent
    sentences = [
        s
        for po in sorted(root.glob(f"**/locale/{lang}/LC_MESSAGES/django.po"))
        for s in _po_sentences(po)
    ]
    assert len(sentences) >= 20
    for start in range(0, min(len(sentences), 200), 20):
        doc = "\n".join(sentences[start : start + 20]) + "\n"
        assert strip_boilerplate(doc, lang=lang).text == doc
        assert strip_boilerplate(doc).text == doc


def test_lists_and_poems_without_prose_come_back_unchanged() -> None:
    shopping = "Shopping\nEggs\nFlour\nMilk\nButter\nApples\nSugar\nSalt\n"
    poem = "Der Abend kommt\nund legt sich still\nauf Dach und Feld\nund Fluss und Hügel\n" * 3
    for doc in (shopping, poem):
        assert strip_boilerplate(doc).text == doc


def test_letter_with_greeting_and_sign_off_comes_back_unchanged() -> None:
    body = "Thank you for the lovely weekend at the lake; the children still talk about it. " * 3
    letter = f"Dear Anna,\n\n{body}\n\n{body}\n\nWith love,\nGrandma\n"
    assert strip_boilerplate(letter, lang="en").text == letter
