"""Which triggers fire in a sentence: verbs, light-verb nouns, governors, free nouns."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from eventwire.events import arguments as args
from eventwire.events.lexicon import Lexicon
from eventwire.events.triggers import (
    VERBAL,
    Hit,
    embedded_verb,
    governing_verb,
    noun_sense,
    object_nouns,
    verb_sense,
)

# Acts done in the saying: "offered scathing criticism", "offered condolences" express them.
SPOKEN_ROOTS = frozenset({"01", "02", "10", "11", "12", "13"})

# Governors whose subject commits itself (to act, to refuse, to threaten), not someone else.
SELF_BOUND_MODALS = frozenset({"intent", "refuse", "threat"})


def sentence_hits(sent: Span, lexicon: Lexicon) -> list[Hit]:
    """Triggers of a sentence; governed and light-verb objects are folded into their governor."""
    consumed: set[int] = set()
    hits: list[Hit] = []
    for tok in sent:
        if tok.i in consumed or tok.pos_ not in VERBAL:
            continue
        if _in_scene(tok, lexicon):
            continue  # "After meeting X in Paris, Y said ...", "before the winter when unions
            # carried out strikes": the scene, not the news
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


def _in_scene(word: Token, lexicon: Lexicon) -> bool:
    """Is the word inside a phrase that sets the scene in time, at any depth ("after the
    meeting", "before the winter when unions carried out strikes")?"""
    tok = word
    while tok.head.i != tok.i:
        if tok.dep_ in ("pcomp", "pobj") and tok.head.lower_ in lexicon.background_preps:
            return True
        tok = tok.head
    return False


def _verb_hit(verb: Token, lexicon: Lexicon, consumed: set[int]) -> Hit | None:
    lemma = verb.lemma_.lower()
    if lemma in lexicon.speech_verbs:
        said = _obligation_hit(verb, lexicon, consumed) or _blame_hit(verb, lexicon, consumed)
        if said is not None:
            return said
    if lemma == "be":
        return _responsible_hit(verb, lexicon, consumed)
    sense = verb_sense(verb, lexicon)
    if lemma in lexicon.question_verbs:
        asked = _question(verb, lexicon)
        if asked is not None:
            consumed.update(asked)  # what was asked about is not said to have happened
            return None
    told = _foretold(verb, lexicon)
    if told is not None:  # "he expects ADB lending to reach ...": a forecast of others' acts
        consumed.update(t.i for t in told.subtree if t.pos_ in VERBAL)
    if lemma in lexicon.blocking_governors or forecast(verb, lexicon):
        emb = embedded_verb(verb)
        if emb is not None:
            consumed.add(emb.i)  # "failed to reach", "is expected to meet": nothing happened
            for inner in emb.subtree:  # nor in what it governs ("expected to tell X that ...")
                if inner.pos_ in VERBAL:
                    consumed.add(inner.i)
    modal = sense.modal if sense else ("intent" if lemma in lexicon.intent_governors else None)
    emb = embedded_verb(verb) if modal is not None else None
    if emb is not None and modal is not None and emb.i not in consumed:
        inner = _verb_hit(emb, lexicon, consumed)
        consumed.add(emb.i)
        if inner is not None:
            return _governed(verb, inner, modal, sense.id if sense else f"gov.{lemma}", lexicon)
    if lemma in lexicon.light_verbs or (sense and sense.modal):
        for noun in object_nouns(verb, lexicon.quantity_nouns, lexicon.responsibility_nouns):
            nsense = noun_sense(noun, lexicon, verb)
            if nsense is None or noun.i in consumed:
                continue
            consumed.add(noun.i)
            hit = Hit(nsense, nsense.code, nsense.id, verb, [verb, noun], noun, [noun, verb])
            said = lemma in lexicon.expressing_governors and nsense.code[:2] in SPOKEN_ROOTS
            if sense and sense.modal and not said:  # "offered criticism" expresses it
                return _governed(verb, hit, sense.modal, sense.id, lexicon)
            return hit
    if sense is None or (sense.modal and lexicon.only_governs(sense.modal)):
        return None  # "failed eight tests", "failed to have an impact": nothing happened
    if modal == "refuse" and emb is not None and emb.lemma_.lower() in lexicon.comment_verbs:
        # "refused to say whether ...", "declined to comment": no comment (011), aimed at no one
        sense = replace(sense, code=lexicon.no_comment_code, id=f"{sense.id}+{emb.lemma_.lower()}")
        return Hit(sense, sense.code, sense.id, verb, [verb, emb], None, [])
    if sense.code[:2] in FORCE_ROOTS and _figurative(verb, lexicon):
        return None  # "fight poverty", "bombarded the minister with requests"
    warning = sense.modal == "threat" and lemma in lexicon.warning_verbs
    if warning and _told_to(verb, emb, lexicon):
        # "warned the BBC to steer away from demonising him": told to act, no consequence named
        sense = replace(sense, code=lexicon.warning_demand_code, id=f"{sense.id}.told")
    elif warning and _foreseen(verb, lexicon):
        # "warned the Tories they risk pandering to prejudice": a dark forecast (012), not a
        # threat; "warned the EC it will face retaliation" stays one
        sense = replace(sense, code=lexicon.foreseeing_code, id=f"{sense.id}.foreseen")
    # a governor alone ("agreed to provide Sri Lanka with aid"): the governed act's arguments
    # may name the other side; not for one that addresses someone ("asks the Queen to dissolve
    # Parliament": the Queen, named or not, is asked)
    governed = emb if modal in SELF_BOUND_MODALS else None
    return Hit(sense, sense.code, sense.id, verb, [verb], None, [verb], governed=governed)


def _question(verb: Token, lexicon: Lexicon) -> set[int] | None:
    """The tokens a question is about, if `verb` asks one: "asked if/whether/why ...", "asked
    about ...", or "asked" as a bare participle with no request in it ("Asked by reporters, she
    said"). None when the verb asks someone to do something."""
    scope: set[int] = set()
    for child in verb.children:
        asks = child.dep_ in ("ccomp", "advcl", "xcomp") and any(
            g.lower_ in lexicon.question_words and g.i < child.i for g in child.subtree
        )
        if asks or (child.dep_ == "prep" and child.lower_ == "about"):
            scope.update(t.i for t in child.subtree)
    participle = verb.tag_ == "VBN" and not any(
        c.dep_ in ("aux", "auxpass", "xcomp", "ccomp") for c in verb.children
    )
    if scope or (participle and verb.dep_ in ("advcl", "acl", "ROOT")):
        return scope
    return None


def _obligation_hit(say: Token, lexicon: Lexicon, consumed: set[int]) -> Hit | None:
    """ "X said Y must withdraw": X demands (10x) that Y withdraw; "X said Y should withdraw":
    X appeals to Y (02x). Y is the target."""
    for clause in say.children:
        if clause.dep_ != "ccomp" or clause.i in consumed:
            continue
        auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        if not auxes & lexicon.obligation_auxes:
            continue
        modal = "demand" if auxes & lexicon.demand_auxes else "appeal"
        if modal == "appeal" and "have" in auxes:
            # "said the government should have acted sooner": reproach for what was not done
            consumed.add(clause.i)
            blamed = lexicon.senses("verb", "criticize")[0]
            subjects = [c for c in clause.children if c.dep_ in args.SUBJ | args.PASS_SUBJ]
            blamed = replace(blamed, weight=lexicon.should_weight)
            return Hit(
                blamed, blamed.code, "say.should_have", say, [say, clause], None, [], None, subjects
            )
        if modal == "appeal" and _opinion(clause, lexicon):
            continue  # "must" is a demand however it is worded; "should" may be advice
        consumed.add(clause.i)
        asked = lexicon.senses("verb", "demand" if modal == "demand" else "urge")[0]
        if modal == "appeal":
            asked = replace(asked, weight=lexicon.should_weight)
        inner = _verb_hit(clause, lexicon, consumed)
        code = (lexicon.recode(modal, inner.code) or inner.code) if inner else asked.code
        word = "must" if modal == "demand" else "should"
        rule = f"say.{word}+{inner.rule}" if inner else f"say.{word}"
        subjects = [c for c in clause.children if c.dep_ in args.SUBJ | args.PASS_SUBJ]
        tokens = [say, *(inner.tokens if inner else [clause])]
        return Hit(asked, code, rule, say, tokens, None, [], modal, subjects)
    return None


FORCE_ROOTS = frozenset({"15", "17", "18", "19", "20"})


def _figurative(verb: Token, lexicon: Lexicon) -> bool:
    """Is the force aimed at a thing no one fights as an enemy ("fight poverty", "attacked
    government red tape", "bombarded him with requests")?"""
    tools = args.prep_objects(verb, frozenset({"with"}))
    tools += [g for h in tools for g in args.prep_objects(h, frozenset({"of"}))]  # "a barrage of"
    lemmas = args.object_lemmas(verb) | {t.lemma_.lower() for h in tools for t in (h, *h.conjuncts)}
    # "capture 25 pct of the EC market": a share of a thing
    shares = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in SHARE_NOUNS]
    lemmas |= {g.lemma_.lower() for h in shares for g in args.prep_objects(h, frozenset({"of"}))}
    return bool(lemmas & lexicon.figurative_force_objects)


SHARE_NOUNS = frozenset({"pct", "percent", "%", "share", "part", "bulk", "most", "half", "third"})


def _told_to(verb: Token, emb: Token | None, lexicon: Lexicon) -> bool:
    """Does the warning tell its object to act, naming no consequence ("warned X to stop")?"""
    if emb is None or not any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    return not {t.lemma_.lower() for t in emb.subtree} & lexicon.threat_consequences


def _foreseen(verb: Token, lexicon: Lexicon) -> bool:
    """Does a warning's clause foresee trouble rather than promise the speaker's own act? A
    threat names a consequence ("will face retaliation", "would pay a price") or a first-person
    act ("we will act"); "that the plan risks chaos", "it is wrong to wait" foresee."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    if not clauses:
        return False
    for clause in clauses:
        words = {t.lemma_.lower() for t in clause.subtree}
        auxes = {c.lower_ for c in clause.children if c.dep_ == "aux"}
        subjects = {c.lower_ for c in clause.children if c.dep_ in args.SUBJ}
        if words & lexicon.threat_consequences or (auxes and subjects & FIRST_PERSON):
            return False
        # "would expel him if he continued", "would scale back ... should Huawei be given a
        # role": a conditional consequence is a threat
        conditional = (
            auxes & (lexicon.future_auxes | {"would"}) and words & lexicon.conditional_marks
        )
        if conditional or any(_inverted_should(t) for t in clause.subtree):
            return False
    return True


FIRST_PERSON = frozenset({"we", "i"})


def _inverted_should(token: Token) -> bool:
    """ "should Huawei be given a role": "should" before its subject opens a condition."""
    if token.lower_ != "should" or token.dep_ != "aux":
        return False
    return any(c.dep_ in args.SUBJ | args.PASS_SUBJ and c.i > token.i for c in token.head.children)


def forecast(verb: Token, lexicon: Lexicon) -> bool:
    """ "is expected to", "is likely to": someone else's forecast, not the subject's plan."""
    if verb.lemma_.lower() not in lexicon.speculative_governors:
        return False
    return verb.pos_ == "ADJ" or any(c.dep_ == "auxpass" for c in verb.children)


def _foretold(verb: Token, lexicon: Lexicon) -> Token | None:
    """The clause an active "expect/predict" governs with a subject of its own ("Ongpin expects
    ADB lending to reach the same level", "he predicted that Iran would attack"): the speaker's
    forecast of someone else's act, not an act. None for "Japan expects to sign" (a plan)."""
    if verb.lemma_.lower() not in lexicon.speculative_governors or verb.pos_ != "VERB":
        return None
    for child in verb.children:
        if child.dep_ == "ccomp" and any(g.dep_ in ("nsubj", "nsubjpass") for g in child.children):
            return child
    return None


def _opinion(clause: Token, lexicon: Lexicon) -> bool:
    """ "Y should have the authority", "should not expect", "should be punished if ...": an
    obliged state, a negation or a condition is an opinion, not an appeal to Y."""
    if clause.lemma_.lower() in lexicon.stative_obligations:
        return True
    if any(c.dep_ in ("neg", "auxpass") for c in clause.children):
        return True
    return any(
        c.dep_ == "advcl" and any(m.lower_ == "if" for m in c.children) for c in clause.children
    )


def _responsible_hit(be: Token, lexicon: Lexicon, consumed: set[int]) -> Hit | None:
    """ "X was responsible for the killings", "X is behind the attack": X did it."""
    for child in be.children:
        if child.lower_ not in lexicon.blame_words:
            continue
        holders = (
            [child]
            if child.dep_ == "prep"
            else [p for p in child.children if p.dep_ == "prep" and p.lower_ == "for"]
        )
        for prep in holders:
            for noun in (g for g in prep.children if g.dep_ == "pobj"):
                sense = noun_sense(noun, lexicon, None)
                if sense is None or noun.i in consumed:
                    continue
                consumed.add(noun.i)
                rule = f"be.{child.lower_}+{sense.id}"
                return Hit(sense, sense.code, rule, be, [be, child, noun], noun, [noun])
    return None


def _blame_hit(say: Token, lexicon: Lexicon, consumed: set[int]) -> Hit | None:
    """ "X said Y was responsible", "X said Y was behind the attack": X accuses Y (112)."""
    for clause in say.children:
        if clause.dep_ != "ccomp" or clause.lemma_ != "be" or clause.i in consumed:
            continue
        if any(c.dep_ == "neg" for c in clause.children):
            continue  # "said Y was not responsible" clears Y
        blamed = [
            c
            for c in clause.children
            if c.dep_ in ("acomp", "attr", "prep") and c.lower_ in lexicon.blame_words
        ]
        subjects = [c for c in clause.children if c.dep_ in args.SUBJ]
        if not blamed or not subjects:
            continue
        consumed.add(clause.i)
        accuse = lexicon.senses("verb", "accuse")[0]
        return Hit(accuse, "112", "say.responsible", say, [say, *blamed], None, [], None, subjects)
    return None


def _governed(gov: Token, inner: Hit, modal: str, rule: str, lexicon: Lexicon) -> Hit:
    """A governor recodes the event under it: "threatened to impose sanctions" -> 1312."""
    code = lexicon.recode(modal, inner.code) or inner.code
    # appeals and demands target their addressee ("urged X to ..."); an order keeps the inner
    # act, whose own object comes first ("ordered the paper to suspend publication" targets
    # the paper when the act names no one); other governors the inner target
    if modal in ("appeal", "demand"):
        target_from = [gov, *inner.target_from]
    elif modal == "command":
        target_from = [*inner.target_from, gov]
    else:
        target_from = inner.target_from
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
    verb = clause_of(noun)
    if (
        verb is not None
        and not has_agent
        and (verb_sense(verb, lexicon) or verb.lemma_ in lexicon.speech_verbs)
    ):
        return None  # "condemned the attack", "discussed prospects of cooperation": content
    if _in_scene(noun, lexicon):
        return None
    sense = noun_sense(noun, lexicon, gov)
    if sense is None:
        return None
    # "the attack by X on Y": the parser often hangs "on Y" on X
    agents = [g for c in noun.children if c.lower_ == "by" for g in c.children if g.dep_ == "pobj"]
    return Hit(sense, sense.code, sense.id, noun, [noun], noun, [noun, *agents])


def clause_of(noun: Token) -> Token | None:
    tok = noun
    for _ in range(8):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in VERBAL and tok.dep_ != "prep":  # "including", "following" are not clauses
            return tok
    return None
