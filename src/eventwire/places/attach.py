"""Where an event happened: the place attached to its trigger word.

Order of preference:
1. a place inside a locative phrase ("in", "near", "at", "outside", "into", ...) that hangs off the
   trigger, off its object or clause ("launched an offensive in the southeast of Intlib"), or off
   the verb a nominal trigger is the object of;
2. a sub-national place compounded with a nominal trigger ("the Idlib offensive"), or the
   destination of a journey noun ("his China trip");
3. else the nearest sub-national place of a locative phrase in the trigger's own clause, then
   the nearest town that qualifies a noun of the sentence ("a Basra official said");
4. else None.
Places inside the event's actors are never its place ("Washington said", "Belgrade union
leaders", "Tripoli's air base"), nor are demonyms ("the Turkish mission"). A country is returned
only when attached by 1 or 2, and then as the country Place itself (feature "country"): the
caller stores it as country-level, never as a point. `event_place` adds what the article says
around the sentence: the dateline city for what was said or discussed there, the target's
country for an attack on it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.places.resolve import DATELINE_END
from eventwire.records import Actor, Event, Place

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
        "through",
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
# Nouns whose compounded country is where the journey goes ("his China trip").
JOURNEY_NOUNS = frozenset({"trip", "visit", "tour", "journey", "mission", "stopover", "voyage"})
# Words of a journey: "to X" is where it goes, and a verb's object is the place ("left Tokyo").
JOURNEY_WORDS = JOURNEY_NOUNS | frozenset(
    {"travel", "fly", "go", "come", "visit", "leave", "arrive", "return", "head", "tour"}
)
# Words that bring the clause of a time phrase under the trigger ("before leaving Tokyo").
TIME_PREPS = frozenset({"before", "after", "while", "during", "upon", "on"})
SPEECH_VERBS = frozenset({"say", "tell", "report", "announce", "confirm", "add", "state"})
# Events that happen where they are said or held: the dateline city may be their place.
SPOKEN_TYPES = frozenset(
    {"AGREE", "CONSULT", "SUPPORT", "REQUEST", "ACCUSE", "REJECT", "THREATEN", "DEMAND"}
)
# Physical acts on a target: where the text says nothing, they happen in the target's country.
ACTS_ON_TARGET = frozenset({"ASSAULT", "COERCE"})


def place_for_trigger(
    doc: Doc,
    trigger_index: int,
    places: Sequence[Place],
    actor_spans: Sequence[tuple[int, int]] = (),
) -> Place | None:
    """The event location of the trigger at token `trigger_index`, or None when the text gives none.

    `places` are the document's Places (offsets into doc.text), as `find_places` returns them;
    `actor_spans` the character spans of the event's actors, whose places are not its place.
    """
    if not places or not 0 <= trigger_index < len(doc):
        return None
    trigger = doc[trigger_index]
    # the dateline is where the report was filed, not a word of the sentence ("MOSCOW – Russian
    # troops attacked Ukraine"): event_place decides what it may place
    dateline = dateline_place(_lead(doc), places)
    places = [p for p in places if p is not dateline]
    # a locative phrase names the place even when it also names the target ("arrived in Moscow")
    attached = _attached_place(trigger, _places_by_token(doc, places))
    if attached is not None:
        return attached
    return _nearest_subnational(trigger, _places_by_token(doc, places, actor_spans))


def event_place(
    doc: Doc,
    trigger_index: int,
    places: Sequence[Place],
    event: Event,
    country_place: Callable[[str, Actor], Place | None],
) -> Place | None:
    """The place of an event: its trigger's place, else the dateline city for what its source's
    side said or held there, else (for a physical act) a town or division in its object ("shelled
    the outskirts of Kharkiv"), else (for an attack or coercion) the target state's country.

    `country_place(alpha3, actor)` gives the country-level Place of a country, placed on the
    actor's words."""
    # a target that is itself a place ("imposed a curfew on Basra") is where it happened
    aimed = event.target if event.target is not None and event.target.kind == "place" else None
    if aimed is not None:
        same = [p for p in places if (p.start, p.end) == (aimed.start, aimed.end)]
        if same:
            return same[0]
    actors = [a for a in (event.source, event.target) if a is not None and a is not aimed]
    found = place_for_trigger(doc, trigger_index, places, [(a.start, a.end) for a in actors])
    if found is not None:
        return found
    dateline = dateline_place(_lead(doc), places)
    if (
        dateline is not None
        and event.plover.type in SPOKEN_TYPES
        and event.source.country == dateline.country  # not the beneficiary's capital
    ):
        return dateline
    if event.plover.type not in SPOKEN_TYPES:
        # "shelled the outskirts of Kharkiv": the object of a physical act is where it happened
        trigger = doc[trigger_index]
        spans = [(a.start, a.end) for a in actors]  # "cut ties with Tehran": Tehran is the target
        by_token = _places_by_token(doc, [p for p in places if p is not dateline], spans)
        for child in trigger.children:
            if child.dep_ in {"dobj", "obj"}:
                found = _best_in_subtree(child, by_token)
                if found is not None and found.feature != "country":
                    return found
    target = event.target
    if (
        event.plover.type in ACTS_ON_TARGET
        and target is not None
        and target.kind == "state"  # "attacked Ukraine", not "attacked Libyan forces"
        and target.country
    ):
        return country_place(target.country, target)
    return None


def _lead(doc: Doc) -> str:
    """The opening of the text, where a dateline stands (Doc.text joins every token on each
    call: once per event that made coding quadratic in the article's length)."""
    return doc[: min(len(doc), 80)].text


def dateline_place(text: str, places: Sequence[Place]) -> Place | None:
    """The city of a dateline opening the text: "MOSCOW –", "BEIRUT, Lebanon (Reuters) -"."""
    for place in places:
        if place.start > 40:
            return None
        before = text[: place.start].strip()
        if before or not place.text.isupper() or place.feature != "city":
            continue
        if DATELINE_END.match(text, place.end):
            return place
    return None


def _places_by_token(
    doc: Doc, places: Sequence[Place], actor_spans: Sequence[tuple[int, int]] = ()
) -> dict[int, Place]:
    """Token index -> Place covering that token, leaving out actors' words and demonyms."""
    index: dict[int, Place] = {}
    for place in places:
        if any(place.start < end and start < place.end for start, end in actor_spans):
            continue
        span = doc.char_span(place.start, place.end, alignment_mode="expand")
        if span is None or place.feature == "country" and _is_demonym(span):
            continue
        for token in span:
            index.setdefault(token.i, place)
    return index


def _is_demonym(span: Span) -> bool:
    """ "Turkish", "Syrians": names of a people, not of a place (demonyms are found as their
    country; a town NER calls a people, "Aleppo", stays a town)."""
    root = span.root
    return root.pos_ == "ADJ" or root.ent_type_ == "NORP" or root.tag_ in {"JJ", "NNPS"}


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
    # "repeated the threat before leaving Tokyo": the verb of a time phrase of the trigger
    for prep in trigger.children:
        if prep.dep_ == "prep" and prep.lower_ in TIME_PREPS:
            heads.extend(c for c in prep.children if c.dep_ == "pcomp" and c not in heads)
    return heads


def _attached_place(trigger: Token, by_token: dict[int, Place]) -> Place | None:
    for head in _heads_to_search(trigger):
        journey = head.lemma_.lower() in JOURNEY_WORDS
        for child in head.children:
            if child.dep_ == "prep" and (_is_locative(child) or journey and child.lower_ == "to"):
                found = _best_in_subtree(child, by_token)
                if found is not None:
                    return found
            if journey and child.dep_ in {"dobj", "obj"} and child.i in by_token:
                return by_token[child.i]  # "visited Kabul", "before leaving Tokyo"
    for child in trigger.children:
        if child.dep_ in COMPOUND_DEPS and child.i in by_token:
            place = by_token[child.i]
            # "U.S. sanctions" are by the US; "his China trip" goes to China
            if place.feature != "country" or trigger.lemma_.lower() in JOURNEY_NOUNS:
                return place
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
        if place is None or _possessor(token):
            continue  # "Tripoli's air base in northern Chad" is in Chad
        depth = _depth_below(token, prep)
        found.append((0 if place.feature != "country" else 1, depth, place))
    if not found:
        return None
    found.sort(key=lambda item: (item[0], item[1], item[2].start))
    return found[0][2]


def _possessor(token: Token) -> bool:
    while token.dep_ in {"compound", "flat"} and token.head.i != token.i:
        token = token.head
    return token.dep_ == "poss"


def _depth_below(token: Token, ancestor: Token) -> int:
    depth = 0
    while token.i != ancestor.i and token.head.i != token.i:
        token = token.head
        depth += 1
    return depth


def _nearest_subnational(trigger: Token, by_token: dict[int, Place]) -> Place | None:
    """A town or division of a locative phrase in the trigger's own clause: "Protests spread and
    three died in Sfax" ties Sfax to the protests; "the Ambassador to Athens", "Tripoli's air
    base" or a place in another clause do not."""
    doc = trigger.doc
    sent = trigger.sent
    clause = _clause_of(trigger)
    local = [
        (i, p)
        for i, p in by_token.items()
        if p.feature in {"city", "admin1", "admin2", "region"} and sent.start <= i < sent.end
    ]
    # first a locative phrase of the trigger's clause, then a town naming a reporter's or a
    # witness's home ("a Basra official said"): the actors' own words are already left out
    for tier in (
        [item for item in local if _locative_in_clause(doc[item[0]], clause)],
        [item for item in local if _reporter_home(doc[item[0]], trigger)],
    ):
        if tier:
            return min(tier, key=lambda item: abs(item[0] - trigger.i))[1]
    return None


def _reporter_home(token: Token, trigger: Token) -> bool:
    """ "Two bombs exploded, a Basra official said": a town qualifying whoever reports the
    trigger's clause."""
    while token.dep_ in {"compound", "flat"} and token.head.dep_ in {"compound", "flat"}:
        token = token.head
    if token.dep_ not in COMPOUND_DEPS:
        return False
    noun = token.head
    verb = noun.head
    if noun.dep_ not in {"nsubj", "nsubjpass"} or verb.lemma_.lower() not in SPEECH_VERBS:
        return False
    clause = _clause_of(trigger)
    return clause.head.i == verb.i or verb in clause.children


def _clause_of(token: Token) -> Token:
    """The verb heading the clause of a token (the token itself when it is one)."""
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i:
        token = token.head
    return token


def _locative_in_clause(token: Token, clause: Token) -> bool:
    """The place's first preposition above it is locative and belongs to the given clause."""
    while token.head.i != token.i:
        if token.dep_ == "poss":
            return False
        token = token.head
        if token.dep_ == "prep":
            if token.lower_ == "of":
                continue
            return _is_locative(token) and _clause_of(token.head) == clause
    return False
