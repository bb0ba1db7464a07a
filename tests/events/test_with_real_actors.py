"""Patterns whose meaning depends on what the actor stage knows (forces, agents): run through the
whole pipeline with the real dictionaries, each in its own wording."""

from __future__ import annotations

from datetime import date

from eventwire.records import Article, Event


def coded(coder, text: str) -> list[Event]:
    article = Article(
        id="t", source=None, url=None, published=date(2024, 5, 1), title="", text=text
    )
    return coder.code_article(article)


def test_forces_sent_for_peacekeeping_are_peacekeepers_provided(coder) -> None:
    events = coded(coder, "Kenya deployed soldiers to Somalia on a peacekeeping mission.")
    assert {(e.cameo, e.target.code if e.target else None) for e in events} == {("074", "SOM")}
    posture = coded(coder, "Kenya deployed soldiers along the Somali border.")
    assert {e.cameo for e in posture} == {"154"}


def test_forces_sent_are_not_the_target_their_destination_is(coder) -> None:
    events = coded(coder, "Russia sent troops into Ukraine.")
    assert [(e.cameo_root, e.target.code if e.target else None) for e in events] == [
        ("15", "UKR")
    ]
