"""Run one poll in its own process, for the kill-and-restart test.

usage: python follow_child.py DB MARKER SOURCE...
After each committed batch a line is appended to MARKER, so the parent can kill this process
part-way. The coder is the ingest tests' (one event per 'met' sentence).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "ingest"))

from follow_helpers import QUICK, close  # noqa: E402

from eventwire.follow.fetch import Fetcher  # noqa: E402
from eventwire.follow.poll import Poller, PollSettings  # noqa: E402
from eventwire.follow.state import StoreState  # noqa: E402
from eventwire.readers.dedupe import Deduper  # noqa: E402
from eventwire.scale import InlinePool  # noqa: E402
from eventwire.store import open_store  # noqa: E402


def main() -> None:
    db, marker, *sources = sys.argv[1:]
    from ingest_helpers import code_batch

    with open(marker, "a", encoding="utf-8") as log:

        def committed(n: int) -> None:
            log.write(f"{n}\n")
            log.flush()
            os.fsync(log.fileno())

        poller = Poller(
            sources,
            StoreState(open_store(db)),
            InlinePool(code_batch),
            Fetcher(QUICK),
            Deduper(),
            PollSettings(batch_size=2, lanes=1),
            committed=committed,
        )
        try:
            report = poller.poll().report
        finally:
            close(poller)
    print(report.items, report.articles, flush=True)


if __name__ == "__main__":
    main()
