"""Load test of the HTTP API: the dashboard's reads on 100k-1M+ events (DuckDB, PostgreSQL).

    .venv/bin/python benchmarks/api_load.py [--events 100000] [--seconds 20] [--clients 4]
                                            [--from-db PATH] [--keep DB]
                                            [--postgres | --postgres-url URL] [--runs ...]
                                            [--read-connections 8]
                                            [--ingest-every SECONDS] [--by-query]

The store is synthetic but every row is a valid Event: real records are taken as templates
(events coded by `eventwire ingest` when --from-db is given, else events the real pipeline codes
from examples/articles.jsonl, else the hand-written records below) and copied with new ids,
dates, actors' countries, CAMEO codes and places. The server runs with uvicorn in a child
process on 127.0.0.1; client threads send the dashboard's mix for --seconds: its first load
(timeline, places, network, a page, the count, clusters), filtered pages, a cursor's second
page, CSV, filtered aggregates and single events. Events arrive in about date order, as news
does. Before the load each request is sent once and timed (the cold figure: aggregates are
then cached per store version). Prints requests/s, latency percentiles, the server's peak
memory, and the plans of typical queries.
"""

from __future__ import annotations

import argparse
import dataclasses
import random
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from api.serve import free_port  # noqa: E402
from eventwire.records import Actor, Article, Event, Evidence, Place, Plover  # noqa: E402
from eventwire.store import schema  # noqa: E402
from eventwire.store.base import CodedArticle, EventQuery  # noqa: E402
from eventwire.store.duckdb import DuckDBStore  # noqa: E402

COUNTRIES = [
    "RUS",
    "TUR",
    "SYR",
    "USA",
    "CHN",
    "UKR",
    "FRA",
    "DEU",
    "IRN",
    "ISR",
    "LBY",
    "EGY",
    "IND",
    "PAK",
    "GBR",
    "SAU",
    "VEN",
    "BRA",
    "NGA",
    "ETH",
]
CAMEO = [
    ("040", 1, 1.0, "CONSULT"),
    ("036", 1, 4.0, "CONSULT"),
    ("057", 2, 8.0, "AGREE"),
    ("073", 2, 7.4, "AID"),
    ("112", 3, -2.0, "ACCUSE"),
    ("130", 3, -4.4, "THREATEN"),
    ("141", 3, -6.5, "PROTEST"),
    ("163", 4, -8.0, "SANCTION"),
    ("190", 4, -10.0, "ASSAULT"),
    ("043", 1, 2.8, "CONSULT"),
]
CITIES = [
    (524901, "Moscow", "RUS", 55.75, 37.62),
    (745044, "Istanbul", "TUR", 41.01, 28.95),
    (169389, "Idlib", "SYR", 35.93, 36.63),
    (703448, "Kyiv", "UKR", 50.45, 30.52),
    (2988507, "Paris", "FRA", 48.85, 2.35),
    (1816670, "Beijing", "CHN", 39.91, 116.40),
    (112931, "Tehran", "IRN", 35.69, 51.42),
    (2210247, "Tripoli", "LBY", 32.89, 13.19),
    (360630, "Cairo", "EGY", 30.06, 31.25),
    (3646738, "Caracas", "VEN", 10.49, -66.88),
]
QUERIES = [
    # the dashboard's first load (main.js): timeline, map, network, table, total, stories
    "/stats/timeline?interval=day&by=quad_class",
    "/places?limit=2000",
    "/stats/network?level=country&limit=60",
    "/events",
    "/events/count",
    "/clusters?limit=20",
    # then a user filters, pages and opens events
    "/events?actor=RUS",
    "/events?cameo=19&date_from=2021-01&date_to=2021-06",
    "/events?quad_class=4&sort=-goldstein",
    "/events?plover=CONSULT&actor=TUR&limit=50",
    "/events?bbox=25,30,45,45",
    "/events?q=talks&limit=50",
    "/events?date_from=2020-03-01&date_to=2020-03-31&sort=date",
    "/events?actor=USA&format=csv",
    "/events?actor=CHN&limit=100&page=2",  # page=2 -> follow the first page's cursor
    "/events/count?actor=RUS",
    "/stats/timeline?interval=month&by=plover&actor=TUR",
    "/stats/network?level=country&limit=60&quad_class=4",
    "/clusters?limit=20&actor=SYR",
    "/events/{id}",  # one event with its evidence (an id drawn from the store)
]


def handwritten_templates() -> list[tuple[Article, list[Event]]]:
    text = (
        "Senior American and Russian diplomats held talks in Geneva on Monday over Moscow's "
        "troop build-up near Ukraine."
    )
    article = Article(
        "tpl-1",
        "Example Wire",
        "https://news.example/tpl-1",
        date(2022, 1, 11),
        "Talks in Geneva",
        text,
    )
    src = Actor("American", 7, 15, "USAGOV", "USA", "GOV", None, None, "state")
    tgt = Actor("Russian diplomats", 20, 37, "RUSGOV", "RUS", "GOV", None, None, "group")
    start = text.index("talks")
    event = Event(
        "tpl-e1",
        "tpl-1",
        0,
        text,
        src,
        tgt,
        "040",
        "04",
        1,
        1.0,
        Plover("CONSULT"),
        "2022-01-10",
        "text",
        None,
        "asserted",
        0.8,
        Evidence("held talks", start - 5, start + 5, "consult.hold_talks"),
    )
    return [(article, [event])]


def templates(from_db: Path | None) -> tuple[str, list[tuple[Article, list[Event]]]]:
    if from_db is not None:
        store = DuckDBStore(from_db, read_only=True)
        by_article: dict[str, list[Event]] = {}
        for event in store.events(EventQuery(limit=5000)):
            by_article.setdefault(event.article_id, []).append(event)
        pairs = [(store.article(aid), evs) for aid, evs in by_article.items()]
        store.close()
        return f"events coded in {from_db}", [(a, e) for a, e in pairs if a is not None]
    try:
        from eventwire.pipeline import Coder
        from eventwire.readers import read_inputs

        coder = Coder.load()
        articles = [
            r
            for r in read_inputs([str(ROOT / "examples" / "articles.jsonl")])
            if isinstance(r, Article)
        ]
        pairs = [(a, coder.code_article(a)) for a in articles]
        pairs = [(a, e) for a, e in pairs if e]
        if pairs:
            return "events the pipeline coded from examples/articles.jsonl", pairs
    except Exception as exc:  # the pipeline may not be there: fall back, and say so
        print(f"(pipeline unavailable: {exc}; using hand-written template records)")
    return "hand-written template records", handwritten_templates()


def _vary(event: Event, n: int, total: int, rng: random.Random, article_id: str) -> Event:
    cameo, quad, goldstein, plover = rng.choice(CAMEO)
    src, tgt = rng.sample(COUNTRIES, 2)
    # news arrives in about date order: over 900 days, each event up to a week before its day
    day = date(2020, 1, 1) + timedelta(days=max(0, n * 900 // total - rng.randrange(7)))
    # a copied actor keeps its words and agent but not the template's person or role
    source = dataclasses.replace(
        event.source, code=src + (event.source.agent or ""), country=src, name=None, role=None
    )
    target = event.target and dataclasses.replace(
        event.target, code=tgt + (event.target.agent or ""), country=tgt, name=None, role=None
    )
    place = None
    if rng.random() < 0.6:
        gid, name, country, lat, lon = rng.choice(CITIES)
        place = Place(name, 0, len(name), gid, name, country, lat, lon, "city", 0.9)
    return dataclasses.replace(
        event,
        id=f"syn{n:08d}",
        article_id=article_id,
        source=source,
        target=target,
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=quad,
        goldstein=goldstein,
        plover=Plover(plover),
        date=day.isoformat(),
        place=place,
        confidence=round(rng.uniform(0.3, 1.0), 3),
    )


def build_store(path: Path, total: int, pairs: list[tuple[Article, list[Event]]]) -> None:
    rng = random.Random(7)
    store = DuckDBStore(path)
    made, batch, k = 0, [], 0
    while made < total:
        article, events = pairs[k % len(pairs)]
        aid = f"syn-a{k:07d}"
        copy = dataclasses.replace(article, id=aid, text=article.text + f"\n[copy {k}]")
        coded = []
        for event in events * max(1, 10 // len(events)):
            if made >= total:
                break
            coded.append(_vary(event, made, total, rng, aid))
            made += 1
        batch.append(CodedArticle(copy, coded))
        k += 1
        if len(batch) == 1000:
            store.write_batch(batch, [])
            batch = []
    if batch:
        store.write_batch(batch, [])
    store.close()


def print_plan(db: Path) -> None:
    """DuckDB's plan of a typical page query: a Top-N over a scan, no full sort."""
    import duckdb

    from eventwire.api.queries import events_page

    captured: list[tuple[str, list]] = []

    def capture(sql: str, params: list) -> list:
        captured.append((sql, params))
        return []

    events_page(capture, EventQuery(actor="RUS"), "-date", 100, None)
    sql, params = captured[0]
    with duckdb.connect(str(db), read_only=True) as con:
        plan = con.execute("EXPLAIN " + sql, params).fetchall()[0][1]
    operators = [w for w in ("Top N", "ORDER_BY", "Seq Scan", "Dynamic Filter") if w in plan]
    print(f"plan of /events?actor=RUS: {', '.join(operators)}")


def copy_store(db: Path, url: str) -> None:
    """The DuckDB store's articles and events, written into the PostgreSQL store at `url`
    (left as it is when it already holds events)."""
    from eventwire.store.postgres import PostgresStore

    target = PostgresStore(url)
    try:
        if target.count_events() > 0:
            print(f"PostgreSQL store already holds {target.count_events()} events: reused")
            return
        source = DuckDBStore(db, read_only=True)
        by_article: dict[str, list[Event]] = {}
        for event in source.events():
            by_article.setdefault(event.article_id, []).append(event)
        rows = source.rows("SELECT id, source, url, published, title, text, language FROM articles")
        articles = [schema.article_from_row(row) for row in rows]
        source.close()
        t0 = time.perf_counter()
        for start in range(0, len(articles), 1000):
            batch = articles[start : start + 1000]
            target.write_batch([CodedArticle(a, by_article.get(a.id, [])) for a in batch], [])
        took = time.perf_counter() - t0
        print(f"copied {sum(map(len, by_article.values()))} events to PostgreSQL in {took:.1f} s")
    finally:
        target.close()
    # what autovacuum would have done by the time a server is in use: planner statistics and
    # hint bits set, so the first run does not pay for them
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE articles, events")


def serve(
    run: str, db: Path, pg_url: str | None, port: int, read_connections: int
) -> subprocess.Popen:
    if run == "duckdb":
        opening = (
            "from eventwire.store.duckdb import DuckDBStore\n"
            f"store = DuckDBStore({str(db)!r}, read_only=True)\n"
        )
    else:
        # pg-one: without thread_rows the API serialises every read on the store's connection
        opening = (
            "from eventwire.store.postgres import PostgresStore\n"
            "class OneConnection(PostgresStore):\n"
            "    thread_rows = None\n"
            f"kind = OneConnection if {run == 'pg-one'} else PostgresStore\n"
            f"store = kind({pg_url!r}, read_connections={read_connections})\n"
        )
    code = (
        "import uvicorn\n"
        "from eventwire.api.app import create_app\n" + opening + "app = create_app(store)\n"
        f"uvicorn.run(app, host='127.0.0.1', port={port}, log_level='warning')\n"
        "store.close()\n"
    )
    return subprocess.Popen([sys.executable, "-c", code])


INGEST = """
import dataclasses, sys, time
from eventwire.store import open_store
from eventwire.store.base import CodedArticle, EventQuery
target, every = sys.argv[1], float(sys.argv[2])
store = open_store(target)
events = list(store.events(EventQuery(limit=200)))
article = store.article(events[0].article_id)
print("ingesting", flush=True)
batch, run = 0, int(time.time())
while True:
    time.sleep(every)
    coded = []
    for a in range(20):  # 20 articles of 10 events, as an ingest batch of news
        aid = f"live-{run}-{batch}-{a}"
        copy = dataclasses.replace(article, id=aid, text=f"{article.text} {aid}")
        evs = [dataclasses.replace(e, id=f"{aid}-{i}", article_id=aid)
               for i, e in enumerate(events[a * 10 : a * 10 + 10])]
        coded.append(CodedArticle(copy, evs))
    store.write_batch(coded, [])
    batch += 1
    print("batch", batch, flush=True)
"""


def start_ingest(run: str, db: Path, pg_url: str | None, every: float) -> subprocess.Popen:
    """A writer beside the server: a batch of 200 events every `every` seconds, as a running
    `eventwire ingest` commits them (each batch changes the store version: caches refill)."""
    target = str(db) if run == "duckdb" else str(pg_url)
    proc = subprocess.Popen(
        [sys.executable, "-c", INGEST, target, str(every)], stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "ingesting"
    return proc


def stop_ingest(proc: subprocess.Popen) -> int:
    """Stop the writer; the number of batches it committed."""
    proc.terminate()
    out, _ = proc.communicate(30)
    return sum(1 for line in out.splitlines() if line.startswith("batch"))


def peak_rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _send(http, path: str, rng: random.Random, events: int):  # noqa: ANN001, ANN202
    """One request of the mix (a cursor's second page is two requests, timed as one)."""
    if path == "/events/{id}":
        return http.get(f"/events/syn{rng.randrange(events):08d}")
    if path.endswith("&page=2"):
        first = http.get(path.removesuffix("&page=2")).json()
        return http.get(path.removesuffix("&page=2") + f"&cursor={first['next']}")
    return http.get(path)


def cold_pass(base: str, events: int) -> dict[str, float]:
    """Each request of the mix once, in order, on a fresh server: seconds each (nothing cached)."""
    import httpx

    rng = random.Random(0)
    times: dict[str, float] = {}
    with httpx.Client(base_url=base, timeout=120) as http:
        for path in QUERIES:
            t0 = time.perf_counter()
            response = _send(http, path, rng, events)
            times[path] = time.perf_counter() - t0
            if response.status_code != 200:
                raise SystemExit(f"{path}: {response.status_code} {response.text[:300]}")
    return times


def run_load(
    base: str, seconds: float, clients: int, events: int
) -> tuple[list[float], int, dict[str, list[float]]]:
    import httpx

    latencies: list[float] = []
    by_path: dict[str, list[float]] = {}
    errors = 0
    lock = threading.Lock()
    stop = time.monotonic() + seconds

    def client(seed: int) -> None:
        nonlocal errors
        rng = random.Random(seed)
        with httpx.Client(base_url=base, timeout=30) as http:
            while time.monotonic() < stop:
                path = rng.choice(QUERIES)
                t0 = time.perf_counter()
                response = _send(http, path, rng, events)
                elapsed = time.perf_counter() - t0
                with lock:
                    latencies.append(elapsed)
                    by_path.setdefault(path, []).append(elapsed)
                    errors += response.status_code != 200

    threads = [threading.Thread(target=client, args=(i,)) for i in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors, by_path


def wait_up(base: str, proc: subprocess.Popen, timeout: float = 60) -> None:
    import httpx

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            if httpx.get(base + "/vocabulary", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.2)
    raise SystemExit("the server did not start")


@dataclasses.dataclass
class Result:
    run: str
    requests: int
    errors: int
    per_second: float
    p50_ms: float
    p95_ms: float
    max_ms: float
    peak_mb: float
    path_p50_ms: dict[str, float]
    cold_ms: dict[str, float]


def measure(run: str, db: Path, pg_url: str | None, args: argparse.Namespace) -> Result:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    proc = serve(run, db, pg_url, port, args.read_connections)
    try:
        wait_up(base, proc)
        cold = cold_pass(base, args.events)
        writer = start_ingest(run, db, pg_url, args.ingest_every) if args.ingest_every else None
        try:
            latencies, errors, by_path = run_load(base, args.seconds, args.clients, args.events)
        finally:
            batches = stop_ingest(writer) if writer is not None else 0
        peak = peak_rss_mb(proc.pid)
    finally:
        proc.terminate()
        proc.wait(10)
    if writer is not None:
        print(f"[{run}] an ingest beside the server committed {batches} batches of 200 events")
    q = statistics.quantiles(latencies, n=100)
    return Result(
        run,
        len(latencies),
        errors,
        len(latencies) / args.seconds,
        q[49] * 1000,
        q[94] * 1000,
        max(latencies) * 1000,
        peak,
        {path: statistics.median(times) * 1000 for path, times in by_path.items()},
        {path: seconds * 1000 for path, seconds in cold.items()},
    )


def report(result: Result, args: argparse.Namespace) -> None:
    print(
        f"[{result.run}] requests: {result.requests} in {args.seconds:.0f} s with "
        f"{args.clients} clients, {result.errors} non-200"
    )
    print(f"[{result.run}] throughput: {result.per_second:.1f} requests/s")
    print(
        f"[{result.run}] latency: p50 {result.p50_ms:.1f} ms, p95 {result.p95_ms:.1f} ms, "
        f"max {result.max_ms:.1f} ms"
    )
    print(f"[{result.run}] server peak memory (VmHWM): {result.peak_mb:.0f} MB")
    if args.by_query:
        for path in QUERIES:
            if path in result.path_p50_ms:
                print(
                    f"[{result.run}]   p50 {result.path_p50_ms[path]:7.1f} ms"
                    f"  cold {result.cold_ms[path]:7.1f} ms  {path}"
                )
    else:
        slowest = max(result.cold_ms, key=result.cold_ms.__getitem__)
        print(f"[{result.run}] slowest cold request: {result.cold_ms[slowest]:.0f} ms {slowest}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--seconds", type=float, default=20.0)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--from-db", type=Path)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the store at this path")
    where = parser.add_mutually_exclusive_group()
    where.add_argument(
        "--postgres", action="store_true", help="also run on a throwaway embedded PostgreSQL"
    )
    where.add_argument("--postgres-url", help="also run on this PostgreSQL database")
    parser.add_argument(
        "--runs",
        help="comma-separated, in order: duckdb, pg-one, pg-pool "
        "(default: duckdb, and both PostgreSQL runs when PostgreSQL is given)",
    )
    parser.add_argument("--read-connections", type=int, default=8, help="pg-pool's pool size")
    parser.add_argument("--by-query", action="store_true", help="median latency of each query")
    parser.add_argument(
        "--ingest-every",
        type=float,
        default=0.0,
        help="during the load, a writer commits 200 events every this many seconds",
    )
    args = parser.parse_args()
    with_pg = args.postgres or args.postgres_url is not None
    runs = (args.runs or ("duckdb,pg-one,pg-pool" if with_pg else "duckdb")).split(",")
    unknown = set(runs) - {"duckdb", "pg-one", "pg-pool"}
    if unknown or (not with_pg and runs != ["duckdb"]):
        parser.error(f"--runs: unknown or needing PostgreSQL: {', '.join(runs)}")

    db = args.keep or Path(tempfile.mkdtemp(prefix="ew-api-load-")) / "load.duckdb"
    if not db.exists():
        origin, pairs = templates(args.from_db)
        t0 = time.perf_counter()
        build_store(db, args.events, pairs)
        print(f"built {args.events} events from {origin} in {time.perf_counter() - t0:.1f} s")
    with DuckDBStore(db, read_only=True) as store:
        # ids syn00000000.. of the store built here (a run --ingest-every adds others)
        args.events = store.rows("SELECT count(*) FROM events WHERE id LIKE 'syn%'")[0][0]
    print_plan(db)
    server = None
    pg_url = args.postgres_url
    results: list[Result] = []
    try:
        if args.postgres:
            sys.path.insert(0, str(ROOT / "tests" / "store"))
            from pg_server import start

            server = start()
            pg_url = server.url
        if pg_url is not None:
            copy_store(db, pg_url)
        for run in runs:
            results.append(measure(run, db, pg_url, args))
            report(results[-1], args)
    finally:
        if server is not None:
            server.stop()
    if len(results) > 1:
        print("\n| run | clients | requests/s | p50 | p95 | errors | server peak memory |")
        print("|---|---|---|---|---|---|---|")
        for r in results:
            print(
                f"| {r.run} | {args.clients} | {r.per_second:.1f} | {r.p50_ms:.0f} ms |"
                f" {r.p95_ms:.0f} ms | {r.errors} | {r.peak_mb:.0f} MB |"
            )
    return 0 if all(r.errors == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
