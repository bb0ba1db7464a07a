"""Export events to files other tools read: one module per format, one registry.

    export_events(store.events(query), "gdelt", Path("events.tsv"), urls=store.urls_of)

`urls` is a mapping, or a lookup (article ids -> their urls) asked for a page of events at a
time, so an export never holds every article's url (`Store.urls_of` is one). Text formats write
to a path (`-` is standard output) or an open text stream; parquet writes a partitioned dataset
directory. Every writer streams and returns how many events it wrote.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Set
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, TextIO, TypeVar

from eventwire.errors import EventwireError
from eventwire.export.csv_format import write_csv
from eventwire.export.gdelt import write_gdelt, write_gdelt_clusters
from eventwire.export.geojson import write_geojson
from eventwire.export.jsonl import write_jsonl
from eventwire.export.stats import ExportStats
from eventwire.records import Event
from eventwire.store.parquet import write_event_dataset

if TYPE_CHECKING:
    from eventwire.clusters import Cluster


@dataclass(frozen=True, slots=True)
class ExportOptions:
    urls: Mapping[str, str]  # article id -> url, for GDELT's SOURCEURL
    spreadsheet_safe: bool  # csv: escape text cells a spreadsheet would run as formulas
    stats: ExportStats


T = TypeVar("T")

TextWriter = Callable[[Iterable[Event], TextIO, ExportOptions], int]

TEXT_FORMATS: dict[str, TextWriter] = {
    "csv": lambda events, out, o: write_csv(events, out, spreadsheet_safe=o.spreadsheet_safe),
    "jsonl": lambda events, out, o: write_jsonl(events, out),
    "geojson": lambda events, out, o: write_geojson(events, out, o.stats),
    "gdelt": lambda events, out, o: write_gdelt(events, out, o.urls),
}
FORMATS = ("csv", "jsonl", "parquet", "geojson", "gdelt")
UrlLookup = Callable[[Set[str]], Mapping[str, str]]
URL_PAGE = 1000  # events whose article urls are looked up at once

__all__ = ["FORMATS", "ExportStats", "export_clusters", "export_events"]


def export_events(
    events: Iterable[Event],
    fmt: str,
    out: Path | TextIO,
    *,
    urls: Mapping[str, str] | UrlLookup | None = None,
    spreadsheet_safe: bool = False,
    stats: ExportStats | None = None,
) -> int:
    """Write `events` as `fmt` to `out`; `urls` (article id -> url, or a lookup of the ids of
    a page of events) fills GDELT's SOURCEURL; `spreadsheet_safe` escapes formula-like CSV
    cells; `stats` counts what was left out."""
    if fmt == "parquet":
        if not isinstance(out, Path | str):
            raise EventwireError(
                "parquet writes a dataset directory: give a path, not a stream", code="BAD_OUTPUT"
            )
        return write_event_dataset(events, Path(out))
    writer = TEXT_FORMATS.get(fmt)
    if writer is None:
        raise EventwireError(
            f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}", code="BAD_FORMAT"
        )
    if callable(urls):
        events, urls = _paged_urls(events, urls) if fmt == "gdelt" else (events, {})
    options = ExportOptions(
        urls if urls is not None else {}, spreadsheet_safe, stats or ExportStats()
    )
    with _text_stream(out) as stream:
        return writer(events, stream, options)


def _paged_urls(
    items: Iterable[T],
    lookup: UrlLookup,
    article_of: Callable[[T], str] = lambda event: event.article_id,  # type: ignore[attr-defined]
) -> tuple[Iterator[T], Mapping[str, str]]:
    """The events (or clusters) again, and a mapping that holds the urls of the page being
    written (writers look an event's url up as they write it)."""
    current: dict[str, str] = {}
    source = iter(items)

    def pages() -> Iterator[T]:
        while page := list(islice(source, URL_PAGE)):
            current.clear()
            current.update(lookup({article_of(item) for item in page}))
            yield from page

    return pages(), current


@contextmanager
def _text_stream(out: Path | TextIO) -> Iterator[TextIO]:
    if not isinstance(out, Path | str):
        yield out
        return
    if str(out) == "-":
        yield sys.stdout
        return
    try:
        handle = open(out, "w", encoding="utf-8", newline="")  # noqa: SIM115 - closed below
    except OSError as error:
        raise EventwireError(f"cannot write {out}: {error}", code="BAD_OUTPUT") from error
    with handle:
        yield handle


def export_clusters(
    clusters: Iterable[Cluster],
    fmt: str,
    out: Path | TextIO,
    *,
    urls: Mapping[str, str] | UrlLookup | None = None,
) -> int:
    """Write cross-article clusters: `gdelt` (one event row each, with their counts) or `jsonl`
    (`clusters.cluster_dict`: key, counts, outlets, member ids and the event shown)."""
    from eventwire.clusters import cluster_dict
    from eventwire.output import write_jsonl as write_rows

    if fmt not in ("gdelt", "jsonl"):
        raise EventwireError(f"clusters export as gdelt or jsonl, not {fmt!r}", code="BAD_FORMAT")
    if callable(urls):  # the urls of the events shown, one per cluster, a page at a time
        clusters, urls = _paged_urls(clusters, urls, lambda c: c.event.article_id)
    with _text_stream(out) as stream:
        if fmt == "gdelt":
            return write_gdelt_clusters(clusters, stream, urls or {})
        return write_rows((cluster_dict(c) for c in clusters), stream)
