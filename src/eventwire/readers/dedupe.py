"""Duplicate articles: the same text (exact) or nearly the same text (near), across runs too.

Exact: a hash of the text normalised to its lower-cased words, so spacing, case and punctuation
do not hide a repeat. Near: MinHash signatures of word shingles (`shingle_words` words each) in a
datasketch LSH index; a candidate the index returns is a duplicate when the estimated Jaccard
similarity of the shingle sets is at least `threshold` (0.9: a wire story re-run with a word or
two changed, not two stories on the same subject). Shingles of 3 words, not the 5 of web-page
dedupe: one changed word alters `shingle_words` shingles, and at 5 a single edit in a short
100-word item already drops the similarity under 0.9.

Shingles are hashed with numpy from per-word CRC32s (a rolling polynomial), so the cost per
article is a regex, one C call per word and a few vectorised array operations.

Memory is bounded: the deduper remembers the last `window` articles (default 20,000, about
3 KB each: 60 MB) and forgets the oldest beyond that, and an ingest primes it with the most recent
`window` articles of the store, not all of them (priming hashes every text again, about 300
articles a second on a busy 2-core machine: a store of a million articles took most of an hour and
3 GB at every start; now at most about a minute and 60 MB). Syndicated copies of a wire story come
out within hours or days, so a copy is found while its original is among the last 20,000 articles
stored; an older repeat is stored and coded as a new article. A repeat from the same outlet with
the same title and text has the same article id and is never stored twice, whatever its age.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

from eventwire.records import Article

_WORD = re.compile(r"\w+")
_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd 64-bit constant: a well-mixing polynomial base
_LOW32 = np.uint64(0xFFFFFFFF)
_SCHEME = "affine32"
DEDUPE_WINDOW = 20_000  # articles remembered (the most recent)
_MAX_WORDS = 1_000_000  # distinct words whose hashes are cached before the cache starts again


def _identity(value: int) -> int:
    return value


class _WordHashes(dict[str, int]):
    """CRC32 of each word, computed once per distinct word (a news vocabulary is small)."""

    def __missing__(self, word: str) -> int:
        if len(self) >= _MAX_WORDS:  # hostile text of endless distinct words: stay bounded
            self.clear()
        value = self[word] = zlib.crc32(word.encode())
        return value


class Deduper:
    """Remembers the articles it has seen and tells which earlier one a new article repeats."""

    def __init__(
        self,
        threshold: float = 0.9,
        shingle_words: int = 3,
        num_perm: int = 128,
        seed: int = 1,
        window: int = DEDUPE_WINDOW,
    ) -> None:
        if not 0.0 < threshold <= 1.0 or shingle_words < 1 or window < 1:
            raise ValueError("threshold must be in (0, 1], shingle_words and window at least 1")
        self.window = window
        self.threshold = threshold
        self.shingle_words = shingle_words
        self.num_perm = num_perm
        self._template = MinHash(num_perm=num_perm, seed=seed, scheme=_SCHEME)
        self._lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self._exact: dict[bytes, str] = {}
        self._keys: dict[str, bytes] = {}  # id -> its exact key, to forget it
        self._signatures: dict[str, np.ndarray] = {}
        self._order: dict[str, int] = {}
        self._word_hashes = _WordHashes()
        self._next = 0  # order of remembering: the earliest candidate wins

    def __len__(self) -> int:
        return len(self._order)

    def check(self, article: Article) -> str | None:
        """The id of the earlier article this one duplicates; else None, and it is remembered."""
        return self.check_text(article.id, article.text)

    def check_text(self, ident: str, text: str) -> str | None:
        words = _WORD.findall(text.casefold())
        if not words:
            return None
        key = _exact_key(words)
        earlier = self._exact.get(key)
        if earlier is not None:
            return earlier
        signature = self._minhash(words)
        near = self._nearest(signature)
        if near is not None:
            return near
        self._remember(ident, key, signature)
        return None

    def seed(self, known: Iterable[tuple[str, str]]) -> None:
        """Prime with stored (id, text) pairs, so a later run finds repeats of earlier runs.

        Repeats among the known pairs are remembered once, under the first id.
        """
        for ident, text in known:
            self.check_text(ident, text)

    def _remember(self, ident: str, key: bytes, signature: MinHash) -> None:
        self._exact[key] = ident
        if ident in self._order:
            return  # the same id with another text: keep the first, LSH keys are unique
        self._order[ident] = self._next
        self._next += 1
        self._keys[ident] = key
        self._signatures[ident] = signature.hashvalues
        self._lsh.insert(ident, signature, check_duplication=False)
        if len(self._order) > self.window:
            self._forget(next(iter(self._order)))

    def _forget(self, ident: str) -> None:
        """Drop the oldest remembered article (dicts keep insertion order)."""
        del self._order[ident]
        del self._signatures[ident]
        self._lsh.remove(ident)
        key = self._keys.pop(ident)
        if self._exact.get(key) == ident:
            del self._exact[key]

    def _nearest(self, signature: MinHash) -> str | None:
        """The earliest remembered article whose estimated Jaccard reaches the threshold."""
        best: str | None = None
        for candidate in self._lsh.query(signature):
            similarity = np.count_nonzero(self._signatures[candidate] == signature.hashvalues)
            if similarity / self.num_perm >= self.threshold and (
                best is None or self._order[candidate] < self._order[best]
            ):
                best = candidate
        return best

    def _minhash(self, words: list[str]) -> MinHash:
        signature = MinHash(
            num_perm=self.num_perm,
            hashfunc=_identity,
            permutations=self._template.permutations,
            scheme=_SCHEME,
        )
        word_hashes = np.array(list(map(self._word_hashes.__getitem__, words)), dtype=np.uint64)
        signature.update_batch(shingle_hashes(word_hashes, self.shingle_words).tolist())
        return signature


def shingle_hashes(word_hashes: np.ndarray, size: int) -> np.ndarray:
    """32-bit hashes of every run of `size` consecutive words (one run if the text is shorter)."""
    size = min(size, len(word_hashes))
    count = len(word_hashes) - size + 1
    acc = np.zeros(count, dtype=np.uint64)
    with np.errstate(over="ignore"):  # wrapping modulo 2**64 is the point
        for offset in range(size):
            acc = acc * _MULTIPLIER + word_hashes[offset : offset + count]
    # Repeated shingles stay: they cannot change a minimum, and sorting them out costs more.
    return (acc ^ (acc >> np.uint64(32))) & _LOW32


def _exact_key(words: list[str]) -> bytes:
    return hashlib.blake2b(" ".join(words).encode(), digest_size=16).digest()
