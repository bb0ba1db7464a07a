"""What `follow` says: a status line kept up to date on a terminal, a line per poll in a log.

2026-12-05T10:15:00Z poll: 5 sources (2 changed, 3 unchanged, 0 failed), 14 new items:
12 articles (1 duplicate), 41 events, 2 rejects (1 to retry); next poll 10:30:00Z
"""

from __future__ import annotations

from datetime import datetime

from rich.console import Console
from rich.live import Live
from rich.text import Text

from eventwire.follow.poll import PollReport


def describe(report: PollReport, next_at: datetime | None) -> str:
    """One line: what a poll did and when the next one starts."""
    line = (
        f"{report.sources} sources ({report.changed} changed, {report.unchanged} unchanged, "
        f"{report.failed} failed), {report.items} new items: {report.articles} articles "
        f"({report.duplicates} duplicates), {report.events} events, {report.rejects} rejects "
        f"({report.retries} to retry)"
    )
    if report.stopped:
        line += "; stopped"
    if next_at is not None:
        line += f"; next poll {_clock(next_at)}"
    return line


def brief(report: PollReport, next_at: datetime | None) -> str:
    """The terminal's status line: the next poll first, so a narrow window still shows it."""
    head = f"next poll {_clock(next_at)} · " if next_at is not None else ""
    return (
        f"{head}last poll {_clock(report.started)}: {report.articles} new articles, "
        f"{report.events} events, {report.rejects} rejects; {report.sources} sources "
        f"({report.unchanged} unchanged, {report.failed} failed)"
    )


def _clock(moment: datetime) -> str:
    return moment.strftime("%H:%M:%SZ")


class StatusPrinter:
    """A live status line on a terminal; else one log line per poll (stderr)."""

    def __init__(self, console: Console) -> None:
        self.console = console
        self._live: Live | None = None
        self._last = "starting"
        if console.is_terminal:
            self._live = Live(Text(self._last), console=console, auto_refresh=False, transient=True)
            self._live.start()

    def poll_done(self, report: PollReport, next_at: datetime | None) -> None:
        if self._live is None:
            line = describe(report, next_at)
            self.console.print(f"{report.started.strftime('%Y-%m-%dT%H:%M:%SZ')} poll: {line}")
            return
        self._last = brief(report, next_at)
        self._show(self._last)

    def waiting(self, next_at: datetime) -> None:
        if self._live is not None and self._last == "starting":
            self._show(f"waiting: the last poll was recent; next poll {_clock(next_at)}")

    def polling(self) -> None:
        if self._live is not None:
            self._show(f"polling · {self._last.split(' · ', 1)[-1]}")

    def _show(self, text: str) -> None:
        assert self._live is not None
        self._live.update(Text(text, overflow="ellipsis", no_wrap=True), refresh=True)

    def close(self) -> None:
        if self._live is not None:
            self._live.stop()
            self.console.print(self._last.split(" · ", 1)[-1], highlight=False)  # stays
