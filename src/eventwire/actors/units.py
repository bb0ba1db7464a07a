"""First pass of recognition: the document's tokens cut into dictionary units, longest first.

A unit is a run of tokens that one phrase of the dictionary covers, with what it may stand for: a
named actor, a country word, an agent noun (or several of these; composition decides). A second
pass finds the bare surnames of people already named in full earlier in the same document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from spacy.attrs import ORTH
from spacy.tokens import Doc

from eventwire.actors.dictionary import ActorDictionary, token_keys
from eventwire.actors.entries import ActorEntry, AgentTerm, CountryTerm, KnownPhrase, key
from eventwire.actors.led import led_prefix

NOUN_TAGS = frozenset({"NOUN", "PROPN"})


@dataclass(slots=True)
class Unit:
    start: int  # token index
    end: int  # token index, exclusive
    actor: ActorEntry | None = None
    country: CountryTerm | None = None
    agent: AgentTerm | None = None
    led: bool = False  # one token "U.S.-led": the leader's word with "-led" joined to it
    known: bool = False  # a phrase known to take no code here: no actor, nothing inside it


def _unit(doc: Doc, start: int, end: int, entries: list, day: date) -> Unit | None:
    unit = Unit(start, end)
    silent = False
    for compiled in entries:
        entry = compiled.entry
        if isinstance(entry, KnownPhrase):
            silent = True
        elif isinstance(entry, ActorEntry):
            if entry.short and not entry.in_office(day):
                continue  # "Rice" names Condoleezza Rice only while she was in office
            if entry.silent(day):
                silent = True  # `[---]` outside its dated codes: known, no actor that day
                continue
            if unit.actor is None or (unit.actor.short and not entry.short):
                unit.actor = entry
        elif isinstance(entry, CountryTerm):
            if entry.covers(day):
                unit.country = unit.country or entry
            else:  # "East Berlin" after 1990: a dated word out of its days names no one
                silent = True
        elif isinstance(entry, AgentTerm):
            unit.agent = unit.agent or entry
    # an agent noun must be a noun here: "military" in "military co-operation" is no actor
    if unit.agent is not None and doc[end - 1].pos_ not in NOUN_TAGS and doc[end - 1].pos_:
        unit.agent = None
    if unit.actor is None and unit.country is None and unit.agent is None:
        return Unit(start, end, known=True) if silent else None
    return unit


def scan_units(doc: Doc, dictionary: ActorDictionary, day: date) -> list[Unit]:
    """The dictionary units of `doc` in order, not overlapping."""
    strings = doc.vocab.strings  # token texts without building Token objects (faster)
    keys, texts = token_keys(strings[orth] for orth in doc.to_array(ORTH).tolist())
    units: list[Unit] = []
    covered = [False] * len(keys)
    starters = dictionary.first_words
    i = 0
    while i < len(keys):
        if keys[i] not in starters:
            led = _led_unit(doc, dictionary, texts[i], i, day) if keys[i][-3:] == "led" else None
            if led is not None:
                units.append(led)
                covered[i] = True
            i += 1
            continue
        n, entries = dictionary.longest(keys, texts, i)
        unit = _unit(doc, i, i + n, entries, day) if n else None
        if unit is None:
            i += 1
            continue
        units.append(unit)
        for k in range(i, i + n):
            covered[k] = True
        i += n
    return _add_surnames(doc, keys, covered, units)


def _led_unit(doc: Doc, dictionary: ActorDictionary, text: str, i: int, day: date) -> Unit | None:
    """A country or organisation joined to "-led" in one token ("U.S.-led"), as a unit."""
    prefix = led_prefix(text)
    if prefix is None or key(prefix) not in dictionary.first_words:
        return None
    n, entries = dictionary.longest([key(prefix)], [prefix], 0)
    unit = _unit(doc, i, i + 1, entries, day) if n == 1 else None
    if unit is None or (unit.country is None and unit.actor is None):
        return None
    if unit.actor is not None and unit.actor.kind == "person":
        return None
    unit.agent = None
    unit.led = True
    return unit


def _add_surnames(doc: Doc, keys: list[str], covered: list[bool], units: list[Unit]) -> list[Unit]:
    """Bare surnames ("Lavrov") of the people named in full in this document."""
    named: dict[str, ActorEntry] = {}
    for unit in units:
        actor = unit.actor
        if actor is not None and actor.kind == "person" and not actor.short:
            for alias in actor.aliases or (actor.name,):
                last = key(re.split(r"[\s-]+", alias)[-1])
                if len(last) > 2:
                    named.setdefault(last, actor)
    if not named:
        return units
    extra = [
        Unit(i, i + 1, actor=named[k])
        for i, k in enumerate(keys)
        if not covered[i] and k in named and doc[i].text[:1].isupper()
    ]
    return sorted(units + extra, key=lambda u: u.start) if extra else units
