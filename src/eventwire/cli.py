"""The command line: parses arguments, calls the library, prints. No coding logic lives here."""

from __future__ import annotations

import itertools
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import closing
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from eventwire.errors import EventwireError
from eventwire.filters import READ_CONFIDENCE_HELP
from eventwire.output import counts_table, make_console, print_events, write_json, write_jsonl
from eventwire.readers import DEFAULT_MAX_BYTES
from eventwire.records import DEFAULT_MIN_CONFIDENCE, Article, Reject, to_dict
from eventwire.store.base import EventQuery

if TYPE_CHECKING:  # spaCy is imported only by the commands that parse
    from spacy.tokens import Doc

    from eventwire.records import Event

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="eventwire: who did what to whom, when and where, from news articles (CAMEO/PLOVER).",
)
eval_app = typer.Typer(no_args_is_help=True, help="Score a stage against gold data.")
app.add_typer(eval_app, name="eval")
actors_app = typer.Typer(no_args_is_help=True, help="User actor dictionaries (--actors).")
app.add_typer(actors_app, name="actors")


def _show_version(value: bool) -> None:
    if value:
        from importlib.metadata import version

        print(f"eventwire {version('eventwire')}")
        raise typer.Exit()


@app.callback()
def _main(
    _version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_show_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """eventwire: who did what to whom, when and where, from news articles (CAMEO/PLOVER)."""


err = make_console(stderr=True)
DEFAULT_DB = "eventwire.duckdb"

Inputs = Annotated[list[str], typer.Argument(help="Files, directories, globs, or - for stdin.")]
Published = Annotated[
    str | None,
    typer.Option(
        "--published",
        help="Date of articles that carry none: YYYY-MM-DD or any unambiguous form (Aug 16, 2021).",
    ),
]
Db = Annotated[str, typer.Option("--db", help="DuckDB file or postgresql:// URL.")]
MaxBytes = Annotated[
    int,
    typer.Option("--max-bytes", help="Largest record read; a bigger one is an OVERSIZED reject."),
]
PrintFormat = Annotated[str, typer.Option("--format", help="table, json or jsonl.")]
Workers = Annotated[int, typer.Option("--workers", help="Coding processes (0: one per core).")]
Scheduler = Annotated[
    str | None, typer.Option("--scheduler", help="Code on a Dask cluster: scheduler address.")
]
MinConfidence = Annotated[
    float,
    typer.Option(
        "--min-confidence",
        min=0.0,
        max=1.0,
        help="Leave out events under this confidence (0 keeps all); how many is reported.",
    ),
]
ActorFiles = Annotated[
    list[Path] | None,
    typer.Option("--actors", help="Extra actor dictionary (eventwire TSV or PETRARCH format)."),
]


def _fail(message: str, code: int = 1) -> typer.Exit:
    err.print(f"[red]error:[/red] {message}")
    return typer.Exit(code)


CODE_BATCH = 32  # articles per coding task of `code`


def _check_print_format(fmt: str) -> None:
    if fmt not in ("table", "json", "jsonl"):
        raise _fail(f"--format must be table, json or jsonl, not {fmt!r}", 2)


def _print_rows(
    fmt: str,
    records: list[dict],
    title: str,
    headers: Sequence[str],
    rows: Sequence[tuple[object, ...]],
) -> None:
    """Records as JSON Lines, a JSON array, or a table of `rows` under `headers`."""
    if fmt == "jsonl":
        write_jsonl(records)
    elif fmt == "json":
        write_json(records)
    else:
        make_console().print(counts_table(title, rows, headers))


def _parse_date(value: str | None, option: str) -> date | None:
    """A date the user typed, read by the one date parser every input uses."""
    from eventwire.dates import DateError, parse_user_date

    try:
        day = parse_user_date(value)
    except DateError as error:
        raise _fail(f"{option}: {error}", 2) from None
    if value is not None and day is None:
        raise _fail(f"{option} is empty: give a date such as 2021-08-16", 2)
    return day


def _report_reject(reject: Reject, date_option: str = "--published") -> None:
    from eventwire.readers.base import where

    hint = f" (give the date with {date_option})" if reject.reason == "NO_DATE" else ""
    err.print(
        f"[yellow]reject[/yellow] {where(reject.source_file, reject.position)}: "
        f"{reject.reason}: {reject.message}{hint}"
    )


def _read_articles(
    inputs: Sequence[str],
    published: date | None,
    rejects: list[Reject],
    max_bytes: int = DEFAULT_MAX_BYTES,
    files: dict[str, str] | None = None,
    date_option: str = "--published",
) -> Iterator[Article]:
    """The articles of `inputs`; rejects reported and kept; `files` gets article id -> file."""
    from eventwire.readers import iter_input_files, read_file

    for name in iter_input_files(inputs):
        for item in read_file(name, published, max_bytes):
            if isinstance(item, Reject):
                _report_reject(item, date_option)
                rejects.append(item)
            else:
                if files is not None:
                    files.setdefault(item.id, name)
                yield item


def _check_actor_files(actor_files: Sequence[Path] | None) -> tuple[Path, ...]:
    for path in actor_files or ():
        if not path.exists():
            raise _fail(f"actor dictionary not found: {path}", 2)
    return tuple(actor_files or ())


MAX_SLIPS_SHOWN = 20


def _load_dictionaries(actor_files: Sequence[Path] | None, strict: bool = False):  # noqa: ANN202
    """Read the user dictionaries here first: their slips (each skips only its entry) and a
    summary go to stderr, and with --strict a slip stops the run. Returns the dictionary (None
    without --actors) for this process's coder, so it is read once."""
    if not actor_files:
        return None
    from rich.markup import escape

    from eventwire.actors import ActorDictionary

    dictionary = ActorDictionary.load(extra=_check_actor_files(actor_files))
    report = dictionary.report
    slips = report.slips
    for slip in slips[:MAX_SLIPS_SHOWN]:
        err.print(f"[yellow]warning[/yellow] {escape(str(slip))}", highlight=False)
    if len(slips) > MAX_SLIPS_SHOWN:
        err.print(
            f"... and {len(slips) - MAX_SLIPS_SHOWN} more: `eventwire actors check FILE` lists all"
        )
    err.print(report.summary(), highlight=False)
    if strict:
        report.check_strict()
    return dictionary


def _load_coder(actor_files: Sequence[Path] | None, strict: bool = False):  # noqa: ANN202
    from eventwire.pipeline import Coder  # heavy import kept local

    dictionary = _load_dictionaries(actor_files, strict)
    return Coder.load(actor_files=_check_actor_files(actor_files), actors=dictionary)


def _check_scale_options(actors: Sequence[Path] | None, workers: int) -> None:
    if workers < 0:
        raise _fail("--workers must be 0 (one per core) or more", 2)
    _check_actor_files(actors)


def _open_pool(  # noqa: ANN202
    actors: Sequence[Path] | None,
    workers: int,
    scheduler: str | None,
    parquet_dir: Path | None = None,
    strict: bool = False,
    min_confidence: float = 0.0,
):
    """The coding pool for --workers/--scheduler (with --parquet-dir: workers that write the
    parts); user dictionaries are read and reported here first, so a bad file is reported as
    such and not as a dead worker, and coding in this process reuses what was read. Events
    under `min_confidence` are left out and counted as they come back (`ConfidentPool.left_out`);
    coders that write parts leave them out themselves."""
    from eventwire.scale import CoderSpec, open_pool
    from eventwire.scale.pools import ConfidentPool, default_workers
    from eventwire.scale.writers import open_writer

    workers = workers or default_workers()
    writes_parts = parquet_dir is not None
    if workers == 1 and scheduler is None:
        coder = _load_coder(actors, strict)
        coder.min_confidence = min_confidence if writes_parts else 0.0
        code_batch = coder.code_batch
    else:
        _load_dictionaries(actors, strict)
        code_batch = None
    spec = CoderSpec.with_actors(
        actors or (), min_confidence=min_confidence if writes_parts else 0.0
    )
    if parquet_dir is not None:
        return open_writer(
            spec, parquet_dir, workers=workers, scheduler=scheduler, code_batch=code_batch
        )
    pool = open_pool(spec, workers=workers, scheduler=scheduler, code_batch=code_batch)
    return ConfidentPool(pool, min_confidence) if min_confidence else pool


def _report_left_out(pool: object, minimum: float) -> str:
    """ "; 12 events under confidence 0.5 left out (...)" for a summary line, or ""."""
    if not minimum:
        return ""
    count = getattr(pool, "left_out", None)
    if count == 0:
        return ""
    counted = f"{count} events" if count is not None else "events"
    return f"; {counted} under confidence {minimum} left out (--min-confidence 0 keeps all)"


@app.command()
def code(
    inputs: Inputs,
    published: Published = None,
    fmt: PrintFormat = "table",
    actors: ActorFiles = None,
    strict: Annotated[
        bool, typer.Option(help="Exit non-zero on any reject or actor dictionary slip.")
    ] = False,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    workers: Workers = 1,
    scheduler: Scheduler = None,
    min_confidence: MinConfidence = DEFAULT_MIN_CONFIDENCE,
) -> None:
    """Code articles and print their events; stores nothing."""
    from eventwire.ingest import coding_reject
    from eventwire.scale import CodingFailure

    _check_print_format(fmt)
    when = _parse_date(published, "--published")
    _check_scale_options(actors, workers)
    pool = _open_pool(actors, workers, scheduler, strict=strict, min_confidence=min_confidence)
    rejects: list[Reject] = []
    events = []
    try:
        files: dict[str, str] = {}
        articles = list(_read_articles(inputs, when, rejects, max_bytes, files))
        batches = [articles[i : i + CODE_BATCH] for i in range(0, len(articles), CODE_BATCH)]
        coding = [pool.submit(batch) for batch in batches]  # all in flight: workers stay busy
        for batch, future in zip(batches, coding, strict=True):
            for article, outcome in zip(batch, future.result(), strict=True):
                if isinstance(outcome, CodingFailure):
                    rejects.append(coding_reject(article, outcome, files.get(article.id)))
                    _report_reject(rejects[-1])
                else:
                    events.extend(outcome)
    finally:
        pool.close()
    print_events(events, fmt)
    left_out = _report_left_out(pool, min_confidence)
    if left_out:
        err.print(f"{len(events)} events{left_out}")
    if not articles and rejects:
        raise _fail("no article could be read (see the rejects above)")
    if strict and rejects:
        raise typer.Exit(1)


@app.command()
def headline(
    inputs: Inputs,
    published: Published = None,
    fmt: PrintFormat = "table",
    actors: ActorFiles = None,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
) -> None:
    """Which claims of each headline the article's body supports, and which it does not."""
    from eventwire.headline import check_headline

    _check_print_format(fmt)
    when = _parse_date(published, "--published")
    coder = _load_coder(actors)
    rejects: list[Reject] = []
    claims = [
        claim
        for article in _read_articles(inputs, when, rejects, max_bytes)
        for claim in check_headline(article, coder)
    ]
    rows = [(c.article_id, c.text, c.status, c.reason) for c in claims]
    headers = ("article", "claim", "status", "why")
    _print_rows(fmt, [to_dict(c) for c in claims], f"{len(claims)} headline claims", headers, rows)
    if not claims and rejects:
        raise _fail("no article could be read (see the rejects above)")


@app.command()
def ingest(
    inputs: Inputs,
    db: Annotated[
        str | None,
        typer.Option("--db", help=f"DuckDB file or postgresql:// URL (default: {DEFAULT_DB})."),
    ] = None,
    published: Published = None,
    actors: ActorFiles = None,
    strict: Annotated[
        bool, typer.Option(help="Exit non-zero on any reject or actor dictionary slip.")
    ] = False,
    batch_size: Annotated[int, typer.Option(help="Articles per transaction.")] = 64,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    workers: Workers = 1,
    scheduler: Scheduler = None,
    parquet_dir: Annotated[
        Path | None,
        typer.Option(
            "--parquet-dir",
            help="Workers write the events to this Parquet dataset themselves; no database.",
        ),
    ] = None,
    min_confidence: MinConfidence = DEFAULT_MIN_CONFIDENCE,
) -> None:
    """Read, code and store articles; safe to rerun and to resume after a crash.

    With --parquet-dir DIR, the process that codes a batch (this one, each of --workers, or each
    Dask worker of --scheduler) writes its events into DIR as Parquet parts, partitioned
    year=/month= like `export --format parquet`; only counts come back. No database is written
    in that mode (--db is refused): rejects are in DIR/_eventwire/rejects.jsonl, done batches in
    DIR/_eventwire/ledger.jsonl, from which a rerun resumes without duplicating an event. With
    --scheduler, DIR must be the same path on every worker (a shared file system).
    """
    from eventwire.ingest import ingest as run_ingest
    from eventwire.progress import ingest_progress
    from eventwire.readers.dedupe import Deduper

    when = _parse_date(published, "--published")
    _check_scale_options(actors, workers)
    if parquet_dir is not None and db is not None:
        raise _fail(
            "--db and --parquet-dir exclude each other (--parquet-dir writes no database)", 2
        )
    store = _open_target(db or DEFAULT_DB, parquet_dir)  # before the models: a lock fails at once
    try:
        pool = _open_pool(actors, workers, scheduler, parquet_dir, strict, min_confidence)
    except BaseException:
        store.close()
        raise
    try:
        with ingest_progress(enabled=sys.stderr.isatty()) as progress:
            report = run_ingest(
                inputs,
                store,
                pool,
                published=when,
                batch_size=batch_size,
                progress=progress,
                deduper=Deduper(),
                max_bytes=max_bytes,
            )
    finally:
        pool.close()
        store.close()
    err.print(
        f"read {report.articles_read} articles: stored {report.stored}, "
        f"already stored {report.skipped_existing}, duplicates {report.duplicates}, "
        f"rejects {report.rejects}; {report.events} events -> {parquet_dir or db or DEFAULT_DB}"
        + (
            f" ({report.inputs_skipped} inputs unchanged since their last ingest)"
            if report.inputs_skipped
            else ""
        )
        + _report_left_out(pool, min_confidence)
    )
    if strict and report.rejects:
        raise typer.Exit(1)


@app.command()
def follow(
    sources: Annotated[
        list[str], typer.Argument(help="RSS/Atom feed or news sitemap URLs, or files listing them.")
    ],
    db: Annotated[
        str | None,
        typer.Option("--db", help=f"DuckDB file or postgresql:// URL (default: {DEFAULT_DB})."),
    ] = None,
    parquet_dir: Annotated[
        Path | None,
        typer.Option("--parquet-dir", help="Write the events to this Parquet dataset instead."),
    ] = None,
    every: Annotated[str, typer.Option(help="Time between polls: 15m, 1h, 900s.")] = "15m",
    once: Annotated[bool, typer.Option("--once", help="Poll once, store, and exit.")] = False,
    workers: Workers = 1,
    serve: Annotated[
        bool, typer.Option("--serve", help="Serve the dashboard and API while following.")
    ] = False,
    host: Annotated[str, typer.Option(help="Address the dashboard listens on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port of the dashboard.")] = 8000,
    updates_dir: Annotated[
        Path | None,
        typer.Option("--updates-dir", help="Write GDELT-style update files (and lastupdate.txt)."),
    ] = None,
    contact: Annotated[
        str | None,
        typer.Option(
            envvar="EVENTWIRE_CONTACT", help="E-mail or URL for site operators (in User-Agent)."
        ),
    ] = None,
    delay: Annotated[
        float, typer.Option(help="Seconds at least between two requests to one host.")
    ] = 1.0,
    max_items: Annotated[
        int, typer.Option("--max-items", help="New items read per source per poll.")
    ] = 100,
    max_bytes: MaxBytes = DEFAULT_MAX_BYTES,
    actors: ActorFiles = None,
    min_confidence: MinConfidence = DEFAULT_MIN_CONFIDENCE,
) -> None:
    """Follow feeds and sitemaps: poll them every --every, code and store what is new.

    Fetches as a good citizen (robots.txt, one request at a time per host, --delay seconds
    apart, conditional GET, retries with backoff, a size cap). Remembers in the store what it
    has read, so a restart fetches nothing twice. SIGINT/SIGTERM finish the batch in hand.
    """
    from eventwire.follow import Etiquette, FollowConfig, PollSettings
    from eventwire.follow import follow as run_follow
    from eventwire.follow.loop import LoopOptions, parse_interval
    from eventwire.follow.sources import expand_sources

    if parquet_dir is not None and (db is not None or serve):
        raise _fail("--parquet-dir writes no database: it goes with neither --db nor --serve", 2)
    if max_items < 1 or delay < 0:
        raise _fail("--max-items must be at least 1 and --delay not negative", 2)
    _check_scale_options(actors, workers)
    config = FollowConfig(
        sources=tuple(expand_sources(sources)),
        etiquette=Etiquette(contact=contact, min_delay=delay, max_bytes=max_bytes),
        poll=PollSettings(max_items=max_items),
        loop=LoopOptions(every=parse_interval(every), once=once, updates_dir=updates_dir),
        serve=(host, port) if serve else None,
    )
    state, shared, closer = _follow_state(db or DEFAULT_DB, parquet_dir)
    try:
        pool = _open_pool(actors, workers, None, min_confidence=min_confidence)
        try:
            run_follow(config, state, pool, err, shared=shared)
        finally:
            pool.close()
    finally:
        closer()


def _follow_state(db: str, parquet_dir: Path | None):  # noqa: ANN202 - (state, shared, close)
    if parquet_dir is not None:
        from eventwire.follow.state import open_parquet_state

        parquet = open_parquet_state(parquet_dir)
        return parquet, None, parquet.close
    from eventwire.follow.runner import store_state
    from eventwire.store import open_store

    store = open_store(db)
    try:
        state, shared = store_state(store)
    except BaseException:
        store.close()
        raise
    return state, shared, store.close


def _open_target(db: str, parquet_dir: Path | None):  # noqa: ANN202 - a Store or a PartsLedger
    if parquet_dir is not None:
        from eventwire.scale.ledger import PartsLedger

        return PartsLedger.open(parquet_dir)
    from eventwire.store import open_store

    return open_store(db)


def _query(
    date_from: str | None,
    date_to: str | None,
    actor: str | None,
    cameo: str | None,
    plover: str | None,
    quad_class: int | None,
    text: str | None,
    limit: int | None,
    min_confidence: str | None = None,
) -> EventQuery:
    """The filters checked by the rules the HTTP API applies (eventwire.filters); exit 2 on a
    bad one, naming the option and the values it takes."""
    from eventwire.api.vocabulary import load_vocabulary
    from eventwire.filters import CLI_NAMES, FilterError, FilterValues, event_query

    if limit is not None and limit < 1:
        raise _fail("--limit must be 1 or more", 2)
    values = FilterValues(
        date_from, date_to, actor, cameo, plover, quad_class, None, text, None, min_confidence
    )
    try:
        return event_query(values, load_vocabulary().plover, CLI_NAMES, limit)
    except FilterError as error:
        raise _fail(error.message, 2) from None


DateFrom = Annotated[str | None, typer.Option("--from", help="Events on or after this date.")]
DateTo = Annotated[str | None, typer.Option("--to", help="Events on or before this date.")]
ActorOpt = Annotated[str | None, typer.Option(help="Actor code prefix or country (either side).")]
CameoOpt = Annotated[str | None, typer.Option(help="CAMEO code or root, e.g. 04 or 042.")]
PloverOpt = Annotated[str | None, typer.Option(help="PLOVER type, e.g. CONSULT.")]
QuadOpt = Annotated[int | None, typer.Option("--quad", help="Quad class 1-4.")]
TextOpt = Annotated[str | None, typer.Option("--text", help="Words in the evidence sentence.")]
# text, not a float: eventwire.filters reads it, so a bad value is refused as the API refuses it
ReadConfidence = Annotated[
    str | None, typer.Option("--min-confidence", metavar="<float>", help=READ_CONFIDENCE_HELP)
]


def _under_confidence(store, query: EventQuery) -> str:  # noqa: ANN001
    """A line saying how many events the other filters select that --min-confidence left out
    (a threshold never drops events silently), or "" when none were."""
    from eventwire.api.queries import count_under_confidence

    count = count_under_confidence(store.rows, query)
    if not count:
        return ""
    return (
        f"{count} matching events under confidence {query.min_confidence:g} left out "
        "(without --min-confidence every stored event is read)"
    )


def _say(line: str) -> None:
    if line:
        err.print(line)


@app.command()
def events(
    db: Db = DEFAULT_DB,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    actor: ActorOpt = None,
    cameo: CameoOpt = None,
    plover: PloverOpt = None,
    quad: QuadOpt = None,
    text: TextOpt = None,
    min_confidence: ReadConfidence = None,
    limit: Annotated[int | None, typer.Option(help="At most this many events.")] = None,
    fmt: PrintFormat = "table",
) -> None:
    """List stored events, filtered."""
    from eventwire.store import open_store

    _check_print_format(fmt)
    query = _query(date_from, date_to, actor, cameo, plover, quad, text, limit, min_confidence)
    with closing(open_store(db, read_only=True)) as store:
        print_events(list(store.events(query)), fmt)
        _say(_under_confidence(store, query))


@app.command()
def export(
    fmt: Annotated[str, typer.Option("--format", help="gdelt, csv, jsonl, parquet or geojson.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file (directory: parquet).")],
    db: Db = DEFAULT_DB,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    actor: ActorOpt = None,
    cameo: CameoOpt = None,
    plover: PloverOpt = None,
    quad: QuadOpt = None,
    text: TextOpt = None,
    min_confidence: ReadConfidence = None,
    clusters: Annotated[
        bool, typer.Option("--clusters", help="One row per cross-article cluster (gdelt, jsonl).")
    ] = False,
    spreadsheet_safe: Annotated[
        bool,
        typer.Option(
            "--spreadsheet-safe",
            help="csv: write text cells starting with = + - @ with a leading ' so a "
            "spreadsheet shows them and runs nothing (default: the data exactly).",
        ),
    ] = False,
) -> None:
    """Export stored events for GDELT tooling, pandas, R, Spark or a map."""
    from eventwire.export import FORMATS, ExportStats, export_clusters, export_events
    from eventwire.store import open_store

    if fmt not in FORMATS:
        raise _fail(f"--format must be one of {', '.join(FORMATS)}, not {fmt!r}", 2)
    if clusters and fmt not in ("gdelt", "jsonl"):
        raise _fail("--clusters exports as gdelt or jsonl", 2)
    if spreadsheet_safe and fmt != "csv":
        raise _fail("--spreadsheet-safe applies to --format csv", 2)
    query = _query(date_from, date_to, actor, cameo, plover, quad, text, None, min_confidence)
    stats = ExportStats()
    with closing(open_store(db, read_only=True)) as store:
        if clusters:
            count = export_clusters(_clusters(store, query), fmt, out, urls=store.urls_of)
        else:
            count = export_events(
                store.events(query),
                fmt,
                out,
                urls=store.urls_of,
                spreadsheet_safe=spreadsheet_safe,
                stats=stats,
            )
        under = _under_confidence(store, query)
    err.print(f"wrote {count} {'clusters' if clusters else 'events'} to {out} ({fmt})")
    _say(under)
    if stats.left_out:
        err.print(
            f"{stats.left_out} matching events were left out: they have no place, or none finer "
            "than a country (no point to draw)"
        )


def _clusters(store, query: EventQuery, min_articles: int = 1):  # noqa: ANN001, ANN202
    # ranked in the store on the cluster ids stored at ingest, built a page at a time
    from eventwire.clusters import stored_clusters

    return stored_clusters(store.rows, query, min_articles)


@app.command()
def clusters(
    db: Db = DEFAULT_DB,
    date_from: DateFrom = None,
    date_to: DateTo = None,
    actor: ActorOpt = None,
    cameo: CameoOpt = None,
    plover: PloverOpt = None,
    quad: QuadOpt = None,
    text: TextOpt = None,
    min_confidence: ReadConfidence = None,
    min_articles: Annotated[
        int, typer.Option("--min-articles", help="Only clusters reported by this many articles.")
    ] = 1,
    limit: Annotated[int | None, typer.Option(help="At most this many clusters.")] = None,
    fmt: PrintFormat = "table",
) -> None:
    """The same happening reported by many articles, counted once (largest first)."""
    from eventwire.clusters import cluster_dict
    from eventwire.store import open_store

    _check_print_format(fmt)
    if min_articles < 1 or (limit is not None and limit < 1):
        raise _fail("--min-articles and --limit must be 1 or more", 2)
    query = _query(date_from, date_to, actor, cameo, plover, quad, text, None, min_confidence)
    with closing(open_store(db, read_only=True)) as store:
        found = list(itertools.islice(_clusters(store, query, min_articles), limit))
        under = _under_confidence(store, query)
    rows = [
        (c.date or "", c.source, c.cameo, c.target or "", c.num_articles, c.num_sources,
         c.mentions, c.event.evidence.trigger)
        for c in found
    ]  # fmt: skip
    headers = ("date", "source", "cameo", "target", "articles", "outlets", "mentions", "why")
    _print_rows(fmt, [cluster_dict(c) for c in found], f"{len(found)} clusters", headers, rows)
    _say(under)


REJECTS_PAGE = 1000  # rows per printed table: the rejects are read and shown page by page


@app.command()
def rejects(
    db: Db = DEFAULT_DB,
    fmt: Annotated[str, typer.Option("--format", help="table or jsonl.")] = "table",
    limit: Annotated[int | None, typer.Option(help="At most this many rejects.")] = None,
) -> None:
    """List the input records that were rejected, with file, position and reason.

    Read from the store a page at a time, so any number of rejects lists in bounded memory;
    a table is printed every 1,000 rows."""
    from itertools import islice

    from eventwire.store import open_store

    if fmt not in ("table", "jsonl"):
        raise _fail(f"--format must be table or jsonl, not {fmt!r}", 2)
    if limit is not None and limit < 0:
        raise _fail("--limit must be 0 or more", 2)
    console = make_console()
    with closing(open_store(db, read_only=True)) as store:
        total = store.count_rejects()
        found = islice(store.iter_rejects(), limit)
        if fmt == "jsonl":
            write_jsonl(to_dict(r) for r in found)
            return
        headers = ("file", "position", "reason", "why", "excerpt")
        shown = 0
        while page := list(islice(found, REJECTS_PAGE)):
            rows = [
                (r.source_file, r.position, r.reason, r.message,
                 r.excerpt[:40] if sys.stdout.isatty() else r.excerpt)
                for r in page
            ]  # fmt: skip
            title = f"rejects {shown + 1:,}-{shown + len(rows):,} of {total:,}"
            console.print(counts_table(title, rows, headers))
            shown += len(rows)
        if not shown:
            console.print(counts_table(f"rejects (0 of {total:,})", [], headers))


@app.command()
def migrate(db: Db = DEFAULT_DB) -> None:
    """Upgrade a store made by an older eventwire to this one's schema, in place."""
    from eventwire.store import open_store

    with closing(open_store(db)) as store:  # opening for writing migrates
        events = store.count_events()
    err.print(f"{db}: up to date ({events} events)")


@app.command()
def summary(db: Db = DEFAULT_DB) -> None:
    """A readable overview of a store: counts and the events themselves."""
    from eventwire.summary import print_summary

    print_summary(db, make_console())


def _articles_for_stage(input_file: str, dct: str | None) -> tuple[list[Article], bool]:
    rejects: list[Reject] = []
    when = _parse_date(dct, "--dct")
    articles = list(_read_articles([input_file], when, rejects, date_option="--dct"))
    if not articles:
        shown = "standard input" if input_file == "-" else input_file
        raise _fail(f"no article could be read from {shown}")
    tag = len(articles) > 1 or ".jsonl" in input_file or ".ndjson" in input_file
    return articles, tag


@app.command()
def times(
    input_file: Annotated[str, typer.Argument(help="An article file, a JSON Lines file, or -.")],
    dct: Annotated[str | None, typer.Option("--dct", help="Article date if it has none.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="jsonl or timeml.")] = "jsonl",
) -> None:
    """Time expressions with TIMEX3 values resolved against the article date."""
    from eventwire.longtext import parse_texts
    from eventwire.nlp import load_nlp
    from eventwire.times import find_times
    from eventwire.times.timeml import to_timeml

    if fmt not in ("jsonl", "timeml"):
        raise _fail(f"--format must be jsonl or timeml, not {fmt!r}", 2)
    articles, tag = _articles_for_stage(input_file, dct)
    nlp = load_nlp()
    for article, doc in zip(articles, parse_texts(nlp, (a.text for a in articles)), strict=True):
        assert article.published is not None  # readers reject articles without a date
        found = find_times(article.text, article.published, doc)
        if fmt == "timeml":
            sys.stdout.write(to_timeml(article.text, article.published, found) + "\n")
        else:
            write_jsonl(_tagged(to_dict(t), article, tag) for t in found)


@app.command()
def places(
    input_file: Annotated[str, typer.Argument(help="An article file, a JSON Lines file, or -.")],
    fmt: Annotated[str, typer.Option("--format", help="jsonl.")] = "jsonl",
) -> None:
    """Place names resolved to GeoNames ids and coordinates."""
    from eventwire.longtext import parse_texts
    from eventwire.nlp import load_nlp
    from eventwire.places import Gazetteer
    from eventwire.places.find import find_places_of_source
    from eventwire.places.home import SourceHomes, source_key

    if fmt != "jsonl":
        raise _fail(f"--format must be jsonl, not {fmt!r}", 2)
    # places need no date, but readers refuse undated articles: any fallback date will do
    articles, tag = _articles_for_stage(input_file, date.min.isoformat())
    nlp, gazetteer, homes = load_nlp(), Gazetteer.load(), SourceHomes()
    for article, doc in zip(articles, parse_texts(nlp, (a.text for a in articles)), strict=True):
        source = source_key(article.source, article.url)
        found = find_places_of_source(doc, gazetteer, homes, source)
        write_jsonl(_tagged(to_dict(p), article, tag) for p in found)


def _tagged(row: dict, article: Article, tag: bool) -> dict:
    return {"article_id": article.id, **row} if tag else row


GoldPath = Annotated[Path, typer.Argument(help="Gold file or directory.", exists=True)]


ErrorsFile = Annotated[
    Path | None,
    typer.Option(
        "--errors",
        help="Write every disagreement with the gold (with its context) as JSON Lines here.",
    ),
]


def _write_errors(path: Path | None, found: list | None) -> None:
    if path is None or found is None:
        return
    with path.open("w", encoding="utf-8") as out:
        for row in found:
            out.write(json.dumps(to_dict(row), ensure_ascii=False) + "\n")
    print(f"{len(found)} disagreements written to {path}")


@eval_app.command("events")
def eval_events(
    gold: GoldPath,
    errors: ErrorsFile = None,
    min_confidence: Annotated[
        float,
        typer.Option(
            "--min-confidence",
            min=0.0,
            max=1.0,
            help="Score only the events at or above this confidence (0, the default, scores "
            f"every event the coder emits; {DEFAULT_MIN_CONFIDENCE} is what code and ingest keep).",
        ),
    ] = 0.0,
) -> None:
    """PLOVER type recall, precision, F1 and actor agreement on a PLV-style TSV."""
    from eventwire.evaluate.events import evaluate_events, format_event_scores
    from eventwire.pipeline import Coder

    coder = Coder.load()
    found: list | None = [] if errors is not None else None

    def coded(doc: Doc, article: Article) -> list[Event]:
        events = coder.analyse_doc(article, doc).events
        return [e for e in events if e.confidence >= min_confidence]

    scores = evaluate_events(gold, coder.nlp, coded, found)
    if min_confidence:
        print(f"events at or above confidence {min_confidence}")
    print(format_event_scores(scores))
    _write_errors(errors, found)


@eval_app.command("times")
def eval_times(gold: GoldPath, errors: ErrorsFile = None) -> None:
    """TempEval-3 span, type and value scores on a directory of TimeML files."""
    from eventwire.evaluate.times import evaluate_times, format_time_scores
    from eventwire.nlp import load_nlp

    found: list | None = [] if errors is not None else None
    print(format_time_scores(evaluate_times(gold, load_nlp(), found)))
    _write_errors(errors, found)


@eval_app.command("places")
def eval_places(gold: GoldPath, errors: ErrorsFile = None) -> None:
    """Toponym recall and accuracy within 161 km on an LGL/GeoVirus-style XML file."""
    from eventwire.evaluate.places import evaluate_places, format_place_scores
    from eventwire.nlp import load_nlp
    from eventwire.places import Gazetteer

    found: list | None = [] if errors is not None else None
    print(format_place_scores(evaluate_places(gold, load_nlp(), Gazetteer.load(), found)))
    _write_errors(errors, found)


@eval_app.command("event-places")
def eval_event_places(
    gold: GoldPath,
    corpus: Annotated[
        Path, typer.Option(help="Folder of the corpus JSON Lines files the gold names.")
    ] = Path("../shared/corpus"),
    errors: ErrorsFile = None,
) -> None:
    """Share of events with the right place and date, on a hand-checked TSV of events."""
    from eventwire.evaluate.event_places import (
        evaluate_event_places,
        format_event_place_scores,
        judgement_record,
    )
    from eventwire.pipeline import Coder

    coder = Coder.load()
    judged: list = []
    scores = evaluate_event_places(gold, corpus, coder.code_article, coder.gazetteer, judged)
    print(format_event_place_scores(scores))
    if errors is not None:
        wrong = [judgement_record(j) for j in judged if not (j.place_right and j.date_right)]
        with errors.open("w", encoding="utf-8") as out:
            for row in wrong:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{len(wrong)} disagreements written to {errors}")


@app.command()
def serve(
    db: Db = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None, typer.Option(envvar="EVENTWIRE_TOKEN", help="Enables writes with this token.")
    ] = None,
    allow_host: Annotated[
        list[str] | None,
        typer.Option(
            "--allow-host",
            help="Also answer requests for this Host name (on loopback only localhost, "
            "127.0.0.1 and ::1 are answered).",
        ),
    ] = None,
) -> None:
    """HTTP API and dashboard. Without --token the store is opened read-only: `ingest` and
    every other command keep working on it while it serves, and the dashboard shows what they
    write."""
    import uvicorn

    from eventwire.api.app import create_app
    from eventwire.api.hosts import allowed_hosts
    from eventwire.store import open_store

    if token is not None and not token.strip():
        raise _fail(
            "--token is empty (an unset variable?): give a secret, or no --token to keep writes "
            "off",
            2,
        )
    hosts = allowed_hosts(host, allow_host or ())
    store = open_store(db, read_only=token is None)

    def coder_factory():  # noqa: ANN202 - loaded on the first POST /code
        from eventwire.pipeline import Coder

        return Coder.load(min_confidence=DEFAULT_MIN_CONFIDENCE)

    application = create_app(store, token=token, coder_factory=coder_factory, hosts=hosts)
    err.print(f"eventwire dashboard: http://{host}:{port}/  (Ctrl+C to stop)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@actors_app.command("check")
def actors_check(
    files: Annotated[list[Path], typer.Argument(help="PETRARCH/TABARI or eventwire TSV files.")],
    strict: Annotated[bool, typer.Option(help="Exit non-zero on any slip.")] = False,
    fmt: PrintFormat = "table",
) -> None:
    """Read actor dictionaries and report what was understood and every line skipped (why, and
    what to change), so a dictionary can be fixed before coding with it."""
    from dataclasses import asdict

    from eventwire.actors import ActorDictionary

    _check_print_format(fmt)
    report = ActorDictionary.load(extra=_check_actor_files(files)).report
    columns = ("entries", "phrases", "synonyms", "dated_codes", "actors", "countries", "agents")
    columns += ("no_code", "sets", "skipped")
    if fmt == "table":
        rows = [(f.path, f.lines, *(getattr(f, c) for c in columns)) for f in report.files]
        make_console().print(counts_table("actor dictionaries", rows, ("file", "lines", *columns)))
        for slip in report.slips:
            print(f"{slip.path}:{slip.line}: {slip.reason}: {slip.fix} ({slip.cost})")
        print(report.summary())
    else:
        records = [
            {**asdict(f), "skipped": f.skipped, "slips": [asdict(s) for s in f.slips]}
            for f in report.files
        ]
        (write_jsonl if fmt == "jsonl" else write_json)(records)
    if strict and report.slips:
        raise typer.Exit(1)


def main() -> None:
    try:
        app()
    except EventwireError as exc:
        err.print(f"[red]error:[/red] {exc}")
        sys.exit(2)


if __name__ == "__main__":
    main()
