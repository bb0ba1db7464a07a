"""The client's record of a Parquet parts directory: which batches are done, rejects, progress.

`_eventwire/ledger.jsonl` holds one JSON line per committed batch, appended (and flushed to disk)
only after the worker has written the batch's files:

    {"key": "<batch key>" | null, "articles": [ids coded], "duplicates": {id: original id},
     "rejects": [Reject as a dict ...], "cleared": [input files read again from the start],
     "progress": [[path, size, mtime, records_done, finished]]}

A batch is done when its line is there. Opening the directory again therefore resumes: the ids
of the ledger are skipped before coding, like the ids of a store, and the part files of batches
without a line (a run killed while they were written) are deleted first, so a rerun never adds
a second copy of an event. A torn last line (killed mid-append) is cut off. A lock file keeps a
second ingest out of the same directory while one runs.

The ledger offers the calls `eventwire.ingest` makes on a store (`stored_ids`, `known_texts`,
`input_progress`, `write_batch`), so the ingest loop is the same in both modes. Rejects are kept
in the ledger and copied to `_eventwire/rejects.jsonl` (one Reject a line) when it is closed; a
"cleared" file's earlier rejects are dropped (it was read again, and its rejects with it).
"""

from __future__ import annotations

import fcntl
import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO, Any

import pyarrow.parquet as pq

from eventwire.errors import EventwireError
from eventwire.records import Reject, to_dict
from eventwire.scale.parts import ARTICLES, PART_NAME, SIDECAR, batch_key
from eventwire.store.base import CodedArticle, InputProgress

LEDGER = f"{SIDECAR}/ledger.jsonl"
REJECTS = f"{SIDECAR}/rejects.jsonl"
LOCK = f"{SIDECAR}/lock"


class PartsLedger:
    """Done batches of one parts directory; open with `PartsLedger.open(path)`."""

    def __init__(self, out_dir: Path, lock: IO[str], ledger: IO[str]) -> None:
        self.out_dir = out_dir
        self._lock = lock
        self._ledger = ledger
        self.keys: set[str] = set()  # batches whose files are complete
        self._key_order: list[str] = []  # the same, in the order they were done
        self._articles: set[str] = set()  # coded articles (their texts are in the parts)
        self._duplicates: dict[str, str] = {}
        self._rejects: dict[tuple[str, str, str], Reject] = {}
        self._progress: dict[str, InputProgress] = {}

    @classmethod
    def open(cls, out_dir: Path) -> PartsLedger:
        """Lock the directory, read its ledger and delete the parts of unfinished batches."""
        if _foreign_parts(out_dir):
            raise _error(
                f"{out_dir} already holds a Parquet dataset not written by --parquet-dir",
                hint="give an empty or new directory",
            )
        try:
            (out_dir / SIDECAR).mkdir(parents=True, exist_ok=True)
            lock = (out_dir / LOCK).open("a")
        except OSError as error:
            raise _error(f"cannot write to {out_dir}: {error.strerror}") from None
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            raise _error(
                f"another ingest is writing to {out_dir}",
                hint="wait for it to end, or give another --parquet-dir",
            ) from None
        self = cls(out_dir, lock, (out_dir / LEDGER).open("a+", encoding="utf-8", newline=""))
        try:
            self._load()
            self.remove_unfinished()
        except BaseException:
            self._unlock()
            raise
        return self

    def _load(self) -> None:
        self._ledger.seek(0)
        *lines, torn = self._ledger.read().split("\n")  # torn: "" unless killed mid-append
        for number, line in enumerate(lines, start=1):
            try:
                self._apply(json.loads(line))
            except (json.JSONDecodeError, KeyError, TypeError):
                raise _error(
                    f"{self.out_dir / LEDGER} line {number} is not a ledger entry"
                ) from None
        if torn:  # the batch of a half-written line is redone
            self._ledger.truncate(sum(len(line.encode("utf-8")) + 1 for line in lines))
        self._ledger.seek(0, os.SEEK_END)

    def _apply(self, entry: dict[str, Any]) -> None:
        if entry.get("key") and entry["key"] not in self.keys:
            self.keys.add(entry["key"])
            self._key_order.append(entry["key"])
        self._articles.update(entry["articles"])
        self._duplicates.update(entry["duplicates"])
        cleared = set(entry.get("cleared", ()))  # files read again: their old rejects go
        if cleared:
            self._rejects = {k: r for k, r in self._rejects.items() if k[0] not in cleared}
        for row in entry["rejects"]:
            reject = Reject(**row)
            self._rejects[(reject.source_file, reject.position, reject.reason)] = reject
        for row in entry["progress"]:
            step = InputProgress(*row)
            self._progress[step.path] = step

    def remove_unfinished(self) -> int:
        """Delete the part files (and temporaries) of batches the ledger does not hold; other
        files are left alone."""
        removed = 0
        for path in _part_files(self.out_dir):
            match = PART_NAME.match(path.name)
            unfinished = match is not None and match.group(1) not in self.keys
            if unfinished or (path.name.startswith(".part-") and path.name.endswith(".tmp")):
                path.unlink()
                removed += 1
        return removed

    # -- what eventwire.ingest calls on a store ------------------------------------------
    def stored_ids(self, ids: Sequence[str]) -> set[str]:
        return {i for i in ids if i in self._articles or i in self._duplicates}

    def known_texts(self, limit: int | None = None) -> Iterator[tuple[str, str]]:
        """(id, text) of the coded articles in the order their batches were done, read from the
        article parts; with `limit`, of the last `limit` articles only."""
        keys = self._key_order
        skip = 0
        if limit is not None:  # the last batches that hold `limit` articles
            counted, first = 0, len(keys)
            while first > 0 and counted < limit:
                first -= 1
                counted += pq.read_metadata(self._part(keys[first])).num_rows
            keys, skip = keys[first:], max(counted - limit, 0)
        for key in keys:
            table = pq.read_table(self._part(key), columns=["id", "text"])
            pairs = zip(table["id"].to_pylist(), table["text"].to_pylist(), strict=True)
            for ident, text in pairs:
                if skip:
                    skip -= 1
                    continue
                yield ident, text

    def _part(self, key: str) -> Path:
        return self.out_dir / ARTICLES / f"part-{key}.parquet"

    def input_progress(self, path: str) -> InputProgress | None:
        return self._progress.get(path)

    def write_batch(
        self,
        coded: Sequence[CodedArticle],
        rejects: Sequence[Reject],
        progress: Sequence[InputProgress] = (),
        clear_rejects: Sequence[str] = (),
    ) -> int:
        """Record a batch whose parts its worker has written (coded articles carry no events
        here); returns the number of articles new to the directory."""
        fresh = [c for c in coded if not self.stored_ids([c.article.id])]
        written = [c.article.id for c in fresh if c.duplicate_of is None]
        held = {key[0] for key in self._rejects}
        clear_rejects = [name for name in clear_rejects if name in held]  # else nothing to say
        if not (fresh or rejects or clear_rejects or any(p.finished for p in progress)):
            return 0  # only "still reading": a line would say nothing resume needs
        entry = {
            "key": batch_key(written) if written else None,
            "articles": written,
            "duplicates": {c.article.id: c.duplicate_of for c in fresh if c.duplicate_of},
            "rejects": [to_dict(r) for r in rejects],
            "cleared": list(clear_rejects),
            "progress": [list(progress_row(p)) for p in progress],
        }
        self._ledger.write(json.dumps(entry, ensure_ascii=False) + "\n")
        self._ledger.flush()
        os.fsync(self._ledger.fileno())
        self._apply(entry)
        return len(fresh)

    # -- reading back ----------------------------------------------------------------------
    def rejects(self) -> list[Reject]:
        return list(self._rejects.values())

    def article_count(self) -> int:
        return len(self._articles) + len(self._duplicates)

    def close(self) -> None:
        """Write the rejects file and let another ingest in."""
        if self._ledger.closed:
            return
        temporary = self.out_dir / f"{REJECTS}.tmp"
        with temporary.open("w", encoding="utf-8") as handle:
            for reject in self.rejects():
                handle.write(json.dumps(to_dict(reject), ensure_ascii=False) + "\n")
        os.replace(temporary, self.out_dir / REJECTS)
        self._unlock()

    def _unlock(self) -> None:
        self._ledger.close()
        fcntl.flock(self._lock, fcntl.LOCK_UN)
        self._lock.close()

    def __enter__(self) -> PartsLedger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def progress_row(step: InputProgress) -> tuple[str, int, float, int, bool]:
    return (step.path, step.size, step.mtime, step.records_done, step.finished)


def _part_files(out_dir: Path) -> Iterator[Path]:
    """Every file a worker writes: event parts in the partitions, article parts, temporaries."""
    for folder in (*out_dir.glob("year=*/month=*"), out_dir / ARTICLES):
        if folder.is_dir():
            yield from (p for p in folder.iterdir() if p.is_file())


def _foreign_parts(out_dir: Path) -> bool:
    """Parquet files in the partitions that no worker of ours wrote (an export, say): mixing
    them with parts would count their events twice."""
    parquet = out_dir.glob("year=*/month=*/*.parquet")
    return any(PART_NAME.match(path.name) is None for path in parquet)


def _error(message: str, hint: str = "") -> EventwireError:
    return EventwireError(message, code="PARQUET_DIR", hint=hint)
