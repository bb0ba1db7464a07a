"""Real stores (DuckDB, and PostgreSQL for the route tests) filled with real Event records
written for these tests, and apps on them."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

# the store helper's throwaway PostgreSQL server (tests/store/pg_server.py), shared by folders
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "store"))

from pg_server import fresh_database, postgres_url  # noqa: E402, F401 - a session fixture

from eventwire.api.app import create_app  # noqa: E402
from eventwire.records import Actor, Article, Event, Evidence, Place, Plover  # noqa: E402
from eventwire.store.base import CodedArticle  # noqa: E402
from eventwire.store.duckdb import DuckDBStore  # noqa: E402

TOKEN = "test-token-123"

ARTICLES = [
    (
        "a1",
        "2021-03-02",
        "https://news.example/a1",
        "Ministers meet in Paris",
        "PARIS - French Foreign Minister Jean Dupont met German Chancellor Anna Weber in Paris on "
        "Monday. The two leaders praised the new trade pact.",
    ),
    (
        "a2",
        "2021-03-10",
        "https://news.example/a2",
        "Shelling near Kharkiv",
        "Russian forces shelled positions near Kharkiv on Tuesday, the Ukrainian military said.",
    ),
    (
        "a3",
        "2021-04-15",
        None,
        "Aid for Sudan",
        "The United Nations sent food aid to Sudan after floods in Khartoum.",
    ),
    (
        "a4",
        "2021-04-20",
        "https://news.example/a4",
        "Protest in Caracas",
        "Opposition supporters protested against the Venezuelan government in Caracas on Sunday.",
    ),
]


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def _actor(
    text: str,
    words: str,
    code: str,
    country: str | None,
    agent: str | None,
    name: str | None,
    kind: str,
) -> Actor:
    start, end = _span(text, words)
    return Actor(words, start, end, code, country, agent, name, None, kind)


def _place(
    text: str,
    words: str,
    gid: int,
    name: str,
    country: str,
    lat: float,
    lon: float,
    feature: str = "city",
) -> Place:
    start, end = _span(text, words)
    return Place(words, start, end, gid, name, country, lat, lon, feature, 0.9)


def _sentence(text: str, index: int) -> str:
    parts = [p.strip() for p in text.replace(". ", ".\n").split("\n")]
    return parts[index]


def _event(
    eid: str,
    aid: str,
    text: str,
    sent: int,
    source: Actor,
    target: Actor | None,
    cameo: str,
    quad: int,
    goldstein: float,
    plover: str,
    when: str | None,
    place: Place | None,
    trigger: str,
    confidence: float,
) -> Event:
    start, end = _span(text, trigger)
    return Event(
        id=eid,
        article_id=aid,
        sentence_index=sent,
        sentence=_sentence(text, sent),
        source=source,
        target=target,
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=quad,
        goldstein=goldstein,
        plover=Plover(plover),
        date=when,
        date_source="text" if when else "published",
        place=place,
        modality="asserted",
        confidence=confidence,
        evidence=Evidence(trigger, start, end, f"rule.{cameo}"),
    )


def build_events(texts: dict[str, str]) -> dict[str, list[Event]]:
    t1, t2, t3, t4 = texts["a1"], texts["a2"], texts["a3"], texts["a4"]
    fra = _actor(
        t1, "French Foreign Minister Jean Dupont", "FRAGOV", "FRA", "GOV", "Jean Dupont", "person"
    )
    deu = _actor(t1, "German Chancellor Anna Weber", "DEUGOV", "DEU", "GOV", "Anna Weber", "person")
    paris = _place(t1, "Paris", 2988507, "Paris", "FRA", 48.85, 2.35)
    rus = _actor(t2, "Russian forces", "RUSMIL", "RUS", "MIL", None, "group")
    kharkiv = _place(t2, "Kharkiv", 706483, "Kharkiv", "UKR", 49.98, 36.25)
    ukr = _actor(t2, "Ukrainian military", "UKRMIL", "UKR", "MIL", None, "group")
    uno = _actor(t3, "The United Nations", "IGOUNO", None, None, "United Nations", "organisation")
    sdn = _actor(t3, "Sudan", "SDN", "SDN", None, "Sudan", "state")
    khartoum = _place(t3, "Khartoum", 379252, "Khartoum", "SDN", 15.55, 32.53)
    opp = _actor(t4, "Opposition supporters", "VENOPP", "VEN", "OPP", None, "group")
    ven = _actor(t4, "Venezuelan government", "VENGOV", "VEN", "GOV", None, "organisation")
    caracas = _place(t4, "Caracas", 3646738, "Caracas", "VEN", 10.49, -66.88)
    return {
        "a1": [
            _event(
                "e1",
                "a1",
                t1,
                0,
                fra,
                deu,
                "040",
                1,
                1.0,
                "CONSULT",
                "2021-03-01",
                paris,
                "met",
                0.9,
            ),
            _event(
                "e2",
                "a1",
                t1,
                1,
                deu,
                fra,
                "051",
                1,
                3.4,
                "COOPERATE",
                "2021-03-02",
                None,
                "praised",
                0.6,
            ),
        ],
        "a2": [
            _event(
                "e3",
                "a2",
                t2,
                0,
                rus,
                None,
                "190",
                4,
                -10.0,
                "ASSAULT",
                "2021-03-09",
                kharkiv,
                "shelled",
                0.8,
            ),
            _event(
                "e4", "a2", t2, 0, ukr, rus, "112", 3, -2.0, "ACCUSE", "2021-03", None, "said", 0.4
            ),
        ],
        "a3": [
            _event(
                "e5",
                "a3",
                t3,
                0,
                uno,
                sdn,
                "073",
                2,
                7.4,
                "AID",
                "2021-04-14",
                khartoum,
                "sent",
                0.85,
            ),
        ],
        "a4": [
            _event(
                "e6",
                "a4",
                t4,
                0,
                opp,
                ven,
                "141",
                3,
                -6.5,
                "PROTEST",
                None,
                caracas,
                "protested",
                0.7,
            ),
        ],
    }


@pytest.fixture(scope="session")
def events_by_article() -> dict[str, list[Event]]:
    return build_events({aid: text for aid, _, _, _, text in ARTICLES})


def coded_articles(events_by_article: dict[str, list[Event]]) -> list[CodedArticle]:
    return [
        CodedArticle(
            Article(aid, "Example Wire", url, date.fromisoformat(pub), title, text),
            events_by_article[aid],
        )
        for aid, pub, url, title, text in ARTICLES
    ]


@pytest.fixture(scope="session")
def store_path(
    tmp_path_factory: pytest.TempPathFactory, events_by_article: dict[str, list[Event]]
) -> Path:
    path = tmp_path_factory.mktemp("api") / "events.duckdb"
    store = DuckDBStore(path)
    store.write_batch(coded_articles(events_by_article), [])
    store.close()
    return path


@pytest.fixture(scope="session")
def store(store_path: Path) -> Iterator[DuckDBStore]:
    opened = DuckDBStore(store_path, read_only=True)
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def pg_store(events_by_article: dict[str, list[Event]], request: pytest.FixtureRequest):
    from eventwire.store.postgres import PostgresStore

    url = fresh_database(request.getfixturevalue("postgres_url"), "eventwire_api")
    opened = PostgresStore(url)
    opened.write_batch(coded_articles(events_by_article), [])
    yield opened
    opened.close()


@pytest.fixture(scope="session", params=["duckdb", "postgres"])
def client(request: pytest.FixtureRequest) -> Iterator[TestClient]:
    """The API on each backend: every route test runs on DuckDB and on PostgreSQL."""
    backend = request.getfixturevalue("store" if request.param == "duckdb" else "pg_store")
    with TestClient(create_app(backend), raise_server_exceptions=False) as test_client:
        yield test_client
