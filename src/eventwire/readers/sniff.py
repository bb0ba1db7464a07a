"""Which reader an input needs, told from its first bytes first and its extension second."""

from __future__ import annotations

import re

from eventwire.readers.inputs import plain_name

HEAD_BYTES = 65536
_FEED = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.IGNORECASE)
_HTML = re.compile(rb"<(?:!doctype\s+html|html|head|body|article|p|div|meta|title)[\s>]", re.I)
_EXTENSIONS = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "jsonl",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
    ".txt": "text",
    ".text": "text",
}

# Extensions that decide the format whatever the content.
_DECISIVE = frozenset((".txt", ".text", ".jsonl", ".ndjson"))


def sniff_format(head: bytes, name: str) -> str | None:
    """The format ("warc", "jsonl", "feed", "html", "text") told by the first (plain) bytes.

    Content wins over the extension (a feed saved as .xml or .html) except for text and JSON
    Lines extensions, which decide: plain text may well begin with "<" or "{", and a JSON Lines
    file's bad first line must be a reject of that line. None: no format we read.
    """
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    extension = _extension(name)
    if extension in _DECISIVE:
        return _EXTENSIONS[extension]
    if stripped.startswith(b"WARC/"):
        return "warc"
    if stripped.startswith(b"{"):
        return "jsonl"
    if stripped.startswith(b"<"):
        if _FEED.search(stripped[:4096]):
            return "feed"
        if _HTML.search(stripped[:4096]) or extension in (".html", ".htm", ".xhtml"):
            return "html"
    by_extension = _EXTENSIONS.get(extension)
    if by_extension:
        return by_extension
    if extension in ("", ".md"):
        return "text"
    return None


def _extension(name: str) -> str:
    base = plain_name(name).rsplit("/", 1)[-1].lower()
    return "." + base.rsplit(".", 1)[1] if "." in base else ""
