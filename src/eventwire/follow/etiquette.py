"""How `follow` behaves towards the sites it reads: the defaults of a good citizen, in one place.

Every request says who sends it (`eventwire/VERSION`, and the contact the user gives, also sent
as `From` when it is an e-mail address), asks for gzip or brotli, waits at most `timeout` s for a
connection or for the next bytes and `max_seconds` s for a whole response, and reads at most
`max_bytes`. One request at a time per host, `min_delay` s apart at least (more if the site's
robots.txt asks for a Crawl-delay, up to `max_crawl_delay`). A request that fails in a way that
may pass (a timeout, a refused connection, 429, 5xx) is tried `attempts` times in all, waiting
`backoff` s, then twice that, ... (or the server's Retry-After, up to `max_retry_after`).
"""

from __future__ import annotations

from dataclasses import dataclass

from eventwire import __version__


@dataclass(frozen=True, slots=True)
class Etiquette:
    contact: str | None = None  # an e-mail address or URL where a site's operator reaches you
    timeout: float = 20.0
    max_seconds: float = 60.0
    max_bytes: int = 5_000_000
    attempts: int = 3
    backoff: float = 2.0
    max_retry_after: float = 120.0
    min_delay: float = 1.0
    max_crawl_delay: float = 30.0
    max_redirects: int = 5
    robots_ttl: float = 24 * 3600.0  # how long a host's robots.txt is trusted before re-reading

    def __post_init__(self) -> None:
        if self.attempts < 1 or self.max_bytes < 1 or self.timeout <= 0:
            raise ValueError("attempts, max_bytes and timeout must be positive")
        if self.min_delay < 0 or self.backoff < 0:
            raise ValueError("min_delay and backoff cannot be negative")

    @property
    def user_agent(self) -> str:
        contact = f"; contact: {self.contact}" if self.contact else ""
        return f"eventwire/{__version__} (news event coder; obeys robots.txt{contact})"

    def headers(self) -> dict[str, str]:
        headers = {"User-Agent": self.user_agent}
        if self.contact and "@" in self.contact and "/" not in self.contact:
            headers["From"] = self.contact  # RFC 9110: the e-mail of the human behind the agent
        return headers
