"""Who did it and to whom: sources and targets of a trigger from the dependency parse.

Actors are the ones the actor stage found; a noun phrase yields an actor when one lies in its
core (the head, its modifiers and `of`/`from` phrases — never a locative such as "in Syria").
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from spacy.tokens import Token

from eventwire.actors.unknown import UNKNOWN_KINDS, unknown_actor
from eventwire.records import Actor

SUBJ = frozenset({"nsubj", "csubj"})
PASS_SUBJ = frozenset({"nsubjpass", "csubjpass"})
CORE_SKIP = frozenset(
    {"relcl", "acl", "advcl", "conj", "cc", "punct", "appos", "prep", "parataxis"}
)
CORE_PREPS = frozenset({"of", "from"})
RELATIVE = frozenset({"who", "which", "that", "whom"})
PRONOUNS = frozenset({"it", "they", "he", "she", "we", "its", "their", "his", "her", "our"})
VERB_POS = frozenset({"VERB", "AUX"})
DASHES = frozenset({"-", "–", "—", "--", ":"})
SPEECH_DEPS = frozenset({"ccomp", "parataxis"})


class ActorLookup(Protocol):
    def actor_for_token(self, token: Token) -> Actor | None: ...


class SpanIndex:
    """Token -> actor by character offsets (used when the actor stage offers no index)."""

    def __init__(self, actors: Sequence[Actor]) -> None:
        self._by_char: dict[int, Actor] = {}
        for actor in actors:
            for i in range(actor.start, actor.end):
                self._by_char.setdefault(i, actor)

    def actor_for_token(self, token: Token) -> Actor | None:
        return self._by_char.get(token.idx)


def make_index(doc: object, actors: Sequence[Actor]) -> ActorLookup:
    """The actor stage's ActorIndex (with coreference) when present, else offsets only."""
    try:
        from eventwire.actors import ActorIndex  # type: ignore[attr-defined]
    except ImportError:
        return SpanIndex(actors)
    return _Both(ActorIndex(doc, actors), SpanIndex(actors))


class _Both:
    def __init__(self, first: ActorLookup, second: ActorLookup) -> None:
        self.first, self.second = first, second

    def actor_for_token(self, token: Token) -> Actor | None:
        return self.first.actor_for_token(token) or self.second.actor_for_token(token)

    def actors_for_token(self, token: Token) -> tuple[Actor, ...]:
        """Both parties of "the two sides" when the actor stage can tell them."""
        many = getattr(self.first, "actors_for_token", None)
        return tuple(many(token)) if many else ()


class WithPlaces:
    """Actors, plus places that may stand as the target of acts aimed at a place: a lookup that
    answers with actors as before, and with places only through `target_lookup`."""

    def __init__(self, actors: ActorLookup, places: ActorLookup) -> None:
        self.actors, self.places = actors, places

    def actor_for_token(self, token: Token) -> Actor | None:
        return self.actors.actor_for_token(token)

    def actors_for_token(self, token: Token) -> tuple[Actor, ...]:
        many = getattr(self.actors, "actors_for_token", None)
        return tuple(many(token)) if many else ()

    def target_lookup(self) -> ActorLookup:
        return _Both(self.actors, self.places)


def conjuncts(token: Token) -> list[Token]:
    """The token and the heads coordinated with it ("A and B" -> [A, B])."""
    return [token, *token.conjuncts] if token.dep_ != "conj" else [token]


def has_to(verb: Token) -> bool:
    """Does the verb carry the infinitive "to" ("agreed to meet", "talks to be held")?"""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def shared_conjuncts(noun: Token) -> list[Token]:
    """Nouns coordinated after this one, which carry the phrases the list shares ("the arrest
    and detention of X": "of X" hangs on the last noun)."""
    return [c for c in noun.conjuncts if c.i > noun.i and c.pos_ == "NOUN"]


def actor_of_np(head: Token, index: ActorLookup, exclude: Sequence[Actor] = ()) -> Actor | None:
    """The actor a noun phrase names: at its head, else in its core, nearest to the head;
    never one of `exclude` ("lifted its blockade of Yemen": the target is Yemen, not "its")."""
    found = index.actor_for_token(head)
    if found is not None and found not in exclude:
        return found
    best: tuple[int, Actor] | None = None
    for tok in _core(head):
        actor = index.actor_for_token(tok)
        if actor is None or actor in exclude:
            continue
        if best is None or abs(tok.i - head.i) < best[0]:
            best = (abs(tok.i - head.i), actor)
    return best[1] if best else None


# What a target phrase may hold its actor in, beyond its core: the doer of an event noun ("the
# attack by X", "X's raids"), what the noun is on or against ("sanctions on X", "an attack on a
# government building"), where it happened ("violations in Zimbabwe"), and a participle's phrase
# ("the money spent by X"). Clauses of their own (relative, adverbial) and lists are not searched.
DEEP_SKIP = frozenset({"relcl", "advcl", "conj", "cc", "punct", "parataxis", "ccomp", "mark"})
SCENE_PREPS = frozenset(
    {"after", "before", "during", "following", "since", "until", "amid", "despite", "over"}
)
DEEP_LIMIT = 4  # dependency steps below the phrase's head


def target_of_np(head: Token, index: ActorLookup, exclude: Sequence[Actor] = ()) -> Actor | None:
    """The actor a target phrase names: in its core as for any phrase, else the one nearest its
    head in the rest of the phrase ("condemned [the protest by white farmers]" -> the farmers;
    "an investigation into [funds of the NNPC]" -> the NNPC)."""
    found = actor_of_np(head, index, exclude)
    if found is not None:
        return found
    level = [c for c in head.children if _searched(c)]
    for _ in range(DEEP_LIMIT):
        found_here = ((t, index.actor_for_token(t)) for t in level)
        hits = [(abs(t.i - head.i), a) for t, a in found_here if a and a not in exclude]
        if hits:
            return min(hits, key=lambda h: h[0])[1]
        level = [c for t in level for c in t.children if _searched(c)]
    return None


def _searched(tok: Token) -> bool:
    if tok.dep_ in DEEP_SKIP:
        return False
    return not (tok.dep_ == "prep" and tok.lower_ in SCENE_PREPS)


def _core(head: Token) -> list[Token]:
    out: list[Token] = []
    stack = list(head.children)
    while stack:
        tok = stack.pop()
        if tok.dep_ in CORE_SKIP and not (tok.dep_ == "prep" and tok.lower_ in CORE_PREPS):
            continue
        out.append(tok)
        stack.extend(tok.children)
    return out


def actors_of(
    heads: Sequence[Token],
    index: ActorLookup,
    hedges: frozenset[str] = frozenset(),
    deep: bool = False,
    exclude: Sequence[Actor] = (),
    head_only: bool = False,
) -> list[Actor]:
    """Actors of coordinated noun phrases; "Hungarian and Romanian officials" gives two.

    A conjunct with a hedging modifier ("and the possible new wave of ...") is left out. `deep`
    (for targets) also searches the whole phrase when its core names no one (`target_of_np`);
    `head_only` takes only phrases that are actors themselves, not things an actor owns ("the
    Iraqi artifacts"); actors in `exclude` (the sources, for targets) are passed over.
    """
    out: list[Actor] = []
    many = getattr(index, "actors_for_token", None)
    for head in heads:
        for tok in conjuncts(head):
            if hedges and any(c.dep_ == "amod" and c.lower_ in hedges for c in tok.children):
                continue
            group = many(tok) if many else ()
            if len(group) > 1:  # "the two ministers": both parties
                out.extend(a for a in group if a not in out and a not in exclude)
                continue
            if head_only:
                actor = index.actor_for_token(tok)
                itself = actor is not None and (
                    actor.start <= tok.idx < actor.end or is_pronoun(tok)
                )  # not "Iraqi" for "Iraqi artifacts": a thing the actor owns
                if itself and actor not in exclude and actor not in out:
                    out.append(actor)
                continue
            actor = actor_of_np(tok, index, exclude)
            if actor is None:  # "the minister, Lavrov": the apposition names the actor
                apps = [c for c in tok.children if c.dep_ == "appos"]
                actor = actor_of_np(apps[0], index, exclude) if apps else None
            if actor is None and deep:
                actor = target_of_np(tok, index, exclude)
            if actor is not None and actor not in out:
                out.append(actor)
            for m in coordinated_modifiers(tok):  # "Hungarian and Romanian officials"
                extra = index.actor_for_token(m)
                if extra is not None and extra not in out and extra not in exclude:
                    out.append(extra)
    return out


COORDINATED_MODS = frozenset({"amod", "compound", "nmod", "poss"})


def coordinated_modifiers(head: Token) -> list[Token]:
    """The modifiers a head shares out between parties: "Hungarian and Romanian officials",
    "Russia and Turkey's foreign ministers", "UK and EU negotiators" (where the parser links the
    two with a bare "and" rather than as conjuncts)."""
    mods = [c for c in head.children if c.dep_ in COORDINATED_MODS and c.i < head.i]
    out: list[Token] = []
    for mod in mods:
        if any(c.dep_ == "conj" for c in mod.children):
            out.extend(conjuncts(mod))
        elif any(c.dep_ == "cc" and c.lower_ == "and" for c in mod.children):
            out.extend(m for m in mods if m.i >= mod.i)
    return list(dict.fromkeys(out))


def subject_heads(verb: Token) -> tuple[list[Token], float]:
    """Subject heads of a clause and how sure we are (control, conjunction, relative clause)."""
    passive = any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children)
    if passive:
        agents = [
            g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"
        ]
        return agents, 1.0
    subj = [h for c in verb.children if c.dep_ in SUBJ for h in _undateline(c)]
    if subj:
        if subj[0].lower_ in RELATIVE and verb.dep_ == "relcl":
            return [verb.head], 0.9
        return subj, 1.0
    clausal_head = verb.head.pos_ in ("VERB", "AUX", "ADJ")
    if verb.dep_ in ("xcomp", "conj", "advcl", "acomp") and clausal_head:
        heads, conf = subject_heads(verb.head)
        return heads, conf * 0.9
    if verb.dep_ == "relcl":
        return [verb.head], 0.85
    if verb.dep_ == "pcomp" and verb.head.head.pos_ in ("VERB", "AUX", "ADJ"):
        heads, conf = subject_heads(verb.head.head)  # "are guilty of violating"
        return heads, conf * 0.85
    return [], 0.0


def _undateline(head: Token) -> list[Token]:
    """ "MOSCOW – Lavrov and Cavusoglu spoke": the dateline is not the subject."""
    dashed = any(c.dep_ == "punct" and c.text in DASHES for c in head.children)
    if head.text.isupper() and len(head.text) > 1 and dashed:
        rest = [c for c in head.children if c.dep_ in ("appos", "conj", "dep", "npadvmod")]
        return rest or [head]
    return [head]


def object_heads(verb: Token, addressed: bool = False) -> list[Token]:
    """Direct objects, or the passive subject (the undergoer), of a verb. `addressed`: the verb
    tells someone to act, so the subject of "that ..." is who it addresses ("demanded that
    the government resign")."""
    passive = [c for c in verb.children if c.dep_ in PASS_SUBJ]
    if passive:
        return passive
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "attr", "oprd")]
    return objects or _raised_objects(verb, addressed)


def object_lemmas(verb: Token) -> set[str]:
    """Lemmas of what a verb acts on: its direct object or passive subject, with conjuncts."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return {t.lemma_.lower() for h in heads for t in (h, *h.conjuncts)}


def _raised_objects(verb: Token, addressed: bool) -> list[Token]:
    """ "convicted the bank to pay", "found the regime guilty": the parser makes the object the
    subject of the complement; it is still what the verb acts on. Only an infinitive or a
    verbless complement (or any, for a verb that addresses someone): in "said X attacked" X
    is not the object of saying."""
    out = []
    for clause in verb.children:
        if clause.dep_ not in ("ccomp", "xcomp") or clause.i < verb.i:
            continue
        infinitive = has_to(clause)
        verbless = clause.pos_ in ("ADJ", "NOUN") or clause.lemma_ == "be" and clause.tag_ != "VBZ"
        if infinitive or verbless or addressed:
            out.extend(c for c in clause.children if c.dep_ in SUBJ and c.i < clause.i)
    return out


def recipients_inside_object(verb: Token) -> list[Token]:
    """ "to" phrases the parser hung inside a verb's object though they name where it goes
    ("returned a pendant engraved with the image of Peter the Great to Russian authorities"):
    a "to" on a word of the object phrase (not on a verb of it), outside clauses of its own."""
    out = []
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        stack = list(obj.children)
        while stack:
            tok = stack.pop()
            if tok.dep_ in ("relcl", "ccomp", "advcl", "conj", "cc"):
                continue
            if tok.dep_ == "prep" and tok.lower_ == "to" and tok.head.pos_ not in VERB_POS:
                out.extend(g for g in tok.children if g.dep_ == "pobj")
            stack.extend(tok.children)
    return out


def prep_objects(token: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the given prepositions hanging on a token ("talks with X", "attack on Y")."""
    out = []
    for child in token.children:
        if child.dep_ in ("prep", "dative", "agent") and child.lower_ in preps:
            out.extend(g for g in child.children if g.dep_ in ("pobj", "pcomp"))
    return out


def between_pair(token: Token) -> list[Token]:
    """The two sides of "between A and B" on a token, or []."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ("between", "among", "amongst"):
            for g in child.children:
                if g.dep_ == "pobj":
                    return conjuncts(g)
    return []


def sayer_of(verb: Token, speech_verbs: frozenset[str]) -> Token | None:
    """The subject of the verb of saying whose complement holds this clause, if any."""
    tok = verb
    while tok.dep_ in ("conj", "xcomp") and tok.head.i != tok.i:
        tok = tok.head
    head = tok.head
    if tok.dep_ in SPEECH_DEPS and head.lemma_ in speech_verbs:
        heads, _ = subject_heads(head)
        return heads[0] if heads else None
    return None


def is_pronoun(token: Token) -> bool:
    return token.lower_ in PRONOUNS or token.pos_ == "PRON"


def unknown_name_at(head: Token) -> Actor | None:
    """A name the actor stage passed over but that fills an argument of a trigger ("convicted
    Siemens", "an investigation of Flynn"): the recogniser's person or organisation there,
    coded UNK. Its place in the clause is the evidence that it is an actor (a bare one-word
    organisation elsewhere is too often a place)."""
    if head.pos_ != "PROPN" or not head.text[:1].isupper():
        return None
    if not head.ent_type_:
        # a name the recogniser missed altogether ("an investigation against Oommen Chandy"):
        # the proper nouns it heads, a person's when there are two or more
        run = [t for t in head.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"] + [head]
        if any(not t.text[:1].isupper() or t.ent_type_ for t in run):
            return None
        start, end = run[0].idx, head.idx + len(head.text)
        kind = "person" if len(run) >= 2 else "organisation"
        return unknown_actor(head.doc.text[start:end], start, end, kind)
    kind = UNKNOWN_KINDS.get(head.ent_type_)
    if kind is None:
        return None
    for ent in head.doc.ents:
        if ent.start <= head.i < ent.end:
            return unknown_actor(ent.text, ent.start_char, ent.end_char, kind)
    return None
