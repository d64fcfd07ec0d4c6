"""Build ``src/textfix/boilerplate/rules/stopwords.json`` from wordfreq.

The cheap language guess of the boilerplate stage (``boilerplate/langid.py``) counts
the most frequent words of each language. Those lists come from wordfreq, following
the project's convention that language models are built from wordfreq (tests use other
sources). Run: ``python tools/build_boilerplate_stopwords.py``.
"""

from __future__ import annotations

import json
from pathlib import Path

from wordfreq import top_n_list

LANGS = ("en", "uk", "ru", "de", "fr", "es", "pl", "it", "pt")
TOP_N = 60
OUT = Path(__file__).resolve().parents[1] / "src/textfix/boilerplate/rules/stopwords.json"


def main() -> None:
    data = {
        "comment": f"Top {TOP_N} words per language from wordfreq; regenerate with "
        "tools/build_boilerplate_stopwords.py",
        "stopwords": {lang: [w for w in top_n_list(lang, TOP_N) if w.isalpha()] for lang in LANGS},
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
