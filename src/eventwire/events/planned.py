"""When an act is told against the article's own date: one dated after it has not happened yet
("officials hold talks in Tokyo next week" is an intent to meet, 036, as "will hold talks" is);
one whose time ended a month before it is background ("the 1985 Plaza pact", "last year's
boycott", "refused to join the February meeting" in April): it keeps its own date, with less
confidence that it is news (hand checks of real news counted such retold acts as no news)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, timedelta

from spacy.tokens import Token

from eventwire.events.codebook import Codebook, code_fields
from eventwire.events.lexicon import Lexicon
from eventwire.records import Event
from eventwire.times.calendar import period_end, timex_start

# An act whose dated period ended this long before the article is background, not the news of
# the day ("last month" in an article of the 26th is not: the month ended days before); its
# confidence is multiplied by BACKGROUND_FACTOR (so the default --min-confidence leaves most out).
BACKGROUND_AGE = timedelta(days=30)
BACKGROUND_FACTOR = 0.6
PAST_AUXES = frozenset({"had", "has", "have", "was", "were"})


def as_dated(
    event: Event,
    published: date | None,
    lexicon: Lexicon,
    codebook: Codebook,
    told_in_past: Callable[[], bool],
    told_in_present: Callable[[], bool] = lambda: False,
) -> Event:
    """The event as its text date makes it: a plan when the date starts after the article and
    the clause is not told in the past (`told_in_past`, asked only then), or, for a visit or
    a meeting, on the article's day in the present simple ("travels to Italy this evening":
    news tells the day's deeds in the past, "faces criticism today" is a state, no plan);
    background when its time ended more than BACKGROUND_AGE before; else unchanged."""
    start = timex_start(event.date or "") if event.date_source == "text" else None
    if published is None or start is None:
        return event
    if start[0] > published and event.modality != "future" and not told_in_past():
        return _planned(event, lexicon, codebook)
    scheduled = event.cameo[:2] in lexicon.scheduled_roots and event.modality == "asserted"
    if start[0] == published and scheduled and told_in_present():
        return _planned(event, lexicon, codebook)  # "who travels to Italy this evening"
    if published - period_end(start[0], start[1]) > BACKGROUND_AGE:
        return dataclasses.replace(event, confidence=round(event.confidence * BACKGROUND_FACTOR, 3))
    return event


def _planned(event: Event, lexicon: Lexicon, codebook: Codebook) -> Event:
    """Modality "future", the code through the intent map (talks 046 -> 036)."""
    code = lexicon.recode("intent", event.cameo) or event.cameo
    if code == "drop" or code not in codebook:
        return dataclasses.replace(event, modality="future")
    return dataclasses.replace(event, **code_fields(codebook.get(code)), modality="future")


def told_in_present_simple(trigger: Token) -> bool:
    """Is the trigger's clause in the present simple with no auxiliary ("travels", "leaves")?"""
    tok = _clause_verb(trigger)
    if tok.tag_ not in ("VBZ", "VBP") or tok.lemma_.lower() == "be":
        return False
    return not any(c.dep_ in ("aux", "auxpass") for c in tok.children)


def _clause_verb(trigger: Token) -> Token:
    tok = trigger
    for _ in range(4):
        if tok.pos_ in ("VERB", "AUX") or tok.head.i == tok.i:
            break
        tok = tok.head
    return tok


def told_as_past(trigger: Token) -> bool:
    """Is the trigger's clause in a past tense ("held talks on June 13": a past June 13,
    whatever the calendar says)?"""
    tok = _clause_verb(trigger)
    if tok.tag_ == "VBD":
        return True
    return any(c.dep_ in ("aux", "auxpass") and c.lower_ in PAST_AUXES for c in tok.children)
