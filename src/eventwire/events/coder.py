"""code_events: sentences -> CAMEO events (source, trigger, target, modality, evidence)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.events import arguments as args
from eventwire.events.codebook import Codebook
from eventwire.events.hits import clause_of, sentence_hits
from eventwire.events.lexicon import Lexicon
from eventwire.events.modality import WITHHELD, Modality, clause_modality, noun_modality
from eventwire.events.symmetry import is_symmetric
from eventwire.events.triggers import VERBAL, Hit
from eventwire.records import Actor, Article, Event, Evidence

CONTENT_DEPS = frozenset({"ccomp", "pcomp", "csubj", "xcomp"})
MAX_PAIRS = 4


def code_events(
    doc: Doc,
    article: Article,
    actors: Sequence[Actor],
    lexicon: Lexicon,
    codebook: Codebook,
    *,
    index: args.ActorLookup | None = None,
) -> list[Event]:
    """Every event asserted (or planned) in the article's sentences, one per source-target pair.

    `index` maps tokens to actors; by default the actor stage's ActorIndex (with coreference).
    """
    index = index or args.make_index(doc, actors)
    events: list[Event] = []
    for n, sent in enumerate(doc.sents):
        if sent.text.rstrip().endswith("?"):
            continue  # questions assert nothing
        for hit in sentence_hits(sent, lexicon):
            events.extend(_events_of(hit, n, sent, article, index, lexicon, codebook))
    return events


def _events_of(
    hit: Hit,
    n: int,
    sent: Span,
    article: Article,
    index: args.ActorLookup,
    lexicon: Lexicon,
    codebook: Codebook,
) -> list[Event]:
    modality = _modality(hit, lexicon)
    code = _final_code(hit, modality, lexicon) if modality is not None else None
    if modality is None or code is None:
        return []
    status = "future" if hit.via_modal == "intent" else modality.status
    sources, targets, certainty = _sides(hit, code, index, lexicon)
    if not sources:
        return []
    pairs = _pairs(sources, targets, code)
    confidence = round(hit.sense.weight * certainty * (1.0 if targets else 0.9), 3)
    return [
        _event(hit, code, status, s, t, confidence, n, sent, article, codebook)
        for s, t in pairs[:MAX_PAIRS]
    ]


def _final_code(hit: Hit, modality: Modality, lexicon: Lexicon) -> str | None:
    """The trigger's code after modality and context; None when nothing is asserted."""
    code = hit.code
    if modality.recode == WITHHELD:
        if code[:2] not in lexicon.withheld_roots:
            return None  # "did not attack": nothing happened
        code = lexicon.recode("refuse", code) or code  # "did not allow": a refusal
    elif modality.recode:
        code = lexicon.recode(modality.recode, code) or code
    if code == "drop":
        return None
    return _in_context(code, hit, lexicon)


def _sides(
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


def _modality(hit: Hit, lexicon: Lexicon) -> Modality | None:
    clause = hit.clause
    if _inside_content(clause, lexicon) or _purpose(clause):
        return None
    reported = args.sayer_of(clause, lexicon.speech_verbs) is not None
    if clause.pos_ in VERBAL:
        mod = clause_modality(clause, lexicon, reported)
    else:  # a free noun: the clause it sits in must be asserted ("did not allow the rally")
        verb = clause_of(clause)
        mod = clause_modality(verb, lexicon, reported) if verb is not None else Modality("asserted")
    if mod is not None and hit.noun is not None and mod.recode is None and not hit.via_modal:
        own = noun_modality(hit.noun, lexicon)  # "the planned talks", "no talks"
        # a plain noun keeps its clause's status: "launched strikes, officials said" is reported
        return own if own is None or own.status != "asserted" else mod
    return mod


def _purpose(clause: Token) -> bool:
    """ "worked with X to end the fighting": a purpose states an aim, not an event."""
    return clause.dep_ == "advcl" and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in clause.children
    )


def _inside_content(clause: Token, lexicon: Lexicon) -> bool:
    """Is this clause what another trigger is about ("denied that it attacked", "accused X of")?"""
    tok = clause
    for _ in range(6):
        if tok.dep_ not in CONTENT_DEPS or tok.head.i == tok.i:
            return False
        head = tok.head
        if head.pos_ == "ADP":
            head = head.head
        lemma = head.lemma_.lower()
        if lemma in lexicon.speech_verbs:
            return False
        if lemma in lexicon.blocking_governors or lexicon.senses("verb", lemma):
            return True
        tok = head
    return False


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


def _in_context(code: str, hit: Hit, lexicon: Lexicon) -> str:
    """A code the clause's words change: troops deployed "on a peacekeeping mission" are
    peacekeepers provided (074), not a show of force (154)."""
    words = {t.lemma_.lower() for t in hit.clause.subtree} | {t.lower_ for t in hit.clause.subtree}
    if hit.noun is not None:
        words |= {t.lemma_.lower() for t in hit.noun.subtree}
    for rule in lexicon.context_recodes:
        if code[: len(rule.prefix)] == rule.prefix and words & rule.words:
            return rule.code
    return code


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


def _pairs(
    sources: list[Actor], targets: list[Actor], code: str
) -> list[tuple[Actor, Actor | None]]:
    if targets:
        return [(s, t) for s in sources for t in targets]
    if len(sources) >= 2 and is_symmetric(code):
        return [(sources[0], other) for other in sources[1:]]
    return [(s, None) for s in sources]


def _event(
    hit: Hit,
    code: str,
    status: str,
    source: Actor,
    target: Actor | None,
    confidence: float,
    n: int,
    sent: Span,
    article: Article,
    codebook: Codebook,
) -> Event:
    entry = codebook.get(code)
    start = min(t.idx for t in hit.tokens)
    end = max(t.idx + len(t.text) for t in hit.tokens)
    key = f"{article.id}|{n}|{start}|{end}|{code}|{source.start}|{target.start if target else ''}"
    return Event(
        id=hashlib.sha1(key.encode()).hexdigest()[:16],
        article_id=article.id,
        sentence_index=n,
        sentence=sent.text.strip(),  # the parser keeps paragraph breaks in the sentence
        source=source,
        target=target,
        cameo=entry.code,
        cameo_root=entry.root,
        quad_class=entry.quad_class,
        goldstein=entry.goldstein,
        plover=entry.plover,
        date=None,
        date_source="published",
        place=None,
        modality=status,
        confidence=confidence,
        evidence=Evidence(article.text[start:end], start, end, hit.rule),
        mentions=1,
    )
