"""Is the event asserted, planned, reported — or not asserted at all (negated, hypothetical)?"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from eventwire.events.arguments import has_to
from eventwire.events.lexicon import Lexicon

NOUN_UP = frozenset({"pobj", "prep", "nsubj", "nsubjpass", "compound", "conj", "appos"})
SCENE_PREPS = frozenset({"in", "at", "during"})
CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "conj", "relcl", "acl", "pcomp", "parataxis"})


@dataclass(frozen=True, slots=True)
class Modality:
    """`status` is asserted | future | reported; `recode` names a modal map to apply, if any."""

    status: str
    recode: str | None = None


WITHHELD = "withheld"  # a negated past act: a refusal if it was a concession, else nothing


def clause_modality(verb: Token, lexicon: Lexicon, reported: bool) -> Modality | None:
    """Modality of the clause headed by `verb`; None when the event is not asserted."""
    if _conditional(verb, lexicon):
        return None
    auxes = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    auxes |= _governing_auxes(verb) | _shared_auxes(verb)
    negated = any(  # "did not attack", "have never before attacked"
        c.dep_ == "neg" or (c.dep_ == "advmod" and any(g.dep_ == "neg" for g in c.children))
        for c in verb.children
    )
    future = bool(auxes & lexicon.future_auxes) or _going_to(verb) or _is_to(verb)
    future = future or _when_then(verb, lexicon) or _planned_by_noun(verb, lexicon)
    hedged = bool(auxes & lexicon.hedge_auxes)
    if hedged and reported and auxes & {"would", "'d"}:
        future, hedged = True, False  # "said it would free them": a reported promise
    if hedged:
        return None
    if negated:
        # "will not lift the ban" declines to act (12x); "did not attack" asserts nothing,
        # unless what was not done is a concession ("did not allow the rally": "withheld").
        return Modality("asserted", "refuse" if future else WITHHELD)
    if future:
        return Modality("future", "intent")
    return Modality("reported" if reported else "asserted")


def noun_modality(noun: Token, lexicon: Lexicon) -> Modality | None:
    """Modality carried by a noun trigger itself: "the planned talks", "talks to be held"."""
    mods = {c.lower_ for c in noun.children if c.dep_ in ("amod", "compound", "nmod")}
    if mods & lexicon.hedge_modifiers:
        return None
    if mods & lexicon.standing_modifiers or _aged(noun):
        return None  # "the 15-year-old ban", "the existing embargo": a standing state, no news
    if any(c.dep_ == "neg" or c.lower_ == "no" for c in noun.children):
        return None
    if mods & lexicon.future_modifiers:
        return Modality("future", "intent")
    for child in noun.children:
        if child.dep_ in ("acl", "relcl") and _planned(child, lexicon) and _takes_place(child):
            return Modality("future", "intent")
    tok = noun  # "preparations for talks", "talks ... to be held" (held heading the phrase)
    while tok.dep_ in NOUN_UP and tok.head.i != tok.i:
        if tok.dep_ == "prep" and tok.lower_ in SCENE_PREPS:
            break  # "failed to outline it in his meeting with Baker": the meeting is the scene
        tok = tok.head
        if tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() in lexicon.future_heads:
            return Modality("future", "intent")
        if tok.pos_ in ("VERB", "AUX"):
            if _planned(tok, lexicon):
                return Modality("future", "intent")
            break
    return Modality("asserted")


def _planned_by_noun(verb: Token, lexicon: Lexicon) -> bool:
    """An infinitive a plan noun tells ("plans for Venezuela to lend Ecuador crude", "a proposal
    to send troops"): the act is planned, not done."""
    head = verb.head
    if verb.dep_ not in ("acl", "relcl", "advcl") or head.pos_ not in ("NOUN", "PROPN"):
        return False
    return head.lemma_.lower() in lexicon.future_heads and has_to(verb)


def _aged(noun: Token) -> bool:
    """ "the 15-year-old ban", "a decades-old dispute": an age given to the act."""
    ages = ("year", "years", "decade", "decades")
    return any(
        mod.dep_ == "amod" and mod.lower_ == "old" and any(c.lower_ in ages for c in mod.subtree)
        for mod in noun.children
    )


def _takes_place(verb: Token) -> bool:
    """Does a clause on an event noun tell when it happens ("talks to be held", "a summit which
    will take place"), not what it is for ("an agreement to end Portuguese rule")?"""
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    return passive or not has_to(verb) or verb.lemma_.lower() in HAPPENING_VERBS


# Verbs that tell an event noun's happening: "talks to take place", "a meeting to open".
HAPPENING_VERBS = frozenset({"take", "begin", "start", "open", "convene", "resume", "occur"})


def _planned(verb: Token, lexicon: Lexicon) -> bool:
    """An infinitive or future clause: "to be held", "which will take place"."""
    return any(
        a.dep_ in ("aux", "auxpass") and (a.lower_ == "to" or a.lower_ in lexicon.future_auxes)
        for a in verb.children
    )


def _conditional(verb: Token, lexicon: Lexicon) -> bool:
    tok = verb
    for _ in range(8):
        if any(c.dep_ == "mark" and c.lower_ in lexicon.conditional_marks for c in tok.children):
            return True
        if _in_case(tok):
            return True
        if tok.dep_ not in CLAUSAL or tok.head.i == tok.i:
            return False
        tok = tok.head
    return False


def _in_case(verb: Token) -> bool:
    """A clause on "case" or "event" in "in case", "in the event (that)": a condition ("in the
    case the army attacked", "in the event of a war")."""
    noun = verb.head
    if verb.dep_ not in ("acl", "relcl", "ccomp") or noun.lower_ not in ("case", "event"):
        return False
    return noun.head.lower_ == "in"


def _governing_auxes(verb: Token) -> set[str]:
    """Hedges on the clause that governs an infinitive: "may be able to lift", "could try to
    reach" ("may" hangs on "be"/"try", not on the act)."""
    out: set[str] = set()
    tok = verb
    able = False
    for _ in range(3):
        if tok.dep_ not in ("xcomp", "acomp") or tok.head.i == tok.i:
            break
        able = able or (tok.dep_ == "acomp" and tok.lower_ in ABILITY)
        tok = tok.head
        out |= {c.lower_ for c in tok.children if c.dep_ == "aux" and c.lower_ != "to"}
    # "should be able to order detention": what someone ought to be allowed, no act
    return out & (HEDGES_ABOVE | NORMATIVE if able else HEDGES_ABOVE)


def _shared_auxes(verb: Token) -> set[str]:
    """The auxiliaries of the first verb of a list, which a later one without its own subject or
    auxiliary shares: "will make a visit and hold talks" (the talks are planned too)."""
    if verb.dep_ != "conj" or verb.head.pos_ not in ("VERB", "AUX"):
        return set()
    if any(c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass") for c in verb.children):
        return set()
    first = verb.head
    while first.dep_ == "conj" and first.head.pos_ in ("VERB", "AUX"):
        first = first.head
    return {c.lower_ for c in first.children if c.dep_ == "aux" and c.lower_ != "to"}


# Only speculation travels down: "will try to meet" is still a plan, "may try to meet" is not.
HEDGES_ABOVE = frozenset({"may", "might", "could", "can"})
NORMATIVE = frozenset({"should", "must", "would", "ought"})
ABILITY = frozenset({"able", "allowed", "free", "entitled", "empowered"})  # not "happy to meet"


def _is_to(verb: Token) -> bool:
    """ "Straw is to visit Thailand": "be to" + infinitive announces a plan."""
    head = verb.head
    return has_to(verb) and verb.dep_ == "xcomp" and head.lemma_ == "be" and head.i < verb.i


def _when_then(verb: Token, lexicon: Lexicon) -> bool:
    """ "(he would raise it) when he visits Washington": a present-tense "when" clause under a
    future clause tells a future act."""
    if verb.tag_ not in ("VBZ", "VBP") or verb.dep_ != "advcl":
        return False
    if not any(c.dep_ == "advmod" and c.lower_ == "when" for c in verb.children):
        return False
    head_auxes = {c.lower_ for c in verb.head.children if c.dep_ == "aux"}
    return bool(head_auxes & (lexicon.future_auxes | {"would"}))


def _going_to(verb: Token) -> bool:
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ == "go" and head.tag_ == "VBG"
