"""The UTF-8 pre-filter never hides a line from ftfy's repair or the whole-line read-back."""

from __future__ import annotations

import ftfy
from hypothesis import given, settings
from hypothesis import strategies as st

from realtext_po import django_lines
from textfix.repair import utf8
from textfix.repair.base import DocumentContext

#: Code pages UTF-8 text is shown through, and languages whose lines go through them.
SHOWN = ("cp1252", "iso8859-1", "cp1251", "cp1250", "cp1253", "cp437", "mac-roman")
LANGS = ("fr", "de", "pl", "ru", "uk", "el", "vi", "tr", "is")


def _changes(text: str) -> bool:
    step = utf8.repair(text, DocumentContext())
    return step is not None and step.text != text


def test_real_garbled_lines_match_the_shape() -> None:
    garbled = 0
    for lang in LANGS:
        for line in django_lines(lang, 60):
            for shown in SHOWN:
                try:
                    text = line.encode("utf-8").decode(shown)
                except UnicodeError:
                    continue
                if text != line:
                    garbled += 1
                    # a space for the 0xA0 byte too, as copy-paste does
                    for variant in (text, text.replace("\xa0", " ")):
                        assert utf8.SHAPE.search(variant) or not _changes(variant), variant
    assert garbled > 500


def test_clean_cyrillic_words_before_a_space_do_not_match() -> None:
    assert utf8.SHAPE.search("Этот текст написан по-русски") is None
    assert utf8.SHAPE.search("voilÃ le travail")  # Ã before a space: a lost 0xA0


@settings(max_examples=400, deadline=None)
@given(
    st.text(alphabet=st.sampled_from("aé Ã©â€™Ð¾Ñ€ ìï¿½\x1a\x81?Â·ðŸ˜€ ÐŸÑ€Ð¸Ð²ÐµÑ‚"), max_size=16)
)
def test_lines_ftfy_changes_match_the_shape(text: str) -> None:
    if utf8.SHAPE.search(text) is None:
        assert ftfy.fix_encoding(text) == text
        assert utf8._whole_line_utf8(text) is None
