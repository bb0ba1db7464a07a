from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest

from eventwire.readers.dedupe import Deduper, shingle_hashes
from eventwire.records import Article

from .conftest import SHARED

STORY = (
    "The foreign ministers of the two countries met in the capital on Monday to discuss the "
    "border dispute. They agreed to set up a joint commission that will report within three "
    "months, and to reopen two crossing points that were closed last year. The talks, the first "
    "in more than a decade, were held behind closed doors. Officials on both sides described "
    "them as frank and constructive, and said a further round would be held in the spring. "
    "Opposition parties in both parliaments criticised the agreement as too vague. The dispute "
    "over the frontier goes back to the end of the colonial period, when the line was drawn "
    "across grazing land used by herders from both sides. Clashes between border guards killed "
    "at least twelve people two years ago, and trade between the neighbours has since fallen by "
    "half. Business groups welcomed the reopening of the crossings, which they said would allow "
    "farmers to sell their produce in the markets of the border towns again."
)
OTHER = (
    "Heavy rain caused flooding across the northern provinces, forcing thousands of residents "
    "to leave their homes. Emergency services said roads and railway lines were cut, and the "
    "army was sent to help with the evacuation. Forecasters expect more rain later this week."
)


def _article(ident: str, text: str) -> Article:
    return Article(ident, None, None, date(2020, 1, 1), "t", text)


def test_exact_repeat_is_found_whatever_the_spacing_and_case() -> None:
    deduper = Deduper()
    assert deduper.check(_article("a", STORY)) is None
    assert deduper.check(_article("b", "  " + STORY.upper().replace(" ", "\n  "))) == "a"


def test_near_duplicate_with_a_word_changed_is_found() -> None:
    deduper = Deduper()
    deduper.check(_article("a", STORY))
    changed = STORY.replace("three months", "four months")
    assert deduper.check(_article("b", changed)) == "a"


def test_different_articles_are_not_merged() -> None:
    deduper = Deduper()
    assert deduper.check(_article("a", STORY)) is None
    assert deduper.check(_article("b", OTHER)) is None
    # Same subject, rewritten: well under the 0.9 threshold.
    rewrite = " ".join(reversed(STORY.split(". ")))
    assert deduper.check(_article("c", rewrite)) is None
    assert len(deduper) == 3


def test_a_lower_threshold_merges_more() -> None:
    half = STORY[: len(STORY) // 2] + " " + OTHER
    strict, loose = Deduper(threshold=0.9), Deduper(threshold=0.3)
    for deduper in (strict, loose):
        deduper.check(_article("a", STORY))
    assert strict.check(_article("b", half)) is None
    assert loose.check(_article("b", half)) == "a"


def test_seed_primes_cross_run_dedupe() -> None:
    deduper = Deduper()
    deduper.seed([("stored-1", STORY), ("stored-2", OTHER), ("stored-3", STORY)])
    assert len(deduper) == 2
    assert deduper.check(_article("new", STORY.replace("Monday", "Tuesday"))) == "stored-1"
    assert deduper.check(_article("new2", OTHER)) == "stored-2"


def test_the_earliest_of_several_matches_is_returned() -> None:
    deduper = Deduper()
    deduper.seed([("first", STORY)])
    # Not merged with "first" at 0.95, so it is remembered too.
    strict = Deduper(threshold=0.95)
    strict.seed([("first", STORY), ("second", STORY.replace("frank", "open"))])
    assert len(strict) == 2
    assert strict.check(_article("third", STORY)) == "first"


def test_texts_without_words_are_never_duplicates() -> None:
    deduper = Deduper()
    assert deduper.check(_article("a", "... !!!")) is None
    assert deduper.check(_article("b", "... !!!")) is None


def test_short_texts_are_one_shingle() -> None:
    hashes = shingle_hashes(np.array([1, 2, 3], dtype=np.uint64), 5)
    assert hashes.shape == (1,)
    assert shingle_hashes(np.array([1, 2, 3, 4, 5, 6], dtype=np.uint64), 5).shape == (2,)


def test_shingle_hashes_depend_on_word_order() -> None:
    forward = shingle_hashes(np.array([1, 2, 3], dtype=np.uint64), 3)
    backward = shingle_hashes(np.array([3, 2, 1], dtype=np.uint64), 3)
    assert forward[0] != backward[0]


def test_bad_settings_are_refused() -> None:
    with pytest.raises(ValueError):
        Deduper(threshold=0)
    with pytest.raises(ValueError):
        Deduper(shingle_words=0)


def test_bbc_corpus_has_few_duplicates() -> None:
    corpus = SHARED / "corpus" / "bbc_zitros.jsonl"
    if not corpus.exists():
        pytest.skip("shared corpus not present")
    deduper = Deduper()
    lines = corpus.read_text(encoding="utf-8").splitlines()[:600]
    found = [deduper.check_text(r["id"], r["text"]) for r in map(json.loads, lines)]
    repeats = sum(1 for earlier in found if earlier is not None)
    # The BBC set is known to repeat a few stories under new headlines; most are distinct.
    assert 0 < repeats < 30


def test_the_deduper_remembers_a_bounded_window_of_recent_articles() -> None:
    # Memory must not grow with the store: past `window` articles the oldest is forgotten.
    stories = [" ".join(f"w{n}x{i}" for i in range(80)) + " on Monday." for n in range(5)]
    deduper = Deduper(window=3)
    for n, text in enumerate(stories):
        assert deduper.check(_article(f"s{n}", text)) is None
    assert len(deduper) == 3
    assert deduper.check(_article("old", stories[0] + " ")) is None  # s0 was forgotten
    assert deduper.check(_article("new", stories[4].upper())) == "s4"  # exact, recent
    assert deduper.check(_article("near", stories[3].replace("Monday", "Tuesday"))) == "s3"
