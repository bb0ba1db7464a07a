"""The direction in time of the clause a time expression sits in: past, future or present.

With a spaCy Doc the governing verb decides (its tag, "will", "to be held", "plans to"); without
one a look at the words before the expression in the same sentence does.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from spacy.tokens import Doc, Token

from eventwire.times.lexicon import TimeLexicon

_FUTURE_WORDS = re.compile(
    r"\b(will|won't|shall|'ll|going to|to be held|due to|scheduled|planned|plans? to|"
    r"expected to|set (?:to|for)|next|upcoming|would)\b",
    re.IGNORECASE,
)
_PAST_WORDS = re.compile(
    r"\b(\w+ed|said|told|met|held|had|was|were|did|took|spoke|began)\b", re.IGNORECASE
)
_PLANNING = ("schedule", "postpone", "plan", "set", "due", "delay")  # the plan's date lies ahead
_SENTENCE_END = re.compile(r"[.!?]\s+(?=[A-Z\"“])|\n\s*\n")


def tense_from_text(text: str, start: int) -> str:
    """Heuristic direction from the nearest tense marker before `start` in its sentence (else
    the first one after it)."""
    left = text[max(0, start - 160) : start]
    cut = list(_SENTENCE_END.finditer(left))
    if cut:
        left = left[cut[-1].end() :]
    future = [m.end() for m in _FUTURE_WORDS.finditer(left)]
    past = [m.end() for m in _PAST_WORDS.finditer(left)]
    if future or past:
        return "future" if max(future, default=-1) > max(past, default=-1) else "past"
    right = text[start : start + 80]
    right = right[: m.start()] if (m := _SENTENCE_END.search(right)) else right
    future_at = _FUTURE_WORDS.search(right)
    past_at = _PAST_WORDS.search(right)
    if future_at and (not past_at or future_at.start() < past_at.start()):
        return "future"
    return "past" if past_at else "unknown"


def _clause_verb(token: Token) -> Token | None:
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX"):
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def _past_perfect(verb: Token) -> bool:
    """ "had been due to expire", "had not called": a time before a past reference point."""
    return any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("had", "'d") and c.tag_ == "VBD"
        for c in verb.children
    )


def _modal_perfect(verb: Token) -> bool:
    """ "may have been", "would have left": a modal over a perfect looks back, not ahead."""
    auxes = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return "have" in auxes and any(
        c.tag_ == "MD" for c in verb.children if c.dep_ in ("aux", "auxpass")
    )


def _verb_tense(verb: Token, lexicon: TimeLexicon) -> str:
    current = verb
    for _ in range(3):  # "had been due to expire": the perfect sits on a verb above
        if _past_perfect(current) or _modal_perfect(current):
            return "past"
        if current.dep_ not in ("xcomp", "acomp") or current.head.i == current.i:
            break
        current = current.head
    for child in verb.children:
        if child.dep_ in ("aux", "auxpass"):
            word = child.lower_
            if word in ("will", "wo", "shall", "'ll"):
                return "future"
            if child.tag_ == "MD" and word in ("would", "might", "may"):
                return "future"
    if verb.lemma_.lower() in _PLANNING:
        return "future"
    infinitive = any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children)
    if infinitive or (verb.tag_ == "VB" and verb.dep_ in ("xcomp", "acl")):
        # "to be held", "plans to meet", "is expected to arrive": future unless reported past
        head = verb.head
        if head.i == verb.i or head.lemma_.lower() in lexicon.future_verbs:
            return "future"
        return "past" if head.tag_ == "VBD" and head.pos_ in ("VERB", "AUX") else "future"
    if verb.tag_ == "VBD":
        return "past"
    if verb.tag_ == "VBN":
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ in ("VBD",) for a in auxes) or any(
            a.lower_ in ("has", "have") for a in auxes
        ):
            return "past"
        if any(a.tag_ in ("VBZ", "VBP") for a in auxes):
            return "present"
        return "past"
    if verb.tag_ in ("VBZ", "VBP", "VBG"):
        auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
        if any(a.tag_ == "VBD" for a in auxes):
            return "past"
        return "present"
    return "unknown"


def token_starts(doc: Doc) -> list[int]:
    """Character offset of each token: computed once per doc for `tense_from_doc`."""
    return doc.to_array("IDX").tolist() if len(doc) else []


def tense_from_doc(
    doc: Doc, start: int, end: int, lexicon: TimeLexicon, starts: list[int] | None = None
) -> str:
    """Direction from the verb governing the expression at character offsets [start, end)."""
    starts = starts if starts is not None else token_starts(doc)
    first = max(0, bisect_right(starts, start) - 1)
    last = max(first + 1, bisect_left(starts, end))
    if first >= len(doc):
        return "unknown"
    span = doc[first:last]
    verb = _clause_verb(span.root)
    if span.root.head.lower_ in ("until", "till", "ahead", "effective", "starting", "beginning"):
        return "past" if verb is not None and _past_perfect(verb) else "future"
    if verb is None:
        return "unknown"
    if verb.tag_ == "VBD" and verb.lemma_.lower() in _PLANNING and span.end <= verb.i:
        return "past"  # "On Friday, the government planned to ...": the day the plan was made
    tense = _verb_tense(verb, lexicon)
    if (
        tense == "present"
        and verb.dep_ in ("ccomp", "xcomp", "advcl", "conj")
        and verb.head.tag_ == "VBD"
    ):
        return "past"
    if tense == "present" and verb.tag_ == "VBG" and not _has_aux(verb):
        # a bare participle ("flights departing from August 6") has the tense of its clause
        outer = _clause_verb(verb.head) if verb.head.i != verb.i else None
        if outer is not None and outer.i != verb.i:
            found = _verb_tense(outer, lexicon)
            return found if found in ("past", "future") else tense
    return tense


def _has_aux(verb: Token) -> bool:
    return any(c.dep_ in ("aux", "auxpass") for c in verb.children)
