"""find_actors: CAMEO-coded actors of a parsed document, by dictionary units and a few rules.
This module walks the units and holds rules 3, 4, 5 and 7; titles.py holds rules 1 and 8 and
the holders of offices, country_rules.py rules 2, 6 and 9, unknown.py the names no dictionary
knows, composition.py the state they share.

Rules, in the order they are tried at each unit (each has a test in tests/actors/test_rules.py):
1. title + name: a title ("President", "Deputy Foreign Minister"), with or without a country word
   before it, then a name. A known person is coded from the people table by the date; an unknown
   name gets the title's agent and the country of the phrase or, failing that, of the context
   (see context.py: the nearest non-locative country before it in the sentence, else the
   document's most named country). The actor's span is the name; `role` is the office or title.
2. country + agent: "Russian Foreign Ministry" -> RUSGOV, "Turkey's troops" -> TURMIL, "Kremlin
   spokesman" -> RUSGOV; coordinated words share the agent ("Russian and Turkish ministers").
   A title with an office ("the Turkish foreign minister") is its holder on the date (name, role);
   "counterpart" takes the office of the nearest person already named before it. A state organ's
   name right after another country's word is that country's organ of the same kind ("the
   Austrian Bundesrat" -> AUTLEG; "Justice Department" alone is USAJUD, "Thai" before it THAJUD).
3. agent + "of" + country: "the President of Syria", "Ministry of Defence of Russia".
4. "the country's" / "the nation's" + agent: the country of the context.
5. named actors: people (coded by date: the office held then; a former office gives <country>ELI),
   organisations, armed groups, media; an organisation before an agent noun spans both and keeps
   its code ("Hezbollah fighters" -> LBNREB); a wire's sign-off ("REUTER") and a credit in brackets
   after a dateline ("KABUL (Pajhwok):") are no actors.
6. country words alone: a name or abbreviation is the state (kind "state", code "TUR"), even in a
   locative phrase (the events stage tells those apart); a demonym ("Turks") is the country as a
   group; an adjective before a plain noun is the country that owns it ("the Israeli proposal");
   a seat of government ("Ankara said", "the Kremlin") is <country>GOV with kind "state",
   except after a locative preposition or as a dateline, where it is a place; the country of a
   dateline ("MOGADISHU, Somalia --") is no actor.
7. agent nouns alone ("the government", "rebels"): the agent code alone, country None (the index's
   coreference may tie "the government" to a coded actor); nouns marked needs_country are skipped,
   and so are singular titles without "the" ("a spokesman said": a company's as often as not).
8. "former" or "ex-" before a title makes it ELI (CAMEO's elites): "former Foreign Minister X".
9. "<country>-led coalition|forces|alliance|mission": the leading country with agent MIL ("the
   Saudi-led coalition" -> SAUMIL; why: see led.py); an organisation that leads keeps its code
   ("NATO-led forces"); "-led" before another noun makes the leader the owner (the state).
10. a surname alone after the person was named in full is that person (`surname_mentions`):
   "Cariaga said" after "Bolivian Finance Minister Juan Cariaga" is BOLGOV.
11. people the tables do not know, by their post or role (posts.py): "IMF Managing Director X",
   "UN envoy X", "Tory leader X" (the organisation's code); "X, Turkey's deputy foreign
   minister," and "Kenya's ambassador, X," (the role's code); "X, a director at the SEC" (the
   organisation's); "EC Commission president X" (a title after a known body's name). A full name
   never takes a namesake's code ("Speaker Aguila Saleh" is not Bakri Hassan Saleh); "shadow"
   before a title is OPP; honorifics ("H E Dr") are no part of the name.
12. a known leader's government, administration or cabinet is his country's ("Putin's
   government", "the Reagan administration"); bare "people" at large is no actor.
13. lone surnames the recogniser missed, as subject or object (unknown.py); reporters spoken to
   and agencies carrying a report are no actors (channels.py); a country inside a hyphened word
   ("US-based", "anti-UK") is no party (country_rules.py). After the pipeline finds places, a
   local sector takes the country of the place it is in (local.py: "police in Lagos" -> NGACOP).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from spacy.tokens import Doc

from eventwire.actors.channels import drop_channels
from eventwire.actors.composition import Composition
from eventwire.actors.context import in_capitals, inside_longer_name, is_credit, is_signoff
from eventwire.actors.country_rules import at_country, led
from eventwire.actors.dictionary import ActorDictionary
from eventwire.actors.entries import ActorEntry
from eventwire.actors.posts import organisation_post, post_end, roles_in_apposition
from eventwire.actors.titles import country_after, emit_agent, titled_person
from eventwire.actors.units import Unit
from eventwire.actors.unknown import unknown_named_actors
from eventwire.records import UNKNOWN_CODE, Actor

__all__ = ["UNKNOWN_CODE", "find_actors", "unknown_named_actors"]


def at_agent(c: Composition, unit: Unit) -> int:
    """Rules 1, 3, 4 and 7 at an agent unit: returns the token index after what was coded."""
    agent = unit.agent
    assert agent is not None
    if agent.title:
        after = titled_person(c, unit, None, unit.start)
        if after is not None:
            return after
    doc = c.doc
    if (
        unit.start >= 2
        and doc[unit.start - 1].text in {"'s", "’s"}
        and doc[unit.start - 2].lower_ in {"country", "nation"}
    ):
        country = c.context.country_before(unit.start - 2)
        if country:
            emit_agent(c, unit.start - 2, unit.end, country, agent, unit.end, unit.start)
            return unit.end
    of_country = country_after(c, unit.end - 1 + 1) if unit.end < len(doc) else None
    if of_country:
        country_unit = c.unit_at(unit.end + 1) or c.unit_at(unit.end + 2)
        assert country_unit is not None
        emit_agent(c, unit.start, country_unit.end, of_country, agent, unit.end, unit.start)
        return country_unit.end
    leader = leader_before(c, unit)
    if leader is not None:  # "the Reagan administration", "Putin's government"
        emit_agent(c, unit.start, unit.end, leader, agent, unit.end)
        return unit.end
    definite = unit.start > 0 and doc[unit.start - 1].lower_ == "the"
    if agent.title and not c.plural(unit.end) and not definite:
        return unit.end  # "a spokesman", "vice president X of a firm": no actor to code
    if generic_people(c, unit):
        return unit.end
    if (not agent.needs_country or _counted(c, unit)) and not agent.counterpart:
        c.emit(
            unit.start,
            unit.end,
            agent.agent,
            None,
            agent.agent,
            None,
            None,
            c.kind_of(agent, unit.end),
        )
    return unit.end


COUNTS = frozenset({"hundreds", "thousands", "dozens", "scores", "millions", "number"})


def _counted(c: Composition, unit: Unit) -> bool:
    """ "hundreds of banks", "12 banks": a counted group is an actor of its own, where "the
    banks" of a debt story may be anyone's (needs_country)."""
    tok = c.doc[unit.end - 1]
    if any(ch.dep_ == "nummod" for ch in tok.children):
        return True
    return tok.head.lower_ == "of" and tok.head.head.lower_ in COUNTS


# nouns for people at large: an actor when counted or described ("18 people", "thousands of
# people", "people in Lagos"), a figure of speech when bare ("people complain he never listens")
GENERIC_PEOPLE = frozenset({"people", "persons", "individuals"})


def generic_people(c: Composition, unit: Unit) -> bool:
    """ "people" with no word of its own (no number, article, adjective or phrase) and not the
    object of "of" ("thousands of people"): people at large, no actor."""
    if unit.end - unit.start != 1 or c.doc[unit.start].lower_ not in GENERIC_PEOPLE:
        return False
    tok = c.doc[unit.start]
    return not any(True for _ in tok.children) and tok.head.lower_ != "of"


def leader_before(c: Composition, unit: Unit) -> str | None:
    """The country of a known leader named right before a government noun ("the Reagan
    administration", "Chancellor Kohl's cabinet", "Putin's government"): his government."""
    agent = unit.agent
    if agent is None or agent.title or agent.agent != "GOV" or not c.actors:
        return None
    before = unit.start - 1
    if before >= 0 and c.doc[before].text in {"'s", "’s"}:
        before -= 1
    last = c.actors[-1]
    if before < 0 or last.kind != "person" or last.country is None:
        return None
    end = c.doc[before].idx + len(c.doc[before].text)
    return last.country if last.end == end and last.code != last.country else None


def at_named(c: Composition, unit: Unit, entry: ActorEntry) -> int:
    """Rule 5; an organisation or group before an agent noun ("Hamas militants", "NATO
    troops") spans both and keeps its own code; a wire's sign-off ("REUTER") is skipped."""
    if is_signoff(c.doc, unit.start, unit.end) or is_credit(c.doc, unit.start, unit.end):
        return unit.end
    if entry.kind != "person" and (
        inside_longer_name(c.doc, unit.start, c.covered) or in_capitals(c.doc, unit.start, unit.end)
    ):
        return unit.end  # part of another name, or an acronym that cannot be told from a word
    found = led(c, unit, unit.end) if entry.kind != "person" else None
    if found is not None:  # "NATO-led forces": the organisation's own code
        c.emit_entry(Unit(unit.start, found[1] if found[1] > 0 else unit.end), entry)
        return found[1] if found[1] > 0 else found[0]
    nxt = c.unit_at(unit.end)
    if entry.kind != "person" and nxt is None and post_end(c.doc, unit.end) > unit.end:
        return at_post(c, unit, entry, post_end(c.doc, unit.end))
    if (
        entry.kind != "person"
        and nxt is not None
        and nxt.agent is not None
        and nxt.actor is None
        and nxt.country is None
    ):
        named = c.unit_at(nxt.end)
        if nxt.agent.title and not c.plural(nxt.end) and named is None:
            after = organisation_post(c, unit, entry, nxt.end)  # "UN envoy Marta Quell"
            if after is not None:
                return after
        person = named.actor if named is not None else None
        if nxt.agent.title and person is not None and person.kind == "person":
            return nxt.start  # "MITI Minister Hajime Tamura": the people table's person
        if nxt.agent.title and not c.plural(nxt.end):  # "NATO Secretary General"
            coding = entry.at(c.day)
            role = f"{c.doc[nxt.start : nxt.end].text}, {entry.name}"
            name = None
            office = nxt.agent.office
            held = c.dictionary.holder(coding.code, office, c.day) if office else None
            if held is not None:
                name, role = held[1].name, held[0].role or role
            c.emit(
                unit.start,
                nxt.end,
                coding.code,
                coding.country,
                coding.agent,
                name,
                role,
                "person",
            )
        else:
            c.emit_entry(Unit(unit.start, nxt.end), entry)
        return nxt.end
    c.emit_entry(unit, entry)
    return unit.end


def at_post(c: Composition, unit: Unit, entry: ActorEntry, after: int) -> int:
    """ "IMF Managing Director Olga Brenn" (the name takes the organisation's code); "the IMF
    chief said" (the organisation's person)."""
    named = organisation_post(c, unit, entry, after)
    if named is not None:
        return named
    coding = entry.at(c.day)
    role = f"{c.doc[unit.end : after].text}, {entry.name}"
    kind = "group" if c.plural(after) else "person"
    c.emit(unit.start, after, coding.code, coding.country, coding.agent, None, role, kind)
    return after


def compose(doc: Doc, day: date, dictionary: ActorDictionary) -> Composition:
    """The dictionary's actors of `doc` as of `day` (`.actors`, in the order the rules found
    them): each unit is coded by the first rule that fits, and units inside what it coded are
    skipped."""
    c = Composition(doc, day, dictionary)
    n = 0
    while n < len(c.units):
        unit = c.units[n]
        if unit.actor is not None:
            after = at_named(c, unit, unit.actor)
        elif unit.country is not None:
            after = at_country(c, unit)
        else:
            after = at_agent(c, unit)
        n += 1
        while n < len(c.units) and c.units[n].start < after:
            n += 1
    return c


def find_actors(doc: Doc, published: date, dictionary: ActorDictionary) -> list[Actor]:
    """The actors of a parsed document, coded as of `published`, in text order (see the rules
    in this module's docstring). Offsets index `doc.text`."""
    c = compose(doc, published, dictionary)
    known = [(doc[u.start].idx, doc[u.end - 1].idx + len(doc[u.end - 1])) for u in c.known]
    unknown = unknown_named_actors(doc, c.actors, known, c.covered)
    actors = roles_in_apposition(doc, sorted(c.actors + unknown, key=lambda a: a.start))
    actors = drop_channels(doc, actors)  # "told reporters", "IRNA quoted": no actors
    text = doc.text  # Doc.text joins every token on each call: take it once
    actors = [a for a in actors if not _negated_name(text, a)]
    return surname_mentions(doc, actors, known)


def _negated_name(text: str, actor: Actor) -> bool:
    """ "Non-OPEC countries", "non-EU nationals": the name is what they are not."""
    return text[max(0, actor.start - 4) : actor.start].lower() == "non-"


def surname_mentions(
    doc: Doc, actors: list[Actor], known: Sequence[tuple[int, int]] = ()
) -> list[Actor]:
    """Rule 10: a person named in full once ("Bolivian Finance Minister Juan Cariaga") is the
    same person when the article later uses the surname alone ("Cariaga said"): the later
    mention takes the first one's code, name and role (an UNK the recogniser made of it too).
    Only a capitalised proper noun of three letters or more standing alone (not part of a longer
    name: "the Kraal Institute"), after the full mention; two people of the same surname in one
    article make it ambiguous, and it is left alone. Returns all actors, in text order."""
    by_surname: dict[str, list[Actor]] = {}
    for actor in actors:
        words = (actor.name or actor.text).split()
        if actor.kind == "person" and len(words) >= 2 and len(words[-1]) >= 3:
            by_surname.setdefault(words[-1], []).append(actor)
    if not by_surname:
        return actors
    taken = [(a.start, a.end) for a in actors if not _bare_unknown(a)] + list(known)
    replaced: dict[int, Actor] = {}
    for tok in doc:
        people = by_surname.get(tok.text)
        if not people or tok.pos_ != "PROPN" or not tok.text[:1].isupper():
            continue
        if len({(p.code, p.name) for p in people}) > 1:
            continue  # two people of that name: which one is meant is not known
        if any(_name_word(doc, k) for k in (tok.i - 1, tok.i + 1)):
            continue  # part of a longer name
        first = people[0]
        lo, hi = tok.idx, tok.idx + len(tok.text)
        if lo < first.end or any(s < hi and lo < e for s, e in taken):
            continue
        name = first.name or first.text
        replaced[lo] = Actor(
            tok.text, lo, hi, first.code, first.country, first.agent, name, first.role, "person"
        )
    kept = [a for a in actors if not (_bare_unknown(a) and a.start in replaced)]
    return sorted(kept + list(replaced.values()), key=lambda a: a.start)


def _bare_unknown(actor: Actor) -> bool:
    return actor.code == UNKNOWN_CODE and actor.kind == "person" and " " not in actor.text


def _name_word(doc: Doc, i: int) -> bool:
    return 0 <= i < len(doc) and doc[i].pos_ == "PROPN" and doc[i].text[:1].isupper()
