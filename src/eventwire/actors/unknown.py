"""Named people and organisations the dictionaries do not know, found by the entity recogniser
and coded UNK."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from spacy.tokens import Doc, Token

from eventwire.actors.context import is_credit, is_dateline
from eventwire.records import UNKNOWN_CODE, Actor
from eventwire.spans import Spans

UNKNOWN_KINDS = {"PERSON": "person", "ORG": "organisation"}


def unknown_named_actors(
    doc: Doc,
    known: list[Actor],
    no_code: Sequence[tuple[int, int]] = (),
    dictionary_words: Collection[int] = (),
) -> list[Actor]:
    """Named people and organisations the dictionaries do not know, coded UNK: the event they
    take part in is kept (the text says who), but it counts under no country. A name that
    overlaps a known actor is not repeated."""
    spans = [*((a.start, a.end) for a in known), *no_code]  # no_code: `[---]` phrases
    taken = Spans(spans)
    found = []
    for ent in doc.ents:
        kind = UNKNOWN_KINDS.get(ent.label_)
        if kind is None or not ent.text[:1].isupper():
            continue
        if kind == "organisation" and len(ent) < 2 and not ent.text.isupper():
            # NER calls many one-word places organisations; longer names and acronyms it gets right
            continue
        if kind == "organisation" and all(t.i in dictionary_words for t in ent):
            # "Federal Reserve Board chairman Paul Volcker", "White House chief of staff Donald
            # Regan": a body the dictionary read (here as the owner of a post) is no unknown name
            continue
        text = ent.text
        if (text.isupper() and is_dateline(doc, ent.start, ent.end)) or (
            ent.start > 1 and doc[ent.start - 1].text == "(" and is_credit(doc, ent.start, ent.end)
        ):
            continue  # "KABUL (Pajhwok):" says where and who reported, not who acted
        if is_photo_credit(doc, ent.start, ent.end):
            continue  # "REUTERS/Jane Doe/File Photo": who took the picture
        lo, hi = ent.start_char, ent.end_char
        if taken.overlaps(lo, hi):
            continue
        found.append(unknown_actor(text, lo, hi, kind))
    taken = Spans([*spans, *((a.start, a.end) for a in found)])
    return found + lone_names(doc, taken, dictionary_words)


# where a one-word name is a party to what the verb says, by the label the recogniser gave it:
# a subject it calls an organisation is as often a surname ("Dehghan refused"); an object it
# calls one is as often a place ("shelled Zarqitah"), so an object needs no label at all
# ("accused Gulen")
LONE_LABELS = {
    "nsubj": frozenset({"", "ORG"}),
    "nsubjpass": frozenset({""}),
    "dobj": frozenset({""}),
}


def lone_names(doc: Doc, taken: Spans, dictionary_words: Collection[int] = ()) -> list[Actor]:
    """One-word names the recogniser missed or took for an organisation or place, standing as
    the subject or object of a verb ("Erdogan accused Gulen", "Lagumdzija suspended aid"):
    coded UNK, so the event keeps its side. Not a word of the dictionary ("Ministers"), and at
    the start of a sentence only when the recogniser saw a name there ("Budget" is a word)."""
    found = []
    for tok in doc:
        if tok.i in dictionary_words or not _lone_name(tok):
            continue
        if tok.is_sent_start and not tok.ent_type_:
            continue
        lo, hi = tok.idx, tok.idx + len(tok.text)
        if not taken.overlaps(lo, hi):
            found.append(unknown_actor(tok.text, lo, hi, "person"))
    return found


def _lone_name(tok: Token) -> bool:
    doc = tok.doc
    return (
        tok.pos_ == "PROPN"
        and tok.ent_type_ in LONE_LABELS.get(tok.dep_, ())
        and tok.is_alpha
        and tok.tag_ != "NNPS"
        and tok.text[:1].isupper()
        and not tok.text.isupper()
        and len(tok.text) >= 3
        and not any(c.dep_ in {"compound", "det", "amod"} for c in tok.children)
        and not (tok.i + 1 < len(doc) and doc[tok.i + 1].pos_ == "PROPN")
        and not (tok.i > 0 and doc[tok.i - 1].pos_ == "PROPN")
    )


def is_photo_credit(doc: Doc, start: int, end: int) -> bool:
    """A name in a picture credit, joined by slashes to the agency or "File Photo"."""
    before = start > 0 and doc[start - 1].text == "/" and not doc[start - 1].whitespace_
    return before or any(t.text == "/" for t in doc[start:end])


def unknown_actor(text: str, start: int, end: int, kind: str) -> Actor:
    """A name no dictionary knows: code UNK, no country, the name as written."""
    return Actor(text, start, end, UNKNOWN_CODE, None, None, text, None, kind)
