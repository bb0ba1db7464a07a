"""A deterministic coder and input files for ingest tests (the storage is what is tested)."""

from __future__ import annotations

import json
from pathlib import Path

from eventwire.records import Actor, Article, Event, Evidence, Plover

ACTOR = Actor("Ministry", 0, 8, "GOV", None, "GOV", None, None, "organisation")


def sentence_events(article: Article) -> list[Event]:
    """One event per sentence that contains 'met': a real Event, made without NLP."""
    events = []
    for index, sentence in enumerate(article.text.split(". ")):
        where = sentence.find("met")
        if where < 0:
            continue
        start = article.text.find(sentence) + where
        events.append(
            Event(
                id=f"{article.id}:{index}",
                article_id=article.id,
                sentence_index=index,
                sentence=sentence,
                source=ACTOR,
                target=None,
                cameo="040",
                cameo_root="04",
                quad_class=1,
                goldstein=1.0,
                plover=Plover("CONSULT"),
                date=article.published.isoformat() if article.published else None,
                date_source="published",
                place=None,
                modality="asserted",
                confidence=0.5,
                evidence=Evidence("met", start, start + 3, "test.met"),
            )
        )
    return events


def code_batch(articles: list[Article]) -> list[list[Event]]:
    return [sentence_events(a) for a in articles]


def write_jsonl(path: Path, count: int, *, bad_every: int = 0, start: int = 0) -> int:
    """`count` articles (and a malformed line after every `bad_every`); returns bad lines."""
    bad = 0
    with path.open("w", encoding="utf-8") as out:
        for i in range(start, start + count):
            record = {
                "id": f"art-{i:05d}",
                "published": "2021-03-04",
                "title": f"Story {i}",
                "text": f"Envoys met in city {i}. Ministers met again on day {i}. "
                f"Nothing else happened in story number {i}.",
                "url": f"https://news.example/{i}",
                "source": "wire",
            }
            out.write(json.dumps(record) + "\n")
            if bad_every and (i - start + 1) % bad_every == 0:
                out.write("{not json\n")
                bad += 1
    return bad
