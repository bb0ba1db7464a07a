"""Country words and what they modify: a country with its agent (rule 2), coordinated countries,
"<country>-led" (rule 9), and a country word alone as state, group, seat of government or owner
(rule 6)."""

from __future__ import annotations

from eventwire.actors.composition import Composition
from eventwire.actors.context import is_dateline, is_dateline_country, is_locative
from eventwire.actors.entries import AgentTerm
from eventwire.actors.led import led_after, led_noun_end
from eventwire.actors.titles import emit_agent, former, titled_person
from eventwire.actors.units import Unit

GAP_POS = frozenset({"ADJ"})
MAX_GAP = 3
# an adjective used as a noun ("detained an Egyptian") carries one of these, never amod
NOMINAL_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos", "attr", "dative"})
# agents of state organs: such a body's name after another country's word is that country's organ
STATE_ORGANS = frozenset({"GOV", "MIL", "COP", "SPY", "JUD", "LEG"})
POSSESSIVES = frozenset({"his", "her", "their", "its"})


def agent_after(
    c: Composition, start: int, allow_possessive: bool, country: str | None = None
) -> Unit | None:
    """The agent unit that a country word at `start` modifies, across adjectives."""
    i = start
    if allow_possessive and i < len(c.doc) and c.doc[i].text in {"'s", "’s", "'"}:
        i += 1
    gap = 0
    while i < len(c.doc) and gap <= MAX_GAP:
        unit = c.unit_at(i)
        if unit is not None:
            # a body named like an agent noun ("Justice Department") is that noun after
            # another country's word ("the Thai Justice Department")
            named = unit.actor is not None and unit.actor.kind != "person"
            if unit.agent is not None and (unit.actor is None or named):
                return unit
            return foreign_organ(c, unit, country) if gap == 0 else None
        tok = c.doc[i]
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


def foreign_organ(c: Composition, unit: Unit, country: str | None) -> Unit | None:
    """ "the Austrian Bundesrat", "Swiss Federal Intelligence Service": a state organ named
    as another state's, right after this country's word, is this country's organ of that
    kind (the name is used as a common noun); armed groups, parties, firms and media keep
    their own country ("Iran's Hezbollah" stays Lebanese)."""
    if country is None or unit.actor is None or unit.actor.kind == "person":
        return None
    coding = unit.actor.at(c.day)
    if coding.country in {None, country} or coding.agent not in STATE_ORGANS:
        return None
    return Unit(unit.start, unit.end, agent=AgentTerm(coding.agent, None, False, False))


def modified(
    c: Composition, start_tok: int, countries: list[tuple[Unit, str]], agent_unit: Unit
) -> int:
    """Rule 2 (and 1 with a country): countries + agent. Returns the token index after."""
    agent = agent_unit.agent
    assert agent is not None
    span_start = start_tok
    if span_start > 0 and c.doc[span_start - 1].lower_ in POSSESSIVES and agent.counterpart:
        span_start -= 1
    last_country = countries[-1][1]
    if agent.title:
        after = titled_person(c, agent_unit, last_country, span_start)
        if after is not None:
            return after
    for unit, country in countries[:-1]:  # "Russian and Turkish ministers"
        emit_agent(c, unit.start, unit.end, country, agent, agent_unit.end)
    first = countries[-1][0].start if len(countries) > 1 else span_start
    emit_agent(
        c, first, agent_unit.end, last_country, agent, agent_unit.end, office_before=start_tok
    )
    return agent_unit.end


def country_chain(c: Composition, unit: Unit) -> tuple[list[tuple[Unit, str]], int]:
    """A country word and those coordinated with it: ([(unit, code)], index after)."""
    assert unit.country is not None
    chain = [(unit, unit.country.code)]
    i = unit.end
    while i + 1 < len(c.doc) and c.doc[i].lower_ in {"and", ","}:
        nxt = c.unit_at(i + 1)
        if nxt is None or nxt.country is None or nxt.country.form != "adjective":
            break
        chain.append((nxt, nxt.country.code))
        i = nxt.end
    return chain, i


def led(c: Composition, unit: Unit, after: int) -> tuple[int, int] | None:
    """Rule 9: (index after "-led", index after the led noun or -1 for another noun)."""
    start = led_after(c.doc, after, unit.led)
    if start is None:
        return None
    end = led_noun_end(c.doc, start)
    return start, (end if end is not None else -1)


def at_led_country(c: Composition, chain: list[tuple[Unit, str]], after: int) -> int | None:
    last_unit, code = chain[-1]
    found = led(c, last_unit, after)
    if found is None:
        return None
    start, end = found
    name = c.dictionary.country_names.get(code)
    if end < 0:  # "Saudi-led talks": the leader owns them
        for unit, country in chain:
            c.emit(unit.start, unit.end, country, country, None, name, None, "state")
        return start
    for unit, country in chain[:-1]:  # "Saudi and Emirati-led coalition"
        c.emit(unit.start, unit.end, country + "MIL", country, "MIL", None, None, "group")
    c.emit(last_unit.start, end, code + "MIL", code, "MIL", None, None, "group")
    return end


def at_country(c: Composition, unit: Unit) -> int:
    """Rules 2, 6 and 9 at a country unit: returns the token index after what was coded."""
    assert unit.country is not None
    form = unit.country.form
    chain, after = country_chain(c, unit)
    led_end = at_led_country(c, chain, after)
    if led_end is not None:
        return led_end
    locative = is_locative(c.doc, unit.start)
    if is_dateline_country(c.doc, unit.start, unit.end):
        return unit.end  # "MOGADISHU, Somalia --": where the report was filed
    if in_hyphened_word(c, unit):
        return unit.end  # "US-based", "anti-UK": part of another word, no party
    dateline = is_dateline(c.doc, unit.start, unit.end)
    if not dateline and not (form == "metonym" and locative):
        agent_unit = agent_after(
            c, after, allow_possessive=form != "adjective", country=chain[-1][1]
        )
        if agent_unit is not None and (form != "metonym" or agent_unit.start == unit.end):
            return modified(c, unit.start, chain, agent_unit)
    code = unit.country.code
    if form in {"name", "abbreviation"}:
        c.emit(unit.start, unit.end, code, code, None, unit.country.name, None, "state")
    elif form == "demonym":
        c.emit(unit.start, unit.end, code, code, None, unit.country.name, None, "group")
    elif form == "metonym" and not locative and not dateline:
        c.emit(unit.start, unit.end, code + "GOV", code, "GOV", unit.country.name, None, "state")
    elif form == "adjective" and former(c, unit.start):
        pass  # "former Soviet republics", "ex-British colonies": no longer the country's
    elif form == "adjective" and c.doc[unit.end - 1].dep_ in NOMINAL_DEPS:
        one = unit.start > 0 and c.doc[unit.start - 1].lower_ in {"a", "an"}
        c.emit(
            unit.start,
            unit.end,
            code,
            code,
            None,
            unit.country.name,
            None,
            "person" if one else "state",
        )
    elif form == "adjective" and owner_adjective(c, unit):
        # "rejected the Israeli proposal": the country whose proposal it is
        c.emit(unit.start, unit.end, code, code, None, unit.country.name, None, "state")
    return unit.end


def owner_adjective(c: Composition, unit: Unit) -> bool:
    """A country adjective before a plain noun ("the Israeli proposal", "a Turkish raid"),
    not inside a name ("the Syrian Arab Republic") or before a place ("the Syrian border")."""
    last = c.doc[unit.end - 1]
    head = last.head
    return last.dep_ == "amod" and head.pos_ == "NOUN" and head.i > last.i and not head.ent_type_


# "US-based Exxon", "a UK-registered ship", "anti-US protests": a country inside a hyphened word
# describes something else; "-led" and "-backed" are left to rule 9 and the events stage
HYPHEN_PREFIXES = frozenset({"anti", "pro", "non", "post", "pre"})  # "ex-" is rule 8's
HYPHEN_SUFFIXES = frozenset(
    {"based", "born", "made", "owned", "registered", "flagged", "listed", "educated", "style"}
    | {"bound", "built", "headquartered", "trained", "run", "controlled", "held", "centric"}
)


def in_hyphened_word(c: Composition, unit: Unit) -> bool:
    """Is the country word joined by hyphens to a prefix or suffix that makes it a modifier?"""
    doc, start, end = c.doc, unit.start, unit.end
    joined_before = (
        start >= 2
        and doc[start - 1].text == "-"
        and not doc[start - 2].whitespace_
        and not doc[start - 1].whitespace_
    )
    if joined_before and doc[start - 2].lower_ in HYPHEN_PREFIXES:
        return True
    joined_after = end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
    return joined_after and not doc[end].whitespace_ and doc[end + 1].lower_ in HYPHEN_SUFFIXES
