"""The client's own address behind a reverse proxy (decision 0020).

Gunicorn, unlike daphne's `--proxy-headers`, leaves REMOTE_ADDR as the proxy's address, so
behind nginx every resident would share one: the rate limits would count them all together and
the audit log would record the proxy. Only a proxy we trust may say who the client is: anyone
can send an X-Forwarded-For header, so it is believed only when the connection itself comes
from an address in LAMPIO_TRUSTED_PROXIES (none by default, as when Django faces the network).
"""

from __future__ import annotations

import ipaddress
from collections.abc import Callable
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponse

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address


@lru_cache(maxsize=8)
def trusted_networks(entries: tuple[str, ...]) -> tuple[Network, ...]:
    return tuple(ipaddress.ip_network(entry.strip(), strict=False) for entry in entries)


def _address(text: str) -> Address | None:
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def _among(address: Address, networks: tuple[Network, ...]) -> bool:
    return any(address in network for network in networks)


def client_address(remote_addr: str, forwarded_for: str, networks: tuple[Network, ...]) -> str:
    """The nearest address in the X-Forwarded-For chain that is not one of our proxies.

    Proxies append the address they were reached from, so the chain is read from the right:
    anything left of the first untrusted hop could have been written by the client itself.
    """
    peer = _address(remote_addr)
    if not forwarded_for or peer is None or not _among(peer, networks):
        return remote_addr
    for hop in reversed(forwarded_for.split(",")):
        address = _address(hop)
        if address is None:
            return remote_addr
        if not _among(address, networks):
            return hop.strip()
    return remote_addr


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
