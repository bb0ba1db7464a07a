"""Headline check: which claims of a headline the article's body supports, and which it does not.

Headlines are written to sell: "Turkey loses control of Idlib and Libya" may sit on a story that
never says so. eventwire never codes a headline as evidence; this check says, per claim, whether
the body backs it, and why.

A claim is a clause of the headline: a verb with what hangs on it (a headline with two verbs
makes two claims; one the parser finds no verb in is one claim). Its actors and events are found
by the same stages as the body's, on the headline alone. A claim is
- `supported` when the body has an event of the same PLOVER type whose acting side is the
  claim's (a state, its government and its military are one side, as in clusters);
- `mentioned` when no event backs it but a body paragraph names one of its sides and uses one of
  its words (its verb or a noun): the body talks of it, in other words than the coder reads;
- `not supported` when the claim names a side and the body says none of its words of that side
  (the seed's "Turkey loses control of both": the body never says "lose" or "control");
- `unchecked` when the claim names no actor to look for (nothing to hold the body to).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from eventwire.clusters import actor_key
from eventwire.events.symmetry import is_symmetric
from eventwire.records import Actor, Article, Event

if TYPE_CHECKING:
    from eventwire.pipeline import ArticleAnalysis, Coder

# A reported claim ("Blair says mayor should apologise") stays one claim: ccomp is not split.
CLAUSE_DEPS = frozenset({"ROOT", "conj", "advcl", "csubj", "parataxis", "relcl"})
CONTENT_POS = frozenset({"VERB", "NOUN", "PROPN", "ADJ"})
SUPPORTED, MENTIONED = "supported", "mentioned"
NOT_SUPPORTED, UNCHECKED = "not supported", "unchecked"


@dataclass(frozen=True, slots=True)
class HeadlineClaim:
    article_id: str
    text: str  # the clause of the headline
    verb: str  # the lemma of its verb ("" when the parser found none)
    sides: tuple[str, ...]  # the acting sides it names (actor keys, as in clusters)
    codes: tuple[str, ...]  # CAMEO codes of the events coded from it (may be empty)
    status: str  # supported | mentioned | not supported | unchecked
    evidence: tuple[str, ...]  # body event ids (supported) or sentences (mentioned)
    reason: str  # one line a reader can check


def check_headline(article: Article, coder: Coder) -> list[HeadlineClaim]:
    """The claims of `article.title` with what the body says of each (empty without a title)."""
    if not article.title.strip() or article.published is None:
        return []
    body_doc = coder.parse(article.text)
    body = coder.analyse_doc(article, body_doc)
    head_article = dataclasses.replace(article, text=article.title)
    head_doc = coder.nlp(article.title)
    head = coder.analyse_doc(head_article, head_doc)
    return [
        _judge(article.id, clause, head, body, body_doc) for clause in headline_clauses(head_doc)
    ]


def headline_clauses(doc: Doc) -> list[Span]:
    """One span per clause verb, each without the clauses under it (in text order); the whole
    headline when the parser finds no verb ("UK pledges £1bn" is often read as nouns)."""
    verbs = [t for t in doc if t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS]
    if not verbs:
        return [doc[:]] if len(doc) else []
    owned: dict[int, int] = {}  # token -> the verb whose clause it is in
    for verb in sorted(verbs, key=lambda v: -_depth(v)):  # deepest first keeps its own words
        for tok in verb.subtree:
            owned.setdefault(tok.i, verb.i)
    spans = []
    for verb in verbs:
        mine = [i for i, v in owned.items() if v == verb.i]
        spans.append(doc[min(mine) : max(mine) + 1])
    return sorted(spans, key=lambda s: s.start)


def _depth(tok: Token) -> int:
    depth = 0
    while tok.head.i != tok.i:
        tok, depth = tok.head, depth + 1
    return depth


def _clause_verb(clause: Span) -> Token | None:
    return next((t for t in clause if t.pos_ in ("VERB", "AUX") and t.dep_ in CLAUSE_DEPS), None)


def _judge(
    article_id: str, clause: Span, head: ArticleAnalysis, body: ArticleAnalysis, body_doc: Doc
) -> HeadlineClaim:
    verb = _clause_verb(clause)
    actors = _claim_actors(clause, verb, head.actors)
    sides = tuple(dict.fromkeys(k for a in actors if (k := actor_key(a)) is not None))
    events = [e for e in head.events if clause.start_char <= e.evidence.start < clause.end_char]
    lemma = verb.lemma_.lower() if verb is not None else ""

    start = min([clause.start_char, *(a.start for a in actors)])
    text = clause.doc.text[start : clause.end_char]  # with a subject found just before it

    def claim(status: str, evidence: Iterable[str], reason: str) -> HeadlineClaim:
        codes = tuple(e.cameo for e in events)
        return HeadlineClaim(article_id, text, lemma, sides, codes, status, tuple(evidence), reason)

    if not sides:
        return claim(UNCHECKED, (), "the claim names no actor to look for in the body")
    for event in events:
        backing = [b for b in body.events if _backs(event, b)]
        if backing:
            return claim(
                SUPPORTED,
                [b.id for b in backing],
                f"the body reports {event.plover.type} by {actor_key(event.source)} "
                f"({len(backing)} event{'s' if len(backing) > 1 else ''})",
            )
    words = _content_lemmas(clause, actors)
    names = {a.text.split()[-1].lower() for a in actors if a.text.split()}
    sentences, used = _sentences_saying(body_doc, words, set(sides), names, body.actors)
    who = ", ".join(sides)
    if sentences:
        return claim(MENTIONED, sentences, f"a paragraph naming {who} uses {_quoted(used)}")
    kind = f"no {events[0].plover.type} event by {who}, and " if events else ""
    return claim(
        NOT_SUPPORTED,
        (),
        f"the body has {kind}no paragraph naming {who} that uses {_quoted(words, 'or')}",
    )


def _quoted(words: set[str], joiner: str = "and") -> str:
    items = [f"'{w}'" for w in sorted(words)]
    if len(items) < 2:
        return items[0] if items else "any word of it"
    return f"{', '.join(items[:-1])} {joiner} {items[-1]}"


def _content_lemmas(clause: Span, actors: list[Actor]) -> set[str]:
    """The claim's own words: verbs, nouns and adjectives outside its actors' names."""
    named = [(a.start, a.end) for a in actors]
    return {
        t.lemma_.lower()
        for t in clause
        if t.pos_ in CONTENT_POS
        and not t.is_stop
        and not any(s <= t.idx < e for s, e in named)
        and any(c.isalpha() for c in t.text)
    }


def _claim_actors(clause: Span, verb: Token | None, actors: list[Actor]) -> list[Actor]:
    """Actors inside the clause, or the one just before its verb (headlines drop the grammar
    that would tie them: "... as Turkey loses control")."""
    inside = [a for a in actors if clause.start_char <= a.start < clause.end_char]
    if inside or verb is None:
        return inside
    before = [a for a in actors if a.end <= verb.idx and verb.idx - a.end <= 2]
    return before[-1:]


def _backs(claimed: Event, reported: Event) -> bool:
    """Same PLOVER type, done by the same side (either side, for symmetric acts like talks)."""
    if claimed.plover.type != reported.plover.type:
        return False
    side = actor_key(claimed.source)
    if side == actor_key(reported.source):
        return True
    return is_symmetric(claimed.cameo) and side == actor_key(reported.target)


def _sentences_saying(
    doc: Doc, words: set[str], sides: set[str], names: set[str], actors: list[Actor]
) -> tuple[list[str], set[str]]:
    """Body sentences that use one of the claim's words in a paragraph that names one of its
    sides (as a coded actor, or by the last word of its name: "Lord Woolf" for "Woolf"), and
    the words they use."""
    found: list[str] = []
    used: set[str] = set()
    for start, end in _paragraphs(doc.text):
        named = {actor_key(a) for a in actors if start <= a.start < end}
        tokens = doc.char_span(start, end, alignment_mode="expand") or doc[0:0]
        if not (named & sides or any(t.lower_ in names for t in tokens)):
            continue
        for sent in doc.sents:
            if not start <= sent.start_char < end:
                continue
            hits = {t.lemma_.lower() for t in sent if t.pos_ in CONTENT_POS} & words
            if hits:
                found.append(sent.text.strip())
                used |= hits
    return found, used


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph (blank-line separated; the whole text if none)."""
    spans, start = [], 0
    for match in re.finditer(r"\n\s*\n", text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(s, e) for s, e in spans if text[s:e].strip()]
