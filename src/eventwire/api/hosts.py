"""A Host header allow-list: a server on loopback answers only to its own names.

A page on any web site can make a browser send requests to 127.0.0.1 under a domain name the
attacker controls (DNS rebinding); the request then carries that name as its Host. A server
bound to loopback answers only requests addressed to localhost, 127.0.0.1 or ::1 (any port), plus
the names it is given (`serve --allow-host`); others get a 400. A server bound to another address
is reached under names we cannot know, so it checks nothing unless given names.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable

from starlette.types import ASGIApp, Receive, Scope, Send

from eventwire.api.errors import error_response

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")


def is_loopback(host: str) -> bool:
    """True for an address (or the name localhost) only this machine can reach."""
    if host.strip("[]").lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def allowed_hosts(bind_host: str, extra: Iterable[str] = ()) -> frozenset[str] | None:
    """The Host names a server bound to `bind_host` answers; None: any (not on loopback)."""
    names = {name.strip().lower().strip("[]") for name in extra if name.strip()}
    if is_loopback(bind_host):
        return frozenset({*LOOPBACK_NAMES, bind_host.lower().strip("[]"), *names})
    return frozenset(names) or None


def host_name(header: str) -> str:
    """The name of a Host header without its port: "[::1]:8000" -> "::1"."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1 : header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class HostAllowList:
    """ASGI middleware: requests whose Host is not allowed get a 400 (JSON error shape)."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        header = dict(scope.get("headers") or []).get(b"host", b"").decode("latin-1")
        if host_name(header) not in self.hosts:
            shown = header[:100] or "(none)"
            response = error_response(
                400,
                f"this server does not answer to Host {shown!r}: it answers to "
                f"{', '.join(sorted(self.hosts))} (serve --allow-host adds a name)",
                code="bad_host",
                parameter="Host",
            )
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)
