"""A news source's home division (places/home.py) and how it sorts namesake towns."""

from __future__ import annotations

from collections import Counter

import pytest
from spacy.language import Language

from eventwire.places import Gazetteer, SourceHomes, find_places, find_places_of_source
from eventwire.places.home import (
    MAX_SOURCES,
    division_votes,
    leading_division,
    name_divisions,
    source_key,
)
from eventwire.places.match import find_mentions

# A local paper's story that names its town and nothing that tells which state it is in.
LOCAL_STORY = "Dublin residents may apply for a seat on the parks board until Friday."
# Earlier stories of the same paper: towns that lie only in Ohio.
OHIO_STORIES = (
    "Traffic on the bridge between Hilliard and Worthington was slowed by the repairs.",
    "The fair moved from Marysville to Delaware, and Ohio officials praised the plan.",
    "Students from Westerville and Grove City visited the statehouse in Columbus, Ohio.",
)


def test_source_key_prefers_the_host_of_the_url() -> None:
    assert source_key("The Daily Item", "https://www.itemonline.com/news/1") == "itemonline.com"
    assert source_key("  The Daily Item ", None) == "the daily item"
    assert source_key(None, None) is None


def test_a_name_found_in_one_division_casts_a_whole_vote(
    nlp: Language, gazetteer: Gazetteer
) -> None:
    names = name_divisions(
        find_mentions(nlp("Buses to Worthington resumed."), gazetteer), gazetteer
    )
    votes = division_votes(names, rounds=0)
    assert votes["US-OH"] > 0
    assert sum(votes.values()) == pytest.approx(1.0)  # split among the divisions it can lie in


def test_a_country_name_does_not_vote(nlp: Language, gazetteer: Gazetteer) -> None:
    names = name_divisions(find_mentions(nlp("Talks were held in Jordan."), gazetteer), gazetteer)
    assert not names


def test_shared_names_lean_towards_the_leading_division() -> None:
    names = Counter(
        {frozenset({"US-TX"}): 2, frozenset({"US-TX", "US-AL"}): 3, frozenset({"US-AL"}): 1}
    )
    even = division_votes(names, rounds=0)
    sharpened = division_votes(names, rounds=2)
    assert even["US-TX"] == pytest.approx(3.5) and even["US-AL"] == pytest.approx(2.5)
    assert sharpened["US-TX"] > even["US-TX"] and sharpened["US-AL"] < even["US-AL"]
    assert sum(sharpened.values()) == pytest.approx(6.0)  # still one vote per name


def test_leading_division_needs_a_clear_lead() -> None:
    assert leading_division(Counter({"US-OH": 6.0, "US-IN": 2.0, "US-KY": 1.0})) == "US-OH"
    assert leading_division(Counter({"US-OH": 6.0, "US-IN": 5.0})) is None  # a border paper
    assert leading_division(Counter({"US-OH": 1.5})) is None  # too few names
    spread = Counter({f"US-{n}": 1.0 for n in range(40)}) + Counter({"US-OH": 2.0})
    assert leading_division(spread) is None  # a wire service: places everywhere
    assert leading_division(Counter()) is None


def test_an_article_leaves_its_own_votes_out() -> None:
    homes = SourceHomes()
    article = Counter({frozenset({"US-TX"}): 4})
    homes.add("paper.com", article)
    homes.add("paper.com", Counter({frozenset({"US-TX"}): 1}))
    assert homes.home("paper.com") == "US-TX"
    assert homes.home("paper.com", without=article) is None
    assert homes.home("other.com") is None and homes.home(None) is None


def test_homes_keep_a_bounded_number_of_sources() -> None:
    homes = SourceHomes()
    for n in range(MAX_SOURCES + 5):
        homes.add(f"site{n}.com", Counter({frozenset({"US-OH"}): 1}))
    assert len(homes.names) == MAX_SOURCES and "site0.com" not in homes.names


def test_a_local_papers_town_is_read_in_its_home(nlp: Language, gazetteer: Gazetteer) -> None:
    alone = {p.text: p for p in find_places(nlp(LOCAL_STORY), gazetteer)}
    assert alone["Dublin"].country == "IRL"  # without its paper, the capital of Ireland
    homes = SourceHomes()
    for story in OHIO_STORIES:
        find_places_of_source(nlp(story), gazetteer, homes, "localnews.com")
    assert homes.home("localnews.com") == "US-OH"
    placed = find_places_of_source(nlp(LOCAL_STORY), gazetteer, homes, "localnews.com")
    dublin = next(p for p in placed if p.text == "Dublin")
    assert dublin.country == "USA" and dublin.lat is not None and 39 < dublin.lat < 41
    # another site has learnt nothing
    other = find_places_of_source(nlp(LOCAL_STORY), gazetteer, homes, "elsewhere.com")
    assert next(p for p in other if p.text == "Dublin").country == "IRL"
