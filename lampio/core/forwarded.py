"""The client's own address behind a reverse proxy (decision 0020).

Gunicorn, unlike daphne's `--proxy-headers`, leaves REMOTE_ADDR as the proxy's address, so
behind nginx every resident would share one: the rate limits would count them all together and
the audit log would record the proxy. Only a proxy we trust may say who the client is: anyone
can send an X-Forwarded-For header, so it is believed only when the connection itself comes
from an address in LAMPIO_TRUSTED_PROXIES (none by default, as when Django faces the network).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable, Iterable
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse

Network = ipaddress.IPv4Network | ipaddress.IPv6Network


@lru_cache(maxsize=8)
def trusted_networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)


def _within(address: str, networks: Iterable[Network]) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in network for network in networks)


def client_address(remote_addr: str, forwarded_for: str, networks: tuple[Network, ...]) -> str:
    """The nearest address in the X-Forwarded-For chain that is not one of our proxies.

    Proxies append the address they were reached from, so the chain is read from the right:
    anything left of the first untrusted hop could have been written by the client itself.
    """
    if not forwarded_for or not _within(remote_addr, networks):
        return remote_addr
    for hop in reversed(forwarded_for.split(",")):
        hop = hop.strip()
        if not _within(hop, networks):
            return hop if _is_address(hop) else remote_addr
    return remote_addr


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


class ForwardedClientMiddleware:
    """Set REMOTE_ADDR to the client's address when a trusted proxy forwarded the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        entries = tuple(settings.LAMPIO_TRUSTED_PROXIES)
        if entries:
            request.META["REMOTE_ADDR"] = client_address(
                request.META.get("REMOTE_ADDR", ""),
                request.META.get("HTTP_X_FORWARDED_FOR", ""),
                trusted_networks(entries),
            )
        return self.get_response(request)
