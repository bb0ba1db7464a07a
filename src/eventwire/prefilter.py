"""Sentence pre-filter: sentences that cannot hold an event skip the parser.

The event coder fires only on a sentence holding a trigger: a token whose lemma is a verb or noun
of the event lexicon, or a speech verb with "must"/"should" or a blame word ("X said Y must
withdraw", "X said Y was behind it"). `TriggerWords` holds every surface form of those lemmas
(general English inflection rules plus the irregular forms in `prefilter_words.yaml`), so a
lower-cased word set of a cheaply split sentence tells whether the sentence can hold an event.

What is kept, so that the events do not change: every sentence that can hold an event; before it
the `before` sentences, the rest of its paragraph and the paragraph before (where the actor index
resolves "he", "it", "the minister"); the sentence after it when that one has a speech verb (the
parser may run a quote and its attribution into one sentence, which makes the event reported);
and always the first sentence (a dateline names the place and the country context). Every other
sentence is masked: its first character becomes "." and the rest spaces (line breaks stay). The
Doc then has the length and offsets of the article's text, and the parser sees one token per
skipped sentence. Sentence starts are preset around each masked sentence, so `doc.sents` counts
it as one sentence and the events' `sentence_index` stays that of the full parse wherever the
cheap split agrees with the parser's.

Scope: a pre-filtered Doc is fit for events only. Times, places and actors named in skipped
sentences are missing from it, and `eventwire times`, `eventwire places`, the evaluation and
`Coder.analyse*` promise them complete, so the pipeline uses this module only where events alone
are the output (`Coder.code_batch`, `Coder.code_article`: ingest, `eventwire code`, the API's
POST /code, the Dask workers). What can still differ: an actor whose country came from the
document's most named country, or a place resolved by the document's other places, when those
were named only in skipped sentences.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language
from spacy.tokens import Doc

from eventwire.events.lexicon import Lexicon

WORD = re.compile(r"[^\W\d_]+")
COMPOUND = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)+")  # "sit-in", "cease-fire"
# A sentence ends at ., ! or ? (closing quotes/brackets with it) before white space and a word
# that can start a sentence. A blank line alone ends none: the parser runs the lines of a table
# ("Shr 34 cts vs 1.19 dlrs\n\nNet 807,000 vs ...") into one sentence.
STOP = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
INITIALS = re.compile(r"^(?:[^\W\d_]\.)*[^\W\d_]$")  # "J", "L.K", "U.S"
LAST_WORD = re.compile(r"(\S+?)\.+$")
VOWELS = frozenset("aeiou")
NO_DOUBLING = frozenset("wxy")
PLACEHOLDER = "."
PARAGRAPH_BREAK = re.compile(r"\n+")


class PrefilterWordsError(ValueError):
    """prefilter_words.yaml is malformed (the message says where)."""


@dataclass(frozen=True, slots=True)
class TriggerWords:
    """Surface forms that can make a sentence hold an event, lower-cased."""

    triggers: frozenset[str]  # forms of the lexicon's verb and noun lemmas
    sayers: frozenset[str]  # forms of its speech verbs
    said_cues: frozenset[str]  # with a sayer: "must", "should", "responsible", "behind"...
    abbreviations: frozenset[str]  # words whose full stop ends no sentence

    @classmethod
    def load(cls, lexicon: Lexicon, path: Path | None = None) -> TriggerWords:
        data = read_prefilter_words(path)
        irregular = data["irregular"]
        lemmas = [*lexicon.verbs, *lexicon.nouns]
        return cls(
            triggers=frozenset(f for lemma in lemmas for f in inflections(lemma, irregular)),
            sayers=frozenset(f for v in lexicon.speech_verbs for f in inflections(v, irregular)),
            said_cues=lexicon.obligation_auxes | lexicon.blame_words,
            abbreviations=frozenset(data["abbreviations"]),
        )

    def can_hold_event(self, sentence: str) -> bool:
        lower = sentence.lower()
        words = {*WORD.findall(lower), *COMPOUND.findall(lower)}
        if not words.isdisjoint(self.triggers):
            return True
        return not words.isdisjoint(self.sayers) and not words.isdisjoint(self.said_cues)

    def says(self, sentence: str) -> bool:
        """Does the sentence hold a speech verb ("..., he said.")?"""
        return not self.sayers.isdisjoint(WORD.findall(sentence.lower()))


def read_prefilter_words(path: Path | None = None) -> dict[str, Any]:
    """The pre-filter's word lists: {"irregular": {lemma: [forms]}, "abbreviations": [words]}."""
    text = (
        path.read_text(encoding="utf-8")
        if path
        else resources.files("eventwire").joinpath("prefilter_words.yaml").read_text("utf-8")
    )
    data = yaml.safe_load(text)
    if not isinstance(data, dict) or set(data) != {"irregular", "abbreviations"}:
        raise PrefilterWordsError(
            "prefilter_words.yaml needs exactly `irregular` and `abbreviations`"
        )
    irregular = data["irregular"]
    if not isinstance(irregular, dict) or not all(
        isinstance(k, str) and isinstance(v, list) and all(isinstance(f, str) for f in v)
        for k, v in irregular.items()
    ):
        raise PrefilterWordsError("`irregular` maps each lemma to a list of forms")
    if not all(isinstance(w, str) for w in data["abbreviations"]):
        raise PrefilterWordsError("`abbreviations` is a list of words")
    return {
        "irregular": {k.lower(): tuple(f.lower() for f in v) for k, v in irregular.items()},
        "abbreviations": [w.lower() for w in data["abbreviations"]],
    }


def inflections(lemma: str, irregular: dict[str, tuple[str, ...]]) -> set[str]:
    """Every form of `lemma` as a verb or a noun, over-generated on purpose: a form too many only
    keeps a sentence, a form too few could drop an event."""
    lemma = lemma.lower()
    forms = {lemma, lemma + "s", lemma + "es", lemma + "ed", lemma + "ing", lemma + "'s"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("ie"):
        forms.add(lemma[:-2] + "ying")
    if len(lemma) > 1 and lemma.endswith("y") and lemma[-2] not in VOWELS:
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if _doubles(lemma):  # "ban" -> "banned", "travel" -> "travelled"
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    forms.update(irregular.get(lemma, ()))
    return forms


def _doubles(lemma: str) -> bool:
    if len(lemma) < 3 or lemma[-1] in VOWELS or lemma[-1] in NO_DOUBLING:
        return False
    return lemma[-2] in VOWELS and lemma[-3] not in VOWELS


def sentence_spans(text: str, abbreviations: Iterable[str] = ()) -> list[tuple[int, int]]:
    """(start, end) of each sentence by a cheap split, white space outside every span."""
    abbrev = frozenset(abbreviations)
    spans: list[tuple[int, int]] = []
    start = 0
    for stop in STOP.finditer(text):
        end = stop.end()
        if text[stop.start()] == "." and _abbreviation(text[start : stop.start() + 1], abbrev):
            continue
        _add_span(text, start, end, spans)
        start = end
    _add_span(text, start, len(text), spans)
    return spans


def _abbreviation(before: str, abbrev: frozenset[str]) -> bool:
    """Does the text up to a full stop end with an abbreviation or initials ("J.", "U.S.")?"""
    found = LAST_WORD.search(before)
    if found is None:
        return False
    word = found.group(1).lstrip("\"'“‘([").lower()
    return INITIALS.match(word) is not None or word in abbrev


def _add_span(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if stripped:
        lead = len(chunk) - len(chunk.lstrip())
        spans.append((start + lead, start + lead + len(stripped)))


def kept_sentences(
    sentences: list[str], words: TriggerWords, before: int = 1, paragraphs: list[int] | None = None
) -> list[bool]:
    """Which sentences to parse: those that can hold an event; before each of them the `before`
    sentences and, given each sentence's paragraph number, the rest of its paragraph and the
    whole paragraph before (where actor coreference looks for "he", "it", "the ministry"); the
    sentence after one when it says who said it (a quote's attribution makes the event
    reported); the first; and any of one word or none."""
    holds = [words.can_hold_event(s) for s in sentences]
    keep = list(holds)
    for i, held in enumerate(holds):
        if not held:
            continue
        j = i - 1
        while j >= 0 and (
            j >= i - before or (paragraphs is not None and paragraphs[j] >= paragraphs[i] - 1)
        ):
            keep[j] = True
            j -= 1
        if i + 1 < len(sentences) and words.says(sentences[i + 1]):
            keep[i + 1] = True
    if keep:
        keep[0] = True
    # a word or none ("REUTER"): nothing to save, and the parser may run it into the sentence
    return [k or len(WORD.findall(s)) <= 1 for k, s in zip(keep, sentences, strict=True)]


def paragraph_numbers(text: str, spans: list[tuple[int, int]]) -> list[int]:
    """The paragraph of each span, counting runs of line breaks before it as the actor index
    does."""
    numbers, count, last = [], 0, 0
    for start, _ in spans:
        count += len(PARAGRAPH_BREAK.findall(text, last, start))
        last = start
        numbers.append(count)
    return numbers


def masked_text(text: str, spans: list[tuple[int, int]], keep: list[bool]) -> str:
    """The text with each skipped sentence turned into "." and spaces (white space kept)."""
    chars = list(text)
    for (start, end), kept in zip(spans, keep, strict=True):
        if kept:
            continue
        chars[start] = PLACEHOLDER
        for i in range(start + 1, end):
            if not chars[i].isspace():
                chars[i] = " "
    return "".join(chars)


def prefiltered_doc(nlp: Language, text: str, words: TriggerWords, before: int = 1) -> Doc:
    """A tokenized, not yet parsed Doc of `text` with the sentences that cannot hold an event
    masked; hand it to `nlp.pipe` or `nlp(...)` like a text."""
    spans = sentence_spans(text, words.abbreviations)
    paragraphs = paragraph_numbers(text, spans)
    keep = kept_sentences([text[s:e] for s, e in spans], words, before, paragraphs)
    if all(keep):
        return nlp.make_doc(text)
    doc = nlp.make_doc(masked_text(text, spans, keep))
    preset_boundaries(doc, [span for span, kept in zip(spans, keep, strict=True) if not kept])
    return doc


def preset_boundaries(doc: Doc, skipped: list[tuple[int, int]]) -> None:
    """Each masked sentence is one sentence of its own: a start at its placeholder, none inside
    it or in the white space after it, a start at the next word."""
    starts = [t.idx for t in doc]
    for start, end in skipped:
        i = bisect_left(starts, start)
        if i >= len(doc):
            continue
        doc[i].is_sent_start = True
        i += 1
        while i < len(doc) and (doc[i].idx < end or doc[i].is_space):
            doc[i].is_sent_start = False
            i += 1
        if i < len(doc):
            doc[i].is_sent_start = True
