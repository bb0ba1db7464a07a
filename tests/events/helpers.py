"""A throwaway actor finder for the events tests (the actor stage has its own, fuller one).

Every named entity (person, organisation, country, nationality) and every other noun chunk that
names people or bodies becomes an Actor; a few country words carry their ISO code so merge
tests can compare countries.
"""

from __future__ import annotations

from spacy.tokens import Doc

from eventwire.records import Actor

COUNTRIES = {
    "russia": "RUS", "russian": "RUS", "moscow": "RUS", "turkey": "TUR", "turkish": "TUR",
    "ankara": "TUR", "syria": "SYR", "syrian": "SYR", "libya": "LBY", "libyan": "LBY",
    "france": "FRA", "french": "FRA", "germany": "DEU", "german": "DEU", "iran": "IRN",
    "iranian": "IRN", "israel": "ISR", "israeli": "ISR", "egypt": "EGY", "egyptian": "EGY",
    "japan": "JPN", "japanese": "JPN", "china": "CHN", "chinese": "CHN", "india": "IND",
    "indian": "IND", "pakistan": "PAK", "pakistani": "PAK", "hungarian": "HUN", "hungary": "HUN",
    "romanian": "ROU", "romania": "ROU", "kenya": "KEN", "kenyan": "KEN", "brazil": "BRA",
    "brazilian": "BRA", "peru": "PER", "peruvian": "PER", "chile": "CHL", "chilean": "CHL",
}  # fmt: skip
ENT_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "group"}


def _country(text: str) -> str | None:
    for word in text.lower().replace("'s", "").split():
        if word in COUNTRIES:
            return COUNTRIES[word]
    return None


def np_actors(doc: Doc) -> list[Actor]:
    """Entities first, then noun chunks not already covered; pronouns are left out."""
    actors: list[Actor] = []
    taken: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in ENT_KINDS:
            country = _country(ent.text)
            actors.append(
                Actor(ent.text, ent.start_char, ent.end_char, (country or "---") + "UNK",
                      country, None, ent.text, None, ENT_KINDS[ent.label_])
            )  # fmt: skip
            taken.update(range(ent.start, ent.end))
    for chunk in doc.noun_chunks:
        if chunk.root.pos_ == "PRON" or chunk.root.i in taken:
            continue
        country = _country(chunk.text)
        actors.append(
            Actor(chunk.text, chunk.start_char, chunk.end_char, (country or "---") + "UNK",
                  country, None, None, None, "group")
        )  # fmt: skip
    return sorted(actors, key=lambda a: a.start)
