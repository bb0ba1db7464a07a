"""URLs as `follow` knows them: one spelling per page, so a page is fetched once.

Normalised with courlan (trafilatura's URL library): scheme and host lower-cased, the scheme's
default port dropped, the path's `..` resolved, query parameters sorted and tracking ones
(utm_*, fbclid, gclid, ref, campaign, ...) removed. The fragment is dropped too: `#comments` is
the same page.
"""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

from courlan import normalize_url as _courlan_normalize


def normalise_url(url: str) -> str:
    """The one spelling of `url` that `follow` stores and checks (see the module docstring)."""
    url = url.strip()
    try:
        clean = _courlan_normalize(url)
    except ValueError:  # a URL courlan cannot parse: keep it, only lower-case what is safe
        parts = urlsplit(url)
        clean = urlunsplit(
            (parts.scheme.lower(), parts.netloc.lower(), parts.path, parts.query, "")
        )
    parts = urlsplit(clean)
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def host_of(url: str) -> str:
    """The politeness key of a URL: scheme, host and port (one server, one queue)."""
    parts = urlsplit(url)
    return f"{parts.scheme.lower()}://{parts.netloc.lower()}"


def is_web_url(text: str) -> bool:
    return text.strip().lower().startswith(("http://", "https://"))
