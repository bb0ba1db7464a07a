"""Both sides of every event on real political news: how many events have a target, how many
have both sides coded, and (with a hand-checked file) how many are fully right.

    .venv/bin/python benchmarks/dyads.py [--reuters N] [--bbc N] [--sample K] [--checks FILE]
        [--write-sample FILE] [--min-confidence C]

Articles are picked reproducibly from ../shared/corpus: the BBC politics section (ids
`bbc-politics-*`, sorted, the first N; the corpus has no dates, so they are coded as published
2005-01-01) and the Reuters-21578 wire stories that name people or organisations (the ones about
officials, governments and international bodies rather than markets), every k-th in id order to
give N.

Shares printed per corpus, over all events:
  target      events with a target at all
  both coded  both sides carry a code other than UNK (a country, an IGO, a known organisation
              or a sector with its country)
  both state  both sides carry a country or an IGO code (what ICEWS-style dyad counts need)

Shares are printed for every event and for those at or above `--min-confidence` (default: the
command line's, 0.5). `--write-sample FILE` writes K events per corpus (of those kept), drawn
with a fixed seed, as JSON Lines for a person to check; `--checks FILE` reads such a file back
with each line's `check` filled in ("real", "root", "source", "target": true/false, "note") and
prints the precision of fully right events (real, right CAMEO root, right source, right
target) and the errors grouped by kind, for the sample and for every kept event it has checks
for (where all are checked, a census: the sample's figure is one draw of 60).
Events are matched to checks by article, sentence, trigger, sides and code, so a check stays
valid while the coder emits the same event.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import tempfile
import time
from collections import Counter
from datetime import date
from pathlib import Path

from eventwire.records import DEFAULT_MIN_CONFIDENCE

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = 20261205


def pick_bbc(limit: int) -> list[dict]:
    rows = [json.loads(line) for line in (CORPUS / "bbc_zitros.jsonl").open(encoding="utf-8")]
    politics = sorted(
        (r for r in rows if r["id"].startswith("bbc-politics-")), key=lambda r: r["id"]
    )
    return politics[:limit]


def pick_reuters(limit: int) -> list[dict]:
    rows = []
    for line in (CORPUS / "reuters21578.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        if (row.get("people") or row.get("orgs")) and len(row["text"].split()) >= 60:
            rows.append(row)
    rows.sort(key=lambda r: int(r["id"].split("-")[1]))
    step = max(1, len(rows) // limit)
    return rows[::step][:limit]


def code_corpus(coder, rows: list[dict], published: date) -> list[tuple[dict, list]]:  # noqa: ANN001
    """The rows read as eventwire reads JSON Lines, coded; (row, events) per article."""
    from eventwire.readers import read_inputs
    from eventwire.records import Article

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "picked.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        articles = [
            a for a in read_inputs([str(path)], published=published) if isinstance(a, Article)
        ]
    coded = coder.code_batch(articles)
    return list(zip(articles, coded, strict=True))


def shares(events: list) -> dict[str, float]:
    n = len(events) or 1

    def coded(actor) -> bool:  # noqa: ANN001
        return actor is not None and actor.code != "UNK"

    def state(actor) -> bool:  # noqa: ANN001
        return actor is not None and (actor.country is not None or actor.code.startswith("IGO"))

    return {
        "events": len(events),
        "target": sum(e.target is not None for e in events) / n,
        "both coded": sum(coded(e.source) and coded(e.target) for e in events) / n,
        "both state": sum(state(e.source) and state(e.target) for e in events) / n,
    }


def event_key(article_id: str, ev) -> str:  # noqa: ANN001
    """A short stable key: the checks file holds keys and judgments, never the corpus's text.
    The sides' codes are part of it, so a judgment stops matching when a side is coded anew."""
    target = ev.target.text if ev.target else ""
    target_code = ev.target.code if ev.target else ""
    parts = (article_id, ev.sentence, ev.evidence.trigger, ev.source.text, target, ev.cameo)
    parts += (ev.source.code, target_code)
    return hashlib.sha1("|".join(parts).encode()).hexdigest()[:16]


def sample_rows(corpus: str, coded: list[tuple], k: int) -> list[dict]:
    from eventwire.records import to_dict

    pool = [(a, e) for a, events in coded for e in events]
    rng = random.Random(f"{SEED}-{corpus}")
    picked = rng.sample(pool, min(k, len(pool)))
    out = []
    for article, ev in picked:
        d = to_dict(ev)
        out.append(
            {
                "corpus": corpus,
                "key": event_key(article.id, ev),
                "article": article.id,
                "sentence": ev.sentence,
                "source": f"{d['source']['text']} = {d['source']['code']}",
                "cameo": f"{ev.cameo} {ev.plover.type}",
                "target": f"{d['target']['text']} = {d['target']['code']}" if ev.target else None,
                "rule": ev.evidence.rule,
                "trigger": ev.evidence.trigger,
                "confidence": ev.confidence,
                "check": None,
            }
        )
    return out


def score_checks(checks_path: Path, samples: list[dict], what: str = "sampled events") -> None:
    checks = {}
    for line in checks_path.open(encoding="utf-8"):
        row = json.loads(line)
        if row.get("check"):
            checks[row["key"]] = row["check"]
    for corpus in sorted({s["corpus"] for s in samples}):
        mine = [s for s in samples if s["corpus"] == corpus]
        judged = [checks[s["key"]] for s in mine if s["key"] in checks]
        if not judged:
            print(f"{corpus}: no checks match the current {what} ({len(mine)} events)")
            continue
        right = [c for c in judged if c["real"] and c["root"] and c["source"] and c["target"]]
        kinds = Counter(
            kind
            for c in judged
            for kind in ("real", "root", "source", "target")
            if not c[kind] and (kind == "real" or c["real"])
        )
        print(
            f"{corpus}: {len(judged)}/{len(mine)} {what} checked; fully right "
            f"{len(right)} = {len(right) / len(judged):.2f}; wrong: "
            + ", ".join(f"{k} {v}" for k, v in kinds.most_common())
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--reuters", type=int, default=300)
    parser.add_argument("--bbc", type=int, default=150)
    parser.add_argument("--sample", type=int, default=60)
    parser.add_argument("--write-sample", type=Path)
    parser.add_argument("--checks", type=Path)
    parser.add_argument("--min-confidence", type=float, default=DEFAULT_MIN_CONFIDENCE)
    args = parser.parse_args()

    from eventwire.pipeline import Coder

    coder = Coder.load()
    samples: list[dict] = []
    kept: list[dict] = []
    for corpus, rows, published in (
        ("reuters", pick_reuters(args.reuters), date(1987, 3, 1)),
        ("bbc", pick_bbc(args.bbc), date(2005, 1, 1)),
    ):
        started = time.perf_counter()
        coded = code_corpus(coder, rows, published)
        seconds = time.perf_counter() - started
        every = shares([e for _, evs in coded for e in evs])
        coded = [(a, [e for e in evs if e.confidence >= args.min_confidence]) for a, evs in coded]
        figures = shares([e for _, evs in coded for e in evs])
        print(
            f"{corpus}: {len(rows)} articles ({seconds:.0f} s); all {every['events']} events: "
            f"target {every['target']:.2f}, both coded {every['both coded']:.2f}, both state "
            f"{every['both state']:.2f}; at --min-confidence {args.min_confidence}: "
            f"{figures['events']} events, target {figures['target']:.2f}, both coded "
            f"{figures['both coded']:.2f}, both state {figures['both state']:.2f}"
        )
        samples.extend(sample_rows(corpus, coded, args.sample))
        kept.extend(sample_rows(corpus, coded, len(coded) * 1000))  # every kept event
    if args.write_sample:
        with args.write_sample.open("w", encoding="utf-8") as out:
            for row in samples:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"wrote {len(samples)} sampled events to {args.write_sample}")
    if args.checks:
        score_checks(args.checks, samples)
        # the census: every event kept, where all are judged (the sample's figure is one draw)
        score_checks(args.checks, kept, "kept events")


if __name__ == "__main__":
    main()
