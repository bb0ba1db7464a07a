"""The state of composing one document's dictionary units into actors: the units and where they
start, the country context, the actors found so far, and how an actor is emitted from a token span.
The rules that read and extend it live in recognise.py, titles.py and country_rules.py."""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc

from eventwire.actors.context import CountryContext
from eventwire.actors.dictionary import ActorDictionary
from eventwire.actors.entries import ActorEntry, AgentTerm
from eventwire.actors.units import Unit, scan_units
from eventwire.records import Actor

PLURAL_TAGS = frozenset({"NNS", "NNPS"})


class Composition:
    """One document's units and the actors composed from them so far, in the order found."""

    def __init__(self, doc: Doc, day: date, dictionary: ActorDictionary) -> None:
        self.doc = doc
        self.text = doc.text  # Doc.text joins every token on each call: take it once
        self.day = day
        self.dictionary = dictionary
        units = scan_units(doc, dictionary, day)
        self.units = [u for u in units if not u.known]
        self.known = [u for u in units if u.known]  # phrases that take no code: no actor
        self.context = CountryContext(doc, self.units, day)
        self.starts = {u.start: n for n, u in enumerate(self.units)}
        self.covered = {i for u in units for i in range(u.start, u.end)}
        self.actors: list[Actor] = []

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
        """Add the actor spanning tokens start..end."""
        text, lo, hi = self._span(start, end)
        self.actors.append(Actor(text, lo, hi, code, country, agent, name, role, kind))

    def emit_entry(self, unit: Unit, entry: ActorEntry, role: str | None = None) -> None:
        """Add a dictionary entry's actor over `unit`, coded as of the document's day."""
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

    def unit_at(self, index: int) -> Unit | None:
        """The unit starting at token `index`, if any."""
        n = self.starts.get(index)
        return self.units[n] if n is not None else None

    def plural(self, end: int) -> bool:
        return self.doc[end - 1].tag_ in PLURAL_TAGS

    def kind_of(self, agent: AgentTerm, end: int) -> str:
        if self.plural(end):
            return "group"
        return "person" if agent.title else "organisation"
