"""code_events: sentences -> CAMEO events (source, trigger, target, modality, evidence)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.events import arguments as args
from eventwire.events.codebook import Codebook
from eventwire.events.lexicon import Lexicon
from eventwire.events.modality import Modality, clause_modality, noun_modality
from eventwire.events.symmetry import is_symmetric
from eventwire.events.triggers import (
    VERBAL,
    Hit,
    embedded_verb,
    governing_verb,
    noun_sense,
    object_nouns,
    verb_sense,
)
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


def sentence_hits(sent: Span, lexicon: Lexicon) -> list[Hit]:
    """Triggers of a sentence; governed and light-verb objects are folded into their governor."""
    consumed: set[int] = set()
    hits: list[Hit] = []
    for tok in sent:
        if tok.i in consumed or tok.pos_ not in VERBAL:
            continue
        hit = _verb_hit(tok, lexicon, consumed)
        if hit is not None:
            hits.append(hit)
    for tok in sent:
        if tok.i in consumed or tok.pos_ not in ("NOUN", "PROPN"):
            continue
        hit = _free_noun_hit(tok, lexicon)
        if hit is not None:
            hits.append(hit)
    return hits


def _verb_hit(verb: Token, lexicon: Lexicon, consumed: set[int]) -> Hit | None:
    lemma = verb.lemma_.lower()
    if lemma in lexicon.speech_verbs:
        said = _obligation_hit(verb, lexicon, consumed)
        if said is not None:
            return said
    sense = verb_sense(verb, lexicon)
    if lemma in lexicon.blocking_governors:
        emb = embedded_verb(verb)
        if emb is not None:
            consumed.add(emb.i)  # "failed to reach": nothing happened
    modal = sense.modal if sense else ("intent" if lemma in lexicon.intent_governors else None)
    if modal is not None:
        emb = embedded_verb(verb)
        if emb is not None and emb.i not in consumed:
            inner = _verb_hit(emb, lexicon, consumed)
            consumed.add(emb.i)
            if inner is not None:
                return _governed(verb, inner, modal, sense.id if sense else f"gov.{lemma}", lexicon)
    if lemma in lexicon.light_verbs or (sense and sense.modal):
        for noun in object_nouns(verb):
            nsense = noun_sense(noun, lexicon, verb)
            if nsense is None or noun.i in consumed:
                continue
            consumed.add(noun.i)
            hit = Hit(nsense, nsense.code, nsense.id, verb, [verb, noun], noun, [noun, verb])
            if sense and sense.modal:
                return _governed(verb, hit, sense.modal, sense.id, lexicon)
            return hit
    if sense is None:
        return None
    return Hit(sense, sense.code, sense.id, verb, [verb], None, [verb])


def _obligation_hit(say: Token, lexicon: Lexicon, consumed: set[int]) -> Hit | None:
    """ "X said Y must withdraw": X demands (10x) that Y withdraw; Y is the target."""
    for clause in say.children:
        if clause.dep_ != "ccomp" or clause.i in consumed:
            continue
        auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if not auxes & lexicon.obligation_auxes:
            continue
        consumed.add(clause.i)
        demand = lexicon.senses("verb", "demand")[0]
        inner = _verb_hit(clause, lexicon, consumed)
        code = (lexicon.recode("demand", inner.code) or inner.code) if inner else demand.code
        rule = f"say.must+{inner.rule}" if inner else "say.must"
        subjects = [c for c in clause.children if c.dep_ in args.SUBJ | args.PASS_SUBJ]
        tokens = [say, *(inner.tokens if inner else [clause])]
        return Hit(demand, code, rule, say, tokens, None, [], "demand", subjects)
    return None


def _governed(gov: Token, inner: Hit, modal: str, rule: str, lexicon: Lexicon) -> Hit:
    """A governor recodes the event under it: "threatened to impose sanctions" -> 1312."""
    code = lexicon.recode(modal, inner.code) or inner.code
    # appeals and demands target their addressee ("urged X to ..."); others the inner target
    target_from = [gov, *inner.target_from] if modal in ("appeal", "demand") else inner.target_from
    return Hit(
        inner.sense,
        code,
        f"{rule}+{inner.rule}",
        gov,
        [gov, *inner.tokens],
        inner.noun,
        target_from,
        modal,
    )


def _free_noun_hit(noun: Token, lexicon: Lexicon) -> Hit | None:
    """A noun trigger not under a light verb: fires only with a source of its own."""
    gov = governing_verb(noun)
    has_agent = any(c.lower_ == "by" and c.i > noun.i for c in noun.children)
    verb = _clause_of(noun)
    if (
        verb is not None
        and not has_agent
        and (verb_sense(verb, lexicon) or verb.lemma_ in lexicon.speech_verbs)
    ):
        return None  # "condemned the attack", "discussed prospects of cooperation": content
    sense = noun_sense(noun, lexicon, gov)
    if sense is None:
        return None
    # "the attack by X on Y": the parser often hangs "on Y" on X
    agents = [g for c in noun.children if c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    return Hit(sense, sense.code, sense.id, noun, [noun], noun, [noun, *agents])


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
    if modality is None or hit.code == "drop":
        return []
    code = hit.code
    if modality.recode:
        code = lexicon.recode(modality.recode, code) or code
    if code == "drop":
        return []
    status = "future" if hit.via_modal == "intent" else modality.status
    sources, certainty = _sources(hit, index, lexicon)
    if not sources:
        return []
    targets = [t for t in _targets(hit, index, lexicon.hedge_modifiers) if t not in sources]
    pairs = _pairs(sources, targets, code)
    confidence = round(hit.sense.weight * certainty * (1.0 if targets else 0.9), 3)
    return [
        _event(hit, code, status, s, t, confidence, n, sent, article, codebook)
        for s, t in pairs[:MAX_PAIRS]
    ]


def _modality(hit: Hit, lexicon: Lexicon) -> Modality | None:
    clause = hit.clause
    if _inside_content(clause, lexicon) or _purpose(clause):
        return None
    reported = args.sayer_of(clause, lexicon.speech_verbs) is not None
    if clause.pos_ in VERBAL:
        mod = clause_modality(clause, lexicon, reported)
    else:  # a free noun: the clause it sits in must be asserted ("did not allow the rally")
        verb = _clause_of(clause)
        mod = clause_modality(verb, lexicon, reported) if verb is not None else Modality("asserted")
    if mod is not None and hit.noun is not None and mod.recode is None and not hit.via_modal:
        return noun_modality(hit.noun, lexicon)
    return mod


def _clause_of(noun: Token) -> Token | None:
    tok = noun
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in VERBAL and tok.dep_ != "prep":  # "including", "following" are not clauses
            return tok
    return None


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
        if tok.pos_ in VERBAL and tok.i != noun_i:
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
        sentence=sent.text,
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
