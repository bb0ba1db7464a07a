"""find_actors: CAMEO-coded actors of a parsed document, by dictionary units and a few rules.

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
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from eventwire.actors.context import (
    CountryContext,
    in_capitals,
    inside_longer_name,
    is_credit,
    is_dateline,
    is_dateline_country,
    is_locative,
    is_signoff,
)
from eventwire.actors.dictionary import ActorDictionary
from eventwire.actors.entries import ActorEntry, AgentTerm
from eventwire.actors.led import led_after, led_noun_end
from eventwire.actors.units import Unit, scan_units
from eventwire.records import UNKNOWN_CODE, Actor

GAP_POS = frozenset({"ADJ"})
MAX_GAP = 3
# an adjective used as a noun ("detained an Egyptian") carries one of these, never amod
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative"})
NAME_PARTICLES = frozenset(
    {
        "al",
        "el",
        "bin",
        "ibn",
        "bint",
        "abu",
        "de",
        "van",
        "von",
        "da",
        "di",
        "le",
        "la",
        "-",
        "ould",
        "ben",
    }
)
PLURAL_TAGS = frozenset({"NNS", "NNPS"})
# agents of state organs: such a body's name after another country's word is that country's organ
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
POSSESSIVES = frozenset({"his", "her", "their", "its"})


class _Composer:
    def __init__(self, doc: Doc, day: date, dictionary: ActorDictionary) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each call: take it once
        self.day = day
        self.dictionary = dictionary
        self.units = scan_units(doc, dictionary, day)
        self.context = CountryContext(doc, self.units, day)
        self.starts = {u.start: n for n, u in enumerate(self.units)}
        self.covered = {i for u in self.units for i in range(u.start, u.end)}
        self.actors: list[Actor] = []

    # -- building actors -------------------------------------------------------------------
    def _span(self, start: int, end: int) -> tuple[str, int, int]:
        first, last = self.doc[start], self.doc[end - 1]
        lo, hi = first.idx, last.idx + len(last.text)
        return self.text[lo:hi], lo, hi

    def emit(
        self,
        start: int,
        end: int,
        code: str,
        country: str | None,
        agent: str | None,
        name: str | None,
        role: str | None,
        kind: str,
    ) -> None:
        text, lo, hi = self._span(start, end)
        self.actors.append(Actor(text, lo, hi, code, country, agent, name, role, kind))

    def emit_entry(self, unit: Unit, entry: ActorEntry, role: str | None = None) -> None:
        coding = entry.at(self.day)
        self.emit(
            unit.start,
            unit.end,
            coding.code,
            coding.country,
            coding.agent,
            entry.name,
            coding.role or role,
            entry.kind,
        )

    # -- helpers ----------------------------------------------------------------------------
    def unit_at(self, index: int) -> Unit | None:
        n = self.starts.get(index)
        return self.units[n] if n is not None else None

    def name_run(self, start: int) -> int:
        """End of an unknown proper name starting at token `start` (start when there is none)."""
        end = start
        while end < len(self.doc) and end - start < 5:
            tok = self.doc[end]
            if end in self.starts and end > start:
                break
            proper = tok.text[:1].isupper() and (tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON")
            particle = (
                tok.lower_ in NAME_PARTICLES
                and end > start
                and end + 1 < len(self.doc)
                and self.doc[end + 1].text[:1].isupper()
            )
            if not (proper or particle):
                break
            end += 1
        return end

    def former(self, start: int, end: int | None = None) -> bool:
        """True for "former minister", "ex-minister", "Georgia's former president": "former"
        before `start` or among the tokens up to `end`."""
        doc = self.doc
        if start >= 1 and doc[start - 1].lower_ in {"former", "ex"}:
            return True
        if end is not None and any(t.lower_ in {"former", "ex"} for t in doc[start:end]):
            return True
        return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "ex"

    def plural(self, end: int) -> bool:
        return self.doc[end - 1].tag_ in PLURAL_TAGS

    def kind_of(self, agent: AgentTerm, end: int) -> str:
        if self.plural(end):
            return "group"
        return "person" if agent.title else "organisation"

    def office_for(self, agent: AgentTerm, before: int) -> str | None:
        if not agent.counterpart:
            return agent.office
        for actor in reversed(self.actors):  # the office of the person named before
            if actor.kind == "person" and actor.name and actor.start < self.doc[before].idx:
                for entry in self.dictionary.people_named(actor.name.split()[-1].lower()):
                    coding = entry.at(self.day)
                    if entry.name == actor.name and coding.office:
                        return coding.office
                return None
        return None

    # -- rules ------------------------------------------------------------------------------
    def titled_person(self, title: Unit, country: str | None, span_start: int) -> int | None:
        """Rule 1 at a title unit: returns the token index after the name, or None."""
        assert title.agent is not None
        if country is None and self.organisation_title(title.start):
            return None
        nxt = self.unit_at(title.end)
        if nxt is not None and nxt.actor is not None and nxt.actor.kind == "person":
            self.emit_entry(nxt, nxt.actor, role=self.doc[title.start : title.end].text)
            return nxt.end
        end = self.name_run(title.end)
        if end == title.end:
            return None
        name = self.doc[title.start + (title.end - title.start) : end].text
        known = self.known_by_surname(self.doc[end - 1].lower_, title.agent, country)
        role = self.doc[title.start : title.end].text
        if known is not None:
            self.emit_entry(Unit(title.end, end), known, role=role)
            return end
        if country is None:
            country = self.country_after(end) or self.context.country_before(span_start)
        agent = title.agent.agent
        if self.former(span_start):
            agent, role = "ELI", f"former {role}"
        self.emit(title.end, end, (country or "") + agent, country, agent, name, role, "person")
        return end

    def organisation_title(self, start: int) -> bool:
        """ "Dean Foods President Howard Dean": a title right after a proper name that is no
        dictionary unit belongs to that organisation, not to a state."""
        if start == 0 or start - 1 in self.covered:
            return False
        before = self.doc[start - 1]
        return before.pos_ == "PROPN" and before.text[:1].isupper()

    def known_by_surname(
        self, surname: str, agent: AgentTerm, country: str | None
    ) -> ActorEntry | None:
        for entry in self.dictionary.people_named(surname):
            coding = entry.at(self.day)
            if not entry.in_office(self.day) or (country and coding.country != country):
                continue
            if agent.office is None or coding.office == agent.office:
                return entry
        return None

    def country_after(self, end: int) -> str | None:
        """ "X of Turkey": a country named right after the name."""
        if end + 1 < len(self.doc) and self.doc[end].lower_ == "of":
            unit = self.unit_at(end + 1) or self.unit_at(end + 2)
            if unit is not None and unit.country is not None and unit.country.form == "name":
                return unit.country.code
        return None

    def agent_after(
        self, start: int, allow_possessive: bool, country: str | None = None
    ) -> Unit | None:
        """The agent unit that a country word at `start` modifies, across adjectives."""
        i = start
        if allow_possessive and i < len(self.doc) and self.doc[i].text in {"'s", "’s", "'"}:
            i += 1
        gap = 0
        while i < len(self.doc) and gap <= MAX_GAP:
            unit = self.unit_at(i)
            if unit is not None:
                # a body named like an agent noun ("Justice Department") is that noun after
                # another country's word ("the Thai Justice Department")
                named = unit.actor is not None and unit.actor.kind != "person"
                if unit.agent is not None and (unit.actor is None or named):
                    return unit
                return self.foreign_organ(unit, country) if gap == 0 else None
            tok = self.doc[i]
            # adjectives and noun compounds: "diplomatic mission", "coal workers"
            if (
                tok.pos_ in GAP_POS
                or tok.text == "-"
                or (tok.dep_ == "compound" and tok.pos_ == "NOUN")
            ):
                i += 1
                gap += 1
                continue
            return None
        return None

    def foreign_organ(self, unit: Unit, country: str | None) -> Unit | None:
        """ "the Austrian Bundesrat", "Swiss Federal Intelligence Service": a state organ named
        as another state's, right after this country's word, is this country's organ of that
        kind (the name is used as a common noun); armed groups, parties, firms and media keep
        their own country ("Iran's Hezbollah" stays Lebanese)."""
        if country is None or unit.actor is None or unit.actor.kind == "person":
            return None
        coding = unit.actor.at(self.day)
        if coding.country in {None, country} or coding.agent not in STATE_ORGANS:
            return None
        return Unit(unit.start, unit.end, agent=AgentTerm(coding.agent, None, False, False))

    def modified(self, start_tok: int, countries: list[tuple[Unit, str]], agent_unit: Unit) -> int:
        """Rule 2 (and 1 with a country): countries + agent. Returns the token index after."""
        agent = agent_unit.agent
        assert agent is not None
        span_start = start_tok
        if span_start > 0 and self.doc[span_start - 1].lower_ in POSSESSIVES and agent.counterpart:
            span_start -= 1
        last_country = countries[-1][1]
        if agent.title:
            after = self.titled_person(agent_unit, last_country, span_start)
            if after is not None:
                return after
        for unit, country in countries[:-1]:  # "Russian and Turkish ministers"
            self.emit_agent(unit.start, unit.end, country, agent, agent_unit.end)
        first = countries[-1][0].start if len(countries) > 1 else span_start
        self.emit_agent(
            first, agent_unit.end, last_country, agent, agent_unit.end, office_before=start_tok
        )
        return agent_unit.end

    def emit_agent(
        self,
        start: int,
        end: int,
        country: str | None,
        agent: AgentTerm,
        agent_end: int,
        office_before: int | None = None,
    ) -> None:
        name = role = None
        office = self.office_for(agent, office_before) if office_before is not None else None
        if self.former(start, agent_end):
            code = (country or "") + "ELI"
            self.emit(start, end, code, country, "ELI", None, None, self.kind_of(agent, agent_end))
            return
        code, agent_code = (country or "") + agent.agent, agent.agent
        if country and office and not self.plural(agent_end):
            title = self.doc[agent_end - 1].text
            held = self.dictionary.titled_holder(country, office, self.day, title)
            if held is not None:
                tenure, entry = held
                name, role = entry.name, tenure.role
                if tenure.country == country and tenure.agent:
                    # the holder's own code: a junta's "president" is MIL, as by name
                    code, agent_code = tenure.code, tenure.agent
        kind = self.kind_of(agent, agent_end)
        self.emit(start, end, code, country, agent_code, name, role, kind)

    def country_chain(self, unit: Unit) -> tuple[list[tuple[Unit, str]], int]:
        """A country word and those coordinated with it: ([(unit, code)], index after)."""
        assert unit.country is not None
        chain = [(unit, unit.country.code)]
        i = unit.end
        while i + 1 < len(self.doc) and self.doc[i].lower_ in {"and", ","}:
            nxt = self.unit_at(i + 1)
            if nxt is None or nxt.country is None or nxt.country.form != "adjective":
                break
            chain.append((nxt, nxt.country.code))
            i = nxt.end
        return chain, i

    def led(self, unit: Unit, after: int) -> tuple[int, int] | None:
        """Rule 9: (index after "-led", index after the led noun or -1 for another noun)."""
        start = led_after(self.doc, after, unit.led)
        if start is None:
            return None
        end = led_noun_end(self.doc, start)
        return start, (end if end is not None else -1)

    def at_led_country(self, chain: list[tuple[Unit, str]], after: int) -> int | None:
        last_unit, code = chain[-1]
        found = self.led(last_unit, after)
        if found is None:
            return None
        start, end = found
        name = self.dictionary.country_names.get(code)
        if end < 0:  # "Saudi-led talks": the leader owns them
            for unit, country in chain:
                self.emit(unit.start, unit.end, country, country, None, name, None, "state")
            return start
        for unit, country in chain[:-1]:  # "Saudi and Emirati-led coalition"
            self.emit(unit.start, unit.end, country + "MIL", country, "MIL", None, None, "group")
        self.emit(last_unit.start, end, code + "MIL", code, "MIL", None, None, "group")
        return end

    def at_country(self, unit: Unit) -> int:
        assert unit.country is not None
        form = unit.country.form
        chain, after = self.country_chain(unit)
        led = self.at_led_country(chain, after)
        if led is not None:
            return led
        locative = is_locative(self.doc, unit.start)
        if is_dateline_country(self.doc, unit.start, unit.end):
            return unit.end  # "MOGADISHU, Somalia --": where the report was filed
        dateline = is_dateline(self.doc, unit.start, unit.end)
        if not dateline and not (form == "metonym" and locative):
            agent_unit = self.agent_after(
                after, allow_possessive=form != "adjective", country=chain[-1][1]
            )
            if agent_unit is not None and (form != "metonym" or agent_unit.start == unit.end):
                return self.modified(unit.start, chain, agent_unit)
        code = unit.country.code
        if form in {"name", "abbreviation"}:
            self.emit(unit.start, unit.end, code, code, None, unit.country.name, None, "state")
        elif form == "demonym":
            self.emit(unit.start, unit.end, code, code, None, unit.country.name, None, "group")
        elif form == "metonym" and not locative and not dateline:
            self.emit(
                unit.start, unit.end, code + "GOV", code, "GOV", unit.country.name, None, "state"
            )
        elif form == "adjective" and self.doc[unit.end - 1].dep_ in NOMINAL_DEPS:
            one = unit.start > 0 and self.doc[unit.start - 1].lower_ in {"a", "an"}
            self.emit(
                unit.start,
                unit.end,
                code,
                code,
                None,
                unit.country.name,
                None,
                "person" if one else "state",
            )
        elif form == "adjective" and self.owner_adjective(unit):
            # "rejected the Israeli proposal": the country whose proposal it is
            self.emit(unit.start, unit.end, code, code, None, unit.country.name, None, "state")
        return unit.end

    def owner_adjective(self, unit: Unit) -> bool:
        """A country adjective before a plain noun ("the Israeli proposal", "a Turkish raid"),
        not inside a name ("the Syrian Arab Republic") or before a place ("the Syrian border")."""
        last = self.doc[unit.end - 1]
        head = last.head
        return (
            last.dep_ == "amod" and head.pos_ == "NOUN" and head.i > last.i and not head.ent_type_
        )

    def at_agent(self, unit: Unit) -> int:
        agent = unit.agent
        assert agent is not None
        if agent.title:
            after = self.titled_person(unit, None, unit.start)
            if after is not None:
                return after
        doc = self.doc
        if (
            unit.start >= 2
            and doc[unit.start - 1].text in {"'s", "’s"}
            and doc[unit.start - 2].lower_ in {"country", "nation"}
        ):
            country = self.context.country_before(unit.start - 2)
            if country:
                self.emit_agent(unit.start - 2, unit.end, country, agent, unit.end, unit.start)
                return unit.end
        of_country = self.country_after(unit.end - 1 + 1) if unit.end < len(doc) else None
        if of_country:
            country_unit = self.unit_at(unit.end + 1) or self.unit_at(unit.end + 2)
            assert country_unit is not None
            self.emit_agent(unit.start, country_unit.end, of_country, agent, unit.end, unit.start)
            return country_unit.end
        definite = unit.start > 0 and doc[unit.start - 1].lower_ == "the"
        if agent.title and not self.plural(unit.end) and not definite:
            return unit.end  # "a spokesman", "vice president X of a firm": no actor to code
        if not agent.needs_country and not agent.counterpart:
            self.emit(
                unit.start,
                unit.end,
                agent.agent,
                None,
                agent.agent,
                None,
                None,
                self.kind_of(agent, unit.end),
            )
        return unit.end

    def at_named(self, unit: Unit, entry: ActorEntry) -> int:
        """Rule 5; an organisation or group before an agent noun ("Hamas militants", "NATO
        troops") spans both and keeps its own code; a wire's sign-off ("REUTER") is skipped."""
        if is_signoff(self.doc, unit.start, unit.end) or is_credit(self.doc, unit.start, unit.end):
            return unit.end
        if entry.kind != "person" and (
            inside_longer_name(self.doc, unit.start, self.covered)
            or in_capitals(self.doc, unit.start, unit.end)
        ):
            return unit.end  # part of another name, or an acronym that cannot be told from a word
        led = self.led(unit, unit.end) if entry.kind != "person" else None
        if led is not None:  # "NATO-led forces": the organisation's own code
            self.emit_entry(Unit(unit.start, led[1] if led[1] > 0 else unit.end), entry)
            return led[1] if led[1] > 0 else led[0]
        nxt = self.unit_at(unit.end)
        if (
            entry.kind != "person"
            and nxt is not None
            and nxt.agent is not None
            and nxt.actor is None
            and nxt.country is None
        ):
            if nxt.agent.title and not self.plural(nxt.end):  # "NATO Secretary General"
                coding = entry.at(self.day)
                role = f"{self.doc[nxt.start : nxt.end].text}, {entry.name}"
                name = None
                office = nxt.agent.office
                held = self.dictionary.holder(coding.code, office, self.day) if office else None
                if held is not None:
                    name, role = held[1].name, held[0].role or role
                self.emit(
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
                self.emit_entry(Unit(unit.start, nxt.end), entry)
            return nxt.end
        self.emit_entry(unit, entry)
        return unit.end

    def run(self) -> list[Actor]:
        n = 0
        while n < len(self.units):
            unit = self.units[n]
            if unit.actor is not None:
                after = self.at_named(unit, unit.actor)
            elif unit.country is not None:
                after = self.at_country(unit)
            else:
                after = self.at_agent(unit)
            n += 1
            while n < len(self.units) and self.units[n].start < after:
                n += 1
        return self.actors


def find_actors(doc: Doc, published: date, dictionary: ActorDictionary) -> list[Actor]:
    """The actors of a parsed document, coded as of `published`, in text order (see the rules
    in this module's docstring). Offsets index `doc.text`."""
    actors = _Composer(doc, published, dictionary).run()
    return sorted(actors + unknown_named_actors(doc, actors), key=lambda a: a.start)


UNKNOWN_KINDS = {"PERSON": "person", "ORG": "organisation"}


def unknown_named_actors(doc: Doc, known: list[Actor]) -> list[Actor]:
    """Named people and organisations the dictionaries do not know, coded UNK: the event they
    take part in is kept (the text says who), but it counts under no country. A name that
    overlaps a known actor is not repeated."""
    taken = [(a.start, a.end) for a in known]
    found = []
    for ent in doc.ents:
        kind = UNKNOWN_KINDS.get(ent.label_)
        if kind is None or not ent.text[:1].isupper():
            continue
        if kind == "organisation" and len(ent) < 2 and not ent.text.isupper():
            # NER calls many one-word places organisations; longer names and acronyms it gets right
            continue
        text = ent.text
        if (text.isupper() and is_dateline(doc, ent.start, ent.end)) or (
            ent.start > 1 and doc[ent.start - 1].text == "(" and is_credit(doc, ent.start, ent.end)
        ):
            continue  # "KABUL (Pajhwok):" says where and who reported, not who acted
        lo, hi = ent.start_char, ent.end_char
        if any(lo < end and start < hi for start, end in taken):
            continue
        found.append(Actor(text, lo, hi, UNKNOWN_CODE, None, None, text, None, kind))
    return found
