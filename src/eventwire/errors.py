"""One shape for what goes wrong: reject reasons for bad records, errors for user mistakes.

A bad input record never stops a batch: it becomes a `records.Reject` whose `reason` is a
`RejectReason` code. A mistake the user must fix (a bad option, a missing input, an unreachable
store) raises `EventwireError`; the CLI prints its message and hint and exits non-zero, without a
traceback.
"""

from __future__ import annotations

from enum import StrEnum


class RejectReason(StrEnum):
    """Why a record was rejected; each code carries a one-line hint on how to fix the input."""

    hint: str

    def __new__(cls, code: str, hint: str) -> RejectReason:
        member = str.__new__(cls, code)
        member._value_ = code
        member.hint = hint
        return member

    UNDECODABLE = (
        "UNDECODABLE",
        "the bytes are not text in a known encoding: save the file as UTF-8",
    )
    EMPTY_TEXT = ("EMPTY_TEXT", "the record has no body text to code")
    NO_DATE = (
        "NO_DATE",
        "the article has no publication date: give one with --published YYYY-MM-DD",
    )
    BAD_DATE = (
        "BAD_DATE",
        "the date names no single day (unreadable, ambiguous, incomplete): write it YYYY-MM-DD",
    )
    MALFORMED = (
        "MALFORMED",
        "the record is not well formed for its format (JSON, XML, WARC): fix or drop the record",
    )
    OVERSIZED = (
        "OVERSIZED",
        "the record is larger than a size limit (--max-bytes, or 1,000,000 characters of text"
        " per article): split it, or raise --max-bytes",
    )
    UNSUPPORTED = (
        "UNSUPPORTED",
        "the input is of no format eventwire reads (text, JSON Lines, HTML, RSS/Atom, WARC)",
    )
    NOT_FOUND = ("NOT_FOUND", "no file matches this input: check the path or the glob")
    NOT_A_FILE = (
        "NOT_A_FILE",
        "the input is a named pipe, socket or device, not a regular file: save it to a file,"
        " or pipe it to standard input (-)",
    )
    TOO_MANY_REJECTS = (
        "TOO_MANY_REJECTS",
        "the file has more bad records than are kept: the first ones kept say what to fix",
    )
    IO_ERROR = (
        "IO_ERROR",
        "the input could not be read to its end (truncated, corrupt compression, no permission)",
    )
    HTTP_ERROR = (
        "HTTP_ERROR",
        "the server answered with an error (4xx, or 5xx after retries): check the URL or retry",
    )
    TIMEOUT = (
        "TIMEOUT",
        "the server did not answer in time (after retries): it may be slow or down; retried later",
    )
    DISALLOWED = (
        "DISALLOWED",
        "the site's robots.txt does not let crawlers fetch this URL: it is left alone",
    )
    DUPLICATE = (
        "DUPLICATE",
        "the article repeats one already read or stored (same or nearly the same text)",
    )
    INTERNAL = (
        "INTERNAL",
        "eventwire failed on this record: a bug, please report it with the record",
    )


class EventwireError(Exception):
    """A user mistake reported as a clear message with a code and a hint, never a traceback."""

    def __init__(self, message: str, *, code: str = "ERROR", hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.code = code
        self.hint = hint

    def __str__(self) -> str:
        text = f"{self.code}: {self.message}"
        return f"{text} ({self.hint})" if self.hint else text

    @classmethod
    def from_reason(cls, reason: RejectReason, message: str) -> EventwireError:
        """An error for a reject reason raised where a single input must not fail silently."""
        return cls(message, code=reason.value, hint=reason.hint)
