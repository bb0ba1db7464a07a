"""Toponym recognition: gazetteer phrase matching over tokens, checked against spaCy's entities.

spaCy's small model misses many place names (most Middle Eastern towns, misspellings), so every
capitalised token sequence is looked up in the gazetteer; NER is used to veto (people, works,
organisations) and to confirm, not as the only source.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from eventwire.places.gazetteer import Gazetteer
from eventwire.places.names import name_key

MAX_WORDS = 6
# Lower-case words allowed inside a place name: "Isle of Wight", "Rio de Janeiro".
CONNECTORS = frozenset(
    {"of", "the", "de", "del", "da", "do", "la", "le", "el", "al", "upon", "on", "-", "and"}
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Entities whose words are not place mentions ("Michael Jordan", "Paris Hilton").
VETO_LABELS = frozenset({"PERSON", "WORK_OF_ART"})
TOWN_POPULATION = 10_000
LOCATIVE_WORDS = frozenset(
    {"in", "near", "at", "from", "to", "outside", "into", "across", "towards", "toward", "of", "on"}
)
# A capitalised word at the start of a sentence read as one of these is a common word.
FUNCTION_POS = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "ADV", "ADJ", "CCONJ", "SCONJ"})
# Words before a name that make it a person's, a storm's or a ship's ("Sir Menzies", "Mr Kennedy",
# "Hurricane Katrina", "HMS Belfast"): what follows is not a place.
NAME_TITLES = frozenset(
    {
        "mr", "mrs", "ms", "dr", "sir", "lord", "lady", "dame", "baroness", "baron",
        "president", "senator", "sen", "rep", "gov", "governor", "judge", "justice", "king",
        "queen", "prince", "princess", "pope", "saint", "rev", "reverend", "father", "sheikh",
        "gen", "general", "col", "colonel", "capt", "captain", "maj", "major", "lt", "sgt",
        "hurricane", "typhoon", "cyclone", "storm", "uss", "hms", "rms", "mv",
    }
)  # fmt: skip
# Words after a small town's name that keep it a place: its own institutions ("Pineville Police",
# "Kettering Republican": a Republican from Kettering), not a person's or a party's ("Liberal
# Democrats", "Victor Yushchenko").
PLACE_HEADS = frozenset(
    {
        "county", "city", "town", "township", "village", "borough", "parish", "district",
        "police", "fire", "sheriff", "mayor", "council", "school", "schools", "high",
        "elementary", "middle", "hospital", "airport", "area", "region", "road", "street",
        "avenue", "river", "lake", "valley", "creek", "park", "station", "harbor", "harbour",
        "port", "bay", "beach", "community", "water", "public", "municipal", "board",
        "court", "courthouse", "superior", "circuit", "state", "university", "college",
        "historical", "society", "department", "commission", "reservoir", "hall", "library",
        "republican", "democrat", "chamber", "center", "centre", "church", "museum",
    }
)  # fmt: skip


# Words that end the names of landforms and provinces ("Swat Valley", "Mahim Bay", "Ilocos
# Sur", "Kasai Occidental") and are also the names of small towns.
LANDFORM_WORDS = frozenset(
    {
        "valley", "delta", "plateau", "bay", "sur", "norte", "occidental", "oriental",
        "basin", "highlands", "lowlands", "peninsula", "strait", "gulf", "coast", "island",
    }
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that may name a place, with its gazetteer candidates."""

    start: int  # char offsets into doc.text
    end: int
    tok_start: int
    tok_end: int  # exclusive
    text: str
    codes: tuple[int, ...]  # encoded gazetteer rows (row * 2 + alternate flag)
    source: str  # gazetteer, demonym, abbreviation
    ner: str | None  # the label of the entity that covers it exactly, if any


def find_mentions(doc: Doc, gazetteer: Gazetteer, demonyms: bool = True) -> list[Mention]:
    """Candidate toponym mentions in reading order, longest match first, without overlaps."""
    labels = _token_labels(doc)
    text = doc.text  # built anew on each access: read it once
    mentions: list[Mention] = []
    i = 0
    while i < len(doc):
        found = _match_at(doc, text, i, gazetteer, labels, demonyms)
        if found is None:
            i += 1
            continue
        if _keep(doc, found, gazetteer, labels):
            mentions.append(found)
        i = found.tok_end
    return _with_context(doc, mentions, gazetteer)


def _with_context(doc: Doc, mentions: list[Mention], gazetteer: Gazetteer) -> list[Mention]:
    """A small place's name at the head of a longer name ("Liberal Democrats", "Die Welt",
    "Zionsville Education Foundation") is kept only when the article supports it: the same name
    used on its own, or another place named in the same first-level division."""
    weak = {id(m) for m in mentions if _heads_a_longer_name(doc, m, gazetteer)}
    if not weak:
        return mentions
    sure = [m for m in mentions if id(m) not in weak]
    texts = {m.text.casefold() for m in sure}
    divisions = {
        gazetteer.entry(code >> 1).admin1
        for m in sure
        for code in m.codes
        if not code & 1 and m.source != "demonym"
    }
    divisions.discard(None)
    return [
        m
        for m in mentions
        if id(m) not in weak
        or m.text.casefold() in texts
        or any(gazetteer.entry(code >> 1).admin1 in divisions for code in m.codes)
    ]


def _token_labels(doc: Doc) -> dict[int, Span]:
    return {token.i: ent for ent in doc.ents for token in ent}


def _is_capitalised(token: Token) -> bool:
    return token.text[:1].isupper() or token.text[2:3].isupper() and token.text[1:2] == "'"


def _connects(token: Token) -> bool:
    return token.lower_ in CONNECTORS


def _match_at(
    doc: Doc, text: str, i: int, gazetteer: Gazetteer, labels: dict[int, Span], demonyms: bool
) -> Mention | None:
    first = doc[i]
    if not _is_capitalised(first):
        return None
    abbreviation = _abbreviation_at(doc, text, i, gazetteer)
    if abbreviation is not None:
        return abbreviation
    limit = min(len(doc), i + MAX_WORDS)
    best: Mention | None = None
    for j in range(i, limit):
        token = doc[j]
        if j > i and (token.is_sent_start or token.is_space):
            break
        if j > i and not _is_capitalised(token) and not _connects(token):
            break
        if not _is_capitalised(token):
            continue  # a name does not end on a connector
        end = token.idx + len(token.text)
        key = name_key(text[first.idx : end])
        codes = gazetteer.codes(key)
        if codes:
            best = _mention(doc, text, i, j + 1, codes, "gazetteer", labels)
            continue
        row = gazetteer.demonyms.get(key) if demonyms and token.pos_ != "VERB" else None
        if row is not None:
            # "Turkish", "Sri Lankan": the country, unless a longer place name follows
            best = _mention(doc, text, i, j + 1, (row * 2,), "demonym", labels)
    return best


def _abbreviation_at(doc: Doc, text: str, i: int, gazetteer: Gazetteer) -> Mention | None:
    """Dotted abbreviations ("Ky.", "W.Va.", "N.Y."): spaCy may split off the final dot."""
    token = doc[i]
    for j in range(i, min(len(doc), i + 4)):
        end = doc[j].idx + len(doc[j].text)
        surface = text[token.idx : end]
        for candidate in (surface, surface + "."):
            row = gazetteer.abbreviations.get(candidate)
            if row is not None and text.startswith(candidate, token.idx):
                stop = token.idx + len(candidate)
                last = j + 1 if stop <= end else min(len(doc), j + 2)
                return Mention(
                    token.idx, stop, i, last, candidate, (row * 2,), "abbreviation", None
                )
    return None


def _mention(
    doc: Doc,
    text: str,
    i: int,
    j: int,
    codes: tuple[int, ...],
    source: str,
    labels: dict[int, Span],
) -> Mention:
    start = doc[i].idx
    end = doc[j - 1].idx + len(doc[j - 1].text)
    ent = labels.get(i)
    exact = ent is not None and ent.start == i and ent.end == j
    return Mention(start, end, i, j, text[start:end], codes, source, ent.label_ if exact else None)


def _keep(doc: Doc, mention: Mention, gazetteer: Gazetteer, labels: dict[int, Span]) -> bool:
    """Context filters: not part of a person's name or a title, not a common capitalised word.

    Places inside organisation and facility names are kept ("Kentucky Workforce Cabinet",
    "Huntsville Memorial Hospital"): they name the place, as the LGL annotators count them.
    """
    if _after_title(doc, mention) or _glued_to_a_name(doc, mention, gazetteer):
        return False
    ent = labels.get(mention.tok_start)
    if ent is not None and ent.label_ in VETO_LABELS:
        inside_bigger = ent.end - ent.start > mention.tok_end - mention.tok_start
        # NER often calls foreign towns people: "near Maarrat al-Numan" stays a place
        if inside_bigger or not (_strong(mention, gazetteer) or _after_locative(doc, mention)):
            return False
    if mention.source == "demonym":
        return ent is None or ent.label_ in {"NORP", "GPE", "ORG"}
    if mention.text in gazetteer.stopnames:
        return False
    if _landform_tail(doc, mention):
        return False  # "Swat Valley", "Danube Delta", "Ilocos Sur": not the town "Valley"
    if ent is not None and _tail_of_entity(doc, mention, ent) and not _strong(mention, gazetteer):
        return False  # "Main Street", "Lake Erie": the town "Street" is not meant
    if mention.ner in PLACE_LABELS or (ent is not None and ent.label_ in PLACE_LABELS):
        return True
    if mention.source == "gazetteer" and not _plausible_unlabelled(doc, mention, gazetteer, ent):
        return False
    single = mention.tok_end - mention.tok_start == 1
    first = doc[mention.tok_start]
    if single and first.is_sent_start and first.pos_ in FUNCTION_POS and not first.is_upper:
        return False  # "Reading the report, ..." at the start of a sentence
    # acronyms ("AP", "IT", "MD") only when they name a country or a division
    return not (first.text.isupper() and len(first.text) <= 3) or _strong(mention, gazetteer)


def _landform_tail(doc: Doc, mention: Mention) -> bool:
    """A landform word ending a longer capitalised name: the name is of a valley, a delta or a
    province the gazetteer does not know, never of the town or the Nigerian state called
    "Delta" or "Plateau"."""
    i = mention.tok_start
    if mention.tok_end - i != 1 or i == 0 or doc[i].is_sent_start:
        return False
    if name_key(mention.text) not in LANDFORM_WORDS:
        return False
    before = doc[i - 1]
    # "The Delta" at a sentence start is the delta itself
    return (
        _is_capitalised(before)
        and before.is_alpha
        and not before.is_stop
        and bool(before.whitespace_)
    )


def _after_title(doc: Doc, mention: Mention) -> bool:
    """ "Sir Menzies", "Mr Kennedy", "Hurricane Katrina", "Gen. Victor": a name after a title."""
    i = mention.tok_start - 1
    if i >= 0 and doc[i].text == ".":
        i -= 1
    return i >= 0 and name_key(doc[i].text) in NAME_TITLES


def _glued_to_a_name(doc: Doc, mention: Mention, gazetteer: Gazetteer) -> bool:
    """A small place's name glued by a hyphen to a capitalised word that is not a place: "Al" of
    "Al-Shabaab". A place stays one before a lower-case word ("Kentucky-based"), another place
    ("Syria-Turkey border"), or when it is big ("Athens-Clarke"); "D-Charleston" (a party
    before the name) is not touched."""
    hyphen = mention.tok_end
    if hyphen + 1 >= len(doc) or doc[hyphen].text not in {"-", "‐"} or _strong(mention, gazetteer):
        return False
    word = doc[hyphen + 1]
    glued = not doc[hyphen - 1].whitespace_ and not doc[hyphen].whitespace_
    if not glued or not _is_capitalised(word) or word.is_upper:
        return False  # "Watertown-ML": a team's suffix
    return not gazetteer.has_key(name_key(word.text)) and gazetteer.demonym(word.text) is None


def _heads_a_longer_name(doc: Doc, mention: Mention, gazetteer: Gazetteer) -> bool:
    """A small place's name followed by another capitalised word that is not a place word:
    "Liberal Democrats", "Woodhill Prison", "Victor Yushchenko", "Die Welt". Big places and
    divisions keep their reading ("Kentucky Workforce Cabinet"), as do a town's own institutions
    ("Pineville Police Department")."""
    if mention.source != "gazetteer":
        return False
    single = mention.tok_end - mention.tok_start == 1
    if not single or _strong(mention, gazetteer) or mention.tok_end >= len(doc):
        return False
    after = doc[mention.tok_end]
    last = doc[mention.tok_end - 1]
    if not last.whitespace_ or after.is_sent_start or not after.is_alpha:
        return False
    if not _is_capitalised(after) or after.is_upper and len(after.text) > 1 or after.is_stop:
        return False
    if after.ent_type_ in {"DATE", "TIME"}:
        return False  # "off Steveston March 16"
    if _headline_case(doc[mention.tok_start].sent):
        return False
    return name_key(after.text) not in PLACE_HEADS and gazetteer.demonym(after.text) is None


def _tail_of_entity(doc: Doc, mention: Mention, ent: Span) -> bool:
    """The last word of a longer entity, not after "of": "Main Street", "City Hall", but not
    "University of Kentucky" nor "Dublin City Council"."""
    if ent.start == mention.tok_start or mention.tok_start == 0 or mention.tok_end != ent.end:
        return False
    if ent.label_ in {"GPE", "LOC"}:
        return False  # "North Charleston", "Southwest Georgia"
    return doc[mention.tok_start - 1].lower_ not in {"of", "the"}


def _division(mention: Mention, gazetteer: Gazetteer) -> bool:
    """A main-name reading that is a country or a first-level division."""
    return any(
        not code & 1 and gazetteer.entry(code >> 1).feature in {"country", "admin1"}
        for code in mention.codes
    )


def _plausible_unlabelled(
    doc: Doc, mention: Mention, gazetteer: Gazetteer, ent: Span | None
) -> bool:
    """A gazetteer match that NER does not call a place needs support: a locative word before
    it, a qualifier after it, or a main-name reading that is big, multi-word, or that starts an
    organisation's name ("Dublin City Council", "University of Kentucky"). Tiny villages called
    "Council", "Green" or "We" are not read into every article."""
    if _after_locative(doc, mention) or _qualified(doc, mention) or _dateline(doc, mention):
        return True
    if all(code & 1 for code in mention.codes):
        return False  # known only by an alternate name
    if _strong(mention, gazetteer):
        return True
    if ent is None and _tail_of_a_longer_name(doc, mention):
        return False  # "Kasai Occidental", "Danube Delta": not the town "Occidental"
    if mention.tok_end - mention.tok_start > 1:
        return True
    first = doc[mention.tok_start]
    if first.pos_ == "PROPN" and not first.is_sent_start and _town(mention, gazetteer):
        return True
    if ent is None or ent.label_ not in {"ORG", "FAC", "NORP"}:
        return False
    if ent.end - ent.start <= mention.tok_end - mention.tok_start:
        return False  # the whole name of an organisation ("the Council"), not a place in it
    return ent.start == mention.tok_start or doc[mention.tok_start - 1].lower_ == "of"


def _tail_of_a_longer_name(doc: Doc, mention: Mention) -> bool:
    i = mention.tok_start
    before = doc[i - 1] if i > 0 else None
    after = doc[mention.tok_end] if mention.tok_end < len(doc) else None
    joined_before = (
        before is not None
        and not doc[i].is_sent_start
        and _is_capitalised(before)
        and before.whitespace_ == " "
        and not before.is_punct
        and not _title_case(doc[i].sent)
    )
    joined_after = after is not None and after.text in {"Mountains", "River", "Delta", "Valley"}
    return joined_before or joined_after


def _title_case(sent: Span) -> bool:
    """A headline in title case ("Lawrenceburg To Host Senior Olympics"): capitals say nothing."""
    words = [t for t in sent if t.is_alpha]
    return len(words) > 2 and sum(_is_capitalised(t) for t in words) > 0.6 * len(words)


def _headline_case(sent: Span) -> bool:
    """Common words capitalised too ("Lawrenceburg To Host Senior Olympics"), not just names."""
    common = [t for t in sent[1:] if t.is_alpha and t.pos_ != "PROPN"]
    return not common or sum(_is_capitalised(t) for t in common) > 0.6 * len(common)


def _dateline(doc: Doc, mention: Mention) -> bool:
    """An upper-case name opening a sentence before a dash or comma: "TORRINGTON —"."""
    first = doc[mention.tok_start]
    after = doc[mention.tok_end] if mention.tok_end < len(doc) else None
    return (
        first.is_sent_start
        and first.is_upper
        and after is not None
        and after.text in {"—", "–", "-", "--", ","}
    )


def _town(mention: Mention, gazetteer: Gazetteer) -> bool:
    """A main-name reading that is a town of 10,000 people or more."""
    return any(
        not code & 1 and gazetteer.entry(code >> 1).population >= TOWN_POPULATION
        for code in mention.codes
    )


def _qualified(doc: Doc, mention: Mention) -> bool:
    """Followed by a comma and a capitalised word: "Lanexa, Va."; "Greer, S.C."."""
    i = mention.tok_end
    return i + 1 < len(doc) and doc[i].text == "," and _is_capitalised(doc[i + 1])


def _after_locative(doc: Doc, mention: Mention) -> bool:
    """Right after "in", "near", "from", ... (possibly with "the")."""
    i = mention.tok_start - 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    return i >= 0 and doc[i].lower_ in LOCATIVE_WORDS


def _strong(mention: Mention, gazetteer: Gazetteer) -> bool:
    """A name whose main reading is a country or a division, or that names a city of 100,000+."""
    for code in mention.codes:
        entry = gazetteer.entry(code >> 1)
        if entry.feature in {"country", "admin1", "continent", "region"} and not code & 1:
            return True
        if entry.population >= 100_000:
            return True
    return False
