"""Real records for store tests, built from records.py (no mocks)."""

from __future__ import annotations

from datetime import date

from eventwire.records import Actor, Article, Event, Evidence, Place, Plover

RUS = Actor("Russia", 0, 6, "RUSGOV", "RUS", "GOV", "Sergey Lavrov", "Minister", "person")
TUR = Actor("Turkey", 11, 17, "TUR", "TUR", None, None, None, "state")
SYR = Actor("rebels", 20, 26, "SYRREB", "SYR", "REB", None, None, "group")
ANKARA = Place("Ankara", 30, 36, 323786, "Ankara", "TUR", 39.92, 32.85, "city", 0.9)
SYRIA = Place("Syria", 30, 35, 163843, "Syria", "SYR", 35.0, 38.0, "country", 0.8)


def article(ident: str, text: str = "", url: str | None = None, day: int = 1) -> Article:
    body = text or f"Russia met Turkey about article {ident}."
    return Article(
        ident,
        "wire",
        url or f"https://news.example/{ident}",
        date(2020, 1, day),
        f"Headline {ident}",
        body,
    )


def event(
    ident: str,
    article_id: str = "a1",
    *,
    date_value: str | None = "2020-01-02",
    source: Actor = RUS,
    target: Actor | None = TUR,
    cameo: str = "040",
    plover: str = "CONSULT",
    quad: int = 1,
    place: Place | None = ANKARA,
    sentence: str = "Russia met Turkey in Ankara.",
) -> Event:
    return Event(
        id=ident,
        article_id=article_id,
        sentence_index=0,
        sentence=sentence,
        source=source,
        target=target,
        cameo=cameo,
        cameo_root=cameo[:2],
        quad_class=quad,
        goldstein=1.0,
        plover=Plover(plover, "visit"),
        date=date_value,
        date_source="text",
        place=place,
        modality="asserted",
        confidence=0.75,
        evidence=Evidence("met", 7, 10, f"rule.{cameo}"),
        mentions=1,
    )
