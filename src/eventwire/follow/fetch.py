"""HTTP as a good citizen (etiquette.py): pacing per host, robots.txt, retries, a size cap.

`Fetcher.get(url)` gives a `Page` (200, or 304 when the validators it was given still hold) or a
`FetchFailure` with the reject reason and whether trying again later may help. Redirects are
followed here, hop by hop, so every hop is paced and checked against its own host's robots.txt.
"""

from __future__ import annotations

import email.utils
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import urljoin

import httpx

from eventwire.errors import RejectReason
from eventwire.follow.etiquette import Etiquette
from eventwire.follow.robots import RobotsAnswer, RobotsCache
from eventwire.follow.urls import host_of

ROBOTS_MAX_BYTES = 500_000  # Google reads the first 500 KiB of a robots.txt
_REDIRECTS = {301, 302, 303, 307, 308}


@dataclass(frozen=True, slots=True)
class Page:
    url: str  # after redirects
    status: int  # 200, or 304 (not modified: no body)
    body: bytes
    content_type: str  # "text/html", without parameters, lower case
    charset: str | None
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True, slots=True)
class FetchFailure:
    url: str
    reason: RejectReason
    message: str
    transient: bool  # a later poll may succeed (timeouts, 5xx): try again then


class HostGate:
    """One request at a time per host, and at least `delay` seconds between two of them."""

    def __init__(self) -> None:
        self._locks: defaultdict[str, threading.Lock] = defaultdict(threading.Lock)
        self._last: dict[str, float] = {}
        self._guard = threading.Lock()

    @contextmanager
    def turn(self, host: str, delay: float) -> Iterator[None]:
        with self._guard:
            lock = self._locks[host]
        with lock:
            wait = self._last.get(host, -delay) + delay - time.monotonic()
            if wait > 0:
                time.sleep(wait)
            try:
                yield
            finally:
                self._last[host] = time.monotonic()


class _Failed(Exception):
    def __init__(self, failure: FetchFailure, retry_after: float | None = None) -> None:
        super().__init__(failure.message)
        self.failure = failure
        self.retry_after = retry_after


class Fetcher:
    """The one HTTP client of a `follow` run (thread-safe); close it when done."""

    def __init__(self, etiquette: Etiquette, transport: httpx.BaseTransport | None = None) -> None:
        self.etiquette = etiquette
        self._client = httpx.Client(
            headers=etiquette.headers(),
            timeout=httpx.Timeout(etiquette.timeout),
            follow_redirects=False,
            transport=transport,
        )
        self._gate = HostGate()
        self.robots = RobotsCache(self._robots_txt, etiquette.robots_ttl)

    def get(
        self, url: str, *, etag: str | None = None, last_modified: str | None = None
    ) -> Page | FetchFailure:
        """The resource at `url` (conditional when a validator is given), retried as the
        etiquette says when the failure may pass."""
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        failure: _Failed | None = None
        for attempt in range(self.etiquette.attempts):
            if failure is not None:
                time.sleep(self._pause(attempt, failure.retry_after))
            try:
                return self._follow(url, headers)
            except _Failed as failed:
                if not failed.failure.transient:
                    return failed.failure
                failure = failed
        assert failure is not None
        return failure.failure

    def close(self) -> None:
        self._client.close()

    def _pause(self, attempt: int, retry_after: float | None) -> float:
        if retry_after is not None:
            return min(retry_after, self.etiquette.max_retry_after)
        return self.etiquette.backoff * 2 ** (attempt - 1)

    def _follow(self, url: str, headers: dict[str, str]) -> Page:
        for _ in range(self.etiquette.max_redirects + 1):
            host = host_of(url)
            if not self.robots.allowed(host, url):
                raise _Failed(
                    FetchFailure(url, RejectReason.DISALLOWED, "robots.txt disallows it", False)
                )
            delay = max(
                self.etiquette.min_delay,
                min(self.robots.crawl_delay(host), self.etiquette.max_crawl_delay),
            )
            with self._gate.turn(host, delay):
                page, location = self._once(url, headers)
            if page is not None:
                return page
            url = location
        raise _Failed(
            FetchFailure(url, RejectReason.HTTP_ERROR, "too many redirects", transient=False)
        )

    def _once(self, url: str, headers: dict[str, str]) -> tuple[Page | None, str]:
        """One request: the page, or (None, where a redirect points)."""
        started = time.monotonic()
        try:
            with self._client.stream("GET", url, headers=headers) as response:
                if response.status_code in _REDIRECTS and "location" in response.headers:
                    return None, urljoin(url, response.headers["location"])
                _check_status(url, response)
                body = self._read(url, response, started)
                return _page(url, response, body), url
        except httpx.TimeoutException as error:
            raise _Failed(_timeout(url, error)) from None
        except httpx.TransportError as error:  # refused, reset, DNS, TLS, bad encoding
            message = f"cannot fetch: {type(error).__name__}: {error}"
            raise _Failed(FetchFailure(url, RejectReason.IO_ERROR, message, True)) from None

    def _read(self, url: str, response: httpx.Response, started: float) -> bytes:
        limit = self.etiquette.max_bytes
        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > limit:
            raise _Failed(_too_big(url, limit))
        chunks: list[bytes] = []
        size = 0
        for chunk in response.iter_bytes():  # decoded (gzip, br): the cap bounds what we hold
            size += len(chunk)
            if size > limit:
                raise _Failed(_too_big(url, limit))
            if time.monotonic() - started > self.etiquette.max_seconds:
                raise _Failed(_timeout(url, f"no whole answer in {self.etiquette.max_seconds} s"))
            chunks.append(chunk)
        return b"".join(chunks)

    def _robots_txt(self, host: str) -> RobotsAnswer:
        """Fetch a host's robots.txt (paced like any request, not retried: its failure rules
        are robots.py's)."""
        url = f"{host}/robots.txt"
        with self._gate.turn(host, self.etiquette.min_delay):
            try:
                with self._client.stream("GET", url) as response:
                    if response.status_code >= 300:
                        # a redirect to the homepage or a login page holds no rules
                        status = 404 if response.status_code < 500 else response.status_code
                        return RobotsAnswer(status, "")
                    data = bytearray()
                    for chunk in response.iter_bytes():
                        data += chunk
                        if len(data) >= ROBOTS_MAX_BYTES:
                            break
                    return RobotsAnswer(response.status_code, data.decode("utf-8", "replace"))
            except httpx.HTTPError:
                return RobotsAnswer(0, "")


def _check_status(url: str, response: httpx.Response) -> None:
    status = response.status_code
    if status in (200, 203, 304):
        return
    transient = status == 429 or status >= 500
    retry_after = _retry_after(response.headers.get("retry-after")) if transient else None
    message = f"HTTP {status} {response.reason_phrase}".rstrip()
    raise _Failed(FetchFailure(url, RejectReason.HTTP_ERROR, message, transient), retry_after)


def _page(url: str, response: httpx.Response, body: bytes) -> Page:
    content_type, _, params = response.headers.get("content-type", "").partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.strip().partition("=")
        if key.lower() == "charset" and value:
            charset = value.strip("\"'")
    return Page(
        url=url,
        status=response.status_code,
        body=body,
        content_type=content_type.strip().lower(),
        charset=charset,
        etag=response.headers.get("etag"),
        last_modified=response.headers.get("last-modified"),
    )


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (a number, or an HTTP date)."""
    if not value:
        return None
    if value.strip().isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def _timeout(url: str, error: object) -> FetchFailure:
    return FetchFailure(url, RejectReason.TIMEOUT, f"timed out: {error}", transient=True)


def _too_big(url: str, limit: int) -> FetchFailure:
    return FetchFailure(url, RejectReason.OVERSIZED, f"larger than {limit} bytes", False)
