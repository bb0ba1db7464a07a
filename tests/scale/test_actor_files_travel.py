"""`--actors` reaches every worker: the spec carries the dictionaries' bytes, so a worker that
cannot see the client's files (a Dask worker on another machine) codes with them all the same."""

from __future__ import annotations

import pickle
from datetime import date
from pathlib import Path

from eventwire.records import Article
from eventwire.scale import CoderSpec


def test_spec_carries_the_dictionary_to_a_worker_without_the_file(tmp_path: Path) -> None:
    path = tmp_path / "mine.actors"
    path.write_text("QUENTIN_ALBAREDO_\n\t[CHLGOV 19900101-19991231]\n", encoding="utf-8")
    sent = pickle.dumps(CoderSpec.with_actors([path]))  # what a pool sends to its workers
    path.unlink()  # the worker's machine has no such file
    coder = pickle.loads(sent).load()
    assert coder.actors.report.entries == 1
    text = "Quentin Albaredo accused Argentina of spying."
    found = coder.analyse(Article("a1", None, None, date(1995, 1, 1), "", text)).actors
    assert {a.text: a.code for a in found}["Quentin Albaredo"] == "CHLGOV"
