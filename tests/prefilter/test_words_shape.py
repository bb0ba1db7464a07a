"""Shape of prefilter_words.yaml, and a clear error when it is malformed."""

from __future__ import annotations

from pathlib import Path

import pytest

from eventwire.events import Lexicon
from eventwire.prefilter import PrefilterWordsError, read_prefilter_words


def test_irregular_forms_belong_to_lemmas_the_filter_reads(lexicon: Lexicon) -> None:
    data = read_prefilter_words()
    known = set(lexicon.verbs) | set(lexicon.nouns) | set(lexicon.speech_verbs)
    assert data["irregular"], "the irregular forms are missing"
    for lemma, forms in data["irregular"].items():
        assert lemma in known, f"{lemma}: not a trigger or speech verb of the lexicon"
        assert forms and all(f.isalpha() and f.islower() and f != lemma for f in forms), lemma


def test_abbreviations_are_bare_lower_case_words() -> None:
    abbreviations = read_prefilter_words()["abbreviations"]
    assert "mr" in abbreviations
    assert all(w.isalpha() and w.islower() for w in abbreviations)
    assert len(abbreviations) == len(set(abbreviations))


@pytest.mark.parametrize(
    "text",
    [
        "irregular: {}\n",  # abbreviations missing
        "irregular: {fight: fought}\nabbreviations: []\n",  # forms not a list
        "irregular: {}\nabbreviations: [1]\n",
        "- just a list\n",
    ],
)
def test_malformed_file_is_a_typed_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "words.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PrefilterWordsError):
        read_prefilter_words(path)
