"""What the cheap test keeps: sentences with a trigger form, and sayings with a cue."""

from __future__ import annotations

import pytest

from eventwire.events import Lexicon
from eventwire.prefilter import TriggerWords, inflections


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("ban", {"ban", "bans", "banned", "banning"}),
        ("accuse", {"accuses", "accused", "accusing"}),
        ("rally", {"rallies", "rallied", "rallying"}),
        ("travel", {"travelled", "traveled", "travelling"}),
        ("clash", {"clashes", "clashed"}),
        ("cease-fire", {"cease-fire", "cease-fires"}),
    ],
)
def test_regular_inflections(lemma: str, forms: set[str]) -> None:
    assert forms <= inflections(lemma, {})


def test_irregular_forms_come_from_the_data(words: TriggerWords) -> None:
    assert {"fought", "held", "met", "struck", "withdrew", "sought"} <= words.triggers
    assert {"said", "told"} <= words.sayers


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels ambushed a convoy near the border.",
        "The two leaders met in Geneva on Monday.",
        "Troops fought for three days.",
        "There were clashes outside the embassy.",
        "The ministry said the army must leave the town.",  # a demand in reported speech
        "Police said the gang was behind the fire-bombing.",  # blame in reported speech
        "THE UNION CALLED A STRIKE.",
        "Workers staged a sit-in at the plant.",
    ],
)
def test_sentences_that_can_hold_an_event(words: TriggerWords, sentence: str) -> None:
    assert words.can_hold_event(sentence)


@pytest.mark.parametrize(
    "sentence",
    [
        "The weather in the valley was mild and dry.",
        "Prices climbed 3% in early trading.",
        "Officials said the figures were higher than last year.",  # a saying with no cue
        "The album is due out in May.",
        "He sat in the front row.",  # "in" is no trigger though "sit-in" is
    ],
)
def test_sentences_that_cannot(words: TriggerWords, sentence: str) -> None:
    assert not words.can_hold_event(sentence)


def test_every_lexicon_lemma_is_a_trigger(lexicon: Lexicon, words: TriggerWords) -> None:
    for lemma in [*lexicon.verbs, *lexicon.nouns]:
        assert words.can_hold_event(f"They spoke of {lemma} today."), lemma


def test_spacy_lemmas_of_trigger_words_are_covered(nlp, lexicon: Lexicon, words: TriggerWords):  # type: ignore[no-untyped-def]
    """Every word the model lemmatizes to a trigger lemma is a known form (irregular pasts,
    participles, comparatives of "close")."""
    text = (
        "Troops fought rebels and struck a depot. The envoys met and held talks. The army "
        "withdrew and the police sought the men who shot two guards. She spoke to him and gave "
        "aid; they froze assets, broke a truce, took hostages and sent troops. Talks came closer."
    )
    lemmas = set(lexicon.verbs) | set(lexicon.nouns)
    for token in nlp(text):
        if token.lemma_.lower() in lemmas:
            assert token.lower_ in words.triggers, (token.text, token.lemma_)
