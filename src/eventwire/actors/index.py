"""ActorIndex: from a token of the parsed document to the actor it names or refers to.

`actor_for_token` answers, in this order:
1. the actor whose span holds the token; if that actor is unnamed and stands in apposition to a
   named person ("his Turkish counterpart, Mevlut Cavusoglu"), the named one;
2. the actor of the noun phrase the token heads or modifies (compound, amod, appos, flat, nmod:
   "Minister" in "Minister Lavrov" when only "Lavrov" is an actor);
3. coreference, looking back through the token's paragraph and the one before it (newswire
   paragraphs are often one sentence long):
   - "he", "she", "him", "his", "her": the last person actor;
   - "it", "its": the last organisation or state; "they", "them", "their": the last group,
     organisation or state;
   - a definite description, i.e. an actor without a country after "the" ("the ministry", "the
     minister", "the rebels", "the government"): the last actor with the same agent and kind
     (person or not) that has a country; if none, in a story about one country (`home_country`)
     a state's sector takes that country ("the prime minister" too, but not "a minister");
     else the bare actor itself.
4. "the two sides", "both countries", "the parties" and the like: `actor_for_token` gives None;
   `actors_for_token` gives the last actors of the two (or more) different countries before it.
A coreferent answer is the antecedent's own Actor record (its text and offsets are that mention's).
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from eventwire.actors.posts import names_someone
from eventwire.actors.tables import read_rows, split_list
from eventwire.records import UNKNOWN_CODE, Actor

PASSIVE_AGENTS = frozenset({"CVL", "REF", "MED"})
HEAD_DEPS = frozenset({"compound", "amod", "appos", "flat", "nmod"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "his", "her", "himself", "herself"})
THING_PRONOUNS = frozenset({"it", "its", "itself"})
GROUP_PRONOUNS = frozenset({"they", "them", "their", "themselves"})
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})
GROUP_NOUNS = frozenset(
    {
        "sides",
        "countries",
        "parties",
        "leaders",
        "nations",
        "governments",
        "ministers",
        "delegations",
        "presidents",
        "men",
        "states",
        "neighbours",
        "neighbors",
        "allies",
        "capitals",
        "sides'",
    }
)


# Sectors that belong to a state: in an article about one country, its government, forces,
# police, courts, parliament and opposition. Rebels, media, business, civilians and the like
# are as often foreign as not and keep no country unless the text gives one.
HOME_SECTORS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "SPY"})
# Titled officials named in a one-country story ("Agriculture Minister Mutsuki Kato") are that
# country's; legislators and opposition figures are as often foreign ("senator John McCain").
NAMED_HOME_AGENTS = frozenset({"GOV", "JUD", "COP", "MIL"})
# Sectors of society ("farmers", "businessmen", "workers") in a one-country story are that
# country's too when nothing names another (a foreign group is named so: "U.S. farmers").
HOME_SOCIETY = frozenset({"BUS", "AGR", "LAB", "EDU", "HLH", "CVL", "MED", "REL", "NGO"})


def home_country(actors: Sequence[Actor]) -> str | None:
    """The country an article is about: the one its actors name most, at least twice and in at
    least half of all actors with a country ("the government" in a story about British politics
    is Britain's); None when no country stands out."""
    counts = Counter(a.country for a in actors if a.country)
    if not counts:
        return None
    country, n = counts.most_common(1)[0]
    return country if n >= 2 and n * 2 >= sum(counts.values()) else None


@cache
def _party_names() -> dict[str, frozenset[str]]:
    """party_names.tsv: a party name used alone -> the countries that have a party so named."""
    _, rows = read_rows(Path(__file__).with_name("party_names.tsv"))
    return {row["name"].lower(): frozenset(split_list(row["countries"])) for _, row in rows}


def _party_countries(text: str) -> frozenset[str]:
    words = text.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    return _party_names().get(" ".join(words).lower(), frozenset())


def _named(person: Actor) -> bool:
    """A titled person named in the text ("Agriculture Minister Mutsuki Kato"), not "a minister"."""
    words = person.text.split()
    return len(words) >= 2 and all(w[:1].isupper() for w in words)


def _same_title(description: Actor, antecedent: Actor) -> bool:
    """May "the prime minister" refer back to this person? Only when the person's mention or
    office carries the description's head word ("the minister" after "Foreign Minister Lavrov",
    "the president" after Putin, President of Russia; not "the prime minister" after "Iceland's
    president")."""
    head = description.text.lower().split()[-1]
    held = f"{antecedent.text} {antecedent.role or ''}".lower()
    return head in held or (head in PREMIER and "prime minister" in held)


# Prepositions of the scene: a state or capital in their phrase is where, not who.
SCENE_PREPS = frozenset({"in", "at", "inside", "near"})

# "the premier" is the prime minister
PREMIER = frozenset({"premier"})


class ActorIndex:
    """Token index -> actor for one document, built once from `find_actors` output."""

    def __init__(self, doc: Doc, actors: Sequence[Actor]) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each call: take it once
        self.actors = sorted(actors, key=lambda a: a.start)
        self._by_token: dict[int, int] = {}
        self._first_token: dict[int, int] = {}  # actor start offset -> its first token
        starts = doc.to_array(IDX).tolist()  # token offsets without building Token objects
        for n, actor in enumerate(self.actors):
            first = max(bisect_right(starts, actor.start) - 1, 0)
            for i in range(first, len(starts)):
                if starts[i] >= actor.end:
                    break
                if i + 1 >= len(starts) or starts[i + 1] > actor.start:
                    self._by_token.setdefault(i, n)
                    self._first_token.setdefault(actor.start, i)
        self._paragraph_starts = [0] + [m + 1 for m in _newlines(self.text)]
        self.home = home_country(self.actors)

    # -- public -----------------------------------------------------------------------------
    def actor_at(self, token: Token) -> Actor | None:
        """The actor whose span holds the token, and only that."""
        n = self._by_token.get(token.i)
        return self.actors[n] if n is not None else None

    def actor_for_token(self, token: Token) -> Actor | None:
        if self._is_group_reference(token):
            return None
        own = self.actor_at(token)
        if own is not None:
            return self._resolve(token, own)
        phrase = self._phrase_actor(token)
        if phrase is not None:
            return phrase
        return self._pronoun(token)

    def actors_for_token(self, token: Token) -> tuple[Actor, ...]:
        """All actors a token stands for: both parties for "the two sides", else one or none."""
        if self._is_group_reference(token):
            return self._parties(token)
        actor = self.actor_for_token(token)
        return (actor,) if actor is not None else ()

    # -- rules ------------------------------------------------------------------------------
    def _resolve(self, token: Token, own: Actor) -> Actor:
        if own.name is None or own.country is None or not names_someone(own):
            named = self._apposed(token, own)
            if named is not None:
                return named
        if own.country is None and own.kind == "group" and own.code != UNKNOWN_CODE:
            body = self._body_of(token, own)
            if body is not None:
                return body
        if own.country is None and self._definite(own):
            antecedent = self._last(
                own.start,
                lambda a: (
                    a.country is not None
                    and a.agent == own.agent
                    and (a.kind == "person") == (own.kind == "person")
                    and (own.kind != "person" or _same_title(own, a))
                    and (own.kind != "group" or a.kind != "state")
                ),
            )
            if antecedent is not None:
                return antecedent
        return self._at_home(own)

    def _at_home(self, own: Actor) -> Actor:
        """ "the government", "the prime minister", "Agriculture Minister Mutsuki Kato" with no
        coded antecedent or country, in a story about one country: that country's ("a minister"
        may be anyone's)."""
        if own.code == UNKNOWN_CODE and self.home and self.home in _party_countries(own.text):
            # "Labour said" in a story about Britain: Britain's Labour party
            return dataclasses.replace(own, code=self.home + "PTY", country=self.home, agent="PTY")
        state = own.agent in HOME_SECTORS and (
            own.kind != "person"
            or self._definite(own)
            or (own.agent in NAMED_HOME_AGENTS and _named(own))
            or (_named(own) and (own.role or "").lower().startswith("shadow"))
        )
        society = own.agent in HOME_SOCIETY and own.kind == "group"
        if own.country is None and self.home and (state or society):
            return dataclasses.replace(own, code=self.home + own.code, country=self.home)
        return own

    def _body_of(self, token: Token, own: Actor) -> Actor | None:
        """ "officials of the Japanese Ministry of Trade", "members of the IMF": people of a
        body are that body's (the agent stays their own: "soldiers of Iraq" are IRQMIL)."""
        head = self._span_head(token, own)
        objects = [g for c in head.children if c.dep_ == "prep" and c.lower_ == "of"
                   for g in c.children if g.dep_ == "pobj"]  # fmt: skip
        for g in objects:
            body = self.actor_at(g)
            if body is None or body is own or body.code == UNKNOWN_CODE:
                continue
            if body.country is not None:
                code = body.country + (own.agent or "")
                return dataclasses.replace(own, code=code, country=body.country)
            if body.kind == "organisation" and len(body.code) > 3:
                return dataclasses.replace(own, code=body.code, agent=body.agent)
        return None

    def _apposed(self, token: Token, own: Actor) -> Actor | None:
        head = self._span_head(token, own)
        links = [c for c in head.children if c.dep_ == "appos"]
        if head.dep_ == "appos":
            links.append(head.head)
        for other in links:
            found = self.actor_at(other)
            if found is not None and found is not own and found.name and found.kind == "person":
                return found
        return None

    def _span_head(self, token: Token, own: Actor) -> Token:
        head = token
        # Token objects are made afresh on each access: compare indices, never identity
        while head.head.i != head.i and own.start <= head.head.idx < own.end:
            head = head.head
        return head

    def _definite(self, actor: Actor) -> bool:
        before = self.text[max(0, actor.start - 4) : actor.start].lower()
        return before.endswith("the ")

    def _phrase_actor(self, token: Token) -> Actor | None:
        if token.dep_ in HEAD_DEPS:
            found = self.actor_at(token.head)
            if found is not None:
                return self._resolve(token.head, found)
        for child in token.children:
            if child.dep_ in HEAD_DEPS:
                found = self.actor_at(child)
                if found is not None:
                    return self._resolve(child, found)
        return None

    def _pronoun(self, token: Token) -> Actor | None:
        word = token.lower_
        if token.pos_ not in {"PRON", "DET"} and word not in PERSON_PRONOUNS:
            return None
        if word in REFLEXIVES:
            return self._reflexive(token)
        if word in PERSON_PRONOUNS:
            clause_subject = _subject_span(token) if word in OBJECT_PRONOUNS else None
            found = self._last(
                token.idx,
                lambda a: (
                    a.kind == "person"
                    and not _covers(a, clause_subject)
                    and not _party_countries(a.text)  # "Labour" read as a name is no "he"
                ),
            )
        elif word in THING_PRONOUNS:
            found = self._last(
                token.idx, lambda a: a.kind in {"organisation", "state"} and not self._scene(a)
            )
        elif word in GROUP_PRONOUNS:
            found = self._last(
                token.idx,
                lambda a: a.kind in {"group", "organisation", "state"} and not self._scene(a),
            )
        else:
            return None
        # "he" after "the prime minister" is the home country's prime minister as well
        return self._at_home(found) if found is not None else None

    def _reflexive(self, token: Token) -> Actor | None:
        """ "themselves" is the subject of its own verb ("called on industrialised nations to
        commit themselves": the nations, no coded actor), never an actor named before it."""
        verb = token.head
        while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
            verb = verb.head
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not subjects or subjects[0].i == token.i:
            return None
        return self.actor_for_token(subjects[0])

    def _scene(self, actor: Actor) -> bool:
        """Is this mention of a state, capital or body where something happened ("discussions
        in Brussels", "at the UN"), not who acted? A pronoun does not refer back to a scene."""
        if actor.kind not in ("state", "place", "organisation"):
            return False
        first = self._token_at(actor.start)
        if first is None:
            return False
        head = self._span_head(first, actor)
        return head.dep_ == "pobj" and head.head.lower_ in SCENE_PREPS

    def _token_at(self, offset: int) -> Token | None:
        i = self._first_token.get(offset)
        return self.doc[i] if i is not None else None

    def _is_group_reference(self, token: Token) -> bool:
        if token.lower_ not in GROUP_NOUNS:
            return False
        words = {c.lower_ for c in token.children}
        return bool(words & {"two", "both", "three"}) or (
            "the" in words and token.lower_ in {"parties", "sides"}
        )

    def _parties(self, token: Token) -> tuple[Actor, ...]:
        """The two parties before the token, each given by its last actor: the people and
        organisations of two countries in its paragraph and the one before; else the two
        countries whose people and organisations the text named most before it ("the parties"
        of a whole report); else any actors (states too). Civilians, refugees and media are
        never parties."""
        before = [
            a
            for a in self.actors
            if a.start < token.idx and a.country and a.agent not in PASSIVE_AGENTS
        ]
        low = self._window_start(token.idx)
        named = [a for a in before if a.kind != "state"]
        pair = _last_two([a for a in named if a.start >= low])
        if len(pair) < 2:
            counts = Counter(a.country for a in named)
            top = {c for c, _ in counts.most_common(2)}
            pair = _last_two([a for a in named if a.country in top])
        if len(pair) < 2:
            pair = _last_two(before)
        return pair

    # -- search back ------------------------------------------------------------------------
    def _window_start(self, offset: int) -> int:
        """Start of the paragraph before the one holding `offset`."""
        n = bisect_right(self._paragraph_starts, offset) - 1
        return self._paragraph_starts[max(n - 1, 0)]

    def _last(self, offset: int, wanted) -> Actor | None:  # type: ignore[no-untyped-def]
        low = self._window_start(offset)
        for actor in reversed(self.actors):
            if actor.start >= offset:
                continue
            if actor.start < low:
                return None
            if wanted(actor):
                return actor
        return None


# "Kiir pardoned him": an object pronoun is never its own clause's subject ("himself" is).
OBJECT_PRONOUNS = frozenset({"him", "her"})


def _subject_span(token: Token) -> tuple[int, int] | None:
    """The character span of the subject of the verb an object pronoun hangs on."""
    verb = token.head.head if token.dep_ == "pobj" else token.head
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            sub = list(child.subtree)
            return sub[0].idx, sub[-1].idx + len(sub[-1].text)
    return None


def _covers(actor: Actor, span: tuple[int, int] | None) -> bool:
    return span is not None and span[0] <= actor.start and actor.end <= span[1]


def _last_two(actors: list[Actor]) -> tuple[Actor, ...]:
    """The last actor of each of the last two countries in `actors` (in text order)."""
    seen: dict[str, Actor] = {}
    for actor in reversed(actors):
        seen.setdefault(actor.country or "", actor)
        if len(seen) == 2:
            break
    return tuple(sorted(seen.values(), key=lambda a: a.start))


def _newlines(text: str) -> list[int]:
    """Offsets of the line breaks that end paragraphs (any run of newlines)."""
    out = []
    i = text.find("\n")
    while i != -1:
        if i + 1 >= len(text) or text[i + 1] != "\n":
            out.append(i)
        i = text.find("\n", i + 1)
    return out
