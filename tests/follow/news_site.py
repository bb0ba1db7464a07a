"""News sites served by the tests themselves, on 127.0.0.1 (never a real site).

`NewsSite` is one host (a port of its own) that serves what a test puts at each path: pages,
feeds, sitemaps, robots.txt, with ETags, Last-Modified, gzip or brotli, slow answers, failures
before success. It logs every request (path, headers, time, how many were in flight), so tests
can say what was fetched and how.
"""

from __future__ import annotations

import gzip
import html
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import brotli


@dataclass
class Route:
    body: bytes
    status: int = 200
    content_type: str = "text/html; charset=utf-8"
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering
    fail_first: int = 0  # answer 500 this many times first
    encoding: str | None = None  # "gzip" or "br" when the client accepts it
    chunked: bool = False  # no Content-Length: the size is known only by reading
    location: str | None = None  # a redirect target (with status 301/302)


@dataclass(frozen=True)
class Request:
    path: str
    headers: dict[str, str]
    at: float
    in_flight: int  # requests being answered on this host when this one arrived (itself too)


@dataclass
class NewsSite:
    routes: dict[str, Route] = field(default_factory=dict)
    log: list[Request] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _in_flight: int = 0

    def put(self, path: str, body: bytes | str, **options: object) -> str:
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.routes[path] = Route(data, **options)  # type: ignore[arg-type]
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def paths(self) -> list[str]:
        """The paths requested, in order (robots.txt included)."""
        with self._lock:
            return [r.path for r in self.log]

    def count(self, path: str) -> int:
        return self.paths().count(path)

    def requests_to(self, path: str) -> list[Request]:
        with self._lock:
            return [r for r in self.log if r.path == path]

    def clear_log(self) -> None:
        with self._lock:
            self.log.clear()

    # -- serving ------------------------------------------------------------------------
    def start(self) -> None:
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - the http.server name
                site._answer(self)

            def log_message(self, *args: object) -> None:
                pass

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self.port = self._server.server_address[1]
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _answer(self, handler: BaseHTTPRequestHandler) -> None:
        with self._lock:
            self._in_flight += 1
            headers = {k.lower(): v for k, v in handler.headers.items()}
            self.log.append(Request(handler.path, headers, time.monotonic(), self._in_flight))
            route = self.routes.get(handler.path)
            failing = route is not None and route.fail_first > 0
            if failing:
                route.fail_first -= 1
        try:
            if route is None:
                return _send(handler, 404, b"not found", "text/plain")
            if route.delay:
                time.sleep(route.delay)
            if failing:
                return _send(handler, 500, b"server error", "text/plain")
            if route.location:
                return _send(handler, route.status, b"", "text/plain", {"Location": route.location})
            if route.etag and headers.get("if-none-match") == route.etag:
                return _send(handler, 304, b"", None, {"ETag": route.etag})
            if route.last_modified and headers.get("if-modified-since") == route.last_modified:
                return _send(handler, 304, b"", None, {"Last-Modified": route.last_modified})
            extra = {}
            if route.etag:
                extra["ETag"] = route.etag
            if route.last_modified:
                extra["Last-Modified"] = route.last_modified
            body = route.body
            accepted = headers.get("accept-encoding", "")
            if route.encoding == "gzip" and "gzip" in accepted:
                body, extra["Content-Encoding"] = gzip.compress(body), "gzip"
            elif route.encoding == "br" and "br" in accepted:
                body, extra["Content-Encoding"] = brotli.compress(body), "br"
            _send(handler, route.status, body, route.content_type, extra, route.chunked)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (a timeout, a size cap): nothing to answer
        finally:
            with self._lock:
                self._in_flight -= 1


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)  # a client closing is no error


def _send(
    handler: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    content_type: str | None,
    headers: dict[str, str] | None = None,
    chunked: bool = False,
) -> None:
    handler.send_response(status)
    if content_type:
        handler.send_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    if status == 304:
        handler.end_headers()
        return
    if chunked:
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        for start in range(0, len(body), 16384):
            piece = body[start : start + 16384]
            handler.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
        handler.wfile.write(b"0\r\n\r\n")
        return
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@contextmanager
def news_sites(count: int) -> Iterator[list[NewsSite]]:
    sites = [NewsSite() for _ in range(count)]
    for site in sites:
        site.start()
    try:
        yield sites
    finally:
        for site in sites:
            site.stop()


# -- what the sites serve ----------------------------------------------------------------
def article_page(title: str, text: str, published: str | None) -> str:
    """A news page as a CMS writes one: metadata in the head, the story in <article>."""
    meta = (
        f'<meta property="article:published_time" content="{published}T08:00:00Z">'
        if published
        else ""
    )
    paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>{meta}</head><body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{html.escape(title)}</h1>{paragraphs}</article>"
        f"<footer>Copyright the Test Gazette</footer></body></html>"
    )


@dataclass(frozen=True)
class FeedItem:
    url: str
    title: str = ""
    published: str | None = None  # YYYY-MM-DD


def rss(items: Sequence[FeedItem], title: str = "Test Gazette") -> str:
    entries = []
    for item in items:
        date = ""
        if item.published:
            y, m, d = item.published.split("-")
            months = [
                "Jan",
                "Feb",
                "Mar",
                "Apr",
                "May",
                "Jun",
                "Jul",
                "Aug",
                "Sep",
                "Oct",
                "Nov",
                "Dec",
            ]
            date = f"<pubDate>{int(d):02d} {months[int(m) - 1]} {y} 09:00:00 GMT</pubDate>"
        entries.append(
            f"<item><title>{html.escape(item.title)}</title><link>{html.escape(item.url)}</link>"
            f"<guid>{html.escape(item.url)}</guid>{date}</item>"
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>{title}</title><link>http://127.0.0.1/</link><description>news</description>"
        + "".join(entries)
        + "</channel></rss>"
    )


def atom(items: Sequence[FeedItem]) -> str:
    entries = "".join(
        f"<entry><title>{html.escape(i.title)}</title><link href='{html.escape(i.url)}'/>"
        f"<id>{html.escape(i.url)}</id><updated>{i.published}T09:00:00Z</updated></entry>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom">'
        "<title>Atom Test</title><id>urn:test</id><updated>2024-01-01T00:00:00Z</updated>"
        f"{entries}</feed>"
    )


def news_sitemap(items: Sequence[FeedItem]) -> str:
    urls = "".join(
        f"<url><loc>{html.escape(i.url)}</loc><news:news><news:publication>"
        "<news:name>Test</news:name><news:language>en</news:language></news:publication>"
        + (f"<news:publication_date>{i.published}</news:publication_date>" if i.published else "")
        + f"<news:title>{html.escape(i.title)}</news:title></news:news></url>"
        for i in items
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
        'xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">'
        f"{urls}</urlset>"
    )


def sitemap_index(children: Sequence[tuple[str, str | None]]) -> str:
    entries = "".join(
        f"<sitemap><loc>{html.escape(url)}</loc>"
        + (f"<lastmod>{lastmod}</lastmod>" if lastmod else "")
        + "</sitemap>"
        for url, lastmod in children
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</sitemapindex>'
    )
