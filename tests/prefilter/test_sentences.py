"""The cheap sentence split, what is kept around a candidate, and the masked Doc."""

from __future__ import annotations

from eventwire.prefilter import (
    TriggerWords,
    kept_sentences,
    masked_text,
    paragraph_numbers,
    prefiltered_doc,
    sentence_spans,
)


def _split(text: str, words: TriggerWords) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, words.abbreviations)]


def test_split_at_stops_before_a_capital(words: TriggerWords) -> None:
    text = 'The talks ended. "We agreed," he said! Was it enough? 2005 was calm.'
    assert _split(text, words) == [
        "The talks ended.",
        '"We agreed," he said!',
        "Was it enough?",
        "2005 was calm.",
    ]


def test_no_split_after_titles_initials_or_before_lower_case(words: TriggerWords) -> None:
    text = "Mr. Smith met Gen. Jones and J.R. Hart in the U.S. on Friday. it was 3.5 p.c. higher"
    assert _split(text, words) == [
        "Mr. Smith met Gen. Jones and J.R. Hart in the U.S. on Friday. it was 3.5 p.c. higher"
    ]


def test_a_blank_line_alone_ends_no_sentence(words: TriggerWords) -> None:
    """The parser runs the lines of a table into one sentence; so does the split."""
    text = "Shr 34 cts vs 1.19 dlrs\n\nNet 807,000 vs 2,858,000\n\nIt rose. It fell."
    assert _split(text, words) == [
        "Shr 34 cts vs 1.19 dlrs\n\nNet 807,000 vs 2,858,000\n\nIt rose.",
        "It fell.",
    ]


def test_kept_sentences(words: TriggerWords) -> None:
    sentences = [
        "LONDON, May 3 - The weather was mild.",  # first: always kept
        "Prices were stable.",  # nothing
        "The minister was in Paris.",  # before a candidate: kept
        "She condemned the attack.",  # candidate
        "The markets were calm.",  # nothing
        "Trading was thin.",  # nothing
    ]
    assert kept_sentences(sentences, words) == [True, False, True, True, False, False]
    assert kept_sentences(sentences, words, before=2)[1] is True


def test_the_paragraph_and_the_one_before_are_kept(words: TriggerWords) -> None:
    """Actor coreference looks back through the paragraph and the one before it."""
    text = (
        "LONDON - Markets were calm.\n\nThe ministry met the press. Prices were stable.\n\n"
        "Trading was thin. The weather was mild.\n\nThe union was unhappy. Pay was low. "
        "It called a strike."
    )
    spans = sentence_spans(text, words.abbreviations)
    paragraphs = paragraph_numbers(text, spans)
    assert paragraphs == [0, 1, 1, 2, 2, 3, 3, 3]
    keep = kept_sentences([text[s:e] for s, e in spans], words, 1, paragraphs)
    assert keep == [True, True, False, True, True, True, True, True]


def test_a_sign_off_is_never_masked(words: TriggerWords) -> None:
    """The parser may run "REUTER" into the sentence before it: a mask would cut it off."""
    sentences = ["Rebels attacked a base.", "Prices were stable.", "Trading was thin.", "REUTER"]
    assert kept_sentences(sentences, words) == [True, False, False, True]


def test_the_attribution_after_a_candidate_is_kept(words: TriggerWords) -> None:
    sentences = [
        "The weather was mild.",
        '"We will never surrender to them."',  # candidate
        "Prices were stable, the analyst said.",  # says who said it: kept
        "Trading was thin, the analyst said.",  # after a sentence that holds nothing
    ]
    assert kept_sentences(sentences, words) == [True, True, True, False]


def test_masked_text_keeps_length_offsets_and_line_breaks() -> None:
    text = "Rebels attacked.\nPrices rose\nsharply. Police arrested two men."
    spans = [(0, 16), (17, 37), (38, len(text))]
    masked = masked_text(text, spans, [True, False, True])
    assert len(masked) == len(text)
    assert masked[:16] == text[:16] and masked[38:] == text[38:]
    assert masked[17:37] == "." + " " * 10 + "\n" + " " * 8  # "Prices rose\nsharply."


def test_prefiltered_doc_counts_each_masked_sentence_once(nlp, words: TriggerWords) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Rebels attacked a base on Monday. Prices were stable.\n\nTrading was thin. The weather "
        "was mild.\n\nShops were busy.\n\nThe army arrested two men. The sky was grey."
    )
    doc = nlp(prefiltered_doc(nlp, text, words))
    full = nlp(text)
    assert len(doc.text) == len(text)
    assert "Prices" not in doc.text and "weather" not in doc.text and "arrested" in doc.text
    assert len(list(doc.sents)) == len(list(full.sents)) == 7
    kept = [s.text.strip() for s in doc.sents if s.text.strip() != "."]
    assert kept == [
        "Rebels attacked a base on Monday.",
        "Shops were busy.",
        "The army arrested two men.",
    ]


def test_nothing_to_mask_gives_the_text_itself(nlp, words: TriggerWords) -> None:  # type: ignore[no-untyped-def]
    text = "Rebels attacked a base. Police arrested two men."
    assert prefiltered_doc(nlp, text, words).text == text
