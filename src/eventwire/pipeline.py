"""The coding pipeline: one parse per article, then every stage on the same Doc.

    text -> spaCy Doc -> times, places, actors -> events -> date and place -> merge

A text longer than `piece_chars` (20,000) is parsed in pieces cut between paragraphs and joined
into one Doc (longtext.py), so spaCy's memory stays bounded and its length limit (E088) is never
met; the stages after the parse see one article. Each trigger is dated and placed from the times
and places of its own sentence, handed to it by sentence, so the cost stays near linear.

`Coder` holds what is loaded once (the model, gazetteer, dictionaries, lexicon) and is passed to
whoever codes: the CLI, the ingest loop, the HTTP API, a Dask worker.

With `prefilter=True`, `code_batch` and `code_article` (events only) parse the text with the
sentences that cannot hold an event masked (see prefilter.py); `analyse*` always parse it whole,
since their times, places and actors are promised complete. It is off by default: with the context
that keeps events unchanged it masks only 3-9% of the words of news (BBC, Reuters), a saving within
the noise, while 1% of articles still get an event that differs (BENCHMARKS.md).
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc, Token

from eventwire.actors import UNKNOWN_CODE, ActorDictionary, find_actors
from eventwire.actors.local import local_countries
from eventwire.events import Codebook, Lexicon, code_events, merge_events
from eventwire.events.confidence import keep_confident
from eventwire.events.planned import as_dated, told_as_past, told_in_present_simple
from eventwire.longtext import PIECE_CHARS, parse_texts
from eventwire.nlp import load_nlp
from eventwire.places import Gazetteer
from eventwire.places.attach import event_place
from eventwire.places.find import find_places_of_source
from eventwire.places.home import SourceHomes, source_key
from eventwire.prefilter import TriggerWords, prefiltered_doc
from eventwire.records import Actor, Article, Event, Place, TimeRef
from eventwire.spans import Spans
from eventwire.times import TimeFinder, find_times, load_time_finder
from eventwire.times.attach import time_for_trigger


@dataclass(frozen=True, slots=True)
class ArticleAnalysis:
    """Everything eventwire found in one article."""

    article: Article
    times: list[TimeRef]
    places: list[Place]
    actors: list[Actor]
    events: list[Event]


@dataclass
class Coder:
    nlp: Language
    gazetteer: Gazetteer
    actors: ActorDictionary
    lexicon: Lexicon
    codebook: Codebook
    times: TimeFinder
    batch_size: int = 32
    prefilter: bool = False  # events-only coding skips sentences that cannot hold an event
    trigger_words: TriggerWords | None = None  # built from the lexicon when None
    # events-only coding leaves out events under this confidence (the library keeps all; the
    # command line and the API pass DEFAULT_MIN_CONFIDENCE); analyse* always keep all
    min_confidence: float = 0.0
    piece_chars: int = PIECE_CHARS  # longer texts are parsed in pieces (longtext.py)
    # each site's home division, learnt from its articles as they are coded: a local paper's
    # "Dublin" is then its own town (places/home.py)
    homes: SourceHomes = field(default_factory=SourceHomes)

    def __post_init__(self) -> None:
        if self.trigger_words is None:
            self.trigger_words = TriggerWords.load(self.lexicon)

    @classmethod
    def load(
        cls,
        actor_files: Sequence[Path] = (),
        batch_size: int = 32,
        prefilter: bool = False,
        min_confidence: float = 0.0,
        actors: ActorDictionary | None = None,
    ) -> Coder:
        """Load the model and every stage's data once (`actors`: a dictionary already loaded
        from `actor_files`, e.g. by the command line that reported on it)."""
        return cls(
            nlp=load_nlp(),
            gazetteer=Gazetteer.load(),
            actors=actors or ActorDictionary.load(extra=tuple(actor_files)),
            lexicon=Lexicon.load(),
            codebook=Codebook.load(),
            times=load_time_finder(),
            batch_size=batch_size,
            prefilter=prefilter,
            min_confidence=min_confidence,
        )

    def analyse_batch(self, articles: Iterable[Article]) -> Iterator[ArticleAnalysis]:
        """Parse articles in batches and run every stage; the order follows the input."""
        articles = list(articles)
        docs = parse_texts(
            self.nlp, (a.text for a in articles), self.batch_size, piece_chars=self.piece_chars
        )
        for article, doc in zip(articles, docs, strict=True):
            yield self.analyse_doc(article, doc)

    def analyse(self, article: Article) -> ArticleAnalysis:
        return self.analyse_doc(article, self.parse(article.text))

    def parse(self, text: str) -> Doc:
        """One text parsed (in pieces when it is long: longtext.py)."""
        return next(parse_texts(self.nlp, [text], self.batch_size, piece_chars=self.piece_chars))

    def analyse_doc(self, article: Article, doc: Doc) -> ArticleAnalysis:
        if article.published is None:
            raise ValueError(f"article {article.id} has no published date; it cannot be coded")
        times = find_times(article.text, article.published, doc, self.times)
        source = source_key(article.source, article.url)
        places = find_places_of_source(doc, self.gazetteer, self.homes, source)
        actors = drop_places_taken_for_actors(
            find_actors(doc, article.published, self.actors), places
        )
        actors = local_countries(article.text, actors, places)  # "police in Lagos": NGACOP
        events = code_events(
            doc, article, actors, self.lexicon, self.codebook, places=place_sides(places, actors)
        )
        nearby = _Nearby(doc, times, places)
        events = [self._dated(e, doc, article, nearby) for e in drop_place_targets(events, places)]
        return ArticleAnalysis(article, times, places, actors, merge_events(events))

    def _dated(self, event: Event, doc: Doc, article: Article, nearby: _Nearby) -> Event:
        """When and where (each trigger looks only at the times of its sentence and the next,
        which may date it, and the places of its sentence and the dateline: cost linear in the
        length), then what the date says: a plan or background (events/planned.py)."""
        trigger = doc[_token_index(doc, event.evidence.start)]
        times, places = nearby.around(trigger)
        event = _date_and_place(event, doc, trigger.i, article, times, places, self._country_place)
        return as_dated(
            event,
            article.published,
            self.lexicon,
            self.codebook,
            lambda: told_as_past(trigger),
            lambda: told_in_present_simple(trigger),
        )

    def _country_place(self, alpha3: str, actor: Actor) -> Place | None:
        """The country-level Place of a country, on the words of the actor that names it."""
        country = self.gazetteer.country(alpha3)
        if country is None:
            return None
        return Place(
            text=actor.text,
            start=actor.start,
            end=actor.end,
            geonameid=country.geonameid,
            name=country.name,
            country=alpha3,
            lat=country.lat,
            lon=country.lon,
            feature="country",
            score=0.5,
        )

    def code_batch(self, articles: Sequence[Article]) -> list[list[Event]]:
        if not self.prefilter:
            return [self._confident(a.events) for a in self.analyse_batch(articles)]
        docs = self._prefiltered(a.text for a in articles)
        return [
            self._confident(self.analyse_doc(a, doc).events)
            for a, doc in zip(articles, docs, strict=True)
        ]

    def code_article(self, article: Article) -> list[Event]:
        if not self.prefilter:
            return self._confident(self.analyse(article).events)
        doc = next(self._prefiltered([article.text]))
        return self._confident(self.analyse_doc(article, doc).events)

    def _confident(self, events: list[Event]) -> list[Event]:
        return keep_confident(events, self.min_confidence)[0] if self.min_confidence else events

    def _prefiltered(self, texts: Iterable[str]) -> Iterator[Doc]:
        """The texts parsed with the sentences that cannot hold an event masked (piece by piece
        for long texts); times are still read from the text itself (the Doc has its length and
        offsets)."""
        words = self.trigger_words
        assert words is not None
        return parse_texts(
            self.nlp,
            texts,
            self.batch_size,
            piece_chars=self.piece_chars,
            prepare=lambda piece: prefiltered_doc(self.nlp, piece, words),
        )


def drop_places_taken_for_actors(actors: list[Actor], places: list[Place]) -> list[Actor]:
    """An unknown name (code UNK) that the gazetteer resolves as a place is the place, not an
    organisation that NER took it for ("the attack on Intlib")."""
    spans = [(p.start, p.end) for p in places]
    return [
        a
        for a in actors
        if a.code != UNKNOWN_CODE or not any(a.start < e and s < a.end for s, e in spans)
    ]


def place_sides(places: list[Place], actors: list[Actor]) -> list[Actor]:
    """Places with a country that no actor covers, as sides that acts aimed at a place may
    take as target (kind "place", code: the country; the events stage decides where)."""
    taken = Spans((a.start, a.end) for a in actors)
    return [
        Actor(p.text, p.start, p.end, p.country, p.country, None, p.name, None, "place")
        for p in places
        if p.country and not taken.overlaps(p.start, p.end)
    ]


# A place this close to the start of the text may be the dateline, which any event may use.
LEAD_CHARS = 120


class _Nearby:
    """The times and places overlapping each sentence, found by bisection."""

    def __init__(self, doc: Doc, times: list[TimeRef], places: list[Place]) -> None:
        self.starts = [sent.start_char for sent in doc.sents]
        self.times = self._group(times)
        self.places = self._group(places)
        self.lead = [p for p in places if p.start < LEAD_CHARS]

    def _group(self, items: Sequence[TimeRef] | Sequence[Place]) -> dict[int, list]:
        groups: dict[int, list] = {}
        for item in items:
            first = max(bisect_right(self.starts, item.start) - 1, 0)
            last = max(bisect_right(self.starts, max(item.end - 1, item.start)) - 1, 0)
            for sentence in range(first, last + 1):
                groups.setdefault(sentence, []).append(item)
        return groups

    def around(self, trigger: Token) -> tuple[list[TimeRef], list[Place]]:
        """The times of the trigger's sentence and the next; the places of its sentence and
        the dateline's."""
        k = max(bisect_right(self.starts, trigger.sent.start_char) - 1, 0)
        times = list(dict.fromkeys([*self.times.get(k, []), *self.times.get(k + 1, [])]))
        places = list(dict.fromkeys([*self.lead, *self.places.get(k, [])]))
        return times, sorted(places, key=lambda p: p.start)


def drop_place_targets(events: list[Event], places: list[Place]) -> list[Event]:
    """A name the events stage took for an unknown target because of its place in the clause
    ("the attack on Intlib") is a place when the gazetteer resolves it: the event keeps no
    target rather than a place posing as an actor (where it happened is the event's place)."""
    spans = [(p.start, p.end) for p in places]

    def is_place(actor: Actor | None) -> bool:  # the whole name is the place; people are not
        return (
            actor is not None
            and actor.code == UNKNOWN_CODE
            and actor.kind != "person"
            and any(s <= actor.start and actor.end <= e for s, e in spans)
        )

    return [dataclasses.replace(e, target=None) if is_place(e.target) else e for e in events]


def _date_and_place(
    event: Event,
    doc: Doc,
    trigger: int,
    article: Article,
    times: list[TimeRef],
    places: list[Place],
    country_place: Callable[[str, Actor], Place | None],
) -> Event:
    """When and where: the time and place attached to the trigger, else the article date."""
    when = time_for_trigger(doc, trigger, times)
    where = event_place(doc, trigger, places, event, country_place)
    if when is not None:
        date, source = when.value, "text"
    else:
        date = article.published.isoformat() if article.published else None
        source = "published"
    return dataclasses.replace(event, date=date, date_source=source, place=where)


def _token_index(doc: Doc, char_offset: int) -> int:
    span = doc.char_span(char_offset, char_offset + 1, alignment_mode="expand")
    if span is not None and len(span):
        return span[0].i
    for token in doc:  # offset on whitespace: take the next token
        if token.idx >= char_offset:
            return token.i
    return len(doc) - 1
