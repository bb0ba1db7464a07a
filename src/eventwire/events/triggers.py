"""Finding triggers: lexicon senses of verbs and nouns, light verbs and modal governors."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from eventwire.events.arguments import has_to
from eventwire.events.lexicon import Lexicon, Sense

VERBAL = frozenset({"VERB", "AUX", "ADJ"})
NOMINAL = frozenset({"NOUN", "PROPN"})
COMPLEMENTS = frozenset({"oprd", "xcomp", "ccomp", "acomp"})
TIME_ENTS = frozenset({"DATE", "TIME"})
EMBED_DEPS = frozenset({"xcomp", "ccomp", "advcl"})


@dataclass(slots=True)
class Hit:
    """A trigger found in a clause: its sense, the (possibly recoded) code and where it sits."""

    sense: Sense
    code: str
    rule: str
    clause: Token  # the verb heading the clause: subject and modality are read there
    tokens: list[Token]  # trigger tokens, for the evidence span
    noun: Token | None = None  # the noun trigger, for nominal events
    target_from: list[Token] = field(default_factory=list)  # tokens whose objects are targets
    via_modal: str | None = None  # the modal map applied by a governing trigger
    target_heads: list[Token] = field(default_factory=list)  # explicit target noun phrases
    governed: Token | None = None  # the act a governor firing alone governs ("agreed to provide")


NO_EVENT = "drop"  # a sense coded so is a use of the word that is no event ("shoot for")


def verb_sense(verb: Token, lexicon: Lexicon) -> Sense | None:
    """The first verb sense of the lexicon whose particle and object conditions hold."""
    for sense in lexicon.senses("verb", verb.lemma_.lower()):
        if sense.prt is not None and not _has_particle(verb, sense.prt):
            continue
        if sense.bare and any(c.dep_ in COMPLEMENTS for c in verb.children):
            continue
        if sense.transitive and not _has_object(verb):
            continue
        if sense.intransitive and _has_object(verb):
            continue
        if sense.obj or sense.not_obj:
            lemmas = _object_lemmas(verb, sense.prt)
            if (sense.obj and not lemmas & sense.obj) or lemmas & sense.not_obj:
                continue
        return None if sense.code == NO_EVENT else sense
    return None


def noun_sense(noun: Token, lexicon: Lexicon, governor: Token | None) -> Sense | None:
    """The first noun sense whose modifier and light-verb conditions hold."""
    lemma = noun.lemma_.lower()
    senses = lexicon.senses("noun", lemma)
    if not senses or noun.ent_type_ in ("DATE", "TIME"):
        return None  # "on 16 March", "March 28": a month, not a march
    mods = {c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod", "nmod")}
    mods.update(g.lemma_.lower() for g in prep_objects_of(noun, "of"))  # "a state of siege"
    gov = governor.lemma_.lower() if governor is not None else None
    for sense in senses:
        if sense.obj and not (mods & sense.obj):
            continue
        if sense.light and gov not in sense.light:
            continue
        return sense
    return None


def governing_verb(noun: Token) -> Token | None:
    """The verb a noun is the object of, directly or through a preposition ("went on strike")."""
    tok = noun
    while tok.dep_ == "conj":
        tok = tok.head
    if tok.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "dative"):
        return tok.head if tok.head.pos_ in VERBAL else None
    if tok.dep_ == "pobj" and tok.head.dep_ in ("prep", "agent"):
        gov = tok.head.head
        return gov if gov.pos_ in VERBAL else None
    return None


def object_nouns(
    verb: Token,
    quantities: frozenset[str] = frozenset(),
    responsibility: frozenset[str] = frozenset(),
) -> list[Token]:
    """Object nouns of a verb: direct objects and objects of its prepositions/particles. A
    quantity noun stands for what it counts ("launched a wave of attacks" -> attacks), and
    responsibility for what it is for ("claimed responsibility for the attack" -> attack)."""
    out = []
    for child in verb.children:
        if child.dep_ in ("dobj", "nsubjpass") and child.pos_ in NOMINAL:
            out.extend([child, *child.conjuncts])
        elif child.dep_ == "prep":
            out.extend(g for g in child.children if g.dep_ == "pobj" and g.pos_ in NOMINAL)
    looks = ((quantities, "of"), (responsibility, "for"))
    return [inner for noun in out for inner in _stood_for(noun, looks)]


def _stood_for(noun: Token, looks: tuple[tuple[frozenset[str], str], ...]) -> list[Token]:
    lemma = noun.lemma_.lower()
    for words, prep in looks:
        inner = [g for g in prep_objects_of(noun, prep) if g.pos_ in NOMINAL]
        if lemma in words and inner:
            return [n for g in inner for n in (g, *g.conjuncts)]
    return [noun]


def prep_objects_of(token: Token, prep: str) -> list[Token]:
    """The objects of one preposition hanging on a token: "a wave [of attacks]"."""
    return [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == prep
        for g in c.children
        if g.dep_ == "pobj"
    ]


def embedded_verb(verb: Token) -> Token | None:
    """The clause a governor governs: "agreed [to meet]", "urged X [to release]"."""
    for child in verb.children:
        if child.dep_ in EMBED_DEPS and child.pos_ in VERBAL and _is_infinitive(child):
            return child
    for child in verb.children:  # "called on X to release": the clause may hang on X
        if child.dep_ == "prep":
            for pobj in child.children:
                for g in pobj.children:
                    if g.dep_ in ("acl", "relcl") and g.pos_ == "VERB" and _is_infinitive(g):
                        return g
    return None


def _is_infinitive(verb: Token) -> bool:
    return verb.dep_ == "xcomp" or has_to(verb)


# What a warning is about, which the parser often hangs on the warned object
OBJECT_PREPS = frozenset({"about"})  # not "of": "warned Israel of a crushing response"


def _has_particle(verb: Token, prt: str) -> bool:
    deps = ("prt", "prep", "agent", "dative")
    for c in verb.children:
        clause = c.dep_ in ("advcl", "ccomp") and c.i > verb.i
        if clause and any(m.dep_ == "mark" and m.lower_ == prt for m in c.children):
            return True  # "called for the embargo to be lifted": "for" marks the clause
        if c.dep_ in deps and c.lower_ == prt and c.i > verb.i:
            words = [g for g in c.subtree if g.i != c.i and g.is_alpha]
            if not words or any(g.ent_type_ not in TIME_ENTS for g in words):
                return True  # "called on Iran", not "called ... on Saturday"
    if prt in OBJECT_PREPS:  # "warned Blair and Brown about the dangers": hung on the object
        objects = [o for c in verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
        return any(g.dep_ == "prep" and g.lower_ == prt for o in objects for g in o.children)
    return False


def _has_object(verb: Token) -> bool:
    """A direct object, a passive subject, or the noun a participle describes ("land returned")."""
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":
        return True
    return any(c.dep_ in ("dobj", "nsubjpass") for c in verb.children)


def _object_lemmas(verb: Token, prt: str | None) -> set[str]:
    lemmas: set[str] = set()
    if verb.dep_ in ("acl", "relcl") and verb.tag_ == "VBN":  # "a memorandum (of ...) signed"
        tok = verb.head
        for _ in range(4):
            lemmas.add(tok.lemma_.lower())
            if tok.dep_ not in ("pobj", "prep") or tok.head.i == tok.i:
                break
            tok = tok.head
    for child in verb.children:
        heads: list[Token] = []
        # not "dative": in "give the dollar a push" the dative receives, it is not what is given
        if child.dep_ in ("dobj", "nsubjpass", "attr", "oprd", "acomp", "ccomp"):
            heads = [child, *child.conjuncts]
        elif child.dep_ in ("xcomp", "advmod", "prt") and child.i > verb.i:
            heads = [child]  # "let free", "set free"
        elif child.dep_ == "prep" and (prt is None or child.lower_ == prt):
            heads = [g for g in child.children if g.dep_ == "pobj"]
        for head in heads:
            lemmas.add(head.lemma_.lower())
            lemmas.update(c.lemma_.lower() for c in head.children if c.dep_ == "compound")
            # "30 of the prisoners", "millions of dollars", "a shipment of weapons"
            lemmas.update(
                n.lemma_.lower() for g in prep_objects_of(head, "of") for n in (g, *g.conjuncts)
            )
    return lemmas
