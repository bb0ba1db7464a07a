"""Reporters and channels are no actors: the press that someone speaks to ("told reporters",
"speaking to journalists", "in an interview with the BBC", "was asked by journalists"), the
agency that carries a report ("IRNA quoted him", "Kyodo reported") and the one credited for a
picture ("REUTERS/Ali Jasim/File Photo") pass on what others do. The actor is who acts in the
reported clause.

A medium that acts itself stays an actor: "the BBC apologised", "Pravda accused Washington".
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.records import Actor

# verbs whose object, or whose "to"/"with" phrase, is the audience of what is said
SPEECH_VERBS = frozenset({"tell", "speak", "talk", "say", "brief", "explain", "confirm", "reveal"})
# nouns whose "with"/"to" phrase is the channel: "in an interview with CNN"
SPEECH_NOUNS = frozenset({"interview", "briefing", "remark", "remarks", "comment", "comments"})
# verbs whose subject only passes on a report: "IRNA quoted", "Kyodo reported"
REPORT_VERBS = frozenset({"quote", "report", "cite", "carry", "broadcast"})
# verbs whose passive agent is the press asking: "was asked by journalists"
ASKING_VERBS = frozenset({"ask", "question"})


def drop_channels(doc: Doc, actors: Sequence[Actor]) -> list[Actor]:
    """The actors without the media that are only the channel of what is said (see module)."""
    if not any(a.agent == "MED" for a in actors):
        return list(actors)
    text = doc.text  # Doc.text joins every token on each call: take it once
    return [a for a in actors if not (a.agent == "MED" and _is_channel(doc, text, a))]


def _is_channel(doc: Doc, text: str, actor: Actor) -> bool:
    if text[actor.end : actor.end + 1] == "/":
        return True  # "REUTERS/Ali Jasim/File Photo": a picture credit
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return False
    head = span.root
    verb = head.head
    if head.dep_ == "dobj":
        return verb.lemma_ in {"tell", "brief"}
    if head.dep_ == "nsubj":
        return verb.lemma_ in REPORT_VERBS
    if head.dep_ != "pobj":
        return False
    return _audience(verb, verb.head)


def _audience(prep: Token, governor: Token) -> bool:
    """ "to|with <press>" after a verb or noun of speech, or "by <press>" after "asked"."""
    word = prep.lower_
    if word in {"to", "with"}:
        return governor.lemma_ in SPEECH_VERBS or governor.lower_ in SPEECH_NOUNS
    return word == "by" and governor.lemma_ in ASKING_VERBS
