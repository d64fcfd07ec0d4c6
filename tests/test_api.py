"""The public repair API: behaviour promised by the docs (issue 2)."""

from __future__ import annotations

import pytest

import textfix
from textfix import Fixer, detect, fix, fix_and_explain


@pytest.mark.parametrize(
    ("garbled", "expected"),
    [
        ("cafÃ© crÃ¨me", "café crème"),
        ("SchÃ¶ne GrÃ¼ÃŸe", "Schöne Grüße"),
        ("â€œquotedâ€\x9d", "“quoted”"),
        ("Ð¿Ñ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€", "привет мир"),
        ("voilÃ le travail", "voilà le travail"),
        # Symbols around ftfy's repair were there before it: they do not make its result
        # look garbled (the legacy engine once read this as cp866 shown as latin-1).
        ("¯¯ ã\x81\x82 ¯¯", "¯¯ あ ¯¯"),
    ],
)
def test_utf8_mojibake_is_repaired(garbled: str, expected: str) -> None:
    assert fix(garbled) == expected


@pytest.mark.parametrize(
    "clean",
    [
        "¿Qué? ¡Olé!",
        "déjà vu à la française",
        "Ελληνικά κείμενα",
        "中文文本，没有问题。",
        "Привет, мир",
        "“curly quotes” and ﬁ ligature and ＦＵＬＬ width",
        "caf\u00e9 vs cafe\u0301 (NFC and NFD both stay)",
        "&amp; &lt;entities&gt; stay",
        "",
        "\ufeffBOM first",
    ],
)
def test_clean_text_is_unchanged_by_default(clean: str) -> None:
    assert fix(clean) == clean
    assert fix_and_explain(clean).repairs == []


def test_normalisations_are_opt_in() -> None:
    text = "“x” &amp; cafe\u0301"
    assert fix(text) == text
    assert fix(text, uncurl_quotes=True) == '"x" &amp; cafe\u0301'
    assert fix(text, unescape_html=True) == "“x” & cafe\u0301"
    assert fix(text, normalization="NFC") == "“x” &amp; caf\u00e9"


def test_line_structure_is_kept() -> None:
    text = "\ufeffcafÃ©\r\nok\u2028still one line\nnaÃ¯ve"
    assert fix(text) == "\ufeffcafé\r\nok\u2028still one line\nnaïve"
    assert fix(text + "\n") == fix(text) + "\n"


def test_repairs_point_into_the_input() -> None:
    text = "ok\r\nla cafÃ© est crÃ¨me\n"
    fixed = fix_and_explain(text)
    assert fixed.text == "ok\r\nla café est crème\n"
    assert len(fixed.repairs) == 2
    for repair in fixed.repairs:
        assert text[repair.start : repair.end] == repair.original
        assert repair.chain == (("utf-8", "cp1252"),)
        assert 0.0 <= repair.confidence <= 1.0
        assert repair.chain_label == "utf-8 shown as cp1252"


def test_chains_filter_restricts_repairs() -> None:
    garbled = "cafÃ©"
    assert fix(garbled, chains=["cp1251:latin-1"]) == garbled
    assert fix(garbled, chains=["utf-8"]) == "café"
    assert fix(garbled, chains=["utf-8:cp1252"]) == "café"


def test_min_confidence_moves_repairs_to_suspicious() -> None:
    garbled = "voilÃ le travail"  # needs a lost byte restored: lower confidence
    assert fix(garbled, min_confidence=0.99) == garbled
    findings = detect(garbled, min_confidence=0.99)
    assert findings and all(f.replacement is None for f in findings)
    assert [f.replacement for f in detect(garbled)] == ["à"]


def test_detect_changes_nothing_and_matches_fix() -> None:
    text = "a cafÃ©\nb naÃ¯ve"
    findings = detect(text)
    assert [f.replacement for f in findings] == ["é", "ï"]
    assert [f.original for f in findings] == [text[f.start : f.end] for f in findings]


def test_two_layers_deep() -> None:
    assert fix("cafÃƒÂ©") == "café"
    chain = fix_and_explain("cafÃƒÂ©").repairs[0].chain
    assert len(chain) == 2


def test_invalid_options_raise_value_error() -> None:
    with pytest.raises(ValueError):
        fix("x", min_confidence=2.0)
    with pytest.raises(ValueError):
        fix("x", chains=["no-such-codec:latin-1"])


def test_learn_returns_new_fixer_and_leaves_original() -> None:
    base = Fixer()
    learned = base.learn(["cafÃ© crÃ¨me", "naÃ¯ve"])
    assert learned is not base
    assert not base.prior
    assert learned.prior[(("utf-8", "cp1252"),)] >= 2


def test_results_do_not_depend_on_earlier_calls() -> None:
    fixer = Fixer()
    before = fixer.fix("Ã©")
    for _ in range(3):
        fixer.fix("cafÃ© crÃ¨me naÃ¯ve")
    assert fixer.fix("Ã©") == before


def test_public_names() -> None:
    for name in textfix.__all__:
        assert hasattr(textfix, name)


def test_import_loads_no_heavy_stage() -> None:
    """``import textfix`` stays fast: ftfy, chardet, the language data, the decoding and
    boilerplate stages load on first use, not at import."""
    import subprocess
    import sys

    code = (
        "import sys, textfix\n"
        "heavy = [m for m in ('ftfy', 'chardet', 'textfix.scoring', 'textfix.decoding',"
        " 'textfix.boilerplate', 'textfix.repair.legacy') if m in sys.modules]\n"
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_lazy_stage_names_resolve() -> None:
    assert textfix.decode(b"plain").text == "plain"
    assert textfix.strip_boilerplate("Hello.").text == "Hello."
    with pytest.raises(AttributeError):
        _ = textfix.no_such_name  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "text",
    [
        "Le café est déjà prêt",
        "Le café est déjà prêt\r",
        "cafÃ© crÃ¨me\r",
        "Öåé òåêñò òàêîæ äîñòóïíèé óêðà¿íñüêîþ",
        "Бӕрӕг кӕны\nÖåé òåêñò",
        "Model adý",
        "",
    ],
)
def test_fix_with_default_options_answers_like_the_default_fixer(text: str) -> None:
    """``fix`` takes a short cut for one clean line with default options: the same answer
    as the fixer's full path."""
    assert fix(text) == Fixer().fix(text) == fix_and_explain(text).text
