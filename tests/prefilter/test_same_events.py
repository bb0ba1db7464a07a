"""Coding with and without the pre-filter gives the same events; analyses stay complete."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.prefilter import prefiltered_doc
from eventwire.records import Article

# Each text: news, then paragraphs with nothing to code (masked), then news again.
TEXTS = [
    (
        "ANKARA, March 3 - Turkish troops shelled Syrian army positions near Idlib on Monday, "
        "the Turkish defence ministry said. The weather in the region was cold and wet.\n\n"
        "Markets in Istanbul were quiet. The lira was steady.\n\nTourism was thin this winter."
        "\n\nRussian Foreign Minister Sergey Lavrov met his Turkish counterpart in Moscow on "
        "Tuesday. He urged Ankara to respect the ceasefire. The talks lasted three hours."
    ),
    (
        "Police in Nairobi arrested 20 protesters on Friday. Traffic was heavy in the city."
        "\n\nMost shops stayed shut. Prices of maize rose by 5%.\n\nThe rains were late.\n\n"
        "The Kenyan government condemned the violence. It said the organisers must face justice."
    ),
    (
        "The Chinese and Japanese foreign ministers held talks in Beijing on Saturday.\n\n"
        "Both are former diplomats. The sun was shining.\n\nExports to Asia have grown every "
        "year since 2001.\n\nThe two sides signed an agreement on fishing. The weather was fine."
    ),
]


def _article(n: int, text: str) -> Article:
    return Article(
        id=f"prefilter-{n}",
        source="test",
        url=None,
        published=date(2020, 3, 5),
        title="test",
        text=text,
        language="en",
    )


ARTICLES = [_article(n, t) for n, t in enumerate(TEXTS)]


@pytest.mark.parametrize("article", ARTICLES, ids=lambda a: a.id)
def test_the_filter_masks_something(filtering_coder, article: Article) -> None:  # type: ignore[no-untyped-def]
    doc = prefiltered_doc(filtering_coder.nlp, article.text, filtering_coder.trigger_words)
    assert doc.text != article.text  # else the comparison below proves nothing


def test_same_events_with_and_without_the_filter(filtering_coder, plain_coder) -> None:  # type: ignore[no-untyped-def]
    with_filter = filtering_coder.code_batch(ARTICLES)
    without = plain_coder.code_batch(ARTICLES)
    assert sum(len(evs) for evs in without) >= 4  # the texts do hold events
    assert with_filter == without
    assert [filtering_coder.code_article(a) for a in ARTICLES] == without


def test_analyses_stay_complete_with_the_filter_on(filtering_coder) -> None:  # type: ignore[no-untyped-def]
    """Times, places and actors promise the whole text: "Istanbul" sits in a sentence that
    cannot hold an event, yet the analysis names it."""
    analysis = filtering_coder.analyse(ARTICLES[0])
    assert any(p.text == "Istanbul" for p in analysis.places)
    batch = next(filtering_coder.analyse_batch(ARTICLES[:1]))
    assert any(p.text == "Istanbul" for p in batch.places)
