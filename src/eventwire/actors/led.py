"""The "<country>-led coalition" rule: "the Saudi-led coalition", "a U.S.-led coalition", "the
French-led mission", "NATO-led forces".

Why MIL: a coalition, force, alliance or mission "led" by a state is an armed operation abroad whose
command that state holds; news reports its strikes and truces as that state's doing, and CAMEO codes
a state's forces operating abroad as <country>MIL. So the phrase is the leading country with agent
MIL (an organisation that leads keeps its own code: NATO-led forces are NATO). Other led nouns
("Saudi-led talks") name no armed body: the leader is then the owner, coded as the state.
"""

from __future__ import annotations

from spacy.tokens import Doc

# nouns that name the armed body a country leads (singular and plural)
LED_NOUNS = frozenset(
    {
        "coalition",
        "coalitions",
        "force",
        "forces",
        "alliance",
        "alliances",
        "mission",
        "missions",
        "troops",
        "military",
        "contingent",
        "peacekeepers",
    }
)
DASHES = frozenset({"-", "–", "‐"})
# words that may stand between "-led" and the noun: "the Saudi-led Arab coalition"
MAX_GAP = 3


def led_prefix(token_text: str) -> str | None:
    """The leader written before "-led" in one token ("U.S.-led" -> "U.S."), else None."""
    for dash in DASHES:
        tail = dash + "led"
        if token_text.lower().endswith(tail) and len(token_text) > len(tail):
            return token_text[: -len(tail)]
    return None


def led_after(doc: Doc, end: int, joined: bool) -> int | None:
    """The token index right after "-led": `joined` when "-led" ended the leader's own token
    ("U.S.-led"); else "-" "led" must follow token `end`. None when no "-led" is there."""
    if joined:
        return end
    if end + 1 < len(doc) and doc[end].text in DASHES and doc[end + 1].lower_ == "led":
        return end + 2
    return None


def led_noun_end(doc: Doc, start: int) -> int | None:
    """The index after a led noun at `start`, across a few adjectives or names ("Saudi-led Arab
    coalition", "U.S.-led international coalition"); None when the led thing is no armed body."""
    i = start
    while i < len(doc) and i - start <= MAX_GAP:
        tok = doc[i]
        if tok.lower_ in LED_NOUNS:
            return i + 1
        if tok.pos_ in {"ADJ", "PROPN"} or tok.dep_ in {"amod", "compound"}:
            i += 1
            continue
        return None
    return None
