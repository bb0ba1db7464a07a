"""The model as eventwire loads it: the verb lemmas the rule lemmatizer gets wrong are fixed."""

from __future__ import annotations

import pytest

from eventwire.nlp import load_nlp, read_lemma_fixes


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def test_lemma_fixes_table_shape() -> None:
    fixes = read_lemma_fixes()
    assert len(fixes) >= 5
    for wrong, right in fixes.items():
        assert wrong and right and wrong != right and wrong.islower() and right.isalpha()


@pytest.mark.parametrize(
    ("sentence", "form", "lemma"),
    [
        ("The students staged a protest.", "staged", "stage"),
        ("The rebels waged war on the state.", "waged", "wage"),
        ("The court fined the firm.", "fined", "fine"),
    ],
)
def test_wrong_verb_lemmas_are_fixed(nlp, sentence: str, form: str, lemma: str) -> None:
    (token,) = [t for t in nlp(sentence) if t.text == form]
    assert token.lemma_ == lemma


def test_nouns_keep_their_lemma(nlp) -> None:
    (token,) = [t for t in nlp("A stag ran across the road.") if t.text == "stag"]
    assert token.lemma_ == "stag"


def test_a_sentence_never_runs_across_a_blank_line() -> None:
    from eventwire.nlp import load_nlp

    doc = load_nlp()("The tariffs hit Toshiba Corp and Fujitsu Ltd.\n\nThey said Reagan could act.")
    sentences = [s.text.strip() for s in doc.sents]
    assert sentences == [
        "The tariffs hit Toshiba Corp and Fujitsu Ltd.",
        "They said Reagan could act.",
    ]
