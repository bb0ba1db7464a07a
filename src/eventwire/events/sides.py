"""Who did it to whom: the source and target actors of a trigger.

Subjects and objects first; then the readings news grammar asks for: the issuer of a statement
("released a statement condemning X"), the state where an agentless arrest happened, the
destination of forces sent, the giver of what was received, a noun's own actors ("Israeli
strikes", "an attack by X").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from eventwire.events import arguments as args
from eventwire.events.lexicon import Lexicon
from eventwire.events.triggers import VERBAL, Hit
from eventwire.records import UNKNOWN_CODE, Actor

# Governors that tell someone to act: whoever they address is the target.
ADDRESSING = frozenset({"appeal", "demand", "command"})
# Sectors that report events rather than act in them when they are the ones saying so.
CHANNEL_AGENTS = frozenset({"MED"})
# Verbs that answer a request, offer or proposal: its maker is the target.
ANSWERING = frozenset({"accept", "welcome", "reject", "refuse", "decline", "dismiss", "deny"})
# Roots of acts of speech whose "of" phrase is the speaker ("the appeal of X", "X's demand").
SPEECH_ACT_ROOTS = frozenset({"02", "03", "05", "10", "11", "12", "13"})
MEETING_ROOTS = frozenset({"04"})
# appeals and demands: whoever is asked is the target
ASKING_ROOTS = frozenset({"02", "10"})
# refusals and threats held until someone acts: that someone is the target
CONDITIONED_ROOTS = frozenset({"12", "13"})
CONDITIONS = frozenset({"until", "unless", "if"})
LOCATIVE = frozenset({"in", "inside", "across", "throughout", "into"})
SENT_TO = frozenset({"to", "into", "in"})
WITHDRAWN_FROM = frozenset({"from", "out"})
OF = frozenset({"of"})
# What names the maker of a request, offer or proposal answered: "a request from X", "the
# appeal of X".
MAKER_PREPS = frozenset({"of", "from"})
AID_ROOT = "07"


@dataclass(frozen=True, slots=True)
class Sides:
    """Who did it, to whom, how sure the source is, and which rule found the target (given
    as evidence: "object", "'with' phrase", "inside the object", ...)."""

    sources: list[Actor]
    targets: list[Actor]
    certainty: float
    target_rule: str = ""


NO_SIDES = Sides([], [], 0.0)


def event_sides(hit: Hit, code: str, index: args.ActorLookup, lexicon: Lexicon) -> Sides:
    """Sources, targets, how sure the source is and how the target was found."""
    sources, certainty = _sources(hit, index, lexicon)
    if not sources and code[:2] in lexicon.state_act_roots:
        sources, certainty = _state_of_place(hit.clause, index), 0.7
    if not sources:
        return NO_SIDES
    preps = hit.sense.to | lexicon.target_preps.get(code[:2], frozenset())
    if hit.noun is not None and hit.sense.code[:2] in lexicon.noun_of_target_roots:
        preps |= OF  # "ordered the arrest of X"
    moved = _forces_moved(code, hit.sense.code, lexicon)
    aimed = getattr(index, "target_lookup", None)
    if aimed is not None and (_aimed_at_places(code, lexicon) or moved is not None):
        index = aimed()  # "imposed a curfew on Basra": the place's state is the target
    found, how = _targets(hit, code, index, lexicon, preps, tuple(sources))
    if not found and code[:2] == AID_ROOT:
        found, how = _aid_purpose_targets(hit, index, lexicon, tuple(sources))
    if not found and hit.governed is not None:
        found, how = _governed_targets(hit.governed, index, preps, tuple(sources))
    targets = [t for t in found if not any(t.start < s.end and s.start < t.end for s in sources)]
    targets = [t for t in targets if not own_side(t, sources)]
    targets = [t for t in targets if not _own_people(t, hit.clause.doc)]
    if moved is not None:
        kept = targets
        targets = _destinations(hit, targets, index, lexicon, moved, tuple(sources))
        if targets != kept:
            how = "where the forces go" if moved is SENT_TO else "where the forces leave"
    if _received(hit, code, lexicon):
        givers = [g for g in _givers(hit, index) if g not in sources]
        if not givers:
            return NO_SIDES  # "Kenya received aid": who gave it is not said
        sources, targets, how = givers, sources, "who received it (the giver acts)"
    return Sides(sources, targets, certainty, how if targets else "")


def _sources(hit: Hit, index: args.ActorLookup, lexicon: Lexicon) -> tuple[list[Actor], float]:
    clause = hit.clause
    issuer = _issuer(clause, lexicon)
    if issuer is not None:
        clause = issuer  # "X released a statement condemning Y": X condemns
    if clause.pos_ in VERBAL:
        heads, certainty = args.subject_heads(clause)
        found = args.actors_of(heads, index)
        pronouns = bool(heads) and all(args.is_pronoun(h) for h in heads)
        if not found and pronouns:
            sayer = args.sayer_of(clause, lexicon.speech_verbs)
            if sayer is not None:
                found, certainty = args.actors_of([sayer], index), certainty * 0.85
        if pronouns and args.sayer_of(clause, lexicon.speech_verbs) is not None:
            # "IRNA said it would attack": a channel reports; "it" is not the channel
            found = [a for a in found if a.agent not in CHANNEL_AGENTS]
        if found:
            return found, certainty
    if hit.noun is not None:
        found = _noun_own_sources(
            hit.noun,
            index,
            with_possessor=not _possessor_undergoes(hit.noun, lexicon.patient_possessive_nouns),
        )
        if hit.sense.code[:2] in MEETING_ROOTS:
            found = [a for a in found if not _venue(a, hit.noun)]
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


OWNING_PRONOUNS = frozenset({"its", "their", "his", "her", "our"})
ARMED = frozenset({"MIL", "COP", "REB", "SPY"})  # not "returned it to its owners"


def _own_people(target: Actor, doc: Doc) -> bool:
    """ "mobilised its men", "sent their troops to the border": forces a pronoun gives to the
    actor are its own, not the other side (a sector with no country of its own)."""
    if target.country is not None:
        return False
    if target.agent not in ARMED and target.text.lower() not in ("men", "personnel"):
        return False
    span = doc.char_span(target.start, target.end, alignment_mode="expand")
    return span is not None and span.start > 0 and doc[span.start - 1].lower_ in OWNING_PRONOUNS


def own_side(target: Actor, sources: list[Actor]) -> bool:
    """A target that is a source again under another mention ("The EC's Commission defended
    ... its program to rid the EC of surpluses"): an actor does not act on itself."""
    for source in sources:
        if source.name is not None and source.name == target.name:
            return True
        if source.text.lower() == target.text.lower():
            return True
        same = source.code == target.code != UNKNOWN_CODE
        if same and "organisation" == source.kind == target.kind:
            return True  # "experts at an FAO meeting ... the Food and Agriculture Organization"
        if _same_office(source, target):
            return True  # "Blair arrived ... the prime minister": one man
    return False


def _same_office(source: Actor, target: Actor) -> bool:
    """Is an unnamed office holder of the source's country the source's own office?"""
    if target.kind != "person" or target.name is not None or source.role is None:
        return False
    if target.country is None or target.country != source.country:
        return False
    words = [w for w in target.text.lower().split() if w != "the"]
    if not words or " ".join(words) in GENERIC_TITLES:
        return False  # "the minister" may be another of the same government
    return " ".join(words) in source.role.lower()


# Statements and rejections: "dismissed reports that X ...", "denied claims that X ..." are aimed
# at whoever made the reports, not at X (an investigation into claims about X is aimed at X).
DENIAL_ROOTS = frozenset({"01", "12"})
GENERIC_TITLES = frozenset({"minister", "official", "secretary", "spokesman", "spokeswoman"})


def _aimed_at_places(code: str, lexicon: Lexicon) -> bool:
    return code[:2] in lexicon.place_target_roots or code in lexicon.place_target_codes


def _aid_purpose_targets(
    hit: Hit, index: args.ActorLookup, lexicon: Lexicon, sources: tuple[Actor, ...]
) -> tuple[list[Actor], str]:
    """ "donated ventilators to assist Ethiopia", "gave aid to help people in Somalia": whom the
    purpose clause helps receives the aid."""
    for tok in hit.target_from:
        for clause in tok.children:
            if clause.dep_ not in ("advcl", "xcomp", "acl", "relcl") or clause.i < tok.i:
                continue
            if clause.lemma_.lower() not in lexicon.aid_purpose_verbs:
                continue
            if not args.has_to(clause):
                continue
            heads = args.object_heads(clause, addressed=True)  # "to help Malawi fight"
            found = args.actors_of(heads, index, deep=True, exclude=sources)
            if found:
                return found, f"whom '{clause.text}' serves"
    return [], ""


def _governed_targets(
    verb: Token, index: args.ActorLookup, preps: frozenset[str], sources: tuple[Actor, ...]
) -> tuple[list[Actor], str]:
    """ "agreed to provide Sri Lanka with boats": a known actor heading an argument of the act
    a governor governs (no trigger itself) is the other side; not a thing it sets up or an
    unknown name ("agreed to set up the Carreras Institute")."""
    heads = args.object_heads(verb) + args.prep_objects(verb, preps)
    found = args.actors_of(heads, index, exclude=sources, head_only=True)
    found = [a for a in found if a.code != UNKNOWN_CODE and (a.country or a.kind != "group")]
    return found, f"argument of '{verb.text}'" if found else ""


def _forces_moved(code: str, trigger_code: str, lexicon: Lexicon) -> frozenset[str] | None:
    """The prepositions naming where forces go ("sent troops to Syria") or leave ("withdrew its
    troops from Iraq") when the event moves forces, by its code or its trigger's (a governed
    "offered to send troops" keeps the sending's); None for other events."""
    for c in (code, trigger_code):
        if c[:2] in lexicon.sent_forces_roots or c in lexicon.sent_forces_codes:
            return SENT_TO
        if c in lexicon.withdrawn_forces_codes:
            return WITHDRAWN_FROM
    return None


def _destinations(
    hit: Hit,
    targets: list[Actor],
    index: args.ActorLookup,
    lexicon: Lexicon,
    preps: frozenset[str],
    sources: tuple[Actor, ...],
) -> list[Actor]:
    """Forces sent, deployed or withdrawn are not the target, whoever's they are; where they go
    or leave is ("sent troops to Syria", "withdrew its troops from Iraq")."""
    kept = [t for t in targets if t.agent not in lexicon.forces_agents]
    if kept:
        return kept
    tokens = [t for t in (hit.clause, hit.noun, *hit.target_from) if t is not None]
    heads = [h for tok in dict.fromkeys(tokens) for h in args.prep_objects(tok, preps)]
    return args.actors_of(heads, index, exclude=sources)


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


def _possessor_undergoes(noun: Token, patient_nouns: frozenset[str]) -> bool:
    """ "the men's arrest": the possessor is arrested; but "its detention of activists" names
    the detained in the "of" phrase, and "its" detains."""
    if noun.lemma_.lower() not in patient_nouns:
        return False
    return not any(c.dep_ == "prep" and c.lower_ == "of" for c in noun.children)


def _noun_own_sources(
    noun: Token, index: args.ActorLookup, with_possessor: bool = True
) -> list[Actor]:
    """ "an attack by X", "X's offensive", "Israeli air strikes"; `with_possessor` False for a
    noun whose possessor undergoes it ("the men's arrest")."""
    by = [g for c in noun.children if c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    # "an appeal lodged by X", "every offer made by the Taliban": the participle's agent
    made = [c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"]
    by += [
        g
        for m in made
        for c in m.children
        if c.dep_ == "agent"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    if by:
        return args.actors_of(by, index)
    # "nmod": a name before the noun but not next to it ("the Jamiat-i-Islami (JIA) demand")
    deps = ("poss", "amod", "compound", "nmod") if with_possessor else ("amod", "compound", "nmod")
    mods = [c for c in noun.children if c.dep_ in deps]
    out = []
    for mod in mods:
        actor = index.actor_for_token(mod) or args.actor_of_np(mod, index)
        if actor is not None and actor.start <= noun.idx < actor.end:
            continue  # the phrase of the trigger itself ("humanitarian aid") is not its source
        if actor is not None and actor not in out:
            out.append(actor)
    return out


def _targets(
    hit: Hit,
    code: str,
    index: args.ActorLookup,
    lexicon: Lexicon,
    preps: frozenset[str],
    sources: tuple[Actor, ...],
) -> tuple[list[Actor], str]:
    """The target and the rule that found it: an actor heading the object or a target
    preposition's phrase ("met X", "talks with X"); then whoever a governed request or demand
    came from ("refused a request from X", "rejected X's demand"); then one named deeper in
    those phrases ("condemned the attack by X"); then an unknown name there; then a "between A
    and B" pair on the noun; then the state of a place force was used on. Never one of the
    sources. `preps` are the trigger's and its final code's target prepositions ("demanded an
    apology from X": a demand's)."""
    hedges = lexicon.hedge_modifiers
    if hit.target_heads:
        # the subject is asked, not the owner of a thing ("Australia's economy should grow"
        # forecasts; "Australia should act", "all political forces in Yemen must" ask)
        owned = any(c.dep_ == "poss" for h in hit.target_heads for c in h.children)
        found = args.actors_of(
            hit.target_heads, index, hedges, deep=not owned, exclude=sources, head_only=owned
        )
        return found, "subject of what was asked"
    slots = _target_slots(hit, preps, lexicon)
    unknown: tuple[list[Actor], str] | None = None
    for head_only in (True, False):  # "returned Iraqi artifacts to the government of Iraq"
        for heads, slot in slots:
            found = args.actors_of(heads, index, hedges, exclude=sources, head_only=head_only)
            if found and all(a.code == UNKNOWN_CODE and a.kind != "person" for a in found):
                # "will return HEU to Russia": a thing's name no table knows yields to a known
                # side (an unknown person stays: "accused Gulen of plotting against the state")
                unknown = unknown or (found, slot)
            elif found:
                return found, slot
    if unknown is not None:
        return unknown
    if hit.noun is not None and code[:2] in ASKING_ROOTS:
        found = args.actors_of(_asked_of(hit.noun), index, hedges, exclude=sources)
        if found:  # "reiterated its demand that the US ease sanctions"
            return found, f"subject of what the {hit.noun.lemma_.lower()} asks"
    if hit.noun is not None and hit.noun.i != hit.clause.i:
        found = _noun_own_targets(hit, index, sources)
        if found:
            return found, f"maker or party of the {hit.noun.lemma_.lower()}"
    for heads, slot in slots:
        # "dismissed reports he told Brown ...": who the reports are about is not the target
        if code[:2] in DENIAL_ROOTS:
            heads = [h for h in heads if h.lemma_.lower() not in lexicon.content_nouns]
        found = args.actors_of(heads, index, hedges, deep=True, exclude=sources)
        if found:
            return found, f"inside the {slot}"
    if "to" in preps:  # "returned the pendant engraved with ... to Russian authorities"
        for tok in hit.target_from:
            heads = args.recipients_inside_object(tok) if tok.pos_ in VERBAL else []
            found = args.actors_of(heads, index, hedges, exclude=sources)
            if found:
                return found, f"'to' phrase after the object of '{tok.text}'"
    for heads, slot in slots:
        found = [a for h in heads if (a := args.unknown_name_at(h)) and a not in sources]
        if found:
            return found, f"unknown name as the {slot}"
    if code[:2] in CONDITIONED_ROOTS:
        heads = [s for tok in hit.target_from for s in _condition_subjects(tok)]
        found = args.actors_of(heads, index, hedges, exclude=sources)
        if found:  # "will not lift the embargo until Vietnam helps": Vietnam is refused
            return found, "subject of the condition"
    if hit.noun is not None:
        pair = args.actors_of(args.between_pair(hit.noun), index, exclude=sources)
        if pair:
            return pair, "'between' phrase"
    struck = code[:2] in lexicon.located_target_roots
    how = "state of the place struck" if struck else "state of the place where it holds"
    return _where_force_struck(hit, code, index, lexicon, sources), how


def _condition_subjects(tok: Token) -> list[Token]:
    """Subjects of an "until/unless/if" clause on a refusal or threat: who must act first."""
    clauses = [
        c
        for c in tok.children
        if c.dep_ == "advcl"
        and any(m.dep_ == "mark" and m.lower_ in CONDITIONS for m in c.children)
    ]
    return _subjects(clauses)


def _subjects(clauses: list[Token]) -> list[Token]:
    return [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]


def _asked_of(noun: Token) -> list[Token]:
    """The subject of the clause a request or demand noun tells ("the demand that the US ease
    sanctions", "calls for Israel to withdraw" are verbs' own): who is asked to act."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "ccomp", "advcl")]
    # the parser often hangs "that ..." on the verb: the clause whose "that"/"for" follows the noun
    clauses += [
        c
        for c in noun.head.children
        if c.dep_ in ("ccomp", "advcl")
        and any(m.dep_ == "mark" and m.i == noun.i + 1 for m in c.children)
    ]
    return _subjects(clauses)


def _noun_own_targets(hit: Hit, index: args.ActorLookup, sources: tuple[Actor, ...]) -> list[Actor]:
    """A noun under a verb whose subject is the source may name the other side itself: a
    request, demand or offer answered is its maker's ("refused a request from X", "rejected
    the appeal of X", "welcomed X's proposal"); a meeting hosted or attended has its
    participants as modifiers ("hosted the NATO summit", "a meeting of BRICS envoys")."""
    assert hit.noun is not None
    noun = hit.noun
    found: list[Actor] = []
    if hit.via_modal or hit.clause.lemma_.lower() in ANSWERING:
        found = _noun_own_sources(noun, index)
        if not found and hit.sense.code[:2] in SPEECH_ACT_ROOTS:
            found = args.actors_of(args.prep_objects(noun, MAKER_PREPS), index)
    elif hit.sense.code[:2] in MEETING_ROOTS:
        found = _noun_own_sources(noun, index) or args.actors_of(
            args.prep_objects(noun, frozenset({"of"})), index
        )
    if hit.sense.code[:2] in MEETING_ROOTS:
        found = [a for a in found if not _venue(a, noun)]  # "the recent Paris meeting"
    return [a for a in found if a not in sources]


def _venue(actor: Actor, noun: Token) -> bool:
    """A capital standing before a meeting noun ("the Paris meeting", "the G-7 Washington
    talks") is where it met, not a party to it."""
    return actor.kind == "state" and actor.agent == "GOV" and actor.end <= noun.idx


def _where_force_struck(
    hit: Hit, code: str, index: args.ActorLookup, lexicon: Lexicon, sources: tuple[Actor, ...]
) -> list[Actor]:
    """Force used or imposed on a place with no one named is aimed at the state of that place
    ("attacked a base in Kenya", "imposed a curfew in Gaza"): that state is the target."""
    if code[:2] not in lexicon.located_target_roots and code not in lexicon.place_target_codes:
        return []
    # "in Gaza" on the verb, or on its object ("suspended aid deliveries in Borno State")
    holders = [o for tok in hit.target_from for o in [tok, *args.object_heads(tok, False)]]
    heads = [h for tok in holders for h in args.prep_objects(tok, LOCATIVE)]
    found = args.actors_of(heads, index, exclude=sources, deep=True)  # "in parts of Kashmir"
    return [a for a in found if a.kind in ("state", "place")][:1]


def _target_slots(
    hit: Hit, preps: frozenset[str], lexicon: Lexicon
) -> list[tuple[list[Token], str]]:
    """The phrases that may hold the target, in order, with their names for the evidence: per
    trigger token, its objects (not for topic verbs: "discussed Syria"), then its target
    prepositions' objects."""
    noun_i = hit.noun.i if hit.noun is not None else -1
    addressing = (hit.via_modal or hit.sense.modal) in ADDRESSING
    slots: list[tuple[list[Token], str]] = []
    for tok in hit.target_from:
        if tok.pos_ in VERBAL and tok.i != noun_i and not hit.sense.topic:
            # "allow aid workers (expanded) access": whom a causative lets act is its object,
            # however the parser hangs the rest
            raised = tok.lemma_.lower() in lexicon.raising_verbs
            addressed = (addressing and tok.i == hit.clause.i) or raised
            heads = [h for h in args.object_heads(tok, addressed) if h.i != noun_i]
            slots.append((heads, f"object of '{tok.text}'"))
        heads = [h for h in args.prep_objects(tok, preps) if h.i != noun_i]
        if not heads and tok.pos_ == "NOUN":  # "the arrest and detention of X": shared phrase
            heads = [h for c in args.shared_conjuncts(tok) for h in args.prep_objects(c, preps)]
        named = "/".join(dict.fromkeys(h.head.lower_ for h in heads))
        slots.append((heads, f"'{named}' phrase of '{tok.text}'"))
    if hit.noun is not None and _possessor_undergoes(hit.noun, lexicon.patient_possessive_nouns):
        owners = [c for c in hit.noun.children if c.dep_ == "poss"]  # "announced the men's arrest"
        slots.append((owners, f"possessor of '{hit.noun.text}'"))
    return [(heads, slot) for heads, slot in slots if heads]
