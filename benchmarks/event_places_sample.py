"""Draw the hand-checked event sample of tests/gold/event_places_dates.tsv (reproducibly).

    .venv/bin/python benchmarks/event_places_sample.py --out draft.tsv

Political articles from ../shared/corpus: BBC politics (the file has no dates: coded as published
on BBC_PUBLISHED) and Reuters-21578 stories with no commodity topic that use political words
at least three times. Each group is ordered by the SHA-1 of the article id and the first N taken,
so the choice depends on neither the corpus order nor the coder. The draft lists every event
eventwire emits there with the place and date it gave; a person then reads each sentence and
writes the right place and date into the gold columns (see the gold file's header).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from eventwire.records import Article

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
BBC_PUBLISHED = date(2005, 3, 1)
POLITICAL = re.compile(
    r"\b(minister|president|government|parliament|troops|rebels|guerrillas|talks|embassy|"
    r"police|army|election|opposition|protest)\w*",
    re.IGNORECASE,
)


def _order(ident: str) -> str:
    return hashlib.sha1(ident.encode()).hexdigest()


def sample_articles(corpus: Path, bbc: int, reuters: int) -> Iterator[Article]:
    """The sampled articles, BBC first, each group in SHA-1 order of the ids."""
    bbc_rows = [
        row for row in _rows(corpus / "bbc_zitros.jsonl") if row.get("category") == "politics"
    ]
    reuters_rows = [
        row
        for row in _rows(corpus / "reuters21578.jsonl")
        if not row.get("topics")
        and len(POLITICAL.findall(row["text"])) >= 3
        and 600 <= len(row["text"]) <= 3000
    ]
    for row in sorted(bbc_rows, key=lambda r: _order(r["id"]))[:bbc]:
        yield _article(row, BBC_PUBLISHED)
    for row in sorted(reuters_rows, key=lambda r: _order(r["id"]))[:reuters]:
        yield _article(row, date.fromisoformat(row["date"][:10]))


def _rows(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def _article(row: dict, published: date) -> Article:
    return Article(
        id=row["id"],
        source=row.get("source"),
        url=None,
        published=published,
        title=row.get("title") or "",
        text=row["text"],
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bbc", type=int, default=20)
    parser.add_argument("--reuters", type=int, default=30)
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    from eventwire.pipeline import Coder

    coder = Coder.load()
    lines = []
    for article in sample_articles(args.corpus, args.bbc, args.reuters):
        for event in coder.code_article(article):
            place = event.place
            where = "none" if place is None else f"{place.geonameid or place.country}:{place.name}"
            lines.append(
                "\t".join(
                    [
                        article.id,
                        article.published.isoformat() if article.published else "",
                        str(event.evidence.start),
                        event.evidence.trigger,
                        where,
                        event.date or "",
                        " ".join(event.sentence.split())[:300],
                    ]
                )
            )
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(lines)} events written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
