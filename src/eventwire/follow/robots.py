"""robots.txt, read once per host and kept `robots_ttl` seconds, with the standard library's parser.

What an answer means (as the major crawlers read it): 2xx, the rules it holds; 4xx (no file),
everything allowed; 5xx or no answer, nothing allowed until the next try (a few minutes later),
since a site in trouble is not one to crawl. A Crawl-delay for our agent (or `*`) slows the host's
queue down to it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.robotparser import RobotFileParser

RETRY_UNREACHABLE = 300.0  # seconds before asking an unreachable host for robots.txt again
AGENT = "eventwire"  # the product token robots.txt groups are matched against


@dataclass(frozen=True, slots=True)
class RobotsAnswer:
    """What fetching /robots.txt gave: a status (0: no answer) and the text."""

    status: int
    text: str


@dataclass(slots=True)
class _Rules:
    parser: RobotFileParser | None  # None: allow all
    allow_nothing: bool
    crawl_delay: float
    expires: float


class RobotsCache:
    """Whether a URL may be fetched, per host; `load(host)` fetches a host's robots.txt."""

    def __init__(self, load: Callable[[str], RobotsAnswer], ttl: float) -> None:
        self._load = load
        self._ttl = ttl
        self._rules: dict[str, _Rules] = {}
        self._lock = threading.Lock()

    def allowed(self, host: str, url: str) -> bool:
        rules = self._for(host)
        if rules.allow_nothing:
            return False
        return rules.parser is None or rules.parser.can_fetch(AGENT, url)

    def crawl_delay(self, host: str) -> float:
        return self._for(host).crawl_delay

    def _for(self, host: str) -> _Rules:
        with self._lock:
            rules = self._rules.get(host)
        if rules is not None and rules.expires > time.monotonic():
            return rules
        rules = self._read(host)
        with self._lock:
            self._rules[host] = rules
        return rules

    def _read(self, host: str) -> _Rules:
        answer = self._load(host)
        now = time.monotonic()
        if answer.status == 0 or answer.status >= 500:
            return _Rules(None, True, 0.0, now + RETRY_UNREACHABLE)
        if answer.status >= 400:
            return _Rules(None, False, 0.0, now + self._ttl)
        parser = RobotFileParser()
        parser.parse(answer.text.splitlines())
        delay = parser.crawl_delay(AGENT)
        return _Rules(parser, False, float(delay or 0.0), now + self._ttl)
