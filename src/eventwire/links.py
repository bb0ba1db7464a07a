"""Which article URLs are links: http(s) addresses with a host, nothing else.

An article's `url` comes from its input (a JSON field, a feed entry, a POST body) and ends up as
a link in the dashboard and in GDELT's SOURCEURL. `javascript:`, `data:`, `file:` and the like
are never links: readers and the API store None in their place, and what reads a store written
before applies the same rule.
"""

from __future__ import annotations

from urllib.parse import urlsplit

MAX_URL = 2000


def web_link(url: str | None) -> str | None:
    """`url` (stripped) when it is an http or https URL with a host, else None."""
    if not url:
        return None
    url = url.strip()
    if len(url) > MAX_URL or any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:  # a bad IPv6 host "http://[x"
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    return url
