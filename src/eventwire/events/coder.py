"""code_events: sentences -> CAMEO events (source, trigger, target, modality, evidence)."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from spacy.tokens import Doc, Span, Token

from eventwire.events import arguments as args
from eventwire.events.codebook import Codebook, code_fields
from eventwire.events.confidence import VIOLENT_ROOTS, event_confidence
from eventwire.events.hits import clause_of, forecast, sentence_hits
from eventwire.events.lexicon import Lexicon
from eventwire.events.modality import WITHHELD, Modality, clause_modality, noun_modality
from eventwire.events.sides import ADDRESSING, CHANNEL_AGENTS, event_sides, own_side
from eventwire.events.symmetry import is_symmetric
from eventwire.events.triggers import VERBAL, Hit
from eventwire.records import UNKNOWN_CODE, Actor, Article, Event, Evidence

CONTENT_DEPS = frozenset({"ccomp", "pcomp", "csubj", "xcomp", "acl"})
MAX_PAIRS = 4


def code_events(
    doc: Doc,
    article: Article,
    actors: Sequence[Actor],
    lexicon: Lexicon,
    codebook: Codebook,
    *,
    index: args.ActorLookup | None = None,
    places: Sequence[Actor] = (),
) -> list[Event]:
    """Every event asserted (or planned) in the article's sentences, one per source-target pair.

    `index` maps tokens to actors; by default the actor stage's ActorIndex (with coreference).
    `places` are places with a country, as sides (code: the country) that only force, coercion
    and aid may be aimed at ("imposed a curfew on Basra" -> IRQ), never a source.
    """
    index = index or args.make_index(doc, actors)
    if places:
        index = args.WithPlaces(index, args.SpanIndex(places))
    events: list[Event] = []
    for n, sent in enumerate(doc.sents):
        if sent.text.rstrip().endswith("?"):
            continue  # questions assert nothing
        for hit in _without_consequences(list(sentence_hits(sent, lexicon)), lexicon):
            events.extend(_events_of(hit, n, sent, article, index, lexicon, codebook))
    return events


def _without_consequences(hits: list[Hit], lexicon: Lexicon) -> list[Hit]:
    """The hits less the casualties of an attack the sentence codes already ("attacked a base,
    killing 17 soldiers", "a Taliban attack killed 20 troops"): one act, told with its toll."""
    force = {t.i for h in hits if h.code[:2] in VIOLENT_ROOTS for t in h.tokens}
    if not force:
        return hits

    def toll(hit: Hit) -> bool:
        verb = hit.clause
        if hit.noun is not None or verb.lemma_.lower() not in lexicon.toll_verbs:
            return False
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.i in force:
            return True
        return any(c.dep_ == "nsubj" and c.i in force for c in verb.children)

    return [h for h in hits if not toll(h)]


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
    sides = event_sides(hit, code, index, lexicon)
    sources, certainty = sides.sources, sides.certainty
    if hit.rule.startswith("say.") and all(s.agent in CHANNEL_AGENTS for s in sources):
        return []  # "Kyodo said Japan should ...": a channel's report, not its demand
    if not sources:
        return []
    if status == "future" and _foretold_by_outsider(hit, sources, index, lexicon):
        certainty *= lexicon.outsider_forecast_weight  # "Andrew Marr says Blair will ask ..."
    weight = hit.sense.weight
    if hit.noun is not None and hit.noun.i == hit.clause.i and status != "future":
        # a noun no verb tells of is mostly a standing state or a mention ("the EU embargo on
        # China", "Baker's support for the Fed chairman"), unless planned ("talks to be held")
        weight *= lexicon.free_noun_weight
    mutual = hit.clause.lemma_.lower() in lexicon.reciprocal_governors
    own_act = hit.via_modal not in ADDRESSING  # not "called for talks"
    targets = sides.targets
    if _each_other(sources, code, sides.target_rule):
        targets = []  # "Trump and Putin agreed to share information on North Korea"
    pairs = _pairs(sources, targets, code, hit.sense.code, mutual, own_act)
    how = sides.target_rule if targets else "the other coordinated side (a reciprocal act)"
    events = []
    for s, t in pairs[:MAX_PAIRS]:
        if hit.rule.startswith("say.") and _own_state(s, t):
            # "China should tighten imports, Premier Zhao said": a leader's policy for his own
            # country is a statement, not an appeal to it
            s_code, t = lexicon.own_policy_code, None
        else:
            s_code = code
        said = _by_sides(_in_words(s_code, hit, s, t, lexicon), hit, s, t, lexicon)
        planned = status == "future" and said[:2] in lexicon.planned_address_roots
        # "will ask Parliament": the code names an act still to come
        own = weight * lexicon.planned_address_weight if planned else weight
        confidence = event_confidence(own, certainty, said, s, t)
        rule = how if t is not None else ""
        events.append(_event(hit, said, status, s, t, confidence, n, sent, article, codebook, rule))
    return events


def _foretold_by_outsider(
    hit: Hit, sources: list[Actor], index: args.ActorLookup, lexicon: Lexicon
) -> bool:
    """Is a future act told by someone who cannot plan it: a journalist, a paper or a name no
    table knows ("Andrew Marr says Mr Blair will ask the Queen")? Those who act, and officials
    of their side, announce plans; others forecast them."""
    sayer = args.sayer_of(hit.clause, lexicon.speech_verbs)
    if sayer is None:
        return False
    teller = index.actor_for_token(sayer)
    if teller is None or teller in sources:
        return False
    return teller.code == UNKNOWN_CODE or teller.agent in CHANNEL_AGENTS


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


def _modality(hit: Hit, lexicon: Lexicon) -> Modality | None:
    clause = hit.clause
    if _inside_content(clause, lexicon) or _purpose(clause) or _background(hit, lexicon):
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
    return clause.dep_ == "advcl" and args.has_to(clause)


def _background(hit: Hit, lexicon: Lexicon) -> bool:
    """A clause that tells what came before ("after the court backed the powers") or, for force
    and coercion, describes a standing state ("Turkey, which occupies northern Cyprus"): scene,
    not news."""
    clause = hit.clause
    if _retold(clause):
        return True
    if clause.dep_ == "advcl":
        marks = {c.lower_ for c in clause.children if c.dep_ == "mark"}
        return bool(marks & lexicon.background_marks) and _main_news(clause.head, lexicon)
    standing = clause.dep_ == "relcl" and clause.tag_ in ("VBZ", "VBP")
    if not standing or hit.code[:2] not in STANDING_ROOTS:
        return False
    return not any(c.dep_ == "aux" or c.ent_type_ in ("DATE", "TIME") for c in clause.subtree)


# "at the time", "until now", "up to now": the clause retells what was, not the day's news
RETOLD = frozenset({("at", "time"), ("until", "now"), ("up", "now"), ("until", "then")})
# "in recent years", "over the past decades": a habit or a standing state, no one act ("for
# years" is left: PLV's coders code "has been providing aid for years" as aid)
SPAN_WORDS = frozenset({"years", "decades"})
RECENT_WORDS = frozenset({"recent", "past", "last"})


def _retold(clause: Token) -> bool:
    """Is the clause told as it was then ("was welcomed at the time by Beijing", "until now
    the US had allowed Britain to lead") or as a habit ("have invested in recent years")?"""
    for child in clause.children:
        if child.dep_ != "prep":
            continue
        words = {g.lower_ for g in child.subtree}
        if child.i + 1 < len(child.doc):  # "until now": the parser may hang "now" on the verb
            words.add(child.doc[child.i + 1].lower_)
        if any(prep == child.lower_ and word in words for prep, word in RETOLD):
            return True
        if child.lower_ in ("in", "over") and words & SPAN_WORDS and words & RECENT_WORDS:
            return True
    return False


# Acts that may be told as a standing state: occupying, controlling, blockading, fighting.
STANDING_ROOTS = frozenset({"15", "17", "18", "19", "20"})


def _main_news(verb: Token, lexicon: Lexicon) -> bool:
    """Does the main clause tell an act of its own, with its doer ("The detainees appealed
    after the court backed ...")? Not "The move came after X released ...", nor "26 were killed
    after a bomb struck ...", where the news is the earlier clause."""
    if verb.pos_ not in VERBAL or not lexicon.senses("verb", verb.lemma_.lower()):
        return False
    if verb.dep_ == "xcomp" and forecast(verb.head, lexicon):
        return False  # "is expected to fall after X decided to withdraw": the news is X's
    return not any(c.dep_ == "auxpass" for c in verb.children)


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
        if (
            tok.dep_ == "acl"
        ):  # "reports (that) Mr Blair was considering"; not "a report accusing X"
            said = head.pos_ == "NOUN" and lemma in lexicon.content_nouns
            return said and any(c.dep_ in args.SUBJ for c in tok.children)
        if lemma in lexicon.speech_verbs:
            return False
        if lemma in lexicon.blocking_governors or lexicon.senses("verb", lemma):
            return True
        tok = head
    return False


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


def _own_state(source: Actor, target: Actor | None) -> bool:
    """Is the target the source's own state or government ("Zhao" and "China")?"""
    if target is None or source.country is None or target.country != source.country:
        return False
    return source.agent in ("GOV", None) and target.agent in ("GOV", None)


VERBAL_CRITICISM = "111"
PHYSICAL_FORCE_ROOTS = frozenset({"18", "19"})


def _by_sides(code: str, hit: Hit, source: Actor, target: Actor | None, lexicon: Lexicon) -> str:
    """Codes the sides rule out: a government does not arrest a state ("Washington charged
    France with unfair trade practices" accuses it, 112); civilians who blockade a border or
    storm a building protest (14x), they do not use force as armed men do; speaking to an
    audience is a statement (010), not a consultation."""
    lemma = (hit.noun if hit.noun is not None else hit.clause).lemma_.lower()
    legal = source.agent in lexicon.armed_agents or source.agent == "JUD"
    charged = lemma in lexicon.state_target_lemmas
    if target is not None and target.kind == "state" and charged and not legal:
        code = lexicon.state_target_recodes.get(code, code)
    civilian = source.agent in lexicon.civilian_agents
    if civilian and lemma in lexicon.civilian_force_lemmas:
        code = lexicon.civilian_force_recodes.get(code, code)
    if civilian and code[:2] in PHYSICAL_FORCE_ROOTS:
        code = lexicon.civilian_lemma_codes.get(lemma, code)  # "trade unions carried out strikes"
    audience = target is not None and target.agent in lexicon.audience_agents
    if code[:2] == "04" and lemma in lexicon.audience_lemmas and audience:
        code = lexicon.audience_code  # "speaking to Parliament", "talking to teenagers"
    return code


def _in_words(code: str, hit: Hit, source: Actor, target: Actor | None, lexicon: Lexicon) -> str:
    """ "Letwin attacked the minister": a person's attack on anything but a state or a place is
    criticism (111), unless the person is armed (a soldier, a rebel); anyone's attack on a plan,
    a budget or a remark is too ("the party attacked the government's budget"); so is a
    person's "scathing attack on" anyone but a state."""
    if code[:2] not in PHYSICAL_FORCE_ROOTS:
        return code
    word = hit.noun if hit.noun is not None else hit.clause
    if word.lemma_.lower() not in lexicon.verbal_force_lemmas:
        return code
    if hit.noun is None and args.object_lemmas(word) & lexicon.criticised_things:
        return VERBAL_CRITICISM
    if source.kind != "person" and source.agent not in lexicon.speaking_agents:
        return code  # a party, a paper or a lobby attacks in words as a person does
    if source.agent in lexicon.armed_agents:
        return code
    if target is not None and target.kind in ("state", "place"):
        return code  # "Saddam attacked Kuwait": a leader's war
    return VERBAL_CRITICISM


# Targets found only deep in a phrase or among a noun's modifiers: weaker than coordinated sides
# of a reciprocal act, who are each other's ("Putin and Medvedev attended a cabinet meeting").
INDIRECT_TARGET_RULES = ("inside the", "maker or party of")


def _each_other(sources: list[Actor], code: str, target_rule: str) -> bool:
    """Are coordinated sources of a reciprocal act each other's sides rather than the sides of
    an actor named only deep in its object or as a modifier of its noun?"""
    if len(sources) < 2 or not target_rule.startswith(INDIRECT_TARGET_RULES):
        return False
    first, *others = sorted(sources, key=lambda a: a.start)
    if all(own_side(o, [first]) for o in others):
        return False
    # not force: "the army and allied fighters hit positions in Saudi Arabia" are allies
    return code[:2] not in VIOLENT_ROOTS and is_symmetric(code)


def _pairs(
    sources: list[Actor],
    targets: list[Actor],
    code: str,
    trigger_code: str,
    mutual: bool = False,
    own_act: bool = True,
) -> list[tuple[Actor, Actor | None]]:
    """Source-target pairs; coordinated sources of a reciprocal act are each other's sides
    ("A and B met", "A and B failed to reach agreement": the agreement is between them), and so
    are those of a `mutual` governor ("A and B agreed to a ceasefire"). A reciprocal act asked of
    others is not (`own_act` False: "A and B called for talks", "... for action to fight X")."""
    if targets:
        return [(s, t) for s in sources for t in targets]
    reciprocal = mutual or is_symmetric(code) or (own_act and is_symmetric(trigger_code))
    if len(sources) >= 2 and reciprocal:  # the first named is the source, as coders read it
        first, *others = sorted(sources, key=lambda a: a.start)
        others = [o for o in others if not own_side(o, [first])]  # "the FAO ... the FAO"
        return [(first, other) for other in others] or [(first, None)]
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
    target_rule: str = "",
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
        **code_fields(entry),
        date=None,
        date_source="published",
        place=None,
        modality=status,
        confidence=confidence,
        # the trigger's rule, and the rule that found the target: "verb.meet; target: object"
        evidence=Evidence(
            article.text[start:end],
            start,
            end,
            f"{hit.rule}; target: {target_rule}" if target_rule else hit.rule,
        ),
        mentions=1,
    )
