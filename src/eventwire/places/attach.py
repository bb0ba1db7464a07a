"""Where an event happened: the place attached to its trigger word.

Order of preference:
1. a place inside a locative phrase ("in", "near", "at", "outside", "into", ...) that hangs off the
   trigger, off its object or clause ("launched an offensive in the southeast of Intlib"), or off
   the verb a nominal trigger is the object of;
2. a place compounded with a nominal trigger ("the Idlib offensive");
3. else the nearest sub-national place in the same sentence;
4. else None.
A country is returned only when it is attached by 1 or 2, and then as the country Place itself
(feature "country"): the caller stores it as country-level, never as a point.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc, Token

from eventwire.records import Place

# Prepositions that introduce where something happened (not topic: "talks on Idlib").
LOCATIVE_PREPS = frozenset(
    {
        "in",
        "near",
        "at",
        "outside",
        "into",
        "inside",
        "across",
        "around",
        "throughout",
        "within",
        "along",
        "off",
        "towards",
        "toward",
        "on",
    }
)
# "on" is locative only before these words ("on the border", "on the outskirts of").
ON_LOCATIVE_HEADS = frozenset({"border", "outskirts", "edge", "coast", "shore", "island", "road"})
# Children that extend the trigger's phrase: objects, clauses and modifiers.
EXTENDING_DEPS = frozenset({"dobj", "obj", "attr", "acl", "relcl", "xcomp", "advcl", "ccomp"})
# Verbs that only carry a nominal trigger ("launched an offensive", "held talks").
LIGHT_VERBS = frozenset(
    {
        "launch",
        "hold",
        "carry",
        "conduct",
        "stage",
        "mount",
        "begin",
        "start",
        "make",
        "have",
        "take",
        "continue",
        "plan",
        "announce",
        "open",
    }
)
COMPOUND_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
# A place under these is what was talked about, not where ("talks on Idlib", "a deal with Libya").
TOPIC_PREPS = frozenset(
    {"on", "about", "over", "regarding", "concerning", "with", "for", "between"}
)


def place_for_trigger(doc: Doc, trigger_index: int, places: Sequence[Place]) -> Place | None:
    """The event location of the trigger at token `trigger_index`, or None when the text gives none.

    `places` are the document's Places (offsets into doc.text), as `find_places` returns them.
    """
    if not places or not 0 <= trigger_index < len(doc):
        return None
    trigger = doc[trigger_index]
    by_token = _places_by_token(doc, places)
    attached = _attached_place(trigger, by_token)
    if attached is not None:
        return attached
    return _nearest_subnational(trigger, places, by_token)


def _places_by_token(doc: Doc, places: Sequence[Place]) -> dict[int, Place]:
    """Token index -> Place covering that token."""
    index: dict[int, Place] = {}
    for place in places:
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            index.setdefault(token.i, place)
    return index


def _heads_to_search(trigger: Token) -> list[Token]:
    """The trigger, the words that extend it, and the light verb of a nominal trigger."""
    heads = [trigger]
    heads.extend(child for child in trigger.children if child.dep_ in EXTENDING_DEPS)
    if trigger.pos_ in {"NOUN", "PROPN"} and trigger.head.i != trigger.i:
        head = trigger.head
        if head.lemma_.lower() in LIGHT_VERBS or trigger.dep_ in {"dobj", "nsubjpass", "obj"}:
            heads.append(head)
    # Passive or infinitive clauses of a noun: "talks, to be held in Istanbul".
    for child in list(heads):
        heads.extend(c for c in child.children if c.dep_ in {"acl", "relcl"} and c not in heads)
    return heads


def _attached_place(trigger: Token, by_token: dict[int, Place]) -> Place | None:
    for head in _heads_to_search(trigger):
        for child in head.children:
            if child.dep_ == "prep" and _is_locative(child):
                found = _best_in_subtree(child, by_token)
                if found is not None:
                    return found
    for child in trigger.children:
        if child.dep_ in COMPOUND_DEPS and child.i in by_token:
            return by_token[child.i]
    return None


def _is_locative(prep: Token) -> bool:
    word = prep.lower_
    if word not in LOCATIVE_PREPS:
        return False
    if word == "on":
        objects = [c for c in prep.children if c.dep_ == "pobj"]
        return any(o.lemma_.lower() in ON_LOCATIVE_HEADS for o in objects)
    return True


def _best_in_subtree(prep: Token, by_token: dict[int, Place]) -> Place | None:
    """The most specific place under a locative phrase: sub-national first, nearest first."""
    found: list[tuple[int, int, Place]] = []
    for token in prep.subtree:
        place = by_token.get(token.i)
        if place is None:
            continue
        depth = _depth_below(token, prep)
        found.append((0 if place.feature != "country" else 1, depth, place))
    if not found:
        return None
    found.sort(key=lambda item: (item[0], item[1], item[2].start))
    return found[0][2]


def _depth_below(token: Token, ancestor: Token) -> int:
    depth = 0
    while token.i != ancestor.i and token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _nearest_subnational(
    trigger: Token, places: Sequence[Place], by_token: dict[int, Place]
) -> Place | None:
    sent = trigger.sent
    middle = trigger.idx
    topical = {id(p) for i, p in by_token.items() if _under_topic_prep(trigger.doc[i])}
    inside = [
        p
        for p in places
        if p.feature in {"city", "admin1", "admin2", "region"}
        and sent.start_char <= p.start
        and p.end <= sent.end_char
        and id(p) not in topical
    ]
    if not inside:
        return None
    return min(inside, key=lambda p: abs(p.start - middle))


def _under_topic_prep(token: Token) -> bool:
    """True when the first preposition above the token is a topic one ("on the issue of X")."""
    while token.head.i != token.i:
        token = token.head
        if token.dep_ == "prep":
            if token.lower_ in TOPIC_PREPS:
                return True
            if token.lower_ != "of":
                return False
    return False
