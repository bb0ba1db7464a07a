"""Run one ingest in its own process, for the kill-and-resume tests.

usage: python ingest_child.py DB MARKER CODER INPUT...
CODER is "fake" (ingest_helpers.code_batch) or "real" (eventwire.pipeline.Coder). After each
committed batch a line is appended to MARKER, so the parent can kill this process part-way
without opening the store (a DuckDB file has one writer).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from eventwire.ingest import ingest  # noqa: E402
from eventwire.store import open_store  # noqa: E402


def main() -> None:
    db, marker, coder_kind, *inputs = sys.argv[1:]
    if coder_kind == "real":
        from eventwire.pipeline import Coder

        code_batch = Coder.load().code_batch
    else:
        from ingest_helpers import code_batch
    store = open_store(db)
    with open(marker, "a", encoding="utf-8") as log:

        def committed(n: int) -> None:
            log.write(f"{n}\n")
            log.flush()
            os.fsync(log.fileno())

        report = ingest(
            inputs,
            store,
            code_batch,
            batch_size=int(os.environ.get("BATCH", "8")),
            progress=committed,
        )
    store.close()
    print(report.stored, report.events, flush=True)


if __name__ == "__main__":
    main()
