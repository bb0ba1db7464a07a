"""Plain text out of small HTML fragments (feed summaries), keeping paragraph breaks.

Whole pages go through trafilatura (readers/html.py); a feed's summary is a fragment where
boilerplate removal has nothing to remove and would drop short texts.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_BLOCKS = frozenset(
    ("p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "tr")
    + ("blockquote", "table", "section", "article", "header", "footer")
)
_SKIPPED = frozenset(("script", "style", "template", "noscript"))
_SPACES = re.compile(r"[ \t\r\f\v]+")
# Lines are stripped first, so a paragraph break is a plain run of newlines; a pattern that
# starts with \s* would backtrack over every long run of other spaces (quadratic time).
_BREAKS = re.compile(r"\n{2,}")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def strip_html(fragment: str) -> str:
    """The text of an HTML fragment: tags removed, entities decoded, one blank line per block."""
    if "<" not in fragment:
        return html.unescape(fragment).strip()
    collector = _TextCollector()
    collector.feed(fragment)
    collector.close()
    text = _SPACES.sub(" ", "".join(collector.parts))
    text = "\n".join(line.strip() for line in text.split("\n"))
    return _BREAKS.sub("\n\n", text).strip()
