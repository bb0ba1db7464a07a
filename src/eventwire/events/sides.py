"""Who did it to whom: the source and target actors of a trigger.

Subjects and objects first; then the readings news grammar asks for: the issuer of a statement
("released a statement condemning X"), the state where an agentless arrest happened, the
destination of forces sent, the giver of what was received, a noun's own actors ("Israeli
strikes", "an attack by X").
"""

from __future__ import annotations

from spacy.tokens import Token

from eventwire.events import arguments as args
from eventwire.events.lexicon import Lexicon
from eventwire.events.triggers import VERBAL, Hit
from eventwire.records import Actor


def event_sides(
    hit: Hit, code: str, index: args.ActorLookup, lexicon: Lexicon
) -> tuple[list[Actor], list[Actor], float]:
    """Sources, targets and how sure the source is."""
    sources, certainty = _sources(hit, index, lexicon)
    if not sources and code[:2] in lexicon.state_act_roots:
        sources, certainty = _state_of_place(hit.clause, index), 0.7
    if not sources:
        return [], [], 0.0
    targets = [t for t in _targets(hit, index, lexicon.hedge_modifiers) if t not in sources]
    if code[:2] in lexicon.sent_forces_roots or code in lexicon.sent_forces_codes:
        targets = _destinations(hit, targets, index, lexicon)
    if _received(hit, code, lexicon):
        givers = [g for g in _givers(hit, index) if g not in sources]
        if not givers:
            return [], [], 0.0  # "Kenya received aid": who gave it is not said
        sources, targets = givers, sources
    return sources, targets, certainty


def _sources(hit: Hit, index: args.ActorLookup, lexicon: Lexicon) -> tuple[list[Actor], float]:
    clause = hit.clause
    issuer = _issuer(clause, lexicon)
    if issuer is not None:
        clause = issuer  # "X released a statement condemning Y": X condemns
    if clause.pos_ in VERBAL:
        heads, certainty = args.subject_heads(clause)
        found = args.actors_of(heads, index)
        if not found and heads and all(args.is_pronoun(h) for h in heads):
            sayer = args.sayer_of(clause, lexicon.speech_verbs)
            if sayer is not None:
                found, certainty = args.actors_of([sayer], index), certainty * 0.85
        if found:
            return found, certainty
    if hit.noun is not None:
        found = _noun_own_sources(hit.noun, index)
        if found:
            return found, 0.85
    for tok in (hit.noun, clause):
        if tok is not None:
            pair = args.actors_of(args.between_pair(tok), index)
            if pair:
                return pair, 0.9
    return [], 0.0


def _state_of_place(clause: Token, index: args.ActorLookup) -> list[Actor]:
    """ "was arrested in Rwanda": with no agent named, the state where it happened acts (arrests
    and detentions are acts of the state's authorities)."""
    if clause.pos_ not in VERBAL or not any(c.dep_ == "auxpass" for c in clause.children):
        return []
    if any(c.dep_ == "agent" for c in clause.children):
        return []
    places = args.prep_objects(clause, frozenset({"in"}))
    for place in list(places):
        places += args.prep_objects(place, frozenset({"in"}))  # "a prison in Rangoon, Myanmar"
    found = args.actors_of(places, index)
    return [a for a in found if a.kind == "state" and a.country is not None][:1]


def _issuer(clause: Token, lexicon: Lexicon) -> Token | None:
    """The verb that issues a document the trigger describes ("put out a report accusing"),
    when the trigger is a participle of that document noun."""
    doc_noun = clause.head
    if clause.dep_ != "acl" or doc_noun.lemma_.lower() not in lexicon.document_nouns:
        return None
    verb = doc_noun.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb if verb.pos_ in VERBAL and verb.i != doc_noun.i else None


def _destinations(
    hit: Hit, targets: list[Actor], index: args.ActorLookup, lexicon: Lexicon
) -> list[Actor]:
    """Forces sent or deployed are not the target; where they go is ("sent troops to Syria")."""
    kept = [t for t in targets if not (t.country is None and t.agent in lexicon.forces_agents)]
    if kept:
        return kept
    heads = [
        h
        for tok in (hit.clause, hit.noun)
        if tok is not None
        for h in args.prep_objects(tok, frozenset({"to", "into", "in"}))
    ]
    return args.actors_of(heads, index)


def _received(hit: Hit, code: str, lexicon: Lexicon) -> bool:
    """Is the event's noun the object of a verb of receiving ("received aid", "won backing")?"""
    verb = hit.clause
    if hit.noun is None or verb.pos_ not in VERBAL or hit.noun.i == verb.i:
        return False
    lemma = verb.lemma_.lower()
    if lemma == "have":
        return code[:2] in lexicon.receiving_have_roots
    return lemma in lexicon.receiving_verbs


def _givers(hit: Hit, index: args.ActorLookup) -> list[Actor]:
    """Who gave what was received: "from X" (on the verb or the noun), "the support of X",
    else the noun's own actor ("French support", "World Bank loans")."""
    assert hit.noun is not None
    heads = args.prep_objects(hit.clause, frozenset({"from"})) + args.prep_objects(
        hit.noun, frozenset({"from", "of"})
    )
    found = args.actors_of(heads, index)
    return found or _noun_own_sources(hit.noun, index)


def _noun_own_sources(noun: Token, index: args.ActorLookup) -> list[Actor]:
    """ "an attack by X", "X's offensive", "Israeli air strikes"."""
    by = [g for c in noun.children if c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    if by:
        return args.actors_of(by, index)
    mods = [c for c in noun.children if c.dep_ in ("poss", "amod", "compound")]
    out = []
    for mod in mods:
        actor = index.actor_for_token(mod) or args.actor_of_np(mod, index)
        if actor is not None and actor.start <= noun.idx < actor.end:
            continue  # the phrase of the trigger itself ("humanitarian aid") is not its source
        if actor is not None and actor not in out:
            out.append(actor)
    return out


def _targets(hit: Hit, index: args.ActorLookup, hedges: frozenset[str]) -> list[Actor]:
    if hit.target_heads:
        return args.actors_of(hit.target_heads, index, hedges)
    preps = hit.sense.to
    noun_i = hit.noun.i if hit.noun is not None else -1
    for tok in hit.target_from:
        if tok.pos_ in VERBAL and tok.i != noun_i and not hit.sense.topic:
            heads = [h for h in args.object_heads(tok) if h.i != noun_i]
            found = args.actors_of(heads, index, hedges)
            if found:
                return found
        heads = [h for h in args.prep_objects(tok, preps) if h.i != noun_i]
        found = args.actors_of(heads, index, hedges)
        if found:
            return found
    if hit.noun is not None:
        return args.actors_of(args.between_pair(hit.noun), index)
    return []
