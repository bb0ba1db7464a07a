"""The sources a `follow` watches: feed or sitemap URLs, given as such or listed in text files.

A file lists one URL a line; blank lines and `#` comments (whole-line or after the URL) are
skipped. Duplicates (after normalisation) are kept once, in the order first given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from eventwire.errors import EventwireError
from eventwire.follow.urls import is_web_url, normalise_url

_COMMENT = re.compile(r"\s#")  # a comment after a URL: a URL's own fragment has no space before


def expand_sources(arguments: Sequence[str]) -> list[str]:
    """The source URLs of the command's SOURCE arguments; a user error if there are none."""
    found: dict[str, None] = {}
    for argument in arguments:
        for url in [argument] if is_web_url(argument) else _listed(argument):
            found.setdefault(normalise_url(url), None)
    if not found:
        raise EventwireError("no source to follow", code="BAD_SOURCE", hint="give feed URLs")
    return list(found)


def _listed(name: str) -> list[str]:
    path = Path(name)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise EventwireError(
            f"{name} is neither a feed URL nor a readable file of URLs: {error.strerror}",
            code="BAD_SOURCE",
            hint="give http(s):// URLs or a text file listing them",
        ) from None
    urls = []
    for number, line in enumerate(lines, start=1):
        text = "" if line.lstrip().startswith("#") else _COMMENT.split(line, 1)[0].strip()
        if not text:
            continue
        if not is_web_url(text):
            raise EventwireError(
                f"{name} line {number}: {text!r} is not an http(s) URL", code="BAD_SOURCE"
            )
        urls.append(text)
    return urls
