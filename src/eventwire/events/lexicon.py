"""The event lexicon (lexicon.yaml): trigger senses by lemma, compiled once for dict lookups."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

MODALS = ("intent", "threat", "refuse", "appeal", "demand", "command", "failure")


class LexiconError(ValueError):
    """lexicon.yaml is malformed (the message names the entry)."""


@dataclass(frozen=True, slots=True)
class Sense:
    id: str  # the rule id given as evidence
    pos: str  # "verb" or "noun"
    lemma: str
    code: str
    prt: str | None  # required particle/preposition on the trigger
    obj: frozenset[str]  # required object lemma (verbs) or modifier lemma (nouns)
    not_obj: frozenset[str]  # object lemmas that rule the sense out
    light: frozenset[str]  # (nouns) allowed governing light verbs; empty = any
    to: frozenset[str]  # prepositions marking the target
    modal: str | None  # intent | threat | refuse | appeal | demand
    weight: float
    bare: bool = False  # only without a clausal complement ("called X" but not "called X a liar")
    transitive: bool = False  # only with an object ("returned the land", not "returned home")
    intransitive: bool = False  # only without one ("demonstrated", not "demonstrated resolve")
    topic: bool = False  # the object is what it is about, never the target ("discussed Syria")


@dataclass(frozen=True, slots=True)
class ContextRecode:
    """Events whose code starts with `prefix` take `code` when the clause has one of `words`."""

    prefix: str
    words: frozenset[str]
    code: str


def _code_map(table: dict) -> dict[str, str]:
    """A YAML table of codes, keys and values as strings ("173": "112")."""
    return {str(k): str(v) for k, v in table.items()}


class Lexicon:
    """Trigger senses by lemma plus the tables that steer argument finding and modality."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.target_preps = {k: frozenset(v) for k, v in data["target_preps"].items()}
        self.light_verbs = frozenset(data["light_verbs"])
        self.speech_verbs = frozenset(data["speech_verbs"])
        self.intent_governors = frozenset(data["intent_governors"])
        self.blocking_governors = frozenset(data["blocking_governors"])
        self.conditional_marks = frozenset(data["conditional_marks"])
        self.background_preps = frozenset(data["background_preps"])
        self.future_auxes = frozenset(data["future_auxes"])
        self.hedge_auxes = frozenset(data["hedge_auxes"])
        self.future_modifiers = frozenset(data["future_modifiers"])
        self.hedge_modifiers = frozenset(data["hedge_modifiers"])
        self.standing_modifiers = frozenset(data["standing_modifiers"])
        self.civilian_lemma_codes = _code_map(data["civilian_lemma_codes"])
        self.future_heads = frozenset(data["future_heads"])
        self.obligation_auxes = frozenset(data["obligation_auxes"])
        self.demand_auxes = frozenset(data["demand_auxes"])
        self.receiving_verbs = frozenset(data["receiving_verbs"])
        self.question_verbs = frozenset(data["question_verbs"])
        self.quantity_nouns = frozenset(data["quantity_nouns"])
        self.blame_words = frozenset(data["blame_words"])
        self.state_act_roots = frozenset(str(r) for r in data["state_act_roots"])
        self.located_target_roots = frozenset(str(r) for r in data["located_target_roots"])
        self.place_target_roots = frozenset(str(r) for r in data["place_target_roots"])
        self.should_weight = float(data["should_weight"])
        self.free_noun_weight = float(data["free_noun_weight"])
        self.outsider_forecast_weight = float(data["outsider_forecast_weight"])
        self.planned_address_roots = frozenset(data["planned_address_roots"])
        self.toll_verbs = frozenset(data["toll_verbs"])
        self.planned_address_weight = float(data["planned_address_weight"])
        self.stative_obligations = frozenset(data["stative_obligations"])
        self.patient_possessive_nouns = frozenset(data["patient_possessive_nouns"])
        self.verbal_force_lemmas = frozenset(data["verbal_force_lemmas"])
        self.armed_agents = frozenset(data["armed_agents"])
        self.speaking_agents = frozenset(data["speaking_agents"])
        self.speculative_governors = frozenset(data["speculative_governors"])
        self.background_marks = frozenset(data["background_marks"])
        self.content_nouns = frozenset(data["content_nouns"])
        self.figurative_force_objects = frozenset(data["figurative_force_objects"])
        self.criticised_things = frozenset(data["criticised_things"])
        self.warning_verbs = frozenset(data["warning_verbs"])
        self.raising_verbs = frozenset(data["raising_verbs"])
        self.audience_lemmas = frozenset(data["audience_lemmas"])
        self.audience_agents = frozenset(data["audience_agents"])
        self.audience_code = str(data["audience_code"])
        self.warning_demand_code = str(data["warning_demand_code"])
        self.own_policy_code = str(data["own_policy_code"])
        self.scheduled_roots = frozenset(str(r) for r in data["scheduled_roots"])
        self.comment_verbs = frozenset(data["comment_verbs"])
        self.no_comment_code = str(data["no_comment_code"])
        self.state_target_recodes = _code_map(data["state_target_recodes"])
        self.civilian_agents = frozenset(data["civilian_agents"])
        self.state_target_lemmas = frozenset(data["state_target_lemmas"])
        self.civilian_force_lemmas = frozenset(data["civilian_force_lemmas"])
        self.civilian_force_recodes = _code_map(data["civilian_force_recodes"])
        self.threat_consequences = frozenset(data["threat_consequences"])
        self.foreseeing_code = str(data["foreseeing_code"])
        self.expressing_governors = frozenset(data["expressing_governors"])
        self.place_target_codes = frozenset(str(c) for c in data["place_target_codes"])
        self.aid_purpose_verbs = frozenset(data["aid_purpose_verbs"])
        self.noun_of_target_roots = frozenset(str(r) for r in data["noun_of_target_roots"])
        self.reciprocal_governors = frozenset(data["reciprocal_governors"])
        self.withheld_roots = frozenset(str(r) for r in data["withheld_roots"])
        self.document_nouns = frozenset(data["document_nouns"])
        self.context_recodes = tuple(
            ContextRecode(str(r["prefix"]), frozenset(r["words"]), str(r["code"]))
            for r in data["context_recodes"]
        )
        self.sent_forces_roots = frozenset(str(r) for r in data["sent_forces"]["roots"])
        self.sent_forces_codes = frozenset(str(c) for c in data["sent_forces"]["codes"])
        self.forces_agents = frozenset(data["sent_forces"]["agents"])
        self.withdrawn_forces_codes = frozenset(str(c) for c in data["withdrawn_forces"]["codes"])
        self.responsibility_nouns = frozenset(data["responsibility_nouns"])
        self.question_words = frozenset(data["question_words"])
        self.receiving_have_roots = frozenset(str(r) for r in data["receiving_have_roots"])
        self.modal_maps: dict[str, dict[str, str]] = {
            name: _code_map(table) for name, table in data["modal_maps"].items()
        }
        self.verbs = {lemma: self._senses("verb", lemma, e) for lemma, e in data["verbs"].items()}
        self.nouns = {lemma: self._senses("noun", lemma, e) for lemma, e in data["nouns"].items()}

    @classmethod
    def load(cls, path: Path | None = None) -> Lexicon:
        text = (
            path.read_text(encoding="utf-8")
            if path
            else resources.files("eventwire.events").joinpath("lexicon.yaml").read_text("utf-8")
        )
        return cls(yaml.safe_load(text))

    def senses(self, pos: str, lemma: str) -> tuple[Sense, ...]:
        table = self.verbs if pos == "verb" else self.nouns
        return table.get(lemma, ())

    def all_senses(self) -> list[Sense]:
        return [s for table in (self.verbs, self.nouns) for ss in table.values() for s in ss]

    def recode(self, modal: str, code: str) -> str | None:
        """The code of an event embedded under a modal trigger; None keeps the embedded code,
        "drop" means the embedding asserts no event."""
        table = self.modal_maps[modal]
        for n in (4, 3, 2):
            hit = table.get(code[:n])
            if hit is not None:
                return None if hit == "keep" else hit
        default = table["default"]
        return None if default == "keep" else default

    def only_governs(self, modal: str) -> bool:
        """A modal whose map drops what it does not name ("failure") reports an event only
        through the clause it governs, never by itself."""
        return self.modal_maps[modal]["default"] == "drop"

    def _senses(self, pos: str, lemma: str, entry: Any) -> tuple[Sense, ...]:
        items = entry if isinstance(entry, list) else [entry]
        senses = []
        for n, item in enumerate(items):
            if isinstance(item, str):
                item = {"c": item}
            if not isinstance(item, dict) or "c" not in item:
                raise LexiconError(f"{pos} {lemma!r}: each sense needs a code `c`")
            code = str(item["c"])
            prt = item.get("prt")
            modal = item.get("modal")
            if modal is not None and modal not in MODALS:
                raise LexiconError(f"{pos} {lemma!r}: unknown modal {modal!r}")
            default_id = f"{pos}.{lemma}" + (f".{prt}" if prt else "") + (f".{n}" if n else "")
            senses.append(
                Sense(
                    id=str(item.get("id", default_id)),
                    pos=pos,
                    lemma=lemma,
                    code=code,
                    prt=str(prt) if prt is not None else None,
                    obj=frozenset(str(o) for o in item.get("obj", ())),
                    not_obj=frozenset(str(o) for o in item.get("not_obj", ())),
                    light=frozenset(item.get("light", ())),
                    to=frozenset(item.get("to", ())) | self.target_preps.get(code[:2], frozenset()),
                    modal=modal,
                    weight=float(item.get("w", 0.8)),
                    bare=bool(item.get("bare", False)),
                    transitive=bool(item.get("transitive", False)),
                    intransitive=bool(item.get("intransitive", False)),
                    topic=bool(item.get("topic", False)),
                )
            )
        return tuple(senses)
