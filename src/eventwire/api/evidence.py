"""Where the trigger and the actors sit inside an event's sentence, for highlighting.

Event offsets index the article text; the sentence is a slice of it. With the article text the
sentence is found around the trigger offset and every offset is shifted into it; without the
text (an article not stored) the spans are found by searching the sentence for their words.
"""

from __future__ import annotations

from typing import Any

from eventwire.records import Event


def sentence_start(text: str, sentence: str, offset: int) -> int | None:
    """Start of the occurrence of `sentence` in `text` that contains `offset`."""
    start = text.find(sentence)
    while start != -1:
        if start <= offset < start + len(sentence):
            return start
        start = text.find(sentence, start + 1)
    return None


def _span(
    kind: str, words: str, start: int, end: int, sentence: str, base: int | None
) -> dict[str, Any] | None:
    if base is not None and start - base >= 0 and end - base <= len(sentence):
        rel_start, rel_end = start - base, end - base
        if sentence[rel_start:rel_end] == words:
            return {"kind": kind, "start": rel_start, "end": rel_end, "text": words}
    found = sentence.find(words) if words else -1
    if found == -1:
        return None
    return {"kind": kind, "start": found, "end": found + len(words), "text": words}


def highlights(event: Event, article_text: str | None) -> list[dict[str, Any]]:
    """Spans (relative to event.sentence) of the trigger, source and target, in text order."""
    base = None
    if article_text:
        base = sentence_start(article_text, event.sentence, event.evidence.start)
    parts = [("trigger", event.evidence.trigger, event.evidence.start, event.evidence.end)]
    parts.append(("source", event.source.text, event.source.start, event.source.end))
    if event.target is not None:
        parts.append(("target", event.target.text, event.target.start, event.target.end))
    spans = [_span(kind, words, s, e, event.sentence, base) for kind, words, s, e in parts]
    return sorted((s for s in spans if s is not None), key=lambda s: (s["start"], s["end"]))
