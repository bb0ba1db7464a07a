"""People behind titles and agent nouns, by the document's date: a title followed by a name
(rule 1), the holder of an office named by a country's title ("the Turkish foreign minister"),
"counterpart", and "former"/"ex-" making a title ELI (rule 8)."""

from __future__ import annotations

from eventwire.actors.composition import Composition
from eventwire.actors.entries import TITLE_ELSEWHERE, ActorEntry, AgentTerm, key
from eventwire.actors.units import Unit
from eventwire.records import UNKNOWN_CODE

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
# entity labels that are never part of a person's name: "Sweden's envoy Tuesday" names no one
NOT_NAME_LABELS = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY", "NORP"}
)


def name_run(c: Composition, start: int) -> int:
    """End of an unknown proper name starting at token `start` (start when there is none)."""
    end = words = start
    while end < len(c.doc) and words - start < 5:  # five words, honorifics and particles aside
        tok = c.doc[end]
        if (end in c.starts and end > start) or tok.ent_type_ in NOT_NAME_LABELS:
            break
        proper = tok.text[:1].isupper() and (tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON")
        particle = (
            tok.lower_ in NAME_PARTICLES
            and end > start
            and end + 1 < len(c.doc)
            and c.doc[end + 1].text[:1].isupper()
        )
        if not (proper or particle):
            break
        if not particle and key(tok.text).strip(".") not in HONORIFICS:
            words += 1
        end += 1
    return end


def former(c: Composition, start: int, end: int | None = None) -> bool:
    """True for "former minister", "ex-minister", "Georgia's former president": "former"
    before `start` or among the tokens up to `end`."""
    doc = c.doc
    if start >= 1 and doc[start - 1].lower_ in {"former", "ex"}:
        return True
    if end is not None and any(t.lower_ in {"former", "ex"} for t in doc[start:end]):
        return True
    return start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ == "ex"


def shadow(c: Composition, start: int) -> bool:
    """ "shadow health secretary": the opposition's spokesman for the portfolio (OPP), in
    Westminster-style parliaments, whatever the title."""
    return start >= 1 and c.doc[start - 1].lower_ == "shadow"


def office_for(c: Composition, agent: AgentTerm, before: int) -> str | None:
    """The office a title names; for "counterpart", the office of the person named before."""
    if not agent.counterpart:
        return agent.office
    for actor in reversed(c.actors):  # the office of the person named before
        if actor.kind == "person" and actor.name and actor.start < c.doc[before].idx:
            for entry in c.dictionary.people_named(actor.name.split()[-1].lower()):
                coding = entry.at(c.day)
                if entry.name == actor.name and coding.office:
                    return coding.office
            return None
    return None


def titled_person(c: Composition, title: Unit, country: str | None, span_start: int) -> int | None:
    """Rule 1 at a title unit: returns the token index after the name, or None."""
    assert title.agent is not None
    if country is None and organisation_title(c, title.start):
        return body_title(c, title)
    named = after_honorifics(c, title.end)  # "Foreign Minister H E Dr Khalid ..."
    nxt = c.unit_at(named)
    if nxt is not None and nxt.actor is not None and nxt.actor.kind == "person":
        role = c.doc[title.start : title.end].text
        coding = nxt.actor.at(c.day)
        if coding.country and coding.agent in (None, "ELI") and not former(c, span_start):
            # the table knows him out of office that day ("Shadow attorney general Dominic
            # Grieve", later Attorney General): the text's title says what he is now
            opposition = shadow(c, title.start)
            agent = "OPP" if opposition else title.agent.agent
            role = f"shadow {role}" if opposition else role
            country, name = coding.country, nxt.actor.name
            c.emit(nxt.start, nxt.end, country + agent, country, agent, name, role, "person")
        else:
            c.emit_entry(nxt, nxt.actor, role=role)
        return nxt.end
    portfolio = portfolio_end(c, title)  # "Minister for Communications X": the name after it
    first = named if portfolio == title.end else portfolio
    end = name_run(c, first)
    if end == first:
        return None
    name = c.doc[first:end].text
    known = known_by_surname(c, c.doc[end - 1].lower_, title.agent, country, name)
    role = c.doc[title.start : portfolio].text
    if known is not None:
        c.emit_entry(Unit(first, end), known, role=role)
        return end
    if country is None:
        country = country_after(c, end) or _context_country(c, span_start)
    agent = title.agent.agent
    if former(c, span_start):
        agent, role = "ELI", f"former {role}"
    elif shadow(c, title.start):
        agent, role = "OPP", f"shadow {role}"
    c.emit(first, end, (country or "") + agent, country, agent, name, role, "person")
    return end


PORTFOLIO_TITLES = frozenset({"minister", "secretary"})
MAX_PORTFOLIO = 5


def portfolio_end(c: Composition, title: Unit) -> int:
    """ "Minister for Communications Mitch Fifield", "Secretary for Health Ana Ruiz": after a
    minister's or secretary's title, "for|of" and a capitalised portfolio up to a name the
    recogniser sees as a person's; title.end when there is none."""
    doc, i = c.doc, title.end
    if doc[title.end - 1].lower_ not in PORTFOLIO_TITLES or i >= len(doc):
        return title.end
    if doc[i].lower_ not in {"for", "of"}:
        return title.end
    j = i + 1
    while j < len(doc) and j - i <= MAX_PORTFOLIO and doc[j].ent_type_ != "PERSON":
        if not (doc[j].text[:1].isupper() or doc[j].lower_ in {"and", "&", "the"}):
            return title.end
        j += 1
    return j if j > i + 1 and j < len(doc) and doc[j].ent_type_ == "PERSON" else title.end


def organisation_title(c: Composition, start: int) -> bool:
    """ "Dean Foods President Howard Dean": a title right after a proper name that is no
    dictionary unit belongs to that organisation, not to a state."""
    if start == 0 or start - 1 in c.covered:
        return False
    before = c.doc[start - 1]
    return before.pos_ == "PROPN" and before.text[:1].isupper()


def body_title(c: Composition, title: Unit) -> int | None:
    """ "European Community Commission President X", "EC Commission president X": a title
    after a name that holds a known organisation is that organisation's; the person takes its
    code. None when no such organisation ends the name before the title."""
    body = c.actors[-1] if c.actors else None
    if body is None or body.kind not in {"organisation", "group"} or body.code == UNKNOWN_CODE:
        return None
    start = title.start
    while start > 0 and c.doc[start - 1].idx >= body.end and start - title.start > -3:
        if c.doc[start - 1].pos_ != "PROPN" or not c.doc[start - 1].text[:1].isupper():
            return None
        start -= 1
    if start == 0 or c.doc[start - 1].idx + len(c.doc[start - 1].text) != body.end:
        return None
    end = name_run(c, title.end)
    if end == title.end:
        return None
    role = f"{c.doc[start : title.end].text}, {body.name or body.text}"
    c.emit(title.end, end, body.code, body.country, body.agent, c.doc[title.end : end].text,
           role, "person")  # fmt: skip
    return end


def known_by_surname(
    c: Composition, surname: str, agent: AgentTerm, country: str | None, written: str = ""
) -> ActorEntry | None:
    """A person in office on the day, with this surname, the title's office and the country;
    else one who held that office before the day ("President Obama" in 2018 is the former
    president, coded by the people table as of the day, not a stranger given the context's
    country). A full name written out must fit the person's: "Speaker Aguila Saleh" is not
    Prime Minister Bakri Hassan Saleh."""
    people = [p for p in c.dictionary.people_named(surname) if same_given_name(written, p)]
    for entry in people:
        coding = entry.at(c.day)
        if not entry.in_office(c.day) or (country and coding.country != country):
            continue
        offices = {agent.office, TITLE_ELSEWHERE.get(agent.office or "")}
        if agent.office is None or coding.office in offices:
            return entry
    if agent.office is None:
        return None
    former_holders = [
        (tenure.end, entry)
        for entry in people
        for tenure in entry.tenures
        if tenure.office == agent.office
        and tenure.end is not None
        and tenure.end < c.day
        and (country is None or tenure.country == country)
    ]
    return max(former_holders, key=lambda pair: pair[0])[1] if former_holders else None


# words before a given name that are no part of it: "H E Dr Khalid bin Mohammed Al Attiyah"
HONORIFICS = frozenset(
    {"h", "e", "he", "dr", "mr", "mrs", "ms", "sir", "dame", "prof", "sheikh", "shaikh", "lord"}
    | {"lady", "his", "her", "excellency", "hon", "rev", "gen"}
)


def after_honorifics(c: Composition, start: int) -> int:
    """The token index after the honorifics at `start` ("H E Dr", "Sheikh"), if any."""
    i = start
    while i < len(c.doc) and c.doc[i].text[:1].isupper() and i not in c.starts:
        if key(c.doc[i].text).strip(".") not in HONORIFICS:
            break
        i += 1
    return i


def same_given_name(written: str, entry: ActorEntry) -> bool:
    """A name of two words or more names the entry only if its first word is one of the
    words of the entry's name or aliases (a surname alone fits anyone of that surname)."""
    words = [w for w in written.split() if key(w).strip(".") not in HONORIFICS]
    if len(words) < 2:
        return True
    first = key(words[0])
    known = {key(w) for n in (entry.name, *entry.aliases) for w in n.replace("-", " ").split()}
    return first in known


def _context_country(c: Composition, before: int) -> str | None:
    """The context's country for a titled stranger; no country is better than a wrong one:
    - the nearest country before him in the sentence, unless it is the country of a person
      already named there ("Russian Foreign Minister Lavrov met Deputy Secretary of State
      Sherman": a counterpart is from the other side);
    - else the article's main country, unless the sentence names it after him (then it is a
      counterpart's: "Deputy Secretary of State Sherman met Russian Deputy Foreign Minister
      Ryabkov")."""
    near = c.context.sentence_country_before(before)
    if near is None:
        main = c.context.dominant
        return None if main is None or c.context.named_in_sentence(before, main) else main
    sentence_start = c.doc[before].sent.start_char if c.doc.has_annotation("SENT_START") else 0
    here = c.doc[before].idx
    taken = {
        a.country
        for a in c.actors
        if a.kind == "person" and a.country and sentence_start <= a.start < here
    }
    return None if near in taken else near


def country_after(c: Composition, end: int) -> str | None:
    """ "X of Turkey": a country named right after the name."""
    if end + 1 < len(c.doc) and c.doc[end].lower_ == "of":
        unit = c.unit_at(end + 1) or c.unit_at(end + 2)
        if unit is not None and unit.country is not None and unit.country.form == "name":
            return unit.country.code
    return None


def emit_agent(
    c: Composition,
    start: int,
    end: int,
    country: str | None,
    agent: AgentTerm,
    agent_end: int,
    office_before: int | None = None,
) -> None:
    """Add a country's agent; a singular title with an office is its holder on the day."""
    name = role = None
    office = office_for(c, agent, office_before) if office_before is not None else None
    if former(c, start, agent_end):
        code = (country or "") + "ELI"
        c.emit(start, end, code, country, "ELI", None, None, c.kind_of(agent, agent_end))
        return
    if shadow(c, agent_end - 1) or shadow(c, start):
        code = (country or "") + "OPP"
        c.emit(start, end, code, country, "OPP", None, None, c.kind_of(agent, agent_end))
        return
    code, agent_code = (country or "") + agent.agent, agent.agent
    if agent.prefix:  # PETRARCH's `[IGO~]`: "observers in Syria" -> IGOSYR
        code = agent.agent + (country or "")
    if country and office and not c.plural(agent_end):
        title = c.doc[agent_end - 1].text
        held = c.dictionary.titled_holder(country, office, c.day, title)
        if held is not None:
            tenure, entry = held
            name, role = entry.name, tenure.role
            if tenure.country == country and tenure.agent:
                # the holder's own code: a junta's "president" is MIL, as by name
                code, agent_code = tenure.code, tenure.agent
    kind = c.kind_of(agent, agent_end)
    c.emit(start, end, code, country, agent_code, name, role, kind)
