"""Vietnamese in cp1258: tone marks as combining characters.

Real cp1258 text keeps most tones as combining accents (``tro\\u0323ng``); the scorer and
the word lists hold composed letters (``trọng``). The engine reads candidates composed, and
returns the exact round trip (never NFC). Clean Vietnamese, composed or decomposed, stays
as it is. Clean lines come from Django's catalogue and Faker (not the models' sources); the
garbled fixtures are written for this file.
"""

from __future__ import annotations

import unicodedata

import pytest
from benchmarks.devset import legacy_form
from faker import Faker
from hypothesis import given, settings
from hypothesis import strategies as st

import textfix
from realtext_po import django_lines
from textfix.repair import no_repair
from textfix.repair.legacy import _marks_make_words, thin_without_words
from textfix.repair.reach import accents_make_words, marking_steps, may_reach_words
from textfix.scoring.model import composed, quick_logprob, score, well_formed, word_langs

#: Written for this file: everyday Vietnamese with tones cp1258 writes as marks.
_OWN = (
    "Chúng tôi đang học tiếng Việt",
    "Mật khẩu của bạn đã được thay đổi",
    "Người dùng không tồn tại",
)
#: A line with a word of four letters once composed ("điện"): ``gates.short_words_respelled``
#: reads the candidate composed, so its words are not cut at the marks.
_SHORT_CUT = ("Vui lòng nhập địa chỉ thư điện tử hợp lệ",)

#: Every word of three letters or fewer even composed: the short-words gate lets the repair
#: through only because 3+ repaired words, each keeping some of its letters, are all known
#: Vietnamese words (Vietnamese syllables are short).
_ALL_SHORT = "Tệp này quá lớn để tải lên"


def _garbled(line: str, shown: str) -> tuple[str, str]:
    """(the cp1258 form of ``line``, that form shown as ``shown``)."""
    form = legacy_form(line, "cp1258")
    assert form is not None
    return form, form.encode("cp1258").decode(shown)


@pytest.mark.parametrize("shown", ["cp1252", "latin-1"])
@pytest.mark.parametrize("line", [*_OWN, *_SHORT_CUT, _ALL_SHORT])
def test_cp1258_restores_the_exact_round_trip(line: str, shown: str) -> None:
    form, garbled = _garbled(line, shown)
    out = textfix.fix(garbled)
    assert out == form  # the marks stay combining characters: no NFC of the output
    assert out != unicodedata.normalize("NFC", out)


@pytest.mark.parametrize("line", (*_OWN, *_SHORT_CUT, _ALL_SHORT))
def test_cp1258_shown_as_cp437_is_restored(line: str) -> None:
    form, garbled = _garbled(line, "cp437")  # (box drawing: a shape, no short-word gate)
    assert textfix.fix(garbled) == form


def test_marks_are_read_composed() -> None:
    form, _garbled_line = _garbled("Quan trọng", "cp1252")
    assert "\u0323" in form
    assert word_langs("tro\u0323ng") == word_langs("trọng") != 0
    assert score(form) == score("Quan trọng")
    assert quick_logprob(form) == quick_logprob("Quan trọng")
    assert composed("Straße") == "Straße" and composed("e\u0301") == "é"


def test_the_proof_leaves_mark_making_lines_to_the_engine() -> None:
    # "troòng" is "trọng" through cp1258's U+0323: the proof's own lookups would not see it
    assert marking_steps("troòng") and _marks_make_words("troòng")
    assert not no_repair.cannot_pass("Quan troòng")
    assert accents_make_words("troòng") and may_reach_words("Baòch kim")
    assert not thin_without_words("Baòch kim")
    # Italian "però" makes no Vietnamese word: nothing changes for it
    assert marking_steps("però") and not _marks_make_words("però")
    assert textfix.fix("Non lo so, però è vero.") == "Non lo so, però è vero."


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("aeiouyAEơưâêô \u0300\u0301\u0303\u0309\u0323x"), max_size=20)
)
def test_composed_text_scores_as_its_nfc(text: str) -> None:
    nfc = unicodedata.normalize("NFC", text)
    assert score(text) == score(nfc)
    assert quick_logprob(text) == quick_logprob(nfc)


def _clean_vietnamese() -> list[str]:
    fake = Faker("vi_VN")
    fake.seed_instance(1258)
    faked = [fake.address().replace("\n", " ") for _ in range(40)]
    faked += [fake.name() for _ in range(40)]
    return [*django_lines("vi"), *faked]


def test_clean_vietnamese_stays_as_it_is_in_every_form() -> None:
    changed = []
    for line in _clean_vietnamese():
        nfc = unicodedata.normalize("NFC", line)
        forms = {nfc, unicodedata.normalize("NFD", nfc)}
        form = legacy_form(nfc, "cp1258")
        if form is not None:
            forms.add(form)
        changed += [(f, out) for f in sorted(forms) if (out := textfix.fix(f)) != f]
    assert not changed, changed[:10]


@pytest.mark.parametrize("line", ["Rèpublica de Ch·ina", "Ça a été décidé à Genève", "Tiếng Việt"])
def test_decomposed_clean_text_is_well_formed_and_stays(line: str) -> None:
    # decomposed accents are parts of letters, not letters of no alphabet (the Arpitan
    # line in NFD was "repaired" into "Ch\u00e1ina" before)
    nfd = unicodedata.normalize("NFD", line)
    assert well_formed(nfd) == well_formed(line)
    assert textfix.fix(nfd) == nfd
