"""textfix restores every UTF-8 mojibake ftfy.fix_encoding restores, on the kinds of text
ftfy is tuned on (emoji, kaomoji, CJK mixed with Latin, symbols, all-caps, curly quotes),
and leaves the clean text alone. Fixtures are written for this file."""

from __future__ import annotations

import ftfy
import pytest
from benchmarks.bench_parity import SHOWN_AS as SHOWN
from benchmarks.bench_parity import garble as _garble
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import textfix

FIXTURES = (
    "lol ¯\\_(ツ)_/¯ whatever",
    "monday again ¯\\(°_o)/¯ #mood",
    "table flip (╯°□°)╯︵ ┻━┻ 😂😂",
    "great show tonight 🎉🔥 @bandname",
    "so cute ʕ•ᴥ•ʔ 💕",
    "東京タワー (Tokyo Tower) 333m",
    "会议时间: 周三 14:00 — Room B",
    "서울 Seoul 2024 🇰🇷",
    "Привет, как дела? 👋",
    "Καλημέρα κόσμε",
    "สวัสดีครับ ขอบคุณ",
    "price: 12,50 € (≈ 13 $) ± 2%",
    "x² + y² ≤ r², ∞ ≠ 0, √2 ≈ 1.414",
    "5 µm × 3 µm, 20 °C, 3‰",
    "unknown currency (¤)",
    "¤#,##0.00",
    "ÜBER DIE STRASSE NACH MÜNCHEN",
    "ÉTÉ À PARIS, CÔTE D'AZUR",
    "SÃO PAULO E BRASÍLIA",
    "“Quoted,” she said — ‘twice’…",
    "„Anführung“ und »Guillemets« – fertig",
    "Ísland og Þórshöfn",
)

#: Clean lines with characters that UTF-8 mojibake is made of.
LEGIT = (
    "SÃO TOMÉ E PRÍNCIPE",
    "ÐÓRA, ROMÂNIA, CÂMPINA",
    "col·lecció i intel·ligència",
    "a ¬ b · c ¯ d",
    "x̄ ± 2 µm, 5‰",
    "ÂGE D’OR, MÂCON",
)


def _pairs() -> list[tuple[str, str]]:
    chains = [(s,) for s in SHOWN] + [(s, s) for s in SHOWN] + [("cp1252",) * 3]
    out = []
    for text in FIXTURES:
        for chain in chains:
            bad = _garble(text, chain)
            if bad is not None and bad != text and ftfy.fix_encoding(bad) == text:
                out.append((bad, text))
    return out


def test_fixtures_are_mostly_restored_by_ftfy() -> None:
    # The comparison below is only meaningful if ftfy restores most of them.
    assert len(_pairs()) > 200


@pytest.mark.parametrize(("bad", "want"), _pairs())
def test_textfix_restores_what_ftfy_restores(bad: str, want: str) -> None:
    assert textfix.fix(bad) == want


def test_lossy_question_mark_like_ftfy() -> None:
    # A byte cp1257 cannot show was replaced by "?" (0xF0 0x9F ... -> "š?..."); ftfy marks
    # the lost character U+FFFD, so must textfix (its pre-filter used to skip the line).
    lost = "🏼".encode().decode("cp1257", "replace").replace("\ufffd", "?")
    bad = f"great day {lost} with friends today"
    assert lost == "š?¸¼"
    assert ftfy.fix_encoding(bad) == "great day \ufffd with friends today"
    assert textfix.fix(bad) == ftfy.fix_encoding(bad)


@pytest.mark.parametrize("text", FIXTURES + LEGIT)
def test_clean_lines_unchanged(text: str) -> None:
    assert ftfy.fix_encoding(text) == text
    assert textfix.fix(text) == text


#: Character classes of the generated text (kept to words and runs a person writes).
_PIECES = st.one_of(
    st.sampled_from(["hello", "world", "Berlin", "café", "naïve", "Straße", "été", "ÇA"]),
    st.sampled_from(["日本語", "東京", "中文", "한국어", "カタカナ", "ひらがな"]),
    st.sampled_from(["Москва", "привет", "Αθήνα", "καλό", "ภาษาไทย", "İstanbul", "Łódź"]),
    st.sampled_from(["😀", "🎉", "👍🏽", "🇫🇷", "❤️", "¯\\_(ツ)_/¯", "(╯°□°)╯", "ʕ•ᴥ•ʔ"]),
    st.sampled_from(["€", "£", "¥", "¤", "±", "×", "÷", "≤", "≈", "∞", "°", "µ", "²", "‰"]),
    st.sampled_from(["“", "”", "‘", "’", "—", "–", "…", "«", "»", "•", "·"]),
    st.from_regex(r"[0-9]{1,4}", fullmatch=True),
)


@settings(max_examples=150)
@given(
    st.lists(_PIECES, min_size=1, max_size=8).map(" ".join),
    st.sampled_from(SHOWN),
    st.integers(min_value=1, max_value=3),
)
def test_property_ftfy_restores_implies_textfix_restores(text: str, shown: str, depth: int) -> None:
    bad = _garble(text, (shown,) * depth)
    assume(bad is not None and bad != text and ftfy.fix_encoding(bad) == text)
    assert textfix.fix(bad) == text
