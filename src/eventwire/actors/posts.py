"""People the tables do not know, coded by the post they hold (posts.tsv) or the role they are
given in apposition:

- "IMF Managing Director Olga Brenn", "UN envoy X": a known organisation, a post, a name -> the
  name is a person with the organisation's code (`organisation_post`);
- "Lena Marsh, Canada's deputy trade minister," / "Kenya's ambassador to Ethiopia, Ruth Okello":
  an unknown name in apposition to an unnamed role actor takes the role's code; "Paul Ferris, a
  director at the IMF": to a post at, of or for a known organisation, the organisation's code
  (`roles_in_apposition`).

An unknown name never takes the code of another named person, and only a post (not any noun:
"a critic of the IMF") ties a name to an organisation.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from functools import cache
from pathlib import Path

from spacy.tokens import Doc, Token

from eventwire.actors.composition import Composition
from eventwire.actors.entries import ActorEntry
from eventwire.actors.tables import read_rows
from eventwire.actors.titles import name_run
from eventwire.actors.units import Unit
from eventwire.records import UNKNOWN_CODE, Actor

POSTS_FILE = Path(__file__).with_name("posts.tsv")
MAX_POST_WORDS = 3
# "a director at the SEC", "head of the IMF", "spokesman for the ministry"; not "to": an envoy
# to the UN is his country's
POST_PREPOSITIONS = frozenset({"at", "of", "for", "with"})
OWNER_DEPS = frozenset({"compound", "poss", "nmod"})  # "the IMF's director", "UN aid chief"


@cache
def posts() -> frozenset[tuple[str, ...]]:
    """The posts of posts.tsv as tuples of lower-case words."""
    return frozenset(tuple(row["post"].split()) for _, row in read_rows(POSTS_FILE)[1])


def post_end(doc: Doc, start: int) -> int:
    """The token index after the longest post starting at `start` (start when none)."""
    known = posts()
    for n in range(MAX_POST_WORDS, 0, -1):
        words = tuple(t.lower_ for t in doc[start : start + n])
        if len(words) == n and words in known:
            return start + n
    return start


def organisation_post(c: Composition, unit: Unit, entry: ActorEntry, after: int) -> int | None:
    """ "IMF Managing Director Olga Brenn": the name after an organisation's post is a person
    with the organisation's code (role: the post and the organisation). Returns the index after
    the name, or None when no new name follows."""
    end = name_run(c, after)
    if end == after:
        return None
    coding = entry.at(c.day)
    role = f"{c.doc[unit.end : after].text}, {entry.name}"
    c.emit(after, end, coding.code, coding.country, coding.agent, c.doc[after:end].text, role,
           "person")  # fmt: skip
    return end


def roles_in_apposition(doc: Doc, actors: Sequence[Actor]) -> list[Actor]:
    """The actors with each unknown name recoded by its role in apposition (see the module)."""
    by_token = _actor_tokens(doc, actors)
    out = []
    for actor in actors:
        found = _apposed_role(doc, actor, by_token) if actor.code == UNKNOWN_CODE else None
        out.append(found or actor)
    return out


def _actor_tokens(doc: Doc, actors: Sequence[Actor]) -> dict[int, Actor]:
    out: dict[int, Actor] = {}
    for actor in actors:
        span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
        for tok in span or ():
            out.setdefault(tok.i, actor)
    return out


def _apposed_role(doc: Doc, actor: Actor, by_token: dict[int, Actor]) -> Actor | None:
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None:
        return None
    head = span.root
    links = [t for t in head.children if t.dep_ == "appos"]
    if head.dep_ == "appos":
        links.append(head.head)
    for link in links:
        role = by_token.get(link.i)
        if role is not None and role is not actor:
            if _is_role(role, actor):
                return dataclasses.replace(
                    actor, code=role.code, country=role.country, agent=role.agent,
                    role=role.role or role.text, kind=_kind(actor, role),
                )  # fmt: skip
            continue
        body = _post_organisation(doc, link, by_token)
        if body is not None:
            return dataclasses.replace(
                actor, code=body.code, country=body.country, agent=body.agent,
                role=f"{link.text}, {body.name or body.text}", kind="person",
            )  # fmt: skip
    return None


def _is_role(role: Actor, actor: Actor) -> bool:
    """An unnamed, coded description ("Canada's deputy trade minister", "Russia's largest oil
    company"), or a title whose holder on the day was filled in from the tables ("the
    Belarusian defence minister, Leonid Maltsev," in a story about an earlier year): never a
    person named in the text, whose code is his own."""
    if role.kind == "person" and names_someone(role):
        return False
    if role.code == UNKNOWN_CODE or role.agent is None or role.kind == "state":
        return False
    if actor.text.isupper() and not _initials_of(actor.text, role):
        return False  # "Bogota (IANS)": an acronym in apposition must spell the role's name
    if role.kind == "person":  # "the shadow foreign secretary, X": OPP even with no country
        return True
    return actor.kind != "person" and (role.country is not None or role.agent == "IGO")


def _initials_of(acronym: str, role: Actor) -> bool:
    """ "GNA" for "Government of National Accord": the capitals of the role's words."""
    letters = acronym.replace(".", "")
    for text in (role.text, role.name or ""):
        initials = "".join(w[0] for w in text.replace("-", " ").split() if w[:1].isupper())
        if initials and initials == letters:
            return True
    return False


def _kind(actor: Actor, role: Actor) -> str:
    return "person" if role.kind == "person" else actor.kind


def _post_organisation(doc: Doc, link: Token, by_token: dict[int, Actor]) -> Actor | None:
    """The known organisation whose post the token names ("director at the SEC", "the IMF's
    chief"), or None when the token is no post."""
    if post_end(doc, link.i) != link.i + 1 and not _ends_post(doc, link):
        return None
    owners = [c for c in link.children if c.dep_ in OWNER_DEPS]
    for prep in link.children:
        if prep.dep_ == "prep" and prep.lower_ in POST_PREPOSITIONS:
            owners += [c for c in prep.children if c.dep_ == "pobj"]
    for owner in owners:
        body = by_token.get(owner.i)
        if _coded_body(body):
            return body
    return None


def _coded_body(body: Actor | None) -> bool:
    """A known organisation or a country's body ("the SEC", "Turkey's foreign ministry")."""
    return (
        body is not None
        and body.kind in {"organisation", "group"}
        and body.code != UNKNOWN_CODE
        and (body.name is not None or body.country is not None)
    )


def _ends_post(doc: Doc, link: Token) -> bool:
    """ "managing director": a post of several words ending at the token."""
    return any(post_end(doc, link.i - n) == link.i + 1 for n in range(1, MAX_POST_WORDS))


def names_someone(actor: Actor) -> bool:
    """Does the actor's own text name a person ("Mevlut Cavusoglu", "President Erdogan"), not
    just a title whose holder the tables filled in ("the Turkish foreign minister")?"""
    if actor.name is None:
        return False
    surname = actor.name.split()[-1].lower()
    return surname in actor.text.lower()
